//! CS7xx manifest: `dataset.json` against the files it describes. A folder without
//! `dataset.json` (tables written by other tools) is checked without these rules: they
//! report nothing there.

pub mod invalid_manifest;
pub mod listed_table_missing;
pub mod row_count_mismatch;
pub mod stale_table_hash;
pub mod unlisted_table;

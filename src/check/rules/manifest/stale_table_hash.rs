//! CS702 `stale-table-hash`: a table file no longer matches its SHA-256 in
//! `dataset.json` (or its part files are not the ones listed).

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Compares every table file with the SHA-256 that `dataset.json` records for it,
    /// and the part files of a table stored as a folder with the parts listed: a file
    /// that changed, a part that is listed but gone, a part that is there but not
    /// listed.
    ///
    /// ## Why is this bad?
    /// The hashes are how readers tell a damaged or replaced file from the one that was
    /// written: `claimset convert` into the dataset and `claimset merge` refuse a table
    /// whose hash does not match. After an edit in pandas, polars, duckdb or Spark the
    /// manifest describes tables that are no longer there.
    ///
    /// ## Example
    /// ```text
    /// dataset.json     claims.parquet  sha256 d6c97e…
    /// claims.parquet   (saved again by pandas: sha256 41be02…)
    /// ```
    ///
    /// ## Use instead
    /// When the edit was deliberate, record the tables as they are now:
    /// ```text
    /// claimset seal DATASET
    /// ```
    pub struct StaleTableHash {}
    code = "CS702",
    name = "stale-table-hash",
    severity = Error,
    help = "if the tables were edited on purpose, run `claimset seal DATASET` to record them; otherwise restore the tables",
}

impl Rule for StaleTableHash {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let Some(audit) = cx.manifest() else {
            return;
        };
        for t in &audit.tables {
            for (path, what) in &t.changed {
                out.emit(
                    Loc::table(table_name(&t.name)).file(cx.dir().join(path)),
                    format!("{path} does not match dataset.json: {what}"),
                );
            }
        }
    }
}

/// The table name as a static string, for locations; tables outside the data model
/// are reported under `manifest`.
pub(crate) fn table_name(name: &str) -> &'static str {
    crate::dataset::TABLES
        .iter()
        .map(|(t, _)| *t)
        .find(|t| *t == name)
        .unwrap_or("manifest")
}

//! Fuzz target: bytes → one table file of a copy of the sample dataset → `check::check`.
//!
//! The first byte picks the table the rest of the input replaces (with the manifest left
//! as it is, as a hand-edited or damaged dataset would be). Any input must give a report
//! or a `CheckError`, never a panic, and the checker's memory must stay bounded (run with
//! `-malloc_limit_mb`).

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use claimset::check::{Settings, check};
use libfuzzer_sys::fuzz_target;

const TABLES: [&str; 5] = ["actors", "sources", "articles", "claims", "mentions"];

/// A private copy of the sample dataset, made once.
fn sample() -> &'static (tempfile::TempDir, PathBuf) {
    static SAMPLE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("temporary folder");
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../datasets/sample");
        let to = tmp.path().join("sample");
        std::fs::create_dir(&to).expect("sample copy");
        for entry in std::fs::read_dir(&from).expect("datasets/sample") {
            let entry = entry.expect("sample entry");
            if entry.file_type().expect("file type").is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
            }
        }
        (tmp, to)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, table_bytes)) = data.split_first() else {
        return;
    };
    let (_, dir) = sample();
    let table = TABLES[pick as usize % TABLES.len()];
    let path = dir.join(format!("{table}.parquet"));
    let original = std::fs::read(&path).expect("sample table");
    std::fs::write(&path, table_bytes).expect("write table");
    let _ = check(dir, &Settings::default());
    std::fs::write(&path, original).expect("restore table");
});

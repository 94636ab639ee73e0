//! Integration tests: the `claimset` binary and library, end to end.

mod check;
mod convert;
mod mini_dataset;
mod parquet;
mod schema;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture file under tests/fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The seed article the project started from.
pub fn seed() -> PathBuf {
    root().join("datasets/raw/jnim-mauritania-senegal.txt")
}

/// The `claimset` binary, run from the repository root.
pub fn claimset() -> Command {
    let mut cmd = Command::cargo_bin("claimset").expect("binary builds");
    cmd.current_dir(root());
    cmd
}

/// Converts `inputs` into `out` and returns the command's exit code.
pub fn convert(inputs: &[&Path], out: &Path) -> i32 {
    let mut cmd = claimset();
    cmd.arg("convert");
    for i in inputs {
        cmd.arg(i);
    }
    cmd.arg("--out").arg(out).arg("--quiet");
    cmd.output().expect("runs").status.code().unwrap_or(-1)
}

//! Integration tests: the `claimset` binary and library, end to end.

mod bad_inputs;
mod batches;
mod check;
mod cli;
mod convert;
mod dataset;
mod ecosystem;
mod extract;
mod incremental;
mod kill;
mod linear;
mod losses;
mod mini_dataset;
mod parquet;
mod properties;
mod scale;
mod schema;
mod syntax;

use std::fs;
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

/// The `claimset` binary, run from the repository root (and never appending to the job
/// summary of a CI runner that happens to run the tests).
pub fn claimset() -> Command {
    let mut cmd = Command::cargo_bin("claimset").expect("binary builds");
    cmd.current_dir(root()).env_remove("GITHUB_STEP_SUMMARY");
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

/// The claims, sources and actors of one extracted article, one line each, for snapshots.
pub fn render(x: &claimset::extract::Extracted) -> String {
    let mut out = String::new();
    let source = |id: &Option<claimset::model::SourceId>| {
        id.as_ref()
            .and_then(|id| x.sources.iter().find(|s| &s.source_id == id))
            .map_or("-".to_string(), |s| format!("{} ({})", s.name, s.kind))
    };
    out.push_str(&format!(
        "related_headlines: {:#?}\n",
        x.article.related_headlines
    ));
    for n in &x.notes {
        out.push_str(&format!("note {n}\n"));
    }
    for c in &x.claims {
        out.push_str(&format!(
            "claim {} | {} | cue {} | hedges {:?}\n    {}\n",
            c.kind,
            source(&c.source_id),
            c.cue.as_deref().unwrap_or("-"),
            c.hedges,
            c.text
        ));
    }
    let mut actors: Vec<_> = x.actors.iter().collect();
    actors.sort_by(|a, b| a.name.cmp(&b.name));
    for a in actors {
        out.push_str(&format!(
            "actor {} ({}) aliases {:?} description {:?}\n",
            a.name, a.kind, a.aliases, a.description
        ));
    }
    out
}

/// The bundled sample articles, in name order.
pub fn raw_articles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("datasets/raw"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Asserts two folders hold the same file names with byte-identical contents, part-file
/// folders included.
pub fn assert_same_files(a: &Path, b: &Path) {
    let names = |dir: &Path| {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let (left, right) = (names(a), names(b));
    assert_eq!(left, right);
    for n in left {
        let (x, y) = (a.join(&n), b.join(&n));
        if x.is_dir() {
            assert_same_files(&x, &y);
            continue;
        }
        assert!(
            fs::read(&x).unwrap() == fs::read(&y).unwrap(),
            "{} differs",
            x.display()
        );
    }
}

/// Copies the files of folder `from` into a new folder `to` (not recursive).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

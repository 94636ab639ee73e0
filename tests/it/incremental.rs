//! Incremental conversion: adding to a dataset, converting again, `--replace`, and what
//! happens when the dataset at `--out` cannot be read.

use std::fs;
use std::path::{Path, PathBuf};

use claimset::dataset::Dataset;
use claimset::model::{Finding, Severity};

use crate::{assert_same_files, claimset, copy_dir, fixture, raw_articles, root};

/// Runs `claimset convert ARGS... --out OUT` and returns (exit code, stderr).
fn run(args: &[&Path], out: &Path, extra: &[&str]) -> (i32, String) {
    let output = claimset()
        .arg("convert")
        .args(args)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn paths(files: &[PathBuf]) -> Vec<&Path> {
    files.iter().map(PathBuf::as_path).collect()
}

#[test]
fn converting_the_same_inputs_again_leaves_the_dataset_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let first = tmp.path().join("first");
    let inputs = [root().join("datasets/raw"), fixture("bad-inputs")];
    let inputs = paths(&inputs);
    let (code, err) = run(&inputs, &out, &[]);
    assert_eq!(code, 1, "{err}");
    copy_dir(&out, &first);
    let (code, err) = run(&inputs, &out, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with("converted 0 articles (17 rejected, 27 already in the dataset)"),
        "{err}"
    );
    assert_same_files(&first, &out);
}

#[test]
fn adding_in_two_batches_equals_converting_at_once() {
    let files = raw_articles();
    let (a, b) = files.split_at(files.len() / 2);
    let mut b = b.to_vec();
    b.push(fixture("bad-inputs/malformed.jsonl"));
    b.push(a[0].clone()); // already added by the first batch
    let tmp = tempfile::tempdir().unwrap();
    let (stepwise, at_once) = (tmp.path().join("stepwise"), tmp.path().join("at-once"));
    assert_eq!(run(&paths(a), &stepwise, &[]).0, 0);
    let (code, err) = run(&paths(&b), &stepwise, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("6 rejected, 1 already in the dataset"),
        "{err}"
    );
    let all: Vec<PathBuf> = a.iter().chain(&b).cloned().collect();
    assert_eq!(run(&paths(&all), &at_once, &[]).0, 1);
    assert_same_files(&at_once, &stepwise);
}

#[test]
fn replace_starts_the_dataset_afresh() {
    let files = raw_articles();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    assert_eq!(run(&paths(&files[..3]), &out, &[]).0, 0);
    assert_eq!(run(&paths(&files[3..4]), &out, &["--replace"]).0, 0);
    let ds = Dataset::read(&out).unwrap();
    assert_eq!(ds.articles.len(), 1);
    assert!(
        ds.articles[0]
            .origin
            .ends_with(&*files[3].to_string_lossy())
    );
}

#[test]
fn a_fixed_input_replaces_its_old_rejection() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let batch = tmp.path().join("batch.jsonl");
    let good =
        r#"{"title": "Port reopens", "text": "The port reopened on Monday, officials said."}"#;
    fs::write(&batch, format!("{good}\n{{\"title\": \"Cut off\n")).unwrap();
    let (code, err) = run(&[&batch], &out, &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(Dataset::read(&out).unwrap().rejected.len(), 1);
    let fixed = r#"{"title": "Strike ends", "text": "The strike ended, the union said."}"#;
    fs::write(&batch, format!("{good}\n{fixed}\n")).unwrap();
    let (code, err) = run(&[&batch], &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with("converted 1 articles (0 rejected, 1 already in the dataset)"),
        "{err}"
    );
    let ds = Dataset::read(&out).unwrap();
    assert_eq!(ds.articles.len(), 2);
    assert!(ds.rejected.is_empty(), "{:?}", ds.rejected);
}

#[test]
fn findings_already_in_the_dataset_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let files = raw_articles();
    assert_eq!(run(&paths(&files[..1]), &out, &[]).0, 0);
    let mut ds = Dataset::read(&out).unwrap();
    ds.findings.push(Finding {
        rule: "CS101".into(),
        severity: Severity::Warning,
        table: "claims".into(),
        record_id: None,
        article_id: Some(ds.articles[0].article_id.clone()),
        start: Some(0),
        end: Some(4),
        message: "a finding written by the checker".into(),
    });
    ds.write(&out).unwrap();
    assert_eq!(run(&paths(&files[1..2]), &out, &[]).0, 0);
    let ds = Dataset::read(&out).unwrap();
    assert_eq!(ds.articles.len(), 2);
    assert_eq!(ds.findings.len(), 1);
}

/// The reader-facing side of hostile Parquet: adding to a dataset whose table is
/// damaged stops with exit status 2, names the file, and leaves the dataset as it was.
#[test]
fn adding_to_a_damaged_dataset_fails_with_a_clear_error_and_touches_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    copy_dir(&root().join("datasets/sample"), &out);
    let claims = out.join("claims.parquet");
    let mut bytes = fs::read(&claims).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 64] {
        *b = !*b;
    }
    fs::write(&claims, &bytes).unwrap();
    let before = tmp.path().join("before");
    copy_dir(&out, &before);

    let (code, err) = run(&[&crate::seed()], &out, &[]);
    assert_eq!(code, 2, "{err}");
    let shown = err.replace(&*tmp.path().to_string_lossy(), "TMP");
    assert!(
        shown.starts_with(
            "error: TMP/ds/claims.parquet: does not match its SHA-256 in dataset.json"
        ),
        "{shown}"
    );
    assert_eq!(shown.lines().count(), 1, "{shown}");
    assert_same_files(&before, &out);

    fs::remove_file(&claims).unwrap();
    let (code, err) = run(&[&crate::seed()], &out, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("claims.parquet: No such file"), "{err}");
}

#[test]
fn an_output_folder_that_is_not_a_dataset_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("notes");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("todo.txt"), "keep me").unwrap();
    for extra in [&[][..], &["--replace"][..]] {
        let (code, err) = run(&[&crate::seed()], &out, extra);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("is a folder without dataset.json"), "{err}");
    }
    assert_eq!(fs::read_to_string(out.join("todo.txt")).unwrap(), "keep me");
}

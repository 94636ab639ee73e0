//! `claimset convert`: inputs of every kind, determinism, rejection of bad records, and
//! the committed sample dataset.

use std::fs;
use std::path::Path;

use arrow_array::cast::AsArray;
use claimset::dataset::read_table;
use claimset::extract::Extractor;
use claimset::ingest::{Input, read_all};

use crate::{assert_same_files, claimset, convert, fixture, render, root, seed};

/// The claims and actors of one input, one line each, for snapshots.
fn render_file(path: &Path) -> String {
    let docs = read_all(&[Input::File(path.to_path_buf())]);
    render(&Extractor::default().extract(&docs.documents[0]))
}

#[test]
fn seed_article_extraction() {
    insta::assert_snapshot!(render_file(&seed()));
}

#[test]
fn front_matter_article_extraction() {
    insta::assert_snapshot!(render_file(&fixture("convert/front-matter.md")));
}

#[test]
fn seed_article_converts_with_its_teasers_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    assert_eq!(convert(&[&seed()], &out), 0);
    let t = read_table(&out.join("articles.parquet")).unwrap();
    let b = &t.batches[0];
    assert_eq!(b.num_rows(), 1);
    let text = b
        .column_by_name("text")
        .unwrap()
        .as_string::<i32>()
        .value(0);
    assert!(!text.contains("Will Somali authorities succeed"));
    let related = b
        .column_by_name("related_headlines")
        .unwrap()
        .as_list::<i32>()
        .value(0);
    assert_eq!(related.len(), 6);
}

#[test]
fn two_runs_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let raw = root().join("datasets/raw");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert_eq!(convert(&[&raw], &a), 0);
    assert_eq!(convert(&[&raw], &b), 0);
    assert_same_files(&a, &b);
}

#[test]
fn committed_sample_dataset_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample");
    // The sample is converted and checked: `claimset convert --check` (make sample).
    let status = claimset()
        .args(["convert", "datasets/raw", "--check", "--quiet", "--out"])
        .arg(&out)
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(0));
    assert_same_files(&root().join("datasets/sample"), &out);
}

#[test]
fn invalid_records_and_bad_lines_are_rejected_and_the_rest_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    let output = claimset()
        .arg("convert")
        .arg(fixture("convert/batch.jsonl"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("converted 1 articles (2 rejected)"), "{err}");
    assert!(err.contains("batch.jsonl:2: article art_"), "{err}");
    assert!(err.contains("/language"), "{err}");
    assert!(err.contains("batch.jsonl:3: not valid JSON"), "{err}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("dataset.json")).unwrap()).unwrap();
    assert_eq!(manifest["rejected"].as_array().unwrap().len(), 2);
    assert_eq!(manifest["tables"][0]["rows"], 1);
}

#[test]
fn markdown_front_matter_fills_article_metadata_and_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    assert_eq!(convert(&[&fixture("convert/front-matter.md")], &out), 0);
    let t = read_table(&out.join("articles.parquet")).unwrap();
    let b = &t.batches[0];
    let col = |n: &str| {
        b.column_by_name(n)
            .unwrap()
            .as_string::<i32>()
            .value(0)
            .to_string()
    };
    assert_eq!(col("title"), "Drought deepens across the northern plains");
    assert_eq!(col("url"), "https://news.example.org/drought");
    assert!(col("source_id").starts_with("src_"));
    let published = b
        .column_by_name("published")
        .unwrap()
        .as_primitive::<arrow_array::types::Date32Type>()
        .value(0);
    assert_eq!(published, 19875); // 2024-06-01
}

#[test]
fn stdin_is_read_as_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    claimset()
        .args(["convert", "-", "--quiet", "--out"])
        .arg(&out)
        .write_stdin("Headline here\n\nThe minister said the budget would rise.\n")
        .assert()
        .success();
    let manifest = fs::read_to_string(out.join("dataset.json")).unwrap();
    assert!(manifest.contains("\"rows\": 1"), "{manifest}");
}

#[test]
fn missing_input_is_rejected_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    let output = claimset()
        .args(["convert", "no/such/file.txt", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("no/such/file.txt: no such file or folder")
    );
}

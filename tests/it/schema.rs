//! The committed JSON Schemas are current, and invalid records are refused.

use claimset::model::schema::Validator;
use claimset::model::{Article, ArticleId, sha256_hex};

use crate::claimset;

#[test]
fn committed_schemas_are_current() {
    let out = claimset().args(["schema", "--check"]).output().unwrap();
    assert!(
        out.status.success(),
        "schema/ is stale; run `cargo run -- schema` and commit:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn stale_schema_is_reported_with_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    claimset()
        .args(["schema", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let path = dir.path().join("claim.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"hedges\"", "\"hedging\"");
    std::fs::write(&path, text).unwrap();
    let out = claimset()
        .args(["schema", "--check", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("claim.schema.json differs"), "{err}");
    assert!(
        err.contains("+   \"required\"") || err.contains("\"hedges\""),
        "{err}"
    );
}

#[test]
fn validator_names_pointer_of_each_violation() {
    let raw = sha256_hex(b"x");
    let article = Article {
        article_id: ArticleId::from_stored("art_nothex"),
        title: String::new(),
        text: "t".into(),
        origin: "o".into(),
        source_id: None,
        url: None,
        published: None,
        language: "en".into(),
        related_headlines: vec![],
        word_count: 1,
        raw_sha256: raw,
    };
    let v = Validator::new::<Article>().check(&article);
    let mut pointers: Vec<&str> = v.iter().map(|v| v.pointer.as_str()).collect();
    pointers.sort();
    pointers.dedup();
    assert_eq!(pointers, vec!["/article_id", "/title"], "{v:?}");
}

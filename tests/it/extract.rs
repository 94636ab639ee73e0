//! Extraction patterns: one fixture per attribution pattern in tests/fixtures/extract/,
//! each snapshot-tested with its claims, sources and actors.

use claimset::extract::Extractor;
use claimset::ingest::{Input, read_all};

use crate::render;

#[test]
fn extraction_patterns() {
    let extractor = Extractor::default();
    insta::glob!("../fixtures/extract", "*.txt", |path| {
        let docs = read_all(&[Input::File(path.to_path_buf())]);
        let x = extractor.extract(&docs.documents[0]);
        insta::assert_snapshot!(render(&x));
    });
}

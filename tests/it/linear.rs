//! Work grows linearly with the input: each structure that could make work grow with the
//! square of its size (one article's claims in `check`, quotations in one paragraph,
//! nested HTML, attributes, nested front matter) is fed at size n and 10n, and the work
//! counted by the code (not the clock) must grow about tenfold.

use std::path::Path;

use claimset::check::{self, Settings};
use claimset::convert::{Options, convert};
use claimset::dataset::Dataset;
use claimset::extract::Extractor;
use claimset::ingest::Input;
use claimset::model::{ClaimId, ClaimKind};

/// Asserts that `work(10 n)` is at most about ten times `work(n)`.
fn assert_linear(what: &str, n: usize, work: impl Fn(usize) -> u64) {
    let (small, big) = (work(n), work(10 * n));
    assert!(small > 0, "{what}: no work counted at n = {n}");
    assert!(
        big <= small * 12 + 10_000,
        "{what}: work {small} at n = {n} but {big} at 10n, more than linear"
    );
}

/// Converts `text` as one article into `dir`.
fn convert_text(text: &str, dir: &Path) {
    let input = dir.join("in.txt");
    std::fs::write(&input, text).unwrap();
    let out = dir.join("ds");
    convert(
        &Extractor::default(),
        &[Input::File(input)],
        vec![],
        &out,
        &Options::default(),
    )
    .unwrap();
}

/// The work of checking the dataset in `dir`.
fn check_work(dir: &Path) -> u64 {
    let before = check::locate::work();
    let report = check::check(dir, &Settings::default()).unwrap();
    assert!(!report.diagnostics.is_empty());
    check::locate::work() - before
}

#[test]
fn check_work_is_linear_in_the_claims_of_one_article() {
    assert_linear("check of n quotations", 300, |n| {
        let tmp = tempfile::tempdir().unwrap();
        convert_text(&format!("H\n\n{}", "“a,” he said. ".repeat(n)), tmp.path());
        check_work(&tmp.path().join("ds"))
    });
}

#[test]
fn check_work_is_linear_in_nested_claims_of_one_source() {
    // n claims nested in one another, all the article's own voice: each overlaps every
    // earlier one, and none clashes.
    assert_linear("check of n nested claims", 300, |n| {
        let tmp = tempfile::tempdir().unwrap();
        convert_text("Headline\n\nThe talks ended on Monday.", tmp.path());
        let ds = tmp.path().join("ds");
        let mut data = Dataset::read(&ds).unwrap();
        let text = "x ".repeat(2 * n);
        let article = &mut data.articles[0];
        article.text = text.clone();
        let id = article.article_id.clone();
        let template = data.claims[0].clone();
        data.claims = (0..n as u32)
            .map(|k| {
                let (start, end) = (k, 4 * n as u32 - k);
                let mut c = template.clone();
                c.claim_id = ClaimId::derive(&id, start, end);
                c.text = text[start as usize..end as usize].to_string();
                (c.start, c.end, c.source_id, c.kind) = (start, end, None, ClaimKind::Indirect);
                c
            })
            .collect();
        data.mentions.clear();
        std::fs::remove_dir_all(&ds).unwrap();
        data.write(&ds).unwrap();
        check_work(&ds)
    });
}

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
    let before = claimset::work::done();
    let report = check::check(dir, &Settings::default()).unwrap();
    assert!(!report.diagnostics.is_empty());
    claimset::work::done() - before
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

/// The extraction work for one article of `body`.
fn extract_work(body: &str) -> u64 {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.txt");
    std::fs::write(&path, format!("Headline\n\n{body}\n")).unwrap();
    let docs = claimset::ingest::read_all(&[Input::File(path)]).documents;
    let extractor = Extractor::default();
    let before = claimset::work::done();
    for d in &docs {
        extractor.extract(d);
    }
    claimset::work::done() - before
}

#[test]
fn extraction_work_is_linear_in_quotations_per_paragraph() {
    assert_linear("n quotations in one paragraph", 300, |n| {
        extract_work(&"“a,” he said. ".repeat(n))
    });
    assert_linear("n quotations with one cue", 300, |n| {
        extract_work(&format!("He said {}.", "“a b” ".repeat(n)))
    });
}

#[test]
fn extraction_work_is_linear_in_nested_and_single_quotes() {
    assert_linear("n straight quotes", 300, |n| {
        extract_work(&"\"a ".repeat(n))
    });
    assert_linear("n curly and straight quotes", 300, |n| {
        extract_work(&"“a \"b ".repeat(n))
    });
    assert_linear("n single quotes never closed", 300, |n| {
        extract_work(&format!("{}'", "'a-".repeat(n)))
    });
}

#[test]
fn extraction_work_is_linear_in_pronouns_after_many_names() {
    // Every "he" looks back for a person past every organisation named before it.
    assert_linear("n pronouns after n organisations", 300, |n| {
        let names = "The Alpha Institute met the Beta Council. ".repeat(n);
        let pronouns = "He said the talks went well. ".repeat(n);
        extract_work(&format!("{names}\n\n{pronouns}"))
    });
}

#[test]
fn extraction_work_is_linear_in_cues_of_one_run_on_sentence() {
    // A scraped blob with no sentence end: every cue's content extent walks the tree of
    // the whole "sentence" unless a sentence that long is read by tokens alone.
    assert_linear("n cues in one sentence", 40, |n| {
        extract_work(&format!(
            "{}.",
            "officials said the group, which warned that rebels said the army withdrew, ".repeat(n)
        ))
    });
}

/// The work of reading `page` as HTML, and whether it was refused.
fn html_work(page: &str) -> (u64, bool) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("p.html");
    std::fs::write(&path, page).unwrap();
    let before = claimset::work::done();
    let read = claimset::ingest::read_all(&[Input::File(path)]);
    (claimset::work::done() - before, read.documents.is_empty())
}

#[test]
fn html_nesting_the_parser_makes_is_refused_in_linear_work() {
    for unit in ["<rb>", "<optgroup>", "<a><div></a>", "<div>"] {
        assert_linear(unit, 1000, |n| {
            let (work, refused) = html_work(&format!("<h1>T</h1>{}x", unit.repeat(n)));
            assert!(refused, "{unit} × {n} is refused");
            work
        });
    }
    assert_linear("attributes", 2000, |n| {
        let attrs: String = (0..n).map(|i| format!(" a{i}=v")).collect();
        let (work, refused) = html_work(&format!("<h1>T</h1><p{attrs}>x</p>"));
        assert!(refused);
        work
    });
}

#[test]
fn nested_front_matter_is_refused() {
    for n in [1_000, 100_000] {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.md");
        let nested = format!("x: {}1{}", "[".repeat(n), "]".repeat(n));
        std::fs::write(&path, format!("---\n{nested}\n---\nBody text.\n")).unwrap();
        let read = claimset::ingest::read_all(&[Input::File(path)]);
        assert!(read.documents.is_empty());
        assert!(
            read.rejected[0].reason.contains("nested more than"),
            "{:?}",
            read.rejected
        );
    }
}

#[test]
fn check_refuses_a_footer_that_repeats_a_row_group_before_decoding() {
    use parquet::file::metadata::{
        FileMetaData, ParquetMetaData, ParquetMetaDataReader, ParquetMetaDataWriter,
    };
    let tmp = tempfile::tempdir().unwrap();
    let ds = tmp.path().join("ds");
    assert_eq!(crate::convert(&[&crate::seed()], &ds), 0);
    let path = ds.join("claims.parquet");
    let bytes = std::fs::read(&path).unwrap();
    let meta = ParquetMetaDataReader::new()
        .parse_and_finish(&bytes::Bytes::from(bytes.clone()))
        .unwrap();
    let footer_len =
        u32::from_le_bytes(bytes[bytes.len() - 8..bytes.len() - 4].try_into().unwrap());
    let data = &bytes[..bytes.len() - 8 - footer_len as usize];
    // The one row group, declared 3,200 times over the same bytes.
    let group = meta.row_groups()[0].clone();
    let f = meta.file_metadata();
    let forged = ParquetMetaData::new(
        FileMetaData::new(
            f.version(),
            f.num_rows() * 3200,
            f.created_by().map(str::to_string),
            f.key_value_metadata().cloned(),
            f.schema_descr_ptr(),
            f.column_orders().cloned(),
        ),
        vec![group; 3200],
    );
    let mut out = data.to_vec();
    ParquetMetaDataWriter::new(&mut out, &forged)
        .finish()
        .unwrap();
    std::fs::write(&path, &out).unwrap();
    let output = crate::claimset()
        .args(["check", "--no-write"])
        .arg(&ds)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("claims.parquet") && stderr.contains("shares bytes"),
        "{stderr}"
    );
}

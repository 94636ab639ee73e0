//! JSONL batches of any size: streamed line by line with the size limit per line, each
//! line decoded on its own, progress following the bytes read, and the same tables as
//! reading the batch whole.

use std::fs;
use std::path::Path;

use claimset::convert::{Options, convert_with_progress};
use claimset::dataset::read_records;
use claimset::extract::Extractor;
use claimset::ingest::{Input, Limits, read_all};
use claimset::model::Article;

use crate::{assert_same_files, claimset};

/// Line `i` of a generated batch: an ordinary article of a few hundred bytes.
fn article(i: usize) -> String {
    serde_json::json!({
        "title": format!("Council approves plan number {i}"),
        "text": format!(
            "The regional council approved plan {i} on Tuesday.\n\n\"We will build {i} \
             reservoirs,\" said council chair Maria Okafor. Officials said the work would \
             take {} months.",
            i % 12 + 1
        ),
        "outlet": "Example Times",
        "published": "2024-03-05",
    })
    .to_string()
}

/// A batch of `n` generated articles.
fn batch(n: usize) -> String {
    (0..n).map(|i| article(i) + "\n").collect()
}

/// Converts `input` into `out` with `args`; returns (exit code, stderr).
fn convert(input: &Path, out: &Path, args: &[&str]) -> (i32, String) {
    let output = claimset()
        .arg("convert")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_batch_over_the_size_limit_converts_every_line() {
    // A 60 MB batch over the 10 MB limit used to be rejected whole; here the same with a
    // limit of 2 kB and a batch of some 120 kB.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("batch.jsonl");
    fs::write(&input, batch(400)).unwrap();
    assert!(fs::metadata(&input).unwrap().len() > 100_000);
    let (small, whole) = (tmp.path().join("small"), tmp.path().join("whole"));
    let (code, stderr) = convert(&input, &small, &["--max-input-size", "2kB", "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    let articles = read_records::<Article>(&small.join("articles.parquet")).unwrap();
    assert_eq!(articles.len(), 400);
    assert_eq!(articles[399].origin, format!("{}:400", input.display()));
    // Streaming changes nothing: the tables are those of a limit above the batch size.
    let (code, stderr) = convert(&input, &whole, &["--max-input-size", "1GB", "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    assert_same_files(&small, &whole);
}

#[test]
fn a_line_over_the_size_limit_is_rejected_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("batch.jsonl");
    let long = serde_json::json!({"title": "Long", "text": "word ".repeat(1000)}).to_string();
    fs::write(
        &input,
        format!("{}\n{long}\r\n{}\n", article(1), article(2)),
    )
    .unwrap();
    let out = tmp.path().join("ds");
    let (code, stderr) = convert(&input, &out, &["--max-input-size", "1kB"]);
    assert_eq!(code, 1, "{stderr}");
    let line = format!(
        "rejected: {}:2: too large: a line of {} bytes, over the input size limit of 1 kB",
        input.display(),
        format_thousands(long.len())
    );
    assert!(stderr.contains(&line), "{line}\n{stderr}");
    let articles = read_records::<Article>(&out.join("articles.parquet")).unwrap();
    let origins: Vec<&str> = articles.iter().map(|a| a.origin.as_str()).collect();
    let at = |n| format!("{}:{n}", input.display());
    assert_eq!(origins, [at(1), at(3)]);
}

/// `12345` → `12,345`.
fn format_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn one_line_in_another_encoding_does_not_garble_the_others() {
    // One Latin-1 line used to make the whole batch decode as windows-1252: "Café" was
    // read as "CafÃ©" on every valid line.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("mixed.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(
        "{\"title\": \"Café owners protest\", \"text\": \"The owners of the Café Lumière said they would close.\"}\n"
            .as_bytes(),
    );
    bytes.extend_from_slice(
        b"{\"title\": \"Caf\xe9 reopens\", \"text\": \"The caf\xe9 reopened on Monday, its owner said.\"}\n",
    );
    bytes.extend_from_slice(
        "{\"title\": \"Crème brûlée\", \"text\": \"A pastry chef said the crème brûlée sold out.\"}\n"
            .as_bytes(),
    );
    fs::write(&input, &bytes).unwrap();
    let read = read_all(&[Input::File(input.clone())]);
    assert!(read.rejected.is_empty(), "{:?}", read.rejected);
    let titles: Vec<&str> = read.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Café owners protest", "Café reopens", "Crème brûlée"]
    );
    assert!(read.documents[1].notes[0].contains("windows-1252"));
    assert!(read.documents[0].notes.is_empty());
    assert!(read.documents[2].notes.is_empty());
}

#[test]
fn progress_follows_the_bytes_of_a_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("batch.jsonl");
    fs::write(&input, batch(60)).unwrap();
    let size = fs::metadata(&input).unwrap().len();
    let options = Options {
        limits: Limits {
            max_input_bytes: 2_000,
        },
        chunk_bytes: Some(4_000),
        ..Options::default()
    };
    let mut seen = Vec::new();
    let report = convert_with_progress(
        &Extractor::default(),
        &[Input::File(input)],
        vec![],
        &tmp.path().join("ds"),
        &options,
        &mut |done| seen.push(done),
    )
    .unwrap();
    assert_eq!(report.added, 60);
    assert!(seen.len() > 3, "one step per chunk: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen[0] < size / 2, "no jump to the end: {seen:?}");
    assert_eq!(seen.last(), Some(&size));
}

#[test]
fn a_batch_on_stdin_streams_too() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let output = claimset()
        .args([
            "convert",
            "-",
            "--max-input-size",
            "1kB",
            "--quiet",
            "--out",
        ])
        .arg(&out)
        .write_stdin(batch(20))
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let articles = read_records::<Article>(&out.join("articles.parquet")).unwrap();
    assert_eq!(articles.len(), 20);
    assert_eq!(articles[19].origin, "stdin:20");
}

//! The bad-input corpus (`tests/fixtures/bad-inputs/`, outcomes in its `expected.yaml`)
//! converted as one batch, plus big inputs made at test time: every bad input is either
//! converted or rejected with a message naming it, and none aborts the batch.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use claimset::dataset::read_records;
use claimset::model::Article;
use serde::Deserialize;

use crate::{claimset, fixture};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Outcome {
    Converts,
    Rejected,
}

/// One entry of `expected.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    outcome: Outcome,
    message: Option<String>,
    title: Option<String>,
    text: Option<String>,
}

/// What a conversion wrote, keyed by input name (the file name, or `file.jsonl:LINE`).
#[derive(Debug, Default)]
struct Written {
    /// (input, title, text) of every article.
    articles: Vec<(String, String, String)>,
    /// (input, reason) of every rejected input.
    rejected: Vec<(String, String)>,
    /// (input, message) of every conversion note.
    issues: Vec<(String, String)>,
}

fn file_name(origin: &str) -> String {
    Path::new(origin)
        .file_name()
        .map_or(origin.to_string(), |n| n.to_string_lossy().into_owned())
}

fn read_written(out: &Path) -> Written {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("dataset.json")).unwrap()).unwrap();
    let mut w = Written::default();
    for r in manifest["rejected"].as_array().unwrap() {
        w.rejected.push((
            file_name(r["path"].as_str().unwrap()),
            r["reason"].as_str().unwrap().to_string(),
        ));
    }
    for i in manifest["issues"].as_array().unwrap() {
        w.issues.push((
            file_name(i["origin"].as_str().unwrap()),
            i["message"].as_str().unwrap().to_string(),
        ));
    }
    for a in read_records::<Article>(&out.join("articles.parquet")).unwrap() {
        w.articles.push((file_name(&a.origin), a.title, a.text));
    }
    w
}

fn check(case: &Case, w: &Written) -> Result<(), String> {
    let name = &case.input;
    let article = w.articles.iter().find(|(o, _, _)| o == name);
    let rejection = w.rejected.iter().find(|(p, _)| p == name);
    match (&case.outcome, article, rejection) {
        (Outcome::Converts, Some((_, title, text)), None) => {
            if let Some(want) = &case.title
                && want != title
            {
                return Err(format!("title is {title:?}, expected {want:?}"));
            }
            if let Some(want) = &case.text
                && !text.contains(want.as_str())
            {
                return Err(format!("text {text:?} lacks {want:?}"));
            }
            if let Some(want) = &case.message
                && !w
                    .issues
                    .iter()
                    .any(|(o, m)| o == name && m.contains(want.as_str()))
            {
                return Err(format!("no note containing {want:?}"));
            }
            Ok(())
        }
        (Outcome::Rejected, None, Some((_, reason))) => match &case.message {
            Some(want) if !reason.contains(want.as_str()) => {
                Err(format!("rejected with {reason:?}, expected {want:?}"))
            }
            _ => Ok(()),
        },
        (_, article, rejection) => Err(format!(
            "expected {:?}; article: {}, rejection: {:?}",
            case.outcome,
            article.is_some(),
            rejection.map(|r| &r.1)
        )),
    }
}

#[test]
fn every_bad_input_converts_or_is_rejected_as_expected() {
    let dir = fixture("bad-inputs");
    let cases: Vec<Case> =
        serde_norway::from_str(&fs::read_to_string(dir.join("expected.yaml")).unwrap()).unwrap();

    // Every file is listed, and every listed file exists.
    let files: BTreeSet<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.yaml")
        .collect();
    let listed: BTreeSet<String> = cases
        .iter()
        .map(|c| c.input.split(':').next().unwrap().to_string())
        .collect();
    assert_eq!(files, listed, "expected.yaml and the folder disagree");

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let output = claimset()
        .arg("convert")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let written = read_written(&out);

    let mut failures = Vec::new();
    for case in &cases {
        if let Err(e) = check(case, &written) {
            failures.push(format!("{}: {e}", case.input));
        }
        if matches!(case.outcome, Outcome::Rejected) {
            let line = format!("{}: ", case.input);
            if !stderr
                .lines()
                .any(|l| l.starts_with("rejected: ") && l.contains(&line))
            {
                failures.push(format!("{}: not named in the summary", case.input));
            }
        }
    }
    let expected_articles = cases
        .iter()
        .filter(|c| matches!(c.outcome, Outcome::Converts))
        .count();
    if written.articles.len() != expected_articles {
        failures.push(format!(
            "{} articles written, {expected_articles} expected",
            written.articles.len()
        ));
    }
    assert!(failures.is_empty(), "{}\n\n{stderr}", failures.join("\n"));
}

/// Converts one generated file and returns (exit code, what was written, stderr).
fn convert_one(path: &Path, extra: &[&str]) -> (i32, Written, String) {
    let out = path.with_extension("ds");
    let output = claimset()
        .arg("convert")
        .arg(path)
        .args(extra)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (
        output.status.code().unwrap_or(-1),
        read_written(&out),
        stderr,
    )
}

#[test]
fn a_ten_megabyte_single_line_converts() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("one-line.txt");
    let head = "A headline above one enormous line\n";
    // A scraped blob: 10 MB in total, no line break after the headline.
    let unit = "QmFzZTY0IGVuY29kZWQgZGF0YSB0aGF0IG5ldmVyIGVuZHM/";
    let mut body = unit.repeat((10_000_000 - head.len()) / unit.len() + 1);
    body.truncate(10_000_000 - head.len() - 1);
    fs::write(&path, format!("{head}{body}\n")).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().len(), 10_000_000);
    let (code, w, stderr) = convert_one(&path, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(w.articles.len(), 1);
    assert_eq!(w.articles[0].2.len(), body.len());
}

#[test]
fn a_file_over_the_size_limit_is_rejected_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(10_000_001).unwrap();
    let (code, w, stderr) = convert_one(&path, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(w.rejected.len(), 1);
    assert!(
        w.rejected[0]
            .1
            .contains("too large: 10,000,001 bytes, over the input size limit of 10 MB"),
        "{:?}",
        w.rejected
    );
    assert!(stderr.contains("huge.txt: too large"), "{stderr}");
}

#[test]
fn the_size_limit_is_configurable_and_applies_to_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let output = claimset()
        .args(["convert", "-", "--max-input-size", "1kB", "--out"])
        .arg(&out)
        .write_stdin(format!(
            "Headline\n\n{}\n",
            "The minister said so. ".repeat(100)
        ))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("stdin: too large: more than 1 kB, over the input size limit of 1 kB"),
        "{stderr}"
    );
    let bad = claimset()
        .args(["convert", "-", "--max-input-size", "ten", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

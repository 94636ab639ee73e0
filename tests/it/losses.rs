//! Nothing a user owns is lost without a word: one regression test per way files or text
//! were once dropped silently.

use std::fs;
use std::path::Path;

use claimset::model::Manifest;

use crate::{assert_same_files, claimset, convert, seed};

fn manifest(dir: &Path) -> Manifest {
    serde_json::from_slice(&fs::read(dir.join("dataset.json")).unwrap()).unwrap()
}

/// The entries beside `dir` in its parent folder (staging or old folders left behind).
fn siblings(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn symlinked_files_in_an_input_folder_are_converted_and_loops_rejected() {
    let tmp = tempfile::tempdir().unwrap();
    let (real, inputs) = (tmp.path().join("real"), tmp.path().join("in"));
    fs::create_dir_all(&real).unwrap();
    fs::create_dir_all(&inputs).unwrap();
    fs::copy(seed(), real.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(real.join("a.txt"), inputs.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(&inputs, inputs.join("loop")).unwrap();
    let out = tmp.path().join("ds");
    // Exit 1: an input (the loop) was rejected.
    assert_eq!(convert(&[&inputs], &out), 1);
    let m = manifest(&out);
    assert_eq!(
        m.tables.iter().find(|t| t.name == "articles").unwrap().rows,
        1
    );
    assert!(
        m.rejected
            .iter()
            .any(|r| r.path.ends_with("loop") && r.reason.contains("loop")),
        "{:?}",
        m.rejected
    );
}

#[test]
fn a_paragraph_that_appears_twice_keeps_its_claims_and_is_noted() {
    let tmp = tempfile::tempdir().unwrap();
    let para =
        "“We will not negotiate with the armed groups in the north,” the minister said on Monday.";
    let input = tmp.path().join("a.txt");
    fs::write(
        &input,
        format!("Headline\n\n{para}\n\nOther news.\n\n{para}\n"),
    )
    .unwrap();
    let out = tmp.path().join("ds");
    assert_eq!(convert(&[&input], &out), 0);
    let data = claimset::dataset::Dataset::read(&out).unwrap();
    assert!(
        data.claims
            .iter()
            .any(|c| c.text.contains("We will not negotiate")),
        "{:?}",
        data.claims
    );
    assert!(
        data.issues
            .iter()
            .any(|i| i.message.contains("repeats paragraph")),
        "{:?}",
        data.issues
    );
}

#[test]
fn replace_never_removes_a_folder_whose_dataset_json_is_foreign() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, manifest) in [("foreign", r#"{"name": "my data"}"#), ("not-json", "hello")] {
        let out = tmp.path().join(name);
        fs::create_dir_all(out.join("analysis")).unwrap();
        fs::write(out.join("dataset.json"), manifest).unwrap();
        fs::write(out.join("analysis/results.csv"), "a,b\n1,2\n").unwrap();
        let output = claimset()
            .args(["convert", "--replace", "--quiet", "--out"])
            .arg(&out)
            .arg(seed())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("not a claimset manifest"), "{stderr}");
        assert_eq!(
            fs::read_to_string(out.join("dataset.json")).unwrap(),
            manifest
        );
        assert!(out.join("analysis/results.csv").is_file());
    }
}

#[test]
fn an_incremental_convert_keeps_the_users_files_in_the_dataset_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    assert_eq!(convert(&[&seed()], &out), 0);
    fs::write(out.join("NOTES.md"), "# my notes\n").unwrap();
    fs::create_dir_all(out.join("analysis/figures")).unwrap();
    fs::write(out.join("analysis/figures/plot.txt"), "plot").unwrap();
    let more = crate::raw_articles();
    assert_eq!(convert(&[&more[1]], &out), 0);
    assert_eq!(
        fs::read_to_string(out.join("NOTES.md")).unwrap(),
        "# my notes\n"
    );
    assert_eq!(
        fs::read_to_string(out.join("analysis/figures/plot.txt")).unwrap(),
        "plot"
    );
    // --replace keeps them too: only what claimset writes is replaced.
    let status = claimset()
        .args(["convert", "--replace", "--quiet", "--out"])
        .arg(&out)
        .arg(seed())
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    assert!(out.join("NOTES.md").is_file() && out.join("analysis/figures/plot.txt").is_file());
    assert!(siblings(&out).is_empty());
}

#[cfg(unix)]
#[test]
fn a_read_only_dataset_folder_is_refused_without_leftovers() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    assert_eq!(convert(&[&seed()], &out), 0);
    let before = tmp.path().join("before");
    crate::copy_dir(&out, &before);
    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
    let more = crate::raw_articles();
    let output = claimset()
        .args(["convert", "--quiet", "--out"])
        .arg(&out)
        .arg(&more[1])
        .output()
        .unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("read-only"), "{stderr}");
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
    assert_same_files(&before, &out);
    // Made writable again, the next convert works.
    assert_eq!(convert(&[&more[1]], &out), 0);
}

#[test]
fn a_note_quoting_a_huge_value_is_capped_in_dataset_json() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("big.md");
    let huge = "x".repeat(200_000);
    fs::write(
        &input,
        format!("---\ntitle: T\npublished: \"{huge}\"\n---\nThe minister said the talks ended.\n"),
    )
    .unwrap();
    let out = tmp.path().join("ds");
    assert_eq!(convert(&[&input], &out), 0);
    let m = manifest(&out);
    assert!(!m.issues.is_empty());
    for i in &m.issues {
        assert!(
            i.message.chars().count() <= claimset::convert::MAX_NOTE_CHARS,
            "{}",
            i.message.len()
        );
    }
    assert!(fs::metadata(out.join("dataset.json")).unwrap().len() < 10_000);
}

#[test]
fn reconverting_the_same_input_leaves_the_whole_folder_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    // Two identical notes from one article (two unclosed quotations), and a note past the
    // cap: neither may change when the dataset is written again.
    let input = tmp.path().join("a.md");
    let huge = "y".repeat(5_000);
    fs::write(
        &input,
        format!(
            "---\ntitle: T\npublished: \"{huge}\"\n---\nHe said “one thing.\n\nNarration here.\n\nShe said “another.\n\nNarration again.\n"
        ),
    )
    .unwrap();
    let (once, twice) = (tmp.path().join("once"), tmp.path().join("twice"));
    assert_eq!(convert(&[&input], &once), 0);
    assert_eq!(convert(&[&input], &twice), 0);
    let first = fs::read(twice.join("dataset.json")).unwrap();
    assert_eq!(convert(&[&input], &twice), 0);
    assert_eq!(fs::read(twice.join("dataset.json")).unwrap(), first);
    assert_same_files(&once, &twice);
}

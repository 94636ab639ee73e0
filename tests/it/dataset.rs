//! Reading datasets back into records: exact round trips, and clear errors naming the
//! file for every kind of damage.

use std::fs;
use std::path::Path;

use claimset::dataset::{Dataset, DatasetError};

use crate::{assert_same_files, copy_dir, root};

#[test]
fn sample_dataset_reads_back_into_records_and_writes_byte_identical() {
    let sample = root().join("datasets/sample");
    let ds = Dataset::read(&sample).unwrap();
    assert_eq!(ds.articles.len(), 10);
    assert!(ds.claims.iter().all(|c| c.end > c.start));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("again");
    ds.write(&out).unwrap();
    assert_same_files(&sample, &out);
}

/// A copy of the sample dataset with `damage` done to it, and the error reading it gives.
fn read_damaged(damage: impl FnOnce(&Path)) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ds");
    copy_dir(&root().join("datasets/sample"), &dir);
    damage(&dir);
    let err: DatasetError = Dataset::read(&dir).unwrap_err();
    err.to_string()
        .replace(&tmp.path().to_string_lossy().into_owned(), "TMP")
}

/// Drops the tables' SHA-256 from the manifest, so damage reaches the Parquet decoder.
fn without_hashes(dir: &Path) {
    edit_manifest(dir, |m| {
        for t in m["tables"].as_array_mut().unwrap() {
            t.as_object_mut().unwrap().remove("sha256");
        }
    });
}

fn edit_manifest(dir: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("dataset.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut m);
    fs::write(path, serde_json::to_string_pretty(&m).unwrap()).unwrap();
}

#[test]
fn damaged_datasets_give_errors_naming_the_file() {
    type Damage = Box<dyn FnOnce(&Path)>;
    let manifest: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root().join("datasets/sample/dataset.json")).unwrap(),
    )
    .unwrap();
    let claims_rows_message = format!(
        "TMP/ds/claims.parquet: has {} rows but dataset.json says 7: the dataset is inconsistent",
        manifest["tables"][1]["rows"]
    );
    let cases: Vec<(&str, Damage, &str)> = vec![
        (
            "damaged table",
            Box::new(|d| {
                let p = d.join("claims.parquet");
                let mut bytes = fs::read(&p).unwrap();
                let middle = bytes.len() / 2;
                bytes[middle] ^= 1;
                fs::write(p, bytes).unwrap();
            }),
            "TMP/ds/claims.parquet: does not match its SHA-256 in dataset.json: the file was damaged or changed after it was written",
        ),
        (
            "truncated table",
            Box::new(|d| {
                without_hashes(d);
                let p = d.join("claims.parquet");
                let len = fs::metadata(&p).unwrap().len();
                let file = fs::File::options().write(true).open(&p).unwrap();
                file.set_len(len / 2).unwrap();
            }),
            "TMP/ds/claims.parquet: truncated or damaged: the Parquet footer is missing",
        ),
        (
            "footer damaged",
            Box::new(|d| {
                without_hashes(d);
                let p = d.join("claims.parquet");
                let mut bytes = fs::read(&p).unwrap();
                let n = bytes.len();
                for b in &mut bytes[n - 200..n - 8] {
                    *b = 0xff;
                }
                fs::write(p, bytes).unwrap();
            }),
            "TMP/ds/claims.parquet: corrupt: ",
        ),
        (
            "not parquet",
            Box::new(|d| {
                without_hashes(d);
                fs::write(d.join("actors.parquet"), "actor_id,name\n").unwrap();
            }),
            "TMP/ds/actors.parquet: not a Parquet file: it does not start with PAR1",
        ),
        (
            "empty table file",
            Box::new(|d| {
                without_hashes(d);
                fs::write(d.join("sources.parquet"), "").unwrap();
            }),
            "TMP/ds/sources.parquet: not a Parquet file: 0 bytes is too short (truncated?)",
        ),
        (
            "missing table file",
            Box::new(|d| fs::remove_file(d.join("mentions.parquet")).unwrap()),
            "TMP/ds/mentions.parquet: No such file or directory",
        ),
        (
            "wrong table in a file",
            Box::new(|d| {
                without_hashes(d);
                fs::copy(d.join("actors.parquet"), d.join("sources.parquet")).unwrap();
            }),
            "TMP/ds/sources.parquet: holds actor records, expected source",
        ),
        (
            "row count disagrees",
            Box::new(|d| edit_manifest(d, |m| m["tables"][1]["rows"] = 7.into())),
            &claims_rows_message,
        ),
        (
            "table path escapes",
            Box::new(|d| edit_manifest(d, |m| m["tables"][0]["path"] = "../../etc/passwd".into())),
            "TMP/ds/dataset.json: names the path \"../../etc/passwd\" for a table, outside the dataset folder",
        ),
        (
            "manifest not json",
            Box::new(|d| fs::write(d.join("dataset.json"), "{\"schema_version\": ").unwrap()),
            "TMP/ds/dataset.json: not a claimset manifest: EOF while parsing a value at line 1 column 19",
        ),
        (
            "manifest of another major version",
            Box::new(|d| edit_manifest(d, |m| m["schema_version"] = "2.0.0".into())),
            "TMP/ds/dataset.json: schema version 2.0.0 cannot be read by this claimset (schema version 1.0.0)",
        ),
    ];
    let mut failures = Vec::new();
    for (name, damage, want) in cases {
        let got = read_damaged(damage);
        if !got.starts_with(want) {
            failures.push(format!("{name}:\n  got  {got}\n  want {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The entries of a folder, sorted, hidden ones included.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writing_replaces_a_dataset_and_leaves_nothing_beside_it() {
    let sample = Dataset::read(&root().join("datasets/sample")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    Dataset::default().write(&out).unwrap();
    sample.write(&out).unwrap();
    assert_same_files(&root().join("datasets/sample"), &out);
    assert_eq!(entries(tmp.path()), ["ds"]);
}

#[test]
fn leftovers_of_killed_writers_are_cleaned_up_and_a_lost_folder_put_back() {
    let sample = Dataset::read(&root().join("datasets/sample")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    // A staging folder of a writer killed while writing, and the old folder of a
    // writer killed between the two renames of the fallback switch.
    copy_dir(
        &root().join("datasets/sample"),
        &tmp.path().join(".ds.tmp-4242"),
    );
    copy_dir(
        &root().join("datasets/sample"),
        &tmp.path().join(".ds.old-4243"),
    );
    fs::write(tmp.path().join(".ds.lock"), "").unwrap();
    let lock = claimset::dataset::DatasetLock::acquire(&out).unwrap();
    let mut smaller = sample.clone();
    smaller.articles.truncate(1);
    smaller.write_locked(&lock).unwrap();
    drop(lock);
    assert_eq!(entries(tmp.path()), ["ds"]);
    assert_eq!(Dataset::read(&out).unwrap().articles.len(), 1);
}

#[test]
fn a_folder_that_is_not_a_dataset_is_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("notes");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("thesis.txt"), "years of work").unwrap();
    let err = Dataset::default().write(&out).unwrap_err().to_string();
    assert!(
        err.ends_with("notes is a folder without dataset.json, not a claimset dataset; refusing to replace it: choose another output folder"),
        "{err}"
    );
    assert_eq!(entries(&out), ["thesis.txt"]);
    assert_eq!(entries(tmp.path()), ["notes"]);

    let file = tmp.path().join("file.txt");
    fs::write(&file, "x").unwrap();
    let err = Dataset::default().write(&file).unwrap_err().to_string();
    assert!(err.contains("is a file, not a folder"), "{err}");
}

#[test]
fn a_second_writer_gets_a_clear_error_and_exit_status_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let lock = claimset::dataset::DatasetLock::acquire(&out).unwrap();
    let output = crate::claimset()
        .arg("convert")
        .arg(crate::seed())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("ds: another process is writing this dataset (it holds ")
            && err.contains(".ds.lock); try again when it has finished"),
        "{err}"
    );
    assert!(!out.exists());
    drop(lock);
    assert_eq!(crate::convert(&[&crate::seed()], &out), 0);
}

/// Hostile tables found by fuzzing (`fuzz/`, target `read_table`), minimized: each must
/// be refused quickly, with a message, before the Parquet decoder sees it.
#[test]
fn hostile_tables_found_by_fuzzing_are_refused() {
    let cases = [
        // A page header asking for a 2 GB decompression buffer.
        (
            "page-asks-for-2gb.parquet",
            "corrupt: row group 0, column 0: page header at byte 4: Thrift i32 out of range",
        ),
        // A page header with a Thrift list of booleans the decoder's parser skips
        // without reading (minutes of spinning).
        (
            "page-header-spins.parquet",
            "corrupt: row group 0, column 0: page header at byte 4: Thrift value of 6069 bytes with only 592 bytes left",
        ),
    ];
    for (name, want) in cases {
        let path = crate::fixture(&format!("hostile-parquet/{name}"));
        let start = std::time::Instant::now();
        let err = claimset::dataset::read_table(&path)
            .unwrap_err()
            .to_string();
        assert!(err.contains(want), "{name}: {err}");
        assert!(
            start.elapsed().as_secs() < 5,
            "{name}: took {:?}",
            start.elapsed()
        );
    }
}

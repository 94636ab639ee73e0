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
    let cases: Vec<(&str, Damage, &str)> = vec![
        (
            "truncated table",
            Box::new(|d| {
                let p = d.join("claims.parquet");
                let len = fs::metadata(&p).unwrap().len();
                fs::File::options()
                    .write(true)
                    .open(&p)
                    .unwrap()
                    .set_len(len / 2)
                    .unwrap();
            }),
            "TMP/ds/claims.parquet: truncated or damaged: the Parquet footer is missing",
        ),
        (
            "not parquet",
            Box::new(|d| fs::write(d.join("actors.parquet"), "actor_id,name\n").unwrap()),
            "TMP/ds/actors.parquet: not a Parquet file: it does not start with PAR1",
        ),
        (
            "empty table file",
            Box::new(|d| fs::write(d.join("sources.parquet"), "").unwrap()),
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
                fs::copy(d.join("actors.parquet"), d.join("sources.parquet"))
                    .map(|_| ())
                    .unwrap()
            }),
            "TMP/ds/sources.parquet: holds actor records, expected source",
        ),
        (
            "row count disagrees",
            Box::new(|d| edit_manifest(d, |m| m["tables"][1]["rows"] = 7.into())),
            "TMP/ds/claims.parquet: has 140 rows but dataset.json says 7: the dataset is inconsistent",
        ),
        (
            "table path escapes",
            Box::new(|d| edit_manifest(d, |m| m["tables"][0]["path"] = "../../etc/passwd".into())),
            "TMP/ds/dataset.json: table `articles` has path \"../../etc/passwd\", outside the dataset folder",
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

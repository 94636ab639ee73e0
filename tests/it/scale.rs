//! Conversion at scale: tables split into part files, parallel extraction that does not
//! change the output, shards and `claimset merge`.

use std::fs;
use std::path::Path;

use claimset::convert::{Options, Shard, convert};
use claimset::dataset::{Dataset, PartBudget};
use claimset::extract::Extractor;
use claimset::ingest::Input;
use claimset::model::Manifest;

use crate::{assert_same_files, claimset, raw_articles, root};

/// The bundled sample articles as inputs.
fn samples() -> Vec<Input> {
    raw_articles().into_iter().map(Input::File).collect()
}

/// A budget small enough to split the sample's tables into several parts.
fn tiny() -> PartBudget {
    PartBudget {
        batch_rows: 7,
        batch_bytes: 4096,
        part_rows: 40,
        part_bytes: usize::MAX,
    }
}

fn manifest(dir: &Path) -> Manifest {
    serde_json::from_slice(&fs::read(dir.join("dataset.json")).unwrap()).unwrap()
}

fn convert_with(out: &Path, budget: PartBudget) -> Manifest {
    let options = Options {
        budget,
        ..Options::default()
    };
    let report = convert(&Extractor::default(), &samples(), vec![], out, &options).unwrap();
    report.manifest
}

#[test]
fn tables_beyond_the_part_budget_become_folders_of_part_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, parts) = (tmp.path().join("one"), tmp.path().join("parts"));
    convert_with(&one, PartBudget::default());
    let m = convert_with(&parts, tiny());

    let claims = m.tables.iter().find(|t| t.name == "claims").unwrap();
    assert_eq!(claims.path, "claims");
    assert!(claims.parts.len() > 2, "{claims:?}");
    assert_eq!(
        claims.parts.iter().map(|p| p.rows).sum::<u64>(),
        claims.rows
    );
    for (i, part) in claims.parts.iter().enumerate() {
        assert_eq!(part.path, format!("claims/part-{:04}.parquet", i + 1));
        assert!(part.rows <= 40);
        assert!(parts.join(&part.path).is_file());
    }
    // Small tables stay single files.
    let articles = m.tables.iter().find(|t| t.name == "articles").unwrap();
    assert_eq!(articles.path, "articles.parquet");
    assert!(articles.parts.is_empty() && articles.sha256.is_some());

    // The same records either way, and the checker reads both layouts alike.
    let (a, b) = (Dataset::read(&one).unwrap(), Dataset::read(&parts).unwrap());
    assert_eq!(a.claims, b.claims);
    assert_eq!(a.mentions, b.mentions);
    assert_eq!(a.actors, b.actors);
    let check = |dir: &Path| {
        let out = claimset()
            .args(["check", "--format", "json", "--no-write"])
            .arg(dir)
            .output()
            .unwrap();
        let found: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        let mut keys: Vec<String> = found
            .iter()
            .map(|f| format!("{} {} {}", f["rule"], f["record_id"], f["message"]))
            .collect();
        keys.sort();
        keys
    };
    let (x, y) = (check(&one), check(&parts));
    assert!(x.iter().any(|k| k.contains("CS404")), "{x:?}");
    assert_eq!(x, y);
    // Writing the findings keeps the other tables' part files (hard links) and hashes.
    claimset().arg("check").arg(&parts).output().unwrap();
    let after = Dataset::read(&parts).unwrap();
    assert_eq!(after.findings.len(), y.len());
    assert_eq!(after.claims, b.claims);

    // The data package lists every part of a split table.
    let dp: serde_json::Value =
        serde_json::from_slice(&fs::read(parts.join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(
        dp["resources"][1]["path"].as_array().unwrap().len(),
        claims.parts.len()
    );
}

#[test]
fn part_files_are_verified_against_the_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let m = convert_with(&out, tiny());
    let part = &m.tables.iter().find(|t| t.name == "claims").unwrap().parts[1];
    let path = out.join(&part.path);
    let mut bytes = fs::read(&path).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    fs::write(&path, bytes).unwrap();
    let err = Dataset::read(&out).unwrap_err().to_string();
    assert!(err.contains("part-0002.parquet"), "{err}");
    assert!(err.contains("SHA-256"), "{err}");
}

#[test]
fn adding_to_a_dataset_of_part_files_keeps_it_byte_identical_to_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (once, twice) = (tmp.path().join("once"), tmp.path().join("twice"));
    let options = Options {
        budget: tiny(),
        ..Options::default()
    };
    let x = Extractor::default();
    let inputs = samples();
    convert(&x, &inputs, vec![], &once, &options).unwrap();
    let (first, rest) = inputs.split_at(4);
    convert(&x, first, vec![], &twice, &options).unwrap();
    let report = convert(&x, rest, vec![], &twice, &options).unwrap();
    assert_eq!(report.added, inputs.len() - 4);
    assert_same_files(&once, &twice);
    // Converting everything again adds nothing and changes nothing.
    let report = convert(&x, &inputs, vec![], &twice, &options).unwrap();
    assert_eq!((report.added, report.skipped), (0, inputs.len()));
    assert_same_files(&once, &twice);
}

#[test]
fn parallel_extraction_gives_the_same_bytes_as_one_thread() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |jobs: &str, out: &Path| {
        claimset()
            .args(["convert", "--quiet", "--jobs", jobs])
            .arg(root().join("datasets/raw"))
            .arg("--out")
            .arg(out)
            .assert()
            .success();
    };
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    run("1", &one);
    run("2", &two);
    assert_same_files(&one, &two);
}

#[test]
fn shards_split_the_articles_and_merge_back_into_the_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = root().join("datasets/raw");
    let whole = tmp.path().join("whole");
    claimset()
        .args(["convert", "--quiet"])
        .arg(&raw)
        .arg("--out")
        .arg(&whole)
        .assert()
        .success();
    let mut shards = Vec::new();
    for i in 1..=3 {
        let out = tmp.path().join(format!("shard-{i}"));
        claimset()
            .args(["convert", "--quiet", "--shard", &format!("{i}/3")])
            .arg(&raw)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        shards.push(out);
    }
    let counts: Vec<u64> = shards.iter().map(|s| manifest(s).tables[0].rows).collect();
    assert_eq!(counts.iter().sum::<u64>(), 10, "{counts:?}");
    assert!(counts.iter().filter(|&&n| n > 0).count() >= 2, "{counts:?}");

    // Merging (a shard given twice is taken once) gives the same records as one run.
    let merged = tmp.path().join("merged");
    claimset()
        .arg("merge")
        .args(&shards)
        .arg(&shards[0])
        .arg("--out")
        .arg(&merged)
        .assert()
        .success();
    let (a, b) = (
        Dataset::read(&whole).unwrap(),
        Dataset::read(&merged).unwrap(),
    );
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let ids = |d: &Dataset| sorted(d.claims.iter().map(|c| c.claim_id.to_string()).collect());
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(a.articles.len(), b.articles.len());
    assert_eq!(a.actors, b.actors);
    assert_eq!(a.sources, b.sources);
    let mentions = |d: &Dataset| d.mentions.len();
    assert_eq!(mentions(&a), mentions(&b));
}

#[test]
fn bad_shards_and_merges_are_refused_with_a_reason() {
    for (bad, why) in [
        ("0/3", "from 1 to the number of shards"),
        ("4/3", "from 1 to the number of shards"),
        ("2", "not a shard"),
    ] {
        let out = claimset()
            .args(["convert", "-", "--out", "x", "--shard", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(why), "{bad}: {err}");
    }
    assert!("2/3".parse::<Shard>().is_ok());

    let tmp = tempfile::tempdir().unwrap();
    let out = claimset()
        .arg("merge")
        .arg(tmp.path())
        .arg("--out")
        .arg(tmp.path().join("m"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is not a claimset dataset"), "{err}");
}

//! Tables as other tools write them, built here with the arrow and parquet crates: other
//! string, list and integer types, every codec, Spark's folder layout, Hive partitions;
//! and the manifest after an edit (`check` reports it, `seal` records it).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_cast::cast::cast;
use arrow_schema::{DataType, Field, Schema};
use claimset::dataset::read_table;
use parquet::arrow::ArrowWriter;
use parquet::basic::{BrotliLevel, Compression, GzipLevel, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::{claimset, copy_dir, root, seed};

const TABLES: [&str; 5] = ["articles", "claims", "sources", "actors", "mentions"];

fn sample() -> PathBuf {
    root().join("datasets/sample")
}

/// One table of the sample dataset as a single batch.
/// The number of claims in the committed sample, from its manifest.
fn sample_claims() -> u64 {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(sample().join("dataset.json")).unwrap()).unwrap();
    manifest["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "claims")
        .and_then(|t| t["rows"].as_u64())
        .unwrap()
}

fn sample_batch(table: &str) -> RecordBatch {
    let t = read_table(&sample().join(format!("{table}.parquet"))).unwrap();
    arrow_select::concat::concat_batches(&t.schema, &t.batches).unwrap()
}

/// The batch with its columns in the forms other tools write: strings as
/// `large_string`, lists as `large_list<large_string>` (polars), enumerations as plain
/// strings (Spark), `uint32` as `int64` (Spark, Java).
fn retyped(batch: &RecordBatch) -> RecordBatch {
    let mut fields = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (f, col) in batch.schema().fields().iter().zip(batch.columns()) {
        let to = match f.data_type() {
            DataType::Utf8 => DataType::LargeUtf8,
            DataType::Dictionary(_, _) => DataType::Utf8,
            DataType::UInt32 => DataType::Int64,
            DataType::List(_) => {
                DataType::LargeList(Arc::new(Field::new("element", DataType::LargeUtf8, true)))
            }
            other => other.clone(),
        };
        columns.push(cast(col, &to).unwrap());
        fields.push(Field::new(f.name(), to, true));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).unwrap()
}

fn write(path: &Path, batch: &RecordBatch, compression: Compression) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let props = WriterProperties::builder()
        .set_compression(compression)
        .build();
    let mut w =
        ArrowWriter::try_new(fs::File::create(path).unwrap(), batch.schema(), Some(props)).unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
}

/// The sample dataset rewritten as other tools would: every table retyped, each with
/// another codec; articles as Spark's `articles.parquet/` folder (two part files,
/// `_SUCCESS`, `.crc` files), claims Hive-partitioned by article (the column only in
/// the path, URL-escaped), no `dataset.json`.
fn ecosystem_copy(out: &Path) {
    let codecs = [
        Compression::SNAPPY,
        Compression::GZIP(GzipLevel::default()),
        Compression::LZ4_RAW,
        Compression::BROTLI(BrotliLevel::default()),
        Compression::ZSTD(ZstdLevel::default()),
    ];
    for (table, codec) in TABLES.into_iter().zip(codecs) {
        let batch = retyped(&sample_batch(table));
        match table {
            "articles" => {
                let folder = out.join("articles.parquet");
                let half = batch.num_rows() / 2;
                write(
                    &folder.join("part-00000-5f1e.c000.snappy.parquet"),
                    &batch.slice(0, half),
                    codec,
                );
                write(
                    &folder.join("part-00001-5f1e.c000.snappy.parquet"),
                    &batch.slice(half, batch.num_rows() - half),
                    codec,
                );
                fs::write(folder.join("_SUCCESS"), b"").unwrap();
                fs::write(
                    folder.join(".part-00000-5f1e.c000.snappy.parquet.crc"),
                    b"x",
                )
                .unwrap();
            }
            "claims" => {
                let article = batch.column_by_name("article_id").unwrap().clone();
                let article = cast(&article, &DataType::Utf8).unwrap();
                let article = article
                    .as_any()
                    .downcast_ref::<arrow_array::StringArray>()
                    .unwrap();
                let keep: Vec<usize> = (0..batch.num_columns())
                    .filter(|i| batch.schema().field(*i).name() != "article_id")
                    .collect();
                let rest = batch.project(&keep).unwrap();
                let mut ids: Vec<&str> = article.iter().flatten().collect();
                ids.sort();
                ids.dedup();
                for id in ids {
                    let rows: Vec<u32> = (0..article.len() as u32)
                        .filter(|i| article.value(*i as usize) == id)
                        .collect();
                    let idx = arrow_array::UInt32Array::from(rows);
                    let part = arrow_select::take::take_record_batch(&rest, &idx).unwrap();
                    // Spark escapes `:` and `=` among others; the IDs have none, so
                    // the path shows the escaping of the first letter instead.
                    let escaped = format!("%{:02X}{}", id.as_bytes()[0], &id[1..]);
                    let dir = out.join("claims").join(format!("article_id={escaped}"));
                    write(&dir.join("part-00000.snappy.parquet"), &part, codec);
                }
                fs::write(out.join("claims/_SUCCESS"), b"").unwrap();
            }
            _ => write(&out.join(format!("{table}.parquet")), &batch, codec),
        }
    }
}

fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = claimset().args(args).arg(dir).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `(rule, table, record, span)` of every finding of a `--format json` run, sorted.
type Found = (String, String, Option<String>, Option<u64>, Option<u64>);

fn findings(dir: &Path, extra: &[&str]) -> (i32, Vec<Found>, String) {
    let mut args = vec!["check", "--format", "json", "--no-write"];
    args.extend(extra);
    let out = claimset().args(&args).arg(dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    let mut found: Vec<Found> = json
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["table"].as_str().unwrap().to_string(),
                f["record_id"].as_str().map(str::to_string),
                f["start"].as_u64(),
                f["end"].as_u64(),
            )
        })
        .collect();
    found.sort();
    (out.status.code().unwrap_or(-1), found, stderr)
}

#[test]
fn other_types_codecs_and_layouts_give_the_findings_of_the_original() {
    let tmp = tempfile::tempdir().unwrap();
    let eco = tmp.path().join("eco");
    ecosystem_copy(&eco);
    assert!(eco.join("claims").read_dir().unwrap().count() > 5);
    let (_, original, _) = findings(&sample(), &[]);
    let (code, got, stderr) = findings(&eco, &[]);
    assert_eq!(code, 0, "{stderr}");
    let (casts, rest): (Vec<Found>, Vec<Found>) = got.into_iter().partition(|f| f.0 == "CS110");
    assert_eq!(rest, original, "{stderr}");
    // Every uint32 column written as int64 is noted once per file, as a warning:
    // word_count in the two article parts, four offsets in each claims partition, two
    // in mentions.
    let partitions = fs::read_dir(eco.join("claims"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    let want = 2 + 4 * partitions + 2;
    assert_eq!(casts.len(), want, "{casts:?}");
}

#[test]
fn a_folder_of_tables_is_checked_without_writing_into_it() {
    let tmp = tempfile::tempdir().unwrap();
    let eco = tmp.path().join("eco");
    ecosystem_copy(&eco);
    let (code, _, stderr) = run(&["check", "--format", "concise"], &eco);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("findings.parquet not written") && stderr.contains("no dataset.json"),
        "{stderr}"
    );
    assert!(!eco.join("findings.parquet").exists());
    assert!(!eco.join("dataset.json").exists());
}

#[test]
fn a_stale_manifest_is_reported_and_seal_records_the_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let ds = tmp.path().join("ds");
    copy_dir(&sample(), &ds);
    // A deliberate edit elsewhere: half the mentions kept, saved with snappy and int64
    // offsets.
    let mentions = sample_batch("mentions");
    let half = retyped(&mentions.slice(0, mentions.num_rows() / 2));
    write(&ds.join("mentions.parquet"), &half, Compression::SNAPPY);
    let (code, found, stderr) = findings(&ds, &["--select", "CS7"]);
    assert_eq!(code, 1, "{stderr}");
    let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(codes, ["CS702", "CS703"], "{found:?}");
    // Writers refuse the folder until it is sealed.
    assert_convert_refuses(&ds, &["mentions.parquet", "claimset seal"]);

    let (code, _, stderr) = run(&["seal"], &ds);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("sealed"), "{stderr}");
    let (code, found, stderr) = findings(&ds, &["--select", "CS7"]);
    assert_eq!((code, found), (0, vec![]), "{stderr}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(ds.join("dataset.json")).unwrap()).unwrap();
    let rows = |name: &str| {
        manifest["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .map(|t| t["rows"].as_u64().unwrap())
    };
    assert_eq!(rows("mentions"), Some(half.num_rows() as u64));
    assert_eq!(rows("findings"), Some(83));
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Now convert into it and merge it.
    let out = claimset()
        .args(["convert", "--quiet"])
        .arg(seed())
        .arg("--out")
        .arg(&ds)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = tmp.path().join("merged");
    let out = claimset()
        .args(["merge", "--quiet"])
        .arg(&ds)
        .arg(sample())
        .arg("--out")
        .arg(&merged)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn seal_makes_a_dataset_of_spark_folders_and_hive_partitions() {
    let tmp = tempfile::tempdir().unwrap();
    let eco = tmp.path().join("eco");
    ecosystem_copy(&eco);
    let (code, _, stderr) = run(&["seal", "--quiet"], &eco);
    assert_eq!(code, 0, "{stderr}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(eco.join("dataset.json")).unwrap()).unwrap();
    let articles = &manifest["tables"][0];
    assert_eq!(articles["path"], "articles.parquet");
    assert_eq!(articles["parts"].as_array().unwrap().len(), 2);
    assert_eq!(manifest["tables"][1]["path"], "claims");
    assert_eq!(manifest["tables"][1]["rows"], sample_claims());
    let (code, found, stderr) = findings(&eco, &["--select", "CS7"]);
    assert_eq!((code, found), (0, vec![]), "{stderr}");

    // A part file moved to another partition: one listed part gone, one unlisted.
    let moved = tmp.path().join("moved");
    copy_tree(&eco, &moved);
    let parts: Vec<PathBuf> = fs::read_dir(moved.join("claims"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    let from = parts[0].join("part-00000.snappy.parquet");
    fs::rename(&from, parts[1].join("part-00001.snappy.parquet")).unwrap();
    let out = claimset()
        .args([
            "check",
            "--select",
            "CS7",
            "--format",
            "concise",
            "--no-write",
        ])
        .arg(&moved)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("is listed but missing"), "{text}");
    assert!(
        text.contains("part-00001.snappy.parquet does not match dataset.json: is not listed"),
        "{text}"
    );

    // convert reads it back (the partition column from the path) and writes its own
    // layout and types.
    let out = claimset()
        .args(["convert", "--quiet"])
        .arg(seed())
        .arg("--out")
        .arg(&eco)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The seed article is in the sample already: its rows are kept once.
    let claims = read_table(&eco.join("claims.parquet")).unwrap();
    let rows: usize = claims.batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows as u64, sample_claims());
    assert!(eco.join("articles.parquet").is_file() && !eco.join("claims").exists());
    // Article IDs read from the escaped paths are the right ones, and the types are the
    // data model's again: the findings are the sample's.
    let (_, found, _) = findings(&eco, &["--select", "CS1,CS2,CS3,CS7"]);
    let (_, original, _) = findings(&sample(), &["--select", "CS1,CS2,CS3,CS7"]);
    assert_eq!(found, original);
}

#[test]
fn seal_refuses_tables_with_errors_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    let ds = tmp.path().join("ds");
    copy_dir(&sample(), &ds);
    // One offset that does not fit uint32: -1 in an int64 column.
    let claims = retyped(&sample_batch("claims"));
    let start = cast(claims.column_by_name("start").unwrap(), &DataType::Int64).unwrap();
    let mut values: Vec<i64> = start
        .as_any()
        .downcast_ref::<arrow_array::Int64Array>()
        .unwrap()
        .values()
        .to_vec();
    values[0] = -1;
    let i = claims.schema().index_of("start").unwrap();
    let mut columns = claims.columns().to_vec();
    columns[i] = Arc::new(arrow_array::Int64Array::from(values));
    let bad = RecordBatch::try_new(claims.schema(), columns).unwrap();
    write(&ds.join("claims.parquet"), &bad, Compression::SNAPPY);
    let before = fs::read(ds.join("dataset.json")).unwrap();
    let (code, stdout, stderr) = run(&["seal"], &ds);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("CS103"), "{stdout}");
    assert!(
        stderr.contains("not sealed") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(fs::read(ds.join("dataset.json")).unwrap(), before);
    let (code, _, stderr) = run(&["seal", "--force"], &ds);
    assert_eq!(code, 0, "{stderr}");
    assert_ne!(fs::read(ds.join("dataset.json")).unwrap(), before);
    // convert still refuses the table: a value does not fit.
    assert_convert_refuses(&ds, &["claims.parquet", "do not fit"]);
}

/// Copies a folder with its subfolders.
/// Asserts that converting the seed article into `ds` fails (exit 2) with an error that
/// names each of `words`.
fn assert_convert_refuses(ds: &Path, words: &[&str]) {
    let out = claimset()
        .args(["convert"])
        .arg(seed())
        .arg("--out")
        .arg(ds)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(words.iter().all(|w| err.contains(w)), "{err}");
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn a_dataset_another_process_is_writing_is_checked_without_writing_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let ds = tmp.path().join("ds");
    copy_dir(&sample(), &ds);
    let before = fs::read(ds.join("findings.parquet")).unwrap();
    let lock = claimset::dataset::DatasetLock::acquire(&ds).unwrap();
    let (code, _, stderr) = run(&["check", "--format", "concise"], &ds);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("note: findings.parquet not written")
            && stderr.contains("another process is writing"),
        "{stderr}"
    );
    assert_eq!(fs::read(ds.join("findings.parquet")).unwrap(), before);
    drop(lock);
}

//! Reading a dataset back: Parquet tables as Arrow batches or as records, the manifest,
//! the whole folder.
//!
//! Every reader assumes the files may be truncated, corrupt or hostile. Before decoding,
//! a table file must carry the Parquet magic at both ends, its footer and page headers
//! must be well-formed within their bytes (see `bounds`), every column chunk must lie
//! inside the file, and its pages must declare no more than [`MAX_EXPANSION`] times the
//! file's size in decompressed bytes, values and rows; so a small file can make the
//! reader neither allocate nor loop without bound. Decoded columns are validated before they are read. Whatever goes
//! wrong is a [`DatasetError`] naming the file; should the Parquet decoder itself panic,
//! that too becomes an error.

use std::cell::Cell;
use std::fs::{self, File};
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Schema};
use bytes::Bytes;
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use parquet::file::metadata::ParquetMetaData;
use parquet::file::reader::ChunkReader;

use super::conform::{conform, partition_of, type_name};
use super::{Dataset, DatasetError, METADATA_KEY, TableRows, bounds, invalid, io_err, pq_err};
use crate::model::{Manifest, SCHEMA_VERSION, sha256_hex};

/// Largest `dataset.json` read: 64 MiB.
pub const MAX_MANIFEST_BYTES: u64 = 64 << 20;

/// How many times its file size a table may declare itself once decompressed (plus
/// 16 MiB for small files). Real tables stay far below it: claimset writes zstd level 3.
pub const MAX_EXPANSION: u64 = 1024;

/// A table file read back: its Arrow batches and its `claimset` metadata entry.
#[derive(Debug)]
pub struct TableFile {
    /// The record batches, in file order.
    pub batches: Vec<RecordBatch>,
    /// The Arrow schema stored in the file.
    pub schema: arrow_schema::SchemaRef,
    /// The JSON under [`METADATA_KEY`], when present.
    pub metadata: Option<String>,
}

impl TableFile {
    /// The records of this table, after checking it holds records of type `T`; `path`
    /// names the table in errors.
    pub fn records<T: TableRows>(&self, path: &Path) -> Result<Vec<T>, DatasetError> {
        let mut rows = Vec::new();
        records_of(path, self, &[], &mut rows)?;
        Ok(rows)
    }
}

/// Reads a whole Parquet table file.
pub fn read_table(path: &Path) -> Result<TableFile, DatasetError> {
    let file = File::open(path).map_err(io_err(path))?;
    let len = file.metadata().map_err(io_err(path))?.len();
    read_chunks(path, file, len)
}

/// Reads a whole Parquet table from memory; `path` names it in errors.
pub fn read_table_bytes(path: &Path, bytes: Bytes) -> Result<TableFile, DatasetError> {
    let len = bytes.len() as u64;
    read_chunks(path, bytes, len)
}

/// Reads a table file, or a folder of part files (`claims/part-0001.parquet`, ...,
/// Spark's folders and Hive partitions included, see `stream::table_files`) in path
/// order, into records of type `T`.
pub fn read_records<T: TableRows>(path: &Path) -> Result<Vec<T>, DatasetError> {
    let files = if path.is_dir() {
        super::stream::part_files(path)?
    } else {
        vec![path.to_path_buf()]
    };
    let mut rows = Vec::new();
    for file in files {
        let table = read_table(&file)?;
        let partition = partition_of(path, &file);
        records_of(&file, &table, &partition, &mut rows)?;
    }
    Ok(rows)
}

/// Reads a table file whose SHA-256 must be `want` (from the manifest) into records; the
/// hash is checked before anything is decoded. `partition` holds the values its path
/// carries (Hive layout).
fn read_verified<T: TableRows>(
    path: &Path,
    want: &str,
    partition: &[(String, Option<String>)],
) -> Result<Vec<T>, DatasetError> {
    let bytes = fs::read(path).map_err(io_err(path))?;
    let got = sha256_hex(&bytes);
    if got != want {
        return Err(invalid(
            path,
            "does not match its SHA-256 in dataset.json: the file was damaged or changed after it was written; if the change was deliberate, run `claimset seal` on the dataset",
        ));
    }
    let table = read_table_bytes(path, Bytes::from(bytes))?;
    let mut rows = Vec::new();
    records_of(path, &table, partition, &mut rows)?;
    Ok(rows)
}

/// Appends the records of a table read back to `rows`, after checking the file holds
/// records of type `T`. Each batch is first cast to the contract's layout (other string,
/// list and integer flavours, the partition columns of its path; see `conform`); a column
/// whose values do not fit its contract type is an error.
fn records_of<T: TableRows>(
    path: &Path,
    table: &TableFile,
    partition: &[(String, Option<String>)],
    rows: &mut Vec<T>,
) -> Result<(), DatasetError> {
    if let Some(meta) = &table.metadata {
        let record = serde_json::from_str::<serde_json::Value>(meta)
            .ok()
            .and_then(|v| v.get("record").and_then(|r| r.as_str()).map(str::to_string));
        if let Some(record) = record.filter(|r| r != T::RECORD) {
            return Err(invalid(
                path,
                format!("holds {record} records, expected {}", T::RECORD),
            ));
        }
    }
    for batch in &table.batches {
        let conformed = conform(T::TABLE, batch, partition);
        if let Some(c) = conformed.casts.iter().find(|c| c.unfit > 0) {
            return Err(invalid(
                path,
                format!(
                    "column `{}` is {}, expected {}, and {} of its values do not fit",
                    c.column,
                    c.stored.to_string().to_lowercase(),
                    type_name(&c.expected),
                    c.unfit
                ),
            ));
        }
        let mut batch_rows =
            T::from_batch(&conformed.batch, rows.len()).map_err(|m| invalid(path, m))?;
        rows.append(&mut batch_rows);
    }
    Ok(())
}

/// Reads `DIR/dataset.json`.
pub fn read_manifest(dir: &Path) -> Result<Manifest, DatasetError> {
    let path = dir.join("dataset.json");
    let file = File::open(&path).map_err(io_err(&path))?;
    let mut text = String::new();
    file.take(MAX_MANIFEST_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io_err(&path))?;
    if text.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(invalid(
            &path,
            format!(
                "larger than {} MiB: not a manifest",
                MAX_MANIFEST_BYTES >> 20
            ),
        ));
    }
    serde_json::from_str(&text).map_err(|e| invalid(&path, format!("not a claimset manifest: {e}")))
}

impl Dataset {
    /// Reads a whole dataset folder back into records: the manifest, then every table
    /// it lists, checking each table's row count against it. Row order is kept, so
    /// writing the result again gives byte-identical files.
    pub fn read(dir: &Path) -> Result<Dataset, DatasetError> {
        let manifest = read_dataset_manifest(dir)?;
        fn table<T: TableRows>(dir: &Path, manifest: &Manifest) -> Result<Vec<T>, DatasetError> {
            let mut rows = Vec::new();
            for_each_part(dir, manifest, |mut part: Vec<T>| {
                rows.append(&mut part);
                Ok(())
            })?;
            Ok(rows)
        }
        Ok(Dataset {
            articles: table(dir, &manifest)?,
            claims: table(dir, &manifest)?,
            sources: table(dir, &manifest)?,
            actors: table(dir, &manifest)?,
            mentions: table(dir, &manifest)?,
            findings: table(dir, &manifest)?,
            rejected: manifest.rejected,
            issues: manifest.issues,
        })
    }
}

/// Reads `DIR/dataset.json` and checks this claimset can read a dataset of its schema
/// version.
pub fn read_dataset_manifest(dir: &Path) -> Result<Manifest, DatasetError> {
    let manifest = read_manifest(dir)?;
    let major = |v: &str| v.split('.').next().unwrap_or("").to_string();
    if major(&manifest.schema_version) != major(SCHEMA_VERSION) {
        return Err(invalid(
            &dir.join("dataset.json"),
            format!(
                "schema version {} cannot be read by this claimset (schema version {SCHEMA_VERSION})",
                manifest.schema_version
            ),
        ));
    }
    Ok(manifest)
}

/// Reads the table of `T` that `manifest` lists in `dir`, one file (or part file) at a
/// time, handing each file's records to `f` in order; so a table larger than memory can
/// be streamed. Every file's SHA-256 is checked against the manifest before it is
/// decoded, and the table's row count at the end. A manifest without `findings` reads
/// as no findings.
pub fn for_each_part<T: TableRows>(
    dir: &Path,
    manifest: &Manifest,
    mut f: impl FnMut(Vec<T>) -> Result<(), DatasetError>,
) -> Result<(), DatasetError> {
    let manifest_path = dir.join("dataset.json");
    let Some(entry) = manifest.tables.iter().find(|t| t.name == T::TABLE) else {
        // `findings` is `check`'s output: a dataset sealed before any check has none.
        if T::TABLE == "findings" {
            return Ok(());
        }
        return Err(invalid(
            &manifest_path,
            format!("lists no `{}` table", T::TABLE),
        ));
    };
    let path = inside(dir, &entry.path, &manifest_path)?;
    let mut rows = 0u64;
    let mut take = |part: Vec<T>| {
        rows += part.len() as u64;
        f(part)
    };
    if !entry.parts.is_empty() {
        for part in &entry.parts {
            let file = inside(dir, &part.path, &manifest_path)?;
            let partition = partition_of(&path, &file);
            take(read_verified::<T>(&file, &part.sha256, &partition)?)?;
        }
    } else {
        match &entry.sha256 {
            Some(want) if !path.is_dir() => take(read_verified::<T>(&path, want, &[])?)?,
            _ => take(read_records::<T>(&path)?)?,
        }
    }
    if rows != entry.rows {
        return Err(invalid(
            &path,
            format!(
                "has {rows} rows but dataset.json says {}: the dataset is inconsistent",
                entry.rows
            ),
        ));
    }
    Ok(())
}

/// `rel`, a path the manifest gives, joined to the dataset folder; a path that would
/// lead outside it is an error.
pub(crate) fn inside(dir: &Path, rel: &str, manifest_path: &Path) -> Result<PathBuf, DatasetError> {
    let p = Path::new(rel);
    if rel.is_empty() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(invalid(
            manifest_path,
            format!("names the path {rel:?} for a table, outside the dataset folder"),
        ));
    }
    Ok(dir.join(p))
}

thread_local! {
    static DECODING: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is decoding a Parquet file right now. A panic hook can stay quiet
/// when it is: the reader turns the panic into an error that names the file.
pub fn is_decoding() -> bool {
    DECODING.get()
}

/// Reads a table from any chunk reader of `len` bytes, refusing files that cannot be
/// Parquet or whose metadata is out of bounds before decoding.
fn read_chunks<R: ChunkReader + 'static>(
    path: &Path,
    reader: R,
    len: u64,
) -> Result<TableFile, DatasetError> {
    precheck(path, &reader, len)?;
    guard(path, || decode(path, reader, len))
}

/// Runs `f`, which decodes `path`, turning a panic of the Parquet decoder into an error
/// that names the file.
pub(super) fn guard<T>(
    path: &Path,
    f: impl FnOnce() -> Result<T, DatasetError>,
) -> Result<T, DatasetError> {
    DECODING.set(true);
    let result = catch_unwind(AssertUnwindSafe(f));
    DECODING.set(false);
    result.unwrap_or_else(|panic| {
        let what = crate::panic_message(&*panic);
        Err(pq_err(path)(format!(
            "corrupt: the Parquet decoder gave up ({what})"
        )))
    })
}

/// Opens a Parquet file for streaming after every check [`read_table`] makes before
/// decoding (magic, footer, chunk and page bounds). Decode its batches inside [`guard`].
pub(super) fn checked_builder(
    path: &Path,
) -> Result<ParquetRecordBatchReaderBuilder<File>, DatasetError> {
    checked_builder_with(path, false)
}

/// [`checked_builder`] whose batches hold the file's top-level string columns as string
/// views, which point into the decoded pages instead of copying every value into one
/// growing buffer: for readers that only look at the values.
pub(super) fn checked_builder_views(
    path: &Path,
) -> Result<ParquetRecordBatchReaderBuilder<File>, DatasetError> {
    checked_builder_with(path, true)
}

fn checked_builder_with(
    path: &Path,
    views: bool,
) -> Result<ParquetRecordBatchReaderBuilder<File>, DatasetError> {
    let file = File::open(path).map_err(io_err(path))?;
    let len = file.metadata().map_err(io_err(path))?.len();
    precheck(path, &file, len)?;
    guard(path, || {
        let meta = checked_reader_metadata(path, &file, len)?;
        let meta = if views { string_views(meta) } else { meta };
        Ok(ParquetRecordBatchReaderBuilder::new_with_metadata(
            file, meta,
        ))
    })
}

/// `meta` with its top-level string columns read as views; as it is when the file does
/// not take that schema.
fn string_views(meta: ArrowReaderMetadata) -> ArrowReaderMetadata {
    let stored = meta.schema();
    let fields: Vec<_> = stored
        .fields()
        .iter()
        .map(|f| match f.data_type() {
            DataType::Utf8 | DataType::LargeUtf8 => {
                Arc::new(f.as_ref().clone().with_data_type(DataType::Utf8View))
            }
            _ => f.clone(),
        })
        .collect();
    let hint = Arc::new(Schema::new_with_metadata(fields, stored.metadata().clone()));
    let options = ArrowReaderOptions::new().with_schema(hint);
    ArrowReaderMetadata::try_new(meta.metadata().clone(), options).unwrap_or(meta)
}

/// Magic bytes at both ends and a footer that fits and parses within bounds.
fn precheck<R: ChunkReader>(path: &Path, reader: &R, len: u64) -> Result<(), DatasetError> {
    let corrupt = |m: String| pq_err(path)(m);
    if len < 12 {
        return Err(corrupt(format!(
            "not a Parquet file: {len} bytes is too short (truncated?)"
        )));
    }
    let magic = |at: u64| reader.get_bytes(at, 4).map(|b| b.as_ref() == b"PAR1");
    match (magic(0), magic(len - 4)) {
        (Ok(true), Ok(true)) => {}
        (Ok(true), Ok(false)) => {
            return Err(corrupt(
                "truncated or damaged: the Parquet footer is missing".into(),
            ));
        }
        (Ok(false), _) => {
            return Err(corrupt(
                "not a Parquet file: it does not start with PAR1".into(),
            ));
        }
        (Err(e), _) | (_, Err(e)) => return Err(corrupt(format!("cannot be read: {e}"))),
    }
    let footer = reader
        .get_bytes(len - 8, 4)
        .map_err(|e| corrupt(format!("cannot be read: {e}")))?;
    let footer_len = u32::from_le_bytes([footer[0], footer[1], footer[2], footer[3]]) as u64;
    if footer_len + 12 > len {
        return Err(corrupt(format!(
            "corrupt: a footer of {footer_len} bytes does not fit in {len} bytes"
        )));
    }
    let footer = reader
        .get_bytes(len - 8 - footer_len, footer_len as usize)
        .map_err(|e| corrupt(format!("cannot be read: {e}")))?;
    bounds::check_footer(&footer).map_err(|m| corrupt(format!("corrupt: {m}")))
}

/// The file's metadata, once its column chunks and pages are within bounds, as a builder.
fn checked_metadata<R: ChunkReader + 'static>(
    path: &Path,
    reader: R,
    len: u64,
) -> Result<ParquetRecordBatchReaderBuilder<R>, DatasetError> {
    let meta = checked_reader_metadata(path, &reader, len)?;
    Ok(ParquetRecordBatchReaderBuilder::new_with_metadata(
        reader, meta,
    ))
}

/// The metadata of a file whose footer parses and whose chunks and pages are within
/// bounds.
fn checked_reader_metadata<R: ChunkReader + 'static>(
    path: &Path,
    reader: &R,
    len: u64,
) -> Result<ArrowReaderMetadata, DatasetError> {
    let corrupt = |m: String| pq_err(path)(format!("corrupt: {m}"));
    let meta = ArrowReaderMetadata::load(reader, ArrowReaderOptions::default())
        .map_err(|e| corrupt(e.to_string()))?;
    check_bounds(meta.metadata(), len).map_err(corrupt)?;
    bounds::check_layout(meta.metadata(), len).map_err(corrupt)?;
    let budget = len.saturating_mul(MAX_EXPANSION).saturating_add(16 << 20);
    bounds::check_pages(meta.metadata(), budget, |start, n| {
        reader
            .get_bytes(start, n as usize)
            .map_err(|e| e.to_string())
    })
    .map_err(corrupt)?;
    Ok(meta)
}

fn decode<R: ChunkReader + 'static>(
    path: &Path,
    reader: R,
    len: u64,
) -> Result<TableFile, DatasetError> {
    let corrupt = |m: String| pq_err(path)(format!("corrupt: {m}"));
    let builder = checked_metadata(path, reader, len)?;
    let metadata = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kvs| kvs.iter().find(|kv| kv.key == METADATA_KEY))
        .and_then(|kv| kv.value.clone());
    let schema = builder.schema().clone();
    let reader = builder.build().map_err(|e| corrupt(e.to_string()))?;
    let batches = reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(e.to_string()))?;
    Ok(TableFile {
        batches,
        schema,
        metadata,
    })
}

/// Checks that every column chunk lies inside the file and that the declared sizes stay
/// within [`MAX_EXPANSION`] of the file size.
fn check_bounds(meta: &ParquetMetaData, len: u64) -> Result<(), String> {
    let limit = len.saturating_mul(MAX_EXPANSION).saturating_add(16 << 20);
    let mut declared: u64 = 0;
    for (g, group) in meta.row_groups().iter().enumerate() {
        if group.num_rows() < 0 {
            return Err(format!("row group {g} has {} rows", group.num_rows()));
        }
        for (c, col) in group.columns().iter().enumerate() {
            let start = col
                .dictionary_page_offset()
                .unwrap_or(col.data_page_offset());
            let size = col.compressed_size();
            let inside = u64::try_from(start)
                .ok()
                .zip(u64::try_from(size).ok())
                .and_then(|(s, n)| s.checked_add(n))
                .is_some_and(|end| end <= len);
            if !inside {
                return Err(format!(
                    "row group {g}, column {c}: chunk at {start} of {size} bytes lies outside the file ({len} bytes)"
                ));
            }
            let uncompressed = u64::try_from(col.uncompressed_size()).map_err(|_| {
                format!(
                    "row group {g}, column {c}: uncompressed size {}",
                    col.uncompressed_size()
                )
            })?;
            declared = declared.saturating_add(uncompressed);
        }
    }
    if declared > limit {
        return Err(format!(
            "declares {declared} bytes of data in a file of {len} bytes"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorId, ActorKind};

    fn actors_file() -> Vec<u8> {
        let actors: Vec<Actor> = (0..40)
            .map(|i| Actor {
                actor_id: ActorId::derive(ActorKind::Person, &format!("Person {i}")),
                name: format!("Person {i}"),
                kind: ActorKind::ALL[i % ActorKind::ALL.len()],
                aliases: vec![format!("P{i}"); i % 3],
                description: (i % 2 == 0).then(|| "a role".to_string()),
                affiliation_id: None,
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actors.parquet");
        crate::dataset::write_table(&path, &actors).unwrap();
        std::fs::read(path).unwrap()
    }

    /// Every truncation and every single-byte corruption of a small table reads back
    /// cleanly or gives an error: no panic escapes, typed reading included.
    #[test]
    fn damaged_tables_never_panic() {
        let good = actors_file();
        let path = Path::new("actors.parquet");
        let try_read = |bytes: Vec<u8>| {
            if let Ok(table) = read_table_bytes(path, Bytes::from(bytes)) {
                let _ = records_of::<Actor>(path, &table, &[], &mut Vec::new());
            }
        };
        for cut in 0..good.len() {
            try_read(good[..cut].to_vec());
        }
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0xa5;
            try_read(bad);
        }
    }

    #[test]
    fn damaged_tables_give_errors_naming_the_file() {
        let good = actors_file();
        let path = Path::new("x/actors.parquet");
        let err = |bytes: &[u8]| {
            read_table_bytes(path, Bytes::copy_from_slice(bytes))
                .unwrap_err()
                .to_string()
        };
        assert!(err(&good[..5]).starts_with("x/actors.parquet: not a Parquet file"));
        assert!(err(&good[..good.len() - 3]).contains("footer is missing"));
        assert!(err(b"hello, this is text").contains("does not start with PAR1"));
        let mut records = Vec::<Actor>::new();
        let table = read_table_bytes(path, Bytes::from(good)).unwrap();
        records_of(path, &table, &[], &mut records).unwrap();
        assert_eq!(records.len(), 40);
        let mut claims = Vec::<crate::model::Claim>::new();
        let e = records_of(path, &table, &[], &mut claims)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "x/actors.parquet: holds actor records, expected claim");
    }
}

//! The dataset folder: Parquet tables with their metadata, the manifest, atomic commit.

pub mod datapackage;
pub mod tables;

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use serde_json::json;

use crate::model::schema::schema_for;
use crate::model::{
    Actor, Article, Claim, ConversionIssue, Finding, Manifest, Mention, Rejected, SCHEMA_VERSION,
    Source, TableEntry,
};
pub use tables::{TABLES, TableRows, arrow_schema};

/// Key of the Parquet key-value metadata entry every table file carries.
pub const METADATA_KEY: &str = "claimset";

/// Why a dataset could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// A file system operation failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Parquet encoding or decoding failed.
    #[error("{path}: {message}")]
    Parquet {
        /// The Parquet file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> DatasetError + '_ {
    move |source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn pq_err(path: &Path) -> impl FnOnce(String) -> DatasetError + '_ {
    move |message| DatasetError::Parquet {
        path: path.to_path_buf(),
        message,
    }
}

/// Everything a dataset holds, in the row order it is written.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    /// One row per article.
    pub articles: Vec<Article>,
    /// One row per claim.
    pub claims: Vec<Claim>,
    /// One row per source.
    pub sources: Vec<Source>,
    /// One row per actor.
    pub actors: Vec<Actor>,
    /// One row per actor mention.
    pub mentions: Vec<Mention>,
    /// Checker findings.
    pub findings: Vec<Finding>,
    /// Inputs that were not converted.
    pub rejected: Vec<Rejected>,
    /// Notes on inputs that converted.
    pub issues: Vec<ConversionIssue>,
}

/// The JSON stored under [`METADATA_KEY`] in a table file of `record`.
pub fn table_metadata(record: &str) -> String {
    let schema = crate::model::schema::all_schemas()
        .into_iter()
        .find(|(name, _)| *name == record)
        .map(|(_, s)| s)
        .unwrap_or_else(schema_for::<serde_json::Value>);
    json!({
        "schema_version": SCHEMA_VERSION,
        "record": record,
        "offsets": "unicode_codepoints",
        "json_schema": schema,
    })
    .to_string()
}

/// Writes one table to a Parquet file: zstd, the table's Arrow schema, key-value metadata.
pub fn write_table<T: TableRows>(path: &Path, rows: &[T]) -> Result<u64, DatasetError> {
    let record = TABLES
        .iter()
        .find(|(t, _)| *t == T::TABLE)
        .map(|(_, r)| *r)
        .expect("every table is listed");
    let batch: RecordBatch = T::to_batch(rows).map_err(|e| pq_err(path)(e.to_string()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(3).expect("valid level"),
        ))
        .set_key_value_metadata(Some(vec![KeyValue::new(
            METADATA_KEY.to_string(),
            table_metadata(record),
        )]))
        .build();
    let file = File::create(path).map_err(io_err(path))?;
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(props))
        .map_err(|e| pq_err(path)(e.to_string()))?;
    writer
        .write(&batch)
        .map_err(|e| pq_err(path)(e.to_string()))?;
    writer.close().map_err(|e| pq_err(path)(e.to_string()))?;
    Ok(rows.len() as u64)
}

impl Dataset {
    /// Writes the dataset to `dir` atomically: the tables and manifest are assembled in a
    /// sibling folder, which then replaces `dir` by rename. Returns the manifest written.
    pub fn write(&self, dir: &Path) -> Result<Manifest, DatasetError> {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "dataset".into());
        let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(io_err(&staging))?;
        }
        fs::create_dir_all(&staging).map_err(io_err(&staging))?;
        let manifest = self.write_into(&staging)?;

        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if dir.exists() {
            fs::rename(dir, &old).map_err(io_err(dir))?;
        }
        fs::rename(&staging, dir).map_err(io_err(dir))?;
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io_err(&old))?;
        }
        Ok(manifest)
    }

    fn write_into(&self, dir: &Path) -> Result<Manifest, DatasetError> {
        let mut tables = Vec::new();
        let mut put = |table: &str, rows: Result<u64, DatasetError>| -> Result<(), DatasetError> {
            tables.push(TableEntry {
                name: table.to_string(),
                path: format!("{table}.parquet"),
                rows: rows?,
            });
            Ok(())
        };
        let file = |t: &str| dir.join(format!("{t}.parquet"));
        put("articles", write_table(&file("articles"), &self.articles))?;
        put("claims", write_table(&file("claims"), &self.claims))?;
        put("sources", write_table(&file("sources"), &self.sources))?;
        put("actors", write_table(&file("actors"), &self.actors))?;
        put("mentions", write_table(&file("mentions"), &self.mentions))?;
        put("findings", write_table(&file("findings"), &self.findings))?;
        let manifest = Manifest {
            schema_version: SCHEMA_VERSION.to_string(),
            converter_version: env!("CARGO_PKG_VERSION").to_string(),
            offsets: "unicode_codepoints".to_string(),
            tables,
            rejected: self.rejected.clone(),
            issues: self.issues.clone(),
        };
        let path = dir.join("dataset.json");
        let mut text = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
        text.push('\n');
        fs::write(&path, text).map_err(io_err(&path))?;
        datapackage::write(dir, &manifest)?;
        Ok(manifest)
    }
}

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

/// Reads a whole Parquet table file.
pub fn read_table(path: &Path) -> Result<TableFile, DatasetError> {
    let file = File::open(path).map_err(io_err(path))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| pq_err(path)(e.to_string()))?;
    let metadata = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kvs| kvs.iter().find(|kv| kv.key == METADATA_KEY))
        .and_then(|kv| kv.value.clone());
    let schema = builder.schema().clone();
    let reader = builder.build().map_err(|e| pq_err(path)(e.to_string()))?;
    let batches = reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| pq_err(path)(e.to_string()))?;
    Ok(TableFile {
        batches,
        schema,
        metadata,
    })
}

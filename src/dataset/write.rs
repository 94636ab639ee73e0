//! Writing a dataset: one Parquet file per table with its key-value metadata, the
//! manifest, and the switch of the finished folder into place.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::{Dataset, DatasetError, METADATA_KEY, TableRows, io_err, pq_err, table_metadata};
use crate::model::{Manifest, SCHEMA_VERSION, TableEntry};

/// Writes one table to a Parquet file: zstd, the table's Arrow schema, key-value metadata.
pub fn write_table<T: TableRows>(path: &Path, rows: &[T]) -> Result<u64, DatasetError> {
    let record = T::RECORD;
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
        Ok(manifest)
    }
}

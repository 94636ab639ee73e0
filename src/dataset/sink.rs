//! Streaming one table to Parquet: rows are buffered into fixed-size batches, each part
//! file holds one row group, and a table that fits in one part ends up as a single file.
//!
//! The layout depends only on the sequence of rows pushed (never on how the caller
//! chunked them, nor on threads), so the same rows always give byte-identical files.
//! Memory stays bounded by one batch of rows plus one row group being encoded.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use sha2::{Digest, Sha256};

use super::{DatasetError, METADATA_KEY, TableRows, arrow_schema, io_err, pq_err, table_metadata};
use crate::model::{TableEntry, TablePart};

/// When a batch of buffered rows is encoded, and when a part file is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartBudget {
    /// Rows per Arrow batch handed to the Parquet writer.
    pub batch_rows: usize,
    /// Text bytes (see [`TableRows::weight`]) per batch, whichever comes first.
    pub batch_bytes: usize,
    /// Rows per part file at most (one row group each).
    pub part_rows: u64,
    /// Encoded bytes per part file: once the row group being written reaches this size,
    /// the part is closed and the next rows go to a new one.
    pub part_bytes: usize,
}

impl PartBudget {
    /// Batches of 8,192 rows or 16 MB; parts of 1,048,576 rows or 128 MB.
    pub const DEFAULT: Self = Self {
        batch_rows: 8192,
        batch_bytes: 16 << 20,
        part_rows: 1 << 20,
        part_bytes: 128 << 20,
    };

    /// Everything in one file, whatever its size.
    pub const ONE_FILE: Self = Self {
        part_rows: u64::MAX,
        part_bytes: usize::MAX,
        ..Self::DEFAULT
    };
}

impl Default for PartBudget {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A table being written into a dataset folder, part file by part file.
pub struct TableSink<T: TableRows> {
    dir: PathBuf,
    budget: PartBudget,
    buf: Vec<T>,
    buf_bytes: usize,
    current: Option<Part>,
    parts: Vec<TablePart>,
    rows: u64,
}

/// The part file being written.
struct Part {
    name: String,
    writer: ArrowWriter<HashingWriter>,
    rows: u64,
}

impl<T: TableRows> TableSink<T> {
    /// A sink writing `T`'s table into the dataset folder `dir`.
    pub fn new(dir: &Path, budget: PartBudget) -> Self {
        Self {
            dir: dir.to_path_buf(),
            budget,
            buf: Vec::new(),
            buf_bytes: 0,
            current: None,
            parts: Vec::new(),
            rows: 0,
        }
    }

    /// Rows pushed so far.
    pub fn rows(&self) -> u64 {
        self.rows + self.buf.len() as u64
    }

    /// Adds one row.
    pub fn push(&mut self, row: T) -> Result<(), DatasetError> {
        self.buf_bytes += row.weight();
        self.buf.push(row);
        let in_part = self.current.as_ref().map_or(0, |p| p.rows);
        if self.buf.len() >= self.budget.batch_rows
            || self.buf_bytes >= self.budget.batch_bytes
            || in_part + self.buf.len() as u64 >= self.budget.part_rows
        {
            self.flush_batch()?;
        }
        Ok(())
    }

    /// Adds rows in order.
    pub fn extend(&mut self, rows: impl IntoIterator<Item = T>) -> Result<(), DatasetError> {
        rows.into_iter().try_for_each(|r| self.push(r))
    }

    fn folder(&self) -> PathBuf {
        self.dir.join(T::TABLE)
    }

    /// Encodes the buffered rows as one batch, closing the part file when it is full.
    fn flush_batch(&mut self) -> Result<(), DatasetError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let mut part = match self.current.take() {
            Some(p) => p,
            None => self.open_part()?,
        };
        let path = self.folder().join(&part.name);
        let batch = T::to_batch(&self.buf).map_err(|e| pq_err(&path)(e.to_string()))?;
        part.writer
            .write(&batch)
            .map_err(|e| pq_err(&path)(e.to_string()))?;
        part.rows += self.buf.len() as u64;
        self.rows += self.buf.len() as u64;
        self.buf.clear();
        self.buf_bytes = 0;
        if part.rows >= self.budget.part_rows
            || part.writer.in_progress_size() >= self.budget.part_bytes
        {
            self.close_part(part)?;
        } else {
            self.current = Some(part);
        }
        Ok(())
    }

    fn open_part(&mut self) -> Result<Part, DatasetError> {
        let folder = self.folder();
        if self.parts.is_empty() {
            fs::create_dir_all(&folder).map_err(io_err(&folder))?;
        }
        let name = format!("part-{:04}.parquet", self.parts.len() + 1);
        let path = folder.join(&name);
        let file = File::create(&path).map_err(io_err(&path))?;
        let out = HashingWriter {
            inner: file,
            hash: Sha256::new(),
        };
        let schema = arrow_schema(T::TABLE).expect("known table");
        let writer = ArrowWriter::try_new(out, schema, Some(properties(T::RECORD)))
            .map_err(|e| pq_err(&path)(e.to_string()))?;
        Ok(Part {
            name,
            writer,
            rows: 0,
        })
    }

    fn close_part(&mut self, part: Part) -> Result<(), DatasetError> {
        let path = self.folder().join(&part.name);
        let out = part
            .writer
            .into_inner()
            .map_err(|e| pq_err(&path)(e.to_string()))?;
        out.inner.sync_all().map_err(io_err(&path))?;
        self.parts.push(TablePart {
            path: format!("{}/{}", T::TABLE, part.name),
            rows: part.rows,
            sha256: sha256_of(out.hash),
        });
        Ok(())
    }

    /// Writes what is left and closes the table: one part becomes `<table>.parquet`,
    /// more stay as `<table>/part-NNNN.parquet`. Returns the manifest entry.
    pub fn finish(mut self) -> Result<TableEntry, DatasetError> {
        self.flush_batch()?;
        if self.current.is_none() && self.parts.is_empty() {
            // An empty table is still a file with the table's schema.
            self.current = Some(self.open_part()?);
        }
        if let Some(part) = self.current.take() {
            self.close_part(part)?;
        }
        if let [only] = self.parts.as_slice() {
            let file = format!("{}.parquet", T::TABLE);
            let (from, to) = (self.dir.join(&only.path), self.dir.join(&file));
            fs::rename(&from, &to).map_err(io_err(&to))?;
            let folder = self.folder();
            fs::remove_dir(&folder).map_err(io_err(&folder))?;
            return Ok(TableEntry {
                name: T::TABLE.to_string(),
                path: file,
                rows: only.rows,
                sha256: Some(only.sha256.clone()),
                parts: Vec::new(),
            });
        }
        Ok(TableEntry {
            name: T::TABLE.to_string(),
            path: T::TABLE.to_string(),
            rows: self.rows,
            sha256: None,
            parts: self.parts,
        })
    }
}

/// Writer settings of every table file: zstd level 3, the record's JSON Schema in the
/// key-value metadata, and row groups only where the sink closes them.
fn properties(record: &str) -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(3).expect("valid level"),
        ))
        .set_max_row_group_row_count(None)
        .set_key_value_metadata(Some(vec![KeyValue::new(
            METADATA_KEY.to_string(),
            table_metadata(record),
        )]))
        .build()
}

/// A writer that hashes what passes through it.
struct HashingWriter {
    inner: File,
    hash: Sha256,
}

impl Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn sha256_of(hash: Sha256) -> String {
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

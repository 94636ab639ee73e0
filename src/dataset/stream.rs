//! Reading a dataset folder back: where a table lives (one file or a folder of part files)
//! and its Arrow record batches, streamed one batch at a time.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};

use super::{DatasetError, io_err, pq_err};

/// Rows per record batch when streaming a table.
pub const BATCH_ROWS: usize = 1024;

/// The files holding `table` in `dir`: `<table>.parquet`, or else the `.parquet` files in
/// `<table>/` (`claims/part-0001.parquet`, ...) in name order. Empty when there are none.
pub fn table_files(dir: &Path, table: &str) -> Result<Vec<PathBuf>, DatasetError> {
    let single = dir.join(format!("{table}.parquet"));
    if single.is_file() {
        return Ok(vec![single]);
    }
    let folder = dir.join(table);
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut parts = Vec::new();
    for entry in fs::read_dir(&folder).map_err(io_err(&folder))? {
        let path = entry.map_err(io_err(&folder))?.path();
        let is_part = path.extension().is_some_and(|e| e == "parquet")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if is_part && path.is_file() {
            parts.push(path);
        }
    }
    parts.sort();
    Ok(parts)
}

/// A builder over a file that passed the reader's checks (magic, footer, chunk and page
/// bounds), so a hostile file cannot make decoding allocate without bound.
fn builder(path: &Path) -> Result<ParquetRecordBatchReaderBuilder<File>, DatasetError> {
    super::read::checked_builder(path)
}

/// The Arrow schema of a Parquet file, read from its footer alone.
pub fn file_schema(path: &Path) -> Result<SchemaRef, DatasetError> {
    Ok(builder(path)?.schema().clone())
}

/// Record batches of one Parquet file, read lazily; errors name the file.
pub struct Batches {
    path: PathBuf,
    reader: ParquetRecordBatchReader,
}

impl Iterator for Batches {
    type Item = Result<RecordBatch, DatasetError>;

    fn next(&mut self) -> Option<Self::Item> {
        let path = &self.path;
        let reader = &mut self.reader;
        let next = super::read::guard(path, || {
            reader
                .next()
                .transpose()
                .map_err(|e| pq_err(path)(format!("cannot decode: {e}")))
        });
        next.transpose()
    }
}

/// Streams the record batches of a Parquet file, [`BATCH_ROWS`] rows at a time. With
/// `columns`, only those top-level columns are decoded (absent names are skipped).
pub fn batches(path: &Path, columns: Option<&[&str]>) -> Result<Batches, DatasetError> {
    let mut b = builder(path)?.with_batch_size(BATCH_ROWS);
    if let Some(columns) = columns {
        let roots: Vec<usize> = b
            .schema()
            .fields()
            .iter()
            .enumerate()
            .filter(|(_, f)| columns.contains(&f.name().as_str()))
            .map(|(i, _)| i)
            .collect();
        let mask = ProjectionMask::roots(b.parquet_schema(), roots);
        b = b.with_projection(mask);
    }
    let reader = b
        .build()
        .map_err(|e| pq_err(path)(format!("cannot read: {e}")))?;
    Ok(Batches {
        path: path.to_path_buf(),
        reader,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_a_file_or_a_folder_of_sorted_parts() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        fs::write(dir.join("articles.parquet"), b"x").unwrap();
        fs::create_dir(dir.join("claims")).unwrap();
        for n in [
            "part-0002.parquet",
            "part-0001.parquet",
            ".tmp.parquet",
            "notes.txt",
        ] {
            fs::write(dir.join("claims").join(n), b"x").unwrap();
        }
        assert_eq!(
            table_files(dir, "articles").unwrap(),
            vec![dir.join("articles.parquet")]
        );
        assert_eq!(
            table_files(dir, "claims").unwrap(),
            vec![
                dir.join("claims/part-0001.parquet"),
                dir.join("claims/part-0002.parquet")
            ]
        );
        assert!(table_files(dir, "actors").unwrap().is_empty());
    }

    #[test]
    fn garbage_is_an_error_naming_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("claims.parquet");
        fs::write(&path, b"not parquet at all").unwrap();
        let err = file_schema(&path).unwrap_err().to_string();
        assert!(err.contains("claims.parquet"), "{err}");
        assert!(err.contains("not a Parquet file"), "{err}");
    }
}

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
pub const BATCH_ROWS: usize = 4096;

/// The files holding `table` in `dir`, in path order; empty when there are none. A table
/// is one of:
/// - one file, `<table>.parquet`;
/// - a folder of part files, `<table>/part-0001.parquet`, ... (claimset's own), or
///   `<table>.parquet/part-00000-….snappy.parquet` with `_SUCCESS` and `.crc` files
///   beside them (Spark's `df.write.parquet`);
/// - a Hive-partitioned folder, `<table>/article_id=…/part-0.parquet` (Spark's
///   `partitionBy`, pyarrow, polars, duckdb): the partition column is in the path, see
///   [`partition`].
///
/// As Spark and pyarrow do, names starting with `.` or `_` are skipped, and only
/// `.parquet` files are parts.
pub fn table_files(dir: &Path, table: &str) -> Result<Vec<PathBuf>, DatasetError> {
    let single = dir.join(format!("{table}.parquet"));
    if single.is_file() {
        return Ok(vec![single]);
    }
    let Some(folder) = table_folder(dir, table) else {
        return Ok(Vec::new());
    };
    part_files(&folder)
}

/// The folder holding `table` as part files: `<table>/` or Spark's `<table>.parquet/`.
pub fn table_folder(dir: &Path, table: &str) -> Option<PathBuf> {
    [dir.join(table), dir.join(format!("{table}.parquet"))]
        .into_iter()
        .find(|p| p.is_dir())
}

/// Whether a file or folder name is one readers skip: hidden (`.crc` files, temporary
/// files) or underscored (`_SUCCESS`, `_metadata`, `_temporary`).
fn skipped(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('_')
}

/// The `.parquet` files under a table folder, descending into Hive partition folders
/// (`key=value`), in path order.
pub fn part_files(folder: &Path) -> Result<Vec<PathBuf>, DatasetError> {
    let mut parts = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in fs::read_dir(&at).map_err(io_err(&at))? {
            let path = entry.map_err(io_err(&at))?.path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if skipped(&name) {
                continue;
            }
            if path.is_dir() {
                if name.contains('=') {
                    pending.push(path);
                }
            } else if name.ends_with(".parquet") && path.is_file() {
                parts.push(path);
            }
        }
    }
    parts.sort();
    Ok(parts)
}

/// The Hive partition values the path of `file`, a file of `table` in `dir`, carries.
pub fn partition(dir: &Path, table: &str, file: &Path) -> Vec<(String, Option<String>)> {
    table_folder(dir, table)
        .map(|root| super::conform::partition_of(&root, file))
        .unwrap_or_default()
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

/// The number of rows of a Parquet file, read from its footer alone.
pub fn file_rows(path: &Path) -> Result<u64, DatasetError> {
    let rows = builder(path)?.metadata().file_metadata().num_rows();
    u64::try_from(rows).map_err(|_| pq_err(path)(format!("corrupt: {rows} rows")))
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
    batches_of(path, columns, BATCH_ROWS)
}

/// [`batches`] of `rows` rows, for rows so large (article texts) that fewer of them
/// should be in memory at once.
pub fn batches_of(
    path: &Path,
    columns: Option<&[&str]>,
    rows: usize,
) -> Result<Batches, DatasetError> {
    // String views: the checker reads each value where it was decoded.
    let mut b = super::read::checked_builder_views(path)?.with_batch_size(rows);
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
    fn spark_folders_and_hive_partitions_are_tables() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let spark = dir.join("articles.parquet");
        fs::create_dir(&spark).unwrap();
        for n in [
            "_SUCCESS",
            "._SUCCESS.crc",
            "part-00000-a.snappy.parquet",
            ".part-00000-a.snappy.parquet.crc",
        ] {
            fs::write(spark.join(n), b"x").unwrap();
        }
        assert_eq!(
            table_files(dir, "articles").unwrap(),
            vec![spark.join("part-00000-a.snappy.parquet")]
        );
        let hive = dir.join("claims");
        for p in ["article_id=b", "article_id=a%2F1", "_temporary/0"] {
            fs::create_dir_all(hive.join(p)).unwrap();
            fs::write(hive.join(p).join("part-0.parquet"), b"x").unwrap();
        }
        let files = table_files(dir, "claims").unwrap();
        assert_eq!(
            files,
            vec![
                hive.join("article_id=a%2F1/part-0.parquet"),
                hive.join("article_id=b/part-0.parquet")
            ]
        );
        assert_eq!(
            partition(dir, "claims", &files[0]),
            vec![("article_id".to_string(), Some("a/1".to_string()))]
        );
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

//! Writing a dataset: one Parquet file per table with its key-value metadata, the
//! manifest, and the atomic switch of the finished folder into place.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use sha2::{Digest, Sha256};

use super::lock::{DatasetLock, Place};
use super::{Dataset, DatasetError, METADATA_KEY, TableRows, io_err, pq_err, table_metadata};
use crate::model::{Manifest, SCHEMA_VERSION, TableEntry};

/// Writes one table to a Parquet file: zstd, the table's Arrow schema, key-value metadata.
/// Returns the number of rows written.
pub fn write_table<T: TableRows>(path: &Path, rows: &[T]) -> Result<u64, DatasetError> {
    write_table_hashed(path, rows).map(|(rows, _)| rows)
}

/// Writes one table like [`write_table`], synced to disk; returns the number of rows and
/// the SHA-256 of the file.
fn write_table_hashed<T: TableRows>(
    path: &Path,
    rows: &[T],
) -> Result<(u64, String), DatasetError> {
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
    let out = HashingWriter {
        inner: file,
        hash: Sha256::new(),
    };
    let mut writer = ArrowWriter::try_new(out, batch.schema(), Some(props))
        .map_err(|e| pq_err(path)(e.to_string()))?;
    writer
        .write(&batch)
        .map_err(|e| pq_err(path)(e.to_string()))?;
    let out = writer
        .into_inner()
        .map_err(|e| pq_err(path)(e.to_string()))?;
    out.inner.sync_all().map_err(io_err(path))?;
    Ok((rows.len() as u64, sha256_of(out.hash)))
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

impl Dataset {
    /// Writes the dataset to `dir`, taking its lock for the time of the write; see
    /// [`Dataset::write_locked`].
    pub fn write(&self, dir: &Path) -> Result<Manifest, DatasetError> {
        let lock = DatasetLock::acquire(dir)?;
        self.write_locked(&lock)
    }

    /// Writes the dataset to the folder `lock` is for, atomically: the tables and the
    /// manifest are assembled and synced in a hidden sibling folder, which is then
    /// switched in with one rename (on Linux, `renameat2(RENAME_EXCHANGE)` swaps it with
    /// the old folder). A reader, or a process killed at any moment, sees either the
    /// complete old dataset or the complete new one. Leftovers of writers killed before
    /// (staging or old folders) are cleaned up first. A folder that exists but is not a
    /// dataset is never replaced. Returns the manifest written.
    pub fn write_locked(&self, lock: &DatasetLock) -> Result<Manifest, DatasetError> {
        let dir = lock.dir().to_path_buf();
        let place = Place::of(&dir)?;
        check_replaceable(&dir)?;
        clean_up(&place, &dir)?;
        let staging = place.sibling(&format!("tmp-{}", std::process::id()));
        fs::create_dir(&staging).map_err(io_err(&staging))?;
        let manifest = match self.write_into(&staging) {
            Ok(m) => m,
            Err(e) => {
                let _ = fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        sync_dir(&staging)?;
        switch(&staging, &dir, &place)?;
        sync_dir(&place.parent)?;
        Ok(manifest)
    }

    fn write_into(&self, dir: &Path) -> Result<Manifest, DatasetError> {
        fn entry<T: TableRows>(dir: &Path, rows: &[T]) -> Result<TableEntry, DatasetError> {
            let file = format!("{}.parquet", T::TABLE);
            let (rows, sha256) = write_table_hashed(&dir.join(&file), rows)?;
            Ok(TableEntry {
                name: T::TABLE.to_string(),
                path: file,
                rows,
                sha256: Some(sha256),
            })
        }
        let tables = vec![
            entry(dir, &self.articles)?,
            entry(dir, &self.claims)?,
            entry(dir, &self.sources)?,
            entry(dir, &self.actors)?,
            entry(dir, &self.mentions)?,
            entry(dir, &self.findings)?,
        ];
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
        sync_file(&path)?;
        super::datapackage::write(dir, &manifest)?;
        Ok(manifest)
    }
}

/// Replaces one table of the dataset at `dir` with `rows`, atomically and under the
/// dataset's lock: a staging folder gets hard links to the other files, the new table and
/// a manifest with its row count and hash, and is switched in like a whole write. Returns
/// the number of rows written.
pub fn replace_table<T: TableRows>(dir: &Path, rows: &[T]) -> Result<u64, DatasetError> {
    let lock = DatasetLock::acquire(dir)?;
    let dir = lock.dir().to_path_buf();
    let place = Place::of(&dir)?;
    if dir.join(T::TABLE).is_dir() {
        return Err(DatasetError::Invalid {
            path: dir.join(T::TABLE),
            message: "the table is a folder of part files; not replacing it".into(),
        });
    }
    let file = format!("{}.parquet", T::TABLE);
    if !dir.join("dataset.json").is_file() {
        // A folder of tables without a manifest (another tool's, or edited by hand):
        // the one file is written beside its name and renamed into place.
        let staging = dir.join(format!(".{file}.tmp-{}", std::process::id()));
        let written = write_table(&staging, rows).inspect_err(|_| {
            let _ = fs::remove_file(&staging);
        })?;
        let path = dir.join(&file);
        fs::rename(&staging, &path).map_err(io_err(&path))?;
        sync_dir(&dir)?;
        return Ok(written);
    }
    let mut manifest = super::read_manifest(&dir)?;
    clean_up(&place, &dir)?;
    let staging = place.sibling(&format!("tmp-{}", std::process::id()));
    fs::create_dir(&staging).map_err(io_err(&staging))?;
    let result = (|| {
        for entry in fs::read_dir(&dir).map_err(io_err(&dir))? {
            let entry = entry.map_err(io_err(&dir))?;
            let name = entry.file_name();
            if name == "dataset.json" || name.to_string_lossy() == file {
                continue;
            }
            let from = entry.path();
            if from.is_file() {
                let to = staging.join(&name);
                fs::hard_link(&from, &to)
                    .or_else(|_| fs::copy(&from, &to).map(|_| ()))
                    .map_err(io_err(&to))?;
            }
        }
        let (written, sha256) = write_table_hashed(&staging.join(&file), rows)?;
        let entry = TableEntry {
            name: T::TABLE.to_string(),
            path: file.clone(),
            rows: written,
            sha256: Some(sha256),
        };
        match manifest.tables.iter_mut().find(|t| t.name == T::TABLE) {
            Some(t) => *t = entry,
            None => manifest.tables.push(entry),
        }
        let path = staging.join("dataset.json");
        let mut text = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
        text.push('\n');
        fs::write(&path, text).map_err(io_err(&path))?;
        sync_file(&path)?;
        sync_dir(&staging)?;
        Ok(written)
    })();
    let written = match result {
        Ok(w) => w,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    switch(&staging, &dir, &place)?;
    sync_dir(&place.parent)?;
    Ok(written)
}

/// A missing folder, an empty one or a dataset (it has `dataset.json`) may be replaced;
/// anything else is refused.
pub(super) fn check_replaceable(dir: &Path) -> Result<(), DatasetError> {
    let meta = match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        other => other.map_err(io_err(dir))?,
    };
    if !meta.is_dir() {
        return Err(DatasetError::NotADataset {
            dir: dir.to_path_buf(),
            what: "a file, not a folder".into(),
        });
    }
    if dir.join("dataset.json").is_file() {
        return Ok(());
    }
    let mut entries = fs::read_dir(dir).map_err(io_err(dir))?;
    if entries.next().is_none() {
        return Ok(());
    }
    Err(DatasetError::NotADataset {
        dir: dir.to_path_buf(),
        what: "a folder without dataset.json".into(),
    })
}

/// Removes what writers killed earlier left beside the dataset (`.NAME.tmp-PID` staging
/// folders, `.NAME.old-PID` replaced folders), first putting an old folder back should a
/// fallback switch have been killed between its two renames. Runs under the lock, so no
/// other writer owns them.
fn clean_up(place: &Place, dir: &Path) -> Result<(), DatasetError> {
    let prefix = |kind: &str| format!(".{}.{kind}-", place.name);
    let (tmp, old) = (prefix("tmp"), prefix("old"));
    let pid_suffix = |name: &str, p: &str| {
        name.strip_prefix(p)
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
    };
    let Ok(entries) = fs::read_dir(&place.parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<(bool, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if pid_suffix(&name, &tmp) {
            leftovers.push((false, entry.path()));
        } else if pid_suffix(&name, &old) {
            leftovers.push((true, entry.path()));
        }
    }
    leftovers.sort();
    for (is_old, path) in leftovers {
        if is_old && !dir.exists() && path.join("dataset.json").is_file() {
            fs::rename(&path, dir).map_err(io_err(dir))?;
        } else {
            fs::remove_dir_all(&path).map_err(io_err(&path))?;
        }
    }
    Ok(())
}

/// Puts the finished folder `staging` in place at `dir` with one atomic rename.
fn switch(staging: &Path, dir: &Path, place: &Place) -> Result<(), DatasetError> {
    if fs::symlink_metadata(dir).is_err() {
        // Nothing there yet: a plain rename makes the whole folder appear at once.
        return fs::rename(staging, dir).map_err(io_err(dir));
    }
    #[cfg(target_os = "linux")]
    match exchange(staging, dir) {
        Ok(()) => {
            // `staging` now holds the old dataset; a failure to remove it only leaves
            // a leftover the next write cleans up.
            let _ = fs::remove_dir_all(staging);
            return Ok(());
        }
        Err(e) if exchange_unsupported(&e) => {}
        Err(e) => return Err(io_err(dir)(e)),
    }
    // Without an atomic exchange: two renames. A writer killed between them leaves
    // `.NAME.old-PID` and no `dir`; the next write (or `clean_up`) puts it back.
    let old = place.sibling(&format!("old-{}", std::process::id()));
    fs::rename(dir, &old).map_err(io_err(dir))?;
    fs::rename(staging, dir).map_err(io_err(dir))?;
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Swaps two folders atomically (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// File systems (or old kernels) without `RENAME_EXCHANGE` say so with these errors.
#[cfg(target_os = "linux")]
fn exchange_unsupported(e: &std::io::Error) -> bool {
    use rustix::io::Errno;
    let code = e.raw_os_error();
    [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP]
        .iter()
        .any(|errno| code == Some(errno.raw_os_error()))
}

/// Flushes a written file to disk.
fn sync_file(path: &Path) -> Result<(), DatasetError> {
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(io_err(path))
}

/// Flushes a folder's entries to disk (where the platform can).
fn sync_dir(dir: &Path) -> Result<(), DatasetError> {
    if cfg!(unix) { sync_file(dir) } else { Ok(()) }
}

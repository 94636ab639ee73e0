//! The manifest against the folder: what `dataset.json` says (tables, paths, row counts,
//! SHA-256 of every file) compared with the files there now, and the manifest a folder's
//! files would get (for `claimset seal`).
//!
//! Row counts come from the Parquet footers, so nothing is decoded; every file is still
//! checked like any table file (magic, footer bounds) before its footer is trusted.

use std::fs;
use std::path::Path;

use super::read::{inside, read_dataset_manifest};
use super::stream::{file_rows, table_files, table_folder};
use super::{DatasetError, TABLES, io_err};
use crate::model::{Manifest, SCHEMA_VERSION, TableEntry, TablePart};

/// How the folder differs from its `dataset.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audit {
    /// Why `dataset.json` cannot be used (unreadable, not a manifest, a schema version
    /// this claimset cannot read); nothing else is compared then.
    pub invalid: Option<String>,
    /// The tables the manifest lists, in its order.
    pub tables: Vec<TableAudit>,
    /// Tables of the data model that have files but no entry in the manifest.
    pub unlisted: Vec<&'static str>,
}

/// One table the manifest lists, against its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableAudit {
    /// The table name.
    pub name: String,
    /// Its path in the manifest.
    pub path: String,
    /// Whether anything is at that path.
    pub present: bool,
    /// The row count the manifest gives.
    pub listed_rows: u64,
    /// The rows its files hold now (from their footers).
    pub rows: u64,
    /// Files whose content no longer matches the manifest: `(path, what)`, e.g.
    /// `("claims.parquet", "its SHA-256 differs")`.
    pub changed: Vec<(String, String)>,
}

/// A path relative to the dataset folder, `/`-separated.
fn rel(dir: &Path, path: &Path) -> String {
    let r = path.strip_prefix(dir).unwrap_or(path);
    r.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The SHA-256 of a file, read in pieces: a table file is never held whole.
fn hash_file(path: &Path) -> Result<String, DatasetError> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut file = fs::File::open(path).map_err(io_err(path))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(io_err(path))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Compares `dir` with its `dataset.json`; `None` when the folder has none (tables
/// written by other tools).
pub fn audit(dir: &Path) -> Result<Option<Audit>, DatasetError> {
    let manifest_path = dir.join("dataset.json");
    if !manifest_path.exists() {
        return Ok(None);
    }
    let manifest = match read_dataset_manifest(dir) {
        Ok(m) => m,
        Err(DatasetError::Io { source, .. }) => {
            return Ok(Some(Audit {
                invalid: Some(format!("cannot be read: {source}")),
                ..Audit::default()
            }));
        }
        Err(DatasetError::Invalid { message, .. }) => {
            return Ok(Some(Audit {
                invalid: Some(message),
                ..Audit::default()
            }));
        }
        Err(e) => return Err(e),
    };
    let mut out = Audit::default();
    for entry in &manifest.tables {
        let path = match inside(dir, &entry.path, &manifest_path) {
            Ok(p) => p,
            Err(e) => {
                out.invalid = Some(e.to_string());
                return Ok(Some(out));
            }
        };
        let mut t = TableAudit {
            name: entry.name.clone(),
            path: entry.path.clone(),
            present: path.exists(),
            listed_rows: entry.rows,
            rows: 0,
            changed: Vec::new(),
        };
        if t.present {
            audit_table(dir, entry, &path, &manifest_path, &mut t)?;
        }
        out.tables.push(t);
    }
    for (table, _) in TABLES {
        let listed = manifest.tables.iter().any(|t| t.name == *table);
        if !listed && !table_files(dir, table)?.is_empty() {
            out.unlisted.push(table);
        }
    }
    Ok(Some(out))
}

fn audit_table(
    dir: &Path,
    entry: &TableEntry,
    path: &Path,
    manifest_path: &Path,
    t: &mut TableAudit,
) -> Result<(), DatasetError> {
    let changed = |t: &mut TableAudit, p: String, what: &str| t.changed.push((p, what.into()));
    if entry.parts.is_empty() {
        if path.is_dir() {
            for file in super::stream::part_files(path)? {
                t.rows += file_rows(&file)?;
            }
            if entry.sha256.is_some() {
                changed(t, entry.path.clone(), "is a folder, not the file listed");
            }
            return Ok(());
        }
        t.rows = file_rows(path)?;
        if let Some(want) = &entry.sha256
            && hash_file(path)? != *want
        {
            changed(t, entry.path.clone(), "its SHA-256 differs");
        }
        return Ok(());
    }
    let mut listed = Vec::new();
    for part in &entry.parts {
        let file = inside(dir, &part.path, manifest_path)?;
        listed.push(file.clone());
        if !file.is_file() {
            changed(t, part.path.clone(), "is listed but missing");
            continue;
        }
        if hash_file(&file)? != part.sha256 {
            changed(t, part.path.clone(), "its SHA-256 differs");
        }
    }
    let present = if path.is_dir() {
        super::stream::part_files(path)?
    } else {
        vec![path.to_path_buf()]
    };
    for file in &present {
        t.rows += file_rows(file)?;
        if !listed.contains(file) {
            changed(t, rel(dir, file), "is not listed");
        }
    }
    Ok(())
}

/// The manifest the tables now in `dir` would get: every table of the data model that
/// has files, in manifest order, with its path, row count and the SHA-256 of each file
/// (one file, or part files in path order, Spark folders and Hive partitions included).
/// `rejected` and `issues` are kept from `previous`.
pub fn manifest_of(dir: &Path, previous: Option<&Manifest>) -> Result<Manifest, DatasetError> {
    let mut tables = Vec::new();
    for (table, _) in TABLES {
        let files = table_files(dir, table)?;
        if files.is_empty() {
            continue;
        }
        let single = dir.join(format!("{table}.parquet"));
        if files == [single.clone()] && single.is_file() {
            tables.push(TableEntry {
                name: table.to_string(),
                path: rel(dir, &single),
                rows: file_rows(&single)?,
                sha256: Some(hash_file(&single)?),
                parts: Vec::new(),
            });
            continue;
        }
        let folder = table_folder(dir, table).expect("part files live in a table folder");
        let mut parts = Vec::new();
        for file in &files {
            parts.push(TablePart {
                path: rel(dir, file),
                rows: file_rows(file)?,
                sha256: hash_file(file)?,
            });
        }
        tables.push(TableEntry {
            name: table.to_string(),
            path: rel(dir, &folder),
            rows: parts.iter().map(|p| p.rows).sum(),
            sha256: None,
            parts,
        });
    }
    Ok(Manifest {
        schema_version: SCHEMA_VERSION.to_string(),
        converter_version: env!("CARGO_PKG_VERSION").to_string(),
        offsets: "unicode_codepoints".to_string(),
        tables,
        rejected: previous.map(|m| m.rejected.clone()).unwrap_or_default(),
        issues: previous.map(|m| m.issues.clone()).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sha256_hex;

    #[test]
    fn files_hash_in_pieces_as_they_would_whole() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("t.parquet");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        fs::write(&path, &bytes).unwrap();
        assert_eq!(hash_file(&path).unwrap(), sha256_hex(&bytes));
    }
}

//! Writing a dataset: one Parquet file per table with its key-value metadata, the
//! manifest, and the atomic switch of the finished folder into place.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::lock::{DatasetLock, Place};
use super::sink::{PartBudget, TableSink};
use super::{Dataset, DatasetError, TableRows, io_err};
use crate::model::{
    Actor, ActorId, Article, Claim, ConversionIssue, Finding, Manifest, Mention, Rejected,
    SCHEMA_VERSION, Source, SourceId,
};

/// Writes one table to the Parquet file `path` (zstd, the table's Arrow schema, its
/// key-value metadata), replacing it atomically. Returns the number of rows written.
pub fn write_table<T: TableRows + Clone>(path: &Path, rows: &[T]) -> Result<u64, DatasetError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    fs::create_dir(&tmp).map_err(io_err(&tmp))?;
    let result = (|| {
        let mut sink = TableSink::<T>::new(&tmp, PartBudget::ONE_FILE);
        sink.extend(rows.iter().cloned())?;
        let entry = sink.finish()?;
        fs::rename(tmp.join(&entry.path), path).map_err(io_err(path))?;
        Ok(entry.rows)
    })();
    let _ = fs::remove_dir_all(&tmp);
    result
}

/// A dataset being written: its tables are streamed into a hidden sibling of the dataset
/// folder, which [`DatasetWriter::commit`] switches in atomically. Articles, claims,
/// mentions and findings go out as they come; actors and sources, shared across
/// articles, are merged by ID and written at the end. Dropped without a commit, the
/// staging folder is removed and the dataset is left as it was.
pub struct DatasetWriter<'l> {
    lock: &'l DatasetLock,
    place: Place,
    staging: Staging,
    budget: PartBudget,
    /// The articles table.
    pub articles: TableSink<Article>,
    /// The claims table.
    pub claims: TableSink<Claim>,
    /// The mentions table.
    pub mentions: TableSink<Mention>,
    /// The findings table.
    pub findings: TableSink<Finding>,
}

/// A staging folder, removed when dropped unless it was switched in.
struct Staging(Option<PathBuf>);

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_dir_all(path);
        }
    }
}

impl<'l> DatasetWriter<'l> {
    /// Starts writing the dataset `lock` is for. Leftovers of writers killed before are
    /// cleaned up first; a folder that exists but is not a dataset is refused.
    pub fn begin(lock: &'l DatasetLock, budget: PartBudget) -> Result<Self, DatasetError> {
        let dir = lock.dir().to_path_buf();
        let place = Place::of(&dir)?;
        check_replaceable(&dir)?;
        check_writable(&dir)?;
        clean_up(&place, &dir)?;
        let staging = place.sibling(&format!("tmp-{}", std::process::id()));
        fs::create_dir(&staging).map_err(io_err(&staging))?;
        Ok(Self {
            lock,
            place,
            budget,
            articles: TableSink::new(&staging, budget),
            claims: TableSink::new(&staging, budget),
            mentions: TableSink::new(&staging, budget),
            findings: TableSink::new(&staging, budget),
            staging: Staging(Some(staging)),
        })
    }

    /// Finishes the tables, writes the manifest and the data package descriptor, and
    /// switches the folder in: a reader, or a process killed at any moment, sees either
    /// the complete old dataset or the complete new one. Returns the manifest written.
    pub fn commit(
        self,
        sources: impl IntoIterator<Item = Source>,
        actors: impl IntoIterator<Item = Actor>,
        rejected: Vec<Rejected>,
        issues: Vec<ConversionIssue>,
    ) -> Result<Manifest, DatasetError> {
        let Self {
            lock,
            place,
            mut staging,
            budget,
            articles,
            claims,
            mentions,
            findings,
        } = self;
        let dir = staging.0.clone().expect("staging until committed");
        let mut source_sink = TableSink::<Source>::new(&dir, budget);
        source_sink.extend(sources)?;
        let mut actor_sink = TableSink::<Actor>::new(&dir, budget);
        actor_sink.extend(actors)?;
        let tables = vec![
            articles.finish()?,
            claims.finish()?,
            source_sink.finish()?,
            actor_sink.finish()?,
            mentions.finish()?,
            findings.finish()?,
        ];
        let manifest = Manifest {
            schema_version: SCHEMA_VERSION.to_string(),
            converter_version: env!("CARGO_PKG_VERSION").to_string(),
            offsets: "unicode_codepoints".to_string(),
            tables,
            rejected,
            issues,
        };
        carry_user_files(lock.dir(), &dir)?;
        write_manifest(&dir, &manifest)?;
        super::datapackage::write(&dir, &manifest)?;
        sync_tree(&dir)?;
        switch(&dir, lock.dir(), &place)?;
        staging.0 = None;
        sync_dir(&place.parent)?;
        Ok(manifest)
    }
}

/// Actors and sources of a dataset being written, merged by ID.
#[derive(Debug, Default)]
pub struct Shared {
    /// Actors by ID.
    pub actors: BTreeMap<ActorId, Actor>,
    /// Sources by ID.
    pub sources: BTreeMap<SourceId, Source>,
}

impl Shared {
    /// Adds an actor seen in one article: aliases are united, the first description and
    /// affiliation seen are kept.
    pub fn add_actor(&mut self, a: Actor) {
        match self.actors.get_mut(&a.actor_id) {
            None => {
                self.actors.insert(a.actor_id.clone(), a);
            }
            Some(have) => {
                for al in a.aliases {
                    if !have.aliases.contains(&al) {
                        have.aliases.push(al);
                    }
                }
                have.aliases.sort();
                if have.description.is_none() {
                    have.description = a.description;
                }
                if have.affiliation_id.is_none() {
                    have.affiliation_id = a.affiliation_id;
                }
            }
        }
    }

    /// Adds a source; the first one seen under an ID is kept.
    pub fn add_source(&mut self, s: Source) {
        self.sources.entry(s.source_id.clone()).or_insert(s);
    }
}

/// Writes `dataset.json` into `dir`, synced.
fn write_manifest(dir: &Path, manifest: &Manifest) -> Result<(), DatasetError> {
    let path = dir.join("dataset.json");
    let mut text = serde_json::to_string_pretty(manifest).expect("manifest serialises");
    text.push('\n');
    fs::write(&path, text).map_err(io_err(&path))?;
    sync_file(&path)
}

impl Dataset {
    /// Writes the dataset to `dir`, taking its lock for the time of the write; see
    /// [`Dataset::write_locked`].
    pub fn write(&self, dir: &Path) -> Result<Manifest, DatasetError> {
        let lock = DatasetLock::acquire(dir)?;
        self.write_locked(&lock)
    }

    /// Writes the dataset to the folder `lock` is for, atomically (see
    /// [`DatasetWriter`]), rows in the order they are held. Returns the manifest written.
    pub fn write_locked(&self, lock: &DatasetLock) -> Result<Manifest, DatasetError> {
        let mut w = DatasetWriter::begin(lock, PartBudget::default())?;
        w.articles.extend(self.articles.iter().cloned())?;
        w.claims.extend(self.claims.iter().cloned())?;
        w.mentions.extend(self.mentions.iter().cloned())?;
        w.findings.extend(self.findings.iter().cloned())?;
        w.commit(
            self.sources.iter().cloned(),
            self.actors.iter().cloned(),
            self.rejected.clone(),
            self.issues.clone(),
        )
    }
}

/// Replaces one table of the dataset at `dir` with `rows`, atomically and under the
/// dataset's lock: a staging folder gets hard links to the other tables, the new table and
/// a manifest with its row count and hash, and is switched in like a whole write. Returns
/// the number of rows written.
pub fn replace_table<T: TableRows + Clone>(dir: &Path, rows: &[T]) -> Result<u64, DatasetError> {
    let lock = DatasetLock::acquire(dir)?;
    let dir = lock.dir().to_path_buf();
    let place = Place::of(&dir)?;
    let file = format!("{}.parquet", T::TABLE);
    if !dir.join("dataset.json").is_file() {
        // A folder of tables without a manifest (another tool's, or edited by hand):
        // the one file is written beside its name and renamed into place.
        let written = write_table(&dir.join(&file), rows)?;
        sync_dir(&dir)?;
        return Ok(written);
    }
    let mut manifest = super::read_manifest(&dir)?;
    check_writable(&dir)?;
    clean_up(&place, &dir)?;
    let staging = Staging(Some(place.sibling(&format!("tmp-{}", std::process::id()))));
    let into = staging.0.clone().expect("staging");
    fs::create_dir(&into).map_err(io_err(&into))?;
    let skip = ["dataset.json", "datapackage.json", &file, T::TABLE];
    link_tree(&dir, &into, &skip)?;
    let mut sink = TableSink::<T>::new(&into, PartBudget::default());
    sink.extend(rows.iter().cloned())?;
    let entry = sink.finish()?;
    let written = entry.rows;
    match manifest.tables.iter_mut().find(|t| t.name == T::TABLE) {
        Some(t) => *t = entry,
        None => manifest.tables.push(entry),
    }
    commit_staged(staging, &dir, &place, &manifest)?;
    Ok(written)
}

/// Writes the manifests into the staging folder, makes it durable and switches it in for
/// `dir`; the staging folder is the dataset from then on, so it is no longer removed.
fn commit_staged(
    mut staging: Staging,
    dir: &Path,
    place: &Place,
    manifest: &Manifest,
) -> Result<(), DatasetError> {
    let into = staging.0.clone().expect("staging");
    write_manifest(&into, manifest)?;
    super::datapackage::write(&into, manifest)?;
    sync_tree(&into)?;
    switch(&into, dir, place)?;
    staging.0 = None;
    sync_dir(&place.parent)
}

/// Writes a new manifest (`dataset.json`, and `datapackage.json` from it) for the tables
/// now in the dataset `lock` is for, after a deliberate edit by another tool: every
/// table's path, row count and SHA-256 as the files are (see [`super::verify::manifest_of`];
/// `rejected` and `issues` are kept). The tables are left as they are. Atomic like every
/// write: a staging folder gets hard links to the tables and the new manifest, and is
/// switched in. A folder with tables but no manifest becomes a dataset. Returns the
/// manifest written.
pub fn seal(lock: &DatasetLock) -> Result<Manifest, DatasetError> {
    seal_with(lock, None)
}

/// [`seal`], recording `notes` (the rejected inputs and the conversion notes) in the new
/// manifest instead of keeping the old one's: how a dataset whose tables another engine
/// wrote (the Spark job) gets its manifest.
pub fn seal_with(
    lock: &DatasetLock,
    notes: Option<(Vec<Rejected>, Vec<ConversionIssue>)>,
) -> Result<Manifest, DatasetError> {
    let dir = lock.dir().to_path_buf();
    let place = Place::of(&dir)?;
    if !dir.is_dir() {
        return Err(DatasetError::NotADataset {
            dir: dir.clone(),
            what: "not a folder".into(),
        });
    }
    let previous = if dir.join("dataset.json").is_file() {
        super::read_manifest(&dir).ok()
    } else {
        None
    };
    clean_up(&place, &dir)?;
    let staging = Staging(Some(place.sibling(&format!("tmp-{}", std::process::id()))));
    let into = staging.0.clone().expect("staging");
    fs::create_dir(&into).map_err(io_err(&into))?;
    link_tree(&dir, &into, &["dataset.json", "datapackage.json"])?;
    // Hashed in the staging folder: the manifest describes exactly the files switched in.
    let mut manifest = super::verify::manifest_of(&into, previous.as_ref())?;
    if let Some((rejected, issues)) = notes {
        manifest.rejected = rejected;
        manifest.issues = issues;
    }
    if manifest.tables.is_empty() {
        return Err(DatasetError::NotADataset {
            dir: dir.clone(),
            what: "a folder without any table".into(),
        });
    }
    commit_staged(staging, &dir, &place, &manifest)?;
    Ok(manifest)
}

/// Hard-links (or, across file systems, copies) the files of `from` into `to`, folders
/// of part files included, except the top-level entries named in `skip`.
fn link_tree(from: &Path, to: &Path, skip: &[&str]) -> Result<(), DatasetError> {
    for entry in fs::read_dir(from).map_err(io_err(from))? {
        let entry = entry.map_err(io_err(from))?;
        let name = entry.file_name();
        if skip.iter().any(|s| name == **s) {
            continue;
        }
        let (src, dst) = (entry.path(), to.join(&name));
        let kind = entry.file_type().map_err(io_err(&src))?;
        if kind.is_dir() {
            fs::create_dir(&dst).map_err(io_err(&dst))?;
            link_tree(&src, &dst, &[])?;
        } else if kind.is_file() {
            fs::hard_link(&src, &dst)
                .or_else(|_| fs::copy(&src, &dst).map(|_| ()))
                .map_err(io_err(&dst))?;
        } else if kind.is_symlink() {
            copy_symlink(&src, &dst)?;
        }
    }
    Ok(())
}

/// Makes `dst` a symbolic link to where `src` points.
fn copy_symlink(src: &Path, dst: &Path) -> Result<(), DatasetError> {
    let target = fs::read_link(src).map_err(io_err(src))?;
    #[cfg(unix)]
    return std::os::unix::fs::symlink(&target, dst).map_err(io_err(dst));
    #[cfg(not(unix))]
    return fs::copy(src, dst).map(|_| ()).map_err(io_err(dst));
}

/// Flushes every file and folder under `dir` to disk.
fn sync_tree(dir: &Path) -> Result<(), DatasetError> {
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let entry = entry.map_err(io_err(dir))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(io_err(&path))?;
        if kind.is_dir() {
            sync_tree(&path)?;
        } else if kind.is_file() {
            sync_file(&path)?;
        }
    }
    sync_dir(dir)
}

/// A missing folder, an empty one or a dataset (it has `dataset.json`) may be replaced;
/// anything else is refused.
fn check_replaceable(dir: &Path) -> Result<(), DatasetError> {
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
        // Only a folder whose manifest claimset can read is claimset's to replace.
        return match super::read_manifest(dir) {
            Ok(_) => Ok(()),
            Err(_) => Err(DatasetError::NotADataset {
                dir: dir.to_path_buf(),
                what: "a folder whose dataset.json is not a claimset manifest".into(),
            }),
        };
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

/// A dataset folder without write permission is refused before anything is written:
/// switching it out would leave the old folder beside it, undeletable.
fn check_writable(dir: &Path) -> Result<(), DatasetError> {
    match fs::metadata(dir) {
        Ok(meta) if meta.permissions().readonly() => Err(DatasetError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the dataset folder is read-only; make it writable to change the dataset",
            ),
        }),
        _ => Ok(()),
    }
}

/// The top-level names claimset writes in a dataset folder: the manifest, the data
/// package descriptor, and each table as a file or a folder of part files.
fn claimset_names() -> Vec<String> {
    let mut names = vec!["dataset.json".to_string(), "datapackage.json".to_string()];
    for (table, _) in super::TABLES {
        names.push(format!("{table}.parquet"));
        names.push(table.to_string());
    }
    names
}

/// Carries what the user put in the dataset folder `dir` (notes, analyses, any file or
/// folder claimset does not write) into the new folder `into`, so that switching the new
/// dataset in loses none of it.
fn carry_user_files(dir: &Path, into: &Path) -> Result<(), DatasetError> {
    if !dir.is_dir() {
        return Ok(());
    }
    let names = claimset_names();
    let skip: Vec<&str> = names.iter().map(String::as_str).collect();
    link_tree(dir, into, &skip)
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
            // A leftover that cannot be removed (made read-only) stays; it must not stop
            // every later write.
            let _ = fs::remove_dir_all(&path);
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

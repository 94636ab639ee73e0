//! One writer per dataset: an exclusive lock on a file beside the dataset folder
//! (`PARENT/.NAME.lock`), taken without waiting.
//!
//! The lock file lives beside the folder, not in it, because a write swaps the folder
//! itself. It is an advisory `flock`-style lock (`File::try_lock`): the system drops it
//! when the holder exits, however it exits, so a killed writer never leaves a stale lock.
//! The holder removes the file when it is done; a writer that locked a file which was
//! removed meanwhile notices (the path no longer leads to the file it holds) and tries
//! again.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::{DatasetError, io_err};

/// An exclusive lock on one dataset folder, held until dropped.
#[derive(Debug)]
pub struct DatasetLock {
    dir: PathBuf,
    path: PathBuf,
    file: File,
}

/// Where a dataset folder lives: its parent and its name, and the lock file's path.
pub(super) struct Place {
    pub parent: PathBuf,
    pub name: String,
}

impl Place {
    pub fn of(dir: &Path) -> Result<Self, DatasetError> {
        let name = match dir.file_name() {
            Some(n) => n.to_string_lossy().into_owned(),
            None => {
                return Err(DatasetError::Invalid {
                    path: dir.to_path_buf(),
                    message: "cannot hold a dataset: name a folder (not `.`, `..` or `/`)".into(),
                });
            }
        };
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Ok(Self { parent, name })
    }

    /// A hidden sibling of the dataset folder: `.NAME.{suffix}`.
    pub fn sibling(&self, suffix: &str) -> PathBuf {
        self.parent.join(format!(".{}.{suffix}", self.name))
    }
}

impl DatasetLock {
    /// Locks the dataset at `dir` for writing, creating its parent folder if needed.
    /// Fails at once with [`DatasetError::Locked`] when another process holds the lock.
    /// A symbolic link is followed: the folder it points to is locked (and written).
    pub fn acquire(dir: &Path) -> Result<Self, DatasetError> {
        let dir = &resolve(dir);
        let place = Place::of(dir)?;
        fs::create_dir_all(&place.parent).map_err(io_err(&place.parent))?;
        let path = place.sibling("lock");
        for _ in 0..16 {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(io_err(&path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(DatasetError::Locked {
                        dir: dir.to_path_buf(),
                        lock: path,
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io_err(&path)(e)),
            }
            if still_at(&file, &path) {
                return Ok(Self {
                    dir: dir.to_path_buf(),
                    path,
                    file,
                });
            }
        }
        Err(DatasetError::Locked {
            dir: dir.to_path_buf(),
            lock: path,
        })
    }

    /// The dataset folder this lock is for.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for DatasetLock {
    fn drop(&mut self) {
        // Removed while still held, so no other writer can have locked this file yet.
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// The folder a dataset path stands for: a symbolic link is followed, so that the
/// folder it points to is replaced and the link kept.
fn resolve(dir: &Path) -> PathBuf {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(dir).unwrap_or(dir.to_path_buf()),
        _ => dir.to_path_buf(),
    }
}

/// Whether `path` still names the file `file` is open on (and was not removed and
/// recreated by a writer that finished in between).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_: &File, _: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_fails_until_the_first_is_dropped() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ds");
        let first = DatasetLock::acquire(&dir).unwrap();
        let e = DatasetLock::acquire(&dir).unwrap_err();
        assert!(matches!(e, DatasetError::Locked { .. }), "{e}");
        assert!(e.to_string().contains("another process is writing"), "{e}");
        drop(first);
        assert!(!tmp.path().join(".ds.lock").exists());
        let again = DatasetLock::acquire(&dir).unwrap();
        assert_eq!(again.dir(), dir);
    }

    #[test]
    fn unnamed_folders_are_refused() {
        assert!(DatasetLock::acquire(Path::new("..")).is_err());
        assert!(DatasetLock::acquire(Path::new("/")).is_err());
    }
}

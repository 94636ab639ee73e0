//! The dataset folder: Parquet tables with their metadata, the manifest, atomic commit,
//! and reading it all back into records.
//!
//! `write` assembles a dataset beside its folder and switches it in; `read` turns the
//! folder back into records with typed errors that name the file (never a panic, however
//! the files were damaged); `tables` holds the Arrow layouts both share.

mod bounds;
pub mod conform;
pub mod datapackage;
mod lock;
mod read;
pub mod sink;
pub mod stream;
pub mod tables;
pub mod verify;
mod write;

use std::io;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::model::schema::schema_for;
use crate::model::{
    Actor, Article, Claim, ConversionIssue, Finding, Mention, Rejected, SCHEMA_VERSION, Source,
};
pub use lock::DatasetLock;
pub use read::{
    MAX_EXPANSION, MAX_MANIFEST_BYTES, TableFile, for_each_part, is_decoding,
    read_dataset_manifest, read_manifest, read_records, read_table, read_table_bytes,
};
pub use sink::{PartBudget, TableSink};
pub use tables::{TABLES, TableRows, arrow_schema};
pub use write::{DatasetWriter, Shared, replace_table, seal, seal_with, write_table};

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
    /// Parquet encoding or decoding failed: the file is truncated, corrupt or not Parquet.
    #[error("{path}: {message}")]
    Parquet {
        /// The Parquet file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Another process holds the dataset's lock.
    #[error(
        "{dir}: another process is writing this dataset (it holds {lock}); try again when it has finished"
    )]
    Locked {
        /// The dataset folder.
        dir: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// The output path holds something that is not a dataset, which is never replaced.
    #[error(
        "{dir} is {what}, not a claimset dataset; refusing to replace it: choose another output folder"
    )]
    NotADataset {
        /// The output path.
        dir: PathBuf,
        /// What is there instead.
        what: String,
    },
    /// A file reads, but is not what the dataset contract says: a column of the wrong
    /// type, a null where a value is required, row counts that disagree with the
    /// manifest, a manifest that is not one.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> DatasetError + '_ {
    move |source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn invalid(path: &Path, message: impl Into<String>) -> DatasetError {
    DatasetError::Invalid {
        path: path.to_path_buf(),
        message: message.into(),
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

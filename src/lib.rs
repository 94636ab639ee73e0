//! claimset: turn raw news articles into a validated dataset of claims, sources, actors
//! and mentions, written as Parquet tables.
//!
//! The pipeline is `ingest` (files → [`ingest::Document`]) → `extract` (document →
//! records) → validation against the JSON Schemas of `model` → `dataset` (Parquet folder).
//! [`convert::convert`] runs it end to end; [`check::check`] validates a dataset folder
//! with a rule engine. The `claimset` binary is a thin CLI over both.

pub mod check;
pub mod cli;
pub mod convert;
pub mod dataset;
pub mod extract;
pub mod ingest;
pub mod model;
#[cfg(feature = "python")]
mod python;
pub mod syntax;
pub mod teasers;
pub mod work;

/// The message a panic carried (`panic!("…")` or a formatted one), empty when it carried none.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

//! CS4xx attribution: who claims are attributed to, and claims that need a source.

pub mod anonymous_source;
pub mod document_without_publisher;
pub mod mostly_unattributed;
pub mod quote_without_source;
pub mod unattributed_figure;
pub mod vague_source;

//! CS2xx references: every foreign key of the data model points at an existing record.

pub mod outlet_not_media;
pub mod unknown_actor;
pub mod unknown_article;
pub mod unknown_source;

//! The rules, one file each, in folders by group; `registry` lists them in order.

pub mod attribution;
pub mod completeness;
pub mod consistency;
pub mod manifest;
pub mod references;
pub mod spans;
pub mod structure;

/// What rule files use.
pub(crate) mod prelude {
    pub use crate::check::context::Context;
    pub use crate::check::diagnostic::{Loc, Sink, quoted, singular};
    pub use crate::check::rows::{
        ActorRow, ArticleRow, ArticleText, Batch, ClaimRow, MentionRow, SourceRow, TableFile,
    };
    pub use crate::check::rule::Rule;
    pub(crate) use crate::check::rule::declare_rule;
}

/// Whether `id` has the form of a derived ID: `prefix` and 16 lower-case hex digits.
pub(crate) fn well_formed_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix)
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

/// The file's path relative to the dataset folder, for messages.
pub(crate) fn rel_path(cx: &prelude::Context, path: &std::path::Path) -> String {
    path.strip_prefix(cx.dir())
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

//! Plain-text articles: the first non-empty line is the headline, the rest the body.

use super::{Document, Meta, document};

/// Reads a plain-text article.
pub fn read(origin: &str, raw: &[u8], text: &str) -> Result<Document, String> {
    document(origin, raw, Meta::default(), text, true)
}

//! CS603 `missing-published-date`: an article with no publication date.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Flags articles whose `published` date is null.
    ///
    /// ## Why is this bad?
    /// Claims are about a moment: "four dead" on Monday may be "twenty-three" by
    /// Wednesday. Without the date, claims cannot be ordered, and relative dates in the
    /// text ("on Sunday") cannot be resolved.
    ///
    /// ## Example
    /// ```json
    /// {"article_id": "art_…", "published": null}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"article_id": "art_…", "published": "2018-07-02"}
    /// ```
    pub struct MissingPublishedDate {}
    code = "CS603",
    name = "missing-published-date",
    severity = Warning,
    help = "give the date in the input (front matter or JSONL field `published`) and convert again",
}

impl Rule for MissingPublishedDate {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        if r.published.is_none() {
            out.emit(r.loc(), "article has no published date");
        }
    }
}

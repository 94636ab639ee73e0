//! CS602 `missing-url`: an article with no URL.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Flags articles whose `url` is null.
    ///
    /// ## Why is this bad?
    /// The URL is how a reader goes back to the published article to check a claim in
    /// context, and how duplicates from different feeds are told apart.
    ///
    /// ## Example
    /// ```json
    /// {"article_id": "art_…", "url": null}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"article_id": "art_…", "url": "https://www.voanews.com/a/…"}
    /// ```
    pub struct MissingUrl {}
    code = "CS602",
    name = "missing-url",
    severity = Info,
    help = "give the URL in the input (front matter or JSONL field `url`) and convert again",
}

impl Rule for MissingUrl {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        if r.url.is_none() {
            out.emit(r.loc(), "article has no url");
        }
    }
}

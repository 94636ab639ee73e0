//! CS601 `missing-outlet`: an article with no outlet.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Flags articles whose `source_id` (the outlet that published them) is null.
    ///
    /// ## Why is this bad?
    /// Who published an article is the first thing a reader weighs its claims by, and
    /// analyses across outlets need it. Inputs in plain text carry no outlet; give it in
    /// Markdown front matter (`outlet:`) or in the JSONL field `outlet`.
    ///
    /// ## Example
    /// ```json
    /// {"article_id": "art_…", "origin": "news/raid.txt", "source_id": null}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"article_id": "art_…", "origin": "news/raid.md", "source_id": "src_<Voice of America, media>"}
    /// ```
    pub struct MissingOutlet {}
    code = "CS601",
    name = "missing-outlet",
    severity = Warning,
    help = "give the outlet in the input (front matter or JSONL field `outlet`) and convert again",
}

impl Rule for MissingOutlet {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        if r.source_id.is_none() {
            out.emit(r.loc(), "article has no outlet");
        }
    }
}

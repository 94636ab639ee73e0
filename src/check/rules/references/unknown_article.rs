//! CS201 `unknown-article`: a claim or mention points at an article that is not there.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that `claims.article_id` and `mentions.article_id` name a row of
    /// `articles`.
    ///
    /// ## Why is this bad?
    /// A claim without its article has no text to be checked against, no outlet, no
    /// date: it cannot be read in context, and it disappears from every join.
    ///
    /// ## Example
    /// ```json
    /// {"claim_id": "clm_…", "article_id": "art_0000000000000000"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"claim_id": "clm_…", "article_id": "art_66be490e747bac9a"}
    /// ```
    pub struct UnknownArticle {}
    code = "CS201",
    name = "unknown-article",
    severity = Error,
    help = "add the article, or drop the records that point at it",
}

fn check(
    cx: &Context,
    out: &mut Sink,
    loc: impl FnOnce() -> Loc,
    what: &str,
    article: Option<&str>,
) {
    if let Some(id) = article.filter(|id| !id.is_empty())
        && cx.has_table("articles")
        && cx.article(id).is_none()
    {
        out.emit(
            loc(),
            format!("{what} points at article {id}, which is not in articles"),
        );
    }
}

impl Rule for UnknownArticle {
    fn columns(&self, table: &str) -> Option<&'static [&'static str]> {
        Some(match table {
            "claims" => &["claim_id", "article_id", "start", "end"],
            "mentions" => &["mention_id", "article_id", "start", "end"],
            _ => &[],
        })
    }

    fn claim(&mut self, r: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {
        check(cx, out, || r.loc(), "claim", r.article_id);
    }

    fn mention(&mut self, r: &MentionRow<'_>, cx: &Context, out: &mut Sink) {
        check(cx, out, || r.loc(), "mention", r.article_id);
    }
}

//! CS202 `unknown-source`: a claim or article points at a source that is not there.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that `claims.source_id` (who a claim is attributed to) and
    /// `articles.source_id` (the outlet) name a row of `sources`, when they are not null.
    ///
    /// ## Why is this bad?
    /// A dangling source ID looks like an attribution but says nothing: the claim drops
    /// out of every join on sources and counts as neither attributed nor unattributed.
    ///
    /// ## Example
    /// ```json
    /// {"claim_id": "clm_…", "kind": "direct", "source_id": "src_0000000000000000"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"claim_id": "clm_…", "kind": "direct", "source_id": "src_867e03187c8d869b"}
    /// ```
    pub struct UnknownSource {}
    code = "CS202",
    name = "unknown-source",
    severity = Error,
    help = "add the source to sources, or correct the ID",
}

fn check(
    cx: &Context,
    out: &mut Sink,
    loc: impl FnOnce() -> Loc,
    what: &str,
    source: Option<&str>,
) {
    if let Some(id) = source.filter(|id| !id.is_empty())
        && cx.has_table("sources")
        && cx.source(id).is_none()
    {
        out.emit(loc(), format!("{what} source {id} is not in sources"));
    }
}

impl Rule for UnknownSource {
    fn columns(&self, table: &str) -> Option<&'static [&'static str]> {
        Some(match table {
            "articles" => &["article_id", "source_id"],
            "claims" => &["claim_id", "article_id", "start", "end", "source_id"],
            _ => &[],
        })
    }

    fn article(&mut self, r: &ArticleRow<'_>, cx: &Context, out: &mut Sink) {
        check(cx, out, || r.loc(), "article's outlet", r.source_id);
    }

    fn claim(&mut self, r: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {
        check(cx, out, || r.loc(), "claim's", r.source_id);
    }
}

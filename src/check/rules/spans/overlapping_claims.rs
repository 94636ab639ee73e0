//! CS303 `overlapping-claims`: claims of different sources share words of the article.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks, in each article, that claims whose spans overlap have the same source.
    /// The article's own voice (a null `source_id`) counts as a source of its own.
    /// Nested claims of one source (a quotation inside the sentence reporting it) pass.
    ///
    /// ## Why is this bad?
    /// The same words cannot be said by two sources at once. Overlaps of different
    /// sources come from two attribution patterns firing on one sentence, and they
    /// double-count the words for both.
    ///
    /// ## Example
    /// ```text
    /// clm_a  40..95  source: Boubacar Diallo
    /// clm_b  60..120 source: null (the article)
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// clm_a  40..95   source: Boubacar Diallo
    /// clm_b  97..120  source: null (the article)
    /// ```
    pub struct OverlappingClaims {}
    code = "CS303",
    name = "overlapping-claims",
    severity = Warning,
    help = "split the span between the sources, or attribute both claims to the one who said it",
}

impl Rule for OverlappingClaims {
    fn article_text(&mut self, a: &ArticleText<'_>, _: &Context, out: &mut Sink) {
        let len = a.len();
        let mut claims: Vec<_> = a
            .spans
            .iter()
            .filter(|s| s.table == "claims" && s.start < s.end && s.end <= len)
            .collect();
        claims.sort_by_key(|s| (s.start, s.end));
        for (i, later) in claims.iter().enumerate() {
            let clash = claims[..i]
                .iter()
                .find(|earlier| earlier.end > later.start && earlier.source_id != later.source_id);
            if let Some(earlier) = clash {
                let name = |s: &Option<String>| s.clone().unwrap_or_else(|| "none".into());
                out.emit(
                    later.loc(a.article_id),
                    format!(
                        "claim overlaps claim {} ({}..{}) of another source: {} here, {} there",
                        earlier.record_id.as_deref().unwrap_or("?"),
                        earlier.start,
                        earlier.end,
                        name(&later.source_id),
                        name(&earlier.source_id),
                    ),
                );
            }
        }
    }
}

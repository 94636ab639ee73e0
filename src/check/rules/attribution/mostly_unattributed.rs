//! CS406 `mostly-unattributed`: an article whose claims mostly have no source.

use crate::check::ids::IdMap;
use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Counts, per article, the claims with no source (the article's own voice) and
    /// flags the article when their share is above `max-unattributed-share` (default
    /// 0.6), once it has at least `min-claims-for-share` claims (default 5). Both are set
    /// in `[check.options]` of `claimset.toml`.
    ///
    /// ## Why is this bad?
    /// News articles attribute what they report. An article that mostly speaks in its own
    /// voice is either opinion, or an extraction that missed its sources; either way its
    /// claims should not be read as attributed reporting.
    ///
    /// ## Example
    /// ```text
    /// article art_…: 9 claims, 7 with source_id null
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// article art_…: 9 claims, 3 with source_id null
    /// ```
    pub struct MostlyUnattributed {
        counts: Option<IdMap<(u32, u32)>>,
    }
    code = "CS406",
    name = "mostly-unattributed",
    severity = Warning,
    help = "check the article's attributions, or raise max-unattributed-share for opinion pieces",
}

impl Rule for MostlyUnattributed {
    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, _: &mut Sink) {
        let Some(article) = r.article_id else { return };
        let c = self
            .counts
            .get_or_insert_with(|| IdMap::new("art_"))
            .entry_or_insert_with(article, <(u32, u32)>::default);
        c.0 += 1;
        if r.source_id.is_none() {
            c.1 += 1;
        }
    }

    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let o = &cx.options;
        let Some(counts) = &self.counts else { return };
        for a in cx.articles() {
            let Some(&(total, unattributed)) = counts.get(&a.id) else {
                continue;
            };
            let share = f64::from(unattributed) / f64::from(total);
            if total >= o.min_claims_for_share && share > o.max_unattributed_share {
                out.emit(
                    Loc::record("articles", Some(&a.id)).article(Some(&a.id)),
                    format!(
                        "most claims have no source: {unattributed} of {total} ({:.0}%), above the limit of {:.0}%",
                        share * 100.0,
                        o.max_unattributed_share * 100.0
                    ),
                );
            }
        }
    }
}

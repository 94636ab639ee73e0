//! CS303 `overlapping-claims`: claims of different sources share words of the article.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use crate::check::ids::IdKey;
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
    fn reads_texts(&self) -> bool {
        true
    }

    fn article_text(&mut self, a: &ArticleText<'_>, _: &Context, out: &mut Sink) {
        let len = a.len();
        let mut claims: Vec<_> = a
            .spans
            .iter()
            .filter(|s| s.table == "claims" && s.start < s.end && s.end <= len)
            .collect();
        claims.sort_by_key(|s| (s.start, s.end));
        // Each claim is compared with the first earlier claim (in this order) that is still
        // open at its start and has another source. The open claims are kept per source,
        // with the first of each source in `firsts`: the answer is the first or the second
        // entry there, so an article costs O(n log n) however its claims nest.
        let mut sources: HashMap<Option<&IdKey>, usize> = HashMap::new();
        let source_of: Vec<usize> = claims
            .iter()
            .map(|c| {
                let next = sources.len();
                *sources.entry(c.source_id.as_ref()).or_insert(next)
            })
            .collect();
        let mut open: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); sources.len()];
        let mut firsts: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut ends: BinaryHeap<Reverse<(u32, usize)>> = BinaryHeap::new();
        for (i, later) in claims.iter().enumerate() {
            while let Some(&Reverse((end, k))) = ends.peek()
                && end <= later.start
            {
                ends.pop();
                crate::work::add(1);
                let src = source_of[k];
                let first = open[src].first().copied();
                open[src].remove(&k);
                if first == Some(k) {
                    firsts.remove(&(k, src));
                    if let Some(&next) = open[src].first() {
                        firsts.insert((next, src));
                    }
                }
            }
            let clash = firsts
                .iter()
                .take(2)
                .find(|&&(_, src)| src != source_of[i])
                .map(|&(k, _)| claims[k]);
            if let Some(earlier) = clash {
                let name = |s: Option<String>| s.unwrap_or_else(|| "none".into());
                out.emit(
                    later.loc(a.article_id),
                    format!(
                        "claim overlaps claim {} ({}..{}) of another source: {} here, {} there",
                        earlier.record_id().as_deref().unwrap_or("?"),
                        earlier.start,
                        earlier.end,
                        name(later.source_id()),
                        name(earlier.source_id()),
                    ),
                );
            }
            let src = source_of[i];
            crate::work::add(1);
            if open[src].is_empty() {
                firsts.insert((i, src));
            }
            open[src].insert(i);
            ends.push(Reverse((later.end, i)));
        }
    }
}

//! Where the quotation marks are: lookups of quotations around, before and after a byte.
//! Example: in "“Soon,” she said" the quotation ends right before the cue.

use std::ops::Range;

use crate::extract::quotes::Quote;
use crate::extract::segment::Token;

use super::Context;

/// The union of the quotations' inner spans: sorted, disjoint ranges.
pub fn quoted_stretches(quotes: &[Quote]) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = quotes
        .iter()
        .map(|q| q.inner.clone())
        .filter(|r| r.start < r.end)
        .collect();
    spans.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

impl Context<'_> {
    /// Whether `t` closes a quotation whose last word carries the sentence's comma
    /// ("… “jobs, jobs, jobs,” but B").
    pub(super) fn comma_in_quote(&self, t: &Token) -> bool {
        self.quote_ending_at(t.end)
            .is_some_and(|q| self.text[q.inner.clone()].trim_end().ends_with(','))
    }

    /// The quotations that start at byte `at` or later (a binary search: quotations are
    /// in text order and never overlap).
    pub(super) fn quotes_from(&self, at: usize) -> &[Quote] {
        &self.quotes[self.quotes.partition_point(|q| q.outer.start < at)..]
    }

    /// The quotation whose marks start at byte `at`.
    pub(super) fn quote_starting_at(&self, at: usize) -> Option<&Quote> {
        self.quotes_from(at).first().filter(|q| q.outer.start == at)
    }

    /// The quotation whose inner span holds `span`.
    pub(super) fn quote_around(&self, span: Range<usize>) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.inner.start <= span.start);
        i.checked_sub(1)
            .map(|k| &self.quotes[k])
            .filter(|q| span.end <= q.inner.end)
    }

    /// The quotation whose marks end at byte `at`.
    pub(super) fn quote_ending_at(&self, at: usize) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.outer.end < at);
        self.quotes.get(i).filter(|q| q.outer.end == at)
    }

    /// The first quotation in `within` with only marks and spaces between it and the
    /// start of `within`, and between its end and `end` (one scan of `within` for its
    /// first and last letter or digit, then a binary search).
    fn bare_quote(&self, within: Range<usize>, end: usize) -> Option<&Quote> {
        let part = &self.text[within.start..end.max(within.start)];
        crate::work::add(part.len());
        let first = part
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(end, |(i, _)| within.start + i);
        let last = part
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| within.start + i);
        self.quotes_from(within.start)
            .iter()
            .take_while(|q| q.outer.start <= first)
            .find(|q| q.outer.end <= end && last.is_none_or(|l| l < q.outer.end))
    }

    /// The quotation that is all a sentence says: nothing but marks and spaces around it.
    pub fn lone_quote(&self, sentence: Range<usize>) -> Option<&Quote> {
        self.bare_quote(sentence.clone(), sentence.end)
    }

    pub(super) fn in_quote(&self, at: usize) -> bool {
        // The quoted stretches are sorted and disjoint: the last one starting at or
        // before `at` is the only one that can hold it.
        let i = self.quoted.partition_point(|r| r.start <= at);
        i > 0 && at < self.quoted[i - 1].end
    }
}

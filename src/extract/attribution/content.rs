//! The content of a claim: trimming its span, and its kind from where the quotation marks are.
//! Example: "Lopez said “the bridge is safe”" gives a direct claim inside the marks.
//! Fixtures: tests/fixtures/extract/free-relative-no-content.txt, tests/fixtures/extract/medium-and-company-heads.txt.

use std::ops::Range;

use crate::extract::lexicon::lower;
use crate::extract::quotes::Quote;
use crate::extract::segment::tokenize;
use crate::model::ClaimKind;

use super::source::is_document_noun;
use super::wordlists::{CLAUSE_WORDS, HEAD_ENDS, INTRODUCERS, is_ly_adverb, starts_upper};
use super::{ClaimDraft, Context, SourceDraft};

/// Single words that are no content of a cue ("said enough", "knows nothing", "claimed
/// responsibility" without what for).
const EMPTY_CONTENT: &[&str] = &[
    "responsibility",
    "yet",
    "enough",
    "with",
    "about",
    "nothing",
    "something",
    "anything",
    "everything",
    "them",
    "it",
    "this",
    "that",
    "so",
    "too",
    "also",
    "again",
    "then",
    "there",
    "here",
    "only",
    "just",
    "as",
    "much",
    "more",
    "less",
    "all",
    "both",
    "otherwise",
    "instead",
    "later",
    "earlier",
];

/// Extends a span over a final full stop (assertions keep their punctuation).
fn sentence_end(text: &str, at: usize, limit: usize) -> usize {
    if at >= limit {
        return at;
    }
    let rest = &text[at..limit];
    at + rest.len() - rest.trim_start_matches(['.', '!', '”', '"']).len()
}

impl Context<'_> {
    /// Trims spaces, a leading "that", and edge punctuation (not quotation marks) off a
    /// content span.
    pub(super) fn trim_content(&self, mut r: Range<usize>) -> Range<usize> {
        if r.start > r.end {
            return r.start..r.start;
        }
        // "WASHINGTON ― C", "FLINT, Mich., Oct. 4 (UPI) — C": a dateline opening the
        // paragraph is no part of what was said.
        if r.start == 0 || self.text[..r.start].ends_with('\n') {
            let s = &self.text[r.clone()];
            let first_caps = s.split_whitespace().next().is_some_and(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            });
            if first_caps
                && s.contains([' ', '\u{a0}'])
                && let Some(d) = s
                    .char_indices()
                    .take_while(|(i, _)| *i < 60)
                    .find(|(_, c)| matches!(c, '―' | '—' | '–'))
                    .map(|(i, c)| i + c.len_utf8())
            {
                r.start += d;
            }
        }
        loop {
            let s = &self.text[r.clone()];
            let before = r.clone();
            let lead = s.len()
                - s.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | ':' | ';' | '—' | '–')
                })
                .len();
            r.start += lead;
            let s = &self.text[r.clone()];
            if let Some(rest) = s.strip_prefix("that ") {
                r.start = r.end - rest.len();
            }
            let s = &self.text[r.clone()];
            let trail = s.len()
                - s.trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–')
                })
                .len();
            r.end -= trail;
            if r == before || r.is_empty() {
                return r;
            }
        }
    }

    /// Kind and span of a content range: a lone quotation is direct (span inside the marks),
    /// a quotation within more words is mixed, no quotation is indirect.
    pub(super) fn content(&self, r: Range<usize>) -> Option<(ClaimKind, Range<usize>)> {
        let r = self.trim_content(r);
        if r.is_empty() || !self.text[r.clone()].chars().any(char::is_alphanumeric) {
            return None;
        }
        // "what she wants and his supporters …": a coordinator opens the next clause of
        // the sentence, so the cue had no content.
        let first = self.text[r.clone()].split_whitespace().next().unwrap_or("");
        if matches!(first, "and" | "or" | "but") {
            return None;
        }
        // "told AFP, speaking on condition of anonymity": an aside on the source. Only a
        // word that opens such a phrase costs a look at the words after it.
        if self.lex.anonymity_phrases.contains_key(&*lower(first)) {
            let mut head_end = r.end.min(r.start + 80);
            while !self.text.is_char_boundary(head_end) {
                head_end -= 1;
            }
            let head = tokenize(self.text, r.start..head_end);
            if self.anonymity_phrase(&head, 0).is_some() {
                return None;
            }
        }
        // A quotation opening the content and running on into later paragraphs.
        if let Some(q) = self
            .quote_starting_at(r.start)
            .filter(|q| q.outer.end > r.end)
        {
            let inner = self.trim_content(q.inner.clone());
            return (!inner.is_empty()).then_some((ClaimKind::Direct, inner));
        }
        let inside: Vec<&Quote> = self
            .quotes_from(r.start)
            .iter()
            .take_while(|q| q.outer.start < r.end)
            .filter(|q| q.outer.end <= r.end)
            .collect();
        crate::work::add(inside.len());
        if let Some(q) = inside.first() {
            let rest_before = &self.text[r.start..q.outer.start];
            let rest_after = &self.text[q.outer.end..r.end];
            let bare = |s: &str| !s.chars().any(char::is_alphanumeric);
            if inside.len() == 1 && bare(rest_before) && bare(rest_after) {
                let inner = self.trim_content(q.inner.clone());
                return (!inner.is_empty()).then_some((ClaimKind::Direct, inner));
            }
            return Some((ClaimKind::Mixed, r));
        }
        // "said enough", "observed: Yet", "knows nothing": one word that says nothing.
        let mut words = self.text[r.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty());
        if let (Some(w), None) = (words.next(), words.next()) {
            let w = w.to_lowercase();
            if is_ly_adverb(&w) || EMPTY_CONTENT.contains(&w.as_str()) {
                return None;
            }
        }
        // A quote that encloses the whole range: the speech sits inside it.
        Some((ClaimKind::Indirect, r))
    }

    /// The article's own words over `r` (trimmed), through a final full stop before `limit`.
    /// "claimed responsibility for the attack in a message sent to journalists": a noun
    /// content ends before the document it was given in ("in a statement", "in its
    /// message"), outside quotations.
    pub(super) fn before_medium(&self, r: Range<usize>) -> Range<usize> {
        let content = &self.text[r.clone()];
        let cut = content.match_indices(" in ").find_map(|(i, _)| {
            let mut words = content[i + 4..].split_whitespace();
            let det = words.next()?;
            let noun = words.next()?.trim_end_matches([',', '.', ';']);
            (matches!(det, "a" | "an" | "its" | "their" | "his" | "her" | "the")
                && is_document_noun(&noun.to_lowercase())
                && i > 0
                && !self.in_quote(r.start + i))
            .then_some(i)
        });
        match cut {
            Some(i) => r.start..r.start + i,
            None => r,
        }
    }

    pub(super) fn own_voice(&self, r: Range<usize>, limit: usize) -> ClaimDraft {
        let r = self.trim_content(r);
        ClaimDraft {
            span: r.start..sentence_end(self.text, r.end, limit),
            kind: ClaimKind::Assertion,
            source: None,
            cue: None,
        }
    }

    /// A claim of `source` over `content` with the cue `cue` as written
    /// ([`written_cue`]).
    pub(super) fn draft(
        &self,
        content: Range<usize>,
        source: &SourceDraft,
        cue: &str,
    ) -> Option<ClaimDraft> {
        let (kind, span) = self.content(content)?;
        Some(ClaimDraft {
            span,
            kind,
            source: Some(source.clone()),
            cue: Some(written_cue(cue).to_string()),
        })
    }

    /// Whether the words at `at` carry on a clause rather than start a new one or add
    /// an adverbial: "is the greatest threat", "he decided to …", not "and the town …",
    /// "in an interview …" or "referring to …".
    pub(super) fn continues_clause(&self, at: usize) -> bool {
        let word = self.text[at..]
            .split(|c: char| !c.is_alphanumeric() && !matches!(c, '’' | '\''))
            .next()
            .unwrap_or("");
        !word.is_empty()
            && !starts_upper(word)
            && !word.ends_with("ing")
            && !CLAUSE_WORDS.contains(&word)
            && !INTRODUCERS.contains(&word)
            && !HEAD_ENDS.contains(&word)
            && !matches!(
                word,
                "or" | "so" | "yet" | "nor" | "then" | "citing" | "noting"
            )
    }
}

/// A cue as written: a lexicon phrase's closing "that" ("added that", "ruled that"),
/// which binds the verb to its clause, is no part of it.
pub(super) fn written_cue(cue: &str) -> &str {
    match cue.rsplit_once(' ') {
        Some((verb, that)) if that.eq_ignore_ascii_case("that") => verb,
        _ => cue,
    }
}

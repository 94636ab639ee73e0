//! The hearer after a verb of telling ("told reporters", "told Reuters news agency").
//! Example: "Ngata told reporters on Friday that the talks had failed."
//! Fixtures: tests/fixtures/extract/clause-edges.txt, tests/fixtures/extract/told-hearer-no-that.txt.

use crate::extract::lexicon::lower;
use crate::extract::segment::Token;

use super::Context;
use super::wordlists::starts_upper;

/// Words that are a hearer by themselves: object pronouns and the usual audiences.
const HEARER_WORDS: &[&str] = &[
    "him",
    "her",
    "them",
    "me",
    "us",
    "reporters",
    "journalists",
    "lawmakers",
    "parliament",
    "congress",
];

/// Generic words a hearer's name runs on over ("Reuters news agency").
const OUTLET_WORDS: &[&str] = &[
    "news",
    "agency",
    "service",
    "newspaper",
    "television",
    "radio",
];

/// Adverbials of time that may follow a hearer ("told residents this weekend").
const TIME_WORDS: &[&str] = &[
    "this",
    "last",
    "on",
    "earlier",
    "later",
    "weekend",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Context<'_> {
    /// Index (in `after`) just past the hearer of a "told": an actor mention, an object
    /// pronoun or "reporters" and the like.
    pub(super) fn hearer_end(&self, after: &[Token]) -> Option<usize> {
        let first = after.first()?;
        if let Some(m) = self.actors.mention_at(first.start) {
            let Some(k) = after.iter().position(|t| t.start >= m.end) else {
                return Some(after.len());
            };
            return Some(self.named_hearer_end(after, k));
        }
        if !self.is_hearer_word(first.text(self.text)) {
            return None;
        }
        // "told residents this weekend …": adverbials after the hearer.
        let adverbials = after[1..]
            .iter()
            .take_while(|t| t.is_word() && TIME_WORDS.contains(&&*lower(t.text(self.text))))
            .count();
        Some(1 + adverbials)
    }

    /// Where a named hearer ends, from `k`, the first token after its actor mention: the
    /// name runs on over its own words and capitalised words ("told the Harbour Gazette
    /// news service", "told Radio Vale's Service for the Islands").
    fn named_hearer_end(&self, after: &[Token], mut k: usize) -> usize {
        while k < after.len() {
            let w = after[k].text(self.text);
            let lower = w.to_lowercase();
            let named = after[k].is_word()
                && (starts_upper(w)
                    || (matches!(lower.as_str(), "to" | "of" | "for")
                        && after
                            .get(k + 1)
                            .is_some_and(|t| starts_upper(t.text(self.text)))));
            let generic = OUTLET_WORDS.contains(&lower.as_str());
            if !(named || generic) {
                break;
            }
            k += 1;
        }
        k
    }

    /// Whether a word not naming an actor is a hearer by itself: an object pronoun,
    /// "reporters", a vague group ("told residents") or a capitalised plural ("told
    /// Islanders").
    fn is_hearer_word(&self, raw: &str) -> bool {
        let w = raw.to_lowercase();
        let group = self.lex.vague.contains(&w)
            || starts_upper(raw) && w.ends_with('s') && !w.ends_with("ss") && w.len() > 3;
        group || HEARER_WORDS.contains(&w.as_str())
    }
}

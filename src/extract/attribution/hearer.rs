//! The hearer after a verb of telling ("told reporters", "told Reuters news agency").
//! Example: "Ngata told reporters on Friday that the talks had failed."

use crate::extract::lexicon::lower;
use crate::extract::segment::Token;

use super::Context;
use super::wordlists::starts_upper;

impl Context<'_> {
    /// Index (in `after`) just past the hearer of a "told": an actor mention, an object
    /// pronoun or "reporters" and the like.
    pub(super) fn hearer_end(&self, after: &[Token]) -> Option<usize> {
        let first = after.first()?;
        if let Some(m) = self.actors.mention_at(first.start) {
            let Some(mut k) = after.iter().position(|t| t.start >= m.end) else {
                return Some(after.len());
            };
            // "Reuters news agency", "VOA's French to Africa Service": the hearer's name
            // runs on over its own words and capitalised words.
            while k < after.len() {
                let w = after[k].text(self.text);
                let lower = w.to_lowercase();
                let named = after[k].is_word()
                    && (starts_upper(w)
                        || (matches!(lower.as_str(), "to" | "of" | "for")
                            && after
                                .get(k + 1)
                                .is_some_and(|t| starts_upper(t.text(self.text)))));
                let generic = matches!(
                    lower.as_str(),
                    "news" | "agency" | "service" | "newspaper" | "television" | "radio"
                );
                if !(named || generic) {
                    break;
                }
                k += 1;
            }
            return Some(k);
        }
        let raw = first.text(self.text);
        let w = raw.to_lowercase();
        // "told residents", "told African-Americans": a group of people as the hearer.
        let group = self.lex.vague.contains(&w)
            || starts_upper(raw) && w.ends_with('s') && !w.ends_with("ss") && w.len() > 3;
        let hearer = group
            || matches!(
                w.as_str(),
                "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "reporters"
                    | "journalists"
                    | "lawmakers"
                    | "parliament"
                    | "congress"
            );
        if !hearer {
            return None;
        }
        // "told residents this weekend …": adverbials after the hearer.
        let adverbials = after[1..]
            .iter()
            .take_while(|t| {
                t.is_word()
                    && matches!(
                        &*lower(t.text(self.text)),
                        "this"
                            | "last"
                            | "on"
                            | "earlier"
                            | "later"
                            | "weekend"
                            | "week"
                            | "month"
                            | "year"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "night"
                            | "today"
                            | "yesterday"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
            })
            .count();
        Some(1 + adverbials)
    }
}

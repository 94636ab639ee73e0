//! Noun cues with a possessor: "X's claim that C", "his insistence that C".
//! Example: "Reporters checked Okafor’s claim that the mine was closed."

use std::ops::Range;

use crate::extract::lexicon::lower;
use crate::extract::segment::Token;
use crate::model::ClaimKind;

use super::wordlists::{is_contraction, starts_upper};
use super::{ClaimDraft, Context, History};

/// Nouns of saying and believing that take a that-clause ("Trump’s claim that C").
const SPEECH_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "argument",
    "contention",
    "insistence",
    "allegation",
    "allegations",
    "suggestion",
    "statement",
    "warning",
    "promise",
    "pledge",
    "belief",
    "view",
    "declaration",
    "prediction",
    "admission",
    "accusation",
    "charge",
    "boast",
    "complaint",
];

impl Context<'_> {
    /// "Politifact checked Trump’s claim that C", "his insistence that C": a speech noun
    /// with its possessor and a that-clause is the possessor's claim; the words up to the
    /// noun are the article's own.
    pub(super) fn possessed_claim(
        &self,
        tokens: &[Token],
        sentence: Range<usize>,
        history: &History,
    ) -> Vec<ClaimDraft> {
        let text = self.text;
        let word = |t: &Token| lower(t.text(text));
        let Some(k) = (1..tokens.len().saturating_sub(1)).find(|&k| {
            SPEECH_NOUNS.contains(&&*word(&tokens[k]))
                && tokens[k + 1].text(text) == "that"
                && !self.in_quote(tokens[k].start)
        }) else {
            return Vec::new();
        };
        // The possessor right before the noun, or before one modifier ("his repeated claim").
        let possessive = |t: &Token| {
            let w = word(t);
            (w.ends_with("’s") || w.ends_with("'s")) && !is_contraction(&w)
                || matches!(&*w, "his" | "her" | "their")
        };
        let Some(p) = (k.saturating_sub(2)..k)
            .rev()
            .find(|&p| tokens[p].is_word() && possessive(&tokens[p]))
        else {
            return Vec::new();
        };
        let pw = word(&tokens[p]);
        let pronoun = match &*pw {
            "his" => Some("he"),
            "her" => Some("she"),
            "their" => Some("they"),
            _ => None,
        };
        let source = match pronoun {
            Some(p_word) => self.pronoun(p_word, tokens[p].start, history),
            None => {
                // The name before "’s": back over capitalised words.
                let mut first = p;
                while first > 0
                    && tokens[first - 1].is_word()
                    && starts_upper(tokens[first - 1].text(text))
                {
                    first -= 1;
                }
                let stem = tokens[p].end
                    - if pw.ends_with("’s") {
                        "’s".len()
                    } else {
                        2
                    };
                (starts_upper(tokens[p].text(text)))
                    .then(|| self.source(tokens[first].start..stem, history))
                    .flatten()
            }
        };
        let Some(source) = source else {
            return Vec::new();
        };
        let mut claims = Vec::new();
        let lead_words = tokens[..=k].iter().filter(|t| t.is_word()).count();
        if lead_words >= 4 {
            claims.push(ClaimDraft {
                span: sentence.start..tokens[k].end,
                kind: ClaimKind::Assertion,
                source: None,
                cue: None,
            });
        }
        // "Contrary to his claim that A, B": in an opening phrase the clause ends at its
        // comma (inside quotation marks or not).
        let opening = tokens[..p].iter().filter(|t| t.is_word()).count() <= 3
            && tokens.first().is_some_and(|t| {
                matches!(
                    &*word(t),
                    "contrary"
                        | "despite"
                        | "unlike"
                        | "given"
                        | "following"
                        | "after"
                        | "amid"
                        | "beyond"
                        | "regardless"
                        | "in"
                        | "on"
                        | "with"
                        | "for"
                        | "against"
                        | "besides"
                        | "like"
                )
            });
        let end = if opening {
            tokens[k + 2..]
                .iter()
                .find(|t| t.text(text) == "," && !self.in_quote(t.start) || self.comma_in_quote(t))
                .map_or(sentence.end, |t| t.end)
        } else {
            sentence.end
        };
        claims.extend(self.draft(tokens[k + 1].end..end, &source, tokens[k].text(text)));
        if opening && end < sentence.end {
            claims.push(self.own_voice(end..sentence.end, sentence.end));
        }
        if claims.iter().all(|c| c.kind == ClaimKind::Assertion) {
            return Vec::new();
        }
        claims
    }
}

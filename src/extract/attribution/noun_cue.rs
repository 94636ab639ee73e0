//! Noun cues with a possessor: "X's claim that C", "his insistence that C".
//! Example: "Reporters checked Okafor’s claim that the mine was closed."
//! Fixtures: tests/fixtures/extract/possessed-speech-noun.txt, tests/fixtures/extract/possessed-noun-in-content.txt.

use std::ops::Range;

use crate::extract::lexicon::lower;
use crate::extract::segment::Token;
use crate::model::ClaimKind;

use super::wordlists::{is_contraction, starts_upper};
use super::{ClaimDraft, Context, History, SourceDraft};

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

/// First words of an opening phrase that holds the claim ("Contrary to his claim that A,
/// B", "Despite Okafor’s warning that …").
const OPENING_WORDS: &[&str] = &[
    "contrary",
    "despite",
    "unlike",
    "given",
    "following",
    "after",
    "amid",
    "beyond",
    "regardless",
    "in",
    "on",
    "with",
    "for",
    "against",
    "besides",
    "like",
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
        let Some(k) = self.speech_noun_at(tokens) else {
            return Vec::new();
        };
        let Some(p) = self.possessor_at(tokens, k) else {
            return Vec::new();
        };
        let Some(source) = self.possessor_source(tokens, p, history) else {
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
        let opening = self.opening_phrase(tokens, p);
        let end = if opening {
            self.opening_claim_end(tokens, k, sentence.end)
        } else {
            sentence.end
        };
        claims.extend(self.draft(tokens[k + 1].end..end, &source, tokens[k].text(self.text)));
        if opening && end < sentence.end {
            claims.push(self.own_voice(end..sentence.end, sentence.end));
        }
        if claims.iter().all(|c| c.kind == ClaimKind::Assertion) {
            return Vec::new();
        }
        claims
    }

    /// "An army spokesman dismissed the RSF's claim that C", "rejected the ministry's
    /// assertion that C": a possessed speech noun opening another cue's content reports
    /// the possessor's own claim, C.
    pub(super) fn nested_claims(
        &self,
        tokens: &[Token],
        claims: &[ClaimDraft],
        history: &History,
    ) -> Vec<ClaimDraft> {
        claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Indirect)
            .filter_map(|c| {
                let first = tokens.partition_point(|t| t.start < c.span.start);
                let last = tokens.partition_point(|t| t.end <= c.span.end);
                let inner = &tokens[first..last];
                // The noun among the content's first six tokens.
                let k = self.speech_noun_at(&inner[..inner.len().min(6)])?;
                let p = self.possessor_at(inner, k)?;
                let source = self.possessor_source(inner, p, history)?;
                let that = inner.get(k + 1)?;
                self.draft(that.end..c.span.end, &source, inner[k].text(self.text))
            })
            .collect()
    }

    /// The speech noun followed by "that", outside quotation marks: "claim" in "Reporters
    /// checked Okafor’s claim that the mine was closed".
    fn speech_noun_at(&self, tokens: &[Token]) -> Option<usize> {
        let text = self.text;
        (1..tokens.len().saturating_sub(1)).find(|&k| {
            SPEECH_NOUNS.contains(&&*lower(tokens[k].text(text)))
                && tokens[k + 1].text(text) == "that"
                && !self.in_quote(tokens[k].start)
        })
    }

    /// The possessor right before the noun at `k`, or before one modifier: "Okafor’s" in
    /// "Okafor’s claim", "his" in "his repeated claim". "It’s" is a contraction, not a
    /// possessor.
    fn possessor_at(&self, tokens: &[Token], k: usize) -> Option<usize> {
        let possessive = |t: &Token| {
            let w = lower(t.text(self.text));
            (w.ends_with("’s") || w.ends_with("'s")) && !is_contraction(&w)
                || matches!(&*w, "his" | "her" | "their")
        };
        (k.saturating_sub(2)..k)
            .rev()
            .find(|&p| tokens[p].is_word() && possessive(&tokens[p]))
    }

    /// The source behind the possessor at `p`: the speaker a possessive pronoun refers to
    /// ("her warning that …" after "Ms Varga spoke"), or the capitalised name before "’s"
    /// ("Port Director Okafor’s claim").
    fn possessor_source(
        &self,
        tokens: &[Token],
        p: usize,
        history: &History,
    ) -> Option<SourceDraft> {
        let text = self.text;
        let pw = lower(tokens[p].text(text));
        let pronoun = match &*pw {
            "his" => Some("he"),
            "her" => Some("she"),
            "their" => Some("they"),
            _ => None,
        };
        if let Some(p_word) = pronoun {
            return self.pronoun(p_word, tokens[p].start, history);
        }
        // The name before "’s": back over capitalised words.
        let mut first = p;
        while first > 0 && tokens[first - 1].is_word() && starts_upper(tokens[first - 1].text(text))
        {
            first -= 1;
        }
        let stem = tokens[p].end
            - if pw.ends_with("’s") {
                "’s".len()
            } else {
                2
            };
        if starts_upper(tokens[p].text(text)) {
            return self.source(tokens[first].start..stem, history);
        }
        // "the ministry's assertion": a definite description.
        let det = (p.saturating_sub(3)..p)
            .rev()
            .take_while(|&k| tokens[k].is_word())
            .find(|&k| lower(tokens[k].text(text)) == "the")?;
        self.source(tokens[det].start..stem, history)
    }

    /// Whether the possessor at `p` sits in a short opening phrase: "Contrary to his claim
    /// that the bridge was safe, engineers closed it".
    fn opening_phrase(&self, tokens: &[Token], p: usize) -> bool {
        tokens[..p].iter().filter(|t| t.is_word()).count() <= 3
            && tokens
                .first()
                .is_some_and(|t| OPENING_WORDS.contains(&&*lower(t.text(self.text))))
    }

    /// Where the that-clause after the noun at `k` ends in an opening phrase: at its comma,
    /// inside quotation marks or not ("Despite her claim that the fares were "fixed," the
    /// company …").
    fn opening_claim_end(&self, tokens: &[Token], k: usize, sentence_end: usize) -> usize {
        tokens[k + 2..]
            .iter()
            .find(|t| t.text(self.text) == "," && !self.in_quote(t.start) || self.comma_in_quote(t))
            .map_or(sentence_end, |t| t.end)
    }
}

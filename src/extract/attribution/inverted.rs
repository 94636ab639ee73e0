//! Inverted cues: the speaker after the verb ("“Q,” said X", "C, added X", "Said X: …").
//! Example: "“We are ready,” said Ines Barros."
//! Fixtures: tests/fixtures/extract/inverted-no-quote.txt, tests/fixtures/extract/inverted-parenthetical.txt, tests/fixtures/extract/quote-comma-said-x.txt, tests/fixtures/extract/quote-continues-after-cue.txt, tests/fixtures/extract/said-x-colon.txt, tests/fixtures/extract/participle-phrase-cue.txt, tests/fixtures/extract/opening-noun-not-inverted.txt, tests/fixtures/extract/asked-about-opening.txt.

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::Token;

use super::wordlists::{is_ly_adverb, is_tell};
use super::{ClaimDraft, Context, Cue, History, finite_form};

/// Words after an opening verb that start no speaker: "Asked about the reports, …",
/// "Asked whether …".
#[rustfmt::skip]
const NO_SPEAKER_AFTER: &[&str] = &[
    "about", "on", "by", "for", "in", "at", "to", "with", "whether", "if", "why", "what", "how",
    "when", "where", "who",
];

impl Context<'_> {
    /// "“Q,” said X." / "C, added KCNA."
    pub(super) fn inverted(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let cue_text = &text[cue.span.clone()];
        let prev = cue.first.checked_sub(1).map(|k| tokens[k].text(text));
        let after_quote =
            cue.first > 0 && self.quote_ending_at(tokens[cue.first - 1].end).is_some();
        if self.participle_of_subject(tokens, cue, prev) {
            return self.participle(tokens, cue, sentence, history);
        }
        // Inversion is for plain verbs of saying: "said X", "added KCNA".
        if cue.first != cue.last || cue_text.ends_with("ing") {
            return None;
        }
        if cue.first == 0 && cue.class == CueClass::Speech {
            // "Said Ellis: …", "Wrote Ortiz: …"; an uninflected form opens a noun
            // phrase ("Protest organisers, most of them students, say …").
            if !finite_form(&lower(cue_text)) {
                return None;
            }
            return self.opening_said(tokens, cue, sentence, history);
        }
        if !(prev == Some(",") || after_quote)
            || !matches!(cue.class, CueClass::Speech | CueClass::Finding)
            || is_tell(cue_text)
        {
            return None;
        }
        let tail_end = self.inverted_name_end(tokens, cue);
        let rest = self.past_parenthetical(tokens, tail_end);
        let words_after_np = tokens[rest..].iter().filter(|t| t.is_word()).count();
        if tail_end == cue.last + 1 || words_after_np > 0 && tokens[rest].text(text) != "," {
            return None;
        }
        let source = self.source(Self::bytes(tokens, cue.last + 1, tail_end), history)?;
        self.draft(sentence.start..cue.span.start, &source, cue_text)
    }

    /// Whether the cue is a participle of the sentence's subject after a comma, maybe
    /// past an adverb: ", adding that …", ", even suggesting …" (`prev` is the word
    /// before the cue).
    fn participle_of_subject(&self, tokens: &[Token], cue: &Cue, prev: Option<&str>) -> bool {
        let adverb_before = cue.first > 1
            && tokens[cue.first - 2].text(self.text) == ","
            && prev.is_some_and(|w| {
                let w = w.to_lowercase();
                matches!(
                    w.as_str(),
                    "even" | "also" | "again" | "later" | "then" | "often" | "still"
                ) || is_ly_adverb(&w)
            });
        (prev == Some(",") || adverb_before)
            && lower(tokens[cue.first].text(self.text)).ends_with("ing")
    }

    /// "Said Ellis: “…”": the cue opens the sentence, the speaker follows it up to a colon
    /// or comma, and the content runs from there to the end of the sentence.
    fn opening_said(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        // "Asked about the reports, a spokesperson said …": a preposition or a question
        // word after the cue opens no speaker.
        let next = lower(tokens.get(cue.last + 1)?.text(text));
        if NO_SPEAKER_AFTER.contains(&&*next) {
            return None;
        }
        let limit = tokens.len().min(cue.last + 16);
        // "Said the group's spokesman, Ana Ruiz: …": up to a colon the speaker may have
        // appositions, of which a name wins; else the speaker ends at a comma.
        let colon = (cue.last + 1..limit).find(|&k| tokens[k].text(text) == ":");
        let end = match colon {
            Some(c) => c,
            None => {
                (cue.last + 1..limit.min(cue.last + 10)).find(|&k| tokens[k].text(text) == ",")?
            }
        };
        let mut segments = tokens[cue.last + 1..end]
            .split(|t| t.text(text) == ",")
            .filter(|seg| !seg.is_empty())
            .filter_map(|seg| {
                let r = seg[0].start..seg[seg.len() - 1].end;
                self.source(r, history)
            });
        let first = segments.next()?;
        let source = if first.actor.is_some() {
            first
        } else {
            segments.find(|s| s.actor.is_some()).unwrap_or(first)
        };
        self.draft(
            tokens.get(end + 1)?.start..sentence.end,
            &source,
            &text[cue.span.clone()],
        )
    }

    /// Where the speaker's name after an inverted cue ends: at the next punctuation, where
    /// the dot of "Rep." or "W." does not count ("said Capt. L. Moreau.").
    fn inverted_name_end(&self, tokens: &[Token], cue: &Cue) -> usize {
        let text = self.text;
        let abbreviation_dot = |k: usize| {
            tokens[k].text(text) == "."
                && k > 0
                && tokens[k - 1].end == tokens[k].start
                && (tokens[k - 1].text(text).chars().count() == 1
                    || self
                        .lex
                        .titles
                        .contains_key(&tokens[k - 1].text(text).to_lowercase()))
        };
        (cue.last + 1..tokens.len())
            .find(|&k| {
                matches!(
                    tokens[k].text(text),
                    "," | "." | ";" | ":" | "!" | "?" | "("
                ) && !abbreviation_dot(k)
            })
            .unwrap_or(tokens.len())
    }

    /// The token after a parenthetical that follows the name at `tail_end`, which is
    /// neither name nor content ("said Moreau (Harbour Party), a former pilot", "said
    /// Moreau (a view shared by the guild)."); `tail_end` itself when there is none.
    fn past_parenthetical(&self, tokens: &[Token], tail_end: usize) -> usize {
        let text = self.text;
        let after_paren = (tokens.get(tail_end).is_some_and(|t| t.text(text) == "("))
            .then(|| {
                (tail_end..tokens.len())
                    .find(|&k| tokens[k].text(text) == ")")
                    .map(|k| k + 1)
            })
            .flatten();
        after_paren.unwrap_or(tail_end)
    }
}

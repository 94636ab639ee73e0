//! Inverted cues: the speaker after the verb ("“Q,” said X", "C, added X", "Said X: …").
//! Example: "“We are ready,” said Ines Barros."

use std::ops::Range;

use crate::extract::lexicon::CueClass;
use crate::extract::segment::Token;

use super::wordlists::{is_ly_adverb, is_tell};
use super::{ClaimDraft, Context, Cue, History};

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
        // ", adding that …", ", even suggesting …": a participle of the sentence subject.
        let adverb_before = cue.first > 1
            && tokens[cue.first - 2].text(text) == ","
            && prev.is_some_and(|w| {
                let w = w.to_lowercase();
                matches!(
                    w.as_str(),
                    "even" | "also" | "again" | "later" | "then" | "often" | "still"
                ) || is_ly_adverb(&w)
            });
        if (prev == Some(",") || adverb_before) && cue_text.ends_with("ing") {
            return self.participle(tokens, cue, sentence, history);
        }
        // Inversion is for plain verbs of saying: "said X", "added KCNA".
        if cue.first != cue.last || cue_text.ends_with("ing") {
            return None;
        }
        // "Said Ellis: “…”": the cue opens the sentence, the speaker follows.
        if cue.first == 0 && cue.class == CueClass::Speech {
            let colon = (cue.last + 1..tokens.len().min(cue.last + 10))
                .find(|&k| matches!(tokens[k].text(text), ":" | ","))?;
            let source = self.source(Self::bytes(tokens, cue.last + 1, colon), history)?;
            return self.draft(
                tokens.get(colon + 1)?.start..sentence.end,
                &source,
                cue_text,
            );
        }
        if !(prev == Some(",") || after_quote)
            || !matches!(cue.class, CueClass::Speech | CueClass::Finding)
            || is_tell(cue_text)
        {
            return None;
        }
        // The dot of "Rep." or "W." does not end the name.
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
        let tail_end = (cue.last + 1..tokens.len())
            .find(|&k| {
                matches!(
                    tokens[k].text(text),
                    "," | "." | ";" | ":" | "!" | "?" | "("
                ) && !abbreviation_dot(k)
            })
            .unwrap_or(tokens.len());
        // "said Rep. X (D-N.Y.), a leading …", "said X (a view echoed by …).": a
        // parenthetical after the name is neither name nor content.
        let after_paren = (tokens.get(tail_end).is_some_and(|t| t.text(text) == "("))
            .then(|| {
                (tail_end..tokens.len())
                    .find(|&k| tokens[k].text(text) == ")")
                    .map(|k| k + 1)
            })
            .flatten();
        let rest = after_paren.unwrap_or(tail_end);
        let words_after_np = tokens[rest..].iter().filter(|t| t.is_word()).count();
        if tail_end == cue.last + 1 || words_after_np > 0 && tokens[rest].text(text) != "," {
            return None;
        }
        let source = self.source(Self::bytes(tokens, cue.last + 1, tail_end), history)?;
        self.draft(sentence.start..cue.span.start, &source, cue_text)
    }
}

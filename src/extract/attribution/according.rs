//! "According to X, C": the according-to construction, before or after its content.
//! Example: "The dam will open in May, according to the regional water board."

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::{Token, tokenize};

use super::{ClaimDraft, Context, Cue, History};

impl Context<'_> {
    /// "According to X, C" / "C, according to X" / "According to X, quoting Y, C".
    pub(super) fn according(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let text = self.text;
        let cue_text = &text[cue.span.clone()];
        let leading = tokens[..cue.first].iter().all(|t| !t.is_word());
        if !leading {
            // "…, according to Craig Bryan, head of the center": the name before the comma.
            let np_end = tokens[cue.last + 1..]
                .iter()
                .find(|t| matches!(t.text(text), "," | ";" | "(" | "."))
                .map_or(sentence.end, |t| t.start);
            let source = self
                .source(cue.span.end..np_end, history)
                .or_else(|| self.named_phrase(cue.span.end..np_end))?;
            // "…, which, according to AFP, the UN has criticised": a parenthetical; the
            // clause after it is the content.
            let np_comma = tokens[cue.last + 1..]
                .iter()
                .position(|t| t.start == np_end && t.text(text) == ",")
                .map(|p| p + cue.last + 1);
            let opened_by_comma = cue.first > 0 && tokens[cue.first - 1].text(text) == ",";
            // "…, according to X, a former aide now teaching …": an apposition on X, not
            // a clause.
            let role = |k: usize| {
                tokens.get(k).is_some_and(|t| {
                    let w = lower(t.text(text));
                    matches!(&*w, "head" | "former")
                        || self.lex.roles.contains(&*w)
                        || self.lex.titles.contains_key(&*w)
                })
            };
            let apposition = |c: usize| {
                tokens.get(c + 1).is_some_and(|t| {
                    let w = lower(t.text(text));
                    matches!(&*w, "a" | "an" | "who" | "whose") || w == "the" && role(c + 2)
                }) || role(c + 1)
            };
            // A full clause before the cue is the content; the parenthetical reading
            // needs a bare relative or conjunction there ("…, which, according to …").
            let before: Vec<&Token> = tokens[..cue.first].iter().filter(|t| t.is_word()).collect();
            let bare = before.len() <= 3
                || before.last().is_some_and(|t| {
                    matches!(
                        &*lower(t.text(text)),
                        "which" | "that" | "who" | "and" | "but" | "because" | "while" | "as"
                    )
                });
            if let Some(c) = np_comma.filter(|&c| opened_by_comma && bare && !apposition(c))
                && tokens[c + 1..].iter().filter(|t| t.is_word()).count() >= 4
            {
                return self
                    .draft(tokens[c].end..sentence.end, &source, cue_text)
                    .map(|c| vec![c]);
            }
            return self
                .draft(sentence.start..cue.span.start, &source, cue_text)
                .map(|c| vec![c]);
        }
        let comma = tokens[cue.last + 1..]
            .iter()
            .position(|t| t.text(text) == ",")?
            + cue.last
            + 1;
        let np = Self::bytes(tokens, cue.last + 1, comma);
        let mut source = self
            .source(np.clone(), history)
            .or_else(|| self.named_phrase(np))?;
        let mut content_start = tokens.get(comma + 1)?.start;
        let mut cue_text = cue_text.to_string();
        let rest = self.cues(&tokens[comma + 1..]);
        if let Some(relay) = rest
            .first()
            .filter(|c| c.first == 0 && c.class == CueClass::According)
        {
            let (f, l) = (comma + 1 + relay.first, comma + 1 + relay.last);
            if let Some(c2) = tokens[l + 1..]
                .iter()
                .position(|t| t.text(text) == ",")
                .map(|p| p + l + 1)
                && let Some(s) = self.source(Self::bytes(tokens, l + 1, c2), history)
            {
                source = s;
                cue_text = text[tokens[f].start..tokens[l].end].to_string();
                content_start = tokens.get(c2 + 1)?.start;
            }
        }
        // "According to X, Y believes C": the inner speaker is the source.
        let inner = content_start..sentence.end;
        let inner_tokens = tokenize(text, inner.clone());
        for c in self.cues(&inner_tokens) {
            if matches!(c.class, CueClass::According | CueClass::Passive) {
                continue;
            }
            let claims = self.subject_before(&inner_tokens, &c, inner.clone(), history);
            if !claims.is_empty() {
                return Some(claims);
            }
            break;
        }
        self.draft(inner, &source, &cue_text).map(|c| vec![c])
    }
}

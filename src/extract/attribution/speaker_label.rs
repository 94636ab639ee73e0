//! Speaker labels and signed quotations: "NAME: words" and "“Q” — Name".
//! Example: "KOVAC: We never agreed to that."

use std::ops::Range;

use crate::extract::segment::Token;
use crate::model::{ActorKind, ClaimKind, SourceKind};

use super::wordlists::starts_upper;
use super::{ClaimDraft, Context, History, SourceDraft};

impl Context<'_> {
    /// "PENCE: Well, look, …" (a transcript) and "Maria Costa: “…”": a paragraph that
    /// opens with a speaker's name and a colon is that speaker's words. The name is in
    /// capitals, or an actor's name before a quotation.
    pub(super) fn speaker_label(
        &self,
        tokens: &[Token],
        sentence: Range<usize>,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        if !(sentence.start == 0 || text[..sentence.start].ends_with('\n')) {
            return None;
        }
        let lead = usize::from(tokens.first().is_some_and(|t| !t.is_word()));
        let colon = (lead..tokens.len().min(lead + 5)).find(|&k| tokens[k].text(text) == ":")?;
        let name = &tokens[lead..colon];
        if name.is_empty() || !name.iter().all(Token::is_word) {
            return None;
        }
        let capitals = name.iter().all(|t| {
            let w = t.text(text);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        });
        let range = Self::bytes(tokens, lead, colon);
        let quote_next = tokens
            .get(colon + 1)
            .is_some_and(|t| self.quote_starting_at(t.start).is_some());
        let source = if capitals {
            // "PENCE": the person of that surname, else the label as a person's name.
            let label = text[range.clone()].to_lowercase();
            self.actors
                .actors
                .iter()
                .position(|a| {
                    a.kind == ActorKind::Person
                        && a.name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|s| s.to_lowercase() == label)
                })
                .map(|a| self.actor_source(a))
                .unwrap_or_else(|| SourceDraft {
                    name: text[range].to_string(),
                    kind: SourceKind::Person,
                    actor: None,
                    description: None,
                })
        } else if quote_next {
            let m = self.actors.mentions_in(range.clone()).next()?;
            if m.start != range.start || m.end != range.end {
                return None;
            }
            self.actor_source(m.actor)
        } else {
            return None;
        };
        let para_end = text[sentence.start..]
            .find("\n")
            .map_or(text.len(), |i| sentence.start + i);
        let start = tokens.get(colon + 1)?.start;
        let (kind, span) = self.content(start..para_end)?;
        let kind = if capitals { ClaimKind::Direct } else { kind };
        Some(ClaimDraft {
            span,
            kind,
            source: Some(source),
            cue: Some(":".to_string()),
        })
    }

    /// "“…” — Maria Costa": a quotation signed with a dash and a name.
    pub(super) fn signed_quote(
        &self,
        tokens: &[Token],
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let dash = tokens
            .iter()
            .rposition(|t| matches!(t.text(text), "―" | "—" | "–"))?;
        // Only a quotation with no letter or digit before it in the sentence qualifies.
        let first_word = text[sentence.start..]
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(text.len(), |(i, _)| sentence.start + i);
        let q = self
            .quotes_from(sentence.start)
            .iter()
            .take_while(|q| q.outer.start <= first_word)
            .find(|q| {
                q.outer.end <= tokens[dash].start
                    && text[q.outer.end..tokens[dash].start].trim().is_empty()
            })?;
        let mut end = tokens.len();
        if tokens.last().is_some_and(|t| t.text(text) == ".") {
            end -= 1;
        }
        let name = &tokens[dash + 1..end];
        let named = !name.is_empty()
            && name.len() <= 5
            && name.iter().all(|t| t.is_word() || t.text(text) == ".")
            && name
                .iter()
                .filter(|t| t.is_word())
                .all(|t| starts_upper(t.text(text)));
        if !named {
            return None;
        }
        let range = Self::bytes(tokens, dash + 1, end);
        let source = self
            .source(range.clone(), history)
            .unwrap_or_else(|| SourceDraft {
                name: text[range].to_string(),
                kind: SourceKind::Person,
                actor: None,
                description: None,
            });
        let inner = self.trim_content(q.inner.clone());
        (!inner.is_empty()).then(|| ClaimDraft {
            span: inner,
            kind: ClaimKind::Direct,
            source: Some(source),
            cue: Some(text[tokens[dash].start..tokens[dash].end].to_string()),
        })
    }
}

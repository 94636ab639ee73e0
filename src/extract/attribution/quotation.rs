//! Quotation then cue: a quotation before its cue, its continuation after the cue, a cue
//! sentence after a lone quotation, and block quotations after "X added:".
//! Example: "“We won,” Silva said. “Now we rest.”"
//! Fixtures: tests/fixtures/extract/quote-continues-after-cue.txt, tests/fixtures/extract/multi-paragraph-quote.txt, tests/fixtures/extract/pronoun-after-content.txt, tests/fixtures/extract/anonymous-referred-back.txt.

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::{Token, tokenize};
use crate::model::ClaimKind;

use super::say_that::Layout;
use super::subject::Said;
use super::wordlists::MODALS;
use super::{ClaimDraft, Context, History, SourceDraft};

impl Context<'_> {
    /// "Limbaugh added:" closing its paragraph, then the words in the next paragraph: a
    /// block quotation introduced by a cue and a colon. `next` is the next paragraph.
    pub fn block_intro(
        &self,
        sentence: Range<usize>,
        next: Range<usize>,
        para: usize,
        history: &mut History,
    ) -> Vec<ClaimDraft> {
        let text = self.text;
        if !text[sentence.clone()].trim_end().ends_with(':')
            || text[sentence.clone()].split_whitespace().count() > 15
        {
            return Vec::new();
        }
        let tokens = tokenize(text, sentence.clone());
        let extended = sentence.start..next.end;
        let ext_tokens = tokenize(text, extended.clone());
        for cue in self.cues(&tokens) {
            if !matches!(cue.class, CueClass::Speech | CueClass::Finding) {
                continue;
            }
            let claims = self.subject_before(&ext_tokens, &cue, extended.clone(), history);
            if let [c] = claims.as_slice()
                && c.span.start >= next.start
            {
                if let Some(s) = &c.source {
                    history.push(para, c.span.clone(), s.clone());
                }
                return claims;
            }
        }
        Vec::new()
    }

    /// End of a short cue sentence ("Graham asked.") right after `sentence` when
    /// `sentence` is a quotation alone ending in its own "?", "!" or ".".
    pub(super) fn cue_after_quote(&self, sentence: Range<usize>) -> Option<usize> {
        let text = self.text;
        let q = self.lone_quote(sentence)?;
        if !text[q.inner.clone()]
            .trim_end()
            .ends_with(['?', '!', '.', '…'])
        {
            return None;
        }
        let rest = &text[q.outer.end..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let stop = line.find(['.', '!', '?', '“', '"', '”'])?;
        let clause = &line[..stop];
        let words = clause.split_whitespace().count();
        (line[stop..].starts_with('.')
            && (1..=8).contains(&words)
            && clause.trim_start().starts_with(char::is_uppercase)
            && !clause.contains(','))
        .then(|| q.outer.end + stop + 1)
    }

    /// "“A,” X said, “B.”" and "“A,” X said. “B.”": a quotation that goes on after its
    /// cue is one claim with it, spanning the cue. The continuation is a quotation that
    /// opens in the same sentence after the cue, or one standing alone right after it in
    /// the same paragraph.
    pub(super) fn join_continuation(&self, claims: &mut Vec<ClaimDraft>, sentence: Range<usize>) {
        for i in 0..claims.len() {
            if claims[i].kind != ClaimKind::Assertion
                && claims[i].source.is_some()
                && self.join_at(claims, i, sentence.clone())
            {
                return;
            }
        }
    }

    fn join_at(&self, claims: &mut Vec<ClaimDraft>, i: usize, sentence: Range<usize>) -> bool {
        let text = self.text;
        let c = &claims[i];
        let Some(cue) = c.cue.as_deref() else {
            return false;
        };
        let after = match c.kind {
            ClaimKind::Direct => self
                .quote_around(c.span.clone())
                .map_or(c.span.end, |q| q.outer.end),
            _ => c.span.end,
        };
        // Only a content that precedes its cue goes on after it.
        let Some(q) = self.quotes_from(after).first() else {
            return false;
        };
        let gap = &text[after..q.outer.start];
        let gap_words = gap.split_whitespace().count();
        // "…,” X said, adding later, “…”": another cue introduces the second quotation.
        let another_cue = gap
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.ends_with("ing") && self.lex.cue(&w.to_lowercase()).is_some());
        if another_cue {
            return false;
        }
        if !gap.contains(cue)
            || gap_words > 40
            || gap.contains(['\n', ';'])
            || gap.contains(", and")
            || gap.contains("and,")
            || gap.contains(['“', '”', '"', '«', '»'])
        {
            return false;
        }
        let within = q.outer.start < sentence.end;
        let gap = gap.trim_end();
        let joined = if within {
            gap.ends_with(',') || gap.ends_with(':')
        } else {
            // The next sentence is the quotation alone.
            let rest = &text[q.outer.end..];
            let alone = rest
                .chars()
                .find(|c| !c.is_whitespace() || *c == '\n')
                .is_none_or(|c| c == '\n' || c.is_uppercase() || matches!(c, '“' | '"'));
            let closed = text[q.inner.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '…']);
            // "''I wouldn't call it reform. It's just a tax increase'' for the top
            // bracket.": a long quotation opening the sentence, which the article then
            // completes in lower case.
            let tail = rest.split(['.', '\n']).next().unwrap_or("");
            let runs_on = rest.trim_start().starts_with(char::is_lowercase)
                && !text[q.outer.clone()].contains('\n')
                && text[q.inner.clone()].split_whitespace().count() >= 8
                && !tail
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| self.lex.cue(&w.to_lowercase()).is_some());
            gap.ends_with('.') && ((alone && closed) || runs_on)
        };
        if !joined {
            return false;
        }
        let inner = self.trim_content(q.inner.clone());
        if inner.is_empty() {
            return false;
        }
        let kind = if c.kind == ClaimKind::Direct {
            ClaimKind::Direct
        } else {
            ClaimKind::Mixed
        };
        let span = c.span.start..inner.end;
        claims[i].span = span.clone();
        claims[i].kind = kind;
        let keep = claims[i].clone();
        claims.retain(|d| d == &keep || d.span.start >= span.end || d.span.end <= span.start);
        true
    }

    /// What follows "“Q,” X said": the rest of an interrupted quotation ("…, “B.”"), a
    /// participle of the same speaker (", adding that …"), or the article's own voice
    /// (", referring to …").
    pub(super) fn tail(
        &self,
        after: &[Token],
        end: usize,
        source: &SourceDraft,
        cue: &str,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let first = after.first()?;
        if !matches!(first.text(text), "," | ";") {
            return None;
        }
        if let Some(q) = self
            .quotes
            .iter()
            .find(|q| q.outer.start >= first.end && q.outer.end <= end)
        {
            let inner = self.trim_content(q.inner.clone());
            // "…, adding later, “B”": the participle is the cue of B.
            let participle = after
                .iter()
                .filter(|t| t.is_word() && t.end <= q.outer.start)
                .find(|t| {
                    let w = t.text(text);
                    w.ends_with("ing")
                        && self
                            .lex
                            .cue(&w.to_lowercase())
                            .is_some_and(|c| c != CueClass::Passive)
                });
            // "…, adding that it would take “more hours” before …": the quotation is a
            // part of the participle's content clause, which makes one mixed claim.
            if let Some(p) = participle
                && let gap = self.text[p.end..q.outer.start].trim()
                && !gap.is_empty()
                && !gap.ends_with([',', ':'])
            {
                return self.draft(p.end..end, source, p.text(text));
            }
            let participle = participle.map(|t| t.text(text));
            // "…, he said, can “rock like Jimi”": words that carry on the clause before
            // the quotation make it part of that clause, not the quotation's own claim.
            let clause = self.continues_clause(self.trim_content(first.end..q.outer.start).start);
            if !clause || participle.is_some() {
                return (!inner.is_empty()).then(|| ClaimDraft {
                    span: inner,
                    kind: ClaimKind::Direct,
                    source: Some(source.clone()),
                    cue: Some(participle.unwrap_or(cue).to_string()),
                });
            }
        }
        // "…, a police officer said, speaking on condition of anonymity": an aside on the
        // source, no claim.
        if self.anonymity_phrase(after, 1).is_some() {
            return None;
        }
        let next = after.get(1)?;
        let next_word = next.text(text).to_lowercase();
        if next_word.ends_with("ing")
            && self
                .lex
                .cue(&next_word)
                .is_some_and(|c| c != CueClass::Passive)
        {
            return self.draft(next.end..end, source, next.text(text));
        }
        if after.iter().filter(|t| t.is_word()).count() < 4 {
            return None;
        }
        let rest = self.trim_content(first.end..end);
        (!rest.is_empty()).then(|| self.own_voice(rest, end))
    }

    /// "C, X said." and "“Q,” X said": the content precedes the subject; what follows
    /// the cue is its tail ([`Self::tail`]). "Climate change, Mr. Obama often says, is
    /// the greatest threat": a cue that interrupts one content clause makes one claim
    /// around it.
    pub(super) fn said_before(
        &self,
        said: &Said,
        layout: &Layout,
        history: &History,
    ) -> Vec<ClaimDraft> {
        let text = self.text;
        let (tokens, first) = (said.tokens, said.first);
        let (cue_text, end) = (said.cue_text, said.sentence.end);
        if first > 0 && lower(tokens[first - 1].text(text)) == "as" {
            return self.as_parenthetical(said);
        }
        if first == 0
            || !(tokens[first - 1].text(text) == "," || self.closes_quote(&tokens[first - 1]))
        {
            return Vec::new();
        }
        let content_end = if tokens[first - 1].text(text) == "," {
            tokens[first - 1].start
        } else {
            tokens[first - 1].end
        };
        let source = &self.speaker_outside(said, content_end, history);
        let before = self.draft(said.sentence.start..content_end, source, cue_text);
        // "C, X told AFP, adding …": a participle's tail follows the hearer.
        let hearer_comma = || {
            self.hearer_end(said.after).filter(|&h| {
                said.after.get(h).is_some_and(|t| t.text(text) == ",")
                    && said
                        .after
                        .get(h + 1)
                        .is_some_and(|t| t.text(text).ends_with("ing"))
            })
        };
        let tail_from = layout
            .adverbials_end
            .or_else(|| layout.tell.then(hearer_comma).flatten())
            .unwrap_or(0);
        let tail = self.tail(&said.after[tail_from..], end, source, cue_text);
        if let (Some(b), Some(t)) = (&before, &tail)
            && b.kind == ClaimKind::Indirect
            && t.kind == ClaimKind::Assertion
            && (self.continues_clause(t.span.start) || self.modal_turn(t.span.start))
        {
            let whole = self.trim_content(b.span.start..t.span.end);
            return self.draft(whole, source, cue_text).into_iter().collect();
        }
        before.into_iter().chain(tail).collect()
    }

    /// "C, he said": the pronoun subject of a cue after its content names no one the
    /// content names ("The envoy spoke with Prime Minister Mikati, his office said" is
    /// not Mikati's); it is resolved again from before the sentence.
    fn speaker_outside(&self, said: &Said, content_end: usize, history: &History) -> SourceDraft {
        let source = &said.source;
        let subject = self.text[said.tokens[said.first].start..said.tokens[said.cue.first].start]
            .trim()
            .to_lowercase();
        let pronoun = match subject.as_str() {
            "he" | "his office" => "he",
            "she" | "her office" => "she",
            "they" => "they",
            "it" => "it",
            _ => return source.clone(),
        };
        // The subject the content opens with may be the speaker ("Oz sat down. Ms.
        // McCaskill scolded him: “…,” she said").
        let content = said.sentence.start..content_end;
        let opens = self
            .actors
            .mentions_in(content.clone())
            .next()
            .filter(|m| {
                // Only capitalised words (a title) before the name.
                self.text[said.sentence.start..m.start]
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
            })
            .map(|m| m.actor);
        let inside = source.actor.is_some_and(|a| {
            opens != Some(a) && self.actors.mentions_in(content).any(|m| m.actor == a)
        });
        if !inside {
            return source.clone();
        }
        self.pronoun(pronoun, said.sentence.start, history)
            .unwrap_or_else(|| source.clone())
    }

    /// "…, the board says, but would eventually cut them": a modal without a subject
    /// at `at` goes on with the content.
    fn modal_turn(&self, at: usize) -> bool {
        let mut words = self.text[at..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        matches!(words.next(), Some("but" | "yet"))
            && words
                .next()
                .is_some_and(|w| MODALS.contains(&w) && !matches!(w, "do" | "does" | "did"))
    }
}

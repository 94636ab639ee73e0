//! "According to X, C": the according-to construction, before or after its content, and
//! its passive kin ("the attack was claimed by X": the agent speaks, the subject is the
//! content).
//! Example: "The dam will open in May, according to the regional water board."
//! Fixtures: tests/fixtures/extract/according-inner-speaker.txt, tests/fixtures/extract/according-to-apposition.txt, tests/fixtures/extract/according-to-document.txt, tests/fixtures/extract/according-to-leading.txt, tests/fixtures/extract/according-to-parenthetical.txt, tests/fixtures/extract/according-to-trailing.txt, tests/fixtures/extract/y-quoted-x.txt, tests/fixtures/extract/citing-content.txt, tests/fixtures/extract/passive-agent.txt, tests/fixtures/extract/according-to-unnamed.txt, tests/fixtures/extract/according-to-statement.txt, tests/fixtures/extract/according-leading-apposition.txt, tests/fixtures/extract/apposed-name-sources.txt, tests/fixtures/extract/cited-reason-or-source.txt.

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::{Token, abbreviation_dot, tokenize};
use crate::model::{ActorKind, SourceKind};
use crate::syntax::{Model, Upos};

use super::wordlists::is_time_phrase;
use super::{ClaimDraft, Context, Cue, History, SourceDraft};

impl Context<'_> {
    /// "According to X, C" / "C, according to X" / "According to X, quoting Y, C".
    pub(super) fn according(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let leading = tokens[..cue.first].iter().all(|t| !t.is_word());
        if !leading {
            return self.according_after(tokens, cue, sentence, history);
        }
        let text = self.text;
        let comma = tokens[cue.last + 1..]
            .iter()
            .position(|t| t.text(text) == ",")?
            + cue.last
            + 1;
        let np = Self::bytes(tokens, cue.last + 1, comma);
        let mut source = self
            .source(np.clone(), history)
            .or_else(|| self.named_phrase(np))?;
        let comma = self
            .leading_apposition(tokens, comma, &source, history)
            .unwrap_or(comma);
        let mut content_start = tokens.get(comma + 1)?.start;
        let mut cue_text = text[cue.span.clone()].to_string();
        if let Some((relayed, relay_cue, c2)) = self.according_relay(tokens, comma, history) {
            source = relayed;
            cue_text = text[relay_cue].to_string();
            content_start = tokens.get(c2 + 1)?.start;
        }
        let inner = content_start..sentence.end;
        if let Some(claims) = self.according_inner_speaker(inner.clone(), history) {
            return Some(claims);
        }
        self.draft(inner, &source, &cue_text).map(|c| vec![c])
    }

    /// "The ferry will stop in June, according to the harbour office": the cue after its
    /// content, whose source is the name before the next comma ("…, according to Ada
    /// Lind, head of the board"); or a parenthetical in a clause ("…, which, according to
    /// the guild, the council ignored").
    fn according_after(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let text = self.text;
        let cue_text = &text[cue.span.clone()];
        // The phrase ends at a comma, semicolon, bracket or full stop, not at the dot of
        // "Mrs." ("according to a speech Mrs. Berg gave").
        // A phrase of time after the name is no part of it ("was rejected by lawmakers
        // on Tuesday").
        let time_phrase = |i: usize| {
            tokens
                .get(i + 1)
                .is_some_and(|t| is_time_phrase(&lower(tokens[i].text(text)), &lower(t.text(text))))
        };
        let np_end = (cue.last + 1..tokens.len())
            .find(|&i| {
                matches!(tokens[i].text(text), "," | ";" | "(" | ".")
                    && !abbreviation_dot(text, tokens, i)
                    || i > cue.last + 1 && time_phrase(i)
            })
            .map_or(sentence.end, |i| tokens[i].start);
        // "citing security concerns": an unnamed plural is cited as a source only when
        // the lexicon knows it for one ("citing officials"); else it is what is cited.
        let cited_reason = |s: &SourceDraft| {
            s.kind == SourceKind::Vague && !self.vague_by_lexicon(cue.span.end..np_end)
        };
        let source = match self
            .source(cue.span.end..np_end, history)
            .filter(|s| !(lower(cue_text) == "citing" && cited_reason(s)))
        {
            Some(s) => s,
            None if lower(cue_text).ends_with("ing") => {
                return self.cited_content(tokens, cue, sentence, history);
            }
            None => self.named_phrase(cue.span.end..np_end)?,
        };
        let source = self
            .name_apposed_after(tokens, cue, np_end)
            .unwrap_or(source);
        if let Some(c) = self.according_parenthetical(tokens, cue, np_end) {
            return self
                .draft(tokens[c].end..sentence.end, &source, cue_text)
                .map(|c| vec![c]);
        }
        self.draft(sentence.start..cue.span.start, &source, cue_text)
            .map(|c| vec![c])
    }

    /// "…, according to the region's governor, Vyacheslav Gladkov.": the name apposed to
    /// a description that names no one, closing the sentence or its own phrase, is the
    /// source the description stands for.
    fn name_apposed_after(
        &self,
        tokens: &[Token],
        cue: &Cue,
        np_end: usize,
    ) -> Option<SourceDraft> {
        let text = self.text;
        if self
            .actors
            .mentions_in(cue.span.end..np_end)
            .next()
            .is_some()
        {
            return None;
        }
        let comma = tokens
            .iter()
            .position(|t| t.start == np_end && t.text(text) == ",")?;
        let name = tokens.get(comma + 1)?;
        let m = self.actors.mention_at(name.start)?;
        let closes = tokens
            .iter()
            .find(|t| t.start >= m.end)
            .is_none_or(|t| matches!(t.text(text), "." | "," | ";" | ")"));
        (closes && self.actors.actors[m.actor].kind == ActorKind::Person)
            .then(|| self.actor_source(m.actor))
    }

    /// "The court blocked the sale, citing a threat to public health": what is cited is
    /// no source, so it is the content, and the clause subject cites it; the clause
    /// before is the article's own.
    fn cited_content(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let claim = self.participle(tokens, cue, sentence.clone(), history)?;
        let own = self.own_voice(sentence.start..tokens[cue.first].start, sentence.end);
        let words = tokens[..cue.first].iter().filter(|t| t.is_word()).count();
        Some(if words >= 4 {
            vec![own, claim]
        } else {
            vec![claim]
        })
    }

    /// The comma closing a parenthetical "according to X" whose content is the clause
    /// after it: "The levy, which, according to the guild, the council ignored for a
    /// decade, …". A full clause before the cue is the content instead, and so is the
    /// clause before an apposition on X ("…, according to Lind, a former pilot …").
    fn according_parenthetical(&self, tokens: &[Token], cue: &Cue, np_end: usize) -> Option<usize> {
        let text = self.text;
        let np_comma = tokens[cue.last + 1..]
            .iter()
            .position(|t| t.start == np_end && t.text(text) == ",")
            .map(|p| p + cue.last + 1);
        let opened_by_comma = cue.first > 0 && tokens[cue.first - 1].text(text) == ",";
        // The parenthetical reading needs a bare relative or conjunction before the cue.
        let before: Vec<&Token> = tokens[..cue.first].iter().filter(|t| t.is_word()).collect();
        let bare = before.len() <= 3
            || before.last().is_some_and(|t| {
                matches!(
                    &*lower(t.text(text)),
                    "which" | "that" | "who" | "and" | "but" | "because" | "while" | "as"
                )
            });
        np_comma
            .filter(|&c| opened_by_comma && bare && !self.according_apposition(tokens, c))
            .filter(|&c| tokens[c + 1..].iter().filter(|t| t.is_word()).count() >= 4)
    }

    /// Whether an apposition on X follows the comma at `c`: "according to Ada Lind, a
    /// former pilot now teaching …", "…, the harbour master", "…, head of the board".
    fn according_apposition(&self, tokens: &[Token], c: usize) -> bool {
        let text = self.text;
        let role = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                let w = lower(t.text(text));
                matches!(&*w, "head" | "former")
                    || self.lex.roles.contains(&*w)
                    || self.lex.titles.contains_key(&*w)
            })
        };
        tokens.get(c + 1).is_some_and(|t| {
            let w = lower(t.text(text));
            matches!(&*w, "a" | "an" | "who" | "whose") || w == "the" && role(c + 2)
        }) || role(c + 1)
    }

    /// "According to the UN refugee agency, UNHCR, C", "According to X, a monitoring
    /// group, C": an apposition on X after the comma `comma` of a leading cue, another
    /// name of the source or a noun phrase describing it (no verb in it, on the tags).
    /// Returns the comma that closes it.
    fn leading_apposition(
        &self,
        tokens: &[Token],
        comma: usize,
        source: &SourceDraft,
        history: &History,
    ) -> Option<usize> {
        let text = self.text;
        let close = (comma + 1..tokens.len()).find(|&k| tokens[k].text(text) == ",")?;
        let words = tokens[comma + 1..close]
            .iter()
            .filter(|t| t.is_word())
            .count();
        let rest = tokens[close + 1..].iter().filter(|t| t.is_word()).count();
        if words == 0 || words > 8 || rest < 4 {
            return None;
        }
        let same_actor = source.actor.is_some()
            && self
                .source(Self::bytes(tokens, comma + 1, close), history)
                .is_some_and(|s| s.actor == source.actor);
        if same_actor {
            return Some(close);
        }
        if !self.according_apposition(tokens, comma) {
            return None;
        }
        let forms: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let tree = Model::embedded().analyse(&forms);
        // "a monitoring group": a noun phrase, whose participle may modify the noun; a
        // finite verb makes a clause ("a man was killed", "a crane collapsed").
        let finite = |k: usize| {
            tree.upos[k] == Upos::Aux || matches!(tree.xpos[k], "VBD" | "VBZ" | "VBP" | "MD")
        };
        let nominal = matches!(tree.upos[close - 1], Upos::Noun | Upos::Propn);
        (nominal && !(comma + 1..close).any(finite)).then_some(close)
    }

    /// A second according-to cue right after the comma of a leading one relays the
    /// speaker: "According to the Tide Gazette, citing port officials, the quay will
    /// close." Returns the relayed source, the second cue's bytes and its closing comma.
    fn according_relay(
        &self,
        tokens: &[Token],
        comma: usize,
        history: &History,
    ) -> Option<(SourceDraft, Range<usize>, usize)> {
        let text = self.text;
        let rest = self.cues(&tokens[comma + 1..]);
        let relay = rest
            .first()
            .filter(|c| c.first == 0 && c.class == CueClass::According)?;
        let (f, l) = (comma + 1 + relay.first, comma + 1 + relay.last);
        let c2 = tokens[l + 1..]
            .iter()
            .position(|t| t.text(text) == ",")
            .map(|p| p + l + 1)?;
        let source = self.source(Self::bytes(tokens, l + 1, c2), history)?;
        Some((source, tokens[f].start..tokens[l].end, c2))
    }

    /// "According to the survey, Mayor Obi believes the fares are too high": the speaker
    /// of the first cue inside the content is its source.
    fn according_inner_speaker(
        &self,
        inner: Range<usize>,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let inner_tokens = tokenize(self.text, inner.clone());
        let c = self
            .cues(&inner_tokens)
            .into_iter()
            .find(|c| !matches!(c.class, CueClass::According | CueClass::Passive))?;
        let claims = self.subject_before(&inner_tokens, &c, inner, history);
        (!claims.is_empty()).then_some(claims)
    }
}

//! Passive reports: "It is believed that C" and raised subjects ("X is said to …").
//! Example: "The ferry is expected to resume service on Friday."
//! Fixtures: tests/fixtures/extract/it-was-reported.txt, tests/fixtures/extract/raised-passive.txt, tests/fixtures/extract/raised-passive-adverb.txt.

use std::ops::Range;

use crate::extract::segment::Token;
use crate::model::SourceKind;

use super::wordlists::{AUXILIARIES, COPULAS, MODALS, VERBS_IN_CLAUSES};
use super::{ClaimDraft, Context, Cue, SourceDraft};

impl Context<'_> {
    /// "It was reported that C", "It is believed that C": content with an unnamed,
    /// vague source named by the phrase itself.
    pub(super) fn sourceless(&self, cue: &Cue, sentence: Range<usize>) -> Option<ClaimDraft> {
        let phrase = &self.text[cue.span.clone()];
        let lower = phrase.to_lowercase();
        let opening = self.text[sentence.start..cue.span.start]
            .chars()
            .all(|c| !c.is_alphanumeric());
        if !(opening && lower.starts_with("it ")) {
            return None;
        }
        let name = phrase.strip_suffix(" that").unwrap_or(phrase);
        let source = SourceDraft {
            name: name.to_string(),
            kind: SourceKind::Vague,
            actor: None,
            description: None,
        };
        self.draft(cue.span.end..sentence.end, &source, phrase)
    }

    /// "The veto is expected to come on Friday", "Two officers were accused of lying": a
    /// passive report whose subject is raised out of the reported clause. Nobody is named
    /// as the source; the claim is the clause, subject included, and its vague source is
    /// the passive phrase ("is expected").
    pub(super) fn raised(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
    ) -> Vec<ClaimDraft> {
        let text = self.text;
        let phrase = &text[cue.span.clone()];
        let Some(first) = self.raised_subject(tokens, cue) else {
            return Vec::new();
        };
        let words_after = tokens[cue.last + 1..]
            .iter()
            .filter(|t| t.is_word())
            .count();
        if words_after < 2 {
            return Vec::new();
        }
        let name = ["to", "of", "for", "with", "as", "that"]
            .iter()
            .find_map(|end| phrase.strip_suffix(&format!(" {end}")))
            .unwrap_or(phrase);
        let source = SourceDraft {
            name: name.to_string(),
            kind: SourceKind::Vague,
            actor: None,
            description: None,
        };
        // "X is expected to A, but B", "X was accused of A, with claims of B", "Although X
        // is thought to A, it …": the reported clause ends at its comma; the rest is the
        // article's own.
        let stop = tokens[cue.last + 1..]
            .iter()
            .find(|t| matches!(t.text(text), "," | ";") && !self.in_quote(t.start))
            .map(|t| t.start);
        let end = stop.unwrap_or(sentence.end);
        let mut claims: Vec<ClaimDraft> = self
            .draft(tokens[first].start..end, &source, phrase)
            .into_iter()
            .collect();
        if let Some(stop) = stop
            && !claims.is_empty()
            && let Some(own) = self.after_raised_clause(tokens, stop..sentence.end)
        {
            claims.push(own);
        }
        claims
    }

    /// The first token of the raised subject before a passive phrase that opens with a
    /// form of "be": "The ferry" in "The ferry is expected to resume service". `None` for
    /// a subject that holds a verb, or a report that nothing was said ("No one is expected
    /// to", "was never charged").
    fn raised_subject(&self, tokens: &[Token], cue: &Cue) -> Option<usize> {
        let text = self.text;
        let phrase = &text[cue.span.clone()];
        let lower = phrase.to_lowercase();
        let opens_with_be = lower
            .split(' ')
            .next()
            .is_some_and(|w| COPULAS.contains(&w) || AUXILIARIES.contains(&w));
        if !opens_with_be || cue.first == 0 {
            return None;
        }
        let first = self.clause_start(tokens, cue.first, 0);
        let subject: Vec<&Token> = tokens[first..cue.first]
            .iter()
            .filter(|t| t.is_word())
            .collect();
        // The subject is a noun phrase: it holds no verb of its own.
        let verbal = subject.iter().any(|t| {
            let w = t.text(text).to_lowercase();
            VERBS_IN_CLAUSES.contains(&w.as_str()) && !MODALS.contains(&w.as_str())
                || AUXILIARIES.contains(&w.as_str())
        });
        let fits = !Self::negative_report(text, &subject, phrase)
            && !subject.is_empty()
            && subject.len() <= 12
            && !verbal;
        fits.then_some(first)
    }

    /// Whether a passive report says that nothing was reported: "Neither pilot has been
    /// charged", "No one is expected to", "was not accused". A belief can be negative
    /// ("is not thought to be").
    fn negative_report(text: &str, subject: &[&Token], phrase: &str) -> bool {
        subject.first().is_some_and(|t| {
            matches!(
                &*t.text(text).to_lowercase(),
                "neither" | "no" | "none" | "nobody" | "nothing"
            )
        }) || {
            let p = phrase.to_lowercase();
            (p.contains(" never ") || p.contains(" not "))
                && !["thought", "believed", "expected", "considered", "seen"]
                    .iter()
                    .any(|v| p.contains(v))
        }
    }

    /// What follows the reported clause's comma, as the article's own voice when it has
    /// four words or more: "The ferry is expected to resume service, but the harbour
    /// stays closed to yachts". An adjunct ("with complaints from …", "stranding ten
    /// trucks") stays unclaimed.
    fn after_raised_clause(&self, tokens: &[Token], after: Range<usize>) -> Option<ClaimDraft> {
        let limit = after.end;
        let rest = self.trim_content(after);
        let words = tokens
            .iter()
            .filter(|t| t.start >= rest.start && t.is_word())
            .count();
        let adjunct = self.text[rest.clone()]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| {
                w.ends_with("ing")
                    || matches!(w, "with" | "without" | "in" | "on" | "at" | "for" | "from")
            });
        (words >= 4 && !adjunct).then(|| self.own_voice(rest, limit))
    }
}

//! Relative-clause cues: the antecedent of "who said" / "which reported" / "that says" is the source.
//! Example: "Mayor Tan, who said the park would reopen, left early."
//! Fixtures: tests/fixtures/extract/adverbials-after-cue.txt, tests/fixtures/extract/no-speaker.txt, tests/fixtures/extract/relative-clause-source.txt, tests/fixtures/extract/relative-told-that.txt, tests/fixtures/extract/relative-that-clause.txt, tests/fixtures/extract/quantifier-subject.txt, tests/fixtures/extract/relative-clause-in-dashes.txt, tests/fixtures/extract/relative-which-after-claim.txt, tests/fixtures/extract/relative-aside-own-subject.txt, tests/fixtures/extract/apposed-name-sources.txt.

use std::ops::Range;

use crate::extract::lexicon::lower;
use crate::extract::segment::Token;
use crate::model::ActorKind;

use super::source::part_kind;
use super::wordlists::{
    AUXILIARIES, DETERMINERS, MODALS, VERBS_IN_CLAUSES, is_part_quantity, is_tell, starts_upper,
};
use super::{ClaimDraft, Context, Cue, History, SourceDraft};

impl Context<'_> {
    /// "X, who said C, …", "the department which reported C": a relative clause whose
    /// antecedent is the source. `first` is where the subject walk stopped, just after
    /// the relative pronoun. The content runs to the end of the sentence, or of the
    /// relative clause when the main clause resumes after a comma or dash.
    pub(super) fn relative(
        &self,
        tokens: &[Token],
        cue: &Cue,
        first: usize,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let quantifier = self.partitive_relative(tokens, first);
        let pronoun = match quantifier {
            Some(q) => q + 2,
            None => self.relative_pronoun(tokens, first)?,
        };
        if cue.first > pronoun + 5 || tokens[pronoun..cue.first].iter().any(|t| !t.is_word()) {
            return None;
        }
        // "which media reports …", "that Patriot was seeking": the words between, up to
        // the verb group, are the clause's own subject.
        let subject_end = self.verb_group_start(tokens, cue).0.max(pronoun + 1);
        let lead = quantifier.unwrap_or(pronoun);
        let comma = lead > 0 && matches!(tokens[lead - 1].text(text), "," | "—" | "–" | "--");
        let after = &tokens[cue.last + 1..];
        let cue_text = &text[cue.span.clone()];
        // "The M23, which Kinshasa says is backed by Rwanda, has seized …": the clause's
        // own subject speaks, and the content ends with the relative clause.
        if pronoun + 1 < subject_end
            && let Some(own) = self.source(Self::bytes(tokens, pronoun + 1, subject_end), history)
        {
            // Only an aside between commas; else the clause is read as any other.
            let resumes = self
                .main_clause_resumes(after, cue.span.end, comma)
                .filter(|_| comma)?;
            return self.draft(cue.span.end..resumes, &own, cue_text);
        }
        let source = match quantifier {
            Some(q) => self.part_of(tokens, q, history)?,
            None => self.relative_antecedent(tokens, lead, comma, history)?,
        };
        let mut from = cue.span.end;
        if is_tell(cue_text) {
            // "Mayor Tan, who told reporters that the park would reopen": after "that".
            from = after
                .iter()
                .take(14)
                .find(|t| t.text(text) == "that")
                .map(|t| t.end)?;
        }
        let resumes = self.main_clause_resumes(after, from, comma);
        self.draft(from..resumes.unwrap_or(sentence.end), &source, cue_text)
    }

    /// The relative pronoun at `first` or just before it: "who" in "Mayor Tan, who said
    /// …", "which" in "the office which reported …".
    fn relative_pronoun(&self, tokens: &[Token], first: usize) -> Option<usize> {
        let is_relative = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| matches!(&*lower(t.text(self.text)), "who" | "which" | "that"))
        };
        if is_relative(first) {
            Some(first)
        } else if first > 0 && is_relative(first - 1) {
            Some(first - 1)
        } else {
            None
        }
    }

    /// "many of whom", "one of which": a quantifier at `first` (or just before it) over a
    /// relative pronoun; returns the quantifier's index.
    fn partitive_relative(&self, tokens: &[Token], first: usize) -> Option<usize> {
        let word = |k: usize| tokens.get(k).map(|t| lower(t.text(self.text)));
        let at = |q: usize| {
            (is_part_quantity(&word(q)?)
                && word(q + 1).as_deref() == Some("of")
                && matches!(word(q + 2).as_deref(), Some("whom" | "which")))
            .then_some(q)
        };
        at(first).or_else(|| first.checked_sub(1).and_then(at))
    }

    /// "the families of the fishermen, many of whom said": part of the people the phrase
    /// before the comma names speaks, unnamed: one person is anonymous, more are vague.
    /// The phrase is the last one opening with a determiner or a capital, with the
    /// phrases it is "of" ("the families of the fishermen"), up to eight words, else
    /// the words before the comma.
    fn part_of(&self, tokens: &[Token], q: usize, history: &History) -> Option<SourceDraft> {
        let text = self.text;
        let np_end = q.checked_sub(1).filter(|&c| tokens[c].text(text) == ",")?;
        let opens = |k: usize| {
            let w = tokens[k].text(text);
            starts_upper(w) || DETERMINERS.contains(&&*lower(w))
        };
        // The words before the comma; without an opening word, all of them ("victims").
        let run: Vec<usize> = (np_end.saturating_sub(8)..np_end)
            .rev()
            .take_while(|&k| tokens[k].is_word())
            .collect();
        let mut first = run
            .iter()
            .copied()
            .find(|&k| opens(k))
            .or(run.last().copied())?;
        while let Some(of) = first
            .checked_sub(1)
            .filter(|&k| lower(tokens[k].text(text)) == "of")
        {
            let Some(k) = (np_end.saturating_sub(8)..of)
                .rev()
                .take_while(|&k| tokens[k].is_word())
                .find(|&k| opens(k))
            else {
                break;
            };
            first = k;
        }
        let whole = self.source(Self::bytes(tokens, first, np_end), history)?;
        let quantity = lower(tokens[q].text(text));
        let kind = part_kind(&quantity);
        // "The families" reads "many of the families".
        let name = match whole.name.split_once(' ') {
            Some((det, rest)) if DETERMINERS.contains(&&*det.to_lowercase()) => {
                format!("{} {rest}", det.to_lowercase())
            }
            _ => whole.name.clone(),
        };
        Some(SourceDraft {
            name: format!("{quantity} of {name}"),
            kind,
            actor: None,
            description: None,
        })
    }

    /// The antecedent of the relative pronoun at `pronoun` (after a comma when `comma`),
    /// outside quotations: the actor named last before it ("Mayor Tan, who said …"), else
    /// a noun phrase ending there.
    fn relative_antecedent(
        &self,
        tokens: &[Token],
        pronoun: usize,
        comma: bool,
        history: &History,
    ) -> Option<SourceDraft> {
        let np_end = if comma { pronoun - 1 } else { pronoun };
        let np_first = self.clause_start(tokens, np_end, 0);
        let np = Self::bytes(tokens, np_first, np_end);
        if np_first >= np_end
            || self
                .quotes
                .iter()
                .any(|q| q.outer.start < np.end && np.start < q.outer.end)
        {
            return None;
        }
        match self.actors.mentions_in(np.clone()).last() {
            Some(m) if m.end == tokens[np_end - 1].end => Some(self.actor_source(m.actor)),
            _ => self
                .person_described(tokens, np_first)
                .or_else(|| self.antecedent_phrase(tokens, np_first, np_end, history)),
        }
    }

    /// "said Eleanor Whitcombe, the United Kingdom's deputy ambassador, who …": a
    /// description opening at `np_first` after a comma is apposed to the person named
    /// before the comma, who is the antecedent (not the state inside the description).
    fn person_described(&self, tokens: &[Token], np_first: usize) -> Option<SourceDraft> {
        let text = self.text;
        let comma = np_first.checked_sub(1).filter(|&c| c > 0)?;
        let opens = DETERMINERS.contains(&&*lower(tokens[np_first].text(text)))
            || tokens
                .get(np_first + 1)
                .is_some_and(|t| matches!(t.text(text), "'s" | "’s"))
            || tokens[np_first].text(text).ends_with("’s")
            || tokens[np_first].text(text).ends_with("'s");
        if tokens[comma].text(text) != "," || !opens {
            return None;
        }
        let m = self.actors.mention_at(tokens[comma - 1].start)?;
        (m.end == tokens[comma - 1].end && self.actors.actors[m.actor].kind == ActorKind::Person)
            .then(|| self.actor_source(m.actor))
    }

    /// The longest noun phrase ending at `np_end` that opens with a capital or a
    /// determiner and holds no verb: "the ferry workers on Pier Nine" in "… to calm the
    /// ferry workers on Pier Nine, who said …".
    fn antecedent_phrase(
        &self,
        tokens: &[Token],
        np_first: usize,
        np_end: usize,
        history: &History,
    ) -> Option<SourceDraft> {
        let text = self.text;
        let verbal = |t: &Token| {
            let w = t.text(text);
            !starts_upper(w)
                && (w.ends_with("ed")
                    || AUXILIARIES.contains(&w)
                    || VERBS_IN_CLAUSES.contains(&w)
                    || MODALS.contains(&w)
                    || w == "to")
                // "was backed by local officials, who said": the agent's preposition.
                || w == "by"
        };
        let lowest = (np_first..np_end)
            .rev()
            .take_while(|&k| tokens[k].is_word() && !verbal(&tokens[k]))
            .last()?;
        (lowest..np_end.min(lowest + 8)).find_map(|k| {
            let w = tokens[k].text(text);
            let opens =
                k == lowest || starts_upper(w) || DETERMINERS.contains(&w.to_lowercase().as_str());
            opens
                .then(|| self.source(Self::bytes(tokens, k, np_end), history))
                .flatten()
        })
    }

    /// Where the main clause resumes after the relative clause, in `after` (the tokens
    /// after the cue), at or past `from`: at a dash, or at a comma followed by a verb when
    /// the clause opened with a comma ("Mayor Tan, who said the park would reopen, left
    /// early").
    fn main_clause_resumes(&self, after: &[Token], from: usize, comma: bool) -> Option<usize> {
        let text = self.text;
        after.iter().enumerate().find_map(|(k, t)| {
            if t.start < from || self.in_quote(t.start) {
                return None;
            }
            match t.text(text) {
                "—" | "–" | "--" => Some(t.start),
                "," if comma => {
                    let w = after.get(k + 1)?.text(text);
                    let verb = AUXILIARIES.contains(&w)
                        || VERBS_IN_CLAUSES.contains(&w)
                        || (w.ends_with("ed") && !starts_upper(w))
                        || matches!(w, "said" | "told" | "says" | "tells");
                    verb.then_some(t.start)
                }
                "," => self.named_speaker_at(&after[k + 1..]).then_some(t.start),
                _ => None,
            }
        })
    }

    /// Whether `tokens` open with a name, perhaps after its role, and a cue: ", Mark
    /// Barabak noted …", ", columnist Mark Barabak noted …" after a restrictive relative
    /// clause starts the main clause with its own speaker.
    fn named_speaker_at(&self, tokens: &[Token]) -> bool {
        let role = tokens
            .iter()
            .take(3)
            .take_while(|t| self.lex.is_role_word(t.text(self.text)))
            .count();
        let Some(m) = tokens
            .get(role)
            .and_then(|t| self.actors.mention_at(t.start))
        else {
            return false;
        };
        let next = tokens.iter().position(|t| t.start >= m.end);
        next.is_some_and(|n| self.cue_len(&tokens[n..]) > 0)
    }
}

//! Relative-clause cues: the antecedent of "who said" / "which reported" is the source.
//! Example: "Mayor Tan, who said the park would reopen, left early."

use std::ops::Range;

use crate::extract::lexicon::lower;
use crate::extract::segment::Token;

use super::wordlists::{AUXILIARIES, DETERMINERS, MODALS, VERBS_IN_CLAUSES, is_tell, starts_upper};
use super::{ClaimDraft, Context, Cue, History};

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
        let is_relative = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| matches!(&*lower(t.text(text)), "who" | "which"))
        };
        let pronoun = if is_relative(first) {
            first
        } else if first > 0 && is_relative(first - 1) {
            first - 1
        } else {
            return None;
        };
        if cue.first > pronoun + 5 || tokens[pronoun..cue.first].iter().any(|t| !t.is_word()) {
            return None;
        }
        // "which media reports …": the words between are the clause's own subject.
        if pronoun + 1 < cue.first
            && self
                .source(Self::bytes(tokens, pronoun + 1, cue.first), history)
                .is_some()
        {
            return None;
        }
        let comma = pronoun > 0 && tokens[pronoun - 1].text(text) == ",";
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
        // The antecedent: the actor named last before the pronoun, else the longest
        // noun phrase ending there that opens with a capital or a determiner and holds
        // no verb ("Democrats on Capitol Hill" in "… to placate Democrats on Capitol Hill").
        let source = match self.actors.mentions_in(np.clone()).last() {
            Some(m) if m.end == tokens[np_end - 1].end => self.actor_source(m.actor),
            _ => {
                let verbal = |t: &Token| {
                    let w = t.text(text);
                    !starts_upper(w)
                        && (w.ends_with("ed")
                            || AUXILIARIES.contains(&w)
                            || VERBS_IN_CLAUSES.contains(&w)
                            || MODALS.contains(&w)
                            || w == "to")
                };
                let lowest = (np_first..np_end)
                    .rev()
                    .take_while(|&k| tokens[k].is_word() && !verbal(&tokens[k]))
                    .last()?;
                (lowest..np_end.min(lowest + 8)).find_map(|k| {
                    let w = tokens[k].text(text);
                    let opens = k == lowest
                        || starts_upper(w)
                        || DETERMINERS.contains(&w.to_lowercase().as_str());
                    opens
                        .then(|| self.source(Self::bytes(tokens, k, np_end), history))
                        .flatten()
                })?
            }
        };
        let after = &tokens[cue.last + 1..];
        let cue_text = &text[cue.span.clone()];
        let mut from = cue.span.end;
        if is_tell(cue_text) {
            from = after
                .iter()
                .take(14)
                .find(|t| t.text(text) == "that")
                .map(|t| t.end)?;
        }
        // "…, who said C, was …": the main clause resumes after a comma or a dash.
        let resumes = after.iter().enumerate().find_map(|(k, t)| {
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
                _ => None,
            }
        });
        self.draft(from..resumes.unwrap_or(sentence.end), &source, cue_text)
    }
}

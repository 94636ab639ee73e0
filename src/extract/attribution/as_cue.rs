//! "As X put it": a parenthetical cue opened by "as", before or inside its content.
//! Example: "As the mayor noted, the bridge is older than the town hall."

use crate::extract::lexicon::lower;
use crate::syntax::Model;

use super::say_that::Layout;
use super::subject::Said;
use super::{ClaimDraft, Context};

impl Context<'_> {
    /// "As X put it in a statement to reporters in July, C": the phrase after the cue
    /// belongs to it; the content follows the comma.
    pub(super) fn as_put_it(&self, said: &Said, layout: &Layout) -> Option<Vec<ClaimDraft>> {
        let text = self.text;
        let word = |t: &crate::extract::segment::Token| lower(t.text(text));
        let after = said.after;
        if !((1..=10).contains(&said.first)
            && word(&said.tokens[0]) == "as"
            && layout.first_after != Some(","))
        {
            return None;
        }
        let c = after
            .iter()
            .position(|t| t.text(text) == ",")
            .filter(|&c| {
                c <= 15
                    && after[..c]
                        .iter()
                        .all(|t| (t.is_word() || t.text(text) == ".") && !self.in_quote(t.start))
                    && after.first().is_some_and(|t| {
                        matches!(&*word(t), "in" | "on" | "at" | "to" | "during" | "after")
                    })
            })?;
        // "As the army pledged to rebuild the school, …": "to" opens the cue's own
        // infinitive, not the hearer it was put to.
        if word(&after[0]) == "to" && c > 1 {
            let words: Vec<&str> = said.tokens.iter().map(|t| t.text(text)).collect();
            let tree = Model::embedded().analyse(&words);
            let k = said.tokens.len() - after.len() + 1;
            if tree.xpos[k] == "VB" {
                return None;
            }
        }
        Some(
            self.draft(after[c].end..said.sentence.end, &said.source, said.cue_text)
                .into_iter()
                .collect(),
        )
    }

    /// "As X noted, C" and "A, as X put it, B": a parenthetical cue after "as" (the word
    /// before the subject). The content is what follows it when "as" opens the sentence,
    /// else what precedes it, or both when the clause goes on after it.
    pub(super) fn as_parenthetical(&self, said: &Said) -> Vec<ClaimDraft> {
        let text = self.text;
        let (tokens, sentence) = (said.tokens, &said.sentence);
        let end = sentence.end;
        let as_at = said.first - 1;
        let rest = said
            .after
            .first()
            .filter(|t| t.text(text) == ",")
            .map(|t| t.end);
        if as_at == 0 {
            return rest
                .and_then(|r| self.draft(r..end, &said.source, said.cue_text))
                .into_iter()
                .collect();
        }
        if tokens[as_at - 1].text(text) != "," {
            return Vec::new();
        }
        let before = sentence.start..tokens[as_at - 1].start;
        let whole = rest
            .filter(|&r| self.continues_clause(self.trim_content(r..end).start))
            .map_or(before.clone(), |_| sentence.start..end);
        self.draft(whole, &said.source, said.cue_text)
            .into_iter()
            .collect()
    }
}

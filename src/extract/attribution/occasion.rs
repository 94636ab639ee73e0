//! The occasion of a closing cue: "C, X said in a brief statement." The phrase after the
//! cue tells where or how it was said; the content is the clause before the subject.
//! Fixture: tests/fixtures/extract/closing-cue-with-occasion.txt.

use crate::extract::lexicon::{CueClass, lower};
use crate::syntax::{Deprel, Model};

use super::Context;
use super::subject::Said;
use super::wordlists::is_tell;

/// Words that open an occasion ("in a statement", "at a rally", "late on Friday").
const OCCASION_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "via", "through", "over", "from", "after", "before", "late",
    "early",
];

impl Context<'_> {
    /// Whether what follows a cue that closes a content ("C, X said …") is only the
    /// occasion of saying: on the tree, no dependent of the cue verb after it is a clause
    /// or (but for the hearer of "told") an object. The tree is asked only when a
    /// preposition opens what follows (after the hearer of "told"), with no "that",
    /// cue, quotation, colon or semicolon in it.
    pub(super) fn occasion_only(&self, said: &Said) -> bool {
        let (tokens, after) = (said.tokens, said.after);
        let word = |i: usize| lower(tokens[i].text(self.text));
        let tell = is_tell(said.cue_text);
        let words: Vec<usize> = (said.cue.last + 1..tokens.len())
            .filter(|&i| tokens[i].is_word())
            .collect();
        let opener = if tell { words.get(1) } else { words.first() };
        // Only verbs of saying: "believe in X", "found in Y" take the phrase as content.
        if said.cue.class != CueClass::Speech
            || words.is_empty()
            || words.len() > 10
            || !opener.is_some_and(|&i| OCCASION_OPENERS.contains(&&*word(i)))
            || after
                .iter()
                .any(|t| self.in_quote(t.start) || matches!(t.text(self.text), ":" | ";"))
            || words.iter().any(|&i| {
                let w = word(i);
                w == "that" || self.lex.cue(&w).is_some()
            })
        {
            return false;
        }
        let forms: Vec<&str> = tokens.iter().map(|t| t.text(self.text)).collect();
        let tree = Model::embedded().analyse(&forms);
        let Some(verb) =
            (said.cue.first..=said.cue.last).find(|&i| tree.upos[i] == crate::syntax::Upos::Verb)
        else {
            return false;
        };
        let hearer = words.first().copied();
        tree.children(verb)
            .filter(|&k| k > said.cue.last)
            .all(|k| match tree.deprel[k] {
                Deprel::Ccomp | Deprel::Xcomp | Deprel::Parataxis | Deprel::Csubj => false,
                Deprel::Obj | Deprel::Iobj => tell && Some(k) == hearer,
                _ => true,
            })
    }
}

//! Speech in a gerund after a preposition, spoken by the subject of the clause it modifies.
//! Example: "Oz was criticised for saying that the extract was a cure" (Oz said it);
//! "After saying the talks had failed, she left the room" (she said it).
//! Fixtures: tests/fixtures/extract/gerund-after-preposition.txt.

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::syntax::{Analysis, Deprel};

use super::parsed::Parsed;
use super::{ClaimDraft, Context, Cue, History};

/// Prepositions a gerund of saying may follow with its speaker the clause subject:
/// "after saying", "by claiming", "for suggesting", "(aside) from saying", "without
/// saying"; not "about saying" or "of saying" (a topic, not a speech act).
const PREPOSITIONS: &[&str] = &[
    "after", "before", "by", "for", "from", "in", "on", "upon", "while", "without", "since",
];

impl Context<'_> {
    /// The claim of a gerund cue after a preposition: its speaker is the subject that
    /// controls it, the subject of the clause it modifies ("He responded by saying …")
    /// or, when the gerund clause opens the sentence, of the clause after its comma
    /// ("After saying …, she …"); its content is the gerund's complement.
    pub(super) fn gerund(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let verb = self.prepositional_gerund(parsed, cue)?;
        let (tokens, words, tree) = (parsed.tokens, &parsed.words, parsed.tree());
        let fronted = tree.head_of(verb).is_none();
        let comma = (verb + 1..words.len()).find(|&i| words[i] == ",");
        let subject = if fronted {
            let comma = comma?;
            (comma + 1..words.len()).find(|&i| is_subject(tree, i))?
        } else {
            controller(tree, verb)?
        };
        if self.in_quote(tokens[subject].start) {
            return None;
        }
        let source = self.tree_source(parsed, subject, history)?;
        let from = cue.last + 1;
        // The complement's whole phrase: "support for X’s “public option”, which …".
        let mut end = tree
            .children(verb)
            .filter(|&k| k > verb && is_complement(tree, k))
            .map(|k| tree.subtree(k).end)
            .max()?;
        if fronted {
            end = end.min(comma?);
        }
        let start = tokens.get(from)?.start;
        let mut end = tokens[end.checked_sub(1)?].end.min(sentence.end);
        // A quotation the content opens closes in it: "announcing that it was “true.”".
        if let Some(q) = self
            .quote_around(end.saturating_sub(1)..end)
            .filter(|q| q.outer.start >= start)
        {
            end = q.outer.end.min(sentence.end);
        }
        self.draft(start..end, &source, &self.text[cue.span.clone()])
    }

    /// The gerund's token when the cue is a one-word gerund of saying or finding with
    /// a clause or an object after it and a preposition of [`PREPOSITIONS`] marking it.
    pub(super) fn prepositional_gerund(&self, parsed: &Parsed, cue: &Cue) -> Option<usize> {
        if cue.first != cue.last || !matches!(cue.class, CueClass::Speech | CueClass::Finding) {
            return None;
        }
        // On the words first: the tree is asked only for "-ing" after a preposition.
        let (words, verb) = (&parsed.words, cue.first);
        let after_preposition =
            (verb.saturating_sub(2)..verb).any(|k| PREPOSITIONS.contains(&&*lower(words[k])));
        if !(words[verb].ends_with("ing") && after_preposition) {
            return None;
        }
        let tree = parsed.tree();
        let gerund = tree.xpos[verb] == "VBG"
            && matches!(
                tree.deprel[verb],
                Deprel::Advcl | Deprel::Root | Deprel::Acl
            );
        let marker = tree.children(verb).find(|&k| {
            k + 3 > verb
                && k < verb
                && matches!(tree.deprel[k], Deprel::Mark | Deprel::Case)
                && PREPOSITIONS.contains(&&*lower(words[k]))
        });
        // "It goes without saying that …": an idiom, nobody's speech.
        let idiom = marker.is_some_and(|k| lower(words[k]) == "without")
            && tree.head_of(verb).is_some_and(|h| tree.lemma[h] == "go");
        let marked = marker.is_some() && !idiom;
        let complement = tree
            .children(verb)
            .any(|k| k > verb && is_complement(tree, k));
        (gerund && marked && complement).then_some(verb)
    }

    /// Whether an earlier cue yields to a prepositional gerund right after it: "responded
    /// by saying C" and "was criticised for saying C" report C through the gerund.
    pub(super) fn yields_to_gerund(&self, parsed: &Parsed, cue: &Cue, cues: &[Cue]) -> bool {
        cues.iter().any(|later| {
            later.first > cue.last
                && later.first <= cue.last + 3
                && self.prepositional_gerund(parsed, later).is_some()
                && parsed
                    .tree()
                    .head_of(later.first)
                    .is_some_and(|h| (cue.first..=cue.last).contains(&h))
        })
    }
}

/// A complement of the gerund: a clause or an object, or any dependent with a subject
/// of its own ("claiming the figures were out of date", whatever its label).
fn is_complement(tree: &Analysis, k: usize) -> bool {
    matches!(tree.deprel[k], Deprel::Ccomp | Deprel::Obj | Deprel::Xcomp)
        || tree.children(k).any(|c| is_subject(tree, c))
}

fn is_subject(tree: &Analysis, i: usize) -> bool {
    matches!(tree.deprel[i], Deprel::Nsubj | Deprel::NsubjPass)
}

/// The subject that controls the gerund at `verb`: the nominal subject of the nearest
/// clause above it ("He refuses to discuss X, aside from saying …": "He").
fn controller(tree: &Analysis, verb: usize) -> Option<usize> {
    let mut cur = tree.head_of(verb)?;
    for _ in 0..4 {
        if let Some(s) = tree.children(cur).find(|&k| is_subject(tree, k)) {
            return Some(s);
        }
        if !matches!(
            tree.deprel[cur],
            Deprel::Xcomp | Deprel::Advmod | Deprel::Advcl | Deprel::Conj
        ) {
            return None;
        }
        cur = tree.head_of(cur)?;
    }
    None
}

//! A subject interrupted before its cue: the speaker is the tree's subject, not a name
//! inside the interruption.
//! Example: "Anders Holm, who watched it with Mayor Ines Dahl, said …" is Anders
//! Holm's claim, not the mayor's.
//! Fixture: tests/fixtures/extract/subject-interrupted-by-clause.txt.

use crate::extract::lexicon::CueClass;
use crate::syntax::Deprel;

use super::parsed::Parsed;
use super::{ClaimDraft, Context, Cue};

impl Context<'_> {
    /// When the claims' source is an actor named inside a stretch set off by commas right
    /// before the cue ("X, who watched … near Y, said"), and the tree makes another
    /// actor named just before that stretch the cue's subject, the claims are that
    /// actor's. The tree is asked only when the sentence has that shape.
    pub(super) fn interrupted_subject(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        claims: &mut [ClaimDraft],
    ) {
        if matches!(
            cue.class,
            CueClass::Passive | CueClass::According | CueClass::Evaluation
        ) || cue.first == 0
            || parsed.words[cue.first - 1] != ","
        {
            return;
        }
        let Some(inner) = claims
            .iter()
            .find_map(|c| c.source.as_ref().and_then(|s| s.actor))
        else {
            return;
        };
        let tokens = parsed.tokens;
        let cue_at = tokens[cue.first].start;
        let sentence_start = tokens.first().map_or(cue_at, |t| t.start);
        let before_cue = || self.actors.mentions_in(sentence_start..cue_at);
        // The inner actor is named after a comma that follows another actor's name.
        let Some(inner_at) = before_cue()
            .filter(|m| m.actor == inner)
            .map(|m| m.start)
            .last()
        else {
            return;
        };
        let opens_interruption = |end: usize| {
            let next = tokens.partition_point(|t| t.start < end);
            parsed.words.get(next) == Some(&",")
        };
        let Some(outer) = before_cue()
            .filter(|m| m.end <= inner_at && m.actor != inner && opens_interruption(m.end))
            .last()
        else {
            return;
        };
        let tree = parsed.tree();
        let verb = parsed.verb(cue);
        let Some(subject) = tree
            .children(verb)
            .find(|&k| tree.deprel[k] == Deprel::Nsubj && k < cue.first)
        else {
            return;
        };
        let subject_in_outer =
            tokens[subject].start >= outer.start && tokens[subject].end <= outer.end;
        if !subject_in_outer || self.in_quote(outer.start) {
            return;
        }
        let source = self.actor_source(outer.actor);
        for c in claims.iter_mut() {
            if c.source.as_ref().and_then(|s| s.actor) == Some(inner) {
                c.source = Some(source.clone());
            }
        }
    }
}

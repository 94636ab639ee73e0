//! A noun of claiming apposed to a clause and the verb that answers it: "…, a charge
//! Kigali denies" is Kigali's denial of the charge.
//! Example: "Congo accuses Rwanda of backing the rebels, a charge Kigali denies."
//! Fixtures: tests/fixtures/extract/claim-noun-denial.txt.

use crate::extract::segment::Token;
use crate::model::ClaimKind;

use super::{ClaimDraft, Context, Cue, History};

impl Context<'_> {
    /// The claims that answer a noun of claiming after a comma (", a charge X denies",
    /// ", an accusation the group has rejected"): the noun phrase is the content, the
    /// words between it and the verb the source, the verb with its adverbs the cue. A
    /// denial already read among `claims` ("…, a claim the rebels denied" over the whole
    /// sentence) gives no second claim.
    pub(super) fn denials(
        &self,
        tokens: &[Token],
        cues: &[Cue],
        claims: &[ClaimDraft],
        history: &History,
    ) -> Vec<ClaimDraft> {
        cues.iter()
            .filter_map(|cue| {
                let comma = self.apposition_before(tokens, cue)?;
                if !self.claim_noun_after(tokens, comma) {
                    return None;
                }
                let (verb_first, _) = self.verb_group_start(tokens, cue);
                let subject = comma + 3..verb_first;
                if subject.is_empty() || subject.len() > 6 {
                    return None;
                }
                let source =
                    self.source(Self::bytes(tokens, subject.start, subject.end), history)?;
                let noun = Self::bytes(tokens, comma + 1, comma + 3);
                let cue_text = &self.text[tokens[verb_first].start..cue.span.end];
                Some(ClaimDraft {
                    span: noun,
                    kind: ClaimKind::Indirect,
                    source: Some(source),
                    cue: Some(cue_text.to_string()),
                })
            })
            .filter(|d| {
                !claims
                    .iter()
                    .any(|c| c.source == d.source && c.cue == d.cue)
            })
            .collect()
    }
}

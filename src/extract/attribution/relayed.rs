//! Relayed speech: "Y quoted X as saying “Q”" is X's claim.
//! Example: "The radio quoted Amir Haddad as saying “the port is shut”."

use std::ops::Range;

use crate::extract::lexicon::lower;
use crate::extract::segment::Token;

use super::{ClaimDraft, Context, History};

impl Context<'_> {
    /// "Y quoted X as saying “Q”": the claim is X's, Y only relays it.
    pub(super) fn relayed(
        &self,
        tokens: &[Token],
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let verb = tokens.iter().position(|t| {
            matches!(
                &*lower(t.text(text)),
                "quoted" | "quotes" | "quote" | "cited" | "cites"
            )
        })?;
        let as_at = (verb + 1..tokens.len().min(verb + 16)).find(|&k| {
            tokens[k].text(text) == "as"
                && tokens.get(k + 1).is_some_and(|t| {
                    matches!(
                        t.text(text),
                        "saying" | "stating" | "telling" | "writing" | "warning"
                    )
                })
        })?;
        let source = self.source(Self::bytes(tokens, verb + 1, as_at), history)?;
        let said = tokens[as_at + 1];
        self.draft(said.end..sentence.end, &source, said.text(text))
    }
}

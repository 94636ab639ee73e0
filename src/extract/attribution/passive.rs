//! Passive reports: "It is believed that C" reports C from a vague source. A raised
//! subject ("The ferry is expected to resume service", "X is said to have fled") and
//! "reportedly" leave the clause the article's own, hedged assertion: nobody is named.
//! Example: "It was reported that the ferry would resume service on Friday."
//! Fixtures: tests/fixtures/extract/it-was-reported.txt, tests/fixtures/extract/raised-passive.txt, tests/fixtures/extract/raised-passive-adverb.txt, tests/fixtures/extract/reportedly-and-coordinated-present.txt.

use std::ops::Range;

use crate::model::SourceKind;

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
}

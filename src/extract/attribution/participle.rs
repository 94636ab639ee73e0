//! Speech through a participle of the sentence subject ("X did A, saying C").
//! Example: "The union called a strike, saying wages had fallen."
//! Fixtures: tests/fixtures/extract/participle-clause-subject.txt, tests/fixtures/extract/participle-second-claim.txt, tests/fixtures/extract/document-participle.txt, tests/fixtures/extract/preposition-before-that.txt, tests/fixtures/extract/cited-reason-or-source.txt.

use std::ops::Range;

use crate::extract::entities::LocalMention;
use crate::extract::lexicon::lower;
use crate::extract::segment::Token;
use crate::extract::tree;
use crate::syntax::{Deprel, Model};

use super::wordlists::{INTRODUCERS, PRONOUNS};
use super::{ClaimDraft, Context, Cue, History};

impl Context<'_> {
    /// "X launched a petition, asking the government to …": the subject of the sentence
    /// speaks through the participle.
    pub(super) fn participle(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        // The clause subject: after an introductory phrase ("During X, Sunak …"), within
        // the first three words.
        let opens_with_intro = tokens
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| INTRODUCERS.contains(&&*lower(t.text(text))));
        let clause_start = if opens_with_intro {
            tokens[..cue.first]
                .iter()
                .position(|t| t.text(text) == ",")
                .map_or(0, |c| c + 1)
        } else {
            0
        };
        let first_words: Vec<&Token> = tokens[clause_start..cue.first]
            .iter()
            .filter(|t| t.is_word())
            .take(3)
            .collect();
        let first = first_words.first()?;
        let first_index = tokens.partition_point(|t| t.start < first.start);
        let limit = first_words.last()?.end;
        // The actor at the head of the clause subject in the tree: "Maria Santos" in
        // "U.N. Secretary-General Maria Santos condemned …, saying …".
        let before = tokens[clause_start].start..tokens[cue.first].start;
        let tree = std::cell::OnceCell::new();
        let subject = || {
            let tree = tree.get_or_init(|| {
                let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
                Model::embedded().analyse(&words)
            });
            tree::clause_subject(tree, cue.first)
                .filter(|&k| k >= clause_start && k < cue.first)
                .map(|k| {
                    // The phrase up to a relative clause or comma after its head.
                    let span = tree.subtree(k);
                    let end = tree
                        .children(k)
                        .filter(|&c| {
                            c > k
                                && matches!(
                                    tree.deprel[c],
                                    Deprel::AclRelcl | Deprel::Acl | Deprel::Punct
                                )
                        })
                        .map(|c| tree.subtree(c).start)
                        .min()
                        .unwrap_or(span.end);
                    (k, span.start..end)
                })
        };
        let head_mention = if self.actors.mentions_in(before).next().is_some() {
            subject()
                .and_then(|(k, _)| self.actors.mention_at(tokens[k].start))
                .map(|m| self.name_phrase_end(m))
        } else {
            None
        };
        // "The army withdrew, saying …": the subject phrase on the tree when it opens the
        // clause, else read from the words.
        let subject_phrase = || {
            subject()
                .filter(|(_, span)| span.start == first_index && span.end <= cue.first)
                .and_then(|(_, span)| self.subject_phrase(&tokens[span], history))
                .or_else(|| self.subject_phrase(&tokens[clause_start..cue.first], history))
        };
        let source = match head_mention.or_else(|| {
            self.actors
                .mentions
                .iter()
                .find(|m| m.start >= first.start && m.start < limit)
        }) {
            Some(m) if !self.in_quote(m.start) => self.actor_source(m.actor),
            _ => {
                let w = first.text(text).to_lowercase();
                if PRONOUNS.contains(&w.as_str()) {
                    self.pronoun(&w, first.start, history)?
                } else {
                    subject_phrase()?
                }
            }
        };
        // "…, saying without evidence that C": the content opens after "that".
        let after = &tokens[cue.last + 1..];
        let start = self
            .that_at(after, false, false)
            .map_or(cue.span.end, |p| after[p].end);
        self.draft(start..sentence.end, &source, &text[cue.span.clone()])
    }

    /// The last name of the noun phrase a name opens: "Maria Santos" for "U.N." in
    /// "U.N. Secretary-General Maria Santos", where only capitalised title words lie
    /// between the names (a mistagged name can split the phrase in the tree).
    fn name_phrase_end<'m>(&'m self, m: &'m LocalMention) -> &'m LocalMention {
        let mut last = m;
        let after = self.actors.mentions.partition_point(|n| n.start < m.end);
        for next in &self.actors.mentions[after..] {
            let between = &self.text[last.end..next.start];
            let titles = between
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
            if !titles || between.contains('\n') || between.len() > 40 {
                break;
            }
            last = next;
        }
        last
    }
}

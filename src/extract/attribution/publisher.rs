//! The publisher of a document: "a report published by X", "the statement" referring back.
//! Example: "A study published by the Lake Institute found that …"
//! Fixtures: tests/fixtures/extract/publishers-and-undefined-acronyms.txt, tests/fixtures/extract/places-letters-police.txt, tests/fixtures/extract/publisher-of-earlier-document.txt, tests/fixtures/extract/publishers-described.txt.

use std::ops::Range;

use crate::extract::segment::tokenize;
use crate::extract::tree;
use crate::syntax::Model;

use super::{Context, History};

impl Context<'_> {
    /// The publisher of the document a definite description ("the statement") refers
    /// back to: the last earlier sentence, within the last two paragraphs, that names
    /// such a document ("X said in a statement", "X, in a statement, put …"); its
    /// publisher is the actor the document's phrase names after "by" or "from", else
    /// the one named in the subject of the verb the document noun hangs from.
    pub(super) fn earlier_publisher(
        &self,
        noun: &str,
        at: usize,
        history: &History,
    ) -> Option<usize> {
        let para = self.paragraph_of(at);
        let first = self.sentences.partition_point(|s| s.end <= at);
        self.sentences[..first].iter().rev().find_map(|s| {
            if self.paragraph_of(s.start) + 2 < para {
                return Some(None);
            }
            let tokens = tokenize(self.text, s.clone());
            let words: Vec<&str> = tokens.iter().map(|t| t.text(self.text)).collect();
            let n = words.iter().rposition(|w| w.eq_ignore_ascii_case(noun))?;
            let tree = Model::embedded().analyse(&words);
            // "according to a report by Amnesty International": the publisher the
            // document's own phrase names.
            let own = tree.subtree(n);
            let own = tokens[own.start].start..tokens[own.end - 1].end;
            if let Some(from) = self.publisher_marker(own.clone()) {
                let end = self.before_addressee(from, own.end);
                if let Some(m) = self.actors.mentions_in(from..end).next() {
                    return Some(Some(m.actor));
                }
            }
            // Without a subject on the tree ("On Thursday, the X Commission (XC) said in
            // a report", parsed as an apposition), the words before the noun hold it.
            let head = tree::clause_subject(&tree, n);
            let subject = match head {
                Some(subject) => Some(tree.subtree(subject)),
                None => (n > 0).then_some(0..n),
            };
            // "Richard Bennett, the UN Special Rapporteur …, said in a report": the name
            // that heads the subject, not one in its apposition.
            if let Some(m) = head.and_then(|h| self.actors.mention_at(tokens[h].start)) {
                return Some(Some(m.actor));
            }
            Some(subject.and_then(|r| {
                let span = tokens[r.start].start..tokens[r.end - 1].end;
                // Overlapping, not inside: a mistagged first word can fall outside.
                let i = self
                    .actors
                    .mentions
                    .partition_point(|m| m.end <= span.start);
                // The last name that is not a place after the head ("… bureau in Chad"),
                // before an addressee ("a letter from X to the Security Council").
                let end = self
                    .publisher_marker(span.clone())
                    .map_or(span.end, |from| self.before_addressee(from, span.end));
                let named: Vec<_> = self.actors.mentions[i..]
                    .iter()
                    .take_while(|m| m.start < end)
                    .collect();
                named
                    .iter()
                    .rfind(|m| !self.placed(m.start))
                    .or(named.last())
                    .map(|m| m.actor)
                    // "In its latest update, the mission documented …": a description.
                    .or_else(|| self.source(span.start..end, history)?.actor)
            }))
        })?
    }

    /// Where the publisher named from byte `from` ends, at `end` or before an addressee:
    /// "a letter from X to the Security Council".
    pub(super) fn before_addressee(&self, from: usize, end: usize) -> usize {
        self.text[from..end]
            .find(" to ")
            .map_or(end, |to| from + to)
    }

    /// Byte offset after "published by", "by", "from" in `r`, where a publisher follows
    /// ("seen by" and "obtained by" name no publisher).
    pub(super) fn publisher_marker(&self, r: Range<usize>) -> Option<usize> {
        let phrase = self.text[r.clone()].to_lowercase();
        let at = [" by ", " from "]
            .iter()
            .filter_map(|m| phrase.find(m).map(|i| (i, m.len())))
            .min()?;
        let before = &phrase[..at.0];
        (!before.ends_with("seen") && !before.ends_with("obtained"))
            .then_some(r.start + at.0 + at.1)
    }
}

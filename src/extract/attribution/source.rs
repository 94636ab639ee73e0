//! Building a source from a noun phrase: a name, a document, a vague or anonymous phrase,
//! a definite description or an unnamed plural.
//! Example: "a security source", "officials in Lagos", "a report by the Lake Institute".

use std::ops::Range;

use crate::extract::segment::{Token, tokenize};
use crate::model::{ActorKind, SourceKind};

use super::wordlists::{
    DETERMINERS, HEAD_ENDS, INTRODUCERS, NOUN_MARKERS, PRONOUNS, VERBS_IN_CLAUSES,
};
use super::{Context, History, SourceDraft};

/// Nouns that make a source a document.
#[rustfmt::skip]
const DOCUMENT_NOUNS: &[&str] = &[
    "report", "study", "statement", "survey", "document", "communique", "communiqué", "video",
    "letter", "investigation", "analysis", "audit", "poll", "research", "ruling", "memo",
    "assessment", "paper", "review", "filing", "complaint", "post", "message", "footage",
    "recording", "audio", "press release", "release", "bulletin", "data", "figures", "slide",
    "chart", "graph", "graphic", "map", "tweet", "lawsuit", "indictment", "verdict",
];

impl Context<'_> {
    /// The source a noun phrase names, if it names one. In order: a pronoun; a phrase
    /// ending in a name ("Minister of Education Stefania Giannini"); a document ("a study
    /// published by X"); an unnamed vague or anonymous phrase ("officials in Mali", "a
    /// security source"); a definite description ("the group"); the actor modifying the
    /// head ("The African Union force in Somalia"); an unnamed plural ("Republicans").
    pub(super) fn source(&self, r: Range<usize>, history: &History) -> Option<SourceDraft> {
        let tokens = tokenize(self.text, r.clone());
        let word_tokens: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
        let words = self.words(&tokens);
        if words.is_empty() || words.len() > 14 {
            return None;
        }
        if words.len() == 1 && PRONOUNS.contains(&words[0].as_str()) {
            return self.pronoun(&words[0], r.start, history);
        }
        // A clause, not a noun phrase: "It is also encouraging citizens to".
        // A finite verb makes a clause; "to be published" does not.
        let clause = word_tokens.iter().enumerate().any(|(i, t)| {
            VERBS_IN_CLAUSES.contains(&t.text(self.text))
                && (i == 0 || word_tokens[i - 1].text(self.text) != "to")
        });
        if clause || words.last().is_some_and(|w| w == "to") {
            return None;
        }
        let phrase = self.text[r.clone()].trim();
        let plain_phrase = phrase
            .strip_prefix("both ")
            .or_else(|| phrase.strip_prefix("Both "))
            .unwrap_or(phrase)
            .to_string();
        let unnamed = |kind| {
            Some(SourceDraft {
                name: plain_phrase.clone(),
                kind,
                actor: None,
                description: None,
            })
        };
        let skipped = words
            .iter()
            .take_while(|w| DETERMINERS.contains(&w.as_str()))
            .count();
        let determiner = (skipped > 0).then(|| words[0].as_str());
        let content_words = &words[skipped..];
        let head_end = content_words
            .iter()
            .position(|w| HEAD_ENDS.contains(&w.as_str()))
            .unwrap_or(content_words.len());
        let head_byte = word_tokens
            .get(skipped + head_end)
            .map_or(r.end, |t| t.start);
        let head = content_words[..head_end]
            .last()
            .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").to_string());
        let mentions: Vec<_> = self.actors.mentions_in(r.clone()).copied().collect();
        let phrase_end = word_tokens.last().map_or(r.end, |t| t.end);

        // "Mali Defense Ministry spokesman Boubacar Diallo", "… and South Korea".
        if let Some(m) = mentions.last().filter(|m| m.end >= phrase_end) {
            let before = self.text[r.start..m.start].trim_end();
            let before_word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
            let person = self.actors.actors[m.actor].kind == ActorKind::Person;
            if person || before.is_empty() || before_word == "and" {
                return Some(self.actor_source(m.actor));
            }
        }
        let head = head?;
        // "Another 19 percent", "Nearly eight of 10 voters": a share of people.
        let numeric = mentions.is_empty()
            && (content_words.iter().any(|w| w == "percent" || w == "%")
                || content_words
                    .windows(2)
                    .any(|w| w[0] == "of" && w[1].starts_with(|c: char| c.is_ascii_digit())));
        if numeric {
            return unnamed(SourceKind::Vague);
        }
        if DOCUMENT_NOUNS.contains(&head.as_str()) {
            // "a study published by Senegal’s Timbuktu Institute": the last name after
            // "by"; else a possessor before the head ("the institute's report").
            let publisher = match self.publisher_marker(r.clone()) {
                Some(after_by) => mentions.iter().rev().find(|m| m.start >= after_by),
                None => mentions.iter().rev().find(|m| m.start < head_byte),
            }
            .map(|m| m.actor);
            let description: Vec<&str> = content_words[..head_end]
                .iter()
                .map(String::as_str)
                .filter(|w| !matches!(*w, "recent" | "new" | "latest"))
                .collect();
            return Some(match publisher {
                Some(a) => SourceDraft {
                    name: self.actors.actors[a].name.clone(),
                    kind: SourceKind::Document,
                    actor: Some(a),
                    description: Some(description.join(" ")),
                },
                None => match determiner
                    .filter(|d| matches!(*d, "the" | "this" | "that"))
                    .and_then(|_| self.earlier_publisher(&head, r.start))
                {
                    Some(a) => SourceDraft {
                        name: self.actors.actors[a].name.clone(),
                        kind: SourceKind::Document,
                        actor: Some(a),
                        description: Some(head.clone()),
                    },
                    None => SourceDraft {
                        name: plain_phrase,
                        kind: SourceKind::Document,
                        actor: None,
                        description: None,
                    },
                },
            });
        }
        let head_named = mentions.iter().any(|m| {
            let t = self.text[m.start..m.end].to_lowercase();
            t.ends_with(&head) || t.contains(&format!("{head} "))
        });
        // "those close to him", "people familiar with the matter": a vague phrase.
        let vague_phrase =
            (2..=words.len().min(5)).any(|n| self.lex.vague.contains(&words[..n].join(" ")));
        if !head_named {
            if self.lex.vague.contains(&head) || (vague_phrase && mentions.is_empty()) {
                return unnamed(SourceKind::Vague);
            }
            if determiner == Some("the")
                && content_words.len() <= 3
                && let Some(s) = self.anaphor(&head, r.start, history)
            {
                return Some(s);
            }
            let role = self.lex.anonymous.contains(&head) || self.lex.roles.contains(&head);
            if role && (determiner != Some("the") || mentions.is_empty()) {
                return unnamed(SourceKind::Anonymous);
            }
            if let Some(m) = mentions.iter().rev().find(|m| m.start < head_byte) {
                return Some(self.actor_source(m.actor));
            }
            if !mentions.is_empty() {
                return unnamed(SourceKind::Anonymous);
            }
            let plural = (head.ends_with('s') && !head.ends_with("ss") && head.len() > 3)
                || head.ends_with("men")
                || head == "people";
            let definite = matches!(
                determiner,
                Some("the" | "this" | "that" | "these" | "those")
            );
            if plural && !definite && content_words.len() <= 6 {
                return unnamed(SourceKind::Vague);
            }
            // A name the actor finder did not know ("PolitiFact says").
            let capitalised = word_tokens[skipped..]
                .iter()
                .all(|t| t.text(self.text).starts_with(char::is_uppercase))
                && !content_words
                    .iter()
                    .any(|w| NOUN_MARKERS.contains(&w.as_str()));
            // "However", "Meanwhile": a linking adverb, not a name.
            let linking = content_words.len() == 1
                && (INTRODUCERS.contains(&content_words[0].as_str())
                    || matches!(
                        content_words[0].as_str(),
                        "therefore" | "thus" | "moreover" | "instead" | "indeed" | "also"
                    ));
            if capitalised && determiner.is_none() && content_words.len() <= 3 && !linking {
                let one_word = content_words.len() == 1;
                let w = word_tokens[skipped].text(self.text);
                let org = w.chars().skip(1).any(char::is_uppercase)
                    || (one_word && !self.known_surname(w));
                return Some(SourceDraft {
                    name: plain_phrase,
                    kind: if org {
                        SourceKind::Organization
                    } else {
                        SourceKind::Person
                    },
                    actor: None,
                    description: None,
                });
            }
            // "The campaign says": a specific body the article does not name; "her
            // lawyer said", "my father said": a person named by a relation.
            let possessor = matches!(
                words[0].as_str(),
                "my" | "his" | "her" | "their" | "our" | "your"
            );
            if (determiner == Some("the") || possessor) && content_words.len() <= 3 {
                // "The council said": a body the article does not name.
                let title = |w: &str| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                };
                let body = !possessor
                    && matches!(
                        self.lex.org_heads.get(&title(&head)),
                        Some(ActorKind::Organization)
                    );
                return unnamed(if body {
                    SourceKind::Organization
                } else {
                    SourceKind::Anonymous
                });
            }
            return None;
        }
        mentions.last().map(|m| self.actor_source(m.actor))
    }

    /// The source an "according to" phrase names when [`Self::source`] knows none of its
    /// words: a document, a named body, or a vague phrase, by its words.
    pub(super) fn named_phrase(&self, r: Range<usize>) -> Option<SourceDraft> {
        let phrase = self.text[r].trim().trim_end_matches(['.', ',', ';']);
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.is_empty() || words.len() > 24 {
            return None;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let kind = if lower.iter().any(|w| DOCUMENT_NOUNS.contains(&w.as_str())) {
            SourceKind::Document
        } else if words
            .iter()
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
        {
            SourceKind::Organization
        } else {
            SourceKind::Vague
        };
        Some(SourceDraft {
            name: phrase.to_string(),
            kind,
            actor: None,
            description: None,
        })
    }

    /// Whether a single capitalised word is the surname of a person named in the article.
    fn known_surname(&self, word: &str) -> bool {
        self.actors
            .actors
            .iter()
            .any(|a| a.kind == ActorKind::Person && a.name.rsplit(' ').next() == Some(word))
    }

    pub(super) fn actor_source(&self, actor: usize) -> SourceDraft {
        let a = &self.actors.actors[actor];
        SourceDraft {
            name: a.name.clone(),
            kind: a.kind.source_kind(),
            actor: Some(actor),
            description: None,
        }
    }
}

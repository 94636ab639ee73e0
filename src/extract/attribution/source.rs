//! Building a source from a noun phrase: a name, a document, a vague or anonymous phrase,
//! a definite description or an unnamed plural.
//! Example: "a security source", "officials in Lagos", "a report by the Lake Institute".
//! Fixtures: tests/fixtures/extract/demonstrative-plural-source.txt, tests/fixtures/extract/body-with-place.txt, tests/fixtures/extract/state-broadcaster.txt, tests/fixtures/extract/possessive-body.txt, tests/fixtures/extract/postnominal-adjective.txt, tests/fixtures/extract/body-in-capital.txt, tests/fixtures/extract/postnominal-participle.txt, tests/fixtures/extract/relay-participle-on-subject.txt, tests/fixtures/extract/anonymous-referred-back.txt, tests/fixtures/extract/places-letters-police.txt, tests/fixtures/extract/publishers-described.txt, tests/fixtures/extract/datelines-and-descriptions.txt, tests/fixtures/extract/group-through-its-fighters.txt, tests/fixtures/extract/decrees-and-estimates.txt, tests/fixtures/extract/long-publishers-and-acronyms.txt.

use std::ops::Range;

use crate::extract::entities::{LocalMention, is_acronym};
use crate::extract::lexicon::lower;
use crate::extract::segment::{Token, tokenize};
use crate::model::{ActorKind, SourceKind};

use super::antecedent::body_anaphor_kinds;
use super::wordlists::{
    AUXILIARIES, DETERMINERS, HEAD_ENDS, INTRODUCERS, NOUN_MARKERS, PRONOUNS, VERBS_IN_CLAUSES,
    is_part_quantity, is_time_phrase, starts_upper,
};
use super::{Context, History, SourceDraft};

/// Nouns that make a source a document.
#[rustfmt::skip]
const DOCUMENT_NOUNS: &[&str] = &[
    "report", "study", "statement", "survey", "document", "communique", "communiqué", "video",
    "letter", "investigation", "analysis", "audit", "poll", "research", "ruling", "memo",
    "assessment", "paper", "review", "filing", "complaint", "post", "message", "footage",
    "recording", "audio", "press release", "release", "bulletin", "data", "figures", "slide",
    "chart", "graph", "graphic", "map", "tweet", "lawsuit", "indictment", "verdict", "email",
    "transcript", "update", "dossier", "tally", "decree", "directive", "estimate", "estimates",
    "findings", "resolution", "advisory", "notice",
];

/// The kind of an unnamed part of a group: one person ("one of the doctors") is
/// anonymous, more ("some of the residents") are vague.
pub(super) fn part_kind(quantity: &str) -> SourceKind {
    if matches!(quantity, "one" | "each") {
        SourceKind::Anonymous
    } else {
        SourceKind::Vague
    }
}

/// Whether the head of a noun phrase is plural: "officials", "gunmen", "people".
fn plural_head(head: &str) -> bool {
    (head.ends_with('s') && !head.ends_with("ss") && head.len() > 3)
        || head.ends_with("men")
        || head == "people"
}

/// Whether a word (a lemma, or a form in lower case) is a document noun.
pub(super) fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.contains(&word)
}

/// Nouns of bodies that a body's name follows in close apposition ("the monitoring group
/// Airwars", "the state news agency NNA").
#[rustfmt::skip]
const BODY_NOUNS_BEFORE_NAMES: &[&str] = &[
    "group", "militia", "faction", "organisation", "organization", "agency", "monitor",
    "institute", "network", "movement", "party", "coalition", "alliance", "outlet",
    "broadcaster", "newspaper", "daily", "channel", "website", "charity", "foundation",
];

/// Adjectives that follow the noun of a source and take a preposition: "sources
/// familiar with", "officials close to", "fighters loyal to".
#[rustfmt::skip]
const POSTNOMINAL_ADJECTIVES: &[&str] = &[
    "familiar", "close", "loyal", "opposed", "linked", "allied", "affiliated", "sympathetic",
    "knowledgeable", "privy", "aware", "briefed", "involved", "critical", "friendly",
];

impl Context<'_> {
    /// The source a noun phrase names, if it names one. In order: a pronoun; a phrase
    /// ending in a name ("Minister of Education Stefania Giannini"); a document ("a study
    /// published by X"); an unnamed vague or anonymous phrase ("officials in Mali", "a
    /// security source"); a definite description ("the group"); the actor modifying the
    /// head ("The African Union force in Somalia"); an unnamed plural ("Republicans").
    pub(super) fn source(&self, r: Range<usize>, history: &History) -> Option<SourceDraft> {
        let mut tokens = tokenize(self.text, r.clone());
        // "A militant group linked to al-Qaeda on Thursday": a phrase of time closing the
        // subject is the saying's.
        let mut r = r;
        if let [.., on, day] = tokens.as_slice()
            && tokens.len() > 2
            && is_time_phrase(&lower(on.text(self.text)), &lower(day.text(self.text)))
        {
            r = r.start..tokens[tokens.len() - 3].end;
            tokens.truncate(tokens.len() - 2);
        }
        // "the Office of the UN High Commissioner for Refugees (UNHCR)": the acronym in
        // brackets after a name repeats it (the actor named there goes by it).
        if let [.., name, open, acronym, close] = tokens.as_slice()
            && open.text(self.text) == "("
            && close.text(self.text) == ")"
            && is_acronym(acronym.text(self.text))
            && self
                .actors
                .mentions_in(r.start..name.end)
                .last()
                .filter(|m| m.end == name.end)
                .is_some_and(|m| {
                    let a = &self.actors.actors[m.actor];
                    let acronym = acronym.text(self.text);
                    a.name == acronym || a.aliases.iter().any(|x| x == acronym)
                })
        {
            r = r.start..name.end;
            tokens.truncate(tokens.len() - 3);
        }
        let words = self.words(&tokens);
        // "A Western diplomat who asked not to be named because he was not authorized to
        // speak publicly": an anonymity phrase makes a long source.
        if words.is_empty() || words.len() > 24 {
            return None;
        }
        if words.len() == 1 && PRONOUNS.contains(&words[0].as_str()) {
            return self.pronoun(&words[0], r.start, history);
        }
        let word_tokens: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
        // Fourteen words at most and no clause, besides an anonymity phrase ("because he
        // was not authorized to" makes no clause of the phrase).
        // "a report released last month by the Office of the U.N. High Commissioner for
        // Human Rights": a document and its publisher after "by" make a long phrase.
        let published = || {
            self.publisher_marker(r.clone()).is_some_and(|by| {
                words.len() <= 24
                    && words
                        .iter()
                        .take(4)
                        .any(|w| is_document_noun(w) || is_document_noun(w.trim_end_matches('s')))
                    && tokens.iter().all(|t| {
                        t.start >= by || !t.is_word() || {
                            let w = lower(t.text(self.text));
                            !AUXILIARIES.contains(&&*w)
                        }
                    })
            })
        };
        if (words.len() > 14 || self.is_clause(&word_tokens, &words))
            && !self.clear_of_anonymity(&tokens, &words)
            && !published()
        {
            return None;
        }
        if let Some(s) = self.partitive(&r, &word_tokens, &words, history) {
            return Some(s);
        }
        let p = self.phrase(r, word_tokens, words);
        if let Some(s) = self.name_at_end(&p) {
            return Some(s);
        }
        let head = p.head.as_deref()?;
        if p.numeric() {
            return Some(p.unnamed(SourceKind::Vague));
        }
        // "Estimates suggest": bare estimates nobody published are as vague as "reports";
        // "U.N. estimates" are the UN's document.
        if head == "estimates" && p.mentions.is_empty() && p.determiner().is_none() {
            return Some(p.unnamed(SourceKind::Vague));
        }
        if DOCUMENT_NOUNS.contains(&head) {
            return Some(self.document_source(&p, head, history));
        }
        let head_named = p.mentions.iter().any(|m| {
            let t = self.text[m.start..m.end].to_lowercase();
            t.ends_with(head) || t.contains(&format!("{head} "))
        });
        if head_named {
            // The last name that is not a place after the head ("The Office of the …
            // bureau in Chad").
            return p
                .mentions
                .iter()
                .rfind(|m| !self.placed(m.start))
                .or(p.mentions.last())
                .map(|m| self.actor_source(m.actor));
        }
        self.described_source(&p, head, history)
    }

    /// Whether the phrase's words outside its anonymity phrases are fourteen at most and
    /// make no clause.
    fn clear_of_anonymity(&self, tokens: &[Token], words: &[String]) -> bool {
        let mut outside: Vec<&Token> = Vec::new();
        let mut k = 0;
        while k < tokens.len() {
            match self.anonymity_span(tokens, k) {
                Some(end) => k = end,
                None => {
                    if tokens[k].is_word() {
                        outside.push(&tokens[k]);
                    }
                    k += 1;
                }
            }
        }
        outside.len() < words.len() && outside.len() <= 14 && !self.is_clause(&outside, words)
    }

    /// "One of the doctors", "some of the residents", "two of his aides", "most of them":
    /// a part of the people the phrase after "of" names, itself unnamed: one person is anonymous, more
    /// are vague.
    fn partitive(
        &self,
        r: &Range<usize>,
        word_tokens: &[&Token],
        words: &[String],
        history: &History,
    ) -> Option<SourceDraft> {
        let quantity = words.first()?.as_str();
        let partitive = words.len() >= 3 && words[1] == "of" && is_part_quantity(quantity);
        if !partitive {
            return None;
        }
        // "most of them": a pronoun names the whole, which need not be resolved.
        let pronoun = words.len() == 3 && matches!(words[2].as_str(), "them" | "us" | "those");
        if !pronoun {
            self.source(word_tokens[2].start..r.end, history)?;
        }
        let kind = part_kind(quantity);
        Some(SourceDraft {
            name: self.text[r.clone()].trim().to_string(),
            kind,
            actor: None,
            description: None,
        })
    }

    /// A clause, not a noun phrase: "It is also encouraging citizens to", "they meet
    /// donors". A finite verb makes a clause ("to be published" does not), and so does a
    /// subject pronoun followed by more words: it never opens a noun phrase.
    fn is_clause(&self, word_tokens: &[&Token], words: &[String]) -> bool {
        let finite = word_tokens.iter().enumerate().any(|(i, t)| {
            VERBS_IN_CLAUSES.contains(&t.text(self.text))
                && (i == 0 || word_tokens[i - 1].text(self.text) != "to")
        });
        let subject_pronoun = words.len() > 1
            && (PRONOUNS.contains(&words[0].as_str()) || matches!(words[0].as_str(), "i" | "you"));
        finite || subject_pronoun || words.last().is_some_and(|w| w == "to")
    }

    /// Reads a noun phrase: determiner, head and the actors named in it.
    fn phrase<'t>(
        &self,
        r: Range<usize>,
        word_tokens: Vec<&'t Token>,
        words: Vec<String>,
    ) -> Phrase<'t> {
        let text = self.text[r.clone()].trim();
        let plain = text
            .strip_prefix("both ")
            .or_else(|| text.strip_prefix("Both "))
            .unwrap_or(text)
            .to_string();
        let skipped = words
            .iter()
            .take_while(|w| DETERMINERS.contains(&w.as_str()))
            .count();
        let content_words = &words[skipped..];
        // The head ends before a preposition or relative word, a place adverb ("a doctor
        // there") or a participle after the noun ("residents fleeing the fighting").
        // "a resident reached by phone", "a man wounded in the attack": a past
        // participle with its phrase.
        let past_with_phrase = |i: usize, w: &str| {
            w.len() > 4
                && w.ends_with("ed")
                && content_words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.as_str(), "by" | "in" | "at" | "on" | "from"))
        };
        let postnominal_participle = |i: usize, w: &str| {
            i >= 1
                && (w.len() > 5 && w.ends_with("ing") || past_with_phrase(i, w))
                // "a militant group calling itself X" is named by what follows.
                && !matches!(w, "calling" | "naming" | "styling" | "dubbing")
                && self.lex.cue(w).is_none()
                && !content_words[i - 1].ends_with("'s")
                && !content_words[i - 1].ends_with("’s")
                && word_tokens
                    .get(skipped + i)
                    .is_some_and(|t| !t.text(self.text).starts_with(char::is_uppercase))
        };
        let mut head_end = content_words
            .iter()
            .enumerate()
            .position(|(i, w)| {
                HEAD_ENDS.contains(&w.as_str())
                    || (i >= 1 && matches!(w.as_str(), "there" | "here"))
                    || postnominal_participle(i, w)
            })
            .unwrap_or(content_words.len());
        // "sources familiar with the talks", "officials close to the president": an
        // adjective after the noun, before its preposition, is no head.
        if head_end >= 2 && POSTNOMINAL_ADJECTIVES.contains(&content_words[head_end - 1].as_str()) {
            head_end -= 1;
        }
        let head_byte = word_tokens
            .get(skipped + head_end)
            .map_or(r.end, |t| t.start);
        let head = content_words[..head_end]
            .last()
            .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").to_string());
        let mentions = self.actors.mentions_in(r.clone()).copied().collect();
        Phrase {
            r,
            word_tokens,
            words,
            plain,
            skipped,
            head_end,
            head_byte,
            head,
            mentions,
        }
    }

    /// "Mali Defense Ministry spokesman Boubacar Diallo", "… and South Korea": a phrase
    /// ending in a person's name, or in any name with nothing or "and" before it.
    fn name_at_end(&self, p: &Phrase) -> Option<SourceDraft> {
        let phrase_end = p.word_tokens.last().map_or(p.r.end, |t| t.end);
        let m = p.mentions.last().filter(|m| m.end >= phrase_end)?;
        let before = self.text[p.r.start..m.start].trim_end();
        let before_word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
        let person = self.actors.actors[m.actor].kind == ActorKind::Person;
        // "U.S.-based intelligence group SITE", "the militia Ansar Dine": a noun of
        // bodies right before a body's name is apposed to it.
        let typed = !person && BODY_NOUNS_BEFORE_NAMES.contains(&before_word.as_str());
        (person || typed || before.is_empty() || before_word == "and")
            .then(|| self.actor_source(m.actor))
    }

    /// A document: "a study published by Senegal’s Timbuktu Institute" (the last name
    /// after "by"), "the institute's report" (a possessor before the head), "the
    /// statement" (the publisher of an earlier one), else the phrase alone.
    fn document_source(&self, p: &Phrase, head: &str, history: &History) -> SourceDraft {
        let marker = self.publisher_marker(p.r.clone());
        // "a letter from Eritrea's foreign ministry to the U.N. Security Council": the
        // publisher is named before the addressee.
        let publisher = match marker {
            Some(after_by) => {
                let end = self.before_addressee(after_by, p.r.end);
                p.mentions
                    .iter()
                    .rev()
                    .find(|m| m.start >= after_by && m.start < end)
            }
            None => p.mentions.iter().rev().find(|m| m.start < p.head_byte),
        }
        .map(|m| m.actor)
        // "a statement from the military government": a description of the publisher,
        // resolved as a source.
        .or_else(|| {
            let after_by = marker?;
            self.source(after_by..p.r.end, history)?.actor
        })
        // "The agency’s latest update": a described possessor, resolved as a source.
        .or_else(|| self.source(self.possessor(p)?, history)?.actor);
        let description: Vec<&str> = p.content_words()[..p.head_end]
            .iter()
            .map(String::as_str)
            .filter(|w| !matches!(*w, "recent" | "new" | "latest"))
            .collect();
        let document = |a: usize, description: String| SourceDraft {
            name: self.actors.actors[a].name.clone(),
            kind: SourceKind::Document,
            actor: Some(a),
            description: Some(description),
        };
        match publisher {
            Some(a) => document(a, description.join(" ")),
            None => match p
                .determiner()
                .filter(|d| matches!(*d, "the" | "this" | "that"))
                .and_then(|_| self.earlier_publisher(head, p.r.start, history))
            {
                Some(a) => document(a, head.to_string()),
                // "X said it had struck …. “Q,” the statement said": with no document
                // named before, a statement is the last speaker's, of this paragraph or
                // the one before (a survey or a report may be anyone's).
                None => match history
                    .recent(self.paragraph_of(p.r.start))
                    .filter(|s| {
                        s.kind != SourceKind::Document
                            && p.determiner() == Some("the")
                            && matches!(
                                head,
                                "statement" | "communique" | "communiqué" | "release" | "message"
                            )
                    })
                    .and_then(|s| s.actor)
                {
                    Some(a) => document(a, head.to_string()),
                    None => p.unnamed(SourceKind::Document),
                },
            },
        }
    }

    /// A phrase whose head names no actor: a vague phrase ("those close to him"), a
    /// definite description ("the group"), a role ("a security source"), the actor
    /// modifying the head ("The African Union force"), an unnamed plural
    /// ("Republicans"), a name the actor finder did not know, or a body or relation
    /// the article does not name.
    fn described_source(&self, p: &Phrase, head: &str, history: &History) -> Option<SourceDraft> {
        if let Some(s) = self.referring_description(p, head, history) {
            return Some(s);
        }
        // "The junta’s information team denied": a body of a described body speaks for it.
        if p.mentions.is_empty()
            && (self.body_head(head) || matches!(head, "team" | "unit" | "wing" | "cell"))
            && let Some(a) = self
                .possessor(p)
                .and_then(|r| self.source(r, history))
                .and_then(|s| s.actor)
        {
            return Some(self.actor_source(a));
        }
        let content_words = p.content_words();
        let determiner = p.determiner();
        // "Her office said": the office speaks for the person.
        if let [owner, office] = content_words
            && office == "office"
            && matches!(owner.as_str(), "his" | "her")
        {
            let pronoun = if owner == "his" { "he" } else { "she" };
            return self.pronoun(pronoun, p.r.start, history);
        }
        let role = self.lex.anonymous.contains(head) || self.lex.roles.contains(head);
        if role
            && determiner == Some("the")
            && let Some(a) = self.person_named_after(&p.r, head)
        {
            return Some(self.actor_source(a));
        }
        if role
            && determiner == Some("the")
            && let Some(s) = history.unnamed_with_head(head)
        {
            return Some(s);
        }
        if role && (determiner != Some("the") || p.mentions.is_empty()) {
            return Some(p.unnamed(SourceKind::Anonymous));
        }
        if matches!(determiner, Some("a" | "an"))
            && let Some(a) = self.named_after(&p.r, head)
        {
            return Some(self.actor_source(a));
        }
        // "The African Union force": the actor modifying the head; "a UN-backed monitor"
        // is backed by it, not it.
        if let Some(m) = p
            .mentions
            .iter()
            .rev()
            .find(|m| m.start < p.head_byte && !self.text[m.end..].starts_with('-'))
        {
            return Some(self.actor_source(m.actor));
        }
        // "The foreign ministry of Mali", "the army in Bamako": a body of the state
        // named after its head speaks for the state.
        if self.body_head(head)
            && let Some(m) = p.mentions.iter().find(|m| {
                m.start >= p.head_byte && self.actors.actors[m.actor].kind == ActorKind::State
            })
        {
            return Some(self.actor_source(m.actor));
        }
        // "Voters", "these voters", "the rebels", "fighters of the X": an unnamed plural.
        // A singular demonstrative ("this news") makes no plural.
        let plural = plural_head(head) && !matches!(determiner, Some("this" | "that"));
        if plural && content_words.len() <= 6 {
            return Some(p.unnamed(SourceKind::Vague));
        }
        if !p.mentions.is_empty() {
            return Some(p.unnamed(SourceKind::Anonymous));
        }
        self.unknown_name(p).or_else(|| self.unnamed_body(p, head))
    }

    /// A phrase that refers to an actor by what it says of it: a body through its
    /// members, a vague phrase, a body in a capital, a definite description or a
    /// possessive that refers back.
    fn referring_description(
        &self,
        p: &Phrase,
        head: &str,
        history: &History,
    ) -> Option<SourceDraft> {
        let (words, content_words) = (&p.words, p.content_words());
        let determiner = p.determiner();
        // "The members of the Council": a body speaks through its members.
        if head == "members"
            && matches!(determiner, None | Some("the"))
            && let Some(s) = self.body_of_members(p, history)
        {
            return Some(s);
        }
        // "Separatist rebels from the Azawad Liberation Front said": an armed group
        // speaks through its fighters.
        if matches!(head, "rebels" | "fighters" | "militants" | "insurgents")
            && let Some(m) = p.mentions.iter().find(|m| {
                m.start >= p.head_byte
                    && self.actors.actors[m.actor].kind == ActorKind::ArmedGroup
                    && matches!(
                        self.text[p.head_byte..m.start].split_whitespace().next(),
                        Some("of" | "from")
                    )
            })
        {
            return Some(self.actor_source(m.actor));
        }
        // "Police said", "according to police": a state's police speaks for the state
        // the article is about, as its army or ministry does.
        if head == "police"
            && content_words.len() <= 2
            && matches!(determiner, None | Some("the"))
            && p.mentions.is_empty()
            && let Some(s) = self.anaphor(head, &[], p.r.start, history)
            && s.actor.is_some_and(|a| {
                let name = &self.actors.actors[a].name;
                self.lex.countries.iter().any(|c| &c.name == name)
            })
        {
            return Some(s);
        }
        // "The experts also said" after "the U.N. Group of Experts on Congo": a bare
        // definite plural that is a word of an earlier body's name is that body.
        if determiner == Some("the")
            && content_words.len() == 1
            && p.mentions.is_empty()
            && let Some(a) = self.body_with_word(head, p.r.start, history)
        {
            return Some(self.actor_source(a));
        }
        let vague_phrase =
            (2..=words.len().min(5)).any(|n| self.lex.vague.contains(&words[..n].join(" ")));
        if self.lex.vague.contains(head) || (vague_phrase && p.mentions.is_empty()) {
            return Some(p.unnamed(SourceKind::Vague));
        }
        // "The government in Kinshasa": a body in a capital is its state's, when the
        // article names the state; never another state's.
        if self.body_head(head)
            && let Some(state) = self.state_of_capital_after(p)
        {
            return Some(match state {
                Some(a) => self.actor_source(a),
                None => p.unnamed(SourceKind::Organization),
            });
        }
        // "the rights group" is an organisation's description, "the militant group" an
        // armed group's: a modifier the table knows with the head narrows the kind.
        let modified = p.modified_head(head);
        let head_or_modified = modified.as_deref().unwrap_or(head);
        if determiner == Some("the")
            && content_words.len() <= 3
            && let Some(s) = self.anaphor(
                head_or_modified,
                &p.proper_modifiers(self.text),
                p.r.start,
                history,
            )
        {
            return Some(s);
        }
        // "Its ministry says", "their council said": a body's possessive before a body noun
        // refers back as "the" does. A person's ("his government") names no body the
        // text gives.
        let refers_back = content_words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "its" | "their"))
            && body_anaphor_kinds(head).is_some();
        if refers_back
            && content_words.len() <= 3
            && let Some(s) = self.anaphor(head, &[], p.r.start, history)
        {
            return Some(s);
        }
        None
    }

    /// The body after "members of": a name ("the Security Council") or a description
    /// that refers back to one ("the Council").
    fn body_of_members(&self, p: &Phrase, history: &History) -> Option<SourceDraft> {
        let rest = self.text[p.head_byte..p.r.end]
            .trim_start()
            .strip_prefix("of ")?;
        if let Some(m) = p.mentions.iter().find(|m| m.start >= p.head_byte) {
            return Some(self.actor_source(m.actor));
        }
        let body = rest.strip_prefix("the ")?.split_whitespace().next()?;
        self.anaphor(&body.to_lowercase(), &[], p.r.start, history)
    }

    /// A name the actor finder did not know ("PolitiFact says"): up to three
    /// capitalised words without a determiner; "However", "Meanwhile" are linking
    /// adverbs. One word that is no known surname, or a word with inner capitals, names
    /// an organisation; else a person.
    fn unknown_name(&self, p: &Phrase) -> Option<SourceDraft> {
        let content_words = p.content_words();
        let capitalised = p.word_tokens[p.skipped..]
            .iter()
            .all(|t| t.text(self.text).starts_with(char::is_uppercase))
            && !content_words
                .iter()
                .any(|w| NOUN_MARKERS.contains(&w.as_str()));
        let linking = content_words.len() == 1
            && (INTRODUCERS.contains(&content_words[0].as_str())
                || matches!(
                    content_words[0].as_str(),
                    "therefore" | "thus" | "moreover" | "instead" | "indeed" | "also"
                ));
        if !(capitalised && p.determiner().is_none() && content_words.len() <= 3 && !linking) {
            return None;
        }
        let one_word = content_words.len() == 1;
        let w = p.word_tokens[p.skipped].text(self.text);
        let org = w.chars().skip(1).any(char::is_uppercase) || (one_word && !self.known_surname(w));
        Some(p.unnamed(if org {
            SourceKind::Organization
        } else {
            SourceKind::Person
        }))
    }

    /// The state whose capital follows the head of `p` after "in" ("the ministry in
    /// Bamako"): `Some(Some(actor))` when the article names it, `Some(None)` when not.
    fn state_of_capital_after(&self, p: &Phrase) -> Option<Option<usize>> {
        let rest = self.text[p.head_byte..p.r.end]
            .trim_start()
            .strip_prefix("in ")?;
        let place = rest.trim_end_matches(['.', ',']);
        let country = self
            .lex
            .countries
            .iter()
            .find(|c| c.capitals.iter().any(|cap| cap == place))?;
        Some(
            self.actors
                .actors
                .iter()
                .position(|a| a.kind == ActorKind::State && a.name == country.name),
        )
    }

    /// Whether a head noun names a body: a ministry, an army, a government, a group.
    fn body_head(&self, head: &str) -> bool {
        let mut c = head.chars();
        let title: String = c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
        matches!(
            self.lex.org_heads.get(&title),
            Some(ActorKind::Organization | ActorKind::State | ActorKind::ArmedGroup)
        )
    }

    /// "The campaign says", "The council said", "an arbitration panel found": a specific
    /// body the article does not name (an organisation head); "her lawyer said", "my
    /// father said": a person named by a relation (anonymous).
    fn unnamed_body(&self, p: &Phrase, head: &str) -> Option<SourceDraft> {
        let possessor = matches!(
            p.words[0].as_str(),
            "my" | "his" | "her" | "their" | "our" | "your"
        );
        // Ministries, armies and governments speak as bodies too.
        let body = !possessor && self.body_head(head);
        let short = p.content_words().len() <= 3;
        // An indefinite phrase names a source only as a body ("a tax plan would" is
        // none), with up to three words before the head's complement: "a panel in 2001".
        // "The health ministry in Gaza": a body's place after its head.
        let specific = match p.determiner() {
            Some("the") => short || body && p.head_end <= 3 && p.content_words().len() <= 6,
            Some("a" | "an") => body && p.head_end <= 3 && p.content_words().len() <= 6,
            _ => possessor && short,
        };
        if !specific {
            return None;
        }
        // "the rebels said": unnamed people, more than one, are vague.
        Some(p.unnamed(if body {
            SourceKind::Organization
        } else if plural_head(head) && !possessor {
            SourceKind::Vague
        } else {
            SourceKind::Anonymous
        }))
    }

    /// The possessor before the head of `p`: "The agency" in "The agency’s latest update".
    fn possessor(&self, p: &Phrase) -> Option<Range<usize>> {
        let phrase = &self.text[p.r.start..p.head_byte];
        let at = phrase.rfind("’s ").or_else(|| phrase.rfind("'s "))?;
        Some(p.r.start..p.r.start + at)
    }

    /// Whether the lexicon of vague sources holds a run of up to five of the words at
    /// `r`, a leading determiner aside ("officials", "two police sources", "the
    /// residents").
    pub(super) fn vague_by_lexicon(&self, r: Range<usize>) -> bool {
        let words: Vec<String> = self.text[r]
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let from = usize::from(
            words
                .first()
                .is_some_and(|w| matches!(w.as_str(), "the" | "some" | "many" | "several")),
        );
        (from..words.len()).any(|a| {
            (a + 1..=words.len().min(a + 5))
                .any(|b| self.lex.vague.contains(&words[a..b].join(" ")))
        })
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

    /// Whether the name at `at` follows a preposition of place ("… bureau in Chad").
    pub(super) fn placed(&self, at: usize) -> bool {
        let before = self.text[..at].trim_end();
        let word = before.rsplit(' ').next().unwrap_or("");
        matches!(word, "in" | "at" | "near" | "inside" | "outside")
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

/// A noun phrase read for the source it names.
struct Phrase<'t> {
    /// Its byte range.
    r: Range<usize>,
    /// Its word tokens.
    word_tokens: Vec<&'t Token>,
    /// Its words, in lower case.
    words: Vec<String>,
    /// The phrase as written, trimmed, without a leading "both".
    plain: String,
    /// How many determiners open it.
    skipped: usize,
    /// Where (in the words after the determiners) the head's words end.
    head_end: usize,
    /// Byte offset where the head's words end.
    head_byte: usize,
    /// The head noun, without a possessive "’s".
    head: Option<String>,
    /// The actor mentions in it.
    mentions: Vec<LocalMention>,
}

impl Phrase<'_> {
    /// The determiner opening the phrase ("the", "a", "both", …).
    fn determiner(&self) -> Option<&str> {
        (self.skipped > 0).then(|| self.words[0].as_str())
    }

    /// The words after the determiners.
    fn content_words(&self) -> &[String] {
        &self.words[self.skipped..]
    }

    /// The head with the word before it when the description table knows the pair:
    /// "rights group", "militant group".
    fn modified_head(&self, head: &str) -> Option<String> {
        let before = self.head_end.checked_sub(2)?;
        let pair = format!("{} {head}", self.content_words().get(before)?);
        body_anaphor_kinds(&pair).map(|_| pair)
    }

    /// The capitalised words before the head, lower-cased: "ethiopian" in "the
    /// Ethiopian leader".
    fn proper_modifiers(&self, text: &str) -> Vec<String> {
        let before_head = self.skipped..self.skipped + self.head_end.saturating_sub(1);
        self.word_tokens[before_head]
            .iter()
            .map(|t| t.text(text))
            .filter(|w| starts_upper(w))
            .map(str::to_lowercase)
            .collect()
    }

    /// "Another 19 percent", "Nearly eight of 10 voters": a share of people.
    fn numeric(&self) -> bool {
        let content_words = self.content_words();
        self.mentions.is_empty()
            && (content_words.iter().any(|w| w == "percent" || w == "%")
                || content_words
                    .windows(2)
                    .any(|w| w[0] == "of" && w[1].starts_with(|c: char| c.is_ascii_digit())))
    }

    /// A source named by the phrase itself, with no actor.
    fn unnamed(&self, kind: SourceKind) -> SourceDraft {
        SourceDraft {
            name: self.plain.clone(),
            kind,
            actor: None,
            description: None,
        }
    }
}

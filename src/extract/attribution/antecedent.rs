//! Pronouns and definite descriptions that refer back to an actor ("he", "the ministry").
//! Example: "The ministry denied it. It said the figures were old."
//! Fixtures: tests/fixtures/extract/description-anaphora.txt, tests/fixtures/extract/description-role-conflict.txt, tests/fixtures/extract/pronoun-subject-preference.txt, tests/fixtures/extract/pronoun-apposed-subject.txt, tests/fixtures/extract/linking-word-pronoun.txt, tests/fixtures/extract/leader-description.txt, tests/fixtures/extract/description-prefers-subject.txt, tests/fixtures/extract/person-cataphora.txt, tests/fixtures/extract/chief-description.txt, tests/fixtures/extract/news-agency-name.txt, tests/fixtures/extract/closing-cue-over-relative.txt, tests/fixtures/extract/pronoun-in-clause-to-body.txt, tests/fixtures/extract/datelines-and-descriptions.txt, tests/fixtures/extract/description-with-apposed-name.txt, tests/fixtures/extract/body-in-content-paragraphs-back.txt.

use crate::extract::normalize::PARAGRAPH_BREAK;
use crate::model::{ActorKind, SourceKind};

use std::ops::Range;

use crate::extract::segment::{Token, tokenize};
use crate::syntax::{Deprel, Model};

use super::wordlists::PRONOUNS;
use super::{Context, History, SourceDraft};

/// Definite descriptions that refer back to an actor of a kind: "the group", "the ministry".
const ANAPHORA: &[(&str, &[ActorKind])] = &[
    ("group", &[ActorKind::ArmedGroup, ActorKind::Organization]),
    ("rights group", &[ActorKind::Organization]),
    ("aid group", &[ActorKind::Organization]),
    ("advocacy group", &[ActorKind::Organization]),
    ("monitoring group", &[ActorKind::Organization]),
    ("humanitarian group", &[ActorKind::Organization]),
    ("militant group", &[ActorKind::ArmedGroup]),
    ("armed group", &[ActorKind::ArmedGroup]),
    ("rebel group", &[ActorKind::ArmedGroup]),
    ("jihadist group", &[ActorKind::ArmedGroup]),
    ("extremist group", &[ActorKind::ArmedGroup]),
    ("insurgent group", &[ActorKind::ArmedGroup]),
    ("terrorist group", &[ActorKind::ArmedGroup]),
    ("militants", &[ActorKind::ArmedGroup]),
    (
        "organization",
        &[ActorKind::Organization, ActorKind::ArmedGroup],
    ),
    (
        "organisation",
        &[ActorKind::Organization, ActorKind::ArmedGroup],
    ),
    (
        "movement",
        &[ActorKind::ArmedGroup, ActorKind::Organization],
    ),
    ("institute", &[ActorKind::Organization]),
    (
        "agency",
        &[ActorKind::Organization, ActorKind::Media, ActorKind::State],
    ),
    ("ministry", &[ActorKind::State]),
    ("government", &[ActorKind::State]),
    ("army", &[ActorKind::State]),
    ("military", &[ActorKind::State]),
    ("police", &[ActorKind::State]),
    ("air force", &[ActorKind::State]),
    ("navy", &[ActorKind::State]),
    ("newspaper", &[ActorKind::Media]),
    ("broadcaster", &[ActorKind::Media]),
    ("outlet", &[ActorKind::Media]),
    ("company", &[ActorKind::Organization]),
    ("party", &[ActorKind::Organization]),
    ("court", &[ActorKind::State, ActorKind::Organization]),
    ("council", &[ActorKind::Organization, ActorKind::State]),
    ("union", &[ActorKind::Organization]),
    ("alliance", &[ActorKind::Organization]),
    (
        "coalition",
        &[ActorKind::Organization, ActorKind::ArmedGroup],
    ),
    ("bloc", &[ActorKind::Organization]),
    ("mission", &[ActorKind::Organization]),
    ("office", &[ActorKind::Organization, ActorKind::State]),
    ("commission", &[ActorKind::Organization, ActorKind::State]),
    ("committee", &[ActorKind::Organization]),
    ("watchdog", &[ActorKind::Organization]),
    ("tank", &[ActorKind::Organization]),
    ("charity", &[ActorKind::Organization]),
    ("foundation", &[ActorKind::Organization]),
    ("association", &[ActorKind::Organization]),
    ("federation", &[ActorKind::Organization]),
    ("monitor", &[ActorKind::Organization]),
    ("observatory", &[ActorKind::Organization]),
    ("junta", &[ActorKind::State]),
    ("regime", &[ActorKind::State]),
    ("militia", &[ActorKind::ArmedGroup]),
    ("jihadists", &[ActorKind::ArmedGroup]),
    ("fighters", &[ActorKind::ArmedGroup]),
    ("rebels", &[ActorKind::ArmedGroup]),
    ("insurgents", &[ActorKind::ArmedGroup]),
    ("official", &[ActorKind::Person]),
    ("minister", &[ActorKind::Person]),
    ("spokesman", &[ActorKind::Person]),
    ("spokeswoman", &[ActorKind::Person]),
    ("spokesperson", &[ActorKind::Person]),
    ("president", &[ActorKind::Person]),
    ("leader", &[ActorKind::Person]),
    ("governor", &[ActorKind::Person]),
    ("mayor", &[ActorKind::Person]),
    ("commander", &[ActorKind::Person]),
    ("expert", &[ActorKind::Person]),
];

/// Nouns that describe any body of their kind: "the group" is no better said of the
/// Wagner Group named earlier, whose name holds the word, than of a body named since.
const GENERIC_HEADS: &[&str] = &["group"];

/// The kinds of body a noun refers back to ("government": a state; "group": an armed
/// group or an organisation); `None` for a person's noun or another word.
pub(super) fn body_anaphor_kinds(head: &str) -> Option<&'static [ActorKind]> {
    ANAPHORA
        .iter()
        .find(|(w, kinds)| *w == head && !kinds.contains(&ActorKind::Person))
        .map(|(_, kinds)| *kinds)
}

/// How many mentions back an antecedent is looked for: a bound on the work per pronoun.
const ANTECEDENT_WINDOW: usize = 256;

impl Context<'_> {
    /// The latest actor of one of `kinds` mentioned before `at`, outside quotations and
    /// reported content: `(actor, position)`.
    fn last_actor_at(
        &self,
        at: usize,
        kinds: &[ActorKind],
        history: &History,
    ) -> Option<(usize, usize)> {
        self.last_actor_where(at, history, |a| kinds.contains(&self.actors.actors[a].kind))
    }

    /// The latest actor that `fits` mentioned before `at`, outside quotations and
    /// reported content: `(actor, position)`.
    fn last_actor_where(
        &self,
        at: usize,
        history: &History,
        fits: impl Fn(usize) -> bool,
    ) -> Option<(usize, usize)> {
        // Mentions are sorted and disjoint; an antecedent lies among the last few hundred.
        let upto = self.actors.mentions.partition_point(|m| m.end <= at);
        self.actors.mentions[..upto]
            .iter()
            .rev()
            .take(ANTECEDENT_WINDOW)
            .inspect(|_| crate::work::add(1))
            .filter(|m| !self.in_quote(m.start) && !history.in_content(m.start))
            .find(|m| fits(m.actor))
            .map(|m| (m.actor, m.start))
    }

    /// The referent of a pronoun subject: the latest of the last compatible speaker and
    /// the last compatible actor named outside reported content; unresolved pronouns stay
    /// as written (vague for "they", anonymous for "he"/"she").
    pub(super) fn pronoun(&self, word: &str, at: usize, history: &History) -> Option<SourceDraft> {
        self.referent(word, at, history, true)
    }

    /// [`Self::pronoun`]; with `subject_first`, a name inside an earlier sentence yields
    /// to the name that opens it ([`Self::prefer_subject`]).
    fn referent(
        &self,
        word: &str,
        at: usize,
        history: &History,
        subject_first: bool,
    ) -> Option<SourceDraft> {
        let (source_kinds, actor_kinds) = pronoun_kinds(word)?;
        if let Some(s) = self.subject_before_pronoun(word, at, history) {
            return Some(s);
        }
        // "she" is no man the text calls "Mr." or a "spokesman", "he" no "Ms." or "wife".
        let agrees = |a: usize| match word {
            "he" => self.gender(a, at) != Some(true),
            "she" => self.gender(a, at) != Some(false),
            _ => true,
        };
        let spoken = history
            .last_entry(source_kinds)
            .filter(|(_, _, s)| s.actor.is_none_or(&agrees));
        let fits = |a: usize| actor_kinds.contains(&self.actors.actors[a].kind) && agrees(a);
        let named = self.last_actor_where(at, history, fits).map(|(a, pos)| {
            if subject_first {
                self.prefer_subject(a, pos, at, fits)
            } else {
                (a, pos)
            }
        });
        let para = self.paragraph_of(at);
        let resolved = match (spoken, named) {
            (Some((_, span, s)), Some((a, pos))) => {
                if pos > span.start {
                    Some(self.actor_source(a))
                } else {
                    Some(s.clone())
                }
            }
            (Some((p, _, s)), None) => (para <= p + 2).then(|| s.clone()),
            (None, Some((a, _))) => Some(self.actor_source(a)),
            (None, None) => None,
        };
        resolved.or_else(|| Some(unresolved(word)))
    }

    /// "Suu Kyi set up a commission, overseen by Kofi Annan. … she said": an actor named
    /// inside an earlier sentence yields to the one that opens it (after an opening phrase
    /// perhaps), its subject, when that one fits the pronoun at `at` too. Returns the
    /// actor and where it is named.
    fn prefer_subject(
        &self,
        actor: usize,
        pos: usize,
        at: usize,
        fits: impl Fn(usize) -> bool,
    ) -> (usize, usize) {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        let Some(sentence) = self.sentences.get(i).filter(|s| s.end <= at) else {
            return (actor, pos);
        };
        // The first name, at the start or after an opening phrase ("In response to
        // pressure, Suu Kyi …").
        let opens = |before: &str, body: bool| {
            // A title before the name is the name's: "President Lena Varga".
            let mut words: Vec<&str> = before.split_whitespace().collect();
            while words.last().is_some_and(|w| self.lex.is_role_word(w)) {
                words.pop();
            }
            // "The Coastal Liberation Front": the article before a body's name is the
            // name's.
            if body && words.last().is_some_and(|w| matches!(*w, "The" | "the")) {
                words.pop();
            }
            words.is_empty() || (words.last().is_some_and(|w| w.ends_with(',')) && words.len() <= 8)
        };
        // "Lebanon's state news agency NNA reported": a possessor is no subject; in
        // "Burkina Faso's military leader, Captain Ibrahim Traoré, met …" the name after
        // the description it is apposed to is.
        let opening = self
            .actors
            .mentions_in(sentence.clone())
            .find(|m| !self.text[m.end..].starts_with(['\'', '’']))
            .filter(|m| {
                let body = self.actors.actors[m.actor].kind != ActorKind::Person;
                opens(&self.text[sentence.start..m.start], body) && m.start < pos
            });
        match opening {
            Some(m) if m.actor != actor && fits(m.actor) && !self.in_quote(m.start) => {
                (m.actor, m.start)
            }
            _ => (actor, pos),
        }
    }

    /// A person's gender where the text shows it before `at`: `Some(true)` for a woman,
    /// `Some(false)` for a man, from an honorific before a mention ("Ms. Ortiz") or a
    /// gendered noun in the description ("spokeswoman"). Other actors have none.
    fn gender(&self, actor: usize, at: usize) -> Option<bool> {
        let a = &self.actors.actors[actor];
        if a.kind != ActorKind::Person {
            return None;
        }
        let described = a.description.as_deref().and_then(|d| {
            d.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .find_map(gendered_noun)
        });
        described.or_else(|| {
            let upto = self.actors.mentions.partition_point(|m| m.end <= at);
            self.actors.mentions[..upto]
                .iter()
                .filter(|m| m.actor == actor)
                .find_map(|m| honorific_before(&self.text[..m.start]))
        })
    }

    /// "Protesters marched on Friday as they demanded …": a pronoun inside a sentence
    /// refers to the subject of the sentence's main clause before it, when the two agree
    /// in number (a plural noun or a body for "they", a person's name for "he"/"she", a
    /// body in the singular for "it").
    fn subject_before_pronoun(
        &self,
        word: &str,
        at: usize,
        history: &History,
    ) -> Option<SourceDraft> {
        let sentence = self
            .sentences
            .iter()
            .find(|s| s.start <= at && at < s.end)?;
        let tokens = tokenize(self.text, sentence.clone());
        let p = tokens.iter().position(|t| t.start == at)?;
        if !self.pronoun_may_take_subject(word, &tokens, p, sentence.start) {
            return None;
        }
        let words: Vec<&str> = tokens.iter().map(|t| t.text(self.text)).collect();
        let tree = Model::embedded().analyse(&words);
        let is_subject = |k: usize| matches!(tree.deprel[k], Deprel::Nsubj | Deprel::NsubjPass);
        // A quotation taken for the head of the sentence is no main clause: the clause
        // outside it that holds a subject is ("X marched chanting, “we want Y,” as they …").
        let root = tree.root()?;
        let main = if self.in_quote(tokens[root].start) {
            tree.children(root).find(|&k| {
                k < p && !self.in_quote(tokens[k].start) && tree.children(k).any(is_subject)
            })?
        } else {
            root
        };
        let subject_of = |v: usize| {
            tree.children(v)
                .find(|&k| is_subject(k))
                .filter(|&k| k < p && !tree.dominates(k, p) && !self.in_quote(tokens[k].start))
        };
        // The name the subject's head is part of ("Kerr Putney, the police chief, …"),
        // not a possessor ("Oz's show").
        let mention = |k: usize| self.actors.mention_at(tokens[k].start);
        let agrees = |k: usize| match word {
            "they" => {
                matches!(tree.xpos[k], "NNS" | "NNPS")
                    || mention(k).is_some_and(|m| self.actors.actors[m.actor].kind != ActorKind::Person)
            }
            "he" | "she" => {
                mention(k).is_some_and(|m| self.actors.actors[m.actor].kind == ActorKind::Person)
            }
            // "The mission said …, though it has stressed …": a body, named or described
            // by a noun of bodies, in the singular.
            "it" => match mention(k) {
                Some(m) => {
                    self.actors.actors[m.actor].kind != ActorKind::Person
                        && !matches!(tree.xpos[k], "NNS" | "NNPS")
                }
                None => {
                    tree.xpos[k] == "NN" && body_anaphor_kinds(&words[k].to_lowercase()).is_some()
                }
            },
            _ => false,
        } && !PRONOUNS.contains(&words[k].to_lowercase().as_str());
        // The subject of the nearest clause above the pronoun that agrees with it, a
        // conjunct sharing its first conjunct's ("Trump spoke to Haftar and commended him
        // on what he said …"); else the main clause's.
        let mut above = Vec::new();
        let mut cur = tree.head_of(p);
        while let Some(v) = cur.filter(|_| above.len() <= tree.len()) {
            above.push(subject_of(v).or_else(|| {
                (tree.deprel[v] == Deprel::Conj)
                    .then(|| tree.head_of(v).and_then(subject_of))
                    .flatten()
            }));
            cur = tree.head_of(v);
        }
        let subject = above
            .into_iter()
            .flatten()
            .find(|&k| agrees(k))
            .or_else(|| subject_of(main).filter(|&k| agrees(k)))?;
        let span = tree.subtree(subject);
        let bytes = tokens[span.start].start..tokens[span.end - 1].end;
        let mention = mention(subject);
        match mention {
            Some(m) => Some(self.actor_source(m.actor)),
            None => self.source(bytes, history),
        }
    }

    /// Whether the pronoun `word` at token `p` could refer to the main clause's subject,
    /// so that parsing the sentence is worth it: it opens a clause of its own inside the
    /// sentence ("…, as they demanded"), and "he" or "she" follow a person named in the
    /// sentence; "they" and "it" may agree with a body or a noun.
    fn pronoun_may_take_subject(
        &self,
        word: &str,
        tokens: &[Token],
        p: usize,
        sentence_start: usize,
    ) -> bool {
        let opens_clause = p > 0
            && matches!(
                &*tokens[p - 1].text(self.text).to_lowercase(),
                "as" | "when"
                    | "while"
                    | "because"
                    | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "and"
                    | "but"
                    | "so"
                    | "although"
                    | "though"
                    | "if"
                    | "once"
                    | "where"
                    | "that"
                    | "what"
                    | ","
            );
        if !opens_clause || !tokens[..p].iter().any(|t| t.is_word()) {
            return false;
        }
        match word {
            "they" | "it" => true,
            "he" | "she" => self
                .actors
                .mentions_in(sentence_start..tokens[p].start)
                .any(|m| self.actors.actors[m.actor].kind == ActorKind::Person),
            _ => false,
        }
    }

    /// Cataphora: "according to a doctors’ group. … The Central Doctors’ Committee
    /// said": an indefinite description of a body ("a militant group") refers to the
    /// first body of a fitting kind named after it, in its sentence or the next, when
    /// that body shares a word with the description or is named there for the first
    /// time.
    pub(super) fn named_after(&self, phrase: &Range<usize>, head: &str) -> Option<usize> {
        let (_, kinds) = ANAPHORA.iter().find(|(w, _)| *w == head)?;
        if kinds.contains(&ActorKind::Person) {
            return None;
        }
        // "The Sahel Freedom Front, a militant group, said": a description apposed to the
        // name before it describes that name, not one to come.
        // A bracketed acronym may close the name ("The Integrated Food Security Phase
        // Classification (IPC), a UN-backed hunger monitor,").
        let apposed = self.text[..phrase.start]
            .trim_end()
            .strip_suffix(',')
            .is_some_and(|before| {
                let before = before.trim_end();
                let before = before.strip_suffix(')').unwrap_or(before);
                let end = before.len();
                self.actors
                    .mention_at(end.saturating_sub(1))
                    .is_some_and(|m| m.end == end)
            });
        if apposed {
            return None;
        }
        let words: Vec<String> = self.text[phrase.clone()]
            .split_whitespace()
            .map(fold_word)
            .filter(|w| w.len() > 3 && w != head)
            .collect();
        let first_here = |a: usize| self.first_named(a) >= Some(phrase.end);
        self.named_after_phrase(phrase, 1)
            .find(|&a| {
                let actor = &self.actors.actors[a];
                let shares = actor
                    .name
                    .split_whitespace()
                    .any(|w| words.contains(&fold_word(w)));
                kinds.contains(&actor.kind) && (shares || first_here(a))
            })
            // "A militant group … claimed …. [a sentence] Al-Shabaab said": a body named
            // for the first time a sentence further on.
            .or_else(|| {
                self.named_after_phrase(phrase, 2)
                    .find(|&a| kinds.contains(&self.actors.actors[a].kind) && first_here(a))
            })
    }

    /// Cataphora of a person: "The UN special envoy for Sudan warned …. Speaking to the
    /// Council, the envoy, Ramtane Lamamra, said": a definite description with a role
    /// head refers to the person named for the first time in its sentence or the next
    /// two, outside quotations, whose description holds the role.
    pub(super) fn person_named_after(&self, phrase: &Range<usize>, head: &str) -> Option<usize> {
        self.named_after_phrase(phrase, 2).find(|&a| {
            self.actors.actors[a].kind == ActorKind::Person
                && self.described_as(a, head)
                && self.first_named(a) >= Some(phrase.end)
        })
    }

    /// The actors named after `phrase`, outside quotations, up to the end of the
    /// sentence `sentences` after the phrase's own, in text order.
    fn named_after_phrase(
        &self,
        phrase: &Range<usize>,
        sentences: usize,
    ) -> impl Iterator<Item = usize> {
        let s = self.sentences.partition_point(|s| s.end <= phrase.start);
        let until = self
            .sentences
            .get(s + sentences)
            .or(self.sentences.last())
            .map_or(0, |s| s.end);
        let first = self
            .actors
            .mentions
            .partition_point(|m| m.start < phrase.end);
        self.actors.mentions[first..]
            .iter()
            .take_while(move |m| m.start < until)
            .filter(|m| !self.in_quote(m.start))
            .map(|m| m.actor)
    }

    /// Where actor `a` is first named.
    fn first_named(&self, a: usize) -> Option<usize> {
        self.actors
            .mentions
            .iter()
            .find(|m| m.actor == a)
            .map(|m| m.start)
    }

    /// Whether the description of actor `a` holds the role `head`, or a title that
    /// stands for it ("Sen." for a senator).
    fn described_as(&self, a: usize, head: &str) -> bool {
        self.actors.actors[a]
            .description
            .as_deref()
            .is_some_and(|d| {
                d.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == head || self.lex.titles.get(w).is_some_and(|r| r == head))
            })
    }

    /// Index of the paragraph holding byte `at`.
    pub(super) fn paragraph_of(&self, at: usize) -> usize {
        // The breaks before `at` end the paragraphs that end two bytes before it or earlier.
        self.paragraphs
            .partition_point(|p| p.end + PARAGRAPH_BREAK.len() <= at)
    }

    /// "the group", "the ministry", "the senator": the latest actor of a fitting kind.
    pub(super) fn anaphor(
        &self,
        head: &str,
        modifiers: &[String],
        at: usize,
        history: &History,
    ) -> Option<SourceDraft> {
        let kinds = match ANAPHORA.iter().find(|(w, _)| *w == head) {
            Some((_, kinds)) => *kinds,
            None if self.lex.roles.contains(head) => &[ActorKind::Person],
            None => return None,
        };
        if kinds == [ActorKind::Person] {
            return self.person_by_role(head, modifiers, at, history);
        }
        // "the office": the latest body whose name has the noun ("Office of the …"),
        // else the latest of a fitting kind.
        let named = |a: usize| {
            let actor = &self.actors.actors[a];
            !GENERIC_HEADS.contains(&head)
                && std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .any(|n| n.to_lowercase().split(' ').any(|w| w == head))
        };
        // "Al-Shabaab, the militant group linked to al-Qaeda, claimed …. The group said":
        // a body named inside an earlier sentence yields to the one that opens it.
        let fits = |a: usize| kinds.contains(&self.actors.actors[a].kind);
        // "Ukraine's air force said …. the air force said": the body named with the noun.
        let upto = self.actors.mentions.partition_point(|m| m.end <= at);
        let with_noun = self.actors.mentions[..upto]
            .iter()
            .rev()
            .take(ANTECEDENT_WINDOW)
            .filter(|m| fits(m.actor) && !self.in_quote(m.start))
            .find(|m| {
                // The mention may hold the noun itself ("Ukraine's air force").
                let own = &self.text[m.start..m.end];
                let holds = !GENERIC_HEADS.contains(&head)
                    && own.len() > head.len()
                    && own.is_char_boundary(own.len() - head.len())
                    && own[own.len() - head.len()..].eq_ignore_ascii_case(head)
                    && own[..own.len() - head.len()].ends_with(' ');
                if holds {
                    return true;
                }
                let after = &self.text[m.end..];
                let after = after
                    .strip_prefix("’s")
                    .or_else(|| after.strip_prefix("'s"))
                    .unwrap_or(after);
                after
                    .strip_prefix(' ')
                    .and_then(|a| a.get(..head.len()))
                    .is_some_and(|a| a.eq_ignore_ascii_case(head))
            });
        if let Some(m) = with_noun {
            // "the UN agency for Palestinian refugees, UNRWA,": the name apposed to the
            // phrase is the body's.
            let after = &self.text[m.end..at];
            let near = &after[..after.char_indices().nth(80).map_or(after.len(), |(i, _)| i)];
            let phrase_end = near.find(',').map(|c| m.end + c + 1);
            let apposed = phrase_end.and_then(|e| {
                let start = e + (self.text[e..].len() - self.text[e..].trim_start().len());
                self.actors
                    .mention_at(start)
                    .filter(|x| x.start == start && x.actor != m.actor && fits(x.actor))
            });
            return Some(self.actor_source(apposed.map_or(m.actor, |x| x.actor)));
        }
        let outside = self
            .last_actor_where(at, history, |a| fits(a) && named(a))
            .or_else(|| {
                self.last_actor_at(at, kinds, history)
                    .map(|(a, pos)| self.prefer_subject(a, pos, at, fits))
            });
        let para = self.paragraph_of(at);
        match outside {
            Some((a, pos)) if self.paragraph_of(pos) == para => Some(a),
            Some((a, _)) => self.named_in_content(at, &fits, 0).or(Some(a)),
            // "Georgian riot police used water cannon …, the interior ministry said. ….
            // The ministry said": with nothing fitting outside reported content, a body
            // named inside it two paragraphs back.
            None => self.named_in_content(at, &fits, 2),
        }
        .map(|a| self.actor_source(a))
    }

    /// "Israel accused Hamas of diverting aid. The militant group denies the charge.": with
    /// no fitting body named in the paragraph outside reported content, the latest one
    /// named inside reported content (outside quotations) of the paragraph or of the
    /// `paragraphs_back` before it.
    fn named_in_content(
        &self,
        at: usize,
        fits: &impl Fn(usize) -> bool,
        paragraphs_back: usize,
    ) -> Option<usize> {
        let para = self.paragraph_of(at);
        let upto = self.actors.mentions.partition_point(|m| m.end <= at);
        self.actors.mentions[..upto]
            .iter()
            .rev()
            .take(ANTECEDENT_WINDOW)
            .take_while(|m| self.paragraph_of(m.start) + paragraphs_back >= para)
            .filter(|m| !self.in_quote(m.start))
            .find(|m| fits(m.actor))
            .map(|m| m.actor)
    }

    /// The latest body named before `at` with `word` among the words of its name after
    /// the first ("experts" in "Group of Experts"), outside reported content.
    pub(super) fn body_with_word(&self, word: &str, at: usize, history: &History) -> Option<usize> {
        if GENERIC_HEADS.contains(&word) {
            return None;
        }
        self.last_actor_where(at, history, |a| {
            let actor = &self.actors.actors[a];
            actor.kind != ActorKind::Person
                && actor
                    .name
                    .split(' ')
                    .skip(1)
                    .any(|w| w.eq_ignore_ascii_case(word))
        })
        .map(|(a, _)| a)
    }

    /// "the president": the latest person described as one, else the person a pronoun
    /// would name, unless the article describes that person otherwise ("the governor"
    /// is not the "former beauty queen" named last). "The Ethiopian leader": a leader is
    /// one who heads a state, a government or a body, when the modifiers of the
    /// description ("Ethiopian") are all in the person's.
    fn person_by_role(
        &self,
        head: &str,
        modifiers: &[String],
        at: usize,
        history: &History,
    ) -> Option<SourceDraft> {
        let upto = self.actors.mentions.partition_point(|m| m.end <= at);
        // A title stands for its role: "Sen." is a senator.
        let has_role = |a: usize| {
            self.actors.actors[a].description.as_deref().map(|d| {
                let d = d.to_lowercase();
                let words: Vec<&str> = d.split(|c: char| !c.is_alphanumeric()).collect();
                let leads = matches!(head, "leader" | "chief" | "head")
                    && !modifiers.is_empty()
                    && modifiers.iter().all(|m| words.contains(&m.as_str()));
                words.iter().any(|&w| {
                    w == head
                        || self.lex.titles.get(w).is_some_and(|r| r == head)
                        || leads && LEADERS.contains(&w)
                })
            })
        };
        let described = self.actors.mentions[..upto]
            .iter()
            .rev()
            .take(ANTECEDENT_WINDOW)
            .map(|m| m.actor)
            .find(|&a| {
                self.actors.actors[a].kind == ActorKind::Person && has_role(a) == Some(true)
            });
        if let Some(a) = described {
            return Some(self.actor_source(a));
        }
        // A role says who holds it, not who the sentence is about: no subject preference.
        self.referent("he", at, history, false)
            .filter(|s| s.actor.is_some_and(|a| has_role(a).is_none()))
    }
}

/// Role nouns of one who leads a state, a government or a body: "the leader", "the
/// chief" or "the head" may be any ("the UN chief" is its Secretary-General).
const LEADERS: &[&str] = &[
    "president",
    "premier",
    "minister",
    "king",
    "chancellor",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "commander",
    "head",
    "emir",
    "sultan",
    "secretary",
    "director",
];

/// The source kinds a pronoun's earlier speaker may have, and the actor kinds it may
/// name: a person for "he"/"she", a body for "it", a body or a group for "they"/"we".
fn pronoun_kinds(word: &str) -> Option<(&'static [SourceKind], &'static [ActorKind])> {
    match word {
        "he" | "she" => Some((&[SourceKind::Person], &[ActorKind::Person])),
        "it" => Some((
            &[
                SourceKind::Organization,
                SourceKind::Media,
                SourceKind::Document,
            ],
            &[
                ActorKind::ArmedGroup,
                ActorKind::Organization,
                ActorKind::Media,
                ActorKind::State,
            ],
        )),
        "they" | "we" => Some((
            &[
                SourceKind::Organization,
                SourceKind::Media,
                SourceKind::Vague,
            ],
            &[
                ActorKind::ArmedGroup,
                ActorKind::Organization,
                ActorKind::State,
            ],
        )),
        _ => None,
    }
}

/// An unresolved pronoun stays as written: vague for "they"/"we", else anonymous.
fn unresolved(word: &str) -> SourceDraft {
    let kind = if matches!(word, "they" | "we") {
        SourceKind::Vague
    } else {
        SourceKind::Anonymous
    };
    SourceDraft {
        name: word.to_string(),
        kind,
        actor: None,
        description: None,
    }
}

/// The gender a noun of person gives (`true` for a woman): "spokeswoman", "actress",
/// "wife"; "spokesman", "husband".
fn gendered_noun(w: &str) -> Option<bool> {
    match w {
        "woman" | "wife" | "mother" | "daughter" | "sister" | "widow" | "actress" | "queen"
        | "lady" | "grandmother" | "girl" => Some(true),
        "man" | "husband" | "father" | "son" | "brother" | "widower" | "actor" | "king"
        | "grandfather" | "boy" | "spokesman" | "congressman" | "businessman" | "councilman"
        | "assemblyman" | "policeman" | "clergyman" | "statesman" | "gunman" | "frontman" => {
            Some(false)
        }
        // "spokeswoman", "congresswoman": no other word ends so.
        _ if w.ends_with("woman") => Some(true),
        _ => None,
    }
}

/// The gender an honorific right before a name gives: "Ms. ", "Mrs. ", "Mr. ".
fn honorific_before(before: &str) -> Option<bool> {
    let word = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()?
        .trim_end_matches('.');
    match word {
        "Ms" | "Mrs" | "Miss" | "Madam" | "Mme" => Some(true),
        "Mr" | "Sir" => Some(false),
        _ => None,
    }
}

/// A word lower-cased, without a possessive ending or punctuation around it.
fn fold_word(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
    let w = w
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\'']);
    w.to_lowercase()
}

//! The parsed sentence, and the tree-based steps on a cue: vetoing cues with no speaker,
//! reading a subject the token heuristics missed, and checking on the tags that an unnamed
//! source they read is a noun phrase.
//! Example: "The army pounded suspected hideouts" (no speaker: a modifier).
//! Fixtures: tests/fixtures/extract/no-speaker.txt, tests/fixtures/extract/document-long-subject.txt, tests/fixtures/extract/coordinated-verb-shared-subject.txt, tests/fixtures/extract/source-not-a-noun-phrase.txt, tests/fixtures/extract/participial-aside-subject.txt, tests/fixtures/extract/clause-only-verbs.txt, tests/fixtures/extract/postnominal-participle.txt, tests/fixtures/extract/add-with-object.txt, tests/fixtures/extract/coordinated-second-cue.txt, tests/fixtures/extract/leading-own-clause.txt, tests/fixtures/extract/second-cue-in-clause-of-time.txt, tests/fixtures/extract/noun-form-of-cue.txt, tests/fixtures/extract/fear-and-doubt-with-object.txt.

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::Token;
use crate::extract::tree::{self, finite_tag};
use crate::model::{ClaimKind, SourceKind};
use crate::syntax::{Analysis, Deprel, Model, Upos};

use super::source::is_document_noun;
use super::wordlists::NOT_AFTER_MODIFIER;
use super::{ClaimDraft, Context, Cue, History, SourceDraft};

/// Nouns of events, which happen and say nothing: as the subject of a verb of saying
/// ("the attacks threaten to …", "the coup has threatened to …") the verb is no cue.
#[rustfmt::skip]
const EVENT_NOUNS: &[&str] = &[
    "attack", "coup", "violence", "fighting", "clash", "war", "blast", "explosion",
    "bombing", "incident", "crisis", "conflict", "unrest", "offensive", "shelling",
    "airstrike", "strike", "raid", "killing", "ambush", "uprising", "flood", "drought",
    "earthquake", "storm", "famine", "epidemic", "outbreak",
];

/// Personal pronouns that can only be a subject: a subject on the tree that needs its
/// antecedent.
const PERSONAL_SUBJECTS: &[&str] = &["he", "she", "they", "we"];

/// Verbs that report only with a clause or a quotation: "X established that C" reports,
/// "X established a fund" does not, nor "continues his praise of Y", "wished a speedy
/// recovery to the injured" or "knows the details". Lemmas.
#[rustfmt::skip]
const CLAUSE_ONLY: &[&str] = &[
    "establish", "assume", "maintain", "demonstrate", "feel", "know", "prove", "identify",
    "decide", "seek", "plan", "continue", "wish", "add", "fear", "doubt",
];

/// A sentence's tokens, their words and its dependency tree, parsed on first use: most
/// sentences never need it.
pub(super) struct Parsed<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) words: Vec<&'a str>,
    pub(super) tree: std::cell::OnceCell<Analysis>,
}

/// Whether an unnamed source's words give cause to parse them ([`Context::phrase_sources`]):
/// three words or more with a past form ("-ed", or a simple past the lexicon knows:
/// "The army withdrew"), a relative or subordinating word, a function
/// word at the end, or a lower-case first word that is no plural ("placate voters").
/// "A senior official", "officials in the region" and two-word phrases are left alone.
fn may_be_no_phrase(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let lower_word = |w: &&str| w.starts_with(|c: char| c.is_lowercase());
    words.len() >= 3
        && (words.iter().any(|w| {
            lower_word(w)
                && (w.ends_with("ed") || matches!(*w, "who" | "whom" | "which" | "whether"))
        }) || words[1..]
            .iter()
            .any(|w| lower_word(w) && Model::embedded().past_form(w))
            || matches!(
                *last,
                "a" | "an"
                    | "the"
                    | "of"
                    | "to"
                    | "in"
                    | "on"
                    | "for"
                    | "with"
                    | "by"
                    | "that"
                    | "who"
            )
            || (lower_word(first)
                && !first.ends_with('s')
                && !matches!(
                    *first,
                    "a" | "an"
                        | "the"
                        | "one"
                        | "some"
                        | "many"
                        | "most"
                        | "several"
                        | "two"
                        | "three"
                )))
}

/// Whether token `i` is a relative pronoun.
fn relative_pronoun_at(parsed: &Parsed, i: usize) -> bool {
    parsed.tree().upos[i] == Upos::Pron
        && matches!(&*lower(parsed.words[i]), "who" | "whom" | "which" | "that")
}

impl<'a> Parsed<'a> {
    pub(super) fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        Parsed {
            tokens,
            words: tokens.iter().map(|t| t.text(text)).collect(),
            tree: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn tree(&self) -> &Analysis {
        self.tree
            .get_or_init(|| Model::embedded().analyse(&self.words))
    }

    /// "Republicans continue their attacks", "She knows the details": a verb that
    /// reports only with a clause, here with a noun object and no clause, reports nothing.
    /// The tree is asked only when the word after the cue may open a noun phrase.
    /// "“Q,” added KCNA", "C, added Port Director X.": a finite cue right after the
    /// content it closes is followed by its speaker, no object.
    pub(super) fn object_only(&self, cue: &Cue) -> bool {
        let closes_quote = |k: usize| matches!(self.words[k], "”" | "\"" | "''");
        let rest = &self.words[cue.last + 1..];
        let speaker_ends = rest.len() <= 7
            && rest
                .first()
                .is_some_and(|w| w.starts_with(char::is_uppercase) || *w == "the");
        let closing = cue.first > 0
            && !self.words[cue.last].ends_with("ing")
            && (closes_quote(cue.first - 1)
                || cue.first > 1
                    && self.words[cue.first - 1] == ","
                    && (closes_quote(cue.first - 2) || speaker_ends));
        let opens_object = !closing
            && self.words.get(cue.last + 1).is_some_and(|w| {
                w.starts_with(char::is_alphanumeric)
                    && !matches!(
                        &*lower(w),
                        "that" | "to" | "what" | "whether" | "how" | "why" | "if" | "who" | "when"
                    )
            });
        // The lemma by lookup first: the tree is asked only for these verbs.
        let lemma = || Model::embedded().verb_lemma(self.words[cue.last]);
        if !(opens_object && CLAUSE_ONLY.contains(&lemma().as_str())) {
            return false;
        }
        let tree = self.tree();
        let verb = cue.last;
        let clause = tree.children(verb).any(|k| {
            matches!(
                tree.deprel[k],
                Deprel::Ccomp | Deprel::Xcomp | Deprel::Parataxis
            )
        });
        tree.upos[verb] == Upos::Verb && tree.child_with(verb, Deprel::Obj).is_some() && !clause
    }

    /// Whether the cue's verb is finite on the tags ("told", "says"; not "considered"
    /// after its noun nor the noun "outline").
    pub(super) fn finite_verb(&self, cue: &Cue) -> bool {
        let tree = self.tree();
        let verb = self.verb(cue);
        // A participle with a subject and no auxiliary is a simple past the tagger
        // misread ("as the military vowed to …").
        let past = tree.xpos[verb] == "VBN"
            && tree.children(verb).any(|c| tree.deprel[c] == Deprel::Nsubj)
            && !tree.children(verb).any(|c| tree.upos[c] == Upos::Aux);
        tree.upos[verb] == Upos::Verb
            && (finite_tag(tree.xpos[verb]) || past)
            && !matches!(tree.deprel[verb], Deprel::Amod | Deprel::Acl)
    }

    /// Whether the tree gives the cue's verb a nominal subject of its own before it:
    /// "…, where U.N. investigators said C", "…, as the UN Development Programme warned
    /// that C".
    pub(super) fn own_subject(&self, cue: &Cue) -> bool {
        let tree = self.tree();
        let verb = self.verb(cue);
        tree.children(verb).any(|k| {
            k < verb
                && tree.deprel[k] == Deprel::Nsubj
                && matches!(tree.upos[k], Upos::Noun | Upos::Propn)
        })
    }

    /// The verb of a cue: its first word tagged as a verb, else its first word.
    pub(super) fn verb(&self, cue: &Cue) -> usize {
        let tree = self.tree();
        (cue.first..=cue.last)
            .find(|&i| tree.upos[i] == Upos::Verb)
            .unwrap_or(cue.first)
    }
}

impl Context<'_> {
    /// A cue whose subject the token heuristics could not read ("a militant group calling
    /// itself X claimed responsibility for Y", "a study of budgets that grew since 2015
    /// shows …"): the tree's subject of the cue verb, when an actor heads it or is the only
    /// actor in it, or when a document heads it; the verb's complement is the content.
    pub(super) fn subject_on_tree(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        if matches!(
            cue.class,
            CueClass::Passive | CueClass::According | CueClass::Evaluation
        ) {
            return None;
        }
        // The subject lies before the cue and must hold an actor or a document: without
        // one in the sentence before the cue there is nothing to parse for.
        let before_cue = parsed.tokens[cue.first].start;
        let first = self
            .actors
            .mentions
            .partition_point(|m| m.end <= sentence.start);
        let actor_before = self.actors.mentions[first..]
            .first()
            .is_some_and(|m| m.start < before_cue);
        let document_before = parsed.words[..cue.first]
            .iter()
            .any(|w| is_document_noun(&lower(w)));
        let pronoun_before = parsed.words[..cue.first]
            .iter()
            .any(|w| PERSONAL_SUBJECTS.contains(&&*lower(w)));
        // "A soldier speaking on condition of anonymity said …": a noun of an unnamed
        // source ("soldier", "officials") heads the subject.
        let person_noun = |w: &str| {
            self.lex.anonymous.contains(w)
                || w.strip_suffix('s')
                    .is_some_and(|w| self.lex.anonymous.contains(w))
        };
        let noun_before = parsed.words[..cue.first]
            .iter()
            .any(|w| person_noun(&lower(w)));
        if !actor_before && !document_before && !pronoun_before && !noun_before {
            return None;
        }
        let (tokens, words, tree) = (parsed.tokens, &parsed.words, parsed.tree());
        let verb = (cue.first..=cue.last).find(|&i| tree.upos[i] == Upos::Verb)?;
        let subject = self.tree_subject(parsed, cue, verb)?;
        // "Last week she said …": a subject pronoun after a fronted phrase, of a verb
        // heading no complement, relative clause or marked subordinate clause.
        let pronoun = PERSONAL_SUBJECTS.contains(&&*lower(words[subject]));
        // An unnamed source reports a clause ("said the base was hit"), not an object
        // ("supporters show more enthusiasm").
        let unnamed =
            person_noun(&tree.lemma[subject]) && tree.child_with(verb, Deprel::Ccomp).is_some();
        let named = self.subject_actor(parsed, subject).is_some();
        if (pronoun || unnamed) && !named && self.embedded_verb(tree, verb) {
            return None;
        }
        let document = is_document_noun(&tree.lemma[subject]);
        if !named && !pronoun && !document && !unnamed {
            return None;
        }
        let source = self.tree_source(parsed, subject, history).filter(|s| {
            named
                || pronoun
                || match s.kind {
                    SourceKind::Document => document,
                    SourceKind::Anonymous | SourceKind::Vague => unnamed,
                    _ => false,
                }
        })?;
        let from = cue.last + 1;
        let end = self.tree_content_end(parsed, verb, from)?;
        let end = tokens[end - 1].end.min(sentence.end);
        self.draft(
            tokens.get(from)?.start..end,
            &source,
            &self.text[cue.span.clone()],
        )
    }

    /// Where the content a cue verb governs on the tree ends (a token index, exclusive),
    /// the content starting at token `from`: its complement, up to a break before a
    /// reporting clause of its own.
    pub(super) fn tree_content_end(
        &self,
        parsed: &Parsed,
        verb: usize,
        from: usize,
    ) -> Option<usize> {
        let (words, tree) = (&parsed.words, parsed.tree());
        let is_cue =
            |i: usize| tree.upos[i] == Upos::Verb && self.lex.cue(&lower(words[i])).is_some();
        let is_break = |i: usize| matches!(words[i], "," | ";") || tree.upos[i] == Upos::Cconj;
        tree::content_end(tree, verb, from, is_cue, is_break).map(|e| e.end)
    }

    /// Whether the cue sits in a restrictive relative clause on the subject of a later
    /// cue: "A senior official who asked not to be named said …" reports what was said,
    /// not what was asked. ("Obama, who knew that …, told …" has a claim for each.) Only a
    /// cue right after a relative pronoun with no comma before it, and a cue after it, is
    /// parsed.
    pub(super) fn in_subject_relative(&self, parsed: &Parsed, cue: &Cue, cues: &[Cue]) -> bool {
        let words = &parsed.words;
        let after_relative = cue.first > 1
            && matches!(&*lower(words[cue.first - 1]), "who" | "which")
            && words[cue.first - 2] != ",";
        if !after_relative || !cues.iter().any(|c| c.first > cue.last) {
            return false;
        }
        let tree = parsed.tree();
        let verb = parsed.verb(cue);
        let Some(mut noun) = tree
            .head_of(verb)
            .filter(|_| tree.deprel[verb] == Deprel::AclRelcl)
        else {
            return false;
        };
        // "Hassan Fakih, a farmer who has refused to leave, said": the relative clause
        // on an apposition is on the subject too.
        while tree.deprel[noun] == Deprel::Appos
            && let Some(h) = tree.head_of(noun)
        {
            noun = h;
        }
        let Some(main) = tree
            .head_of(noun)
            .filter(|_| tree.deprel[noun] == Deprel::Nsubj)
        else {
            return false;
        };
        cues.iter()
            .any(|c| c.first > cue.last && (c.first..=c.last).contains(&main))
    }

    /// The nominal subject before the cue verb, when the verb is not negated, has a
    /// complement proper (a clause or an object, or the noun after a cue that ends in a
    /// preposition: "claimed responsibility for Y"; not a date: "said Friday") and the
    /// subject stands outside a quotation.
    fn tree_subject(&self, parsed: &Parsed, cue: &Cue, verb: usize) -> Option<usize> {
        let (words, tree) = (&parsed.words, parsed.tree());
        let negated = tree.children(verb).any(|k| {
            let w = lower(words[k]);
            matches!(&*w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
        });
        let ends_in_preposition = tree.upos[cue.last] == Upos::Adp;
        let complement = tree.children(verb).any(|k| {
            k > cue.last
                && (matches!(tree.deprel[k], Deprel::Ccomp | Deprel::Xcomp | Deprel::Obj)
                    || (ends_in_preposition && tree.deprel[k] == Deprel::Obl))
        });
        if negated || !complement {
            return None;
        }
        // "X urged … and said …": a finite verb coordinated with another of the same
        // tense shares its subject.
        let own = tree
            .children(verb)
            .find(|&k| tree.deprel[k] == Deprel::Nsubj && k < cue.first);
        let shared = || {
            let head = tree
                .head_of(verb)
                .filter(|_| tree.deprel[verb] == Deprel::Conj)?;
            // The tense of a finite verb: past, or present; a participle without an
            // auxiliary counts as past ("X exhorted … and said").
            // "has kept … but says": a perfect's tense is its auxiliary's.
            let perfect = |i: usize| {
                tree.children(i)
                    .find(|&k| tree.deprel[k] == Deprel::Aux && tree.lemma[k] == "have")
            };
            let tense = |i: usize| match (tree.xpos[i], perfect(i)) {
                ("VBN" | "VBD", Some(aux)) => Some(tree.xpos[aux] == "VBD"),
                ("VBN", _)
                    if !tree
                        .children(i)
                        .any(|k| matches!(tree.deprel[k], Deprel::Aux | Deprel::AuxPass)) =>
                {
                    Some(true)
                }
                (x, _) if finite_tag(x) => Some(x == "VBD"),
                _ => None,
            };
            let same_tense = tense(verb).is_some() && tense(verb) == tense(head);
            let coordinated = tree.children(verb).any(|k| tree.deprel[k] == Deprel::Cc);
            if !same_tense || !coordinated {
                return None;
            }
            tree.children(head)
                .find(|&k| tree.deprel[k] == Deprel::Nsubj && k < head)
        };
        own.or_else(shared)
            .filter(|&k| !self.in_quote(parsed.tokens[k].start))
    }

    /// Whether the verb at `verb` heads an embedded clause: a complement ("keeps saying
    /// she opposed …"), a relative clause, or a clause opened by a subordinator ("if they
    /// were to reply").
    fn embedded_verb(&self, tree: &Analysis, verb: usize) -> bool {
        matches!(
            tree.deprel[verb],
            Deprel::Ccomp | Deprel::Xcomp | Deprel::Csubj | Deprel::Acl | Deprel::AclRelcl
        ) || tree.children(verb).any(|k| tree.deprel[k] == Deprel::Mark)
    }

    /// The source a subject on the tree names: the actor heading it (or the only actor in
    /// it), the referent of a personal pronoun, else what its phrase up to the head reads
    /// as ("the minister", "a report by X").
    pub(super) fn tree_source(
        &self,
        parsed: &Parsed,
        subject: usize,
        history: &History,
    ) -> Option<SourceDraft> {
        let (tokens, tree) = (parsed.tokens, parsed.tree());
        if let Some(actor) = self.subject_actor(parsed, subject) {
            return Some(self.actor_source(actor));
        }
        let pronoun = lower(parsed.words[subject]);
        if PERSONAL_SUBJECTS.contains(&&*pronoun) {
            return self.pronoun(&pronoun, tokens[subject].start, history);
        }
        let r = tree.subtree(subject);
        self.source(tokens[r.start].start..tokens[subject].end, history)
    }

    /// The actor that heads the subject phrase at `subject`, or the only actor in it.
    fn subject_actor(&self, parsed: &Parsed, subject: usize) -> Option<usize> {
        let tokens = parsed.tokens;
        if let Some(m) = self.actors.mention_at(tokens[subject].start) {
            return Some(m.actor);
        }
        let r = parsed.tree().subtree(subject);
        let span = tokens[r.start].start..tokens[r.end - 1].end;
        let mut inside = self.actors.mentions_in(span).map(|m| m.actor);
        let first = inside.next()?;
        inside.all(|a| a == first).then_some(first)
    }

    /// An unnamed source the token heuristics read before the cue that is no noun phrase
    /// on the tags ("have been blamed", "Kaine defended people", "efforts to enact a") is
    /// no source: returns false, and the cue is then no cue of these claims, unless a
    /// noun phrase is left once the words around it are cut ([`Self::repaired_source`]).
    pub(super) fn phrase_sources(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        claims: &mut [ClaimDraft],
        history: &History,
    ) -> bool {
        let before_cue = parsed.tokens[cue.first].start;
        let sentence_start = parsed.tokens.first().map_or(0, |t| t.start);
        for i in 0..claims.len() {
            let Some(s) = claims[i].source.clone() else {
                continue;
            };
            if s.actor.is_some()
                || !matches!(s.kind, SourceKind::Vague | SourceKind::Anonymous)
                || !may_be_no_phrase(&s.name)
            {
                continue;
            }
            let Some(at) = self.text[sentence_start..before_cue].rfind(s.name.as_str()) else {
                continue;
            };
            let r = sentence_start + at..sentence_start + at + s.name.len();
            let first = parsed.tokens.partition_point(|t| t.end <= r.start);
            let end = parsed.tokens.partition_point(|t| t.start < r.end);
            if first >= end || self.noun_phrase(parsed, first..end) {
                continue;
            }
            let Some(source) = self.repaired_source(parsed, first..end, cue, history) else {
                return false;
            };
            for c in claims.iter_mut().filter(|c| c.source.as_ref() == Some(&s)) {
                c.source = Some(source.clone());
            }
        }
        true
    }

    /// The source left in tokens `r` once a relative pronoun closing them is cut off
    /// ("a staffer at the department who"), or, when a relative pronoun stands between
    /// them and the cue, once the verb opening them is ("placate nervous farmers, who
    /// have argued": the farmers).
    fn repaired_source(
        &self,
        parsed: &Parsed,
        r: Range<usize>,
        cue: &Cue,
        history: &History,
    ) -> Option<SourceDraft> {
        let tree = parsed.tree();
        let (mut first, mut end) = (r.start, r.end);
        if end - first > 1 && relative_pronoun_at(parsed, end - 1) {
            end -= 1;
        } else if (end..cue.first).any(|i| relative_pronoun_at(parsed, i)) {
            first = (first..end).find(|&i| {
                matches!(
                    tree.upos[i],
                    Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num
                )
            })?;
        } else if let Some(subject) = (first..end).find_map(|i| {
            // "The army withdrew, saying …": the clause the cue hangs from; its subject
            // speaks.
            (tree.upos[i] == Upos::Verb
                && finite_tag(tree.xpos[i])
                && cue.first > 0
                && parsed.words[cue.first - 1] == ","
                && tree.head_of(parsed.verb(cue)) == Some(i))
            .then(|| {
                tree.children(i)
                    .find(|&k| k >= first && k < i && tree.deprel[k] == Deprel::Nsubj)
            })
            .flatten()
        }) {
            let span = tree.subtree(subject);
            (first, end) = (span.start.max(first), span.end.min(end));
        } else {
            return None;
        }
        if first >= end || !self.noun_phrase(parsed, first..end) {
            return None;
        }
        let tokens = parsed.tokens;
        self.source(tokens[first].start..tokens[end - 1].end, history)
    }

    /// Whether tokens `r` read as a noun phrase on the tags and the tree: it opens with
    /// no verb or conjunction, ends in no function word or relative pronoun, and holds
    /// no finite verb with its subject other than one of a clause on its noun ("people
    /// Republicans have tried to reach").
    fn noun_phrase(&self, parsed: &Parsed, r: Range<usize>) -> bool {
        let tree = parsed.tree();
        let finite = r.clone().any(|i| {
            matches!(tree.upos[i], Upos::Verb | Upos::Aux)
                && (finite_tag(tree.xpos[i]) || tree.xpos[i] == "MD")
                && tree
                    .children(i)
                    .any(|k| r.contains(&k) && tree.deprel[k] == Deprel::Nsubj)
                && !tree.children(i).any(|k| tree.deprel[k] == Deprel::Aux)
                && !r.clone().any(|k| {
                    matches!(tree.deprel[k], Deprel::AclRelcl | Deprel::Acl)
                        && tree.head_of(k).is_some_and(|h| r.contains(&h))
                        && tree.dominates(k, i)
                })
        });
        self.opens_phrase(parsed, r.start) && self.closes_phrase(parsed, r.end - 1) && !finite
    }

    /// Whether token `i` may open a noun phrase: no conjunction, auxiliary or particle,
    /// and a verb only as a participle ("leaked documents").
    fn opens_phrase(&self, parsed: &Parsed, i: usize) -> bool {
        let tree = parsed.tree();
        match tree.upos[i] {
            Upos::Sconj | Upos::Cconj | Upos::Aux | Upos::Part => false,
            Upos::Verb => tree.deprel[i] == Deprel::Amod || matches!(tree.xpos[i], "VBN" | "VBG"),
            _ => true,
        }
    }

    /// Whether token `i` may close a noun phrase: no function word, no relative pronoun.
    fn closes_phrase(&self, parsed: &Parsed, i: usize) -> bool {
        !relative_pronoun_at(parsed, i)
            && !matches!(
                parsed.tree().upos[i],
                Upos::Adp | Upos::Det | Upos::Sconj | Upos::Cconj | Upos::Aux | Upos::Part
            )
    }

    /// Whether the tree shows that the cue reports no speech: a participle modifying a
    /// noun ("suspected militant hideouts"), an event as the subject ("the attacks
    /// threaten to …"), or an instrument for content ("responded with tear gas").
    pub(super) fn no_speaker(&self, parsed: &Parsed, cue: &Cue, claims: &[ClaimDraft]) -> bool {
        if cue.class == CueClass::According {
            return false;
        }
        let words = &parsed.words;
        // A modifier before its noun, with no subject before it: "pounded suspected
        // hideouts", not "Pence echoed statements" (a tagging slip there). Only a lone
        // past form before a lower-case word that may stand inside a noun phrase can be
        // one ("suspected militant", not "suggested that"): the tree is asked then.
        // A pronoun or a name right before the cue is its subject: no parse needed.
        let subject_before = cue.first > 0 && {
            let prev = &parsed.tokens[cue.first - 1];
            matches!(
                &*lower(words[cue.first - 1]),
                "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who"
            ) || self
                .actors
                .mention_at(prev.start)
                .is_some_and(|m| m.end == prev.end)
        };
        let modifier_form = cue.first == cue.last
            && !subject_before
            && words[cue.first].ends_with("ed")
            && words.get(cue.first + 1).is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase()) && !NOT_AFTER_MODIFIER.contains(w)
            });
        let cue_text = &self.text[cue.span.clone()];
        let own = claims
            .iter()
            .filter(|c| c.cue.as_deref() == Some(cue_text))
            .collect::<Vec<_>>();
        let named = own
            .iter()
            .any(|c| c.source.as_ref().is_some_and(|s| s.actor.is_some()));
        // "Trump, appearing after Clinton at the forum, cited problems": after a comma
        // that closes an aside on a named speaker, the past form is the verb.
        let after_aside = named && cue.first > 0 && words[cue.first - 1] == ",";
        if modifier_form && !after_aside {
            let tree = parsed.tree();
            let verb = cue.first;
            let before = (0..verb).rev().find(|&i| tree.upos[i] != Upos::Adv);
            if tree.deprel[verb] == Deprel::Amod
                && tree.head_of(verb).is_some_and(|h| h > verb)
                && before
                    .is_none_or(|b| !matches!(tree.upos[b], Upos::Noun | Upos::Propn | Upos::Pron))
            {
                return true;
            }
        }
        if own.is_empty() || named {
            return false;
        }
        // "The attack raised fears of a wider war": a plural noun that shares the cue's
        // form, the object of a verb right before it (modifiers aside), reports nothing
        // ("C, a city analysis of newly filed port reports shows." is no object, whatever
        // the tree says).
        if !subject_before && cue.first == cue.last && words[cue.first].ends_with('s') {
            let tree = parsed.tree();
            let k = cue.first;
            let object_of_verb = tree.head_of(k).is_some_and(|h| {
                h < k
                    && k - h <= 3
                    && tree.upos[h] == Upos::Verb
                    && tree.upos[h + 1..k]
                        .iter()
                        .all(|u| matches!(u, Upos::Adj | Upos::Det | Upos::Adv | Upos::Adp))
            });
            if tree.upos[k] == Upos::Noun && tree.deprel[k] == Deprel::Obj && object_of_verb {
                return true;
            }
            // "The latest protests erupted after …": the noun heads a subject, its
            // determiner and modifiers before it.
            // (A noun the tree leaves at the root, the verb after it a modifier, is one too.)
            let first = tree.subtree(k).start;
            let subject_noun = tree.upos[k] == Upos::Noun
                && matches!(
                    tree.deprel[k],
                    Deprel::Nsubj | Deprel::NsubjPass | Deprel::Root
                )
                && first < k
                && tree.upos[first] == Upos::Det
                && (first..k).all(|i| matches!(tree.upos[i], Upos::Det | Upos::Adj | Upos::Adv));
            if subject_noun {
                return true;
            }
        }
        let instrument = own.iter().any(|c| {
            c.kind == ClaimKind::Indirect && self.text[c.span.clone()].starts_with("with ")
        });
        // An event noun before the cue is what makes the tree worth asking.
        let event_word = words[..cue.first].iter().any(|w| {
            let w = lower(w);
            EVENT_NOUNS.contains(&&*w) || EVENT_NOUNS.contains(&w.trim_end_matches('s'))
        });
        instrument
            || event_word && {
                let tree = parsed.tree();
                let verb = parsed.verb(cue);
                // The event heads the sentence's first noun phrase ("The attacks threaten
                // to …"), not one after a noun a misparse left out ("Residents fleeing
                // the fighting said").
                tree.children(verb)
                    .find(|&k| tree.deprel[k] == Deprel::Nsubj)
                    .is_some_and(|k| {
                        let start = tree.subtree(k).start;
                        EVENT_NOUNS.contains(&tree.lemma[k].as_str())
                            && !tree.upos[..start]
                                .iter()
                                .any(|u| matches!(u, Upos::Noun | Upos::Propn | Upos::Pron))
                    })
            }
    }
}

#[cfg(test)]
mod tests {
    use super::may_be_no_phrase;

    #[test]
    fn only_suspicious_source_phrases_are_parsed() {
        for name in [
            "Kaine defended people",
            "placate nervous farmers in the valley",
            "a technician at the water board who",
            "efforts to enact a",
            "appeared in the Northern Medical Review",
        ] {
            assert!(may_be_no_phrase(name), "{name}");
        }
        for name in [
            "officials",
            "a source",
            "A senior official",
            "officials in the region",
            "Several former journalists",
        ] {
            assert!(!may_be_no_phrase(name), "{name}");
        }
    }
}

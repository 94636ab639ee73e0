//! Attribution: reporting cues, the source phrase and the content they introduce, and the
//! claim kind (direct, indirect, mixed) that follows from where the quotation marks are.

use std::ops::Range;

use super::entities::ArticleActors;
use super::lexicon::{CueClass, Lexicon, lower};
use super::normalize::PARAGRAPH_BREAK;
use super::quotes::Quote;
use super::segment::{Token, tokenize};
use crate::model::{ActorKind, ClaimKind, SourceKind};
use crate::syntax::{Analysis, Deprel, Model, Upos};

/// A sentence's tokens, their words and its dependency tree, parsed on first use: most
/// sentences never need it.
struct Parsed<'a> {
    tokens: &'a [Token],
    words: Vec<&'a str>,
    tree: std::cell::OnceCell<Analysis>,
}

impl<'a> Parsed<'a> {
    fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        Parsed {
            tokens,
            words: tokens.iter().map(|t| t.text(text)).collect(),
            tree: std::cell::OnceCell::new(),
        }
    }

    fn tree(&self) -> &Analysis {
        self.tree
            .get_or_init(|| Model::embedded().analyse(&self.words))
    }

    /// The verb of a cue: its first word tagged as a verb, else its first word.
    fn verb(&self, cue: &Cue) -> usize {
        let tree = self.tree();
        (cue.first..=cue.last)
            .find(|&i| tree.upos[i] == Upos::Verb)
            .unwrap_or(cue.first)
    }
}

/// A source as found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDraft {
    /// Actor name, or the phrase for vague and anonymous sources.
    pub name: String,
    /// Its kind.
    pub kind: SourceKind,
    /// Index of the actor behind it, in the article's actors.
    pub actor: Option<usize>,
    /// E.g. "field study" for a document.
    pub description: Option<String>,
}

/// A claim as found in an article: byte span, kind, source and cue.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimDraft {
    /// Byte span of the content in the article text.
    pub span: Range<usize>,
    /// How it is voiced.
    pub kind: ClaimKind,
    /// Who says it.
    pub source: Option<SourceDraft>,
    /// The cue as written.
    pub cue: Option<String>,
}

/// Nouns that make a source a document.
#[rustfmt::skip]
const DOCUMENT_NOUNS: &[&str] = &[
    "report", "study", "statement", "survey", "document", "communique", "communiqué", "video",
    "letter", "investigation", "analysis", "audit", "poll", "research", "ruling", "memo",
    "assessment", "paper", "review", "filing", "complaint", "post", "message", "footage",
    "recording", "audio", "press release", "release", "bulletin", "data", "figures", "slide",
    "chart", "graph", "graphic", "map", "tweet", "lawsuit", "indictment", "verdict",
];

/// Definite descriptions that refer back to an actor of a kind: "the group", "the ministry".
const ANAPHORA: &[(&str, &[ActorKind])] = &[
    ("group", &[ActorKind::ArmedGroup, ActorKind::Organization]),
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
    ("militia", &[ActorKind::ArmedGroup]),
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

/// How many mentions back an antecedent is looked for: a bound on the work per pronoun.
const ANTECEDENT_WINDOW: usize = 256;

const DETERMINERS: &[&str] = &["the", "a", "an", "both", "this", "that", "these", "those"];

/// Words that end a subject phrase when walking back from a cue.
const CLAUSE_WORDS: &[&str] = &[
    "that", "but", "while", "because", "although", "though", "whereas", "after", "before", "when",
    "since", "if", "which", "where", "and", "as",
];

/// Words after a cue that carry no content ("said on Monday", "told reporters by phone").
#[rustfmt::skip]
const ADVERBIALS: &[&str] = &[
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "tonight", "earlier", "later", "late", "early", "last", "this",
    "week", "month", "year", "morning", "afternoon", "evening", "night", "in", "a", "an", "the",
    "statement", "interview", "by", "phone", "telephone", "email", "also", "again", "then",
    "recently", "previously", "publicly", "separately", "privately", "reporters", "journalists",
    "told", "press", "conference", "briefing", "at", "news", "to", "written",
];

/// Nouns of events, which happen and say nothing: as the subject of a verb of saying
/// ("the attacks threaten to …", "the coup has threatened to …") the verb is no cue.
#[rustfmt::skip]
const EVENT_NOUNS: &[&str] = &[
    "attack", "coup", "violence", "fighting", "clash", "war", "blast", "explosion",
    "bombing", "incident", "crisis", "conflict", "unrest", "offensive", "shelling",
    "airstrike", "strike", "raid", "killing", "ambush", "uprising", "flood", "drought",
    "earthquake", "storm", "famine", "epidemic", "outbreak",
];

/// Words that open a relative clause.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "where", "when"];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Modal and auxiliary verbs between a subject and its cue ("critics would call").
const MODALS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "do", "does", "did",
];

/// Words in "-ly" that are not adverbs.
const LY_NOUNS: &[&str] = &[
    "family", "ally", "rally", "assembly", "supply", "reply", "monopoly", "anomaly", "italy",
    "july", "bully", "only",
];

/// "he’s", "it's", "who’s": a pronoun with "is" or "has", not a possessor.
fn is_contraction(w: &str) -> bool {
    let stem = w.trim_end_matches("’s").trim_end_matches("'s");
    stem != w
        && matches!(
            stem,
            "he" | "she" | "it" | "who" | "that" | "there" | "what" | "here" | "where"
        )
}

/// Nouns of the occasion of a speech act ("in an interview", "in an on-air diatribe").
const OCCASIONS: &[&str] = &[
    "interview",
    "statement",
    "speech",
    "letter",
    "ruling",
    "tweet",
    "post",
    "op-ed",
    "on-air",
    "televised",
    "radio",
    "television",
    "press",
    "news",
    "email",
    "e-mail",
    "video",
    "diatribe",
    "address",
    "appearance",
    "rally",
    "debate",
    "hearing",
    "report",
    "column",
];

/// Single words that are no content of a cue ("said enough", "knows nothing", "claimed
/// responsibility" without what for).
const EMPTY_CONTENT: &[&str] = &[
    "responsibility",
    "yet",
    "enough",
    "with",
    "about",
    "nothing",
    "something",
    "anything",
    "everything",
    "them",
    "it",
    "this",
    "that",
    "so",
    "too",
    "also",
    "again",
    "then",
    "there",
    "here",
    "only",
    "just",
    "as",
    "much",
    "more",
    "less",
    "all",
    "both",
    "otherwise",
    "instead",
    "later",
    "earlier",
];

/// Nouns of saying and believing that take a that-clause ("Trump’s claim that C").
const SPEECH_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "argument",
    "contention",
    "insistence",
    "allegation",
    "allegations",
    "suggestion",
    "statement",
    "warning",
    "promise",
    "pledge",
    "belief",
    "view",
    "declaration",
    "prediction",
    "admission",
    "accusation",
    "charge",
    "boast",
    "complaint",
];

/// Verbs of saying that ask for something only with an infinitive ("encouraged X to").
const DIRECTIVES: &[&str] = &["encourage", "encouraged", "encourages", "encouraging"];

/// "says", "tells", "warns": a verb of saying in the present, third person.
fn present_speech(w: &str) -> bool {
    matches!(
        w,
        "says"
            | "tells"
            | "adds"
            | "warns"
            | "argues"
            | "insists"
            | "claims"
            | "notes"
            | "explains"
            | "contends"
            | "maintains"
            | "stresses"
            | "believes"
            | "thinks"
    )
}

fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

const AUXILIARIES: &[&str] = &["has", "have", "had"];

/// Words that end the head of a source phrase ("officials in Mali", "a study published by").
#[rustfmt::skip]
const HEAD_ENDS: &[&str] = &[
    "in", "for", "of", "from", "at", "with", "on", "who", "whose", "which", "that", "to",
    "published", "released", "issued", "seen", "obtained", "written", "signed", "sent",
    "prepared", "commissioned", "conducted", "by", "under", "based", "along", "across",
    "around", "near", "among",
];

/// Words that make a would-be subject a clause ("It is also encouraging citizens").
const VERBS_IN_CLAUSES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "will", "would", "can",
    "could", "should", "may", "might", "must", "shall",
];

/// First words of an introductory phrase ("During his years in office, X said, …").
#[rustfmt::skip]
const INTRODUCERS: &[&str] = &[
    "during", "in", "on", "after", "before", "while", "as", "for", "at", "since", "despite",
    "meanwhile", "however", "still", "yet", "now", "today", "later", "earlier", "over", "under",
    "with", "without", "throughout", "when", "once", "if", "although", "though",
];

/// Introducers that open a subordinate clause ("Though it was seamless, he said, …").
const SUBORDINATORS: &[&str] = &[
    "when", "if", "although", "though", "while", "since", "because", "once", "unless", "whereas",
];

/// Forms of "be" (and "so-") that make a following cue passive.
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "so", "get", "got",
];

/// Words before a cue word that make it a noun ("over fears", "his claims").
#[rustfmt::skip]
const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "over", "of", "amid",
    "despite", "about", "these", "those", "this", "such", "for", "any", "no", "whose", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    "thousands", "several", "many", "some", "most", "all", "both", "more",
];

/// Adverbs between a subject and its cue ("X also said"), part of neither.
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "then", "later", "further", "previously", "again", "recently", "repeatedly",
    "subsequently", "initially", "first", "once", "publicly", "officially", "separately",
    "earlier", "still", "reportedly", "allegedly", "quickly", "immediately", "privately",
    "formally", "explicitly", "specifically", "similarly", "likewise", "often", "always",
    "sometimes", "even", "just", "now", "ever", "already", "long",
];

/// Past forms that take an infinitive in the active voice ("X pledged to build"), unlike
/// "suspected to be" or "believed to have".
#[rustfmt::skip]
const INTENTION_VERBS: &[&str] = &[
    "agreed", "pledged", "promised", "threatened", "vowed", "planned", "refused", "declined",
    "intended", "decided", "hoped", "wanted", "wished", "demanded", "proposed",
];

/// Verbs of aspect that are cues only without a verb complement ("he continued").
#[rustfmt::skip]
const ASPECTUAL_VERBS: &[&str] = &[
    "continue", "continued", "continues", "continuing", "resume", "resumed", "resumes",
    "resuming",
];

/// Infinitives that make "declined to …" a report of silence, not a claim.
#[rustfmt::skip]
const SILENCE_VERBS: &[&str] = &[
    "comment", "elaborate", "say", "answer", "respond", "discuss", "specify", "speculate",
    "confirm", "reply",
];

/// A reporting cue in a sentence: token range and byte span (auxiliary included).
#[derive(Debug, Clone)]
struct Cue {
    first: usize,
    last: usize,
    class: CueClass,
    span: Range<usize>,
}

/// Everything attribution needs about the article.
pub struct Context<'a> {
    /// The article text.
    pub text: &'a str,
    /// Lexicons.
    pub lex: &'a Lexicon,
    /// Actors and mentions.
    pub actors: &'a ArticleActors,
    /// Quotations, in text order (they never overlap).
    pub quotes: &'a [Quote],
    /// The paragraphs' byte ranges, in order.
    pub paragraphs: &'a [Range<usize>],
    /// The stretches of text inside quotation marks, sorted and disjoint (see
    /// [`quoted_stretches`]).
    pub quoted: &'a [Range<usize>],
    /// The sentences' byte ranges, in order.
    pub sentences: &'a [Range<usize>],
}

/// The union of the quotations' inner spans: sorted, disjoint ranges.
pub fn quoted_stretches(quotes: &[Quote]) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = quotes
        .iter()
        .map(|q| q.inner.clone())
        .filter(|r| r.start < r.end)
        .collect();
    spans.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Sources already attributed in the article, most recent last (for pronouns).
#[derive(Default)]
pub struct History {
    /// (paragraph, claim span, source), in text order.
    sources: Vec<(usize, Range<usize>, SourceDraft)>,
    /// The index in `sources` of the latest source of each kind.
    last_of_kind: std::collections::HashMap<SourceKind, usize>,
}

impl History {
    /// The latest source of one of `kinds`.
    fn last_entry(&self, kinds: &[SourceKind]) -> Option<&(usize, Range<usize>, SourceDraft)> {
        let i = kinds
            .iter()
            .filter_map(|k| self.last_of_kind.get(k))
            .max()?;
        self.sources.get(*i)
    }

    /// The latest source, if it was attributed in paragraph `para` or the one before.
    pub fn recent(&self, para: usize) -> Option<SourceDraft> {
        self.sources
            .last()
            .filter(|(p, _, _)| para <= p + 1)
            .map(|(_, _, s)| s.clone())
    }

    /// Remembers the source of a claim.
    pub fn push(&mut self, para: usize, span: Range<usize>, s: SourceDraft) {
        self.last_of_kind.insert(s.kind, self.sources.len());
        self.sources.push((para, span, s));
    }

    /// Whether byte `at` lies in the content of an attributed claim.
    fn in_content(&self, at: usize) -> bool {
        self.sources
            .iter()
            .any(|(_, r, _)| r.start <= at && at < r.end)
    }
}

impl Context<'_> {
    /// Whether `t` closes a quotation whose last word carries the sentence's comma
    /// ("… “jobs, jobs, jobs,” but B").
    fn comma_in_quote(&self, t: &Token) -> bool {
        self.quote_ending_at(t.end)
            .is_some_and(|q| self.text[q.inner.clone()].trim_end().ends_with(','))
    }

    /// The quotations that start at byte `at` or later (a binary search: quotations are
    /// in text order and never overlap).
    fn quotes_from(&self, at: usize) -> &[Quote] {
        &self.quotes[self.quotes.partition_point(|q| q.outer.start < at)..]
    }

    /// The quotation whose marks start at byte `at`.
    fn quote_starting_at(&self, at: usize) -> Option<&Quote> {
        self.quotes_from(at).first().filter(|q| q.outer.start == at)
    }

    /// The quotation whose inner span holds `span`.
    fn quote_around(&self, span: Range<usize>) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.inner.start <= span.start);
        i.checked_sub(1)
            .map(|k| &self.quotes[k])
            .filter(|q| span.end <= q.inner.end)
    }

    /// The quotation whose marks end at byte `at`.
    fn quote_ending_at(&self, at: usize) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.outer.end < at);
        self.quotes.get(i).filter(|q| q.outer.end == at)
    }

    /// The first quotation in `within` with only marks and spaces between it and the
    /// start of `within`, and between its end and `end` (one scan of `within` for its
    /// first and last letter or digit, then a binary search).
    fn bare_quote(&self, within: Range<usize>, end: usize) -> Option<&Quote> {
        let part = &self.text[within.start..end.max(within.start)];
        crate::work::add(part.len());
        let first = part
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(end, |(i, _)| within.start + i);
        let last = part
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| within.start + i);
        self.quotes_from(within.start)
            .iter()
            .take_while(|q| q.outer.start <= first)
            .find(|q| q.outer.end <= end && last.is_none_or(|l| l < q.outer.end))
    }

    /// The quotation that is all a sentence says: nothing but marks and spaces around it.
    pub fn lone_quote(&self, sentence: Range<usize>) -> Option<&Quote> {
        self.bare_quote(sentence.clone(), sentence.end)
    }

    fn words(&self, tokens: &[Token]) -> Vec<String> {
        tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(self.text).to_lowercase())
            .collect()
    }

    fn in_quote(&self, at: usize) -> bool {
        // The quoted stretches are sorted and disjoint: the last one starting at or
        // before `at` is the only one that can hold it.
        let i = self.quoted.partition_point(|r| r.start <= at);
        i > 0 && at < self.quoted[i - 1].end
    }

    /// Tokens of a passive cue whose auxiliary is followed by an adverb ("have sometimes
    /// been accused of"), counting the adverb; `None` when `tokens` opens with none.
    fn passive_with_adverb(&self, tokens: &[Token]) -> Option<usize> {
        let aux = lower(tokens.first()?.text(self.text));
        if !matches!(
            &*aux,
            "is" | "are" | "was" | "were" | "has" | "have" | "had"
        ) {
            return None;
        }
        let adverb = tokens.get(1).filter(|t| t.is_word())?;
        let adverb = lower(adverb.text(self.text));
        let adverbial = is_ly_adverb(&adverb)
            || matches!(
                &*adverb,
                "not" | "never" | "sometimes" | "often" | "also" | "long" | "once" | "still"
            );
        if !adverbial {
            return None;
        }
        let rest = &tokens[2..];
        let words = rest
            .iter()
            .take(self.lex.max_cue_words.saturating_sub(1))
            .take_while(|t| t.is_word())
            .count();
        (1..=words).rev().find_map(|m| {
            let phrase = std::iter::once(aux.to_string())
                .chain(self.words(&rest[..m]))
                .collect::<Vec<_>>()
                .join(" ");
            (self.lex.cue(&phrase) == Some(CueClass::Passive)).then_some(m + 2)
        })
    }

    fn cues(&self, tokens: &[Token]) -> Vec<Cue> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < tokens.len() {
            if !tokens[k].is_word() || self.in_quote(tokens[k].start) {
                k += 1;
                continue;
            }
            let first_word = lower(tokens[k].text(self.text));
            // "In a statement Wednesday, X called …": a prepositional phrase, not a cue.
            let prepositional = matches!(
                &*first_word,
                "in" | "on" | "at" | "during" | "via" | "through" | "after"
            );
            if prepositional || !self.lex.cue_first_words.contains(&*first_word) {
                k += 1;
                continue;
            }
            let mut hit = None;
            let max = self.lex.max_cue_words.min(tokens.len() - k);
            let words = tokens[k..k + max]
                .iter()
                .take_while(|t| t.is_word())
                .count();
            let mut phrase = String::new();
            for n in (1..=words).rev() {
                phrase.clear();
                for (i, t) in tokens[k..k + n].iter().enumerate() {
                    if i > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(&lower(t.text(self.text)));
                }
                if let Some(class) = self.lex.cue(&phrase) {
                    hit = Some((n, class));
                    break;
                }
            }
            // "have sometimes been accused of", "is not thought to be": a passive report
            // with an adverb after its auxiliary.
            if hit.is_none()
                && let Some(n) = self.passive_with_adverb(&tokens[k..])
            {
                out.push(Cue {
                    first: k,
                    last: k + n - 1,
                    class: CueClass::Passive,
                    span: tokens[k].start..tokens[k + n - 1].end,
                });
                k += n;
                continue;
            }
            let Some((n, class)) = hit else {
                k += 1;
                continue;
            };
            // "as X put it" reports; "X put it on the table" does not.
            let put_it = matches!(
                &*lower(tokens[k].text(self.text)),
                "put" | "puts" | "putting"
            ) && n == 2;
            if put_it
                && !tokens[k.saturating_sub(12)..k]
                    .iter()
                    .any(|t| lower(t.text(self.text)) == "as")
            {
                k += n;
                continue;
            }
            // "encouraged voters to register" asks something; "encouraging the attacks" does not.
            let directive = DIRECTIVES.contains(&&*lower(tokens[k + n - 1].text(self.text)));
            if directive
                && !tokens[k + n..]
                    .iter()
                    .take(8)
                    .any(|t| t.text(self.text) == "to")
            {
                k += n;
                continue;
            }
            // "suspected to be", "believed to have": passive, no speaker; but "pledged to
            // build", "refused to leave": a verb of intention with its infinitive.
            let last_word = self.words(&tokens[k..k + n]).pop().unwrap_or_default();
            let infinitive = tokens.get(k + n).is_some_and(|t| t.text(self.text) == "to");
            let intention = infinitive
                && INTENTION_VERBS.contains(&last_word.as_str())
                && tokens.get(k + n + 1).is_some_and(|t| {
                    let w = t.text(self.text);
                    t.is_word() && !starts_upper(w) && !NOUN_MARKERS.contains(&w)
                });
            // "declined to comment", "refused to say": a report of silence.
            let silence = infinitive
                && class == CueClass::Attitude
                && tokens
                    .get(k + n + 1)
                    .is_some_and(|t| SILENCE_VERBS.contains(&&*lower(t.text(self.text))));
            let passive = silence || (infinitive && last_word.ends_with("ed") && !intention);
            // "over fears", "the claims", "his statement": a noun, not a cue; "was told",
            // "is called", "so-called": passive, no speaker in subject position.
            let before =
                (k > 0 && tokens[k - 1].is_word()).then(|| lower(tokens[k - 1].text(self.text)));
            let progressive = self
                .words(&tokens[k..k + n])
                .first()
                .is_some_and(|w| w.ends_with("ing"));
            // "Trump's tax plans": after a possessive, a noun.
            let possessive = before.as_deref().is_some_and(|w| {
                w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
            }) && !before.as_deref().is_some_and(is_contraction)
                || (k > 1
                    && matches!(tokens[k - 1].text(self.text), "’" | "'")
                    && tokens[k - 2].text(self.text).ends_with('s'));
            // "the Clean Power Plan", "FELLOW DOCTORS WANT": a capitalised word inside a
            // sentence is part of a name or a heading, not a cue.
            let capitalised = k > 0
                && tokens[..k].iter().any(|t| t.is_word())
                && starts_upper(tokens[k].text(self.text));
            // "the taxes requested in arrears", "bodies found in the river": a participle
            // modifying a noun, not a speech act.
            let reduced_relative = matches!(
                class,
                CueClass::NounContent | CueClass::Finding | CueClass::Evaluation
            ) && self
                .words(&tokens[k..k + n])
                .last()
                .is_some_and(|w| w.ends_with("ed"))
                && tokens.get(k + n).is_some_and(|t| {
                    matches!(
                        t.text(self.text),
                        "in" | "at" | "from" | "by" | "on" | "during" | "under"
                    )
                });
            // "campaign-finance reports shows": a plural noun before the finite cue.
            let before_verb = n == 1
                && last_word.ends_with('s')
                && !last_word.ends_with("ss")
                && last_word != "says"
                && tokens.get(k + 1).is_some_and(|t| {
                    let w = lower(t.text(self.text));
                    t.is_word()
                        && (w.ends_with('s') || w.ends_with("ed"))
                        && matches!(self.lex.cue(&w), Some(CueClass::Speech | CueClass::Finding))
                });
            // "will continue supporting", "continue to search": an aspectual verb with its
            // verb complement reports nothing; "“…,” he continued" does.
            let aspectual = ASPECTUAL_VERBS.contains(&last_word.as_str())
                && tokens.get(k + n).is_some_and(|t| {
                    let w = lower(t.text(self.text));
                    w == "to" || (w.len() > 4 && w.ends_with("ing"))
                });
            // "known as IBK", "better known as": a naming, not a belief.
            let naming = last_word == "known"
                && tokens
                    .get(k + n)
                    .is_some_and(|t| lower(t.text(self.text)) == "as");
            let noun_use = passive
                || aspectual
                || naming
                || before_verb
                || possessive
                || capitalised
                || reduced_relative
                || before.as_deref().is_some_and(|w| {
                    // "they all suggested": a floating quantifier before a past form.
                    let floating = matches!(w, "all" | "both" | "each")
                        && (last_word.ends_with("ed") || last_word == "said");
                    // "taking calls", "making claims": a plural noun, object of a gerund.
                    let object = w.len() > 4
                        && w.ends_with("ing")
                        && n == 1
                        && last_word.ends_with('s')
                        && !last_word.ends_with("ss")
                        && last_word != "says";
                    (NOUN_MARKERS.contains(&w) && !floating)
                        || (COPULAS.contains(&w) && !progressive)
                        || object
                });
            if noun_use {
                k += n;
                continue;
            }
            let mut first = k;
            while first > 0
                && tokens[first - 1].is_word()
                && AUXILIARIES.contains(&&*lower(tokens[first - 1].text(self.text)))
            {
                first -= 1;
            }
            out.push(Cue {
                first,
                last: k + n - 1,
                class,
                span: tokens[first].start..tokens[k + n - 1].end,
            });
            k += n;
        }
        out
    }

    /// Trims spaces, a leading "that", and edge punctuation (not quotation marks) off a
    /// content span.
    fn trim_content(&self, mut r: Range<usize>) -> Range<usize> {
        if r.start > r.end {
            return r.start..r.start;
        }
        // "WASHINGTON ― C", "FLINT, Mich., Oct. 4 (UPI) — C": a dateline opening the
        // paragraph is no part of what was said.
        if r.start == 0 || self.text[..r.start].ends_with('\n') {
            let s = &self.text[r.clone()];
            let first_caps = s.split_whitespace().next().is_some_and(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            });
            if first_caps
                && s.contains([' ', '\u{a0}'])
                && let Some(d) = s
                    .char_indices()
                    .take_while(|(i, _)| *i < 60)
                    .find(|(_, c)| matches!(c, '―' | '—' | '–'))
                    .map(|(i, c)| i + c.len_utf8())
            {
                r.start += d;
            }
        }
        loop {
            let s = &self.text[r.clone()];
            let before = r.clone();
            let lead = s.len()
                - s.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | ':' | ';' | '—' | '–')
                })
                .len();
            r.start += lead;
            let s = &self.text[r.clone()];
            if let Some(rest) = s.strip_prefix("that ") {
                r.start = r.end - rest.len();
            }
            let s = &self.text[r.clone()];
            let trail = s.len()
                - s.trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–')
                })
                .len();
            r.end -= trail;
            if r == before || r.is_empty() {
                return r;
            }
        }
    }

    /// Kind and span of a content range: a lone quotation is direct (span inside the marks),
    /// a quotation within more words is mixed, no quotation is indirect.
    fn content(&self, r: Range<usize>) -> Option<(ClaimKind, Range<usize>)> {
        let r = self.trim_content(r);
        if r.is_empty() || !self.text[r.clone()].chars().any(char::is_alphanumeric) {
            return None;
        }
        // A quotation opening the content and running on into later paragraphs.
        if let Some(q) = self
            .quote_starting_at(r.start)
            .filter(|q| q.outer.end > r.end)
        {
            let inner = self.trim_content(q.inner.clone());
            return (!inner.is_empty()).then_some((ClaimKind::Direct, inner));
        }
        let inside: Vec<&Quote> = self
            .quotes_from(r.start)
            .iter()
            .take_while(|q| q.outer.start < r.end)
            .filter(|q| q.outer.end <= r.end)
            .collect();
        crate::work::add(inside.len());
        if let Some(q) = inside.first() {
            let rest_before = &self.text[r.start..q.outer.start];
            let rest_after = &self.text[q.outer.end..r.end];
            let bare = |s: &str| !s.chars().any(char::is_alphanumeric);
            if inside.len() == 1 && bare(rest_before) && bare(rest_after) {
                let inner = self.trim_content(q.inner.clone());
                return (!inner.is_empty()).then_some((ClaimKind::Direct, inner));
            }
            return Some((ClaimKind::Mixed, r));
        }
        // "said enough", "observed: Yet", "knows nothing": one word that says nothing.
        let mut words = self.text[r.clone()]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty());
        if let (Some(w), None) = (words.next(), words.next()) {
            let w = w.to_lowercase();
            if is_ly_adverb(&w) || EMPTY_CONTENT.contains(&w.as_str()) {
                return None;
            }
        }
        // A quote that encloses the whole range: the speech sits inside it.
        Some((ClaimKind::Indirect, r))
    }

    /// The source a noun phrase names, if it names one. In order: a pronoun; a phrase
    /// ending in a name ("Minister of Education Stefania Giannini"); a document ("a study
    /// published by X"); an unnamed vague or anonymous phrase ("officials in Mali", "a
    /// security source"); a definite description ("the group"); the actor modifying the
    /// head ("The African Union force in Somalia"); an unnamed plural ("Republicans").
    fn source(&self, r: Range<usize>, history: &History) -> Option<SourceDraft> {
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
    fn named_phrase(&self, r: Range<usize>) -> Option<SourceDraft> {
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
    /// The publisher of the document a definite description ("the statement") refers
    /// back to: the last earlier sentence, within the last two paragraphs, that names
    /// such a document ("X said in a statement", "X, in a statement, put …"); its
    /// publisher is the actor named in the subject of the verb the document noun hangs
    /// from.
    fn earlier_publisher(&self, noun: &str, at: usize) -> Option<usize> {
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
            Some(super::tree::clause_subject(&tree, n).and_then(|subject| {
                let r = tree.subtree(subject);
                let span = tokens[r.start].start..tokens[r.end - 1].end;
                // Overlapping, not inside: a mistagged first word can fall outside.
                let i = self
                    .actors
                    .mentions
                    .partition_point(|m| m.end <= span.start);
                self.actors.mentions[i..]
                    .iter()
                    .take_while(|m| m.start < span.end)
                    .last()
                    .map(|m| m.actor)
            }))
        })?
    }

    fn known_surname(&self, word: &str) -> bool {
        self.actors
            .actors
            .iter()
            .any(|a| a.kind == ActorKind::Person && a.name.rsplit(' ').next() == Some(word))
    }

    /// Byte offset after "published by", "by", "from" in `r`, where a publisher follows
    /// ("seen by" and "obtained by" name no publisher).
    fn publisher_marker(&self, r: Range<usize>) -> Option<usize> {
        let phrase = self.text[r.clone()].to_lowercase();
        let at = [" by ", " from "]
            .iter()
            .filter_map(|m| phrase.find(m).map(|i| (i, m.len())))
            .min()?;
        let before = &phrase[..at.0];
        (!before.ends_with("seen") && !before.ends_with("obtained"))
            .then_some(r.start + at.0 + at.1)
    }

    fn actor_source(&self, actor: usize) -> SourceDraft {
        let a = &self.actors.actors[actor];
        SourceDraft {
            name: a.name.clone(),
            kind: a.kind.source_kind(),
            actor: Some(actor),
            description: None,
        }
    }

    /// The latest actor of one of `kinds` mentioned before `at`, outside quotations and
    /// reported content: `(actor, position)`.
    fn last_actor_at(
        &self,
        at: usize,
        kinds: &[ActorKind],
        history: &History,
    ) -> Option<(usize, usize)> {
        // Mentions are sorted and disjoint; an antecedent lies among the last few hundred.
        let upto = self.actors.mentions.partition_point(|m| m.end <= at);
        self.actors.mentions[..upto]
            .iter()
            .rev()
            .take(ANTECEDENT_WINDOW)
            .inspect(|_| crate::work::add(1))
            .filter(|m| !self.in_quote(m.start) && !history.in_content(m.start))
            .find(|m| kinds.contains(&self.actors.actors[m.actor].kind))
            .map(|m| (m.actor, m.start))
    }

    fn last_actor(&self, at: usize, kinds: &[ActorKind], history: &History) -> Option<usize> {
        self.last_actor_at(at, kinds, history).map(|(a, _)| a)
    }

    /// The referent of a pronoun subject: the latest of the last compatible speaker and
    /// the last compatible actor named outside reported content; unresolved pronouns stay
    /// as written (vague for "they", anonymous for "he"/"she").
    fn pronoun(&self, word: &str, at: usize, history: &History) -> Option<SourceDraft> {
        let (source_kinds, actor_kinds): (&[SourceKind], &[ActorKind]) = match word {
            "he" | "she" => (&[SourceKind::Person], &[ActorKind::Person]),
            "it" => (
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
            ),
            "they" | "we" => (
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
            ),
            _ => return None,
        };
        let spoken = history.last_entry(source_kinds);
        let named = self.last_actor_at(at, actor_kinds, history);
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
        resolved.or_else(|| {
            let kind = if matches!(word, "they" | "we") {
                SourceKind::Vague
            } else {
                SourceKind::Anonymous
            };
            Some(SourceDraft {
                name: word.to_string(),
                kind,
                actor: None,
                description: None,
            })
        })
    }

    /// Index of the paragraph holding byte `at`.
    fn paragraph_of(&self, at: usize) -> usize {
        // The breaks before `at` end the paragraphs that end two bytes before it or earlier.
        self.paragraphs
            .partition_point(|p| p.end + PARAGRAPH_BREAK.len() <= at)
    }

    /// "the group", "the ministry", "the senator": the latest actor of a fitting kind.
    fn anaphor(&self, head: &str, at: usize, history: &History) -> Option<SourceDraft> {
        let kinds = match ANAPHORA.iter().find(|(w, _)| *w == head) {
            Some((_, kinds)) => *kinds,
            None if self.lex.roles.contains(head) => &[ActorKind::Person],
            None => return None,
        };
        if kinds == [ActorKind::Person] {
            // "the president": the latest person described as one, else the latest person.
            let upto = self.actors.mentions.partition_point(|m| m.end <= at);
            let described = self.actors.mentions[..upto]
                .iter()
                .rev()
                .take(ANTECEDENT_WINDOW)
                .map(|m| m.actor)
                .find(|&a| {
                    let actor = &self.actors.actors[a];
                    actor.kind == ActorKind::Person
                        && actor.description.as_deref().is_some_and(|d| {
                            d.to_lowercase()
                                .split(|c: char| !c.is_alphanumeric())
                                .any(|w| w == head)
                        })
                });
            if let Some(a) = described {
                return Some(self.actor_source(a));
            }
            return self
                .pronoun("he", at, history)
                .filter(|s| s.actor.is_some());
        }
        self.last_actor(at, kinds, history)
            .map(|a| self.actor_source(a))
    }

    /// Index (in `after`) just past the hearer of a "told": an actor mention, an object
    /// pronoun or "reporters" and the like.
    fn hearer_end(&self, after: &[Token]) -> Option<usize> {
        let first = after.first()?;
        if let Some(m) = self.actors.mention_at(first.start) {
            let Some(mut k) = after.iter().position(|t| t.start >= m.end) else {
                return Some(after.len());
            };
            // "Reuters news agency", "VOA's French to Africa Service": the hearer's name
            // runs on over its own words and capitalised words.
            while k < after.len() {
                let w = after[k].text(self.text);
                let lower = w.to_lowercase();
                let named = after[k].is_word()
                    && (starts_upper(w)
                        || (matches!(lower.as_str(), "to" | "of" | "for")
                            && after
                                .get(k + 1)
                                .is_some_and(|t| starts_upper(t.text(self.text)))));
                let generic = matches!(
                    lower.as_str(),
                    "news" | "agency" | "service" | "newspaper" | "television" | "radio"
                );
                if !(named || generic) {
                    break;
                }
                k += 1;
            }
            return Some(k);
        }
        let raw = first.text(self.text);
        let w = raw.to_lowercase();
        // "told residents", "told African-Americans": a group of people as the hearer.
        let group = self.lex.vague.contains(&w)
            || starts_upper(raw) && w.ends_with('s') && !w.ends_with("ss") && w.len() > 3;
        let hearer = group
            || matches!(
                w.as_str(),
                "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "reporters"
                    | "journalists"
                    | "lawmakers"
                    | "parliament"
                    | "congress"
            );
        if !hearer {
            return None;
        }
        // "told residents this weekend …": adverbials after the hearer.
        let adverbials = after[1..]
            .iter()
            .take_while(|t| {
                t.is_word()
                    && matches!(
                        &*lower(t.text(self.text)),
                        "this"
                            | "last"
                            | "on"
                            | "earlier"
                            | "later"
                            | "weekend"
                            | "week"
                            | "month"
                            | "year"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "night"
                            | "today"
                            | "yesterday"
                            | "monday"
                            | "tuesday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
            })
            .count();
        Some(1 + adverbials)
    }

    /// Start of the subject phrase that ends at token `end` (exclusive): back to the last
    /// clause boundary. Returns the token index.
    fn clause_start(&self, tokens: &[Token], end: usize, floor: usize) -> usize {
        let mut k = end;
        while k > floor {
            let t = tokens[k - 1];
            let w = t.text(self.text);
            // "The transcript–published by the Post–shows": a parenthetical between dashes.
            if matches!(w, "–" | "—" | "--")
                && let Some(open) = tokens[floor..k - 1]
                    .iter()
                    .rposition(|t| t.text(self.text) == w)
            {
                k = floor + open;
                continue;
            }
            // Step over a parenthetical: "Rep. X (D-N.Y.), chairman".
            if w == ")" {
                if let Some(open) = tokens[floor..k - 1]
                    .iter()
                    .rposition(|t| t.text(self.text) == "(")
                {
                    k = floor + open;
                    continue;
                }
                break;
            }
            let boundary = if t.is_word() {
                CLAUSE_WORDS.contains(&w.to_lowercase().as_str())
                    && !(w == "and" && k < end && k > floor + 1 && tokens[k - 2].is_word())
            } else {
                !matches!(w, "'" | "’" | "-" | "." | "&")
            };
            let quote_edge =
                self.quote_ending_at(t.end).is_some() || self.quote_starting_at(t.start).is_some();
            if boundary || quote_edge {
                break;
            }
            k -= 1;
        }
        k
    }

    fn bytes(tokens: &[Token], first: usize, end: usize) -> Range<usize> {
        if first >= end {
            return tokens.get(first).map_or(0, |t| t.start)
                ..tokens.get(first).map_or(0, |t| t.start);
        }
        tokens[first].start..tokens[end - 1].end
    }

    /// Attributes one sentence; returns the claims it yields (empty when no cue works).
    pub fn attribute(
        &self,
        sentence: Range<usize>,
        para: usize,
        history: &mut History,
    ) -> Vec<ClaimDraft> {
        let tokens = tokenize(self.text, sentence.clone());
        let labelled = self
            .speaker_label(&tokens, sentence.clone())
            .or_else(|| self.signed_quote(&tokens, sentence.clone(), history));
        if let Some(c) = labelled.or_else(|| self.relayed(&tokens, sentence.clone(), history)) {
            if let Some(s) = &c.source {
                history.push(para, c.span.clone(), s.clone());
            }
            return vec![c];
        }
        let mut cues = self.cues(&tokens);
        // "“Why now?” Graham asked.": a quotation that ends its own sentence, then its cue
        // as a short sentence of its own; the two are read as one.
        let mut tokens = tokens;
        let mut sentence = sentence;
        if cues.is_empty()
            && let Some(end) = self.cue_after_quote(sentence.clone())
        {
            let extended = sentence.start..end;
            let ext_tokens = tokenize(self.text, extended.clone());
            let ext_cues = self.cues(&ext_tokens);
            if !ext_cues.is_empty() {
                tokens = ext_tokens;
                cues = ext_cues;
                sentence = extended;
            }
        }
        // "…, according to X." governs the whole sentence: try it first; then a verb of
        // saying that closes the sentence ("A decided B, a source said."), which reports
        // everything before it.
        let first_speech = cues
            .iter()
            .filter(|o| o.class == CueClass::Speech)
            .map(|o| o.last)
            .min();
        let speech_before = |c: &Cue| first_speech.is_some_and(|last| last < c.first);
        let finite = |c: &Cue| {
            let w = lower(tokens[c.last].text(self.text));
            w.ends_with("ed") || w.ends_with('s') || matches!(&*w, "said" | "told" | "wrote")
        };
        let closing = |c: &Cue| {
            c.class == CueClass::Speech
                && finite(c)
                && !speech_before(c)
                && tokens[c.last + 1..]
                    .iter()
                    .all(|t| !t.is_word() || ADVERBIALS.contains(&&*lower(t.text(self.text))))
                && tokens[c.first.saturating_sub(8)..c.first]
                    .iter()
                    .any(|t| t.text(self.text) == ",")
        };
        cues.sort_by_key(|c| (c.class != CueClass::According, !closing(c)));
        let parsed = Parsed::new(self.text, &tokens);
        for cue in &cues {
            let mut claims = self.try_cue(&tokens, cue, sentence.clone(), history);
            self.join_continuation(&mut claims, sentence.clone());
            if !claims.is_empty() {
                if self.no_speaker(&parsed, cue, &claims) {
                    continue;
                }
                self.tree_extents(&parsed, cue, &mut claims, sentence.clone(), para, history);
            }
            // A passive report names nobody a later pronoun could refer to.
            if !claims.is_empty() && cue.class == CueClass::Passive {
                return claims;
            }
            if !claims.is_empty() {
                for c in &claims {
                    if let Some(s) = &c.source {
                        history.push(para, c.span.clone(), s.clone());
                    }
                }
                return claims;
            }
        }
        let mut claims = self.possessed_claim(&tokens, sentence.clone(), history);
        if claims.is_empty() && !cues.is_empty() {
            claims.extend(
                cues.iter()
                    .find_map(|cue| self.subject_on_tree(&parsed, cue, sentence.clone())),
            );
        }
        if let Some(s) = claims.iter().find_map(|c| c.source.as_ref()) {
            history.push(para, claims[claims.len() - 1].span.clone(), s.clone());
        }
        claims
    }

    /// Content extents from the dependency tree: an indirect content after its cue ends
    /// where the clause the cue governs ends. What follows a shortened content is read
    /// again as a sentence of its own (a second speaker, or the article's voice); a
    /// content cut before its relative clause or subordinate clause is extended.
    /// A cue whose subject the token heuristics could not read ("a militant group calling
    /// itself X claimed responsibility for Y"): the tree's subject of the cue verb, when an
    /// actor heads it or is the only actor in it, with the verb's complement as content.
    fn subject_on_tree(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        sentence: Range<usize>,
    ) -> Option<ClaimDraft> {
        if matches!(
            cue.class,
            CueClass::Passive | CueClass::According | CueClass::Evaluation
        ) {
            return None;
        }
        let (tokens, words, tree) = (parsed.tokens, &parsed.words, parsed.tree());
        let verb = (cue.first..=cue.last).find(|&i| tree.upos[i] == Upos::Verb)?;
        let negated = tree.children(verb).any(|k| {
            let w = lower(words[k]);
            matches!(&*w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
        });
        // A complement proper: a clause or an object, or the noun after a cue that ends in
        // a preposition ("claimed responsibility for Y"); not a date ("said Friday").
        let ends_in_preposition = tree.upos[cue.last] == Upos::Adp;
        let complement = tree.children(verb).any(|k| {
            k > cue.last
                && (matches!(tree.deprel[k], Deprel::Ccomp | Deprel::Xcomp | Deprel::Obj)
                    || (ends_in_preposition && tree.deprel[k] == Deprel::Obl))
        });
        if !complement {
            return None;
        }
        let subject = tree
            .children(verb)
            .find(|&k| tree.deprel[k] == Deprel::Nsubj && k < cue.first)?;
        if negated || self.in_quote(tokens[subject].start) {
            return None;
        }
        let r = tree.subtree(subject);
        let span = tokens[r.start].start..tokens[r.end - 1].end;
        let actor = match self.actors.mention_at(tokens[subject].start) {
            Some(m) => m.actor,
            None => {
                let mut inside = self.actors.mentions_in(span).map(|m| m.actor);
                let first = inside.next()?;
                if inside.any(|a| a != first) {
                    return None;
                }
                first
            }
        };
        let from = cue.last + 1;
        let is_cue =
            |i: usize| tree.upos[i] == Upos::Verb && self.lex.cue(&lower(words[i])).is_some();
        let is_break = |i: usize| matches!(words[i], "," | ";") || tree.upos[i] == Upos::Cconj;
        let extent = super::tree::content_end(tree, verb, from, is_cue, is_break)?;
        let end = tokens[extent.end - 1].end.min(sentence.end);
        let source = self.actor_source(actor);
        self.draft(
            tokens.get(from)?.start..end,
            &source,
            &self.text[cue.span.clone()],
        )
    }

    /// Whether the tree shows that the cue reports no speech: a participle modifying a
    /// noun ("suspected militant hideouts"), an event as the subject ("the attacks
    /// threaten to …"), or an instrument for content ("responded with tear gas").
    fn no_speaker(&self, parsed: &Parsed, cue: &Cue, claims: &[ClaimDraft]) -> bool {
        if cue.class == CueClass::According {
            return false;
        }
        let words = &parsed.words;
        // A modifier before its noun, with no subject before it: "pounded suspected
        // hideouts", not "Pence echoed statements" (a tagging slip there). Only a lone
        // past form before a lower-case word can be one: the tree is asked then.
        let modifier_form = cue.first == cue.last
            && words[cue.first].ends_with("ed")
            && words
                .get(cue.first + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        if modifier_form {
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
        let cue_text = &self.text[cue.span.clone()];
        let own = claims
            .iter()
            .filter(|c| c.cue.as_deref() == Some(cue_text))
            .collect::<Vec<_>>();
        let named = own
            .iter()
            .any(|c| c.source.as_ref().is_some_and(|s| s.actor.is_some()));
        if own.is_empty() || named {
            return false;
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
                tree.children(verb)
                    .find(|&k| tree.deprel[k] == Deprel::Nsubj)
                    .is_some_and(|k| EVENT_NOUNS.contains(&tree.lemma[k].as_str()))
            }
    }

    fn tree_extents(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        claims: &mut Vec<ClaimDraft>,
        sentence: Range<usize>,
        para: usize,
        history: &mut History,
    ) {
        if matches!(cue.class, CueClass::Passive | CueClass::According) {
            return;
        }
        let (tokens, words) = (parsed.tokens, &parsed.words);
        let cue_text = &self.text[cue.span.clone()];
        let Some(ci) = claims.iter().position(|c| {
            c.kind == ClaimKind::Indirect
                && c.cue.as_deref() == Some(cue_text)
                && c.span.start >= cue.span.end
        }) else {
            return;
        };
        let span = claims[ci].span.clone();
        let Some(from) = tokens.iter().position(|t| t.start >= span.start) else {
            return;
        };
        // Only a break followed by a cue word inside the content, or a relative clause
        // just after it, can move the content's end: otherwise the tree is not asked.
        let upto = tokens.partition_point(|t| t.start < span.end);
        let brk = |w: &str| matches!(w, "," | ";" | "—" | "–" | "and" | "but" | "or");
        let cut_possible = (from..upto).any(|i| brk(words[i]))
            && (from..upto).any(|i| self.lex.cue(&lower(words[i])).is_some());
        let relative_after = words.get(upto) == Some(&",")
            && words
                .get(upto + 1)
                .is_some_and(|w| RELATIVES.contains(&&*lower(w)));
        if !cut_possible && !relative_after {
            return;
        }
        let tree = parsed.tree();
        let verb = parsed.verb(cue);
        let is_cue = |i: usize| {
            tree.upos[i] == Upos::Verb
                && self
                    .lex
                    .cue(&lower(words[i]))
                    .is_some_and(|c| c != CueClass::Passive)
        };
        let is_break =
            |i: usize| matches!(words[i], "," | ";" | "—" | "–") || tree.upos[i] == Upos::Cconj;
        let Some(extent) = super::tree::content_end(tree, verb, from, is_cue, is_break) else {
            return;
        };
        let later = claims.iter().any(|c| c.span.start >= span.end);
        let relative = |i: usize| RELATIVES.contains(&&*lower(words[i]));
        // A clause of another speaker after a break ends the content; the rest is read
        // again as a sentence of its own.
        if let Some(cut) = extent
            .cut
            .filter(|&c| c > from && tokens[c].start < span.end)
            .filter(|&c| !(c - 1..(c + 3).min(words.len())).any(relative))
        {
            let Some(last) = (from..cut).rev().find(|&i| !is_break(i)) else {
                return;
            };
            let Some((kind, new)) = self.content(span.start..tokens[last].end) else {
                return;
            };
            claims[ci].span = new;
            claims[ci].kind = kind;
            // Claims found in what follows the cut are found again, with their speaker.
            let cut_at = tokens[cut].start;
            claims.retain(|c| c.span.start < cut_at);
            let Some(first) = (cut..tokens.len()).find(|&i| tokens[i].is_word() && !is_break(i))
            else {
                return;
            };
            let rest = tokens[first].start..sentence.end;
            let more = self.attribute(rest.clone(), para, history);
            if !more.is_empty() {
                claims.extend(more);
            } else if tokens[first..].iter().filter(|t| t.is_word()).count() >= 4 {
                claims.push(self.own_voice(rest, sentence.end));
            }
            return;
        }
        // A relative clause the heuristics cut off: ", which came as …", ", who …, resign".
        let end = tokens[extent.end - 1].end.min(sentence.end);
        let Some(next) = tokens.iter().position(|t| t.start >= span.end) else {
            return;
        };
        if end > span.end
            && !later
            && words[next] == ","
            && next + 1 < extent.end
            && relative(next + 1)
            && !(next..extent.end).any(is_cue)
            && !self.text[span.end..end].contains(['"', '“', '”'])
            && let Some((kind, new)) = self.content(span.start..end)
        {
            claims[ci].span = new;
            claims[ci].kind = kind;
        }
    }

    /// "Limbaugh added:" closing its paragraph, then the words in the next paragraph: a
    /// block quotation introduced by a cue and a colon. `next` is the next paragraph.
    pub fn block_intro(
        &self,
        sentence: Range<usize>,
        next: Range<usize>,
        para: usize,
        history: &mut History,
    ) -> Vec<ClaimDraft> {
        let text = self.text;
        if !text[sentence.clone()].trim_end().ends_with(':')
            || text[sentence.clone()].split_whitespace().count() > 15
        {
            return Vec::new();
        }
        let tokens = tokenize(text, sentence.clone());
        let extended = sentence.start..next.end;
        let ext_tokens = tokenize(text, extended.clone());
        for cue in self.cues(&tokens) {
            if !matches!(cue.class, CueClass::Speech | CueClass::Finding) {
                continue;
            }
            let claims = self.subject_before(&ext_tokens, &cue, extended.clone(), history);
            if let [c] = claims.as_slice()
                && c.span.start >= next.start
            {
                if let Some(s) = &c.source {
                    history.push(para, c.span.clone(), s.clone());
                }
                return claims;
            }
        }
        Vec::new()
    }

    /// "Politifact checked Trump’s claim that C", "his insistence that C": a speech noun
    /// with its possessor and a that-clause is the possessor's claim; the words up to the
    /// noun are the article's own.
    fn possessed_claim(
        &self,
        tokens: &[Token],
        sentence: Range<usize>,
        history: &History,
    ) -> Vec<ClaimDraft> {
        let text = self.text;
        let word = |t: &Token| lower(t.text(text));
        let Some(k) = (1..tokens.len().saturating_sub(1)).find(|&k| {
            SPEECH_NOUNS.contains(&&*word(&tokens[k]))
                && tokens[k + 1].text(text) == "that"
                && !self.in_quote(tokens[k].start)
        }) else {
            return Vec::new();
        };
        // The possessor right before the noun, or before one modifier ("his repeated claim").
        let possessive = |t: &Token| {
            let w = word(t);
            (w.ends_with("’s") || w.ends_with("'s")) && !is_contraction(&w)
                || matches!(&*w, "his" | "her" | "their")
        };
        let Some(p) = (k.saturating_sub(2)..k)
            .rev()
            .find(|&p| tokens[p].is_word() && possessive(&tokens[p]))
        else {
            return Vec::new();
        };
        let pw = word(&tokens[p]);
        let pronoun = match &*pw {
            "his" => Some("he"),
            "her" => Some("she"),
            "their" => Some("they"),
            _ => None,
        };
        let source = match pronoun {
            Some(p_word) => self.pronoun(p_word, tokens[p].start, history),
            None => {
                // The name before "’s": back over capitalised words.
                let mut first = p;
                while first > 0
                    && tokens[first - 1].is_word()
                    && starts_upper(tokens[first - 1].text(text))
                {
                    first -= 1;
                }
                let stem = tokens[p].end
                    - if pw.ends_with("’s") {
                        "’s".len()
                    } else {
                        2
                    };
                (starts_upper(tokens[p].text(text)))
                    .then(|| self.source(tokens[first].start..stem, history))
                    .flatten()
            }
        };
        let Some(source) = source else {
            return Vec::new();
        };
        let mut claims = Vec::new();
        let lead_words = tokens[..=k].iter().filter(|t| t.is_word()).count();
        if lead_words >= 4 {
            claims.push(ClaimDraft {
                span: sentence.start..tokens[k].end,
                kind: ClaimKind::Assertion,
                source: None,
                cue: None,
            });
        }
        // "Contrary to his claim that A, B": in an opening phrase the clause ends at its
        // comma (inside quotation marks or not).
        let opening = tokens[..p].iter().filter(|t| t.is_word()).count() <= 3
            && tokens.first().is_some_and(|t| {
                matches!(
                    &*word(t),
                    "contrary"
                        | "despite"
                        | "unlike"
                        | "given"
                        | "following"
                        | "after"
                        | "amid"
                        | "beyond"
                        | "regardless"
                        | "in"
                        | "on"
                        | "with"
                        | "for"
                        | "against"
                        | "besides"
                        | "like"
                )
            });
        let end = if opening {
            tokens[k + 2..]
                .iter()
                .find(|t| t.text(text) == "," && !self.in_quote(t.start) || self.comma_in_quote(t))
                .map_or(sentence.end, |t| t.end)
        } else {
            sentence.end
        };
        claims.extend(self.draft(tokens[k + 1].end..end, &source, tokens[k].text(text)));
        if opening && end < sentence.end {
            claims.push(self.own_voice(end..sentence.end, sentence.end));
        }
        if claims.iter().all(|c| c.kind == ClaimKind::Assertion) {
            return Vec::new();
        }
        claims
    }

    /// How many tokens of the longest cue at the start of `tokens` (0 when none).
    fn cue_len(&self, tokens: &[Token]) -> usize {
        let max = self.lex.max_cue_words.min(tokens.len());
        (1..=max)
            .rev()
            .find(|&n| {
                let run = &tokens[..n];
                run.iter().all(Token::is_word) && self.lex.cue(&self.words(run).join(" ")).is_some()
            })
            .unwrap_or(0)
    }

    /// End of a short cue sentence ("Graham asked.") right after `sentence` when
    /// `sentence` is a quotation alone ending in its own "?", "!" or ".".
    fn cue_after_quote(&self, sentence: Range<usize>) -> Option<usize> {
        let text = self.text;
        let q = self.lone_quote(sentence)?;
        if !text[q.inner.clone()]
            .trim_end()
            .ends_with(['?', '!', '.', '…'])
        {
            return None;
        }
        let rest = &text[q.outer.end..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let stop = line.find(['.', '!', '?', '“', '"', '”'])?;
        let clause = &line[..stop];
        let words = clause.split_whitespace().count();
        (line[stop..].starts_with('.')
            && (1..=8).contains(&words)
            && clause.trim_start().starts_with(char::is_uppercase)
            && !clause.contains(','))
        .then(|| q.outer.end + stop + 1)
    }

    /// "“A,” X said, “B.”" and "“A,” X said. “B.”": a quotation that goes on after its
    /// cue is one claim with it, spanning the cue. The continuation is a quotation that
    /// opens in the same sentence after the cue, or one standing alone right after it in
    /// the same paragraph.
    fn join_continuation(&self, claims: &mut Vec<ClaimDraft>, sentence: Range<usize>) {
        for i in 0..claims.len() {
            if claims[i].kind != ClaimKind::Assertion
                && claims[i].source.is_some()
                && self.join_at(claims, i, sentence.clone())
            {
                return;
            }
        }
    }

    fn join_at(&self, claims: &mut Vec<ClaimDraft>, i: usize, sentence: Range<usize>) -> bool {
        let text = self.text;
        let c = &claims[i];
        let Some(cue) = c.cue.as_deref() else {
            return false;
        };
        let after = match c.kind {
            ClaimKind::Direct => self
                .quote_around(c.span.clone())
                .map_or(c.span.end, |q| q.outer.end),
            _ => c.span.end,
        };
        // Only a content that precedes its cue goes on after it.
        let Some(q) = self.quotes_from(after).first() else {
            return false;
        };
        let gap = &text[after..q.outer.start];
        let gap_words = gap.split_whitespace().count();
        // "…,” X said, adding later, “…”": another cue introduces the second quotation.
        let another_cue = gap
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.ends_with("ing") && self.lex.cue(&w.to_lowercase()).is_some());
        if another_cue {
            return false;
        }
        if !gap.contains(cue)
            || gap_words > 40
            || gap.contains(['\n', ';'])
            || gap.contains(", and")
            || gap.contains("and,")
            || gap.contains(['“', '”', '"', '«', '»'])
        {
            return false;
        }
        let within = q.outer.start < sentence.end;
        let gap = gap.trim_end();
        let joined = if within {
            gap.ends_with(',') || gap.ends_with(':')
        } else {
            // The next sentence is the quotation alone.
            let rest = &text[q.outer.end..];
            let alone = rest
                .chars()
                .find(|c| !c.is_whitespace() || *c == '\n')
                .is_none_or(|c| c == '\n' || c.is_uppercase() || matches!(c, '“' | '"'));
            let closed = text[q.inner.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '…']);
            gap.ends_with('.') && alone && closed
        };
        if !joined {
            return false;
        }
        let inner = self.trim_content(q.inner.clone());
        if inner.is_empty() {
            return false;
        }
        let kind = if c.kind == ClaimKind::Direct {
            ClaimKind::Direct
        } else {
            ClaimKind::Mixed
        };
        let span = c.span.start..inner.end;
        claims[i].span = span.clone();
        claims[i].kind = kind;
        let keep = claims[i].clone();
        claims.retain(|d| d == &keep || d.span.start >= span.end || d.span.end <= span.start);
        true
    }

    fn try_cue(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Vec<ClaimDraft> {
        match cue.class {
            CueClass::Passive => match self.sourceless(cue, sentence.clone()) {
                Some(claim) => vec![claim],
                None => self.raised(tokens, cue, sentence),
            },
            CueClass::According => self
                .according(tokens, cue, sentence, history)
                .unwrap_or_default(),
            CueClass::Evaluation => {
                let mut claims = self.subject_before(tokens, cue, sentence.clone(), history);
                // Without its complement the evaluation is the article's own report ("X
                // criticised the budget and called for cuts": an assertion, then a claim).
                // A second cue (", claiming that …") needs none.
                let own = &self.text[cue.span.clone()];
                for c in &mut claims {
                    if c.cue.as_deref() == Some(own) && !self.judges(c.span.clone(), own) {
                        *c = self.own_voice(sentence.start..c.span.end, sentence.end);
                    }
                }
                if claims.iter().all(|c| c.kind == ClaimKind::Assertion) {
                    return Vec::new();
                }
                claims
            }
            _ => {
                let subject = self.subject_before(tokens, cue, sentence.clone(), history);
                if subject.is_empty() {
                    self.inverted(tokens, cue, sentence, history)
                        .into_iter()
                        .collect()
                } else {
                    subject
                }
            }
        }
    }

    /// Whether the content of an evaluation says what the target is called or blamed for:
    /// "the plan as a “disaster”", "Romney for not releasing his returns"; not the bare
    /// target ("the plan") nor an adverbial ("for years").
    fn judges(&self, content: Range<usize>, cue: &str) -> bool {
        // "likened the rules to X", "compared Trump to a coach": a comparison.
        let comparison = cue
            .to_lowercase()
            .split(' ')
            .any(|w| w.starts_with("liken") || w.starts_with("compar"));
        let words: Vec<&str> = self.text[content]
            .split(|c: char| !c.is_alphanumeric() && !matches!(c, '’' | '\'' | '-'))
            .filter(|w| !w.is_empty())
            .take(12)
            .collect();
        // "allies as well as rivals", "deals such as NAFTA": no complement.
        (1..words.len()).any(|k| match words[k] {
            "for" => true,
            "to" => comparison,
            "as" => {
                !matches!(words[k - 1], "such" | "well" | "as")
                    && !words.get(k + 1).is_some_and(|w| {
                        matches!(
                            *w,
                            "well" | "much" | "many" | "long" | "soon" | "far" | "part"
                        )
                    })
            }
            _ => false,
        })
    }

    /// "PENCE: Well, look, …" (a transcript) and "Maria Costa: “…”": a paragraph that
    /// opens with a speaker's name and a colon is that speaker's words. The name is in
    /// capitals, or an actor's name before a quotation.
    fn speaker_label(&self, tokens: &[Token], sentence: Range<usize>) -> Option<ClaimDraft> {
        let text = self.text;
        if !(sentence.start == 0 || text[..sentence.start].ends_with('\n')) {
            return None;
        }
        let lead = usize::from(tokens.first().is_some_and(|t| !t.is_word()));
        let colon = (lead..tokens.len().min(lead + 5)).find(|&k| tokens[k].text(text) == ":")?;
        let name = &tokens[lead..colon];
        if name.is_empty() || !name.iter().all(Token::is_word) {
            return None;
        }
        let capitals = name.iter().all(|t| {
            let w = t.text(text);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        });
        let range = Self::bytes(tokens, lead, colon);
        let quote_next = tokens
            .get(colon + 1)
            .is_some_and(|t| self.quote_starting_at(t.start).is_some());
        let source = if capitals {
            // "PENCE": the person of that surname, else the label as a person's name.
            let label = text[range.clone()].to_lowercase();
            self.actors
                .actors
                .iter()
                .position(|a| {
                    a.kind == ActorKind::Person
                        && a.name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|s| s.to_lowercase() == label)
                })
                .map(|a| self.actor_source(a))
                .unwrap_or_else(|| SourceDraft {
                    name: text[range].to_string(),
                    kind: SourceKind::Person,
                    actor: None,
                    description: None,
                })
        } else if quote_next {
            let m = self.actors.mentions_in(range.clone()).next()?;
            if m.start != range.start || m.end != range.end {
                return None;
            }
            self.actor_source(m.actor)
        } else {
            return None;
        };
        let para_end = text[sentence.start..]
            .find("\n")
            .map_or(text.len(), |i| sentence.start + i);
        let start = tokens.get(colon + 1)?.start;
        let (kind, span) = self.content(start..para_end)?;
        let kind = if capitals { ClaimKind::Direct } else { kind };
        Some(ClaimDraft {
            span,
            kind,
            source: Some(source),
            cue: Some(":".to_string()),
        })
    }

    /// "“…” — Maria Costa": a quotation signed with a dash and a name.
    fn signed_quote(
        &self,
        tokens: &[Token],
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let dash = tokens
            .iter()
            .rposition(|t| matches!(t.text(text), "―" | "—" | "–"))?;
        // Only a quotation with no letter or digit before it in the sentence qualifies.
        let first_word = text[sentence.start..]
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(text.len(), |(i, _)| sentence.start + i);
        let q = self
            .quotes_from(sentence.start)
            .iter()
            .take_while(|q| q.outer.start <= first_word)
            .find(|q| {
                q.outer.end <= tokens[dash].start
                    && text[q.outer.end..tokens[dash].start].trim().is_empty()
            })?;
        let mut end = tokens.len();
        if tokens.last().is_some_and(|t| t.text(text) == ".") {
            end -= 1;
        }
        let name = &tokens[dash + 1..end];
        let named = !name.is_empty()
            && name.len() <= 5
            && name.iter().all(|t| t.is_word() || t.text(text) == ".")
            && name
                .iter()
                .filter(|t| t.is_word())
                .all(|t| starts_upper(t.text(text)));
        if !named {
            return None;
        }
        let range = Self::bytes(tokens, dash + 1, end);
        let source = self
            .source(range.clone(), history)
            .unwrap_or_else(|| SourceDraft {
                name: text[range].to_string(),
                kind: SourceKind::Person,
                actor: None,
                description: None,
            });
        let inner = self.trim_content(q.inner.clone());
        (!inner.is_empty()).then(|| ClaimDraft {
            span: inner,
            kind: ClaimKind::Direct,
            source: Some(source),
            cue: Some(text[tokens[dash].start..tokens[dash].end].to_string()),
        })
    }

    /// "Y quoted X as saying “Q”": the claim is X's, Y only relays it.
    fn relayed(
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

    /// "It was reported that C", "It is believed that C": content with an unnamed,
    /// vague source named by the phrase itself.
    fn sourceless(&self, cue: &Cue, sentence: Range<usize>) -> Option<ClaimDraft> {
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

    /// "The veto is expected to come on Friday", "Two officers were accused of lying": a
    /// passive report whose subject is raised out of the reported clause. Nobody is named
    /// as the source; the claim is the clause, subject included, and its vague source is
    /// the passive phrase ("is expected").
    fn raised(&self, tokens: &[Token], cue: &Cue, sentence: Range<usize>) -> Vec<ClaimDraft> {
        let text = self.text;
        let phrase = &text[cue.span.clone()];
        let lower = phrase.to_lowercase();
        let opens_with_be = lower
            .split(' ')
            .next()
            .is_some_and(|w| COPULAS.contains(&w) || AUXILIARIES.contains(&w));
        if !opens_with_be || cue.first == 0 {
            return Vec::new();
        }
        let first = self.clause_start(tokens, cue.first, 0);
        let subject: Vec<&Token> = tokens[first..cue.first]
            .iter()
            .filter(|t| t.is_word())
            .collect();
        // The subject is a noun phrase: it holds no verb of its own. "Neither X nor Y has
        // been charged", "No one is expected to": a report that nothing was said.
        let negative = subject.first().is_some_and(|t| {
            matches!(
                &*t.text(text).to_lowercase(),
                "neither" | "no" | "none" | "nobody" | "nothing"
            )
        }) || {
            // "has never been charged", "was not accused": nothing was reported. A belief
            // can be negative ("is not thought to be").
            let p = phrase.to_lowercase();
            (p.contains(" never ") || p.contains(" not "))
                && !["thought", "believed", "expected", "considered", "seen"]
                    .iter()
                    .any(|v| p.contains(v))
        };
        if negative
            || subject.is_empty()
            || subject.len() > 12
            || subject.iter().any(|t| {
                let w = t.text(text).to_lowercase();
                VERBS_IN_CLAUSES.contains(&w.as_str()) && !MODALS.contains(&w.as_str())
                    || AUXILIARIES.contains(&w.as_str())
            })
        {
            return Vec::new();
        }
        let words_after = tokens[cue.last + 1..]
            .iter()
            .filter(|t| t.is_word())
            .count();
        if words_after < 2 {
            return Vec::new();
        }
        let name = ["to", "of", "for", "with", "as", "that"]
            .iter()
            .find_map(|end| phrase.strip_suffix(&format!(" {end}")))
            .unwrap_or(phrase);
        let source = SourceDraft {
            name: name.to_string(),
            kind: SourceKind::Vague,
            actor: None,
            description: None,
        };
        // "X is expected to A, but B", "X was accused of A, with claims of B", "Although X
        // is thought to A, it …": the reported clause ends at its comma; the rest is the
        // article's own.
        let stop = tokens[cue.last + 1..]
            .iter()
            .find(|t| matches!(t.text(text), "," | ";") && !self.in_quote(t.start))
            .map(|t| t.start);
        let end = stop.unwrap_or(sentence.end);
        let mut claims: Vec<ClaimDraft> = self
            .draft(tokens[first].start..end, &source, phrase)
            .into_iter()
            .collect();
        if let Some(stop) = stop {
            let rest = self.trim_content(stop..sentence.end);
            let words = tokens
                .iter()
                .filter(|t| t.start >= rest.start && t.is_word())
                .count();
            // An adjunct ("with complaints from …", "killing ten") stays unclaimed.
            let adjunct = text[rest.clone()]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| {
                    w.ends_with("ing")
                        || matches!(w, "with" | "without" | "in" | "on" | "at" | "for" | "from")
                });
            if !claims.is_empty() && words >= 4 && !adjunct {
                claims.push(self.own_voice(rest, sentence.end));
            }
        }
        claims
    }

    /// The article's own words over `r` (trimmed), through a final full stop before `limit`.
    fn own_voice(&self, r: Range<usize>, limit: usize) -> ClaimDraft {
        let r = self.trim_content(r);
        ClaimDraft {
            span: r.start..sentence_end(self.text, r.end, limit),
            kind: ClaimKind::Assertion,
            source: None,
            cue: None,
        }
    }

    fn draft(&self, content: Range<usize>, source: &SourceDraft, cue: &str) -> Option<ClaimDraft> {
        let (kind, span) = self.content(content)?;
        Some(ClaimDraft {
            span,
            kind,
            source: Some(source.clone()),
            cue: Some(cue.to_string()),
        })
    }

    /// "According to X, C" / "C, according to X" / "According to X, quoting Y, C".
    fn according(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let text = self.text;
        let cue_text = &text[cue.span.clone()];
        let leading = tokens[..cue.first].iter().all(|t| !t.is_word());
        if !leading {
            // "…, according to Craig Bryan, head of the center": the name before the comma.
            let np_end = tokens[cue.last + 1..]
                .iter()
                .find(|t| matches!(t.text(text), "," | ";" | "(" | "."))
                .map_or(sentence.end, |t| t.start);
            let source = self
                .source(cue.span.end..np_end, history)
                .or_else(|| self.named_phrase(cue.span.end..np_end))?;
            // "…, which, according to AFP, the UN has criticised": a parenthetical; the
            // clause after it is the content.
            let np_comma = tokens[cue.last + 1..]
                .iter()
                .position(|t| t.start == np_end && t.text(text) == ",")
                .map(|p| p + cue.last + 1);
            let opened_by_comma = cue.first > 0 && tokens[cue.first - 1].text(text) == ",";
            // "…, according to X, a former aide now teaching …": an apposition on X, not
            // a clause.
            let role = |k: usize| {
                tokens.get(k).is_some_and(|t| {
                    let w = lower(t.text(text));
                    matches!(&*w, "head" | "former")
                        || self.lex.roles.contains(&*w)
                        || self.lex.titles.contains_key(&*w)
                })
            };
            let apposition = |c: usize| {
                tokens.get(c + 1).is_some_and(|t| {
                    let w = lower(t.text(text));
                    matches!(&*w, "a" | "an" | "who" | "whose") || w == "the" && role(c + 2)
                }) || role(c + 1)
            };
            // A full clause before the cue is the content; the parenthetical reading
            // needs a bare relative or conjunction there ("…, which, according to …").
            let before: Vec<&Token> = tokens[..cue.first].iter().filter(|t| t.is_word()).collect();
            let bare = before.len() <= 3
                || before.last().is_some_and(|t| {
                    matches!(
                        &*lower(t.text(text)),
                        "which" | "that" | "who" | "and" | "but" | "because" | "while" | "as"
                    )
                });
            if let Some(c) = np_comma.filter(|&c| opened_by_comma && bare && !apposition(c))
                && tokens[c + 1..].iter().filter(|t| t.is_word()).count() >= 4
            {
                return self
                    .draft(tokens[c].end..sentence.end, &source, cue_text)
                    .map(|c| vec![c]);
            }
            return self
                .draft(sentence.start..cue.span.start, &source, cue_text)
                .map(|c| vec![c]);
        }
        let comma = tokens[cue.last + 1..]
            .iter()
            .position(|t| t.text(text) == ",")?
            + cue.last
            + 1;
        let np = Self::bytes(tokens, cue.last + 1, comma);
        let mut source = self
            .source(np.clone(), history)
            .or_else(|| self.named_phrase(np))?;
        let mut content_start = tokens.get(comma + 1)?.start;
        let mut cue_text = cue_text.to_string();
        let rest = self.cues(&tokens[comma + 1..]);
        if let Some(relay) = rest
            .first()
            .filter(|c| c.first == 0 && c.class == CueClass::According)
        {
            let (f, l) = (comma + 1 + relay.first, comma + 1 + relay.last);
            if let Some(c2) = tokens[l + 1..]
                .iter()
                .position(|t| t.text(text) == ",")
                .map(|p| p + l + 1)
                && let Some(s) = self.source(Self::bytes(tokens, l + 1, c2), history)
            {
                source = s;
                cue_text = text[tokens[f].start..tokens[l].end].to_string();
                content_start = tokens.get(c2 + 1)?.start;
            }
        }
        // "According to X, Y believes C": the inner speaker is the source.
        let inner = content_start..sentence.end;
        let inner_tokens = tokenize(text, inner.clone());
        for c in self.cues(&inner_tokens) {
            if matches!(c.class, CueClass::According | CueClass::Passive) {
                continue;
            }
            let claims = self.subject_before(&inner_tokens, &c, inner.clone(), history);
            if !claims.is_empty() {
                return Some(claims);
            }
            break;
        }
        self.draft(inner, &source, &cue_text).map(|c| vec![c])
    }

    /// "“Q,” said X." / "C, added KCNA."
    fn inverted(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let cue_text = &text[cue.span.clone()];
        let prev = cue.first.checked_sub(1).map(|k| tokens[k].text(text));
        let after_quote =
            cue.first > 0 && self.quote_ending_at(tokens[cue.first - 1].end).is_some();
        // ", adding that …", ", even suggesting …": a participle of the sentence subject.
        let adverb_before = cue.first > 1
            && tokens[cue.first - 2].text(text) == ","
            && prev.is_some_and(|w| {
                let w = w.to_lowercase();
                matches!(
                    w.as_str(),
                    "even" | "also" | "again" | "later" | "then" | "often" | "still"
                ) || is_ly_adverb(&w)
            });
        if (prev == Some(",") || adverb_before) && cue_text.ends_with("ing") {
            return self.participle(tokens, cue, sentence, history);
        }
        // Inversion is for plain verbs of saying: "said X", "added KCNA".
        if cue.first != cue.last || cue_text.ends_with("ing") {
            return None;
        }
        // "Said Ellis: “…”": the cue opens the sentence, the speaker follows.
        if cue.first == 0 && cue.class == CueClass::Speech {
            let colon = (cue.last + 1..tokens.len().min(cue.last + 10))
                .find(|&k| matches!(tokens[k].text(text), ":" | ","))?;
            let source = self.source(Self::bytes(tokens, cue.last + 1, colon), history)?;
            return self.draft(
                tokens.get(colon + 1)?.start..sentence.end,
                &source,
                cue_text,
            );
        }
        if !(prev == Some(",") || after_quote)
            || !matches!(cue.class, CueClass::Speech | CueClass::Finding)
            || is_tell(cue_text)
        {
            return None;
        }
        // The dot of "Rep." or "W." does not end the name.
        let abbreviation_dot = |k: usize| {
            tokens[k].text(text) == "."
                && k > 0
                && tokens[k - 1].end == tokens[k].start
                && (tokens[k - 1].text(text).chars().count() == 1
                    || self
                        .lex
                        .titles
                        .contains_key(&tokens[k - 1].text(text).to_lowercase()))
        };
        let tail_end = (cue.last + 1..tokens.len())
            .find(|&k| {
                matches!(
                    tokens[k].text(text),
                    "," | "." | ";" | ":" | "!" | "?" | "("
                ) && !abbreviation_dot(k)
            })
            .unwrap_or(tokens.len());
        // "said Rep. X (D-N.Y.), a leading …", "said X (a view echoed by …).": a
        // parenthetical after the name is neither name nor content.
        let after_paren = (tokens.get(tail_end).is_some_and(|t| t.text(text) == "("))
            .then(|| {
                (tail_end..tokens.len())
                    .find(|&k| tokens[k].text(text) == ")")
                    .map(|k| k + 1)
            })
            .flatten();
        let rest = after_paren.unwrap_or(tail_end);
        let words_after_np = tokens[rest..].iter().filter(|t| t.is_word()).count();
        if tail_end == cue.last + 1 || words_after_np > 0 && tokens[rest].text(text) != "," {
            return None;
        }
        let source = self.source(Self::bytes(tokens, cue.last + 1, tail_end), history)?;
        self.draft(sentence.start..cue.span.start, &source, cue_text)
    }

    /// "X launched a petition, asking the government to …": the subject of the sentence
    /// speaks through the participle.
    fn participle(
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
        let limit = first_words.last()?.end;
        // The actor at the head of the clause subject in the tree: "Maria Santos" in
        // "U.N. Secretary-General Maria Santos condemned …, saying …".
        let before = tokens[clause_start].start..tokens[cue.first].start;
        let head_mention = if self.actors.mentions_in(before).next().is_some() {
            let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
            let tree = Model::embedded().analyse(&words);
            super::tree::clause_subject(&tree, cue.first)
                .filter(|&k| k < cue.first)
                .and_then(|k| self.actors.mention_at(tokens[k].start))
        } else {
            None
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
                    self.subject_phrase(&tokens[clause_start..cue.first], history)?
                }
            }
        };
        self.draft(cue.span.end..sentence.end, &source, &text[cue.span.clone()])
    }

    /// The source named by the noun phrase opening a clause, up to its first auxiliary,
    /// adverb, preposition or past form: "The mayor" in "The mayor has sharply criticized".
    fn subject_phrase(&self, tokens: &[Token], history: &History) -> Option<SourceDraft> {
        let lead = tokens
            .iter()
            .take_while(|t| ADVERBS.contains(&&*lower(t.text(self.text))))
            .count();
        let tokens = &tokens[lead..];
        // "the president of the region, Roberto Maroni, has": the name in apposition.
        if let Some(c) = tokens.iter().take(8).position(|t| t.text(self.text) == ",")
            && let Some(m) = tokens
                .get(c + 1)
                .and_then(|t| self.actors.mention_at(t.start))
            && tokens
                .iter()
                .find(|t| t.start >= m.end)
                .is_some_and(|t| t.text(self.text) == ",")
        {
            return Some(self.actor_source(m.actor));
        }
        let end = tokens.iter().enumerate().skip(1).find_map(|(i, t)| {
            let w = t.text(self.text).to_lowercase();
            let verbal = !t.is_word()
                || AUXILIARIES.contains(&w.as_str())
                || VERBS_IN_CLAUSES.contains(&w.as_str())
                || ADVERBS.contains(&w.as_str())
                || HEAD_ENDS.contains(&w.as_str())
                || (!starts_upper(t.text(self.text))
                    && (w.ends_with("ly") || w.ends_with("ed") || self.lex.cue(&w).is_some()));
            // "The river council met on Tuesday": a lower-case word before a preposition
            // or determiner, past the head of the phrase, is its verb.
            let before_object = i >= 2
                && !starts_upper(t.text(self.text))
                && !DETERMINERS.contains(&&*lower(tokens[i - 1].text(self.text)))
                && tokens.get(i + 1).is_some_and(|n| {
                    let n = n.text(self.text).to_lowercase();
                    DETERMINERS.contains(&n.as_str()) || HEAD_ENDS.contains(&n.as_str())
                });
            (verbal || before_object).then_some(i)
        })?;
        if end > 5 || !tokens[..end].iter().all(Token::is_word) {
            return None;
        }
        self.source(Self::bytes(tokens, 0, end), history)
    }

    /// "X said (that) C", "X, a spokesman, said: “Q”", "“Q,” X said", "C, X said",
    /// "X told Y that C", "X accused Y of Z". Returns the claims of the sentence.
    fn subject_before(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Vec<ClaimDraft> {
        let text = self.text;
        let cue_text = &text[cue.span.clone()];
        let end = sentence.end;
        // The verb group before the cue belongs to neither subject nor cue: adverbs
        // ("specifically point to"), modals ("would call"), auxiliaries with adverbs
        // between ("has repeatedly wondered"), floating quantifiers ("all suggested").
        let mut subj_end = cue.first;
        let mut negated = false;
        while subj_end > 0 && tokens[subj_end - 1].is_word() {
            let w = tokens[subj_end - 1].text(text).to_lowercase();
            let negation =
                matches!(w.as_str(), "not" | "never") || w.ends_with("n’t") || w.ends_with("n't");
            let verbal = ADVERBS.contains(&w.as_str())
                || MODALS.contains(&w.as_str())
                || AUXILIARIES.contains(&w.as_str())
                || negation
                || (is_ly_adverb(&w) && !starts_upper(tokens[subj_end - 1].text(text)))
                || (matches!(w.as_str(), "all" | "both" | "each")
                    && subj_end > 1
                    && tokens[subj_end - 2].is_word());
            if !verbal {
                break;
            }
            negated |= negation;
            subj_end -= 1;
        }
        // "did not say", "have not commented": a report of silence.
        if negated && cue.class == CueClass::Speech {
            return Vec::new();
        }
        // "X supported Democrats …, and said C", "X condemned the test and pledged to …": a
        // second verb of the sentence subject.
        let comma_and = subj_end > 1
            && matches!(tokens[subj_end - 1].text(text), "and" | "but")
            && tokens[subj_end - 2].text(text) == ",";
        let bare_and = subj_end > 1
            && tokens[subj_end - 1].text(text) == "and"
            && tokens[subj_end - 2].is_word();
        if comma_and || bare_and {
            let Some(said) = self.participle(tokens, cue, sentence.clone(), history) else {
                return Vec::new();
            };
            // The first verb's clause is the article's own voice.
            let cut = if comma_and {
                subj_end - 2
            } else {
                subj_end - 1
            };
            let first = self.trim_content(sentence.start..tokens[cut].start);
            let words = tokens[..cut].iter().filter(|t| t.is_word()).count();
            let mut claims = Vec::new();
            if words >= 4 && !first.is_empty() {
                claims.push(ClaimDraft {
                    span: first,
                    kind: ClaimKind::Assertion,
                    source: None,
                    cue: None,
                });
            }
            claims.push(said);
            return claims;
        }
        // "He’s claiming that C", "she’s called for C": the pronoun before the contraction.
        if subj_end > 0
            && subj_end == cue.first
            && is_contraction(&tokens[subj_end - 1].text(text).to_lowercase())
        {
            let t = tokens[subj_end - 1];
            let stem = t.end
                - text[..t.end]
                    .chars()
                    .rev()
                    .take(2)
                    .map(char::len_utf8)
                    .sum::<usize>();
            let alone = subj_end == 1 || !tokens[subj_end - 2].is_word();
            return match self.source(t.start..stem, history) {
                Some(source) if alone => self
                    .draft(cue.span.end..end, &source, cue_text)
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            };
        }
        // "the request … asking schools to pay": a participle without "is" has no subject.
        // "are calling for": the first word of the cue is the participle.
        if lower(tokens[cue.first].text(text)).ends_with("ing") {
            let be = subj_end > 0
                && matches!(
                    &*lower(tokens[subj_end - 1].text(text)),
                    "is" | "are" | "was" | "were" | "been" | "be"
                );
            if !be {
                // "X defended the record whilst promising …": the sentence subject.
                let after_subordinator = subj_end > 0
                    && matches!(
                        &*lower(tokens[subj_end - 1].text(text)),
                        "while" | "whilst" | "after" | "before" | "when" | "by"
                    );
                return if after_subordinator {
                    self.participle(tokens, cue, sentence, history)
                        .into_iter()
                        .collect()
                } else {
                    Vec::new()
                };
            }
            subj_end -= 1;
            // "has been calling for", "will be demanding".
            while subj_end > 0 && {
                let w = lower(tokens[subj_end - 1].text(text));
                AUXILIARIES.contains(&&*w) || MODALS.contains(&&*w)
            } {
                subj_end -= 1;
            }
        }
        let in_quote = |r: &Range<usize>| {
            // The quotations are in order and disjoint: the last one starting before the
            // range's end is the only one that can reach into it.
            let i = self.quotes.partition_point(|q| q.outer.start < r.end);
            i > 0 && r.start < self.quotes[i - 1].outer.end
        };
        let mut subj_first = self.clause_start(tokens, subj_end, 0);
        // "X, who said C", "the department, which reported C": the antecedent speaks;
        // words between the pronoun and the cue ("who in 2010 said") are adverbials.
        if let Some(claim) = self.relative(tokens, cue, subj_first, sentence.clone(), history) {
            return vec![claim];
        }
        // "A few days ago in an interview he blasted …", "In May he said …": an adverbial
        // without a comma, then the pronoun that is the subject.
        if subj_end > subj_first + 1
            && matches!(
                &*lower(tokens[subj_end - 1].text(text)),
                "he" | "she" | "they"
            )
            && tokens[subj_end - 2].is_word()
            && tokens[subj_first..subj_end - 1].iter().any(|t| {
                let w = lower(t.text(text));
                w == "ago" || t.start == tokens[subj_first].start && INTRODUCERS.contains(&&*w)
            })
        {
            subj_first = subj_end - 1;
        }
        let source = if subj_first < subj_end {
            // "The survey–published by the union–shows": the closing dash is no part of it.
            let subj_end = if subj_end > subj_first + 1
                && matches!(tokens[subj_end - 1].text(text), "–" | "—")
            {
                subj_end - 1
            } else {
                subj_end
            };
            let subj = Self::bytes(tokens, subj_first, subj_end);
            if in_quote(&subj) {
                return Vec::new();
            }
            match self.source(subj, history) {
                Some(s) => s,
                None => return Vec::new(),
            }
        } else if subj_first > 0 && tokens[subj_first - 1].text(text) == "," {
            // Appositions between the subject and the cue: "X, mayor of Y, told", "The
            // governor, X, said", "Schiff, 56, who serves on the panel, said". Walk back
            // over the comma-separated segments; the first named source wins, else the
            // nearest source.
            let named = |s: &SourceDraft| s.actor.is_some() && s.kind != SourceKind::Document;
            let mut fallback = None;
            let mut chosen = None;
            let mut seg_end = subj_first - 1;
            for _ in 0..4 {
                let comma = (0..seg_end)
                    .rev()
                    .find(|&k| tokens[k].text(text) == "," && !self.in_quote(tokens[k].start));
                let floor = comma.map_or(0, |c| c + 1);
                let seg_first = self.clause_start(tokens, seg_end, floor);
                // "X, who serves on the panel, said": a clause, not a name; a quotation's
                // edge before the name is no clause.
                let relative = seg_first > floor && tokens[seg_first - 1].is_word();
                if seg_first < seg_end && !relative {
                    let r = Self::bytes(tokens, seg_first, seg_end);
                    if in_quote(&r) {
                        break;
                    }
                    if let Some(s) = self.source(r, history) {
                        if named(&s) {
                            chosen = Some((seg_first, s));
                            break;
                        }
                        fallback.get_or_insert((seg_first, s));
                    }
                }
                match comma {
                    Some(c) if relative || seg_first == floor => seg_end = c,
                    _ => break,
                }
            }
            match chosen.or(fallback) {
                Some((first, s)) => {
                    subj_first = first;
                    s
                }
                None => return Vec::new(),
            }
        } else {
            return Vec::new();
        };

        let after = &tokens[cue.last + 1..];
        let word = |t: &Token| lower(t.text(text));
        let first_after = after.first().map(|t| t.text(text));
        let opens = |t: &Token| matches!(t.text(text), "“" | "\"" | "‘" | "«");
        let tell = is_tell(cue_text);
        let that_at = after
            .iter()
            .take(if tell { 14 } else { 12 })
            .position(|t| t.text(text) == "that")
            .filter(|&p| {
                // "said on Monday that", "tweeted in the early morning hours that", "said
                // in an interview with CNN that": adverbials, or a prepositional phrase.
                let phrase = &after[..p];
                // "cautioned, as did the campaign itself, that C": a parenthetical.
                let parenthetical = phrase.len() >= 3
                    && phrase[0].text(text) == ","
                    && phrase[phrase.len() - 1].text(text) == ","
                    && phrase[1..phrase.len() - 1]
                        .iter()
                        .all(|t| t.is_word() && !self.in_quote(t.start));
                tell || parenthetical
                    || phrase.len() <= 8
                        && phrase
                            .iter()
                            .all(|t| t.is_word() && ADVERBIALS.contains(&&*word(t)))
                    || phrase.first().is_some_and(|t| {
                        matches!(
                            &*word(t),
                            "in" | "on" | "at" | "during" | "via" | "through" | "over" | "with"
                        )
                    }) && phrase.iter().all(|t| {
                        (t.is_word() || t.text(text) == ",")
                            && !self.in_quote(t.start)
                            && self.lex.cue(&word(t)).is_none()
                    })
            });
        let only_adverbials = after.iter().filter(|t| t.is_word()).all(|t| {
            let w = word(t);
            ADVERBIALS.contains(&&*w) || w.starts_with(|c: char| c.is_ascii_digit())
        });
        let mut claims = Vec::new();
        let closes_quote = |t: &Token| self.quote_ending_at(t.end).is_some();
        // "“Q,” X said …" / "“Q”, X said …": a quotation right before the subject.
        // The words before the subject, past a leading "so", "and" or "but": an opening
        // phrase ("During …", "On “Fox News Sunday,”", "Though A was B").
        let lead: Vec<&Token> = {
            let mut words = tokens[..subj_first]
                .iter()
                .filter(|t| t.is_word())
                .peekable();
            if words
                .peek()
                .is_some_and(|t| matches!(&*word(t), "so" | "and" | "but"))
            {
                words.next();
            }
            words.collect()
        };
        let opens_with_intro = lead
            .first()
            .is_some_and(|t| !self.in_quote(t.start) && INTRODUCERS.contains(&&*word(t)));
        // "On “Fox News Sunday,” X said C": a title that closes an introductory phrase is
        // no quotation of the speaker; the content follows the cue.
        let quote_before = subj_first > 0
            && (closes_quote(&tokens[subj_first - 1])
                || (tokens[subj_first - 1].text(text) == ","
                    && subj_first > 1
                    && closes_quote(&tokens[subj_first - 2])))
            && !(opens_with_intro
                && !only_adverbials
                && after.iter().filter(|t| t.is_word()).count() >= 3);
        // "During his years in office, Mr. Obama said, a majority …": an introductory
        // phrase, then the speaker, then the content.
        let intro_before =
            subj_first > 0 && tokens[subj_first - 1].text(text) == "," && opens_with_intro;
        // "Though A was B, he said, C …", "So when A did B, X said, “C.”": a subordinate
        // clause cannot stand alone, so the cue interrupts one content, which is one
        // claim around it. A reduced clause ("When asked about A, X said") is no content.
        let subordinate_intro = intro_before
            && first_after == Some(",")
            && lead.len() >= 4
            && SUBORDINATORS.contains(&&*word(lead[0]))
            && !word(lead[1]).ends_with("ed")
            && !word(lead[1]).ends_with("ing")
            && after.iter().filter(|t| t.is_word()).count() >= 2;
        if subordinate_intro {
            return self
                .draft(sentence.start..end, &source, cue_text)
                .into_iter()
                .collect();
        }
        let tail_clause = first_after == Some(",")
            && after
                .get(1)
                .is_some_and(|t| t.is_word() && !word(t).ends_with("ing"))
            && after.iter().filter(|t| t.is_word()).count() >= 4;
        // "C, X said Friday afternoon, as …": adverbials, then a comma; the content came
        // before the subject.
        let content_before = subj_first > 0
            && (tokens[subj_first - 1].text(text) == "," || closes_quote(&tokens[subj_first - 1]));
        let adverbials_end = after.iter().position(|t| t.text(text) == ",").filter(|&c| {
            content_before
                && c > 0
                && after[..c]
                    .iter()
                    .all(|t| t.is_word() && ADVERBIALS.contains(&&*word(t)))
        });
        let adverbials_then_comma = adverbials_end.is_some();
        let forward_from = if quote_before && !matches!(first_after, Some(":")) && that_at.is_none()
            || adverbials_then_comma
        {
            None
        } else if matches!(first_after, Some(":"))
            || after.first().is_some_and(opens)
            || (first_after == Some(",") && after.get(1).is_some_and(opens))
        {
            Some(cue.span.end)
        } else if let Some(p) = that_at {
            Some(after[p].end)
        } else if intro_before && tail_clause {
            Some(after[0].end)
        } else if first_after == Some(",") || only_adverbials {
            None
        } else if tell {
            // "told local media networks to end …": object and infinitive.
            let infinitive = after.windows(3).any(|w| {
                w[1].text(text) == "to"
                    && w[0].is_word()
                    && w[2].is_word()
                    && !starts_upper(w[0].text(text))
                    && !starts_upper(w[2].text(text))
            });
            // "told Sky News any process …": the hearer, then the content.
            let hearer_end = self.hearer_end(after);
            let quote_at = after.iter().position(|t| opens(t) || t.text(text) == ":");
            // "told voters this weekend he would consider it a “personal insult” if …": a
            // clause after the hearer holds the quotation.
            let clause_first = hearer_end.filter(|&h| {
                quote_at.is_some_and(|q| {
                    h < q
                        && after[h..q].iter().filter(|t| t.is_word()).count() >= 3
                        && !after[h..q].iter().any(|t| {
                            t.is_word() && self.lex.cue(&word(t)) == Some(CueClass::Speech)
                        })
                })
            });
            if let Some(h) = clause_first {
                Some(after[h].start)
            } else if let Some(q) = quote_at {
                Some(after[q].start)
            } else if infinitive {
                Some(cue.span.end)
            } else {
                // "urged Republicans to join …": the hearer belongs to the request.
                hearer_end
                    .filter(|&h| after[h..].iter().filter(|t| t.is_word()).count() >= 3)
                    .map(|h| {
                        if after[h].text(text) == "to" {
                            cue.span.end
                        } else {
                            after[h].start
                        }
                    })
            }
        } else {
            Some(cue.span.end)
        };
        // "As X put it in a statement to reporters in July, C": the phrase after the cue
        // belongs to it; the content follows the comma.
        if (1..=10).contains(&subj_first) && word(&tokens[0]) == "as" && first_after != Some(",") {
            let comma = after.iter().position(|t| t.text(text) == ",");
            if let Some(c) = comma.filter(|&c| {
                c <= 15
                    && after[..c]
                        .iter()
                        .all(|t| (t.is_word() || t.text(text) == ".") && !self.in_quote(t.start))
                    && after.first().is_some_and(|t| {
                        matches!(&*word(t), "in" | "on" | "at" | "to" | "during" | "after")
                    })
            }) {
                return self
                    .draft(after[c].end..end, &source, cue_text)
                    .into_iter()
                    .collect();
            }
        }
        // "questioned whether C", "questioned how C": the question word opens the content.
        let forward_from = forward_from.map(|from| {
            let wh = matches!(
                &*word(&tokens[cue.last]),
                "whether" | "why" | "what" | "how" | "if"
            );
            if wh && from == cue.span.end {
                tokens[cue.last].start
            } else {
                from
            }
        });
        match forward_from {
            Some(from) => {
                // A second claim under the same source: "…, declaring it a message",
                // "…, and said it was …", "… thought out”: “Moves …”".
                // A noun content ends before a relative clause on its last noun:
                // "cited criticism of X, who took heat for …".
                // "denounced the annexation in an on-air diatribe", "attacked X as Y during
                // the debate": the occasion of a speech act is no part of its content.
                let end = if matches!(cue.class, CueClass::NounContent | CueClass::Evaluation) {
                    let words_before = |at: usize| {
                        after
                            .iter()
                            .filter(|t| t.start >= from && t.start < at && t.is_word())
                            .count()
                    };
                    after
                        .windows(3)
                        .find(|w| {
                            let relative = w[0].text(text) == ","
                                && matches!(&*word(&w[1]), "who" | "which" | "where" | "whose");
                            let occasion = word(&w[0]) == "during"
                                || word(&w[0]) == "in"
                                    && matches!(&*word(&w[1]), "a" | "an")
                                    && OCCASIONS.iter().any(|o| word(&w[2]).starts_with(o));
                            w[0].start > from
                                && !self.in_quote(w[0].start)
                                && (relative || occasion && words_before(w[0].start) >= 1)
                        })
                        .map_or(end, |w| w[0].start)
                } else {
                    end
                };
                let split = after.iter().enumerate().find_map(|(k, t)| {
                    if t.start <= from || t.start >= end || self.in_quote(t.start) {
                        return None;
                    }
                    let next = after.get(k + 1)?;
                    let is_cue = |t: &Token| {
                        self.lex
                            .cue(&word(t))
                            .is_some_and(|c| c != CueClass::Passive)
                    };
                    match t.text(text) {
                        "," if word(next).ends_with("ing") && is_cue(next) => {
                            Some((t.start, next.end, next.text(text).to_string()))
                        }
                        "," | ";"
                            if matches!(&*word(next), "and" | "but")
                                && after.get(k + 2).is_some_and(|c| {
                                    is_cue(c) && (word(next) == "and" || word(c).ends_with("ed"))
                                }) =>
                        {
                            let c = &after[k + 2];
                            Some((t.start, c.end, c.text(text).to_string()))
                        }
                        ":" if opens(next) && k > 0 => Some((t.start, t.end, cue_text.to_string())),
                        // "accused X of Y and asserted that Z": a second past verb.
                        "and" | "but"
                            if k > 0
                                && (after[k - 1].is_word() || closes_quote(&after[k - 1]))
                                && is_cue(next)
                                && (word(next).ends_with("ed")
                                    || matches!(&*word(next), "said" | "told")
                                    || present_speech(&word(next))) =>
                        {
                            // The longest cue there: "called for", not "called".
                            let n = self.cue_len(&after[k + 1..]).max(1);
                            let last = &after[k + n];
                            Some((t.start, last.end, text[next.start..last.end].to_string()))
                        }
                        // "… but has said she will …": a second verb with its auxiliary.
                        "and" | "but"
                            if k > 0
                                && after[k - 1].is_word()
                                && AUXILIARIES.contains(&&*word(next))
                                && after.get(k + 2).is_some_and(|c| {
                                    is_cue(c)
                                        && (word(c).ends_with("ed")
                                            || matches!(&*word(c), "said" | "told"))
                                }) =>
                        {
                            let n = self.cue_len(&after[k + 2..]).max(1);
                            let last = &after[k + 1 + n];
                            Some((t.start, last.end, text[next.start..last.end].to_string()))
                        }
                        _ => None,
                    }
                });

                // Another speaker: "…, but Y said B", "…, while experts warn that B".
                let handover = || {
                    after.iter().enumerate().find_map(|(k, t)| {
                        let comma = matches!(t.text(text), "," | ";") && !self.in_quote(t.start);
                        if t.start <= from || t.start >= end || !(comma || self.comma_in_quote(t)) {
                            return None;
                        }
                        let conj = after.get(k + 1).filter(|c| {
                            matches!(
                                &*word(c),
                                "but" | "and" | "while" | "whereas" | "although" | "though"
                            )
                        })?;
                        let rest = conj.end..end;
                        let rest_tokens = tokenize(text, rest.clone());
                        let next_cue =
                            self.cues(&rest_tokens).into_iter().find(|c| c.first <= 8)?;
                        let more = self.subject_before(&rest_tokens, &next_cue, rest, history);
                        let stop = if comma { t.start } else { t.end };
                        (!more.is_empty()).then_some((stop, more))
                    })
                };
                match split {
                    Some((comma, cue_end, second_cue)) => {
                        claims.extend(self.draft(from..comma, &source, cue_text));
                        claims.extend(self.draft(cue_end..end, &source, &second_cue));
                    }
                    None => match handover() {
                        Some((comma, more)) => {
                            claims.extend(self.draft(from..comma, &source, cue_text));
                            claims.extend(more);
                        }
                        None => {
                            // "X said A, but B": the turn to B is the article's own.
                            // "…, but would eventually add …": a modal without a subject of
                            // its own goes on with the reported content.
                            let elided = |t: &Token| {
                                let w = word(t);
                                MODALS.contains(&&*w) && !matches!(&*w, "do" | "does" | "did")
                            };
                            let turn = after.windows(3).find(|w| {
                                w[0].start > from
                                    && w[0].start < end
                                    && (w[0].text(text) == "," && !self.in_quote(w[0].start)
                                        || self.comma_in_quote(&w[0]))
                                    && matches!(&*word(&w[1]), "but" | "yet")
                                    && word(&w[2]) != "that"
                                    && !elided(&w[2])
                            });
                            match turn {
                                Some(w) => {
                                    let stop = if w[0].text(text) == "," {
                                        w[0].start
                                    } else {
                                        w[0].end
                                    };
                                    claims.extend(self.draft(from..stop, &source, cue_text));
                                    let rest = self.trim_content(w[1].start..end);
                                    if after
                                        .iter()
                                        .filter(|t| t.start >= rest.start && t.is_word())
                                        .count()
                                        >= 4
                                    {
                                        claims.push(self.own_voice(rest, end));
                                    }
                                }
                                None => claims.extend(self.draft(from..end, &source, cue_text)),
                            }
                        }
                    },
                }
            }
            None => {
                // "As X noted, C" and "A, as X put it, B": a parenthetical cue.
                if subj_first > 0 && word(&tokens[subj_first - 1]) == "as" {
                    let as_at = subj_first - 1;
                    let rest = after.first().filter(|t| t.text(text) == ",").map(|t| t.end);
                    if as_at == 0 {
                        return rest
                            .and_then(|r| self.draft(r..end, &source, cue_text))
                            .into_iter()
                            .collect();
                    }
                    if tokens[as_at - 1].text(text) != "," {
                        return Vec::new();
                    }
                    let before = sentence.start..tokens[as_at - 1].start;
                    let whole = rest
                        .filter(|&r| self.continues_clause(self.trim_content(r..end).start))
                        .map_or(before.clone(), |_| sentence.start..end);
                    return self.draft(whole, &source, cue_text).into_iter().collect();
                }
                // "C, X said." — the content precedes the subject.
                if subj_first == 0
                    || !(tokens[subj_first - 1].text(text) == ","
                        || closes_quote(&tokens[subj_first - 1]))
                {
                    return Vec::new();
                }
                let content_end = if tokens[subj_first - 1].text(text) == "," {
                    tokens[subj_first - 1].start
                } else {
                    tokens[subj_first - 1].end
                };
                let before = self.draft(sentence.start..content_end, &source, cue_text);
                let tail = self.tail(
                    &after[adverbials_end.unwrap_or(0)..],
                    end,
                    &source,
                    cue_text,
                );
                // "Climate change, Mr. Obama often says, is the greatest threat": the cue
                // interrupts one content clause, which is one claim around it.
                // "…, the board says, but would eventually cut them": a modal without a
                // subject goes on with the content.
                let modal_turn = |at: usize| {
                    let mut words = self.text[at..]
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty());
                    matches!(words.next(), Some("but" | "yet"))
                        && words.next().is_some_and(|w| {
                            MODALS.contains(&w) && !matches!(w, "do" | "does" | "did")
                        })
                };
                if let (Some(b), Some(t)) = (&before, &tail)
                    && b.kind == ClaimKind::Indirect
                    && t.kind == ClaimKind::Assertion
                    && (self.continues_clause(t.span.start) || modal_turn(t.span.start))
                {
                    let whole = self.trim_content(b.span.start..t.span.end);
                    claims.extend(self.draft(whole, &source, cue_text));
                    return claims;
                }
                claims.extend(before);
                claims.extend(tail);
            }
        }
        claims
    }

    /// "X, who said C, …", "the department which reported C": a relative clause whose
    /// antecedent is the source. `first` is where the subject walk stopped, just after
    /// the relative pronoun. The content runs to the end of the sentence, or of the
    /// relative clause when the main clause resumes after a comma or dash.
    fn relative(
        &self,
        tokens: &[Token],
        cue: &Cue,
        first: usize,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let is_relative = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| matches!(&*lower(t.text(text)), "who" | "which"))
        };
        let pronoun = if is_relative(first) {
            first
        } else if first > 0 && is_relative(first - 1) {
            first - 1
        } else {
            return None;
        };
        if cue.first > pronoun + 5 || tokens[pronoun..cue.first].iter().any(|t| !t.is_word()) {
            return None;
        }
        // "which media reports …": the words between are the clause's own subject.
        if pronoun + 1 < cue.first
            && self
                .source(Self::bytes(tokens, pronoun + 1, cue.first), history)
                .is_some()
        {
            return None;
        }
        let comma = pronoun > 0 && tokens[pronoun - 1].text(text) == ",";
        let np_end = if comma { pronoun - 1 } else { pronoun };
        let np_first = self.clause_start(tokens, np_end, 0);
        let np = Self::bytes(tokens, np_first, np_end);
        if np_first >= np_end
            || self
                .quotes
                .iter()
                .any(|q| q.outer.start < np.end && np.start < q.outer.end)
        {
            return None;
        }
        // The antecedent: the actor named last before the pronoun, else the longest
        // noun phrase ending there that opens with a capital or a determiner and holds
        // no verb ("Democrats on Capitol Hill" in "… to placate Democrats on Capitol Hill").
        let source = match self.actors.mentions_in(np.clone()).last() {
            Some(m) if m.end == tokens[np_end - 1].end => self.actor_source(m.actor),
            _ => {
                let verbal = |t: &Token| {
                    let w = t.text(text);
                    !starts_upper(w)
                        && (w.ends_with("ed")
                            || AUXILIARIES.contains(&w)
                            || VERBS_IN_CLAUSES.contains(&w)
                            || MODALS.contains(&w)
                            || w == "to")
                };
                let lowest = (np_first..np_end)
                    .rev()
                    .take_while(|&k| tokens[k].is_word() && !verbal(&tokens[k]))
                    .last()?;
                (lowest..np_end.min(lowest + 8)).find_map(|k| {
                    let w = tokens[k].text(text);
                    let opens = k == lowest
                        || starts_upper(w)
                        || DETERMINERS.contains(&w.to_lowercase().as_str());
                    opens
                        .then(|| self.source(Self::bytes(tokens, k, np_end), history))
                        .flatten()
                })?
            }
        };
        let after = &tokens[cue.last + 1..];
        let cue_text = &text[cue.span.clone()];
        let mut from = cue.span.end;
        if is_tell(cue_text) {
            from = after
                .iter()
                .take(14)
                .find(|t| t.text(text) == "that")
                .map(|t| t.end)?;
        }
        // "…, who said C, was …": the main clause resumes after a comma or a dash.
        let resumes = after.iter().enumerate().find_map(|(k, t)| {
            if t.start < from || self.in_quote(t.start) {
                return None;
            }
            match t.text(text) {
                "—" | "–" | "--" => Some(t.start),
                "," if comma => {
                    let w = after.get(k + 1)?.text(text);
                    let verb = AUXILIARIES.contains(&w)
                        || VERBS_IN_CLAUSES.contains(&w)
                        || (w.ends_with("ed") && !starts_upper(w))
                        || matches!(w, "said" | "told" | "says" | "tells");
                    verb.then_some(t.start)
                }
                _ => None,
            }
        });
        self.draft(from..resumes.unwrap_or(sentence.end), &source, cue_text)
    }

    /// Whether the words at `at` carry on a clause rather than start a new one or add
    /// an adverbial: "is the greatest threat", "he decided to …", not "and the town …",
    /// "in an interview …" or "referring to …".
    fn continues_clause(&self, at: usize) -> bool {
        let word = self.text[at..]
            .split(|c: char| !c.is_alphanumeric() && !matches!(c, '’' | '\''))
            .next()
            .unwrap_or("");
        !word.is_empty()
            && !starts_upper(word)
            && !word.ends_with("ing")
            && !CLAUSE_WORDS.contains(&word)
            && !INTRODUCERS.contains(&word)
            && !HEAD_ENDS.contains(&word)
            && !matches!(
                word,
                "or" | "so" | "yet" | "nor" | "then" | "citing" | "noting"
            )
    }

    /// What follows "“Q,” X said": the rest of an interrupted quotation ("…, “B.”"), a
    /// participle of the same speaker (", adding that …"), or the article's own voice
    /// (", referring to …").
    fn tail(
        &self,
        after: &[Token],
        end: usize,
        source: &SourceDraft,
        cue: &str,
    ) -> Option<ClaimDraft> {
        let text = self.text;
        let first = after.first()?;
        if !matches!(first.text(text), "," | ";") {
            return None;
        }
        if let Some(q) = self
            .quotes
            .iter()
            .find(|q| q.outer.start >= first.end && q.outer.end <= end)
        {
            let inner = self.trim_content(q.inner.clone());
            // "…, adding later, “B”": the participle is the cue of B.
            let participle = after
                .iter()
                .filter(|t| t.is_word() && t.end <= q.outer.start)
                .map(|t| t.text(text))
                .find(|w| {
                    w.ends_with("ing")
                        && self
                            .lex
                            .cue(&w.to_lowercase())
                            .is_some_and(|c| c != CueClass::Passive)
                });
            // "…, he said, can “rock like Jimi”": words that carry on the clause before
            // the quotation make it part of that clause, not the quotation's own claim.
            let clause = self.continues_clause(self.trim_content(first.end..q.outer.start).start);
            if !clause || participle.is_some() {
                return (!inner.is_empty()).then(|| ClaimDraft {
                    span: inner,
                    kind: ClaimKind::Direct,
                    source: Some(source.clone()),
                    cue: Some(participle.unwrap_or(cue).to_string()),
                });
            }
        }
        let next = after.get(1)?;
        let next_word = next.text(text).to_lowercase();
        if next_word.ends_with("ing")
            && self
                .lex
                .cue(&next_word)
                .is_some_and(|c| c != CueClass::Passive)
        {
            return self.draft(next.end..end, source, next.text(text));
        }
        if after.iter().filter(|t| t.is_word()).count() < 4 {
            return None;
        }
        let rest = self.trim_content(first.end..end);
        (!rest.is_empty()).then(|| self.own_voice(rest, end))
    }
}

/// Extends a span over a final full stop (assertions keep their punctuation).
fn sentence_end(text: &str, at: usize, limit: usize) -> usize {
    if at >= limit {
        return at;
    }
    let rest = &text[at..limit];
    at + rest.len() - rest.trim_start_matches(['.', '!', '”', '"']).len()
}

/// Verbs whose first object is the hearer, not the content ("told VOA that …").
fn is_tell(cue: &str) -> bool {
    matches!(
        cue.split_whitespace().last(),
        Some(
            "told"
                | "tell"
                | "tells"
                | "telling"
                | "informed"
                | "informs"
                | "assured"
                | "assures"
                | "warned"
                | "warns"
                | "reminded"
                | "urged"
                | "urges"
                | "asked"
                | "asks"
        )
    )
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

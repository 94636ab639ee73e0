//! Attribution: reporting cues, the source phrase and the content they introduce, and the
//! claim kind (direct, indirect, mixed) that follows from where the quotation marks are.
//! `attribute` is the driver; each construction has its file.

mod according;
mod antecedent;
mod as_cue;
mod content;
mod cues;
mod denial;
mod evaluation;
mod extents;
mod gerund;
mod hearer;
mod interrupted;
mod inverted;
mod marks;
mod noun_cue;
mod occasion;
mod parsed;
mod participle;
mod passive;
mod publisher;
mod quotation;
mod relative;
mod relayed;
mod say_that;
mod source;
mod speaker_label;
mod subject;
mod wordlists;

pub use marks::quoted_stretches;

use std::ops::Range;

use crate::extract::entities::ArticleActors;
use crate::extract::lexicon::{CueClass, Lexicon, lower};
use crate::extract::quotes::Quote;
use crate::extract::segment::{Token, tokenize};
use crate::model::{ClaimKind, SourceKind};
use crate::syntax::{Deprel, Upos};

use self::parsed::Parsed;
use self::wordlists::{
    ADVERBIALS, AFTER_NOUN_PHRASE, DETERMINERS, PRONOUNS, SUBORDINATORS, TIME_NOUNS,
};

/// Whether a mark opens an apposition: a comma or a dash.
fn opens_apposition(mark: &str) -> bool {
    matches!(mark, "," | "--" | "—" | "–")
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

/// Whether a word can be a finite verb by its spelling ("told", "says", "wrote"): a
/// closing cue must be one, and a later cue is worth parsing for only then; "saying" and
/// "tell" cannot.
fn finite_form(w: &str) -> bool {
    (w.ends_with("ed") || w.ends_with('s') || matches!(w, "said" | "told" | "wrote" | "thought"))
        && !w.ends_with("ing")
}

/// Sources already attributed in the article, most recent last (for pronouns).
#[derive(Default)]
pub struct History {
    /// (paragraph, claim span, source), in text order.
    sources: Vec<(usize, Range<usize>, SourceDraft)>,
    /// The index in `sources` of the latest source of each kind.
    last_of_kind: rustc_hash::FxHashMap<SourceKind, usize>,
}

/// Words that open a modifier after the head of a source phrase.
#[rustfmt::skip]
const POSTMODIFIER_OPENERS: &[&str] = &[
    "in", "at", "from", "of", "on", "for", "with", "who", "which", "that", "close", "familiar",
    "speaking",
];

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

    /// "A senior Western diplomat said … “Q,” the diplomat said": the latest anonymous
    /// source, introduced without "the", whose head is `head`; the article refers back
    /// to it.
    fn unnamed_with_head(&self, head: &str) -> Option<SourceDraft> {
        self.sources
            .iter()
            .rev()
            .map(|(_, _, s)| s)
            .find(|s| {
                let words: Vec<String> = s
                    .name
                    .split_whitespace()
                    .map(|w| w.trim_matches(',').to_lowercase())
                    .collect();
                // The head ends the words before a modifier ("a police officer in Afgoye").
                let own = words
                    .iter()
                    .take_while(|w| !POSTMODIFIER_OPENERS.contains(&w.as_str()));
                s.actor.is_none()
                    && s.kind == SourceKind::Anonymous
                    && words.first().is_some_and(|w| w != "the")
                    && own.last().is_some_and(|w| w == head)
            })
            .cloned()
    }

    /// Whether byte `at` lies in the content of an attributed claim.
    fn in_content(&self, at: usize) -> bool {
        self.sources
            .iter()
            .any(|(_, r, _)| r.start <= at && at < r.end)
    }
}

impl Context<'_> {
    pub(super) fn words(&self, tokens: &[Token]) -> Vec<String> {
        tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(self.text).to_lowercase())
            .collect()
    }

    pub(super) fn bytes(tokens: &[Token], first: usize, end: usize) -> Range<usize> {
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
        let (tokens, sentence, mut cues) = self.with_cue_after_quote(tokens, sentence);
        self.order_cues(&tokens, &mut cues);
        let parsed = Parsed::new(self.text, &tokens);
        for (i, cue) in cues.iter().enumerate() {
            if self.in_subject_relative(&parsed, cue, &cues)
                || self.document_speaks(&parsed, cue, &cues)
                || self.yields_to_gerund(&parsed, cue, &cues)
            {
                continue;
            }
            let mut claims =
                self.claims_of_cue(&parsed, &tokens, cue, sentence.clone(), para, history);
            if claims.is_empty() {
                claims.extend(self.gerund(&parsed, cue, sentence.clone(), history));
            }
            if claims.is_empty() {
                continue;
            }
            self.remember(cue, &claims, para, history);
            // "X, who believed that A, told reporters B": a finite verb of saying after
            // every claim so far reports a claim of its own.
            // The article's own words after a content ("…, officials said, as the military
            // vowed C") leave room for it.
            for later in &cues[i + 1..] {
                let at = tokens[later.first].start;
                let end = claims
                    .iter()
                    .filter(|c| c.kind != ClaimKind::Assertion || !c.span.contains(&at))
                    .map(|c| c.span.end)
                    .max()
                    .unwrap_or(0);
                if end > at
                    || self.in_quote(at)
                    || later.class == CueClass::Passive
                    || !finite_form(&lower(tokens[later.first].text(self.text)))
                {
                    continue;
                }
                let subject = self.speaker_before(&tokens, later.first)
                    || self.coordinated_after(&tokens, later.first)
                    || self.after_subordinator(&tokens, later.first) && parsed.own_subject(later);
                // A body named after ", as" makes the verb after it finite, whatever the
                // tree says ("…, as the UN Development Programme (UNDP) warned that C").
                if !(subject && parsed.finite_verb(later)
                    || self.named_after_subordinator(&tokens, later.first, history))
                {
                    continue;
                }
                let mut more =
                    self.claims_of_cue(&parsed, &tokens, later, sentence.clone(), para, history);
                more.retain(|c| c.span.start >= end && c.source.is_some());
                if !more.is_empty() {
                    claims.retain(|c| c.kind != ClaimKind::Assertion || !c.span.contains(&at));
                }
                self.remember(later, &more, para, history);
                claims.extend(more);
            }
            let nested = self.nested_claims(&tokens, &claims, history);
            claims.extend(nested);
            let denials = self.denials(&tokens, &cues, &claims, history);
            claims.extend(denials);
            return claims;
        }
        let mut claims = self.possessed_claim(&tokens, sentence.clone(), history);
        if claims.is_empty() && !cues.is_empty() {
            claims.extend(
                cues.iter()
                    .filter(|cue| !parsed.object_only(cue))
                    .find_map(|cue| self.subject_on_tree(&parsed, cue, sentence.clone(), history)),
            );
        }
        if let Some(s) = claims.iter().find_map(|c| c.source.as_ref()) {
            history.push(para, claims[claims.len() - 1].span.clone(), s.clone());
        }
        claims
    }

    /// "Al-Shabaab posted a statement on its website saying C": a verb whose object (on
    /// the tree) is a document that speaks through a participle yields to that participle;
    /// "said a report showing C was false" keeps its claim.
    fn document_speaks(&self, parsed: &Parsed, cue: &Cue, cues: &[Cue]) -> bool {
        let tokens = parsed.tokens;
        let document = cues.iter().find_map(|later| {
            let participle = later.first > cue.last + 1
                && later.first <= cue.last + 8
                && lower(tokens[later.first].text(self.text)).ends_with("ing");
            participle
                .then(|| self.document_before(tokens, later.first))
                .flatten()
                .filter(|&d| d > cue.last && d <= cue.last + 3)
        });
        document.is_some_and(|d| {
            let tree = parsed.tree();
            tree.deprel[d] == Deprel::Obj && tree.head_of(d) == Some(parsed.verb(cue))
        })
    }

    /// "X condemned A as B and said in a statement that C": a verb of saying
    /// coordinated with the one before shares its subject.
    fn coordinated_after(&self, tokens: &[Token], k: usize) -> bool {
        k > 0 && matches!(&*lower(tokens[k - 1].text(self.text)), "and" | "but")
    }

    /// Whether the word before token `k` can end a cue's subject: a name, a pronoun,
    /// an adverb, a comma or a relative "who" ("…, told", "he admitted", "Barabak
    /// noted", "…, who said"); not a common noun a past form may modify ("a statement
    /// posted online").
    fn speaker_before(&self, tokens: &[Token], k: usize) -> bool {
        let Some(prev) = k.checked_sub(1).map(|i| &tokens[i]) else {
            return false;
        };
        let w = lower(prev.text(self.text));
        matches!(&*w, "," | "i" | "who" | "which")
            || PRONOUNS.contains(&&*w)
            || w.ends_with("ly")
            || self
                .actors
                .mention_at(prev.start)
                .is_some_and(|m| m.end == prev.end)
    }

    /// Keeps the sources of a cue's claims for the pronouns after them; a passive report
    /// names nobody a later pronoun could refer to.
    fn remember(&self, cue: &Cue, claims: &[ClaimDraft], para: usize, history: &mut History) {
        if cue.class == CueClass::Passive {
            return;
        }
        for c in claims {
            if let Some(s) = &c.source {
                history.push(para, c.span.clone(), s.clone());
            }
        }
    }

    /// The sentence's cues; when it has none, "“Why now?” Graham asked.": a quotation that
    /// ends its own sentence, then its cue as a short sentence of its own, read as one.
    fn with_cue_after_quote(
        &self,
        tokens: Vec<Token>,
        sentence: Range<usize>,
    ) -> (Vec<Token>, Range<usize>, Vec<Cue>) {
        let cues = self.cues(&tokens);
        if cues.is_empty()
            && let Some(end) = self.cue_after_quote(sentence.clone())
        {
            let extended = sentence.start..end;
            let ext_tokens = tokenize(self.text, extended.clone());
            let ext_cues = self.cues(&ext_tokens);
            if !ext_cues.is_empty() {
                return (ext_tokens, extended, ext_cues);
            }
        }
        (tokens, sentence, cues)
    }

    /// "accused X of Y, a charge Kigali has long denied": a cue in a clause on a noun
    /// of claiming after the comma before it closes no sentence; it answers the claim.
    fn on_claim_noun(&self, tokens: &[Token], cue: &Cue) -> bool {
        self.apposition_before(tokens, cue)
            .is_some_and(|comma| comma + 3 < cue.first && self.claim_noun_after(tokens, comma))
    }

    /// The last comma or dash before `cue`: where an apposition before it opens.
    fn apposition_before(&self, tokens: &[Token], cue: &Cue) -> Option<usize> {
        tokens[..cue.first]
            .iter()
            .rposition(|t| opens_apposition(t.text(self.text)))
    }

    /// Whether the comma (or dash) at `tokens[comma]` opens a phrase on a noun of
    /// claiming: ", a charge Kigali denies", ", a claim the group rejected", "-- a charge
    /// Islamabad rejected".
    pub(super) fn claim_noun_after(&self, tokens: &[Token], comma: usize) -> bool {
        let word = |k: usize| tokens.get(k).map(|t| lower(t.text(self.text)));
        opens_apposition(tokens[comma].text(self.text))
            && word(comma + 1).is_some_and(|w| matches!(&*w, "a" | "an" | "the"))
            && word(comma + 2).is_some_and(|w| {
                matches!(
                    &*w,
                    "charge" | "claim" | "accusation" | "allegation" | "assertion" | "account"
                )
            })
    }

    /// "…, according to X." governs the whole sentence: tried first; then a verb of
    /// saying that closes the sentence ("A decided B, a source said."), which reports
    /// everything before it; then the rest in order.
    fn order_cues(&self, tokens: &[Token], cues: &mut [Cue]) {
        // "… an offensive that threatens Uvira, two sources said": a verb of saying in a
        // relative clause is no earlier speech.
        let relative = |c: &Cue| {
            c.first > 0
                && matches!(
                    &*lower(tokens[c.first - 1].text(self.text)),
                    "that" | "which"
                )
        };
        let first_speech = cues
            .iter()
            .filter(|o| o.class == CueClass::Speech && !relative(o))
            .map(|o| o.last)
            .min();
        let speech_before = |c: &Cue| first_speech.is_some_and(|last| last < c.first);
        let finite = |c: &Cue| finite_form(&lower(tokens[c.last].text(self.text)));
        let closing = |c: &Cue| {
            c.class == CueClass::Speech
                && finite(c)
                && !speech_before(c)
                && tokens[c.last + 1..].iter().all(|t| {
                    let w = lower(t.text(self.text));
                    // "… two sources said on Wednesday."
                    !t.is_word()
                        || ADVERBIALS.contains(&&*w)
                        || TIME_NOUNS.contains(&&*w)
                        || matches!(&*w, "on" | "late" | "early")
                })
                && tokens[c.first.saturating_sub(8)..c.first]
                    .iter()
                    .any(|t| t.text(self.text) == ",")
                && !self.on_claim_noun(tokens, c)
        };
        // "X said …, citing Y": a participle of citing after a verb of saying tells what the
        // speaker cited; the speaker's claim comes first. Other according cues lead.
        let cites_for_speaker = |c: &Cue| {
            c.class == CueClass::According
                && c.first == c.last
                && speech_before(c)
                && lower(tokens[c.first].text(self.text)).ends_with("ing")
        };
        cues.sort_by_key(|c| {
            (
                c.class != CueClass::According || cites_for_speaker(c),
                !closing(c),
            )
        });
    }

    /// The claims one cue makes, continued and bounded on the tree; none when the tree
    /// says the cue has no speaker.
    fn claims_of_cue(
        &self,
        parsed: &Parsed,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        para: usize,
        history: &mut History,
    ) -> Vec<ClaimDraft> {
        let mut claims = self.try_cue(tokens, cue, sentence.clone(), history);
        self.join_continuation(&mut claims, sentence.clone());
        if claims.is_empty()
            || parsed.object_only(cue)
            || self.no_speaker(parsed, cue, &claims)
            || !self.phrase_sources(parsed, cue, &mut claims, history)
        {
            return Vec::new();
        }
        self.interrupted_subject(parsed, cue, &mut claims);
        self.determiner_that(parsed, cue, &mut claims);
        self.tree_extents(parsed, cue, &mut claims, sentence, para, history);
        // A noun content (no verb in it on the tree) ends before the medium it was given
        // in: "denied the charges in a statement on Monday".
        for c in claims.iter_mut().filter(|c| c.kind == ClaimKind::Indirect) {
            let cut = self.before_medium(c.span.clone());
            if cut == c.span {
                continue;
            }
            let tree = parsed.tree();
            let clause = (0..tokens.len())
                .filter(|&i| tokens[i].start >= cut.start && tokens[i].end <= cut.end)
                .any(|i| matches!(tree.upos[i], Upos::Verb | Upos::Aux));
            if !clause {
                c.span = cut;
            }
        }
        claims
    }

    /// Whether a relative or subordinating word stands among the five tokens before
    /// token `k`: "…, where U.N. investigators said", "…, as residents reported".
    fn after_subordinator(&self, tokens: &[Token], k: usize) -> bool {
        tokens[k.saturating_sub(5)..k]
            .iter()
            .any(|t| self.is_subordinator(t))
    }

    /// Whether a token is a relative "where" or a subordinating word.
    fn is_subordinator(&self, t: &Token) -> bool {
        let w = lower(t.text(self.text));
        w == "where" || SUBORDINATORS.contains(&&*w)
    }

    /// "…, local authorities said, as the UN Development Programme (UNDP) warned": a
    /// subordinator after a comma, then words the source reader takes for a named body,
    /// right before token `k`.
    fn named_after_subordinator(&self, tokens: &[Token], k: usize, history: &History) -> bool {
        let Some(s) = (k.saturating_sub(10)..k).rev().find(|&i| {
            i > 0 && self.is_subordinator(&tokens[i]) && tokens[i - 1].text(self.text) == ","
        }) else {
            return false;
        };
        s + 1 < k
            && self
                .source(Self::bytes(tokens, s + 1, k), history)
                .is_some_and(|src| src.actor.is_some())
    }

    /// "Officials denied that report": a "that" right after the cue that the tree reads
    /// as the determiner of the cue's object opens a noun content; it is no
    /// complementizer left out of it.
    fn determiner_that(&self, parsed: &Parsed, cue: &Cue, claims: &mut [ClaimDraft]) {
        let tokens = parsed.tokens;
        let that = cue.last + 1;
        let (Some(t), Some(next)) = (tokens.get(that), tokens.get(that + 1)) else {
            return;
        };
        // Only "that NOUN" before a preposition, a punctuation mark or the end may be a
        // determiner ("that report on Friday"); "that the army …" never is.
        let after_noun = parsed.words.get(that + 2).copied();
        if parsed.words[that] != "that"
            || !parsed.words[that + 1].starts_with(|c: char| c.is_ascii_lowercase())
            || DETERMINERS.contains(&parsed.words[that + 1])
            || PRONOUNS.contains(&parsed.words[that + 1])
            || after_noun.is_some_and(|w| {
                w.starts_with(char::is_alphanumeric) && !AFTER_NOUN_PHRASE.contains(&w)
            })
        {
            return;
        }
        let Some(c) = claims
            .iter_mut()
            .find(|c| c.kind == ClaimKind::Indirect && c.span.start == next.start)
        else {
            return;
        };
        // The noun "that" goes on is the cue verb's object, not a clause's subject, and
        // singular ("found that poor children have …" opens a clause).
        let tree = parsed.tree();
        let verb = parsed.verb(cue);
        if tree.deprel[that] == Deprel::Det
            && tree.upos[that] == Upos::Det
            && tree.head_of(that).is_some_and(|n| {
                tree.deprel[n] == Deprel::Obj
                    && tree.head_of(n) == Some(verb)
                    && tree.xpos[n] == "NN"
            })
        {
            c.span.start = t.start;
        }
    }

    fn try_cue(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Vec<ClaimDraft> {
        match cue.class {
            CueClass::Passive => self.sourceless(cue, sentence).into_iter().collect(),
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
}

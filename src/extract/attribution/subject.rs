//! Say-that: the subject before a cue ("X said (that) C", "“Q,” X said", "C, X said"),
//! and the content it introduces.
//! Example: "The governor said that schools would reopen."
//! Fixtures: tests/fixtures/extract/subject-after-subordinator.txt, tests/fixtures/extract/catenative-verb.txt, tests/fixtures/extract/linking-word-pronoun.txt, tests/fixtures/extract/fronted-phrase-pronoun.txt, tests/fixtures/extract/naming-aside.txt, tests/fixtures/extract/relative-aside-subject.txt, tests/fixtures/extract/apposition-unnamed-subject.txt, tests/fixtures/extract/known-as-after-quote.txt, tests/fixtures/extract/description-before-name.txt, tests/fixtures/extract/speaker-appositions.txt, tests/fixtures/extract/quotation-before-coordinated-cue.txt, tests/fixtures/extract/leading-own-clause.txt, tests/fixtures/extract/name-a-source-gave.txt.

use std::ops::{ControlFlow, Range};

use crate::extract::entities::is_acronym;
use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::Token;
use crate::model::{ClaimKind, SourceKind};
use crate::syntax::Model;

use super::source::is_document_noun;
use super::wordlists::{
    AUXILIARIES, CATENATIVES, CLAUSE_WORDS, DETERMINERS, HEAD_ENDS, INTRODUCERS, MODALS,
    SUBORDINATORS, TIME_WORDS, VERBS_IN_CLAUSES, is_contraction, is_ly_adverb, starts_upper,
};
use super::{ClaimDraft, Context, Cue, History, SourceDraft};

/// Adverbs between a subject and its cue ("X also said"), part of neither.
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "then", "later", "further", "previously", "again", "recently", "repeatedly",
    "subsequently", "initially", "first", "once", "publicly", "officially", "separately",
    "earlier", "still", "reportedly", "allegedly", "quickly", "immediately", "privately",
    "formally", "explicitly", "specifically", "similarly", "likewise", "often", "always",
    "sometimes", "even", "just", "now", "ever", "already", "long", "almost", "nearly",
    "together",
];

/// Participles used as prepositions, which open no aside on the subject ("including"
/// does: "officials, including X, blamed" is the officials' claim).
const PREPOSITION_PARTICIPLES: &[&str] = &[
    "according",
    "excluding",
    "regarding",
    "concerning",
    "following",
];

impl Context<'_> {
    /// Start of the subject phrase that ends at token `end` (exclusive): back to the last
    /// clause boundary. Returns the token index.
    pub(super) fn clause_start(&self, tokens: &[Token], end: usize, floor: usize) -> usize {
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
            // Anonymity phrases are the subject's, whatever clause words open them ("who
            // asked not to be named because he was not authorized to speak publicly").
            if boundary && self.anonymity_span(tokens, k - 1).is_some() {
                k -= 1;
                continue;
            }
            if boundary || quote_edge {
                break;
            }
            k -= 1;
        }
        k
    }

    /// The source named by the noun phrase opening a clause, up to its first auxiliary,
    /// adverb, preposition or past form: "The mayor" in "The mayor has sharply criticized".
    pub(super) fn subject_phrase(
        &self,
        tokens: &[Token],
        history: &History,
    ) -> Option<SourceDraft> {
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
                    // A participle after it is the verb ("ministry released"), not it.
                    DETERMINERS.contains(&n.as_str())
                        || (HEAD_ENDS.contains(&n.as_str()) && !n.ends_with("ed"))
                });
            (verbal || before_object).then_some(i)
        })?;
        if end > 5 || !tokens[..end].iter().all(Token::is_word) {
            return None;
        }
        self.source(Self::bytes(tokens, 0, end), history)
    }

    /// "X said (that) C", "X, a spokesman, said: “Q”", "“Q,” X said", "C, X said",
    /// "X told Y that C", "X accused Y of Z". Returns the claims of the sentence. The
    /// subject is found step by step (each step may settle the sentence or veto the cue),
    /// then its content is read after the cue or before the subject ([`Said`]).
    pub(super) fn subject_before(
        &self,
        tokens: &[Token],
        cue: &Cue,
        sentence: Range<usize>,
        history: &History,
    ) -> Vec<ClaimDraft> {
        let (subj_end, negated) = self.verb_group_start(tokens, cue);
        // "did not say", "have not commented": a report of silence; "Reuters could not
        // independently verify the accounts": the article's own caution.
        let verifying = || {
            let lemma = Model::embedded().verb_lemma(tokens[cue.last].text(self.text));
            matches!(lemma.as_str(), "verify" | "confirm" | "corroborate")
        };
        if negated && (cue.class == CueClass::Speech || verifying()) {
            return Vec::new();
        }
        if let Some(claims) = self.second_verb(tokens, cue, subj_end, sentence.clone(), history) {
            return claims;
        }
        if let Some(claims) = self.contracted_subject(tokens, cue, subj_end, sentence.end, history)
        {
            return claims;
        }
        let subj_end =
            match self.progressive_subject_end(tokens, cue, subj_end, sentence.clone(), history) {
                ControlFlow::Continue(end) => end,
                ControlFlow::Break(claims) => return claims,
            };
        let subj_first = self.clause_start(tokens, subj_end, 0);
        if let Some(claim) = self.relative(tokens, cue, subj_first, sentence.clone(), history) {
            return vec![claim];
        }
        let subj_first = self.pronoun_after_adverbial(tokens, subj_first, subj_end);
        let Some((first, source)) = self.subject_source(tokens, subj_first, subj_end, history)
        else {
            return Vec::new();
        };
        let said = Said {
            tokens,
            cue,
            cue_text: &self.text[cue.span.clone()],
            sentence: sentence.clone(),
            first,
            source,
            after: &tokens[cue.last + 1..],
        };
        let mut claims = self.said_content(&said, history);
        if !claims.is_empty()
            && let Some(own) = self.leading_clause(tokens, first, sentence.start)
        {
            claims.insert(0, own);
        }
        claims
    }

    /// "Fighting went on overnight, and the army said C": the clause before a
    /// coordinator that opens the speaker's clause is the article's own, a claim of its
    /// own when it holds four words or more outside quotations.
    fn leading_clause(&self, tokens: &[Token], first: usize, start: usize) -> Option<ClaimDraft> {
        let text = self.text;
        if first < 2
            || !matches!(
                &*lower(tokens[first - 1].text(text)),
                "and" | "but" | "yet" | "while"
            )
            || tokens[first - 2].text(text) != ","
        {
            return None;
        }
        let before = &tokens[..first - 2];
        let words = before.iter().filter(|t| t.is_word()).count();
        if words < 4 || before.iter().any(|t| self.in_quote(t.start)) {
            return None;
        }
        let span = self.trim_content(start..tokens[first - 2].start);
        (!span.is_empty()).then_some(ClaimDraft {
            span,
            kind: ClaimKind::Assertion,
            source: None,
            cue: None,
        })
    }

    /// The verb group before the cue belongs to neither subject nor cue: adverbs
    /// ("specifically point to"), modals ("would call"), auxiliaries with adverbs
    /// between ("has repeatedly wondered"), floating quantifiers ("all suggested").
    /// Returns where the subject ends and whether the group holds a negation.
    pub(super) fn verb_group_start(&self, tokens: &[Token], cue: &Cue) -> (usize, bool) {
        let text = self.text;
        let mut subj_end = cue.first;
        let mut negated = false;
        // A verb of finding after a catenative needs its "that" ("the bias begins to show
        // when …" reports nothing).
        let finding_clause = cue.class != CueClass::Finding
            || tokens
                .get(cue.last + 1)
                .is_some_and(|t| lower(t.text(text)) == "that");
        while subj_end > 0 && tokens[subj_end - 1].is_word() {
            let w = tokens[subj_end - 1].text(text).to_lowercase();
            let negation =
                matches!(w.as_str(), "not" | "never") || w.ends_with("n’t") || w.ends_with("n't");
            // "Theresa May said": a modal's spelling inside a name is the name's.
            let in_name = self.actors.mention_at(tokens[subj_end - 1].start).is_some();
            // "he appeared to suggest": a catenative verb and its "to".
            if w == "to"
                && finding_clause
                && subj_end > 1
                && CATENATIVES.contains(&&*lower(tokens[subj_end - 2].text(text)))
            {
                subj_end -= 2;
                continue;
            }
            let verbal = ADVERBS.contains(&w.as_str())
                || (MODALS.contains(&w.as_str()) && !in_name)
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
        (subj_end, negated)
    }

    /// Coordinated verbs: "X supported Democrats …, and said C", "X condemned the test
    /// and pledged to …": a second verb of the sentence subject, whose speaker is found
    /// as a participle's; the first verb's clause is the article's own voice.
    fn second_verb(
        &self,
        tokens: &[Token],
        cue: &Cue,
        subj_end: usize,
        sentence: Range<usize>,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let text = self.text;
        let comma_and = subj_end > 1
            && matches!(tokens[subj_end - 1].text(text), "and" | "but")
            && tokens[subj_end - 2].text(text) == ",";
        // "condemned A as “B” and said": a quotation may end the first verb's clause.
        let bare_and = subj_end > 1
            && tokens[subj_end - 1].text(text) == "and"
            && (tokens[subj_end - 2].is_word() || self.closes_quote(&tokens[subj_end - 2]));
        if !(comma_and || bare_and) {
            return None;
        }
        let Some(said) = self.participle(tokens, cue, sentence.clone(), history) else {
            return Some(Vec::new());
        };
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
        Some(claims)
    }

    /// "He’s claiming that C", "she’s called for C": the pronoun before the contraction
    /// is the subject, when nothing comes before it.
    fn contracted_subject(
        &self,
        tokens: &[Token],
        cue: &Cue,
        subj_end: usize,
        end: usize,
        history: &History,
    ) -> Option<Vec<ClaimDraft>> {
        let text = self.text;
        if !(subj_end > 0
            && subj_end == cue.first
            && is_contraction(&tokens[subj_end - 1].text(text).to_lowercase()))
        {
            return None;
        }
        let t = tokens[subj_end - 1];
        let stem = t.end
            - text[..t.end]
                .chars()
                .rev()
                .take(2)
                .map(char::len_utf8)
                .sum::<usize>();
        let alone = subj_end == 1 || !tokens[subj_end - 2].is_word();
        Some(match self.source(t.start..stem, history) {
            Some(source) if alone => self
                .draft(cue.span.end..end, &source, &text[cue.span.clone()])
                .into_iter()
                .collect(),
            _ => Vec::new(),
        })
    }

    /// A cue opening in "-ing": "are calling for", "has been calling for" step back over
    /// the auxiliaries to the subject. Without "is" the participle has no subject ("the
    /// request … asking schools to pay"), unless a subordinator makes it the sentence
    /// subject's ("X defended the record whilst promising …"): that settles the sentence.
    fn progressive_subject_end(
        &self,
        tokens: &[Token],
        cue: &Cue,
        subj_end: usize,
        sentence: Range<usize>,
        history: &History,
    ) -> ControlFlow<Vec<ClaimDraft>, usize> {
        let text = self.text;
        if !lower(tokens[cue.first].text(text)).ends_with("ing") {
            return ControlFlow::Continue(subj_end);
        }
        let word_before = |end: usize| lower(tokens[end - 1].text(text));
        let be = subj_end > 0
            && matches!(
                &*word_before(subj_end),
                "is" | "are" | "was" | "were" | "been" | "be"
            );
        if !be {
            let after_subordinator = subj_end > 0
                && matches!(
                    &*word_before(subj_end),
                    "while" | "whilst" | "after" | "before" | "when" | "by"
                );
            // "The ministry issued a statement saying C", "posted a video on its website
            // claiming C": the document's publisher, the clause subject, speaks through it.
            let after_document = self.document_before(tokens, subj_end).is_some();
            return ControlFlow::Break(if after_subordinator || after_document {
                self.participle(tokens, cue, sentence, history)
                    .into_iter()
                    .collect()
            } else {
                Vec::new()
            });
        }
        let mut subj_end = subj_end - 1;
        while subj_end > 0 && {
            let w = word_before(subj_end);
            AUXILIARIES.contains(&&*w) || MODALS.contains(&&*w)
        } {
            subj_end -= 1;
        }
        ControlFlow::Continue(subj_end)
    }

    /// The document noun a participle cue at `end` follows: right before it ("a statement
    /// saying"), or before a short place phrase ("a video on its website claiming").
    pub(super) fn document_before(&self, tokens: &[Token], end: usize) -> Option<usize> {
        let text = self.text;
        let word = |k: usize| lower(tokens[k].text(text));
        let from = end.saturating_sub(6);
        let k = (from..end)
            .rev()
            .take_while(|&k| tokens[k].is_word())
            .find(|&k| is_document_noun(&word(k)))?;
        let place = k + 1 == end || matches!(&*word(k + 1), "on" | "in" | "at" | "from");
        (k > 0 && place).then_some(k)
    }

    /// "A few days ago in an interview he blasted …", "In May he said …", "So he
    /// suggested …", "condemned what he called …": an adverbial without a comma, a
    /// linking word or "what", then the pronoun that is the subject. Returns where the
    /// subject starts.
    fn pronoun_after_adverbial(
        &self,
        tokens: &[Token],
        subj_first: usize,
        subj_end: usize,
    ) -> usize {
        let text = self.text;
        let word = |i: usize| lower(tokens[i].text(text));
        let pronoun = subj_end > subj_first + 1
            && matches!(&*word(subj_end - 1), "he" | "she" | "they" | "we")
            && tokens[subj_end - 2].is_word();
        let adverbial = || {
            tokens[subj_first..subj_end - 1].iter().any(|t| {
                let w = lower(t.text(text));
                w == "ago" || t.start == tokens[subj_first].start && INTRODUCERS.contains(&&*w)
            })
        };
        // "Last week she said", "Even now she says": a fronted phrase of time words.
        let of_time = || {
            tokens[subj_first..subj_end - 1].iter().all(|t| {
                let w = lower(t.text(text));
                TIME_WORDS.contains(&&*w) || is_ly_adverb(&w)
            })
        };
        let linking = || {
            let prev = word(subj_end - 2);
            prev == "what"
                || (subj_end - 2 == subj_first
                    && matches!(&*prev, "so" | "then" | "thus" | "and" | "but" | "instead"))
        };
        if pronoun && (adverbial() || linking() || of_time()) {
            subj_end - 1
        } else {
            subj_first
        }
    }

    /// The source the subject names and where the subject starts: the phrase right
    /// before the verb group, else the appositions before a comma.
    fn subject_source(
        &self,
        tokens: &[Token],
        subj_first: usize,
        subj_end: usize,
        history: &History,
    ) -> Option<(usize, SourceDraft)> {
        if subj_first < subj_end {
            self.plain_subject(tokens, subj_first, subj_end, history)
                .map(|s| (subj_first, s))
        } else if subj_first > 0 && tokens[subj_first - 1].text(self.text) == "," {
            self.apposed_subject(tokens, subj_first, history)
        } else {
            None
        }
    }

    /// Whether a byte range reaches into a quotation, marks included.
    fn overlaps_quote(&self, r: &Range<usize>) -> bool {
        // The quotations are in order and disjoint: the last one starting before the
        // range's end is the only one that can reach into it.
        let i = self.quotes.partition_point(|q| q.outer.start < r.end);
        i > 0 && r.start < self.quotes[i - 1].outer.end
    }

    /// "X said": the phrase before the verb group, outside quotations. "The
    /// survey–published by the union–shows": the closing dash is no part of it.
    fn plain_subject(
        &self,
        tokens: &[Token],
        subj_first: usize,
        subj_end: usize,
        history: &History,
    ) -> Option<SourceDraft> {
        let subj_end = if subj_end > subj_first + 1
            && matches!(tokens[subj_end - 1].text(self.text), "–" | "—")
        {
            subj_end - 1
        } else {
            subj_end
        };
        // "…, a claim the group denied": the subject follows the noun of claiming.
        let subj_first = if subj_first > 0
            && subj_first + 2 < subj_end
            && self.claim_noun_after(tokens, subj_first - 1)
        {
            subj_first + 2
        } else {
            subj_first
        };
        let subj = Self::bytes(tokens, subj_first, subj_end);
        if self.overlaps_quote(&subj) {
            return None;
        }
        self.source(subj, history)
    }

    /// Appositions between the subject and the cue: "X, mayor of Y, told", "The
    /// governor, X, said", "Schiff, 56, who serves on the panel, said". Walks back over
    /// the comma-separated segments; the first named source wins, else the farthest one,
    /// the head the others describe ("A resident, a mother of three, said"). Returns
    /// where the chosen segment starts.
    fn apposed_subject(
        &self,
        tokens: &[Token],
        subj_first: usize,
        history: &History,
    ) -> Option<(usize, SourceDraft)> {
        let named = |s: &SourceDraft| s.actor.is_some() && s.kind != SourceKind::Document;
        let mut fallback = None;
        let mut given = None;
        let mut head_first = subj_first;
        let mut seg_end = subj_first - 1;
        for _ in 0..4 {
            let seg = self.segment(tokens, seg_end);
            // "…, a spokesman for the Azawad Liberation Front, or FLA, told": the acronym
            // of a name in the segment before belongs to it.
            let words = &tokens[seg.comma.map_or(0, |c| c + 1)..seg_end];
            if let (Some(c), [or, acronym]) = (seg.comma, words)
                && or.text(self.text) == "or"
                && is_acronym(acronym.text(self.text))
            {
                seg_end = c;
                continue;
            }
            if seg.first < seg_end && (!seg.relative || seg.subordinate || seg.naming) {
                let r = Self::bytes(tokens, seg.first, seg_end);
                if self.overlaps_quote(&r) {
                    break;
                }
                // Only a name the aside gives stands for the subject; the subject still
                // starts where the phrase it names does ("“Q,” the commander, known as
                // General Tiger, said").
                let own_clause = seg.coordinated || seg.as_clause || seg.subordinate;
                if let Some(s) = self.source(r, history).filter(|s| !seg.naming || named(s)) {
                    if seg.naming {
                        given.get_or_insert(s);
                    } else if let Some(g) = given.take() {
                        return Some((seg.first, g));
                    } else if named(&s) && !own_clause {
                        return Some((self.described_before(tokens, seg.first, history), s));
                    } else if named(&s) || own_clause {
                        return Some((seg.first, s));
                    } else {
                        fallback = Some((seg.first, s));
                    }
                }
            }
            head_first = seg.first;
            if seg.coordinated {
                break;
            }
            match seg.comma {
                Some(c) if seg.relative || seg.first == seg.floor => seg_end = c,
                _ => break,
            }
        }
        given.map(|s| (head_first, s)).or(fallback)
    }

    /// The comma-separated segment of a subject's appositions that ends at `seg_end`,
    /// read for what opens it.
    fn segment(&self, tokens: &[Token], seg_end: usize) -> Segment {
        let text = self.text;
        let comma = (0..seg_end)
            .rev()
            .find(|&k| tokens[k].text(text) == "," && !self.in_quote(tokens[k].start));
        let floor = comma.map_or(0, |c| c + 1);
        let first = self.clause_start(tokens, seg_end, floor);
        // "X, who serves on the panel, said": a clause, not a name; a quotation's edge
        // before the name is no clause. "A share Y, but the coalition, which …, wants":
        // after a coordinator the segment opens a clause of its own, whose subject it is;
        // the walk goes no further back.
        let opener = (first > floor && tokens[first - 1].is_word())
            .then(|| lower(tokens[first - 1].text(text)));
        let opener = opener.as_deref();
        let coordinated =
            opener.is_some_and(|w| matches!(w, "but" | "and" | "or" | "yet" | "while" | "whereas"));
        // "X, appearing after Y at the NBC/MSNBC forum, cited": a participle's clause is
        // an aside on the subject, like a relative clause.
        let participial = comma.is_some()
            && tokens.get(floor).is_some_and(|t| {
                let w = t.text(text);
                w.len() > 4
                    && w.ends_with("ing")
                    && !starts_upper(w)
                    && !PREPOSITION_PARTICIPLES.contains(&w)
            });
        // "As many experts, including X, have pointed out, C": the subject of an opening
        // "as" clause.
        let as_clause = first == 1 && opener == Some("as");
        // "Trump attacked her after Clinton, at the debate, cited C": after a subordinator
        // the segment is the subject of its clause, when it names one. "The RSF, which has
        // besieged the city since May, rejected": a segment that a relative pronoun opens
        // is an aside as a whole, whatever word inside it ("since") the walk stopped at.
        let relative_segment = comma.is_some()
            && first > floor
            && tokens.get(floor).is_some_and(|t| {
                matches!(&*lower(t.text(text)), "who" | "which" | "whom" | "whose")
            });
        let subordinate =
            !relative_segment && opener.is_some_and(|w| w != "as" && SUBORDINATORS.contains(&w));
        // "The UN mission, known as MINUSMA, reported": the name the aside gives is the
        // subject's.
        // "A commander, who gave his name only as Tesfaye, told": so is the name a source
        // gave.
        let naming = opener.is_some_and(|w| {
            matches!(w, "called" | "dubbed" | "named")
                || w == "as"
                    && first > floor + 1
                    && matches!(
                        &*lower(tokens[first - 2].text(text)),
                        "known" | "identified" | "only" | "name"
                    )
        });
        Segment {
            first,
            floor,
            comma,
            relative: (opener.is_some() || participial) && !coordinated && !as_clause,
            coordinated,
            as_clause,
            subordinate,
            naming,
        }
    }
}

impl Context<'_> {
    /// "“Q,” the governor, X, said", "WFP's country director, X, told": the description
    /// that a named subject is apposed to is part of the subject. Where the subject
    /// starts: at the description before the comma at `name_first - 1`, if one is there.
    fn described_before(&self, tokens: &[Token], name_first: usize, history: &History) -> usize {
        let text = self.text;
        let Some(comma) = name_first
            .checked_sub(1)
            .filter(|&c| c > 0 && tokens[c].text(text) == "," && !self.in_quote(tokens[c].start))
        else {
            return name_first;
        };
        let first = self.segment(tokens, comma).first;
        let opener = lower(tokens[first].text(text));
        let possessor = tokens
            .get(first + 1)
            .is_some_and(|t| matches!(t.text(text), "'s" | "’s"))
            || tokens[first].text(text).ends_with("'s");
        let described = first + 1 < comma
            && (matches!(
                &*opener,
                "the" | "a" | "an" | "its" | "his" | "her" | "their"
            ) || possessor);
        let r = Self::bytes(tokens, first, comma);
        if described
            && !self.overlaps_quote(&r)
            && self
                .source(r, history)
                .is_some_and(|s| s.kind != SourceKind::Document)
        {
            first
        } else {
            name_first
        }
    }
}

/// One comma-separated segment of the appositions before a cue, and what opens it.
struct Segment {
    /// Its first token.
    first: usize,
    /// The token after the comma before it (0 without one).
    floor: usize,
    /// The comma before it.
    comma: Option<usize>,
    /// An aside (a relative or participle clause, or a phrase a word opens).
    relative: bool,
    /// Opened by a coordinator: a clause of its own.
    coordinated: bool,
    /// The subject of an opening "as" clause.
    as_clause: bool,
    /// Opened by a subordinator.
    subordinate: bool,
    /// A name the aside gives ("known as X").
    naming: bool,
}

/// A cue whose subject is found: what the steps that read its content share.
pub(super) struct Said<'s> {
    /// The sentence's tokens.
    pub(super) tokens: &'s [Token],
    /// The cue.
    pub(super) cue: &'s Cue,
    /// The cue as written.
    pub(super) cue_text: &'s str,
    /// The sentence.
    pub(super) sentence: Range<usize>,
    /// The token where the subject starts.
    pub(super) first: usize,
    /// Who says it.
    pub(super) source: SourceDraft,
    /// The tokens after the cue.
    pub(super) after: &'s [Token],
}

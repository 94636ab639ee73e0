//! Say-that: the subject before a cue ("X said (that) C", "“Q,” X said", "C, X said"),
//! and the content it introduces.
//! Example: "The governor said that schools would reopen."

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::{Token, tokenize};
use crate::model::{ClaimKind, SourceKind};

use super::wordlists::{
    ADVERBIALS, AUXILIARIES, CLAUSE_WORDS, DETERMINERS, HEAD_ENDS, INTRODUCERS, MODALS,
    VERBS_IN_CLAUSES, is_contraction, is_ly_adverb, is_tell, starts_upper,
};
use super::{ClaimDraft, Context, Cue, History, SourceDraft};

/// Adverbs between a subject and its cue ("X also said"), part of neither.
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "then", "later", "further", "previously", "again", "recently", "repeatedly",
    "subsequently", "initially", "first", "once", "publicly", "officially", "separately",
    "earlier", "still", "reportedly", "allegedly", "quickly", "immediately", "privately",
    "formally", "explicitly", "specifically", "similarly", "likewise", "often", "always",
    "sometimes", "even", "just", "now", "ever", "already", "long",
];

/// Introducers that open a subordinate clause ("Though it was seamless, he said, …").
const SUBORDINATORS: &[&str] = &[
    "when", "if", "although", "though", "while", "since", "because", "once", "unless", "whereas",
];

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
    pub(super) fn subject_before(
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
}

//! Say-that: the content after a cue whose subject is found ("X said (that) C", "X told
//! Y that C", "X said: “Q”"), up to a second cue, another speaker or a turn of the
//! article's own.
//! Example: "The governor said on Monday that schools would reopen, but parents doubt it."
//! Fixtures: tests/fixtures/extract/participle-after-subordinator.txt, tests/fixtures/extract/document-participle-that.txt, tests/fixtures/extract/told-hearer-no-that.txt, tests/fixtures/extract/preposition-before-that.txt, tests/fixtures/extract/time-phrase-before-content.txt, tests/fixtures/extract/second-cue-phrase.txt, tests/fixtures/extract/naming-and-participle-that.txt, tests/fixtures/extract/claim-noun-apposition.txt, tests/fixtures/extract/participle-after-occasion.txt.

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::{Token, tokenize};
use crate::syntax::Model;

use super::content::written_cue;
use super::source::is_document_noun;
use super::subject::Said;
use super::wordlists::{
    ADVERBIALS, AUXILIARIES, DETERMINERS, INTRODUCERS, MODALS, PRONOUNS, TIME_NOUNS, is_ly_adverb,
    is_tell, starts_upper,
};
use super::{ClaimDraft, Context, History};

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

/// How the words around a subject and its cue lie: what decides whether the content
/// follows the cue or came before the subject.
pub(super) struct Layout<'s> {
    /// The first token after the cue, as written (it borrows from the article text).
    pub(super) first_after: Option<&'s str>,
    /// Whether the cue is a verb of telling, whose first object is the hearer.
    pub(super) tell: bool,
    /// Where (in the tokens after the cue) a "that" opens the content.
    that_at: Option<usize>,
    /// Whether only adverbials follow the cue ("said on Monday").
    only_adverbials: bool,
    /// Whether a quotation of the speaker ends right before the subject.
    quote_before: bool,
    /// Whether an introductory phrase and a comma come before the subject.
    intro_before: bool,
    /// "Though A was B, he said, C": a subordinate clause the cue interrupts.
    subordinate_intro: bool,
    /// Whether a clause of four words or more follows the cue after a comma.
    tail_clause: bool,
    /// "C, X said Friday afternoon, as …": where the adverbials after the cue end, at a
    /// comma, when the content came before the subject.
    pub(super) adverbials_end: Option<usize>,
}

/// Adverbs between a break and a second cue ("…, even suggesting C", "… and repeatedly
/// says “Q”", besides those in "-ly").
const LINKING_ADVERBS: &[&str] = &["even", "also", "again", "further", "then", "later"];

/// Whether a word can stand between a break and a second cue: a linking adverb or one in
/// "-ly".
fn linking_adverb(w: &str) -> bool {
    LINKING_ADVERBS.contains(&w) || is_ly_adverb(w)
}

impl Context<'_> {
    /// The claims of a cue whose subject is found: the content follows the cue
    /// ([`Self::said_forward`]) or came before the subject ([`Self::said_before`]).
    pub(super) fn said_content(&self, said: &Said, history: &History) -> Vec<ClaimDraft> {
        let layout = self.layout(said);
        // "Though A was B, he said, C …", "So when A did B, X said, “C.”": the cue
        // interrupts one content, which is one claim around it.
        if layout.subordinate_intro {
            return self
                .draft(said.sentence.clone(), &said.source, said.cue_text)
                .into_iter()
                .collect();
        }
        let forward_from = self.forward_start(said, &layout);
        if let Some(claims) = self.as_put_it(said, &layout) {
            return claims;
        }
        match self.question_word_start(said, forward_from) {
            Some(from) => self.said_forward(said, self.past_time_phrase(said, from), history),
            None => self.said_before(said, &layout, history),
        }
    }

    /// Whether a token opens a quotation.
    pub(super) fn opens_quote(&self, t: &Token) -> bool {
        matches!(t.text(self.text), "“" | "\"" | "‘" | "«")
    }

    /// Whether a token closes a quotation.
    pub(super) fn closes_quote(&self, t: &Token) -> bool {
        self.quote_ending_at(t.end).is_some()
    }

    /// How the words around the subject and the cue lie.
    fn layout(&self, said: &Said) -> Layout<'_> {
        let text = self.text;
        let (tokens, after, first) = (said.tokens, said.after, said.first);
        let word = |t: &Token| lower(t.text(text));
        let first_after = after.first().map(|t| t.text(text));
        let tell = is_tell(said.cue_text);
        let only_adverbials = after.iter().filter(|t| t.is_word()).all(|t| {
            let w = word(t);
            ADVERBIALS.contains(&&*w) || w.starts_with(|c: char| c.is_ascii_digit())
        });
        let lead = self.lead_words(tokens, first);
        let opens_with_intro = lead
            .first()
            .is_some_and(|t| !self.in_quote(t.start) && INTRODUCERS.contains(&&*word(t)));
        let words_after = after.iter().filter(|t| t.is_word()).count();
        // "“Q,” X said …" / "“Q”, X said …": a quotation right before the subject. "On
        // “Fox News Sunday,” X said C": a title that closes an introductory phrase is no
        // quotation of the speaker; the content follows the cue.
        let quote_before = first > 0
            && (self.closes_quote(&tokens[first - 1])
                || (tokens[first - 1].text(text) == ","
                    && first > 1
                    && self.closes_quote(&tokens[first - 2])))
            && !(opens_with_intro && !only_adverbials && words_after >= 3);
        // "During his years in office, Mr. Obama said, a majority …": an introductory
        // phrase, then the speaker, then the content.
        let intro_before = first > 0 && tokens[first - 1].text(text) == "," && opens_with_intro;
        // A reduced clause ("When asked about A, X said") is no content.
        let subordinate_intro = intro_before
            && first_after == Some(",")
            && lead.len() >= 4
            && SUBORDINATORS.contains(&&*word(lead[0]))
            && !word(lead[1]).ends_with("ed")
            && !word(lead[1]).ends_with("ing")
            && words_after >= 2;
        let tail_clause = first_after == Some(",")
            && after
                .get(1)
                .is_some_and(|t| t.is_word() && !word(t).ends_with("ing"))
            && words_after >= 4;
        let content_before = first > 0
            && (tokens[first - 1].text(text) == "," || self.closes_quote(&tokens[first - 1]));
        let adverbials_end = after.iter().position(|t| t.text(text) == ",").filter(|&c| {
            content_before
                && c > 0
                && after[..c]
                    .iter()
                    .all(|t| t.is_word() && ADVERBIALS.contains(&&*word(t)))
        });
        Layout {
            first_after,
            tell,
            that_at: self.that_at(after, tell, ends_with_document(said.cue_text)),
            // "C, X said in a brief statement.": the occasion of saying is no content.
            only_adverbials: only_adverbials || content_before && self.occasion_only(said),
            quote_before,
            intro_before,
            subordinate_intro,
            tail_clause,
            adverbials_end,
        }
    }

    /// The words before the subject, past a leading "so", "and" or "but": an opening
    /// phrase ("During …", "On “Fox News Sunday,”", "Though A was B").
    fn lead_words<'t>(&self, tokens: &'t [Token], first: usize) -> Vec<&'t Token> {
        let mut words = tokens[..first].iter().filter(|t| t.is_word()).peekable();
        if words
            .peek()
            .is_some_and(|t| matches!(&*lower(t.text(self.text)), "so" | "and" | "but"))
        {
            words.next();
        }
        words.collect()
    }

    /// Where (in `after`, the tokens after the cue) a "that" opens the content: right
    /// after the cue or past adverbials, a prepositional phrase or a parenthetical.
    pub(super) fn that_at(&self, after: &[Token], tell: bool, document_cue: bool) -> Option<usize> {
        let text = self.text;
        let word = |t: &Token| lower(t.text(text));
        after
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
                // "said in a report released on Thursday that": a participle phrase on
                // the document the cue ends with.
                let on_document = document_cue
                    && phrase.first().is_some_and(|t| is_participle(&word(t)))
                    && phrase.len() <= 8
                    && phrase[1..].iter().all(|t| {
                        t.is_word() && !self.in_quote(t.start) && self.lex.cue(&word(t)).is_none()
                    });
                // "urged X to act, warning that C": the "that" is another cue's.
                let other_cue = phrase.iter().any(|t| {
                    t.is_word() && word(t).ends_with("ing") && self.lex.cue(&word(t)).is_some()
                });
                !other_cue
                    && (tell
                        || parenthetical
                        || on_document
                        || phrase.len() <= 8
                            && phrase
                                .iter()
                                .all(|t| t.is_word() && ADVERBIALS.contains(&&*word(t)))
                        || self.prepositional(phrase, after.get(p + 1)))
            })
    }

    /// Whether `phrase` is a prepositional phrase between a cue and the "that" of its
    /// content, `next` the word after "that": "in an interview with CNN", "to troops",
    /// "without evidence". Not an infinitive ("agreed to clean up the land that …"), nor
    /// a noun that a relative "that" goes on ("after the meeting that was held …").
    fn prepositional(&self, phrase: &[Token], next: Option<&Token>) -> bool {
        let text = self.text;
        let word = |t: &Token| lower(t.text(text));
        let Some(first) = phrase.first().map(word) else {
            return false;
        };
        let noun_after_to = || {
            phrase.get(1).is_some_and(|t| {
                let w = word(t);
                DETERMINERS.contains(&&*w)
                    || starts_upper(t.text(text))
                    || w.ends_with('s') && !w.ends_with("ss")
            })
        };
        let opens = match &*first {
            "in" | "on" | "at" | "during" | "via" | "through" | "over" | "with" => true,
            "without" | "after" | "before" | "from" | "by" => true,
            "to" => noun_after_to(),
            _ => false,
        };
        let relative_that = next.is_some_and(|t| {
            let w = word(t);
            AUXILIARIES.contains(&&*w)
                || MODALS.contains(&&*w)
                || matches!(&*w, "is" | "was" | "are" | "were")
                || w.ends_with("ed")
        });
        opens
            && !relative_that
            && phrase.iter().all(|t| {
                (t.is_word() || t.text(text) == ",")
                    && !self.in_quote(t.start)
                    && self.lex.cue(&word(t)).is_none()
            })
    }

    /// Where the content starts when it follows the cue: at a colon or a quotation, after
    /// "that", after the comma before a tail clause, after a hearer; `None` when the
    /// content came before the subject.
    fn forward_start(&self, said: &Said, layout: &Layout) -> Option<usize> {
        let (after, cue) = (said.after, said.cue);
        let colon = layout.first_after == Some(":");
        if layout.quote_before && !colon && layout.that_at.is_none()
            || layout.adverbials_end.is_some()
        {
            None
        } else if colon
            || after.first().is_some_and(|t| self.opens_quote(t))
            || (layout.first_after == Some(",")
                && after.get(1).is_some_and(|t| self.opens_quote(t)))
        {
            Some(cue.span.end)
        } else if let Some(p) = layout.that_at {
            Some(after[p].end)
        } else if layout.intro_before && layout.tail_clause {
            Some(after[0].end)
        } else if layout.first_after == Some(",") || layout.only_adverbials {
            None
        } else if layout.tell {
            self.told_content_start(said)
        } else {
            Some(cue.span.end)
        }
    }

    /// Where the content of a verb of telling starts: a clause after the hearer that holds
    /// a quotation, the quotation, the hearer's infinitive, or what follows the hearer.
    fn told_content_start(&self, said: &Said) -> Option<usize> {
        let text = self.text;
        let (after, cue) = (said.after, said.cue);
        let verb_group = |t: &Token| {
            let w = lower(t.text(text));
            MODALS.contains(&&*w)
                || AUXILIARIES.contains(&&*w)
                || matches!(&*w, "is" | "are" | "was" | "were")
        };
        // "told local media networks to end …": object and infinitive; not "told Reuters
        // the army was trying to …", where a clause holds it.
        let infinitive_at = after
            .windows(3)
            .position(|w| {
                w[1].text(text) == "to"
                    && w[0].is_word()
                    && w[2].is_word()
                    && !starts_upper(w[0].text(text))
                    && !starts_upper(w[2].text(text))
            })
            .filter(|&i| !after[..i].iter().any(verb_group));
        // "told Sky News any process …": the hearer, then the content.
        let hearer_end = self.hearer_end(after);
        let quote_at = after
            .iter()
            .position(|t| self.opens_quote(t) || t.text(text) == ":");
        // "told voters this weekend he would consider it a “personal insult” if …": a
        // clause after the hearer holds the quotation.
        let clause_first = hearer_end.filter(|&h| {
            quote_at.is_some_and(|q| {
                h < q
                    && after[h..q].iter().filter(|t| t.is_word()).count() >= 3
                    && !after[h..q].iter().any(|t| {
                        t.is_word() && self.lex.cue(&lower(t.text(text))) == Some(CueClass::Speech)
                    })
            })
        });
        let infinitive = infinitive_at.is_some();
        // "warned militiamen not to enter … in an appeal for “restraint”": a request
        // whose infinitive comes before the quotation holds it.
        let request_first = infinitive_at.is_some_and(|i| quote_at.is_some_and(|q| i < q));
        if let Some(h) = clause_first {
            Some(after[h].start)
        } else if let Some(q) = quote_at.filter(|_| !request_first) {
            Some(after[q].start)
        } else if infinitive {
            Some(cue.span.end)
        } else if let Some(h) = hearer_end {
            // "urged Republicans to join …": the hearer belongs to the request. "C, X told
            // AFP, adding …": a comma closes the telling; its content lies elsewhere.
            let closed = after[h].text(text) == ","
                && after.get(h + 1).is_some_and(|t| {
                    let w = t.text(text);
                    t.is_word() && !starts_upper(w) && !DETERMINERS.contains(&&*lower(w))
                });
            (!closed && after[h..].iter().filter(|t| t.is_word()).count() >= 3).then(|| {
                if after[h].text(text) == "to" {
                    cue.span.end
                } else {
                    after[h].start
                }
            })
        } else {
            // "warned violence would increase": no hearer, but a clause whose verb group
            // follows its subject within a few words.
            let clause = after.iter().take(6).skip(1).any(verb_group)
                && after.first().is_some_and(|t| t.is_word());
            clause.then_some(cue.span.end)
        }
    }

    /// "questioned whether C", "questioned how C": the question word opens the content.
    fn question_word_start(&self, said: &Said, from: Option<usize>) -> Option<usize> {
        let last = &said.tokens[said.cue.last];
        from.map(|from| {
            let wh = matches!(
                &*lower(last.text(self.text)),
                "whether" | "why" | "what" | "how" | "if"
            );
            if wh && from == said.cue.span.end {
                last.start
            } else {
                from
            }
        })
    }

    /// "said on Tuesday he was …", "told reporters late on Monday the army …": a phrase
    /// of time between the cue and a content clause is the saying's, not the content's.
    /// Where the content starts: past the phrase when a clause's subject follows it (a
    /// pronoun, a determiner, a name); "said this year would be hard" keeps its subject.
    fn past_time_phrase(&self, said: &Said, from: usize) -> usize {
        let text = self.text;
        let words: Vec<&Token> = said.after.iter().filter(|t| t.start >= from).collect();
        let word = |i: usize| words.get(i).map(|t| lower(t.text(text)));
        let mut i = 0;
        if word(i).is_some_and(|w| matches!(&*w, "late" | "early" | "earlier" | "last" | "this")) {
            i += 1;
        }
        if word(i).as_deref() == Some("on") {
            i += 1;
        }
        if !word(i).is_some_and(|w| TIME_NOUNS.contains(&&*w)) {
            return from;
        }
        i += 1;
        if word(i).is_some_and(|w| matches!(&*w, "morning" | "afternoon" | "evening" | "night")) {
            i += 1;
        }
        let opens_subject = words.get(i).is_some_and(|t| {
            let w = lower(t.text(text));
            t.is_word()
                && (PRONOUNS.contains(&&*w)
                    || matches!(
                        &*w,
                        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "i"
                    )
                    || starts_upper(t.text(text))
                    || w.starts_with(|c: char| c.is_ascii_digit()))
        });
        let clause_after = words.len() >= i + 3;
        if opens_subject && clause_after {
            words[i].start
        } else {
            from
        }
    }

    /// The content from `from` on: up to a second cue of the same speaker, another
    /// speaker's clause, or a turn to the article's own voice.
    fn said_forward(&self, said: &Said, from: usize, history: &History) -> Vec<ClaimDraft> {
        let (source, cue_text) = (&said.source, said.cue_text);
        let noun_end = self.noun_content_end(said, from);
        // "rejected the toll in a statement, saying C": a second cue after the occasion
        // that ends a noun content reports to the end of the sentence.
        let second = match self.second_cue(said, from, noun_end, cue_text) {
            Some(s) => Some((s, noun_end)),
            None if noun_end < said.sentence.end => self
                .second_cue(said, from, said.sentence.end, cue_text)
                .filter(|&(comma, _, _)| comma >= noun_end)
                .map(|s| (s, said.sentence.end)),
            None => None,
        };
        let end = second.as_ref().map_or(noun_end, |&(_, end)| end);
        let mut claims = Vec::new();
        if let Some(((comma, cue_end, second_cue), _)) = second {
            claims.extend(self.draft(from..comma, source, cue_text));
            // The second content may hold a third cue of the speaker's: "condemned X
            // and urged restraint, saying C" (a quotation after a colon stays with the
            // clause it ends).
            let (mut from, mut cue) = (cue_end, second_cue);
            while let Some((comma, cue_end, next)) = self
                .second_cue(said, from, end, &cue)
                .filter(|&(at, _, _)| !self.text[at..].starts_with(':'))
            {
                claims.extend(self.draft(from..comma, source, &cue));
                (from, cue) = (cue_end, next);
            }
            claims.extend(self.draft(from..end, source, &cue));
        } else if let Some((stop, more)) = self.handover(said, from, end, history) {
            claims.extend(self.draft(from..stop, source, cue_text));
            claims.extend(more);
        } else {
            claims.extend(self.turn(said, from, end));
        }
        claims
    }

    /// Where a noun content ends as far as the words show: before a relative clause
    /// ("cited criticism of X, who took heat for …") or the occasion of the speech act
    /// ("denounced the annexation in an on-air diatribe", "attacked X as Y during the
    /// debate"). Other contents run to the end of the sentence. Where the tree shows the
    /// relative clause belongs to the content, it is taken back in (see `tree_extents`).
    fn noun_content_end(&self, said: &Said, from: usize) -> usize {
        let after = said.after;
        // "accused X of Y, a charge Kigali denies": the phrase on the claim is no content.
        let end = (0..after.len())
            .find(|&k| {
                after[k].start > from
                    && !self.in_quote(after[k].start)
                    && self.claim_noun_after(after, k)
            })
            .map_or(said.sentence.end, |k| after[k].start);
        if !matches!(said.cue.class, CueClass::NounContent | CueClass::Evaluation) {
            return end;
        }
        let text = self.text;
        let word = |t: &Token| lower(t.text(text));
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
    }

    /// A second claim under the same source: "…, declaring it a message", "…, and said
    /// it was …", "… thought out”: “Moves …”", "accused X of Y and asserted that Z".
    /// Returns where the first content stops, where the second starts, and its cue
    /// (`cue_text`, the cue of the content being cut, for a quotation after a colon).
    fn second_cue(
        &self,
        said: &Said,
        from: usize,
        end: usize,
        cue_text: &str,
    ) -> Option<(usize, usize, String)> {
        let text = self.text;
        let word = |t: &Token| lower(t.text(text));
        let after = said.after;
        let is_cue = |t: &Token| {
            self.lex
                .cue(&word(t))
                .is_some_and(|c| c != CueClass::Passive)
        };
        after.iter().enumerate().find_map(|(k, t)| {
            let next = after.get(k + 1);
            // "said: “Q,” adding that C": the comma sits inside the quotation.
            if t.start > from
                && t.end < end
                && self.closes_quote(t)
                && k > 0
                && after[k - 1].text(text) == ","
                && next.is_some_and(|n| word(n).ends_with("ing") && is_cue(n))
            {
                let n = next?;
                return Some((t.end, n.end, n.text(text).to_string()));
            }
            if t.start <= from || t.start >= end || self.in_quote(t.start) {
                return None;
            }
            let next = next?;
            match t.text(text) {
                "," if word(next).ends_with("ing") && is_cue(next) => {
                    Some(self.cue_from(after, k + 1, t.start))
                }
                // "…, while chanting “Q”", "…, even suggesting C": a subordinator or a
                // linking adverb before the participle.
                "," | "-" | "–" | "—"
                    if (matches!(
                        &*word(next),
                        "while" | "whilst" | "before" | "after" | "when"
                    ) || linking_adverb(&word(next)))
                        && after
                            .get(k + 2)
                            .is_some_and(|c| word(c).ends_with("ing") && is_cue(c)) =>
                {
                    Some(self.cue_from(after, k + 2, t.start))
                }
                "," | ";"
                    if matches!(&*word(next), "and" | "but")
                        && after.get(k + 2).is_some_and(|c| {
                            is_cue(c) && (word(next) == "and" || word(c).ends_with("ed"))
                        }) =>
                {
                    Some(self.cue_from(after, k + 2, t.start))
                }
                ":" if self.opens_quote(next) && k > 0 => {
                    Some((t.start, t.end, cue_text.to_string()))
                }
                "and" | "but" => self.coordinated_cue(said, k),
                _ => None,
            }
        })
    }

    /// The longest cue at `after[at]` ("calling on", not "calling"), as `second_cue`
    /// returns it with the first content stopping at `stop`; a "that" the phrase ends
    /// with ("adding that") is no part of the cue as written.
    fn cue_from(&self, after: &[Token], at: usize, stop: usize) -> (usize, usize, String) {
        let n = self.cue_len(&after[at..]).max(1);
        let (first, last) = (&after[at], &after[at + n - 1]);
        let cue = &self.text[first.start..last.end];
        (stop, last.end, written_cue(cue).to_string())
    }

    /// A second finite verb of saying after the "and" or "but" at `after[k]`:
    /// "accused X of Y and asserted that Z", "… but has said she will …" (with its
    /// auxiliary), "… and repeatedly says “Q”" (after a linking adverb), "Analysts say
    /// A but warn that B" (a bare present after a bare present, before "that"). Returns
    /// where the first content stops, where the second starts, and the second cue.
    fn coordinated_cue(&self, said: &Said, k: usize) -> Option<(usize, usize, String)> {
        let text = self.text;
        let after = said.after;
        let word = |t: &Token| lower(t.text(text));
        let (prev, t, next) = (after.get(k.checked_sub(1)?)?, &after[k], after.get(k + 1)?);
        let bare = |w: &str| !w.ends_with('s') && Model::embedded().verb_lemma(w) == w;
        let plural_present = said
            .cue_text
            .split_whitespace()
            .next()
            .is_some_and(|w| bare(&w.to_lowercase()));
        let cue_word = |c: &Token, present: bool| {
            let w = word(c);
            let before_that = || {
                let i = after.partition_point(|x| x.start < c.start);
                after.get(i + 1).is_some_and(|x| word(x) == "that")
            };
            self.lex.cue(&w).is_some_and(|c| c != CueClass::Passive)
                && (w.ends_with("ed")
                    || matches!(&*w, "said" | "told")
                    || present && present_speech(&w)
                    || present && plural_present && bare(&w) && before_that())
        };
        let after_word = prev.is_word() || self.closes_quote(prev);
        // The cue's first token, and the first token of the cue as written.
        let (at, written) = if AUXILIARIES.contains(&&*word(next)) {
            (prev.is_word() && after.get(k + 2).is_some_and(|c| cue_word(c, false)))
                .then_some((k + 2, k + 1))?
        } else if linking_adverb(&word(next)) {
            (after_word && after.get(k + 2).is_some_and(|c| cue_word(c, true)))
                .then_some((k + 2, k + 2))?
        } else {
            (after_word && cue_word(next, true)).then_some((k + 1, k + 1))?
        };
        // The longest cue there: "called for", not "called".
        let n = self.cue_len(&after[at..]).max(1);
        let last = &after[at + n - 1];
        Some((
            t.start,
            last.end,
            text[after[written].start..last.end].to_string(),
        ))
    }

    /// Another speaker: "…, but Y said B", "…, while experts warn that B". Returns where
    /// the first content stops and the other speaker's claims.
    fn handover(
        &self,
        said: &Said,
        from: usize,
        end: usize,
        history: &History,
    ) -> Option<(usize, Vec<ClaimDraft>)> {
        let text = self.text;
        said.after.iter().enumerate().find_map(|(k, t)| {
            let comma = matches!(t.text(text), "," | ";") && !self.in_quote(t.start);
            if t.start <= from || t.start >= end || !(comma || self.comma_in_quote(t)) {
                return None;
            }
            let conj = said.after.get(k + 1).filter(|c| {
                matches!(
                    &*lower(c.text(text)),
                    "but" | "and" | "while" | "whereas" | "although" | "though"
                )
            })?;
            let rest = conj.end..end;
            let rest_tokens = tokenize(text, rest.clone());
            // "…, but Conflict Armament Research, a British-based investigative group, has
            // documented X": a name with its apposition before the cue.
            let next_cue = self.cues(&rest_tokens).into_iter().find(|c| {
                c.first <= 8 || c.first <= 12 && rest_tokens[c.first - 1].text(text) == ","
            })?;
            let more = self.subject_before(&rest_tokens, &next_cue, rest, history);
            let stop = if comma { t.start } else { t.end };
            (!more.is_empty()).then_some((stop, more))
        })
    }

    /// "X said A, but B": the turn to B is the article's own; without one the content
    /// runs to `end`. "…, but would eventually add …": a modal without a subject of its
    /// own goes on with the reported content.
    fn turn(&self, said: &Said, from: usize, end: usize) -> Vec<ClaimDraft> {
        let text = self.text;
        let word = |t: &Token| lower(t.text(text));
        let (after, source, cue_text) = (said.after, &said.source, said.cue_text);
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
        let Some(w) = turn else {
            return self
                .draft(from..end, source, cue_text)
                .into_iter()
                .collect();
        };
        let stop = if w[0].text(text) == "," {
            w[0].start
        } else {
            w[0].end
        };
        let mut claims: Vec<ClaimDraft> = self
            .draft(from..stop, source, cue_text)
            .into_iter()
            .collect();
        let rest = self.trim_content(w[1].start..end);
        if after
            .iter()
            .filter(|t| t.start >= rest.start && t.is_word())
            .count()
            >= 4
        {
            claims.push(self.own_voice(rest, end));
        }
        claims
    }
}

/// Whether a cue ends with a document noun: "said in a report", "said in a statement".
fn ends_with_document(cue: &str) -> bool {
    cue.rsplit(' ')
        .next()
        .is_some_and(|w| is_document_noun(&w.to_lowercase()))
}

/// Whether a word is a past participle that can modify a document ("released",
/// "published", "seen", "sent", "written").
fn is_participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || matches!(w, "seen" | "sent" | "written" | "given")
}

//! Finding reporting cues in a sentence, and telling them from nouns, namings and passives.
//! Example: "The mayor said on Monday" holds the cue "said"; "over fears" holds none.
//! Fixtures: tests/fixtures/extract/anonymous-source.txt, tests/fixtures/extract/aspectual-verbs.txt, tests/fixtures/extract/relay-participle-on-subject.txt, tests/fixtures/extract/naming-and-participle-that.txt, tests/fixtures/extract/long-anonymity-phrase.txt.

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::Token;
use crate::syntax::Model;

use super::wordlists::{
    AUXILIARIES, COPULAS, NOUN_MARKERS, is_contraction, is_ly_adverb, is_number, starts_upper,
};
use super::{Context, Cue, finite_form};

/// Infinitives that make "declined to …" a report of silence, not a claim.
#[rustfmt::skip]
const SILENCE_VERBS: &[&str] = &[
    "comment", "elaborate", "say", "answer", "respond", "discuss", "specify", "speculate",
    "confirm", "reply",
];

/// Verbs of aspect that are cues only without a verb complement ("he continued").
#[rustfmt::skip]
const ASPECTUAL_VERBS: &[&str] = &[
    "continue", "continued", "continues", "continuing", "resume", "resumed", "resumes",
    "resuming",
];

/// Past forms that take an infinitive in the active voice ("X pledged to build"), unlike
/// "suspected to be" or "believed to have".
#[rustfmt::skip]
const INTENTION_VERBS: &[&str] = &[
    "agreed", "pledged", "promised", "threatened", "vowed", "planned", "refused", "declined",
    "intended", "decided", "hoped", "wanted", "wished", "demanded", "proposed",
];

/// Verbs of saying that ask for something only with an infinitive ("encouraged X to").
const DIRECTIVES: &[&str] = &["encourage", "encouraged", "encourages", "encouraging"];

impl Context<'_> {
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

    /// The reporting cues of a sentence, in order: at each word, the longest lexicon
    /// phrase used as a verb of saying, with the auxiliaries before it.
    pub(super) fn cues(&self, tokens: &[Token]) -> Vec<Cue> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < tokens.len() {
            // "who asked not to be named", "speaking on condition of anonymity": part
            // of an anonymous source, no cue.
            if let Some(end) = self.anonymity_span(tokens, k) {
                k = end;
                continue;
            }
            if !self.may_open_cue(&tokens[k]) {
                k += 1;
                continue;
            }
            let hit = self
                .lexicon_cue(tokens, k)
                .or_else(|| self.estimate(tokens, k));
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
            if self.put_it_without_as(tokens, k, n)
                || self.directive_without_request(tokens, k, n)
                || self.noun_use(tokens, k, n, class)
            {
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
        self.drop_relay_modifiers(tokens, &mut out);
        out
    }

    /// "Officials quoted by state media said C", "The minister, cited by Interfax, told
    /// C": a participle of relaying on the subject of a later verb of saying tells where
    /// the words were reported; the verb speaks, for the original speaker.
    fn drop_relay_modifiers(&self, tokens: &[Token], cues: &mut Vec<Cue>) {
        // The bare participle ("quoted by"), not "as quoted by" or "was cited by".
        let relay = |c: &Cue| {
            c.class == CueClass::According
                && c.first > 0
                && c.last == c.first + 1
                && lower(tokens[c.last].text(self.text)) == "by"
                && lower(tokens[c.first - 1].text(self.text)) != "as"
                && matches!(
                    Model::embedded()
                        .verb_lemma(tokens[c.first].text(self.text))
                        .as_str(),
                    "quote" | "cite"
                )
        };
        let governed = |c: &Cue| {
            cues.iter().any(|later| {
                later.class == CueClass::Speech
                    && later.first > c.last
                    && later.first <= c.last + 10
                    && finite_form(&lower(tokens[later.first].text(self.text)))
            })
        };
        let dropped: Vec<usize> = (0..cues.len())
            .filter(|&i| relay(&cues[i]) && governed(&cues[i]))
            .collect();
        for i in dropped.into_iter().rev() {
            cues.remove(i);
        }
    }

    /// The end (exclusive) of the anonymity phrases that start at token `k`, phrases that
    /// overlap making one: "who asked not to be named because he was not authorized to
    /// speak publicly" is "who asked not to be named", "because he was not authorized
    /// to" and "not authorized to speak publicly".
    pub(super) fn anonymity_span(&self, tokens: &[Token], k: usize) -> Option<usize> {
        let mut end = k + self.anonymity_phrase(tokens, k)?;
        let mut j = k + 1;
        while j < end {
            if let Some(m) = self.anonymity_phrase(tokens, j) {
                end = end.max(j + m);
            }
            j += 1;
        }
        Some(end)
    }

    /// The number of tokens of the anonymity phrase of the lexicon ("who asked not to be
    /// named") that starts at token `k`, if one does.
    pub(super) fn anonymity_phrase(&self, tokens: &[Token], k: usize) -> Option<usize> {
        if !tokens[k].is_word() {
            return None;
        }
        let phrases = self
            .lex
            .anonymity_phrases
            .get(&*lower(tokens[k].text(self.text)))?;
        phrases
            .iter()
            .filter(|p| {
                tokens.get(k..k + p.len()).is_some_and(|ts| {
                    p.iter()
                        .zip(ts)
                        .all(|(w, t)| lower(t.text(self.text)) == w.as_str())
                })
            })
            .map(Vec::len)
            .max()
    }

    /// Whether a token can open a cue: a word outside quotations that opens a lexicon
    /// phrase. "In a statement Wednesday, X called …": a preposition opens none.
    fn may_open_cue(&self, t: &Token) -> bool {
        if !t.is_word() || self.in_quote(t.start) {
            return false;
        }
        let first_word = lower(t.text(self.text));
        let prepositional = matches!(
            &*first_word,
            "in" | "on" | "at" | "during" | "via" | "through" | "after"
        );
        !prepositional && self.lex.cue_first_words.contains(&*first_word)
    }

    /// The longest lexicon cue at token `k`: its length in tokens and its class.
    /// "Officials have put the death toll from the raid on the camp at 23": a verb of
    /// placing whose object is a count ("toll", "number", "figure") and whose `at` takes
    /// a number is an estimate, a speech act with the count as its content.
    fn estimate(&self, tokens: &[Token], k: usize) -> Option<(usize, CueClass)> {
        let verb = lower(tokens[k].text(self.text));
        if !matches!(
            &*verb,
            "put" | "puts" | "putting" | "placed" | "places" | "placing"
        ) {
            return None;
        }
        let words: Vec<String> = tokens[k + 1..]
            .iter()
            .take(24)
            .map(|t| lower(t.text(self.text)).into_owned())
            .collect();
        if words.first().map(String::as_str) != Some("the") {
            return None;
        }
        let at = words.iter().position(|w| w == "at")?;
        let count = words[1..at]
            .iter()
            .any(|w| matches!(w.as_str(), "toll" | "number" | "figure" | "tally" | "count"));
        let number = words.get(at + 1).is_some_and(|w| {
            is_number(w)
                || matches!(
                    w.as_str(),
                    "more" | "least" | "about" | "around" | "nearly" | "over"
                )
        });
        (count && number).then_some((1, CueClass::NounContent))
    }

    fn lexicon_cue(&self, tokens: &[Token], k: usize) -> Option<(usize, CueClass)> {
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
                return Some((n, class));
            }
        }
        None
    }

    /// "as X put it" reports; "X put it on the table" does not.
    fn put_it_without_as(&self, tokens: &[Token], k: usize, n: usize) -> bool {
        let put_it = matches!(
            &*lower(tokens[k].text(self.text)),
            "put" | "puts" | "putting"
        ) && n == 2;
        put_it
            && !tokens[k.saturating_sub(12)..k]
                .iter()
                .any(|t| lower(t.text(self.text)) == "as")
    }

    /// "encouraged voters to register" asks something; "encouraging the attacks" does not.
    fn directive_without_request(&self, tokens: &[Token], k: usize, n: usize) -> bool {
        DIRECTIVES.contains(&&*lower(tokens[k + n - 1].text(self.text)))
            && !tokens[k + n..]
                .iter()
                .take(8)
                .any(|t| t.text(self.text) == "to")
    }

    /// Whether the cue words at `k..k + n` are used as something else than a verb of
    /// saying with a speaker in subject position: a passive, an aspectual verb, a
    /// naming, a noun (after a marker, a possessive, a gerund, or before the finite
    /// verb), a part of a name, or a participle modifying a noun.
    fn noun_use(&self, tokens: &[Token], k: usize, n: usize, class: CueClass) -> bool {
        let text = self.text;
        let cue_words = self.words(&tokens[k..k + n]);
        let last_word = cue_words.last().cloned().unwrap_or_default();
        let before = (k > 0 && tokens[k - 1].is_word()).then(|| lower(tokens[k - 1].text(text)));
        // "the Clean Power Plan", "FELLOW DOCTORS WANT": a capitalised word inside a
        // sentence is part of a name or a heading, not a cue.
        let capitalised =
            k > 0 && tokens[..k].iter().any(|t| t.is_word()) && starts_upper(tokens[k].text(text));
        // "known as IBK", "better known as", "known locally as", "known by its
        // initials": a naming, not a belief; so is an aside "The militia, called the
        // Northern Guard, said".
        let after_adverb = match tokens.get(k + n).map(|t| lower(t.text(text))) {
            Some(w) if is_ly_adverb(&w) => k + n + 1,
            _ => k + n,
        };
        let naming = last_word == "known"
            && tokens
                .get(after_adverb)
                .is_some_and(|t| matches!(&*lower(t.text(text)), "as" | "by" | "for"))
            || n == 1
                && last_word == "called"
                && k > 0
                && tokens[k - 1].text(text) == ","
                && self.names_aside(tokens, k + 1);
        self.infinitive_passive(tokens, k + n, class, &last_word)
            || self.aspectual(tokens, k + n, &last_word)
            || naming
            || that_as_object(tokens, k + n, &last_word, text)
            || self.plural_before_verb(tokens, k, n, &last_word)
            || self.after_possessive(tokens, k, before.as_deref())
            || capitalised
            || self.reduced_relative(tokens, k + n, class, &last_word)
            || before.as_deref().is_some_and(|w| {
                let progressive = cue_words.first().is_some_and(|w| w.ends_with("ing"));
                marked_noun(w, &last_word, n, progressive)
                    && !self.quantifier_subject(tokens, k, n, w, &last_word)
            })
    }

    /// Whether the words from `from` are a name closed by a comma: "the Northern Guard,"
    /// in "The militia, called the Northern Guard, said".
    fn names_aside(&self, tokens: &[Token], from: usize) -> bool {
        let text = self.text;
        let words = tokens[from..]
            .iter()
            .take_while(|t| t.is_word())
            .collect::<Vec<_>>();
        let comma = tokens
            .get(from + words.len())
            .is_some_and(|t| t.text(text) == ",");
        comma
            && !words.is_empty()
            && words.len() <= 5
            && words.iter().all(|t| {
                let w = t.text(text);
                starts_upper(w) || matches!(w, "the" | "of" | "for" | "and")
            })
    }

    /// "Some believe the plan …", "but many say it …": a quantifier that opens its clause
    /// is the subject of a cue in verb form (no plural noun) followed by a word that opens
    /// a clause or an object, not by a preposition as a noun is ("some fear of reprisals",
    /// "some reports").
    fn quantifier_subject(
        &self,
        tokens: &[Token],
        k: usize,
        n: usize,
        before: &str,
        last_word: &str,
    ) -> bool {
        let quantifier = matches!(before, "some" | "many" | "most" | "several");
        let opens_clause = k < 2
            || matches!(
                &*lower(tokens[k - 2].text(self.text)),
                "," | ";" | "and" | "but" | "while" | "though" | "although"
            );
        let verb_next = tokens.get(k + n).is_some_and(|t| {
            let w = lower(t.text(self.text));
            // What follows a noun: its complement ("fear of"), or its verb ("fear is").
            let after_noun = matches!(
                &*w,
                "of" | "for"
                    | "about"
                    | "over"
                    | "in"
                    | "on"
                    | "at"
                    | "among"
                    | "from"
                    | "to"
                    | "with"
                    | "by"
                    | "is"
                    | "was"
                    | "has"
                    | "had"
            );
            (t.is_word() && !after_noun && !w.ends_with("ing")) || matches!(&*w, "“" | "\"")
        });
        quantifier && opens_clause && verb_next && n == 1 && !plural_noun(last_word)
    }

    /// "suspected to be", "believed to have": passive, no speaker; but "pledged to
    /// build", "refused to leave": a verb of intention with its infinitive. "declined to
    /// comment", "refused to say": a report of silence. `next` is the token after the cue.
    fn infinitive_passive(
        &self,
        tokens: &[Token],
        next: usize,
        class: CueClass,
        last_word: &str,
    ) -> bool {
        let text = self.text;
        let infinitive = tokens.get(next).is_some_and(|t| t.text(text) == "to");
        let intention = infinitive
            && INTENTION_VERBS.contains(&last_word)
            && tokens.get(next + 1).is_some_and(|t| {
                let w = t.text(text);
                t.is_word() && !starts_upper(w) && !NOUN_MARKERS.contains(&w)
            });
        let silence = infinitive
            && class == CueClass::Attitude
            && tokens
                .get(next + 1)
                .is_some_and(|t| SILENCE_VERBS.contains(&&*lower(t.text(text))));
        silence || (infinitive && last_word.ends_with("ed") && !intention)
    }

    /// "will continue supporting", "continue to search", "fighting continued in the
    /// north": an aspectual verb with a complement reports nothing; "“…,” he continued"
    /// and "he continued: “…”" do, the verb closing its clause.
    fn aspectual(&self, tokens: &[Token], next: usize, last_word: &str) -> bool {
        ASPECTUAL_VERBS.contains(&last_word) && tokens.get(next).is_some_and(Token::is_word)
    }

    /// "campaign-finance reports shows": a plural noun before the finite cue.
    fn plural_before_verb(&self, tokens: &[Token], k: usize, n: usize, last_word: &str) -> bool {
        n == 1
            && plural_noun(last_word)
            && tokens.get(k + 1).is_some_and(|t| {
                let w = lower(t.text(self.text));
                // "reports say", "statements showed": a finite verb of saying after it.
                t.is_word()
                    && !w.ends_with("ing")
                    && matches!(self.lex.cue(&w), Some(CueClass::Speech | CueClass::Finding))
            })
    }

    /// "Trump's tax plans": after a possessive, a noun.
    fn after_possessive(&self, tokens: &[Token], k: usize, before: Option<&str>) -> bool {
        before.is_some_and(|w| {
            w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
        }) && !before.is_some_and(is_contraction)
            || (k > 1
                && matches!(tokens[k - 1].text(self.text), "’" | "'")
                && tokens[k - 2].text(self.text).ends_with('s'))
    }

    /// "the taxes requested in arrears", "bodies found in the river": a participle
    /// modifying a noun, not a speech act.
    fn reduced_relative(
        &self,
        tokens: &[Token],
        next: usize,
        class: CueClass,
        last_word: &str,
    ) -> bool {
        matches!(
            class,
            CueClass::NounContent | CueClass::Finding | CueClass::Evaluation
        ) && last_word.ends_with("ed")
            && tokens.get(next).is_some_and(|t| {
                matches!(
                    t.text(self.text),
                    "in" | "at" | "from" | "by" | "on" | "during" | "under"
                )
            })
    }

    /// How many tokens of the longest cue at the start of `tokens` (0 when none).
    pub(super) fn cue_len(&self, tokens: &[Token]) -> usize {
        let max = self.lex.max_cue_words.min(tokens.len());
        (1..=max)
            .rev()
            .find(|&n| {
                let run = &tokens[..n];
                run.iter().all(Token::is_word) && self.lex.cue(&self.words(run).join(" ")).is_some()
            })
            .unwrap_or(0)
    }
}

/// "ruled that out", "made that up": a cue phrase ending in "that" where "that" is the
/// verb's object, followed by a particle or the clause's end. `next` is the token after.
fn that_as_object(tokens: &[Token], next: usize, last_word: &str, text: &str) -> bool {
    last_word == "that"
        && tokens.get(next).is_none_or(|t| {
            matches!(
                &*lower(t.text(text)),
                "out" | "off" | "up" | "down" | "aside" | "away" | "." | "," | ";"
            )
        })
}

/// "claims", "reports": a plural noun form, not "says" nor "-ss".
fn plural_noun(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss") && w != "says"
}

/// Whether the word `before` a cue makes it a noun or a passive: "over fears", "the
/// claims", "his statement"; "was told", "is called", "so-called"; "taking calls",
/// "making claims" (a plural noun, object of a gerund). "they all suggested": a
/// floating quantifier before a past form is no marker.
fn marked_noun(before: &str, last_word: &str, n: usize, progressive: bool) -> bool {
    let floating = matches!(before, "all" | "both" | "each")
        && (last_word.ends_with("ed") || last_word == "said");
    let object = before.len() > 4 && before.ends_with("ing") && n == 1 && plural_noun(last_word);
    // "criticised for saying": a gerund after "for", unlike "for fears".
    let gerund = before == "for" && progressive && n == 1;
    (NOUN_MARKERS.contains(&before) && !floating && !gerund)
        || (COPULAS.contains(&before) && !progressive)
        || object
}

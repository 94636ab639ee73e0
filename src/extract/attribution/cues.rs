//! Finding reporting cues in a sentence, and telling them from nouns, namings and passives.
//! Example: "The mayor said on Monday" holds the cue "said"; "over fears" holds none.

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::segment::Token;

use super::wordlists::{
    AUXILIARIES, COPULAS, NOUN_MARKERS, is_contraction, is_ly_adverb, starts_upper,
};
use super::{Context, Cue};

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

    pub(super) fn cues(&self, tokens: &[Token]) -> Vec<Cue> {
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

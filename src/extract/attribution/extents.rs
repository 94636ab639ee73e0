//! Content extents from the dependency tree: where an indirect content after its cue ends.
//! Example: "Ortiz said the road was closed, and police warned of ice" ends at "closed".
//! Fixtures: tests/fixtures/extract/occasion-of-speech-act.txt, tests/fixtures/extract/relative-clause-content.txt, tests/fixtures/extract/second-speaker-after-but.txt, tests/fixtures/extract/subordinate-clause-cue.txt, tests/fixtures/extract/adjunct-after-object.txt, tests/fixtures/extract/coordinated-verb-shared-subject.txt, tests/fixtures/extract/medium-and-company-heads.txt, tests/fixtures/extract/coordinated-verb-after-noun-content.txt, tests/fixtures/extract/cue-in-opening-subordinate-clause.txt.

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::tree::{self, Extent};
use crate::model::ClaimKind;
use crate::syntax::{Deprel, Upos};

use super::parsed::Parsed;
use super::wordlists::{AUXILIARIES, SUBORDINATORS, VERBS_IN_CLAUSES};
use super::{ClaimDraft, Context, Cue, History};

/// The longest sentence, in tokens, whose content extents the tree decides.
const MAX_TREE_TOKENS: usize = 250;

/// Words that open a relative clause.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "where", "when"];

/// Whether a word opens a relative clause ("which" in ", which came as a surprise").
fn is_relative(word: &str) -> bool {
    RELATIVES.contains(&&*lower(word))
}

/// The indirect content a cue governs, as found among the sentence's claims: "the road
/// was closed, and police warned of ice" after "Ortiz said".
struct Governed {
    /// Its index in the sentence's claims.
    ci: usize,
    /// Its byte span.
    span: Range<usize>,
    /// Its first token.
    from: usize,
}

impl Context<'_> {
    /// Content extents from the dependency tree: an indirect content after its cue ends
    /// where the clause the cue governs ends. What follows a shortened content is read
    /// again as a sentence of its own (a second speaker, or the article's voice); a
    /// content cut before its relative clause or subordinate clause is extended.
    pub(super) fn tree_extents(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        claims: &mut Vec<ClaimDraft>,
        sentence: Range<usize>,
        para: usize,
        history: &mut History,
    ) {
        // A run-on "sentence" of hundreds of words (a scraped blob) is read by tokens
        // alone: the walks below are linear in the sentence for each of its cues.
        if matches!(cue.class, CueClass::Passive | CueClass::According)
            || parsed.tokens.len() > MAX_TREE_TOKENS
        {
            return;
        }
        let Some(governed) = self.governed(parsed, cue, claims) else {
            return;
        };
        if self.trim_adjunct(parsed, cue, &governed, claims, sentence.end) {
            return;
        }
        if !self.tree_may_move_end(parsed, &governed) {
            return;
        }
        let is_cue = |i: usize| self.tree_cue(parsed, i);
        let is_break = |i: usize| Self::tree_break(parsed, i);
        let verb = parsed.verb(cue);
        let Some(extent) = tree::content_end(parsed.tree(), verb, governed.from, is_cue, is_break)
        else {
            // "When officials warned of more attacks, residents fled": no clause below
            // the cue, but the opening subordinate clause still ends at its comma.
            let none = tree::Extent {
                end: governed.from,
                cut: None,
            };
            if let Some(cut) = self.subordinate_cut(parsed, verb, &governed, &none)
                && self.shorten_at_cut(parsed, &governed, cut, claims)
            {
                self.reread_after_cut(parsed, cut, claims, sentence, para, history);
            }
            return;
        };
        let cut = Self::speaker_cut(parsed, &governed, &extent)
            .filter(|&c| !self.in_quote(parsed.tokens[c].start))
            .or_else(|| self.subordinate_cut(parsed, verb, &governed, &extent));
        if let Some(cut) = cut {
            if self.shorten_at_cut(parsed, &governed, cut, claims) {
                self.reread_after_cut(parsed, cut, claims, sentence, para, history);
            }
            return;
        }
        self.extend_over_relative(parsed, &governed, &extent, claims, sentence.end);
    }

    /// The indirect content after `cue` among `claims`: "the road was closed, and police
    /// warned of ice" in "Ortiz said the road was closed, and police warned of ice".
    fn governed(&self, parsed: &Parsed, cue: &Cue, claims: &[ClaimDraft]) -> Option<Governed> {
        let cue_text = &self.text[cue.span.clone()];
        let ci = claims.iter().position(|c| {
            matches!(c.kind, ClaimKind::Indirect | ClaimKind::Mixed)
                && c.cue.as_deref() == Some(cue_text)
                && c.span.start >= cue.span.end
        })?;
        let span = claims[ci].span.clone();
        let from = parsed.tokens.iter().position(|t| t.start >= span.start)?;
        Some(Governed { ci, span, from })
    }

    /// "The council demanded an inquiry while the navy fired …": a finite clause that a
    /// subordinator attaches to the cue verb after its noun object is no part of the
    /// content, which ends before it; nor is a verb coordinated with the cue's, its
    /// subject shared ("called for a ceasefire and has brokered truces", "denied the
    /// allegations and resigned"). Four words or more there are the article's own.
    fn trim_adjunct(
        &self,
        parsed: &Parsed,
        cue: &Cue,
        governed: &Governed,
        claims: &mut Vec<ClaimDraft>,
        sentence_end: usize,
    ) -> bool {
        let upto = parsed
            .tokens
            .partition_point(|t| t.start < governed.span.end);
        // Only a subordinator after a speech act with a noun content ("demanded an
        // inquiry"), a finding ("indicates a tightening race") or an evaluation, or a
        // coordinator after any cue, gives cause to parse.
        let noun_class = matches!(
            cue.class,
            CueClass::NounContent | CueClass::Finding | CueClass::Evaluation
        );
        let word = |i: usize| lower(parsed.words[i]);
        let subordinator = |i: usize| noun_class && SUBORDINATORS.contains(&&*word(i));
        // A coordinator after a noun phrase (no auxiliary or past form before it) and
        // before a verb (an auxiliary, a past form or a cue word after it).
        let verbal = |i: usize| {
            let w = word(i);
            AUXILIARIES.contains(&&*w)
                || VERBS_IN_CLAUSES.contains(&&*w)
                || w.len() > 4 && w.ends_with("ed")
        };
        let coordinator = |i: usize| {
            matches!(&*word(i), "and" | "but")
                && !(governed.from..i).any(verbal)
                && (i + 1 < upto)
                && (verbal(i + 1) || self.lex.cue(&word(i + 1)).is_some())
        };
        if !(governed.from..upto).any(|i| subordinator(i) || coordinator(i)) {
            return false;
        }
        let tree = parsed.tree();
        let verb = parsed.verb(cue);
        // The dependent of the verb that holds token `i`.
        let below_verb = |i: usize| {
            let mut k = i;
            while let Some(h) = tree.head_of(k) {
                if h == verb {
                    return Some(k);
                }
                k = h;
            }
            None
        };
        // A noun content: the verb's object, or the noun of a cue that ends in its
        // preposition ("called for a ceasefire").
        let object = below_verb(governed.from).is_some_and(|k| {
            tree.deprel[k] == Deprel::Obj
                || tree.deprel[k] == Deprel::Obl
                    && tree
                        .child_with(k, Deprel::Case)
                        .is_some_and(|c| c < governed.from)
        });
        if !object {
            return false;
        }
        let adjunct = |i: usize| {
            below_verb(i).is_some_and(|k| {
                k > verb
                    && tree.deprel[k] == Deprel::Advcl
                    && tree.child_with(k, Deprel::Mark) == Some(i)
                    && tree.children(k).any(|c| tree.deprel[c] == Deprel::Nsubj)
            })
        };
        // The coordinated verb is finite ("has brokered", "resigned"), and the noun
        // content before it holds no verb but in a relative clause and no list ("reported
        // airstrikes, artillery fire and clashes" coordinates nouns).
        let finite = |k: usize| {
            matches!(tree.xpos[k], "VBD" | "VBZ" | "VBP")
                || tree.children(k).any(|c| tree.upos[c] == Upos::Aux)
        };
        let noun_content = |i: usize| {
            (governed.from..i).all(|j| {
                let verbal = matches!(tree.upos[j], Upos::Verb | Upos::Aux)
                    && !matches!(tree.deprel[j], Deprel::AclRelcl | Deprel::Aux)
                    && tree.deprel[j] != Deprel::Cop;
                !verbal && (parsed.words[j] != "," || j + 1 == i)
            })
        };
        let coordinated = |i: usize| {
            below_verb(i).is_some_and(|k| {
                k > verb
                    && tree.deprel[k] == Deprel::Conj
                    && tree.upos[k] == Upos::Verb
                    && finite(k)
                    && tree.child_with(k, Deprel::Cc) == Some(i)
                    && !tree.children(k).any(|c| tree.deprel[c] == Deprel::Nsubj)
            }) && noun_content(i)
        };
        let Some(next) = (governed.from + 1..upto).find(|&i| {
            !self.in_quote(parsed.tokens[i].start)
                && (subordinator(i) && adjunct(i) || coordinator(i) && coordinated(i))
        }) else {
            return false;
        };
        let Some(last) = (governed.from..next)
            .rev()
            .find(|&i| !Self::tree_break(parsed, i))
        else {
            return false;
        };
        let Some((kind, new)) = self.content(governed.span.start..parsed.tokens[last].end) else {
            return false;
        };
        claims[governed.ci].span = new;
        claims[governed.ci].kind = kind;
        if upto - next >= 4 {
            let rest = parsed.tokens[next].start..governed.span.end;
            claims.push(self.own_voice(rest, sentence_end));
        }
        true
    }

    /// Whether the tree can move the content's end, so is worth asking: a break followed
    /// by a cue word inside the content ("…, and police warned …"), or a relative clause
    /// just after it ("…, which came as a surprise").
    fn tree_may_move_end(&self, parsed: &Parsed, governed: &Governed) -> bool {
        let (tokens, words) = (parsed.tokens, &parsed.words);
        let from = governed.from;
        let upto = tokens.partition_point(|t| t.start < governed.span.end);
        let brk = |w: &str| matches!(w, "," | ";" | "—" | "–" | "and" | "but" | "or");
        // A cut needs a verb of saying after a break, both outside quotations.
        let outside = |i: usize| !self.in_quote(tokens[i].start);
        let cut_possible = (from..upto)
            .position(|i| brk(words[i]) && outside(i))
            .is_some_and(|b| {
                (from + b + 1..upto).any(|i| {
                    outside(i)
                        && self
                            .lex
                            .cue(&lower(words[i]))
                            .is_some_and(|c| c != CueClass::Passive)
                })
            });
        let relative_after =
            words.get(upto) == Some(&",") && words.get(upto + 1).is_some_and(|w| is_relative(w));
        // "While X denied A, officials blamed B": the subordinate clause may end early.
        let subordinate = words
            .first()
            .is_some_and(|w| SUBORDINATORS.contains(&&*lower(w)))
            && (from..upto).any(|i| words[i] == ",");
        cut_possible || relative_after || subordinate
    }

    /// Whether token `i` is a verb of saying on the tree, passive cues aside: "warned" in
    /// "…, and police warned of ice"; not a verb with only a noun object.
    fn tree_cue(&self, parsed: &Parsed, i: usize) -> bool {
        let tree = parsed.tree();
        // "… and the vessel was continuing its voyage": a verb of speech with a noun
        // object and no clause reports nothing ("blames the firms" does).
        let object_only = || {
            tree.children(i).any(|k| tree.deprel[k] == Deprel::Obj)
                && !tree.children(i).any(|k| {
                    matches!(
                        tree.deprel[k],
                        Deprel::Ccomp | Deprel::Xcomp | Deprel::Parataxis
                    )
                })
        };
        tree.upos[i] == Upos::Verb
            && self.lex.cue(&lower(parsed.words[i])).is_some_and(|c| {
                c != CueClass::Passive && !(c == CueClass::Speech && object_only())
            })
    }

    /// Whether token `i` is a comma, semicolon, dash or coordinating conjunction: ", and"
    /// in "…, and police warned of ice".
    fn tree_break(parsed: &Parsed, i: usize) -> bool {
        matches!(parsed.words[i], "," | ";" | "—" | "–") || parsed.tree().upos[i] == Upos::Cconj
    }

    /// The first token of another speaker's clause after a break inside the content:
    /// "police" in "Ortiz said the road was closed, and police warned of ice". A relative
    /// clause there ("…, who warned …") is no other speaker.
    fn speaker_cut(parsed: &Parsed, governed: &Governed, extent: &Extent) -> Option<usize> {
        let (tokens, words) = (parsed.tokens, &parsed.words);
        extent
            .cut
            .filter(|&c| c > governed.from && tokens[c].start < governed.span.end)
            .filter(|&c| !(c - 1..(c + 3).min(words.len())).any(|i| is_relative(words[i])))
    }

    /// "While the rebels denied any role, officials blamed the group": a cue in a
    /// subordinate clause that opens the sentence, before its first comma; its content
    /// ends at the first comma after the complement the tree gives it, and the main
    /// clause, from the returned token on, is read on its own. The tree's attachments
    /// past the complement are not trusted: a subordinate clause is often misattached.
    fn subordinate_cut(
        &self,
        parsed: &Parsed,
        verb: usize,
        governed: &Governed,
        extent: &Extent,
    ) -> Option<usize> {
        let words = &parsed.words;
        let upto = parsed
            .tokens
            .partition_point(|t| t.start < governed.span.end);
        let first_comma = words.iter().position(|w| *w == ",")?;
        // "As X noted, C" puts its content after the comma; "As the army pledged to
        // rebuild the school, …" has its complement before it.
        let opens = words.first().is_some_and(|w| {
            SUBORDINATORS.contains(&&*lower(w)) && (lower(w) != "as" || governed.from < first_comma)
        });
        if !(opens && verb < first_comma) {
            return None;
        }
        let comma = (extent.end.max(governed.from)..upto)
            .find(|&i| words[i] == "," && !self.in_quote(parsed.tokens[i].start))?;
        (comma..upto).find(|&i| !Self::tree_break(parsed, i))
    }

    /// Ends the content before the break at `cut` ("the road was closed") and drops the
    /// claims found after it; false when nothing is left before the cut.
    fn shorten_at_cut(
        &self,
        parsed: &Parsed,
        governed: &Governed,
        cut: usize,
        claims: &mut Vec<ClaimDraft>,
    ) -> bool {
        let tokens = parsed.tokens;
        let Some(last) = (governed.from..cut)
            .rev()
            .find(|&i| !Self::tree_break(parsed, i))
        else {
            return false;
        };
        let Some((kind, new)) = self.content(governed.span.start..tokens[last].end) else {
            return false;
        };
        claims[governed.ci].span = new;
        claims[governed.ci].kind = kind;
        // Claims found in what follows the cut are found again, with their speaker.
        let cut_at = tokens[cut].start;
        claims.retain(|c| c.span.start < cut_at);
        true
    }

    /// Reads what follows the cut as a sentence of its own: "police warned of ice" is the
    /// police's claim; with no cue there, four words or more are the article's own voice.
    fn reread_after_cut(
        &self,
        parsed: &Parsed,
        cut: usize,
        claims: &mut Vec<ClaimDraft>,
        sentence: Range<usize>,
        para: usize,
        history: &mut History,
    ) {
        let tokens = parsed.tokens;
        let Some(first) =
            (cut..tokens.len()).find(|&i| tokens[i].is_word() && !Self::tree_break(parsed, i))
        else {
            return;
        };
        let rest = tokens[first].start..sentence.end;
        let more = self.attribute(rest.clone(), para, history);
        if !more.is_empty() {
            claims.extend(more);
        } else if let Some(claim) = self.shared_subject_claim(parsed, first, claims, sentence.end) {
            claims.push(claim);
        } else if tokens[first..].iter().filter(|t| t.is_word()).count() >= 4 {
            claims.push(self.own_voice(rest, sentence.end));
        }
    }

    /// "Israel denies restricting aid and accuses the UN of …": after the cut, a finite
    /// reporting verb without a subject of its own shares the speaker of the claim before
    /// the cut; what follows the verb is its content.
    fn shared_subject_claim(
        &self,
        parsed: &Parsed,
        verb: usize,
        claims: &[ClaimDraft],
        sentence_end: usize,
    ) -> Option<ClaimDraft> {
        let (tokens, tree) = (parsed.tokens, parsed.tree());
        let word = lower(parsed.words[verb]);
        let finite = tree.upos[verb] == Upos::Verb && tree::finite_tag(tree.xpos[verb]);
        let own_subject = tree
            .children(verb)
            .any(|k| matches!(tree.deprel[k], Deprel::Nsubj | Deprel::NsubjPass));
        if !finite || own_subject || self.lex.cue(&word).is_none() {
            return None;
        }
        let source = claims.iter().rev().find_map(|c| c.source.clone())?;
        let content = tokens.get(verb + 1)?.start..sentence_end;
        self.draft(content, &source, parsed.words[verb])
    }

    /// A relative clause the heuristics cut off is the content's: "Ortiz said the road
    /// was closed, which came as a surprise to drivers", when no claim follows and the
    /// clause holds no cue and no quotation mark.
    fn extend_over_relative(
        &self,
        parsed: &Parsed,
        governed: &Governed,
        extent: &Extent,
        claims: &mut [ClaimDraft],
        sentence_end: usize,
    ) {
        let (tokens, words) = (parsed.tokens, &parsed.words);
        let span = &governed.span;
        let later = claims.iter().any(|c| c.span.start >= span.end);
        let Some(next) = tokens.iter().position(|t| t.start >= span.end) else {
            return;
        };
        // The tree may attach the clause elsewhere ("the assault, which came as …" read
        // as a second verb of the sentence): then it runs to the end of the sentence.
        let covered = next + 1 < extent.end;
        let last = if covered { extent.end } else { tokens.len() };
        let end = tokens[last - 1].end.min(sentence_end);
        if end > span.end
            && !later
            && words[next] == ","
            && next + 1 < last
            && is_relative(words[next + 1])
            && !(next..last)
                .any(|i| self.tree_cue(parsed, i) || self.lex.cue(&lower(words[i])).is_some())
            && !self.text[span.end..end].contains(['"', '“', '”'])
            && let Some((kind, new)) = self.content(span.start..end)
        {
            claims[governed.ci].span = new;
            claims[governed.ci].kind = kind;
        }
    }
}

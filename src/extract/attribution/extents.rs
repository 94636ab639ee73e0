//! Content extents from the dependency tree: where an indirect content after its cue ends.
//! Example: "Ortiz said the road was closed, and police warned of ice" ends at "closed".

use std::ops::Range;

use crate::extract::lexicon::{CueClass, lower};
use crate::extract::tree;
use crate::model::ClaimKind;
use crate::syntax::Upos;

use super::parsed::Parsed;
use super::{ClaimDraft, Context, Cue, History};

/// Words that open a relative clause.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "where", "when"];

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
        let Some(extent) = tree::content_end(tree, verb, from, is_cue, is_break) else {
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
}

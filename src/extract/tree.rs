//! Clause extents on the dependency tree: how far the content a reporting verb governs
//! runs, so that a coordinated clause with a speaker of its own is not swallowed ("X
//! denied any role, officials blamed the group") and a relative clause inside the content
//! is not cut off ("claimed responsibility for the assault, which came as …").

use crate::syntax::{Analysis, Deprel};

/// Whether a Penn tag is that of a finite verb: past or present, not a participle nor
/// the base form.
pub fn finite_tag(xpos: &str) -> bool {
    matches!(xpos, "VBD" | "VBZ" | "VBP")
}

fn is_subject(rel: Deprel) -> bool {
    matches!(rel, Deprel::Nsubj | Deprel::NsubjPass | Deprel::Csubj)
}

/// The children of every token, left to right.
fn children(a: &Analysis) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); a.len()];
    for i in 0..a.len() {
        if let Some(h) = a.head_of(i) {
            out[h].push(i);
        }
    }
    out
}

/// The content a reporting verb governs, as token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    /// The end (exclusive) of the verb's complement: its object or clausal complement,
    /// or the dependent that starts where the content starts ("for the assault, which
    /// …"), with everything they dominate; adjuncts of the verb after it are left out.
    pub end: usize,
    /// The first token of a clause after a comma or conjunction that reports another
    /// speaker (a coordinated or juxtaposed verb of saying with a subject of its own).
    pub cut: Option<usize>,
}

/// The content that the verb at `cue` governs from token `from` on. `is_cue(i)` tells
/// whether token `i` is a reporting verb, `is_break(i)` whether token `i` is a comma,
/// dash, semicolon or coordinating conjunction. `None` when the verb has no complement
/// from `from` on.
pub fn content_end(
    a: &Analysis,
    cue: usize,
    from: usize,
    is_cue: impl Fn(usize) -> bool,
    is_break: impl Fn(usize) -> bool,
) -> Option<Extent> {
    // Linear in the sentence for each call: the tree is walked whole.
    crate::work::add(a.len());
    let kids = children(a);
    let first = |k: usize| (0..k).find(|&j| a.dominates(k, j)).unwrap_or(k);
    // A reporting clause after a break: ", but the governor told …"; or a reporting verb
    // in the cue's finite form coordinated to a non-finite verb of the content, which
    // shares the cue's subject ("denies restricting aid and blames the UN …").
    let reports = |k: usize| {
        let own_subject = kids[k].iter().any(|&c| is_subject(a.deprel[c]));
        let cue_form = a.deprel[k] == Deprel::Conj
            && a.xpos[k] == a.xpos[cue]
            && finite_tag(a.xpos[k])
            && a.head_of(k)
                .is_some_and(|h| h != cue && !finite_tag(a.xpos[h]));
        // ", as residents reported airstrikes": a clause of time or contrast with its own
        // speaker reports too.
        let contrast = a.deprel[k] == Deprel::Advcl
            && own_subject
            && a.child_with(k, Deprel::Mark).is_some_and(|m| {
                matches!(
                    a.lemma[m].to_lowercase().as_str(),
                    "as" | "while" | "whereas" | "although" | "though"
                )
            });
        (matches!(a.deprel[k], Deprel::Conj | Deprel::Parataxis) || contrast)
            && is_cue(k)
            && (own_subject || cue_form)
            && {
                let f = first(k);
                f > 0 && (is_break(f - 1) || is_break(f))
            }
    };
    let complement = |k: usize| {
        k > cue
            && (matches!(a.deprel[k], Deprel::Ccomp | Deprel::Xcomp | Deprel::Obj)
                || first(k) == from)
    };
    let mut cut: Option<usize> = None;
    let mut stack: Vec<usize> = kids[cue]
        .iter()
        .copied()
        .filter(|&k| complement(k))
        .collect();
    let mut last = None;
    let mut seen_reports = |k: usize, stack: &mut Vec<usize>| {
        if reports(k) {
            let f = first(k);
            cut = Some(cut.map_or(f, |c: usize| c.min(f)));
        } else {
            stack.push(k);
        }
    };
    for &k in &kids[cue] {
        if k > cue && !complement(k) && reports(k) {
            seen_reports(k, &mut Vec::new());
        }
    }
    while let Some(i) = stack.pop() {
        if i >= from && a.deprel[i] != Deprel::Punct {
            last = last.max(Some(i));
        }
        for &k in &kids[i] {
            seen_reports(k, &mut stack);
        }
    }
    last.map(|l| Extent { end: l + 1, cut })
}

/// The subject of the clause that token `i` belongs to: the nominal subject of the
/// nearest verb above it (or of `i` itself), the speaker of "X said in a statement" for
/// "statement".
pub fn clause_subject(a: &Analysis, i: usize) -> Option<usize> {
    let mut cur = Some(i);
    let mut steps = 0;
    while let Some(c) = cur {
        if let Some(s) = a.children(c).find(|&k| is_subject(a.deprel[k])) {
            return Some(s);
        }
        steps += 1;
        if steps > a.len() {
            return None;
        }
        cur = a.head_of(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Model;

    fn analyse(s: &str) -> (Vec<&str>, Analysis) {
        let words: Vec<&str> = s.split(' ').collect();
        let a = Model::embedded().analyse(&words);
        (words, a)
    }

    fn content(words: &[&str], a: &Analysis, cue: &str) -> String {
        let at = words.iter().position(|w| *w == cue).unwrap();
        let said = |i: usize| matches!(words[i], "said" | "told" | "say" | "blamed" | "denied");
        let brk = |i: usize| matches!(words[i], "," | "but" | "and");
        let end = content_end(a, at, at + 1, said, brk).unwrap().end;
        words[at + 1..end].join(" ")
    }

    #[test]
    fn a_juxtaposed_clause_with_its_own_speaker_is_left_out() {
        let (w, a) = analyse(
            "The rebels denied any role in the blasts , but senior officials blamed the group .",
        );
        assert_eq!(content(&w, &a, "denied"), "any role in the blasts");
    }

    #[test]
    fn a_relative_clause_stays_in_the_content() {
        let (w, a) = analyse(
            "The group said it carried out the raid , which came as the minister arrived in town .",
        );
        assert_eq!(
            content(&w, &a, "said"),
            "it carried out the raid , which came as the minister arrived in town"
        );
    }

    #[test]
    fn a_second_speaker_after_but_is_left_out() {
        let (w, a) = analyse(
            "The militants say 30 soldiers were killed , but the governor told reporters that 12 died .",
        );
        assert_eq!(content(&w, &a, "say"), "30 soldiers were killed");
    }
}

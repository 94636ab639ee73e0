//! CS503 `near-duplicate-actors`: two actors of one kind whose names differ by a spelling.

use std::collections::{BTreeSet, HashMap};

use crate::check::rules::prelude::*;
use crate::model::fold_name;

declare_rule! {
    /// ## What it does
    /// Compares the folded names of actors of the same kind and flags a pair that looks
    /// like two spellings of one name: the same words but for one or two letters in some
    /// of them (`Iyad Ag Ghaly` / `Iyad ag Ghali`, `al-Shabaab` / `al-Shabab`), or the
    /// same letters with other spaces (`Al Qaeda` / `Alqaeda`). Words of up to three
    /// letters must be equal, words of four to seven may differ by one edit, longer
    /// words by two. Names are only compared within blocks that share a first or last
    /// word's opening letters, so the rule stays fast on large actor tables.
    ///
    /// ## Why is this bad?
    /// Transliterated names are spelled many ways. Two actors for one person split their
    /// mentions and claims, and counts per actor come out wrong.
    ///
    /// ## Example
    /// ```text
    /// act_97c8…  Iyad Ag Ghaly   person
    /// act_1b2c…  Iyad ag Ghali   person
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// act_97c8…  Iyad Ag Ghaly   person   aliases: Iyad ag Ghali
    /// ```
    pub struct NearDuplicateActors {}
    code = "CS503",
    name = "near-duplicate-actors",
    severity = Warning,
    help = "merge the two actors, keeping the other spelling as an alias",
}

/// Edits two words may differ by and still be spellings of one word.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether two different folded names look like spellings of one name.
pub fn near(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    if a.replace(' ', "") == b.replace(' ', "") {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() || a.len() < 5 {
        return false;
    }
    wa.iter().zip(&wb).all(|(x, y)| {
        let n = x.chars().count().min(y.chars().count());
        x == y || strsim::damerau_levenshtein(x, y) <= allowed_edits(n)
    })
}

/// Keys of the blocks a folded name is compared within.
fn blocks(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let head = |w: &str| w.chars().take(2).collect::<String>();
    let mut keys = vec![
        format!("f{}:{}", words.len(), head(words[0])),
        format!("l{}:{}", words.len(), head(words[words.len() - 1])),
        format!("s:{}", folded.replace(' ', "")),
    ];
    keys.dedup();
    keys
}

impl Rule for NearDuplicateActors {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let actors = cx.actors();
        let mut folded: Vec<Option<String>> = Vec::with_capacity(actors.len());
        let mut by_block: HashMap<(String, &str), Vec<usize>> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            let f = a.name.as_deref().map(fold_name).filter(|f| !f.is_empty());
            if let (Some(f), Some(kind)) = (&f, a.kind) {
                for key in blocks(f) {
                    by_block.entry((key, kind.as_str())).or_default().push(i);
                }
            }
            folded.push(f);
        }
        let mut pairs = BTreeSet::new();
        for members in by_block.values() {
            for (k, &j) in members.iter().enumerate() {
                for &i in &members[..k] {
                    let (Some(x), Some(y)) = (&folded[i], &folded[j]) else {
                        continue;
                    };
                    if near(x, y) {
                        pairs.insert((i.min(j), i.max(j)));
                    }
                }
            }
        }
        let mut reported = BTreeSet::new();
        for (i, j) in pairs {
            if !reported.insert(j) {
                continue;
            }
            let (first, later) = (&actors[i], &actors[j]);
            out.emit(
                Loc::record("actors", Some(&later.id)),
                format!(
                    "actor {} looks like another spelling of {}",
                    quoted(later.name.as_deref().unwrap_or("?"), 60),
                    cx.actor_label(&first.id)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::near;
    use crate::model::fold_name;

    fn n(a: &str, b: &str) -> bool {
        near(&fold_name(a), &fold_name(b))
    }

    #[test]
    fn spellings_are_near() {
        assert!(n("Iyad Ag Ghaly", "Iyad ag Ghali"));
        assert!(n("al-Shabaab", "al-Shabab"));
        assert!(n("Mohamed Ould Cheikh", "Mohammed Ould Cheikh"));
        assert!(n("Al Qaeda", "Alqaeda"));
    }

    #[test]
    fn different_names_are_not() {
        assert!(!n("North Korea", "South Korea"));
        assert!(!n("Boubacar Diallo", "Boubacar Diarra"));
        assert!(!n("Niger", "Nigeria"));
        assert!(!n("Mali", "Bali"));
        assert!(!n("Amadou Diallo", "Boubacar Diallo"));
        assert!(!n("Iyad Ag Ghaly", "Iyad Ag Ghaly"));
    }
}

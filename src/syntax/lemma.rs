//! Lemmas and Penn Treebank tags: tables learned from the treebank (keyed by the
//! lower-case form and its UPOS tag) and suffix rules for words the tables miss.

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{hash_str, mix};
use super::types::Upos;

/// The Penn Treebank tags of English EWT; the XPOS tables hold indices into it.
pub(crate) const XPOS: &[&str] = &[
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW",
    "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS",
    "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
    "VBZ", "WDT", "WP", "WP$", "WRB", "``",
];

/// Lemma and XPOS tables.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Lexicon {
    /// (form, tag) → lemma, where the rules would get it wrong.
    pub lemmas: FxHashMap<u64, Box<str>>,
    /// Hashes of the lemmas of nouns and verbs in the treebank: the rules prefer a
    /// known lemma (`noted` → `note`, `stopped` → `stop`).
    pub known: FxHashSet<u64>,
    /// (form, tag) → XPOS.
    pub xpos_word: FxHashMap<u64, u8>,
    /// (last three letters, tag) → XPOS.
    pub xpos_suffix: FxHashMap<u64, u8>,
    /// The most frequent XPOS of each UPOS tag.
    pub xpos_upos: Vec<u8>,
}

/// The key of a form (lower case) and its tag.
pub(crate) fn key(lower: &str, upos: Upos) -> u64 {
    mix(hash_str(lower), upos as u64 + 1)
}

fn suffix_key(lower: &str, upos: Upos) -> u64 {
    let start = lower.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    mix(hash_str(&lower[start..]), 100 + upos as u64)
}

impl Lexicon {
    /// The lemma and the XPOS of `form` (normalised) tagged `upos`.
    pub(crate) fn lemma_xpos(&self, form: &str, upos: Upos) -> (String, &'static str) {
        let lower = form.to_lowercase();
        let k = key(&lower, upos);
        let xpos = self.xpos(k, &lower, upos);
        let lemma = match self.lemmas.get(&k) {
            Some(l) => l.to_string(),
            None => self.rule(form, lower, upos),
        };
        (lemma, xpos)
    }

    /// The XPOS of `lower` (whose key is `k`) tagged `upos`.
    fn xpos(&self, k: u64, lower: &str, upos: Upos) -> &'static str {
        let i = self
            .xpos_word
            .get(&k)
            .or_else(|| self.xpos_suffix.get(&suffix_key(lower, upos)))
            .copied()
            .unwrap_or(self.xpos_upos[upos as usize]);
        XPOS.get(i as usize).copied().unwrap_or("_")
    }

    /// Whether the treebank showed `lower` with the tag `upos`.
    pub(crate) fn seen_as(&self, lower: &str, upos: Upos) -> bool {
        self.xpos_word.contains_key(&key(lower, upos))
    }

    fn is_known(&self, s: &str) -> bool {
        self.known.contains(&hash_str(s))
    }

    /// The first candidate that is a known lemma, else `fallback`.
    fn pick(&self, candidates: &[String], fallback: String) -> String {
        candidates
            .iter()
            .find(|c| !c.is_empty() && self.is_known(c))
            .cloned()
            .unwrap_or(fallback)
    }

    /// The lemma by suffix rules.
    pub(crate) fn rule(&self, form: &str, lower: String, upos: Upos) -> String {
        let l = lower.as_str();
        let n = l.len();
        let strip = |k: usize| l[..n - k].to_string();
        match upos {
            Upos::Propn => form.to_string(),
            Upos::Noun if n > 3 && l.is_ascii() => {
                if l.ends_with("ies") && n > 4 {
                    format!("{}y", &l[..n - 3])
                } else if l.ends_with("es") {
                    self.pick(&[strip(1), strip(2)], strip(1))
                } else if l.ends_with('s')
                    && !l.ends_with("ss")
                    && !l.ends_with("us")
                    && !l.ends_with("is")
                {
                    strip(1)
                } else {
                    lower
                }
            }
            Upos::Verb | Upos::Aux if n > 3 && l.is_ascii() => {
                if l.ends_with("ied") || (l.ends_with("ies") && n > 4) {
                    format!("{}y", &l[..n - 3])
                } else if l.ends_with("ed") {
                    let stem = strip(2);
                    let undoubled = undouble(&stem);
                    let fallback = undoubled.clone().unwrap_or_else(|| stem.clone());
                    self.pick(&[strip(1), stem, undoubled.unwrap_or_default()], fallback)
                } else if l.ends_with("ing") && n > 5 {
                    let stem = strip(3);
                    let undoubled = undouble(&stem);
                    let fallback = undoubled.clone().unwrap_or_else(|| stem.clone());
                    self.pick(
                        &[format!("{stem}e"), stem, undoubled.unwrap_or_default()],
                        fallback,
                    )
                } else if l.ends_with("es") {
                    self.pick(&[strip(1), strip(2)], strip(1))
                } else if l.ends_with('s') && !l.ends_with("ss") {
                    strip(1)
                } else {
                    lower
                }
            }
            _ => lower,
        }
    }

    /// Learns the tables from (form, UPOS, XPOS, lemma) quadruples.
    pub(crate) fn learn<'a>(
        rows: impl Iterator<Item = (&'a str, Upos, &'a str, &'a str)>,
    ) -> Lexicon {
        let mut lemma_counts: FxHashMap<(String, Upos), FxHashMap<&str, u32>> =
            FxHashMap::default();
        let mut xpos_counts: FxHashMap<u64, FxHashMap<&str, u32>> = FxHashMap::default();
        let mut suffix_counts: FxHashMap<u64, FxHashMap<&str, u32>> = FxHashMap::default();
        let mut upos_counts: FxHashMap<Upos, FxHashMap<&str, u32>> = FxHashMap::default();
        let mut lex = Lexicon::default();
        for (form, upos, xpos, lemma) in rows {
            let lower = form.to_lowercase();
            if matches!(upos, Upos::Verb | Upos::Aux | Upos::Noun) {
                lex.known.insert(hash_str(lemma));
            }
            *lemma_counts
                .entry((lower.clone(), upos))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
            *xpos_counts
                .entry(key(&lower, upos))
                .or_default()
                .entry(xpos)
                .or_default() += 1;
            *suffix_counts
                .entry(suffix_key(&lower, upos))
                .or_default()
                .entry(xpos)
                .or_default() += 1;
            *upos_counts
                .entry(upos)
                .or_default()
                .entry(xpos)
                .or_default() += 1;
        }
        // An XPOS outside the list maps past its end and comes out as `_`.
        let index = |x: &str| XPOS.iter().position(|n| *n == x).unwrap_or(XPOS.len()) as u8;
        fn top<'a>(m: &FxHashMap<&'a str, u32>) -> &'a str {
            let mut v: Vec<(&&str, &u32)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            v[0].0
        }
        for ((lower, upos), m) in &lemma_counts {
            let best = top(m);
            let form_like = if *upos == Upos::Propn {
                best
            } else {
                lower.as_str()
            };
            if lex.rule(form_like, lower.clone(), *upos) != best {
                lex.lemmas.insert(key(lower, *upos), best.into());
            }
        }
        for (k, m) in &suffix_counts {
            lex.xpos_suffix.insert(*k, index(top(m)));
        }
        for (k, m) in &xpos_counts {
            lex.xpos_word.insert(*k, index(top(m)));
        }
        lex.xpos_upos = Upos::ALL
            .iter()
            .map(|u| upos_counts.get(u).map_or(0, |m| index(top(m))))
            .collect();
        lex
    }
}

/// `stopp` → `stop`: a doubled final consonant undoubled.
fn undouble(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    (n >= 3 && b[n - 1] == b[n - 2] && !b"aeiouslfz".contains(&b[n - 1]))
        .then(|| stem[..n - 1].to_string())
}

//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over UPOS, with
//! a dictionary of frequent unambiguous words and ambiguity classes of the words around,
//! then a second left-to-right pass that adds to the first pass's scores the weights of
//! the tags the first pass gave the next words (trained on jackknifed first-pass tags).

use rustc_hash::FxHashMap;

use super::features::{Feats, NONE, Word, mix};
use super::perceptron::{Rng, Table, Trainer};
use super::types::Upos;

/// The number of classes (UPOS tags).
pub(crate) const NTAGS: usize = 17;
/// How often a form must occur in training to have an ambiguity class of its own.
const AMB_MIN_COUNT: u32 = 2;
/// A tag value for "before the sentence".
const START: u64 = 0x0053_5441_5254;

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tagger {
    pub table: Table,
    /// The second pass's table, on the same scale as `table` (none in jackknife taggers).
    pub right: Option<Table>,
    /// The quantisation scale of `table` (weights per perceptron unit).
    pub scale: f32,
    /// Forms (hashes) always tagged the same way in training, with their tag.
    pub fixed: FxHashMap<u64, u8>,
    /// Lower-case forms (hashes) and the tags seen with them (a bit per tag).
    pub amb: FxHashMap<u64, u32>,
}

/// The ambiguity class of each word (a hash; unknown words share one).
fn ambiguity(amb: &FxHashMap<u64, u32>, words: &[Word], out: &mut Vec<u64>) {
    out.clear();
    out.extend(
        words
            .iter()
            .map(|w| amb.get(&w.lower).map_or(NONE, |&m| mix(0xa3b, m as u64))),
    );
}

/// The features of token `i` given the two previous tags.
fn features(words: &[Word], amb: &[u64], i: usize, p1: u64, p2: u64, f: &mut Feats) {
    let at = |k: isize| -> (&Word, u64) {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            (&Word::PAD, if j < 0 { START } else { NONE })
        } else {
            (&words[j as usize], amb[j as usize])
        }
    };
    let (w, a0) = at(0);
    let (wm1, am1) = at(-1);
    let (wm2, _) = at(-2);
    let (wp1, ap1) = at(1);
    let (wp2, ap2) = at(2);
    f.clear();
    f.add(0, 1);
    f.add(1, w.form);
    f.add(2, w.lower);
    for k in 0..4 {
        f.add(3 + k as u64, w.suf[k]);
    }
    for k in 0..3 {
        f.add(7 + k as u64, w.pre[k]);
    }
    f.add(10, w.shape);
    f.add2(11, w.flags, (i == 0) as u64);
    f.add(12, a0);
    f.add(13, wm1.lower);
    f.add(14, wm2.lower);
    f.add(15, wp1.lower);
    f.add(16, wp2.lower);
    f.add(17, wm1.suf[2]);
    f.add(18, wp1.suf[2]);
    f.add(19, wp2.suf[2]);
    f.add(20, ap1);
    f.add(21, ap2);
    f.add(22, p1);
    f.add(23, p2);
    f.add2(24, p1, p2);
    f.add2(25, p1, w.lower);
    f.add2(26, wm1.lower, w.lower);
    f.add2(27, w.lower, wp1.lower);
    f.add2(28, ap1, ap2);
    f.add(29, wp1.shape);
    f.add2(30, p1, a0);
    f.add2(31, a0, ap1);
    f.add2(32, w.suf[2], wp1.lower);
    f.add2(33, p1, wp1.suf[1]);
    f.add(34, am1);
    f.add2(35, wp1.suf[0], wp1.suf[1]);
    f.add(36, wp1.suf[0]);
    f.add(37, wp1.form);
    f.add(38, wm1.form);
    f.add2(39, p1, w.suf[2]);
    f.add2(40, p1, w.flags);
    f.add2(41, wp1.lower, wp2.lower);
    f.add2(42, wm1.lower, wp1.lower);
    f.add2(43, w.shape, wp1.shape);
    f.add2(44, p1, wp1.lower);
}

/// The second pass's features of token `i`: the first pass's tags `first` around it, the
/// second pass's two previous tags `p1` and `p2`.
fn right_features(words: &[Word], first: &[u8], i: usize, p1: u64, p2: u64, f: &mut Feats) {
    let tag = |k: usize| first.get(k).map_or(NONE, |&t| tag_value(t));
    let w = &words[i];
    let wp1 = words.get(i + 1).unwrap_or(&Word::PAD);
    let n1 = tag(i + 1);
    let n2 = tag(i + 2);
    f.clear();
    f.add(60, n1);
    f.add(61, n2);
    f.add2(62, n1, n2);
    f.add2(63, p1, n1);
    f.add2(64, n1, w.lower);
    f.add2(65, n1, w.suf[2]);
    f.add2(66, n1, wp1.lower);
    f.add3(67, p1, n1, n2);
    f.add2(68, w.shape, n1);
    f.add2(69, n1, w.flags);
    f.add3(70, p2, p1, n1);
    f.add2(73, n1, wp1.suf[2]);
}

/// The feature values of the tags predicted for the two words before word `i`.
#[inline]
fn previous_tags(pred: &[u8], i: usize) -> (u64, u64) {
    let at = |back: usize| i.checked_sub(back).map_or(START, |j| tag_value(pred[j]));
    (at(1), at(2))
}

/// A tag's value as a feature.
#[inline]
fn tag_value(t: u8) -> u64 {
    mix(0x7a9, t as u64)
}

impl Tagger {
    /// Tags `words`; `sc` is scratch space.
    pub(crate) fn tag(&self, words: &[Word], sc: &mut TagScratch, out: &mut Vec<u8>) {
        let TagScratch {
            amb,
            f,
            rf,
            first,
            scores,
        } = sc;
        let Some(right) = &self.right else {
            self.first_pass(words, amb, f, out, scores);
            return;
        };
        self.first_pass(words, amb, f, first, scores);
        out.clear();
        let mut add = [0i32; NTAGS];
        for i in 0..words.len() {
            let s = &mut scores[i * NTAGS..(i + 1) * NTAGS];
            let tag = if s.iter().all(|&x| x == i32::MIN) {
                first[i]
            } else {
                let (p1, p2) = previous_tags(out, i);
                right_features(words, first, i, p1, p2, rf);
                right.scores(&rf.rows, &mut add);
                for (a, b) in s.iter_mut().zip(&add) {
                    *a += b;
                }
                argmax_i32(s) as u8
            };
            out.push(tag);
        }
    }

    /// The first pass: tags into `out` and the scores of each word into `scores`
    /// (`NTAGS` a word; all `i32::MIN` for words of the dictionary).
    pub(crate) fn first_pass(
        &self,
        words: &[Word],
        amb: &mut Vec<u64>,
        f: &mut Feats,
        out: &mut Vec<u8>,
        scores: &mut Vec<i32>,
    ) {
        ambiguity(&self.amb, words, amb);
        out.clear();
        scores.clear();
        scores.resize(words.len() * NTAGS, i32::MIN);
        for i in 0..words.len() {
            let tag = if let Some(&t) = self.fixed.get(&words[i].form) {
                t
            } else {
                let (p1, p2) = previous_tags(out, i);
                features(words, amb, i, p1, p2, f);
                let s = &mut scores[i * NTAGS..(i + 1) * NTAGS];
                self.table.scores(&f.rows, s);
                argmax_i32(s) as u8
            };
            out.push(tag);
        }
    }

    /// Trains the second pass on sentences of words, gold tags, and the tags and scores
    /// (in perceptron units, as [`Tagger::first_pass`] gives them divided by the scale)
    /// of first passes that did not see the sentence; the table takes `scale`.
    pub(crate) fn train_right(
        sents: &[&RightExample],
        epochs: usize,
        bits: u32,
        seed: u64,
        scale: f32,
    ) -> Table {
        let mut model = Trainer::new(bits, NTAGS);
        let mut f = Feats::new(bits);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut pred: Vec<u8> = Vec::new();
        let mut scores = [0f32; NTAGS];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let ex = sents[s];
                pred.clear();
                for i in 0..ex.words.len() {
                    let first = &ex.scores[i * NTAGS..(i + 1) * NTAGS];
                    if first[0] == f32::MIN {
                        pred.push(ex.first[i]);
                        continue;
                    }
                    let (p1, p2) = previous_tags(&pred, i);
                    right_features(&ex.words, &ex.first, i, p1, p2, &mut f);
                    model.scores(&f.rows, &mut scores);
                    for (a, b) in scores.iter_mut().zip(first) {
                        *a += b;
                    }
                    let guess = argmax_f32(&scores);
                    model.update(&f.rows, ex.gold[i] as usize, guess);
                    model.tick();
                    pred.push(guess as u8);
                }
            }
        }
        model.finish_scaled(0.0, Some(scale)).0
    }

    /// Trains a tagger on sentences of words and gold tags.
    pub(crate) fn train(
        sents: &[(Vec<Word>, Vec<u8>)],
        epochs: usize,
        bits: u32,
        seed: u64,
    ) -> Tagger {
        let (fixed, amb_map) = lexicon(sents);
        let mut model = Trainer::new(bits, NTAGS);
        let mut f = Feats::new(bits);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut amb = Vec::new();
        let mut pred: Vec<u8> = Vec::new();
        let mut scores = [0f32; NTAGS];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let (words, gold) = &sents[s];
                ambiguity(&amb_map, words, &mut amb);
                pred.clear();
                for i in 0..words.len() {
                    if let Some(&t) = fixed.get(&words[i].form) {
                        pred.push(t);
                        continue;
                    }
                    let (p1, p2) = previous_tags(&pred, i);
                    features(words, &amb, i, p1, p2, &mut f);
                    model.scores(&f.rows, &mut scores);
                    let guess = argmax_f32(&scores);
                    model.update(&f.rows, gold[i] as usize, guess);
                    model.tick();
                    pred.push(guess as u8);
                }
            }
        }
        let (table, scale) = model.finish_scaled(0.0, None);
        Tagger {
            table,
            right: None,
            scale,
            fixed,
            amb: amb_map,
        }
    }
}

/// The tagger's scratch space.
pub(crate) struct TagScratch {
    amb: Vec<u64>,
    f: Feats,
    rf: Feats,
    first: Vec<u8>,
    scores: Vec<i32>,
}

impl TagScratch {
    /// Scratch space for `tagger`.
    pub(crate) fn new(tagger: &Tagger) -> TagScratch {
        TagScratch {
            amb: Vec::new(),
            f: Feats::new(tagger.table.bits),
            rf: Feats::new(tagger.right.as_ref().map_or(tagger.table.bits, |t| t.bits)),
            first: Vec::new(),
            scores: Vec::new(),
        }
    }

    /// Whether this scratch space fits `tagger`'s tables.
    pub(crate) fn fits(&self, tagger: &Tagger) -> bool {
        self.f.fits(tagger.table.bits) && tagger.right.as_ref().is_none_or(|t| self.rf.fits(t.bits))
    }
}

/// A sentence for training the second pass.
pub(crate) struct RightExample {
    pub words: Vec<Word>,
    pub gold: Vec<u8>,
    /// The first pass's tags.
    pub first: Vec<u8>,
    /// The first pass's scores in perceptron units (`f32::MIN` for dictionary words).
    pub scores: Vec<f32>,
}

/// The tag dictionary (frequent forms with one tag) and the ambiguity classes.
fn lexicon(sents: &[(Vec<Word>, Vec<u8>)]) -> (FxHashMap<u64, u8>, FxHashMap<u64, u32>) {
    let mut by_form: FxHashMap<u64, [u32; NTAGS]> = FxHashMap::default();
    let mut by_lower: FxHashMap<u64, [u32; NTAGS]> = FxHashMap::default();
    for (words, tags) in sents {
        for (w, &t) in words.iter().zip(tags) {
            by_form.entry(w.form).or_insert([0; NTAGS])[t as usize] += 1;
            by_lower.entry(w.lower).or_insert([0; NTAGS])[t as usize] += 1;
        }
    }
    let mut fixed = FxHashMap::default();
    for (&form, counts) in &by_form {
        let total: u32 = counts.iter().sum();
        let (best, &n) = counts
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
            .expect("tags");
        if total >= 20 && n as f64 >= 0.995 * total as f64 {
            fixed.insert(form, best as u8);
        }
    }
    let mut amb = FxHashMap::default();
    for (&lower, counts) in &by_lower {
        let total: u32 = counts.iter().sum();
        // Words seen once get no class: so the tagger learns in training how to tag
        // words it has no class for, as it will meet them in new text.
        if total < AMB_MIN_COUNT {
            continue;
        }
        let mut mask = 0u32;
        for (t, &n) in counts.iter().enumerate() {
            if n > 0 && n as f64 >= 0.05 * total as f64 {
                mask |= 1 << t;
            }
        }
        amb.insert(lower, mask);
    }
    (fixed, amb)
}

/// The index of the largest score (the first on ties).
pub(crate) fn argmax_i32(s: &[i32]) -> usize {
    let mut best = 0;
    for i in 1..s.len() {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

/// The index of the largest score (the first on ties).
pub(crate) fn argmax_f32(s: &[f32]) -> usize {
    let mut best = 0;
    for i in 1..s.len() {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

/// The tag of class `t`.
pub(crate) fn upos(t: u8) -> Upos {
    Upos::from_index(t as usize)
}

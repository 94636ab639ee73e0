//! The dependency parser: greedy arc-hybrid transitions (shift, left arc, right arc)
//! scored by one averaged perceptron, and the relation of each new arc by another;
//! trained with the dynamic oracle of Goldberg & Nivre (2013) and exploration.

use rayon::prelude::*;

use super::features::{Feats, NONE, ROOT, Word, mix};
use super::perceptron::{Rng, Table, Trainer};
use super::tagger::{argmax_f32, argmax_i32};
use super::types::Deprel;

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
/// The number of transitions.
const NTRANS: usize = 3;
/// The number of relations.
pub(crate) const NLABELS: usize = Deprel::ALL.len();
const ROOT_LABEL: u8 = Deprel::Root as u8;

/// A trained parser.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parser {
    pub trans: Table,
    pub labels: Table,
}

/// A parser configuration; token 0 is the artificial root, words are 1..=n.
#[derive(Debug, Default)]
pub(crate) struct State {
    n: usize,
    stack: Vec<u32>,
    /// The first word of the buffer (the buffer is `b..=n`).
    b: usize,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u32>,
    nr: Vec<u32>,
    ll: Vec<u64>,
    rl: Vec<u64>,
    /// The word of a `case` or `mark` child.
    casew: Vec<u64>,
}

impl State {
    fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
            &mut self.nl,
            &mut self.nr,
        ] {
            v.clear();
            v.resize(n + 1, 0);
        }
        self.label.clear();
        self.label.resize(n + 1, 0);
        for v in [&mut self.ll, &mut self.rl, &mut self.casew] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn legal(&self) -> [bool; NTRANS] {
        let buffer = self.b <= self.n;
        let s = self.stack.len();
        [buffer, buffer && s >= 2, s >= 3 || (s == 2 && !buffer)]
    }

    fn s(&self, k: usize) -> Option<usize> {
        let s = self.stack.len();
        (s > k).then(|| self.stack[s - 1 - k] as usize)
    }

    fn buf(&self, k: usize) -> Option<usize> {
        (self.b + k <= self.n).then_some(self.b + k)
    }

    /// The dependent and head of the arc transition `t` makes.
    fn arc(&self, t: usize) -> (usize, usize) {
        let s0 = self.s(0).expect("stack");
        match t {
            LEFT => (s0, self.b),
            _ => (s0, self.s(1).expect("s1")),
        }
    }

    fn apply(&mut self, t: usize, label: u8) {
        match t {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            _ => {
                let (d, h) = self.arc(t);
                self.stack.pop();
                self.attach(h, d, label);
            }
        }
    }

    fn attach(&mut self, h: usize, d: usize, label: u8) {
        self.head[d] = h as u32;
        self.label[d] = label;
        let d32 = d as u32;
        if d < h {
            self.nl[h] += 1;
            self.ll[h] |= 1u64 << label;
            if self.lc1[h] == 0 || d32 < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d32;
            } else if self.lc2[h] == 0 || d32 < self.lc2[h] {
                self.lc2[h] = d32;
            }
        } else {
            self.nr[h] += 1;
            self.rl[h] |= 1u64 << label;
            if d32 > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d32;
            } else if d32 > self.rc2[h] {
                self.rc2[h] = d32;
            }
        }
        if label == Deprel::Case as u8 || label == Deprel::Mark as u8 {
            self.casew[h] = d as u64;
        }
    }

    /// The cost (gold arcs made unreachable) of each transition, for gold heads `gold`.
    fn costs(&self, gold: &[u32]) -> [u32; NTRANS] {
        let mut c = [u32::MAX; NTRANS];
        let legal = self.legal();
        let buffer = self.b..=self.n;
        if legal[SHIFT] {
            let b0 = self.b;
            let mut cost = 0;
            let top = self.stack.len() - 1;
            for (k, &s) in self.stack.iter().enumerate() {
                let s = s as usize;
                if k != top && gold[b0] as usize == s {
                    cost += 1;
                }
                if s != 0 && gold[s] as usize == b0 {
                    cost += 1;
                }
            }
            c[SHIFT] = cost;
        }
        if legal[LEFT] {
            let s0 = self.s(0).expect("s0");
            let mut cost = 0;
            if self.s(1).is_some_and(|s1| gold[s0] as usize == s1) {
                cost += 1;
            }
            for k in self.b + 1..=self.n {
                if gold[s0] as usize == k {
                    cost += 1;
                }
            }
            for k in buffer.clone() {
                if gold[k] as usize == s0 {
                    cost += 1;
                }
            }
            c[LEFT] = cost;
        }
        if legal[RIGHT] {
            let s0 = self.s(0).expect("s0");
            let mut cost = 0;
            for k in buffer {
                if gold[s0] as usize == k {
                    cost += 1;
                }
                if gold[k] as usize == s0 {
                    cost += 1;
                }
            }
            c[RIGHT] = cost;
        }
        c
    }
}

/// The words (lower-case form hashes), tags (tag values) and suffixes (hashes of the
/// last three letters) of a sentence, root first.
pub(crate) struct Tokens<'a> {
    pub w: &'a [u64],
    pub t: &'a [u64],
    pub s: &'a [u64],
}

impl Tokens<'_> {
    #[inline]
    fn w(&self, i: Option<usize>) -> u64 {
        i.map_or(NONE, |i| self.w[i])
    }
    #[inline]
    fn t(&self, i: Option<usize>) -> u64 {
        i.map_or(NONE, |i| self.t[i])
    }
    #[inline]
    fn s(&self, i: Option<usize>) -> u64 {
        i.map_or(NONE, |i| self.s[i])
    }
}

/// The values a parser sees for a sentence: the lower-case forms, tags and suffixes of
/// the words, root prepended.
pub(crate) fn token_values(
    words: &[Word],
    tags: &[u8],
    w: &mut Vec<u64>,
    t: &mut Vec<u64>,
    s: &mut Vec<u64>,
) {
    w.clear();
    t.clear();
    s.clear();
    w.push(ROOT);
    t.push(ROOT);
    s.push(ROOT);
    w.extend(words.iter().map(|x| x.lower));
    t.extend(tags.iter().map(|&x| mix(0x7a9, x as u64)));
    s.extend(words.iter().map(|x| x.suf[2]));
}

#[inline]
fn child(v: u32) -> Option<usize> {
    (v != 0).then_some(v as usize)
}

#[inline]
fn lab(st: &State, i: Option<usize>) -> u64 {
    i.map_or(NONE, |i| mix(0x1ab, st.label[i] as u64))
}

fn distance(a: usize, b: usize) -> u64 {
    let d = a.abs_diff(b);
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// The features of the transition to take in `st`.
fn features(st: &State, x: &Tokens, f: &mut Feats) {
    f.clear();
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = st.buf(0);
    let b1 = st.buf(1);
    let b2 = st.buf(2);
    let (s0w, s0t) = (x.w(s0), x.t(s0));
    let (s1w, s1t) = (x.w(s1), x.t(s1));
    let (b0w, b0t) = (x.w(b0), x.t(b0));
    let (b1w, b1t) = (x.w(b1), x.t(b1));
    let (b2w, b2t) = (x.w(b2), x.t(b2));
    let s2t = x.t(s2);
    let s0lc1 = s0.and_then(|i| child(st.lc1[i]));
    let s0lc2 = s0.and_then(|i| child(st.lc2[i]));
    let s0rc1 = s0.and_then(|i| child(st.rc1[i]));
    let s0rc2 = s0.and_then(|i| child(st.rc2[i]));
    let s1rc1 = s1.and_then(|i| child(st.rc1[i]));
    let s1lc1 = s1.and_then(|i| child(st.lc1[i]));
    let b0lc1 = b0.and_then(|i| child(st.lc1[i]));
    let b0lc2 = b0.and_then(|i| child(st.lc2[i]));
    let (s0lc1t, s0rc1t, b0lc1t) = (x.t(s0lc1), x.t(s0rc1), x.t(b0lc1));

    f.add(100, 1);
    // Single words.
    f.add(101, s0w);
    f.add(102, s0t);
    f.add2(103, s0w, s0t);
    f.add(104, s1w);
    f.add(105, s1t);
    f.add2(106, s1w, s1t);
    f.add(107, b0w);
    f.add(108, b0t);
    f.add2(109, b0w, b0t);
    f.add(110, b1w);
    f.add(111, b1t);
    f.add2(112, b1w, b1t);
    f.add(113, b2w);
    f.add(114, b2t);
    f.add(115, s2t);
    // Pairs.
    f.add2(120, mix(s0w, s0t), mix(b0w, b0t));
    f.add3(121, s0w, s0t, b0w);
    f.add3(122, s0w, b0w, b0t);
    f.add3(123, s0w, s0t, b0t);
    f.add3(124, s0t, b0w, b0t);
    f.add2(125, s0w, b0w);
    f.add2(126, s0t, b0t);
    f.add2(127, b0t, b1t);
    f.add2(128, s0w, s1w);
    f.add2(129, s0t, s1t);
    f.add3(130, s1w, s0t, s1t);
    f.add3(131, s0w, s0t, s1t);
    f.add3(132, s1t, s0t, b0w);
    f.add2(133, s0w, b1t);
    f.add2(134, b0w, b1w);
    // Three tags.
    f.add3(140, b0t, b1t, b2t);
    f.add3(141, s0t, b0t, b1t);
    f.add3(142, s1t, s0t, b0t);
    f.add3(143, s2t, s1t, s0t);
    f.add3(144, s0t, s0lc1t, b0t);
    f.add3(145, s0t, s0rc1t, b0t);
    f.add3(146, s0t, b0t, b0lc1t);
    f.add3(147, s1t, x.t(s1rc1), s0t);
    f.add3(148, s0t, s0lc1t, x.t(s0lc2));
    f.add3(149, s0t, s0rc1t, x.t(s0rc2));
    f.add3(150, b0t, b0lc1t, x.t(b0lc2));
    f.add3(151, s1t, x.t(s1lc1), s0t);
    f.add3(152, s1t, s0t, b1t);
    // Distance.
    let dist = match (s0, b0) {
        (Some(s), Some(b)) if s != 0 => distance(s, b),
        _ => NONE,
    };
    let d01 = match (s1, s0) {
        (Some(a), Some(b)) if a != 0 => distance(a, b),
        _ => NONE,
    };
    f.add2(160, s0w, dist);
    f.add2(161, s0t, dist);
    f.add2(162, b0w, dist);
    f.add2(163, b0t, dist);
    f.add3(164, s0t, b0t, dist);
    f.add3(165, s1t, s0t, d01);
    f.add3(166, s0w, s1w, d01);
    // Valency.
    let nl = |i: Option<usize>| i.map_or(NONE, |i| st.nl[i].min(4) as u64);
    let nr = |i: Option<usize>| i.map_or(NONE, |i| st.nr[i].min(4) as u64);
    f.add2(170, s0w, nl(s0));
    f.add2(171, s0t, nl(s0));
    f.add2(172, s0w, nr(s0));
    f.add2(173, s0t, nr(s0));
    f.add2(174, b0w, nl(b0));
    f.add2(175, b0t, nl(b0));
    f.add2(176, s1t, nr(s1));
    f.add3(177, s1t, nr(s1), s0t);
    // Children.
    f.add(180, x.w(s0lc1));
    f.add(181, s0lc1t);
    f.add(182, lab(st, s0lc1));
    f.add(183, x.w(s0rc1));
    f.add(184, s0rc1t);
    f.add(185, lab(st, s0rc1));
    f.add2(186, x.t(s0lc2), lab(st, s0lc2));
    f.add2(187, x.t(s0rc2), lab(st, s0rc2));
    f.add(188, x.w(b0lc1));
    f.add(189, b0lc1t);
    f.add(190, lab(st, b0lc1));
    f.add2(191, x.t(b0lc2), lab(st, b0lc2));
    f.add2(192, x.t(s1rc1), lab(st, s1rc1));
    f.add3(193, s0t, lab(st, s0lc1), lab(st, s0lc2));
    f.add3(194, s0t, lab(st, s0rc1), lab(st, s0rc2));
    f.add3(195, b0t, lab(st, b0lc1), lab(st, b0lc2));
    // Label sets.
    let ll = |i: Option<usize>| i.map_or(NONE, |i| mix(0x11, st.ll[i]));
    let rl = |i: Option<usize>| i.map_or(NONE, |i| mix(0x12, st.rl[i]));
    f.add2(200, s0w, rl(s0));
    f.add2(201, s0t, rl(s0));
    f.add2(202, s0w, ll(s0));
    f.add2(203, s0t, ll(s0));
    f.add2(204, b0w, ll(b0));
    f.add2(205, b0t, ll(b0));
    f.add3(206, s0t, ll(s0), b0t);
    f.add3(207, s0t, rl(s0), b0t);
    f.add3(208, s1t, rl(s1), s0t);
    // Case and mark words.
    let cw = |i: Option<usize>| i.map_or(NONE, |i| x.w(child(st.casew[i] as u32)));
    f.add2(210, s0t, cw(s0));
    f.add3(211, s0t, cw(s0), b0t);
    f.add3(212, s1t, cw(s0), s0t);
    // Words with their children and neighbours.
    f.add3(220, s0w, x.w(s0lc1), b0t);
    f.add3(221, s0w, x.w(s0rc1), b0t);
    f.add3(222, b0w, x.w(b0lc1), s0t);
    f.add2(223, s1w, b0w);
    f.add3(224, s1t, b0t, dist);
    f.add3(225, s0w, b0w, dist);
    f.add2(226, x.w(b0.map(|i| i - 1)), b0t);
    f.add2(
        227,
        x.w(s0.and_then(|i| (i < st.n && i > 0).then_some(i + 1))),
        s0t,
    );
    f.add3(
        228,
        s0t,
        x.t(s0.and_then(|i| (i < st.n && i > 0).then_some(i + 1))),
        b0t,
    );
    f.add3(229, s0t, x.t(b0.map(|i| i - 1)), b0t);
    // Suffixes: a back-off for rare and unknown words.
    let (s0s, b0s, b1s) = (x.s(s0), x.s(b0), x.s(b1));
    f.add2(230, s0s, s0t);
    f.add2(231, b0s, b0t);
    f.add2(232, b1s, b1t);
    f.add3(233, s0s, b0s, s0t);
    f.add3(234, s0t, b0s, b0t);
    f.add3(235, s0s, s0t, b0t);
}

/// The features of the relation of the arc `h` → `d`.
fn label_features(st: &State, x: &Tokens, h: usize, d: usize, f: &mut Feats) {
    f.clear();
    let (hw, ht) = (x.w[h], x.t[h]);
    let (dw, dt) = (x.w[d], x.t[d]);
    let dir = (d < h) as u64;
    let dist = distance(h, d);
    let ll = mix(0x11, st.ll[d]);
    let rl = mix(0x12, st.rl[d]);
    let hll = mix(0x13, st.ll[h]);
    let hrl = mix(0x14, st.rl[h]);
    let cw = x.w(child(st.casew[d] as u32));
    let prev = x.t((d > 1).then(|| d - 1));
    let next = x.t((d < st.n).then_some(d + 1));
    f.add(300, 1);
    f.add2(301, hw, dir);
    f.add2(302, ht, dir);
    f.add2(303, dw, dir);
    f.add2(304, dt, dir);
    f.add3(305, hw, dt, dir);
    f.add3(306, ht, dw, dir);
    f.add3(307, ht, dt, dir);
    f.add3(308, hw, dw, dir);
    f.add3(309, ht, dt, dist);
    f.add2(310, dt, ll);
    f.add2(311, dt, rl);
    f.add3(312, dt, ll, rl);
    f.add3(313, ht, dt, hll);
    f.add3(314, ht, dt, hrl);
    f.add2(315, dt, cw);
    f.add3(316, ht, dt, cw);
    f.add3(317, dw, cw, dir);
    f.add3(318, dt, x.t(child(st.lc1[d])), lab(st, child(st.lc1[d])));
    f.add3(319, dt, x.t(child(st.rc1[d])), lab(st, child(st.rc1[d])));
    f.add3(320, dt, x.w(child(st.lc1[d])), dir);
    f.add3(321, prev, dt, next);
    f.add3(322, ht, dt, next);
    f.add3(323, ht, prev, dt);
    f.add3(324, hw, dt, hll);
    f.add3(325, dw, ht, ll);
    f.add2(326, dw, x.t(child(st.rc1[h])));
    f.add3(327, dt, ht, x.t(child(st.lc1[h])));
    f.add3(
        328,
        dt,
        dir,
        mix(st.nl[d].min(3) as u64, st.nr[d].min(3) as u64),
    );
    // Suffixes, and words with their context.
    let (hs, ds) = (x.s[h], x.s[d]);
    f.add3(330, ds, dt, dir);
    f.add3(331, hs, ht, dir);
    f.add3(332, ds, ht, dir);
    f.add3(333, dw, dt, hll);
    f.add3(334, dw, dt, mix(ht, dist));
    f.add3(335, hw, ht, mix(dt, dist));
    f.add3(336, prev, dw, dt);
    f.add3(337, dw, dt, next);
    f.add3(338, dw, x.w(child(st.lc1[d])), x.w(child(st.rc1[d])));
    f.add3(339, ht, hrl, mix(dt, dir));
}

/// The relation of `h` → `d` by the label table (never `root` below a word).
fn predict_label(table: &Table, st: &State, x: &Tokens, h: usize, d: usize, f: &mut Feats) -> u8 {
    if h == 0 {
        return ROOT_LABEL;
    }
    label_features(st, x, h, d, f);
    let mut scores = [0i32; NLABELS];
    table.scores(&f.rows, &mut scores);
    scores[ROOT_LABEL as usize] = i32::MIN;
    argmax_i32(&scores) as u8
}

impl Parser {
    /// Parses a sentence; heads and labels are left in `st` (index 0 is the root).
    pub(crate) fn parse(&self, x: &Tokens, st: &mut State, f: &mut Feats, lf: &mut Feats) {
        let n = x.w.len() - 1;
        st.reset(n);
        let mut scores = [0i32; NTRANS];
        while !st.terminal() {
            let legal = st.legal();
            let mut best = usize::MAX;
            if legal.iter().filter(|&&l| l).count() == 1 {
                // One move is possible: no need to score.
                best = legal.iter().position(|&l| l).expect("one legal move");
            } else {
                features(st, x, f);
                self.trans.scores(&f.rows, &mut scores);
                for t in 0..NTRANS {
                    if legal[t] && (best == usize::MAX || scores[t] > scores[best]) {
                        best = t;
                    }
                }
            }
            let label = if best == SHIFT {
                0
            } else {
                let (d, h) = st.arc(best);
                predict_label(&self.labels, st, x, h, d, lf)
            };
            st.apply(best, label);
        }
    }
}

/// One training sentence for the parser.
pub(crate) struct ParseExample {
    /// Lower-case form hashes, root first.
    pub w: Vec<u64>,
    /// Tag values (predicted tags), root first.
    pub t: Vec<u64>,
    /// Suffix hashes, root first.
    pub s: Vec<u64>,
    /// Gold heads, root first (entry 0 unused).
    pub head: Vec<u32>,
    /// Gold relations, root first.
    pub label: Vec<u8>,
}

/// Trains the parser `runs` times (in parallel, seeds `seed`, `seed + 1000`, …) and
/// averages the runs' averaged weights: the mean of a few runs that saw the sentences
/// in different orders and explored differently is steadier than any one of them.
pub(crate) fn train(
    data: &[ParseExample],
    epochs: usize,
    bits: u32,
    label_bits: u32,
    seed: u64,
    runs: usize,
) -> Parser {
    let runs: Vec<(Vec<f32>, Vec<f32>)> = (0..runs.max(1) as u64)
        .into_par_iter()
        .map(|k| {
            let (trans, labels) = train_run(data, epochs, bits, label_bits, seed + 1000 * k);
            (trans.averaged(), labels.averaged())
        })
        .collect();
    let mut runs = runs.into_iter();
    let (mut trans, mut labels) = runs.next().expect("one run at least");
    for (t, l) in runs {
        for (a, b) in trans.iter_mut().zip(t) {
            *a += b;
        }
        for (a, b) in labels.iter_mut().zip(l) {
            *a += b;
        }
    }
    Parser {
        trans: Trainer::quantise(bits, NTRANS, &trans),
        labels: Trainer::quantise(label_bits, NLABELS, &labels),
    }
}

/// One run of training with the dynamic oracle; exploration from the third epoch.
fn train_run(
    data: &[ParseExample],
    epochs: usize,
    bits: u32,
    label_bits: u32,
    seed: u64,
) -> (Trainer, Trainer) {
    let mut trans = Trainer::new(bits, NTRANS);
    let mut labels = Trainer::new(label_bits, NLABELS);
    let mut f = Feats::new(bits);
    let mut lf = Feats::new(label_bits);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut st = State::default();
    let mut scores = [0f32; NTRANS];
    let mut lscores = [0f32; NLABELS];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let ex = &data[s];
            let x = Tokens {
                w: &ex.w,
                t: &ex.t,
                s: &ex.s,
            };
            st.reset(ex.w.len() - 1);
            while !st.terminal() {
                let legal = st.legal();
                let costs = st.costs(&ex.head);
                features(&st, &x, &mut f);
                trans.scores(&f.rows, &mut scores);
                let min = *costs.iter().min().expect("costs");
                let (mut pred, mut gold) = (usize::MAX, usize::MAX);
                for t in 0..NTRANS {
                    if !legal[t] {
                        continue;
                    }
                    if pred == usize::MAX || scores[t] > scores[pred] {
                        pred = t;
                    }
                    if costs[t] == min && (gold == usize::MAX || scores[t] > scores[gold]) {
                        gold = t;
                    }
                }
                if costs[pred] > min {
                    trans.update(&f.rows, gold, pred);
                }
                trans.tick();
                let next = if costs[pred] == min || (epoch >= 2 && rng.unit() < 0.9) {
                    pred
                } else {
                    gold
                };
                let label = if next == SHIFT {
                    0
                } else {
                    let (d, h) = st.arc(next);
                    if h == 0 {
                        ROOT_LABEL
                    } else {
                        label_features(&st, &x, h, d, &mut lf);
                        labels.scores(&lf.rows, &mut lscores);
                        lscores[ROOT_LABEL as usize] = f32::MIN;
                        let guess = argmax_f32(&lscores);
                        if ex.head[d] as usize == h {
                            let g = ex.label[d] as usize;
                            labels.update(&lf.rows, g, guess);
                            labels.tick();
                            g as u8
                        } else {
                            guess as u8
                        }
                    }
                };
                st.apply(next, label);
            }
        }
    }
    (trans, labels)
}

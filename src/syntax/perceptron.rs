//! Weight tables: the averaged perceptron used in training (f32 weights and their
//! running sums) and the quantised table the shipped model scores with (i16 rows, all
//! classes of a feature side by side).

use super::parser::NLABELS;
use super::tagger::NTAGS;

/// A frozen table: `2^bits` rows of `nclass` quantised weights.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub bits: u32,
    pub nclass: usize,
    pub w: Vec<i16>,
}

impl Table {
    /// Sums the rows of `rows` into `out` (one score per class).
    #[inline]
    pub(crate) fn scores(&self, rows: &[u32], out: &mut [i32]) {
        self.prefetch(rows);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2.
            unsafe { self.sum_avx2(rows, out) };
            return;
        }
        self.sum(rows, out);
    }

    /// [`Table::sum`] compiled for AVX2: a row of 16 weights is one widening load.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn sum_avx2(&self, rows: &[u32], out: &mut [i32]) {
        self.sum(rows, out);
    }

    /// Sums the rows; the widths of the shipped tables (transitions, tags, relations)
    /// are known at compile time, so their sums stay in registers.
    #[inline(always)]
    fn sum(&self, rows: &[u32], out: &mut [i32]) {
        match self.nclass {
            3 => self.sum_fixed::<3>(rows, out),
            NTAGS => self.sum_fixed::<NTAGS>(rows, out),
            NLABELS => self.sum_fixed::<NLABELS>(rows, out),
            n => {
                let out = &mut out[..n];
                out.fill(0);
                for &r in rows {
                    let row = &self.w[r as usize * n..r as usize * n + n];
                    for (o, &x) in out.iter_mut().zip(row) {
                        *o += x as i32;
                    }
                }
            }
        }
    }

    /// Sums rows of `N` weights.
    #[inline(always)]
    fn sum_fixed<const N: usize>(&self, rows: &[u32], out: &mut [i32]) {
        let mut acc = [0i32; N];
        for &r in rows {
            let row: &[i16; N] = self.w[r as usize * N..][..N]
                .try_into()
                .expect("a whole row");
            for (a, &x) in acc.iter_mut().zip(row) {
                *a += x as i32;
            }
        }
        out[..N].copy_from_slice(&acc);
    }

    /// Asks the processor to fetch the rows into cache before they are summed: they lie
    /// at random in tables of tens of megabytes, and the loads of one sum are independent.
    /// A row's first and last weights may lie in two cache lines; both are fetched.
    #[inline]
    fn prefetch(&self, rows: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        for &r in rows {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let first = self.w.as_ptr().wrapping_add(r as usize * self.nclass);
            let last = first.wrapping_add(self.nclass - 1);
            // SAFETY: a prefetch is a hint; it never faults, whatever the address.
            unsafe {
                _mm_prefetch::<_MM_HINT_T0>(first.cast());
                _mm_prefetch::<_MM_HINT_T0>(last.cast());
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = rows;
    }
}

/// The averaged perceptron being trained.
pub(crate) struct Trainer {
    bits: u32,
    nclass: usize,
    w: Vec<f32>,
    /// The sum of `step * delta` over updates: the average is `w - u / steps`.
    u: Vec<f64>,
    steps: f64,
}

impl Trainer {
    /// A zero table of `2^bits` rows of `nclass` classes.
    pub(crate) fn new(bits: u32, nclass: usize) -> Trainer {
        let len = (1usize << bits) * nclass;
        Trainer {
            bits,
            nclass,
            w: vec![0.0; len],
            u: vec![0.0; len],
            steps: 1.0,
        }
    }

    /// Current (not averaged) scores.
    #[inline]
    pub(crate) fn scores(&self, rows: &[u32], out: &mut [f32]) {
        let n = self.nclass;
        let out = &mut out[..n];
        out.fill(0.0);
        for &r in rows {
            let row = &self.w[r as usize * n..r as usize * n + n];
            for (o, &x) in out.iter_mut().zip(row) {
                *o += x;
            }
        }
    }

    /// Moves the weights of `rows` towards `gold` and away from `wrong`.
    pub(crate) fn update(&mut self, rows: &[u32], gold: usize, wrong: usize) {
        if gold == wrong {
            return;
        }
        let n = self.nclass;
        for &r in rows {
            let base = r as usize * n;
            self.w[base + gold] += 1.0;
            self.u[base + gold] += self.steps;
            self.w[base + wrong] -= 1.0;
            self.u[base + wrong] -= self.steps;
        }
    }

    /// Counts one training instance (for averaging).
    #[inline]
    pub(crate) fn tick(&mut self) {
        self.steps += 1.0;
    }

    /// The averaged weights.
    pub(crate) fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / self.steps) as f32)
            .collect()
    }

    /// The table of weights `avg` (`2^bits` rows of `nclass`), quantised to i16 with the
    /// one scale that maps the largest weight to 32767.
    pub(crate) fn quantise(bits: u32, nclass: usize, avg: &[f32]) -> Table {
        let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = 32767.0 / max;
        Table {
            bits,
            nclass,
            w: avg
                .iter()
                .map(|&x| (x * scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect(),
        }
    }

    /// The averaged weights, quantised to i16 with one scale for the table (weights under
    /// `prune` of the largest become 0), the scale given (`None`: the one that
    /// maps the largest weight to 32767); returns the table and the scale used.
    pub(crate) fn finish_scaled(&self, prune: f32, scale: Option<f32>) -> (Table, f32) {
        let avg = self.averaged();
        let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
        let scale = scale.unwrap_or(32767.0 / max);
        let w = avg
            .iter()
            .map(|&x| {
                if x.abs() < prune * max {
                    0
                } else {
                    (x * scale).round().clamp(-32767.0, 32767.0) as i16
                }
            })
            .collect();
        let table = Table {
            bits: self.bits,
            nclass: self.nclass,
            w,
        };
        (table, scale)
    }
}

/// A small deterministic random generator (xorshift64*), for shuffling and exploration.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..1`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Shuffles `v` (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

//! Hashed features: string and value hashing, the per-token word descriptions the tagger
//! and parser share, and the buffer that turns (template, value) pairs into table rows.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes `v` into `h` (FxHash's step).
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// A 64-bit hash of a string.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d;
    for b in s.bytes() {
        h = mix(h, b as u64);
    }
    mix(h, 0xff)
}

/// A hash of characters.
fn hash_chars(cs: &[char]) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d;
    for &c in cs {
        h = mix(h, c as u64);
    }
    mix(h, 0xff)
}

/// The value standing for "no token here" (before the start, after the end, no child).
pub(crate) const NONE: u64 = 0x9e37_79b9_7f4a_7c15;
/// The value standing for the artificial root.
pub(crate) const ROOT: u64 = 0x6a09_e667_f3bc_c908;

/// What the tagger and the parser know of a word, as hashes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// The form (normalised: straight quotes, `--` for dashes).
    pub form: u64,
    /// The form in lower case.
    pub lower: u64,
    /// The last 1 to 4 characters of the lower-case form.
    pub suf: [u64; 4],
    /// The first 1 to 3 characters of the lower-case form.
    pub pre: [u64; 3],
    /// The word shape (`Xx`, `dd`, `x.x.`), runs collapsed.
    pub shape: u64,
    /// Capitalisation, digits, hyphen.
    pub flags: u64,
}

impl Word {
    /// The description of `form`, using `buf` as scratch space.
    pub(crate) fn new(form: &str, buf: &mut Vec<char>) -> Word {
        buf.clear();
        let mut shape = 0x1234_5678u64;
        let mut last_class = '\0';
        let mut run = 0;
        let (mut upper, mut lower, mut digit, mut hyphen) = (0u32, 0u32, 0u32, false);
        for c in form.chars() {
            let class = if c.is_uppercase() {
                upper += 1;
                'X'
            } else if c.is_lowercase() {
                lower += 1;
                'x'
            } else if c.is_numeric() {
                digit += 1;
                'd'
            } else {
                hyphen |= c == '-';
                c
            };
            if class == last_class {
                run += 1;
            } else {
                run = 0;
            }
            if run < 2 {
                shape = mix(shape, class as u64);
            }
            last_class = class;
            for l in c.to_lowercase() {
                buf.push(l);
            }
        }
        let n = buf.len();
        let suffix = |k: usize| {
            if n >= k {
                mix(hash_chars(&buf[n - k..]), k as u64)
            } else {
                mix(NONE, k as u64)
            }
        };
        let prefix = |k: usize| {
            if n >= k {
                mix(hash_chars(&buf[..k]), 16 + k as u64)
            } else {
                mix(NONE, 16 + k as u64)
            }
        };
        let first_upper = form.chars().next().is_some_and(char::is_uppercase);
        let flags = (first_upper as u64)
            | ((upper > 1 && lower == 0) as u64) << 1
            | ((digit > 0) as u64) << 2
            | (hyphen as u64) << 3
            | ((digit > 0 && upper + lower == 0) as u64) << 4
            | ((n > 8) as u64) << 5;
        Word {
            form: hash_str(form),
            lower: hash_chars(buf),
            suf: [suffix(1), suffix(2), suffix(3), suffix(4)],
            pre: [prefix(1), prefix(2), prefix(3)],
            shape,
            flags,
        }
    }

    /// The stand-in for positions outside the sentence.
    pub(crate) const PAD: Word = Word {
        form: NONE,
        lower: NONE,
        suf: [NONE; 4],
        pre: [NONE; 3],
        shape: NONE,
        flags: NONE,
    };
}

/// Collects the table rows of the features of one decision.
pub(crate) struct Feats {
    shift: u32,
    /// Row indices into a weight table.
    pub rows: Vec<u32>,
}

impl Feats {
    /// A buffer for a table of `2^bits` rows.
    pub(crate) fn new(bits: u32) -> Feats {
        Feats {
            shift: 64 - bits,
            rows: Vec::with_capacity(128),
        }
    }

    /// Whether the buffer is for a table of `2^bits` rows.
    pub(crate) fn fits(&self, bits: u32) -> bool {
        self.shift == 64 - bits
    }

    /// Empties the buffer.
    #[inline]
    pub(crate) fn clear(&mut self) {
        self.rows.clear();
    }

    /// Adds the feature of `template` with value `v`.
    #[inline]
    pub(crate) fn add(&mut self, template: u64, v: u64) {
        let h = mix(
            mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15), v),
            template,
        );
        let h = (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        self.rows.push((h >> self.shift) as u32);
    }

    /// Adds the feature of `template` with the values `a` and `b`.
    #[inline]
    pub(crate) fn add2(&mut self, template: u64, a: u64, b: u64) {
        self.add(template, mix(a, b));
    }

    /// Adds the feature of `template` with the values `a`, `b` and `c`.
    #[inline]
    pub(crate) fn add3(&mut self, template: u64, a: u64, b: u64, c: u64) {
        self.add(template, mix(mix(a, b), c));
    }
}

//! Name folding: the normal form under which two spellings of a name are the same actor.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds a name for identity: diacritics dropped, apostrophes removed, hyphens and
/// punctuation as spaces, lower case, single spaces, a leading "the" dropped.
///
/// `Jama’at Nasr al-Islam` and `jamaat nasr al islam` fold to the same string.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_name_into(name, &mut out);
    out
}

/// [`fold_name`] into `out`, which is cleared first: for callers that fold many names
/// and keep one buffer.
pub fn fold_name_into(name: &str, out: &mut String) {
    out.clear();
    let mut fold = Fold {
        out: std::mem::take(out),
        pending_space: false,
    };
    let bytes = name.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // The common case, a byte at a time.
            fold.push_ascii(b);
            i += 1;
        } else {
            // NFKD, one character at a time: NFKD would also reorder runs of combining
            // marks, which folding drops whatever their order.
            let c = name[i..].chars().next().expect("a character starts here");
            decompose_compatible(c, |d| fold.push(d));
            i += c.len_utf8();
        }
    }
    *out = fold.out;
    if out.starts_with("the ") {
        out.drain(..4);
    }
}

/// In [`ASCII_FOLD`], an ASCII character folding drops (apostrophes, full stops).
const DROP: u8 = 0;
/// In [`ASCII_FOLD`], an ASCII character that parts words (spaces, punctuation).
const PART: u8 = 1;

/// What folding makes of each ASCII character: [`DROP`], [`PART`], or the lower-case
/// letter or digit it becomes.
const ASCII_FOLD: [u8; 128] = {
    let mut table = [PART; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        } else if matches!(c, b'\'' | b'`' | b'.') {
            table[b] = DROP;
        }
        b += 1;
    }
    table
};

/// A name being folded, character by character of its NFKD form.
struct Fold {
    out: String,
    pending_space: bool,
}

impl Fold {
    fn push(&mut self, c: char) {
        if let Ok(b) = u8::try_from(c)
            && b.is_ascii()
        {
            return self.push_ascii(b);
        }
        if is_combining_mark(c) || matches!(c, '’' | '‘' | 'ʼ' | '´') {
            return;
        }
        if c.is_alphanumeric() {
            self.word_char();
            self.out.extend(c.to_lowercase());
        } else {
            self.pending_space = true;
        }
    }

    /// An ASCII character, by [`ASCII_FOLD`].
    fn push_ascii(&mut self, b: u8) {
        match ASCII_FOLD[usize::from(b)] {
            DROP => {}
            PART => self.pending_space = true,
            c => {
                self.word_char();
                self.out.push(char::from(c));
            }
        }
    }

    /// Before a letter or digit: the space owed since the last word, if any.
    fn word_char(&mut self) {
        if self.pending_space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.pending_space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::fold_name;

    /// Folding decomposes character by character, which equals NFKD up to the order of
    /// characters with a combining class; every one of them is a combining mark, which
    /// folding drops.
    #[test]
    fn every_character_with_a_combining_class_is_a_mark() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        let odd: Vec<char> = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| canonical_combining_class(c) != 0 && !is_combining_mark(c))
            .collect();
        assert_eq!(odd, Vec::<char>::new());
    }

    #[test]
    fn folds_as_nfkd_would() {
        use unicode_normalization::UnicodeNormalization;
        for name in [
            "Café Ñandú",
            "ﬁnance Ⅻ ½",
            "a\u{301}\u{327}b",
            "Ǆemal İstanbul",
            "Ａｂｃ",
        ] {
            // The whole name through NFKD, then folded.
            let mut fold = super::Fold {
                out: String::new(),
                pending_space: false,
            };
            name.nfkd().for_each(|c| fold.push(c));
            assert_eq!(fold_name(name), fold.out, "{name}");
        }
    }

    /// Folding character by character, as the definition reads.
    fn fold_slowly(name: &str) -> String {
        let mut fold = super::Fold {
            out: String::new(),
            pending_space: false,
        };
        for c in name.chars() {
            unicode_normalization::char::decompose_compatible(c, |d| fold.push(d));
        }
        match fold.out.strip_prefix("the ") {
            Some(rest) => rest.to_string(),
            None => fold.out,
        }
    }

    proptest::proptest! {
        /// Folding a byte at a time over ASCII folds as the definition does.
        #[test]
        fn folds_as_the_definition(name in "(?:[a-zA-Z0-9 .,'`’‘“”–—é\\-]|\\PC){0,40}") {
            proptest::prop_assert_eq!(super::fold_name(&name), fold_slowly(&name));
            let mut out = String::from("left over");
            super::fold_name_into(&name, &mut out);
            proptest::prop_assert_eq!(out, fold_slowly(&name));
        }
    }

    #[test]
    fn folds_spelling_variants() {
        assert_eq!(fold_name("Jama’at Nasr al-Islam"), "jamaat nasr al islam");
        assert_eq!(fold_name("  The  Côte d'Ivoire "), "cote divoire");
        assert_eq!(fold_name("U.N."), "un");
        assert_eq!(fold_name("Al-Shabaab"), fold_name("al Shabaab"));
    }
}

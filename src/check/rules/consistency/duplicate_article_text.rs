//! CS506 `duplicate-article-text`: two articles with the same text under different IDs.

use std::collections::HashMap;

use crate::check::rules::prelude::*;
use std::hash::Hasher;

declare_rule! {
    /// ## What it does
    /// Compares article texts (with runs of white space made one space) and flags an
    /// article whose text is the text of an earlier article with another ID.
    ///
    /// ## Why is this bad?
    /// An article's ID comes from its raw bytes, so the same story saved twice (another
    /// encoding, a trailing newline, another export) gets two IDs. Its claims then count
    /// twice: every quotation looks corroborated by a second article.
    ///
    /// ## Example
    /// ```text
    /// art_1a…  origin: news/raid.txt        text: "Gunmen attacked …"
    /// art_9f…  origin: news/raid-copy.txt   text: "Gunmen attacked …"
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// art_1a…  origin: news/raid.txt        text: "Gunmen attacked …"
    /// ```
    pub struct DuplicateArticleText {
        first: HashMap<u64, String>,
        buf: Vec<u8>,
    }
    code = "CS506",
    name = "duplicate-article-text",
    severity = Warning,
    help = "keep one of the articles (and its claims and mentions) and drop the other",
}

/// What a byte may be, for [`collapse_whitespace`]: 0 a part of a word, 1 ASCII
/// whitespace, 2 the start of a character that may be whitespace.
const BYTE_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => 1,
            0xc2 | 0xe1..=0xe3 => 2,
            _ => 0,
        };
        b += 1;
    }
    class
};

/// The bytes of whitespace (as `char::is_whitespace` says) at `i`; 0 for none.
#[inline]
fn white_at(text: &str, i: usize) -> usize {
    match BYTE_CLASS[text.as_bytes()[i] as usize] {
        0 => 0,
        1 => 1,
        _ => text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
    }
}

/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// Every byte `b`.
const fn bytes_of(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte of `x` that is ASCII from `!` to DEL: surely not whitespace.
#[inline]
fn word_bytes(x: u64) -> u64 {
    // (b & 0x7f) + 0x5f reaches 0x80 exactly when b & 0x7f > 0x20; no byte carries.
    ((x & !HIGH) + bytes_of(0x5f)) & !x & HIGH
}

/// The high bit of each byte of `x` that is an ASCII space.
#[inline]
fn space_bytes(x: u64) -> u64 {
    let t = x ^ bytes_of(b' ');
    !(((t & !HIGH) + !HIGH) | t) & HIGH
}

/// The first byte from `i` on that may start whitespace other than one ASCII space
/// between two words (`None` when there is none): eight bytes at a time, then byte by
/// byte near the end.
#[inline]
fn next_white(bytes: &[u8], mut i: usize) -> Option<usize> {
    while i + 9 <= bytes.len() {
        let x = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
        let next = u64::from_le_bytes(bytes[i + 1..i + 9].try_into().expect("eight bytes"));
        // A byte stops the skip unless it is a word byte, or a space before one.
        let stop = !(word_bytes(x) | (space_bytes(x) & word_bytes(next))) & HIGH;
        if stop != 0 {
            return Some(i + (stop.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| BYTE_CLASS[b as usize] != 0)
        .map(|k| i + k)
}

/// Writes `text` into `out` with each run of whitespace made one space and none at either
/// end: the words of `split_whitespace` joined by spaces. Stretches already in that form
/// (words with one ASCII space between them) are copied whole.
fn collapse_whitespace(text: &str, out: &mut Vec<u8>) {
    out.clear();
    let bytes = text.as_bytes();
    let (mut i, mut stretch) = (0, 0);
    while i < bytes.len() {
        // Skip to the next byte that may be whitespace; the first byte is looked at
        // whatever it is, as a space there is not between two words.
        let found = if i == 0 {
            bytes.iter().position(|&b| BYTE_CLASS[b as usize] != 0)
        } else {
            next_white(bytes, i)
        };
        match found {
            Some(k) => i = k,
            None => break,
        }
        let white = white_at(text, i);
        if white == 0 {
            i += 1;
            continue;
        }
        let lone_space = bytes[i] == b' ' && i > stretch && i + 1 < bytes.len();
        if lone_space && white_at(text, i + 1) == 0 {
            i += 1;
            continue;
        }
        push_stretch(out, &bytes[stretch..i]);
        i += white;
        while i < bytes.len() && white_at(text, i) > 0 {
            i += white_at(text, i);
        }
        stretch = i;
    }
    push_stretch(out, &bytes[stretch..]);
}

/// Appends a stretch of words, after a space unless it is the first.
fn push_stretch(out: &mut Vec<u8>, words: &[u8]) {
    if words.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(b' ');
    }
    out.extend_from_slice(words);
}

impl Rule for DuplicateArticleText {
    fn table_end(&mut self, table: &'static str, _: &Context, _: &mut Sink) {
        // Only rows of articles are compared with each other.
        if table == "articles" {
            self.first = HashMap::new();
        }
    }

    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        let (Some(id), Some(text)) = (r.article_id, r.text) else {
            return;
        };
        // The text with its runs of whitespace made one space, trimmed, then hashed.
        collapse_whitespace(text, &mut self.buf);
        if self.buf.is_empty() {
            return;
        }
        let mut h = rustc_hash::FxHasher::default();
        h.write(&self.buf);
        let key = h.finish();
        match self.first.get(&key) {
            Some(other) if other != id => out.emit(
                r.loc(),
                format!("article has the same text as article {other}"),
            ),
            Some(_) => {}
            None => {
                self.first.insert(key, id.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::collapse_whitespace;

    #[test]
    fn every_char_between_words_collapses_as_split_whitespace_joins() {
        // Each character at each position of a word of eight bytes.
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            for at in 0..10 {
                let mut text = String::from("abcdefgh ijklmnop qrstuvwx");
                text.insert(at, c);
                let mut out = Vec::new();
                collapse_whitespace(&text, &mut out);
                let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(String::from_utf8(out).unwrap(), want, "{text:?}");
            }
        }
    }

    #[test]
    fn whitespace_collapses_as_split_whitespace_joins() {
        for text in [
            "  one\ttwo \n\n three\u{a0}four\u{2009} ",
            "“quoted”\u{3000}words\r\nend",
            "\u{85}\u{1c}x",
            "",
            " \n ",
            "a b  c \u{a0}d e\u{2003} f ",
            "x  ",
            " a b",
            "\u{a0}a b c d e f g h i j k l m n o p\u{2028}q",
            "words and more words,  two spaces\there\u{85} and “quotes” \u{1}\u{1f} end  ",
            "é è — “a” b\u{3000}c\u{205f}d\u{feff}e\u{200b}f ",
            "ab \n cd ef gh ij kl mn op qr st uv wx yz",
        ] {
            let mut out = Vec::new();
            collapse_whitespace(text, &mut out);
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(String::from_utf8(out).unwrap(), want, "{text:?}");
        }
    }
}

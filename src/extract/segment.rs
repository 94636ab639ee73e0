//! Tokens and sentences: word and punctuation tokens with byte spans, and sentence
//! boundaries that never fall inside a quotation.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and abbreviation dots.
    Word,
    /// Any other visible character.
    Punct,
}

/// A token: a byte span of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Word or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether it is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The character at byte `i` of `s` and its length in bytes.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().expect("i is a char boundary");
        (c, c.len_utf8())
    }
}

/// Splits `range` of `text` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let s = &text[range.clone()];
    crate::work::add(s.len());
    let base = range.start;
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while i < s.len() {
        let (c, n) = char_at(s, i);
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if !c.is_alphanumeric() {
            // "--", a dash typed as hyphens, is one token.
            let n = if c == '-' {
                s[i..].bytes().take_while(|&b| b == b'-').count()
            } else {
                n
            };
            out.push(Token {
                start: base + i,
                end: base + i + n,
                kind: TokenKind::Punct,
            });
            i += n;
            continue;
        }
        // A word: letters and digits, joined by an apostrophe, hyphen, dot or ampersand
        // between two of them, or a comma between digits ("10,000").
        let mut j = i + n;
        let mut prev = c;
        while j < s.len() {
            let (c, n) = char_at(s, j);
            if c.is_alphanumeric() {
                prev = c;
                j += n;
                continue;
            }
            let joins = is_apostrophe(c)
                || c == '-'
                || c == '.'
                || c == '&'
                || (c == ',' && prev.is_ascii_digit());
            if joins && j + n < s.len() {
                let (next, m) = char_at(s, j + n);
                if next.is_alphanumeric() && (c != ',' || next.is_ascii_digit()) {
                    prev = next;
                    j += n + m;
                    continue;
                }
            }
            break;
        }
        let mut end = j;
        // "U.S." keeps its final dot: single letters joined by dots.
        if s.as_bytes().get(j) == Some(&b'.') && is_dotted_abbreviation(&s[i..j]) {
            end += 1;
        }
        out.push(Token {
            start: base + i,
            end: base + end,
            kind: TokenKind::Word,
        });
        i = end;
    }
    out
}

/// "U.S", "U.N", "a.m": letters separated by dots.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|p| p.chars().count() == 1)
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cmdr", "adm",
    "gov", "sen", "rep", "st", "jr", "sr", "vs", "etc", "no", "nos", "rev", "hon", "fr", "pres",
    "corp", "inc", "ltd", "co", "dept", "approx", "est", "jan", "feb", "mar", "apr", "aug", "sept",
    "sep", "oct", "nov", "dec", "del", "sens", "atty", "brig", "cpl", "pvt", "det", "insp", "supt",
    "amb", "mt",
];

/// Whether token `i` is the dot of an abbreviation or an initial written against it
/// ("Mrs." , "Gen.", "J."), which ends no sentence and no phrase.
pub fn abbreviation_dot(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.text(text) != "." || i == 0 || !tokens[i - 1].is_word() || tokens[i - 1].end != t.start {
        return false;
    }
    let prev = tokens[i - 1].text(text);
    // "… in a post on X. It added …": a letter before a pronoun or determiner that opens
    // a sentence is a word of its own, no initial of a name.
    let opens_sentence = tokens
        .get(i + 1)
        .is_some_and(|n| SENTENCE_OPENERS.contains(&n.text(text)));
    let single_initial =
        prev.chars().count() == 1 && prev.chars().all(char::is_uppercase) && !opens_sentence;
    single_initial || ABBREVIATIONS.contains(&prev.to_lowercase().as_str())
}

/// Capitalised words that open a sentence and never go on a name after an initial.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "It", "He", "She", "They", "We", "The", "This", "That", "These", "Those", "There", "But",
    "However", "Its", "His", "Her", "Their", "Our",
];

fn opens_quote(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '«' | '\'')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '»' | '\'' | ')' | ']')
}

/// Sentence ranges of one paragraph; no boundary falls inside one of `protected` (quotes).
pub fn sentences(text: &str, para: Range<usize>, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    let tokens = tokenize(text, para.clone());
    let mut out = Vec::new();
    let mut start = para.start;
    // The protected ranges are in order and disjoint: the last one starting before `b`
    // is the only one that can hold it.
    let inside = |b: usize| {
        let i = protected.partition_point(|r| r.start < b);
        i > 0 && b < protected[i - 1].end
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let word = t.text(text);
        let c = word.chars().next().unwrap_or(' ');
        let dotted_end = t.is_word() && word.ends_with('.');
        if (t.kind == TokenKind::Punct && matches!(c, '.' | '!' | '?' | '…')) || dotted_end {
            // Take closing quotes, brackets and further marks that follow.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].kind == TokenKind::Punct
                && tokens[j].start == tokens[j - 1].end
                && (closes(tokens[j].text(text).chars().next().unwrap_or(' '))
                    || matches!(tokens[j].text(text), "." | "!" | "?"))
            {
                j += 1;
            }
            let end = tokens[j - 1].end;
            if let Some(n) = tokens.get(j) {
                let nc = n.text(text).chars().next().unwrap_or(' ');
                let spaced = n.start > end;
                let starts_upper = nc.is_uppercase() || nc.is_ascii_digit() || opens_quote(nc);
                let abbrev = c == '.' && abbreviation_dot(text, &tokens, i);
                // "U.S." ends a sentence only before a word that cannot continue a name.
                let dotted_continues =
                    dotted_end && j == i + 1 && n.is_word() && nc.is_uppercase() && {
                        let nw = n.text(text);
                        !matches!(
                            nw,
                            "The"
                                | "A"
                                | "An"
                                | "It"
                                | "He"
                                | "She"
                                | "They"
                                | "We"
                                | "I"
                                | "In"
                                | "But"
                                | "This"
                        )
                    };
                if spaced && starts_upper && !abbrev && !dotted_continues && !inside(end) {
                    out.push(start..end);
                    start = n.start;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < para.end {
        out.push(start..para.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0..s.len(), &[])
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_not_abbreviations() {
        assert_eq!(
            split("Mr. Diallo spoke to the U.N. Security Council. He left. “Why?” she asked."),
            vec![
                "Mr. Diallo spoke to the U.N. Security Council.",
                "He left.",
                "“Why?” she asked."
            ]
        );
    }

    #[test]
    fn quotes_are_not_split() {
        let s = "He said “Go on. Stay.” Then left.";
        let q = s.find('G').unwrap()..s.find('”').unwrap();
        let got: Vec<_> = sentences(s, 0..s.len(), &[q])
            .into_iter()
            .map(|r| &s[r])
            .collect();
        assert_eq!(got, vec!["He said “Go on. Stay.”", "Then left."]);
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_dotted_abbreviations() {
        let s = "Jama’at al-Islam U.S. forces";
        let words: Vec<_> = tokenize(s, 0..s.len()).iter().map(|t| t.text(s)).collect();
        assert_eq!(words, vec!["Jama’at", "al-Islam", "U.S.", "forces"]);
    }
}

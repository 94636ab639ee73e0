//! Quotations: curly, straight, guillemet and single-quoted speech, nested marks, quotes
//! running over several paragraphs; unbalanced marks are reported, never fatal.

use std::ops::Range;

/// One quotation: the span inside the marks, and the span with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Bytes inside the quotation marks.
    pub inner: Range<usize>,
    /// Bytes including the marks.
    pub outer: Range<usize>,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Finds the quotations of an article. `paragraphs` are byte ranges of `text`; a quote
/// left open at the end of a paragraph continues when the next paragraph opens with a
/// quotation mark. Returns the quotes and a message per unbalanced mark.
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> (Vec<Quote>, Vec<String>) {
    let mut scan = Scan {
        text,
        quotes: Vec::new(),
        issues: Vec::new(),
        carried: None,
    };
    for (pi, para) in paragraphs.iter().enumerate() {
        scan.paragraph(pi, para.clone());
    }
    if let Some((_, mark)) = scan.carried {
        scan.issues.push(format!(
            "unbalanced quotation mark {mark} in the last paragraph never closes"
        ));
    }
    (scan.quotes, scan.issues)
}

/// The scan over an article's paragraphs: what it found so far, and what it carries on.
struct Scan<'a> {
    text: &'a str,
    quotes: Vec<Quote>,
    issues: Vec<String>,
    /// An open double quote carried over from the previous paragraph: (open byte, mark).
    carried: Option<(usize, char)>,
}

/// One paragraph being scanned.
struct Para {
    /// Its index.
    pi: usize,
    /// Its characters with their byte offsets in the article.
    chars: Vec<(usize, char)>,
    /// The quotation open so far: (open byte, mark).
    open: Option<(usize, char)>,
    /// Index of the paragraph's last `”`, looked up once rather than by a scan per mark.
    last_close: Option<usize>,
    /// Single-quote lookups, built at the first mark that needs them.
    singles: Option<SingleQuotes>,
}

impl Scan<'_> {
    /// One paragraph: its marks in order; a quotation still open at its end is carried
    /// to the next paragraph.
    fn paragraph(&mut self, pi: usize, para: Range<usize>) {
        let s = &self.text[para.clone()];
        crate::work::add(s.len());
        let chars: Vec<(usize, char)> =
            s.char_indices().map(|(b, c)| (para.start + b, c)).collect();
        let last_close = chars.iter().rposition(|x| x.1 == '”');
        let mut p = Para {
            pi,
            chars,
            open: None,
            last_close,
            singles: None,
        };
        self.resume(&mut p);
        let mut k = if p.open.is_some() { 1 } else { 0 };
        while k < p.chars.len() {
            k = self.mark(&mut p, k);
        }
        if let Some((o, mark)) = p.open {
            self.carried = Some((o, mark));
        }
    }

    /// `He wrote: “First part. ¶ “Second part.”`: a quotation left open by the previous
    /// paragraph goes on when this one opens with a quotation mark; else it is reported
    /// as never closing.
    fn resume(&mut self, p: &mut Para) {
        if let Some((at, mark)) = self.carried.take() {
            match p.chars.first() {
                Some(&(_, '“' | '"' | '«')) => p.open = Some((at, mark)),
                _ => self.issues.push(format!(
                    "unbalanced quotation mark {mark} in paragraph {} never closes",
                    p.pi - 1
                )),
            }
        }
    }

    /// The character at `p.chars[k]`: a mark that opens a quotation (`“Ready,” she
    /// said`), closes one, opens a single-quoted passage (`a 'rolling plan' now`) or is
    /// reported as stray. Returns the index of the next character to look at.
    fn mark(&mut self, p: &mut Para, k: usize) -> usize {
        let mut k = k;
        let (b, mut c) = p.chars[k];
        let prev = k.checked_sub(1).map(|i| p.chars[i].1);
        let mut next = p.chars.get(k + 1).map(|x| x.1);
        // Two apostrophes stand for a double quotation mark (''like this'').
        let doubled = c == '\'' && next == Some('\'');
        if doubled {
            c = '"';
            k += 1;
            next = p.chars.get(k + 1).map(|x| x.1);
        }
        let pi = p.pi;
        match (c, p.open) {
            ('“' | '«', None) => p.open = Some((b, c)),
            ('”', None) if closer_opens(p, prev, next, k) => {
                self.issues.push(format!(
                    "closing quotation mark ” opens a quotation in paragraph {pi}; read as “"
                ));
                p.open = Some((b, c));
            }
            ('"', None) if !is_word_char(prev) => p.open = Some((b, c)),
            ('”' | '"' | '»', Some((o, _))) => {
                self.close(o, b, c, doubled);
                p.open = None;
            }
            ('‘' | '\'', None) if !is_word_char(prev) && is_word_char(next) => {
                let singles = p.singles.get_or_insert_with(|| SingleQuotes::new(&p.chars));
                if let Some((q, m)) = singles.quote(&p.chars, k) {
                    self.quotes.push(q);
                    return m + 1;
                }
            }
            ('”' | '»', None) => self.issues.push(format!(
                "closing quotation mark {c} without an opening one in paragraph {pi}"
            )),
            _ => {}
        }
        k + 1
    }

    /// `“Not now,” he said`: the quotation opened at byte `o` closes with mark `c` at byte
    /// `b` (two bytes when `doubled`, two apostrophes).
    fn close(&mut self, o: usize, b: usize, c: char, doubled: bool) {
        let close_len = if doubled { 2 } else { c.len_utf8() };
        let inner_start = o + if self.text[o..].starts_with("''") {
            2
        } else {
            self.text[o..].chars().next().map_or(1, char::len_utf8)
        };
        self.quotes.push(Quote {
            inner: inner_start..b,
            outer: o..b + close_len,
        });
    }
}

/// `”Stay calm.” — a notice`, `” … what I learned is …,” he said`: a closing mark typed
/// where a quotation opens, at `k`, before a word or an ellipsis that opens an excerpt,
/// after a space or the paragraph's start, with a closing mark later on.
fn closer_opens(p: &Para, prev: Option<char>, next: Option<char>, k: usize) -> bool {
    let char_at = |i: usize| p.chars.get(i).map(|x| x.1);
    let excerpt = next == Some('…') || (next == Some(' ') && char_at(k + 2) == Some('…'));
    !is_word_char(prev)
        && !prev.is_some_and(|p| matches!(p, '.' | ',' | '!' | '?'))
        && (is_word_char(next) || excerpt)
        && p.last_close.is_some_and(|l| l > k)
}

/// What finding single-quoted passages in one paragraph needs, computed once: for each
/// position the next mark that can close a passage, and the words started before it, so
/// that each opening mark costs a lookup rather than a scan of the rest of the paragraph.
struct SingleQuotes {
    /// The next `’` at or after each position that can close a passage.
    next_curly: Vec<Option<usize>>,
    /// The same for `'`.
    next_straight: Vec<Option<usize>>,
    /// Words (runs of non-space characters) starting before each position, after a space.
    word_starts: Vec<usize>,
}

impl SingleQuotes {
    fn new(chars: &[(usize, char)]) -> Self {
        let n = chars.len();
        crate::work::add(n);
        let (mut next_curly, mut next_straight) = (vec![None; n + 1], vec![None; n + 1]);
        for m in (0..n).rev() {
            next_curly[m] = next_curly[m + 1];
            next_straight[m] = next_straight[m + 1];
            let c = chars[m].1;
            let closes = m > 0
                && !chars[m - 1].1.is_whitespace()
                && !is_word_char(chars.get(m + 1).map(|x| x.1));
            if closes && c == '’' {
                next_curly[m] = Some(m);
            }
            if closes && c == '\'' {
                next_straight[m] = Some(m);
            }
        }
        let mut word_starts = Vec::with_capacity(n + 1);
        let mut count = 0;
        for j in 0..n {
            word_starts.push(count);
            if j > 0 && !chars[j].1.is_whitespace() && chars[j - 1].1.is_whitespace() {
                count += 1;
            }
        }
        word_starts.push(count);
        Self {
            next_curly,
            next_straight,
            word_starts,
        }
    }

    /// Words in `chars[from..to]`.
    fn words(&self, chars: &[(usize, char)], from: usize, to: usize) -> usize {
        if from >= to {
            return 0;
        }
        let first = usize::from(!chars[from].1.is_whitespace());
        first + self.word_starts[to] - self.word_starts[(from + 1).min(to)]
    }

    /// A single-quoted passage opening at `chars[k]`: closed by a matching mark (at the
    /// index returned) after a non-space and before a non-letter, at least two words
    /// long, within the paragraph.
    fn quote(&self, chars: &[(usize, char)], k: usize) -> Option<(Quote, usize)> {
        let (o, open) = chars[k];
        let next = if open == '‘' {
            &self.next_curly
        } else {
            &self.next_straight
        };
        let m = next[k + 1]?;
        if self.words(chars, k + 1, m) < 2 {
            return None;
        }
        let (b, c) = chars[m];
        Some((
            Quote {
                inner: o + open.len_utf8()..b,
                outer: o..b + c.len_utf8(),
            },
            m,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> (Vec<&str>, usize) {
        let paras: Vec<Range<usize>> = {
            let mut v = Vec::new();
            let mut at = 0;
            for p in s.split("\n\n") {
                v.push(at..at + p.len());
                at += p.len() + 2;
            }
            v
        };
        let (q, issues) = find_quotes(s, &paras);
        (q.into_iter().map(|q| &s[q.inner]).collect(), issues.len())
    }

    #[test]
    fn curly_straight_and_single_quotes() {
        assert_eq!(
            quotes("“A b,” he said. \"C d\" it's 'quasi state' ok"),
            (vec!["A b,", "C d", "quasi state"], 0)
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(quotes("Mali’s army and the soldiers' kit"), (vec![], 0));
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(
            quotes("''We are ready,'' he said."),
            (vec!["We are ready,"], 0)
        );
    }

    #[test]
    fn multi_paragraph_quote_closes_in_last_paragraph() {
        let (q, n) = quotes("He said: “One.\n\n“Two.”");
        assert_eq!(q, vec!["One.\n\n“Two."]);
        assert_eq!(n, 0);
    }

    #[test]
    fn closing_mark_typed_as_opener() {
        assert_eq!(
            quotes("”We are ready.” ― Ana Ruiz\n\nShe left, ”tired” of it."),
            (vec!["We are ready.", "tired"], 2)
        );
    }

    #[test]
    fn closing_mark_typed_before_an_excerpt_opens_it() {
        assert_eq!(
            quotes("” … what we learned is this,” he said."),
            (vec![" … what we learned is this,"], 1)
        );
    }

    #[test]
    fn unbalanced_marks_are_reported() {
        assert_eq!(quotes("He said “never closed.\n\nNext paragraph.").1, 1);
    }
}

//! CS508 `unbalanced-quotes`: a quotation mark in the article text that is never closed or opened.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Pairs the double quotation marks of each article text: curly `“` with `”`, and
    /// straight `"` in turns. A quotation may run over paragraphs the newspaper way: the
    /// paragraph ends without a closing mark and the next one opens again. Reported are
    /// an opening mark never closed and a closing mark never opened. Single quotation
    /// marks are not paired: they double as apostrophes.
    ///
    /// ## Why is this bad?
    /// Quotation marks decide what is a direct quotation. With one mark missing, a
    /// quotation swallows the narration after it, or the text before it, and claims get
    /// the wrong kind, span and source.
    ///
    /// ## Example
    /// ```text
    /// “We will not negotiate, the leader said. The talks ended on Monday.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// “We will not negotiate,” the leader said. The talks ended on Monday.
    /// ```
    pub struct UnbalancedQuotes {}
    code = "CS508",
    name = "unbalanced-quotes",
    severity = Warning,
    help = "fix the text from the source, or check the claims around the mark by hand",
}

const NEVER_CLOSED: &str = "opening quotation mark “ is never closed";
const NEVER_OPENED: &str = "closing quotation mark ” has no opening mark";
const STRAIGHT_NEVER_CLOSED: &str = "quotation mark \" is never closed";

/// The paragraphs of a text (blocks between blank lines), each as its lines with the
/// code-point offset of each line.
fn paragraphs(text: &str) -> Vec<Vec<(u32, &str)>> {
    let mut out: Vec<Vec<(u32, &str)>> = Vec::new();
    let mut current = Vec::new();
    let mut offset = 0u32;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push((offset, line));
        }
        offset += line.chars().count() as u32 + 1;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Code-point positions of unbalanced double quotation marks, with what is wrong.
/// The quotation marks of a line (`“`, `”` and `"`), with their offsets in code points;
/// the line is scanned byte by byte, and only the stretches before marks are counted.
fn marks(line: &str) -> Vec<(u32, char)> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let (mut at, mut counted) = (0u32, 0usize);
    // Only `"` and the lead byte of `“` and `”` can start a mark.
    for i in memchr::memchr2_iter(b'"', 0xe2, bytes) {
        let c = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'"', _, _) => '"',
            (0xe2, Some(0x80), Some(0x9c)) => '“',
            (0xe2, Some(0x80), Some(0x9d)) => '”',
            _ => continue,
        };
        at += line[counted..i].chars().count() as u32;
        counted = i;
        found.push((at, c));
    }
    found
}

pub fn unbalanced(text: &str) -> Vec<(u32, &'static str)> {
    let paras = paragraphs(text);
    let mut found = Vec::new();
    for (k, para) in paras.iter().enumerate() {
        let (mut curly, mut straight): (Option<u32>, Option<u32>) = (None, None);
        for (offset, line) in para {
            for (i, c) in marks(line) {
                let at = offset + i;
                match c {
                    '“' => {
                        if let Some(open) = curly.replace(at) {
                            found.push((open, NEVER_CLOSED));
                        }
                    }
                    '”' => {
                        let open = curly.take();
                        if open.is_none() {
                            found.push((at, NEVER_OPENED));
                        }
                    }
                    '"' => straight = if straight.is_some() { None } else { Some(at) },
                    _ => {}
                }
            }
        }
        // A quotation left open goes on when the next paragraph opens with a mark again.
        let next = paras.get(k + 1).map(|p| p[0].1.trim_start());
        if let Some(open) = curly
            && !next.is_some_and(|p| p.starts_with('“'))
        {
            found.push((open, NEVER_CLOSED));
        }
        if let Some(open) = straight
            && !next.is_some_and(|p| p.starts_with('"'))
        {
            found.push((open, STRAIGHT_NEVER_CLOSED));
        }
    }
    found.sort();
    found
}

impl Rule for UnbalancedQuotes {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        let Some(text) = r.text else { return };
        for (at, problem) in unbalanced(text) {
            out.emit(r.loc().span(Some(at), Some(at + 1)), problem);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_and_continued_quotations_pass() {
        assert!(unbalanced("He said “yes.” She said \"no.\"").is_empty());
        assert!(unbalanced("“First part,\n\n“second part.”\n\nNarration.").is_empty());
        assert!(unbalanced("\"First part,\n\n\"second part.\"").is_empty());
    }

    /// The quotation characters of `line` at their code points, character by character.
    fn marks_slowly(line: &str) -> Vec<(u32, char)> {
        line.chars()
            .enumerate()
            .filter(|(_, c)| matches!(c, '“' | '”' | '"'))
            .map(|(i, c)| (i as u32, c))
            .collect()
    }

    #[test]
    fn marks_are_found_at_their_code_points() {
        let line = "é \"a” “b” “";
        assert_eq!(marks(line), marks_slowly(line));
    }

    proptest::proptest! {
        /// Marks are the quotation characters of the line, at their code points.
        #[test]
        fn marks_are_every_quotation_character(line in "(?:[a \"“”’‘—–é€\u{2000}-\u{203f}]|\\PC){0,40}") {
            proptest::prop_assert_eq!(marks(&line), marks_slowly(&line));
        }
    }

    #[test]
    fn unclosed_and_unopened_marks_are_found() {
        assert_eq!(
            unbalanced("“Never closed.\n\nNarration."),
            vec![(0, NEVER_CLOSED)]
        );
        assert_eq!(unbalanced("Closed” only."), vec![(6, NEVER_OPENED)]);
        assert_eq!(unbalanced("“One “two” three."), vec![(0, NEVER_CLOSED)]);
        assert_eq!(unbalanced("a \"b"), vec![(2, STRAIGHT_NEVER_CLOSED)]);
    }
}

//! Text normalisation: NFC, LF line ends, no BOM or invisible characters, tidy spaces,
//! one paragraph per block, teaser headlines moved out of the body.

use rustc_hash::{FxHashMap, FxHashSet};

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::teasers;

/// A body after normalisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalized {
    /// Paragraphs, in order; the article text is them joined by a blank line.
    pub paragraphs: Vec<Paragraph>,
    /// Teaser headlines removed from the body.
    pub related_headlines: Vec<String>,
}

/// One paragraph of the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The paragraph text (one line, tidy spaces).
    pub text: String,
    /// Whether it carries claims; false for captions, credits, bylines and datelines.
    pub prose: bool,
    /// The earlier paragraph this one repeats word for word, if any.
    pub repeats: Option<usize>,
}

/// Separator between paragraphs in the stored text.
pub const PARAGRAPH_BREAK: &str = "\n\n";

impl Normalized {
    /// The article text: paragraphs joined by [`PARAGRAPH_BREAK`].
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        parts.join(PARAGRAPH_BREAK)
    }
}

/// Tidies one line: NFC, invisible characters dropped, any run of white space one space.
pub fn tidy_line(line: &str) -> String {
    // Most lines are NFC already (all ASCII ones are); composing them again is waste.
    if is_nfc_quick(line.chars()) == IsNormalized::Yes {
        tidy_chars(line.chars(), line.len())
    } else {
        tidy_chars(line.nfc(), line.len())
    }
}

fn tidy_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        match c {
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{00ad}' => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c if c.is_whitespace() => space = true,
            c if c.is_control() => {}
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// A line that reads like a headline rather than prose: short, no final full stop.
fn headline_like(line: &str) -> bool {
    let words = line.split_whitespace().take(31).count();
    // ''Like this.'': two apostrophes stand for a closing quotation mark.
    let line = line.strip_suffix("''").unwrap_or(line);
    words > 0
        && words <= 30
        && !line.ends_with('.')
        && !line.ends_with(".”")
        && !line.ends_with(".\"")
        && !signed_quote(line)
}

/// "“We will rebuild.” ― Ana Ruiz": a quotation signed with a dash and a name.
fn signed_quote(line: &str) -> bool {
    let Some(dash) = line.rfind(['―', '—', '–']) else {
        return false;
    };
    let (quote, name) = line.split_at(dash);
    let name = name.trim_start_matches(['―', '—', '–']).trim();
    quote.trim_end().ends_with(['”', '"'])
        && !name.is_empty()
        && name.split_whitespace().count() <= 6
        && !name.contains(['”', '"'])
}

/// Normalises a body: paragraphs are blank-line separated blocks, or single lines when the
/// block's lines read as paragraphs of their own; hard-wrapped blocks are joined.
pub fn normalize(body: &str) -> Normalized {
    let body = if body.contains('\r') {
        std::borrow::Cow::Owned(body.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(body)
    };
    let lines: Vec<String> = body.split('\n').map(tidy_line).collect();
    let mut out = Normalized::default();
    let mut block: Vec<String> = Vec::new();
    let mut pending_teaser = false;
    let mut after_separator = false;
    let flush = |block: &mut Vec<String>, out: &mut Normalized| {
        if block.is_empty() {
            return;
        }
        for p in join_block(std::mem::take(block)) {
            out.paragraphs.push(Paragraph {
                repeats: None,
                prose: true,
                text: p,
            });
        }
    };
    for line in lines {
        if line.is_empty() {
            flush(&mut block, &mut out);
            continue;
        }
        if teasers::is_separator(&line) {
            flush(&mut block, &mut out);
            after_separator = true;
            continue;
        }
        if let Some(rest) = teasers::strip_prefix(&line) {
            flush(&mut block, &mut out);
            after_separator = false;
            if rest.is_empty() {
                pending_teaser = true;
            } else {
                out.related_headlines.push(rest.to_string());
            }
            continue;
        }
        if pending_teaser || (after_separator && headline_like(&line)) {
            flush(&mut block, &mut out);
            out.related_headlines.push(line);
            pending_teaser = false;
            after_separator = false;
            continue;
        }
        after_separator = false;
        block.push(line);
    }
    flush(&mut block, &mut out);
    mark_non_prose(&mut out.paragraphs);
    out
}

/// Splits or joins a block of consecutive lines into paragraphs: lines that end a
/// sentence (or are long) stand alone; a block of short lines that break mid-sentence
/// was hard-wrapped and is joined.
fn join_block(block: Vec<String>) -> Vec<String> {
    if block.len() == 1 {
        return block;
    }
    let wrapped = block[..block.len() - 1].iter().any(|l| {
        let end = l.chars().last().unwrap_or('.');
        l.chars().count() <= 100 && (end.is_alphanumeric() || end == ',')
    });
    if wrapped {
        vec![block.join(" ")]
    } else {
        block
    }
}

/// Marks paragraphs that carry no claims: repeated captions, credit lines, bylines,
/// datelines and photo credits.
fn mark_non_prose(paragraphs: &mut [Paragraph]) {
    let mut first: FxHashMap<&str, usize> = FxHashMap::default();
    let mut copies: FxHashMap<&str, usize> = FxHashMap::default();
    // Texts with two copies side by side: a caption doubled by the page's layout.
    let mut doubled: FxHashSet<&str> = FxHashSet::default();
    for (i, p) in paragraphs.iter().enumerate() {
        first.entry(p.text.as_str()).or_insert(i);
        *copies.entry(p.text.as_str()).or_default() += 1;
        if i > 0 && paragraphs[i - 1].text == p.text {
            doubled.insert(p.text.as_str());
        }
    }
    // A repeated caption carries no claims, but a paragraph of prose repeated further on
    // keeps the claims of its first copy; later copies point back at it.
    let repeated: Vec<(bool, Option<usize>)> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let t = p.text.as_str();
            let earlier = first[t];
            let repeats = (earlier != i).then_some(earlier);
            let keep = repeats.is_none() && reads_as_prose(t) && !doubled.contains(t);
            (copies[t] > 1 && !keep, repeats)
        })
        .collect();
    for (p, &(_, repeats)) in paragraphs.iter_mut().zip(&repeated) {
        p.repeats = repeats;
    }
    let repeated: Vec<bool> = repeated.into_iter().map(|(r, _)| r).collect();
    for i in 0..paragraphs.len() {
        let repeated = repeated[i];
        // The markers are ASCII: an ASCII lower-case copy finds them all.
        let t = paragraphs[i].text.to_ascii_lowercase();
        let credit = t.contains("contributed to this report")
            || t.contains("for this report was provided by")
            || t.starts_with("by ") && t.split_whitespace().nth(6).is_none()
            || t.starts_with("photo:")
            || t.starts_with("(file photo")
            || t.ends_with("(file photo)")
            || is_dateline(&t);
        // Headings, decks and captions: short lines without final punctuation.
        let heading = headline_like(&paragraphs[i].text)
            && !paragraphs[i]
                .text
                .ends_with(['!', '?', '”', '"', ':', '\''])
            && paragraphs[i].text.split_whitespace().nth(25).is_none();
        // ''All Bets Are Off.'': a short quotation in title case is a section heading.
        let quoted_heading = {
            let t = paragraphs[i].text.trim_matches(['“', '”', '"', '\'']);
            let words: Vec<&str> = t.split_whitespace().collect();
            t.len() + 2 <= paragraphs[i].text.len()
                && (1..=8).contains(&words.len())
                && !t.contains(['“', '”', '"'])
                && words
                    .iter()
                    .filter(|w| w.chars().count() >= 4)
                    .all(|w| w.starts_with(char::is_uppercase))
        };
        if repeated || credit || heading || quoted_heading {
            paragraphs[i].prose = false;
        }
    }
}

/// Whether a paragraph reads as prose rather than a caption: a dozen words or more,
/// ending like a sentence.
pub fn reads_as_prose(text: &str) -> bool {
    text.split_whitespace().nth(11).is_some()
        && text
            .trim_end()
            .ends_with(['.', '!', '?', '”', '"', '\'', '’'])
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "Friday, August 21, 2015" on its own line.
fn is_dateline(t: &str) -> bool {
    t.split_whitespace().nth(6).is_none()
        && MONTHS.iter().any(|m| t.contains(m))
        && t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teasers_after_separators_and_prefixes_are_moved_out() {
        let n = normalize(
            "First paragraph.\n-\nA Teaser Headline\n-\nAnother Teaser?\nBody goes on.\nRead more: Third one\n",
        );
        assert_eq!(
            n.related_headlines,
            vec!["A Teaser Headline", "Another Teaser?", "Third one"]
        );
        assert_eq!(n.text(), "First paragraph.\n\nBody goes on.");
    }

    #[test]
    fn crlf_bom_and_spaces_are_tidied() {
        let n = normalize("\u{feff}A  b\u{00a0}c.\r\n\r\nD.\r\n");
        assert_eq!(n.text(), "A b c.\n\nD.");
    }

    #[test]
    fn hard_wrapped_blocks_are_joined() {
        let n = normalize("This line is wrapped\nin the middle of a sentence.\n\nNext.");
        assert_eq!(
            n.paragraphs[0].text,
            "This line is wrapped in the middle of a sentence."
        );
    }
}

//! CS108 `text-not-nfc`: text that is not in Unicode normalisation form C.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that the text columns (article title and text, claim and mention text,
    /// cues, names, aliases and descriptions) are in Unicode normalisation form C. In an
    /// article text the finding points at the first character that is not.
    ///
    /// ## Why is this bad?
    /// Offsets count code points, and the same visible text has more code points when
    /// decomposed (`e` + U+0301 instead of `é`). Text that is not NFC gives other tools
    /// other offsets, and names that look equal do not compare equal.
    ///
    /// ## Example
    /// ```text
    /// "Gérald Darmanin" written as G, e, U+0301, r, a, l, d, …
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// "Gérald Darmanin" with the precomposed é (U+00E9), as `claimset convert` writes it
    /// ```
    pub struct TextNotNfc {}
    code = "CS108",
    name = "text-not-nfc",
    severity = Warning,
    help = "normalise the text to NFC (and recompute the offsets into it)",
}

/// Code-point span of the first sequence that NFC would change.
/// Whether `text` is in NFC, as `unicode_normalization::is_nfc` says, looking only at
/// its non-ASCII stretches. An ASCII character never changes under NFC and never combines
/// with what comes before it, so the text can be cut before each one: each stretch of
/// non-ASCII characters is checked with the character before it, which it may combine
/// with.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(run) = first_non_ascii(bytes, from) {
        let end = bytes[run..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |e| run + e);
        // The byte before a stretch is ASCII, hence a whole character.
        if !unicode_normalization::is_nfc(&text[run.saturating_sub(1)..end]) {
            return false;
        }
        from = end;
    }
    true
}

/// The first byte at or after `from` that is not ASCII, eight bytes at a time.
fn first_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|b| !b.is_ascii()).map(|k| i + k)
}

fn first_change(text: &str) -> Option<(u32, u32)> {
    let orig: Vec<char> = text.chars().collect();
    let nfc: Vec<char> = text.nfc().collect();
    let mut i = orig.iter().zip(&nfc).take_while(|(a, b)| a == b).count();
    if i >= orig.len() {
        return None;
    }
    // Step back to the starter the change belongs to.
    while i > 0 && canonical_combining_class(orig[i]) != 0 {
        i -= 1;
    }
    let mut end = i + 1;
    while end < orig.len() && canonical_combining_class(orig[end]) != 0 {
        end += 1;
    }
    Some((i as u32, end as u32))
}

fn check(out: &mut Sink, loc: impl Fn() -> Loc, values: &[(&str, Option<&str>)]) {
    for (column, value) in values {
        if let Some(v) = value
            && !is_nfc(v)
        {
            out.emit(loc(), format!("{column} is not in Unicode NFC"));
        }
    }
}

impl Rule for TextNotNfc {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        check(out, || r.loc(), &[("title", r.title), ("origin", r.origin)]);
        if let Some(text) = r.text
            && !is_nfc(text)
        {
            let span = first_change(text);
            out.emit(
                r.loc().span(span.map(|s| s.0), span.map(|s| s.1)),
                "text is not in Unicode NFC",
            );
        }
    }

    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, out: &mut Sink) {
        check(out, || r.loc(), &[("text", r.text), ("cue", r.cue)]);
    }

    fn source(&mut self, r: &SourceRow<'_>, _: &Context, out: &mut Sink) {
        check(
            out,
            || r.loc(),
            &[("name", r.name), ("description", r.description)],
        );
    }

    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, out: &mut Sink) {
        check(
            out,
            || r.loc(),
            &[("name", r.name), ("description", r.description)],
        );
        if r.aliases.iter().any(|a| !is_nfc(a)) {
            out.emit(r.loc(), "an alias is not in Unicode NFC");
        }
    }

    fn mention(&mut self, r: &MentionRow<'_>, _: &Context, out: &mut Sink) {
        check(out, || r.loc(), &[("text", r.text)]);
    }
}

#[cfg(test)]
mod tests {
    use super::first_change;

    #[test]
    fn nfc_is_judged_as_on_the_whole_text() {
        for text in [
            "plain ascii",
            "caf\u{e9} “quoted”",
            "cafe\u{301} and more",
            "\u{301} leading mark",
            "a\u{308}\u{301}b \u{1100}\u{1161} x",
            "\u{212b}ngstr\u{f6}m",
            "\u{e9}\u{301}",
            "",
        ] {
            assert_eq!(
                super::is_nfc(text),
                unicode_normalization::is_nfc(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn points_at_the_decomposed_character() {
        assert_eq!(first_change("Ge\u{301}rald"), Some((1, 3)));
        assert_eq!(first_change("Gérald"), None);
    }
}

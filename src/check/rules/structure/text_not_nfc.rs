//! CS108 `text-not-nfc`: text that is not in Unicode normalisation form C.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{UnicodeNormalization, is_nfc};

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

fn check(out: &mut Sink, loc: &Loc, values: &[(&str, Option<&str>)]) {
    for (column, value) in values {
        if let Some(v) = value
            && !is_nfc(v)
        {
            out.emit(loc.clone(), format!("{column} is not in Unicode NFC"));
        }
    }
}

impl Rule for TextNotNfc {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        check(out, &r.loc(), &[("title", r.title), ("origin", r.origin)]);
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
        check(out, &r.loc(), &[("text", r.text), ("cue", r.cue)]);
    }

    fn source(&mut self, r: &SourceRow<'_>, _: &Context, out: &mut Sink) {
        check(
            out,
            &r.loc(),
            &[("name", r.name), ("description", r.description)],
        );
    }

    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, out: &mut Sink) {
        check(
            out,
            &r.loc(),
            &[("name", r.name), ("description", r.description)],
        );
        if r.aliases.iter().any(|a| !is_nfc(a)) {
            out.emit(r.loc(), "an alias is not in Unicode NFC");
        }
    }

    fn mention(&mut self, r: &MentionRow<'_>, _: &Context, out: &mut Sink) {
        check(out, &r.loc(), &[("text", r.text)]);
    }
}

#[cfg(test)]
mod tests {
    use super::first_change;

    #[test]
    fn points_at_the_decomposed_character() {
        assert_eq!(first_change("Ge\u{301}rald"), Some((1, 3)));
        assert_eq!(first_change("Gérald"), None);
    }
}

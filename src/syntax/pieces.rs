//! Lining up the article tokenizer with UD tokenisation: word forms normalised for
//! lookup (curly quotes, long dashes), and tokens split the way EWT splits them
//! (`don't` → `do` `n't`, `John's` → `John` `'s`, `well-known` → `well` `-` `known`).

use std::borrow::Cow;

/// The form the tagger and parser look up: straight quotes and apostrophes, `--` for
/// dashes, `...` for an ellipsis.
pub(crate) fn normalise(form: &str) -> Cow<'_, str> {
    if form.is_ascii() {
        return Cow::Borrowed(form);
    }
    let mut out = String::with_capacity(form.len());
    for c in form.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '′' => out.push('\''),
            '“' | '”' | '„' | '″' | '«' | '»' => out.push('"'),
            '—' | '–' | '―' => out.push_str("--"),
            '…' => out.push_str("..."),
            '\u{a0}' => out.push(' '),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Prefixes EWT keeps attached with their hyphen (`e-mail`, `non-stop`, `re-elected`).
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "pre", "anti", "re", "mid", "post", "co", "over", "pro", "multi", "ex", "sub",
    "semi", "neo", "cross", "vice", "un", "socio", "micro", "intra", "inter", "counter", "self",
];

/// Clitics after an apostrophe that EWT makes tokens of.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Appends the byte ranges of `token`'s UD pieces to `out`, with `true` for pieces that
/// come from splitting at hyphens.
pub(crate) fn split(token: &str, out: &mut Vec<(usize, usize, bool)>) {
    let (stem_end, clitic) = contraction(token);
    split_hyphens(token, stem_end, out);
    if let Some(start) = clitic {
        out.push((start, token.len(), false));
    }
}

/// Where the stem of a contraction ends and its clitic starts (`do|n't`, `John|'s`).
fn contraction(token: &str) -> (usize, Option<usize>) {
    let Some((p, a)) = token.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) else {
        return (token.len(), None);
    };
    if p == 0 {
        return (token.len(), None);
    }
    let after = &token[p + a.len_utf8()..];
    let before = &token[..p];
    if after.eq_ignore_ascii_case("t") && before.len() > 1 && before.ends_with(['n', 'N']) {
        let n = p - 1;
        return (n, Some(n));
    }
    if CLITICS.iter().any(|c| after.eq_ignore_ascii_case(c)) {
        return (p, Some(p));
    }
    (token.len(), None)
}

fn split_hyphens(token: &str, end: usize, out: &mut Vec<(usize, usize, bool)>) {
    let stem = &token[..end];
    let splittable = stem.contains('-')
        && !stem.contains(['/', '@', ':', '.'])
        && !HYPHEN_PREFIXES.iter().any(|p| {
            stem.split('-')
                .next()
                .is_some_and(|f| f.eq_ignore_ascii_case(p))
        });
    if !splittable {
        if end > 0 {
            out.push((0, end, false));
        }
        return;
    }
    let mut start = 0;
    for (i, _) in stem.match_indices('-') {
        if i > start {
            out.push((start, i, true));
        }
        out.push((i, i + 1, true));
        start = i + 1;
    }
    if start < end {
        out.push((start, end, true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split(t, &mut v);
        v.iter().map(|&(a, b, _)| &t[a..b]).collect()
    }

    #[test]
    fn splits_like_ewt() {
        assert_eq!(pieces("don't"), ["do", "n't"]);
        assert_eq!(pieces("can’t"), ["ca", "n’t"]);
        assert_eq!(pieces("John's"), ["John", "'s"]);
        assert_eq!(pieces("they’re"), ["they", "’re"]);
        assert_eq!(pieces("well-known"), ["well", "-", "known"]);
        assert_eq!(pieces("e-mail"), ["e-mail"]);
        assert_eq!(pieces("Obama-era's"), ["Obama", "-", "era", "'s"]);
        assert_eq!(pieces("said"), ["said"]);
        assert_eq!(pieces("O'Brien"), ["O'Brien"]);
        assert_eq!(normalise("“Yes”—no"), "\"Yes\"--no");
    }
}

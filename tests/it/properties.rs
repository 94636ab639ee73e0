//! Property tests: for arbitrary input, reading and extraction never panic, and every
//! claim and mention span round-trips (`text[start:end]` in code points is its text).

use std::sync::OnceLock;

use claimset::convert::Validators;
use claimset::extract::Extractor;
use claimset::ingest::{Format, Ingested, read_bytes};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::default)
}

/// Pieces of news prose and of the trouble found in scraped text.
const PIECES: &[&str] = &[
    "The minister",
    "said",
    "told reporters",
    "according to",
    "officials",
    "Reuters",
    "Jama'at Nusrat al-Islam wal-Muslimin",
    "(JNIM)",
    "he",
    "she",
    "they",
    "the group",
    "a security source",
    "experts",
    "claimed responsibility for",
    "Mali",
    "Malian army",
    "Dakar",
    "Dr. A. B. Smith",
    "U.S.",
    "may",
    "likely",
    "appears",
    "that",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "-",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "''",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    "\u{200b}",
    "\u{00ad}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{0301}",
    "e\u{0301}",
    "ﬁ",
    "İ",
    "ß",
    "😀",
    "👩‍👩‍👧",
    "中文",
    "العربية",
    "Read more:",
    "READ ALSO:",
    "Related:",
    "-",
    "#",
    "---",
    "\u{0}",
    "\u{7}",
    "\u{2028}",
];

/// Text made of news pieces and arbitrary characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?",
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 && !p.starts_with(['\n', ',', '.', ' ']) {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

/// Reads `bytes` as `format` and checks every extracted span.
fn check_spans(bytes: &[u8], format: Option<Format>) -> Result<(), TestCaseError> {
    let mut out = Ingested::default();
    read_bytes("prop.txt", format, bytes, &mut out);
    let validators = Validators::default();
    for doc in &out.documents {
        let x = extractor().extract(doc);
        let chars: Vec<char> = x.article.text.chars().collect();
        let spans = x
            .claims
            .iter()
            .map(|c| (c.start, c.end, &c.text))
            .chain(x.mentions.iter().map(|m| (m.start, m.end, &m.text)));
        for (start, end, text) in spans {
            let (s, e) = (start as usize, end as usize);
            prop_assert!(
                s <= e && e <= chars.len(),
                "span {s}..{e} of {}",
                chars.len()
            );
            let span: String = chars[s..e].iter().collect();
            prop_assert_eq!(&span, text);
        }
        // Schema violations are possible (and reported as rejections); panics are not.
        let _ = validators.check(&x);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_converts_without_panic_and_spans_round_trip(
        head in "[A-Za-z ]{0,30}",
        body in newsy_text(),
    ) {
        let text = format!("{head}\n{body}");
        check_spans(text.as_bytes(), Some(Format::Text))?;
        check_spans(text.as_bytes(), Some(Format::Markdown))?;
    }

    #[test]
    fn any_bytes_are_read_or_rejected_without_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        format in proptest::sample::select(vec![
            None, Some(Format::Text), Some(Format::Markdown), Some(Format::Jsonl), Some(Format::Html),
        ]),
    ) {
        check_spans(&bytes, format)?;
    }

    #[test]
    fn any_tag_soup_is_read_or_rejected_without_panic(
        parts in proptest::collection::vec(prop_oneof![
            proptest::sample::select(vec![
                "<html>", "<head>", "<title>", "</title>", "<body>", "<article>", "</article>",
                "<h1>", "</h1>", "<p>", "</p>", "<div class='share'>", "</div>", "<br>",
                "<script>", "</script>", "<nav>", "</nav>", "<!--", "-->", "<b>", "</i>",
                "<meta property='og:site_name' content='X'>", "<time datetime='2024-01-02'>",
                "<table><tr><td>", "&amp;", "&#x202e;", "<", ">", "\"", "'",
            ]).prop_map(str::to_string),
            newsy_text(),
        ], 0..60),
    ) {
        check_spans(parts.concat().as_bytes(), Some(Format::Html))?;
    }
}

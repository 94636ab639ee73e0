//! Fuzz target: raw bytes → ingest (any format) → extraction → schema validation.
//!
//! A first byte of 1 to 4 picks the format (text, Markdown, JSONL, HTML); anything else
//! is read like stdin, with the format sniffed. Reading must never panic, and every claim
//! and mention span must round-trip in code points.

#![no_main]

use std::sync::OnceLock;

use claimset::convert::Validators;
use claimset::extract::Extractor;
use claimset::ingest::{Format, Ingested, read_bytes};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static (Extractor, Validators) {
    static ENGINE: OnceLock<(Extractor, Validators)> = OnceLock::new();
    ENGINE.get_or_init(|| (Extractor::default(), Validators::default()))
}

fuzz_target!(|data: &[u8]| {
    let (format, bytes) = match data.split_first() {
        Some((1, rest)) => (Some(Format::Text), rest),
        Some((2, rest)) => (Some(Format::Markdown), rest),
        Some((3, rest)) => (Some(Format::Jsonl), rest),
        Some((4, rest)) => (Some(Format::Html), rest),
        _ => (None, data),
    };
    let mut out = Ingested::default();
    read_bytes("fuzz", format, bytes, &mut out);
    let (extractor, validators) = engine();
    for doc in &out.documents {
        let x = extractor.extract(doc);
        let chars: Vec<char> = x.article.text.chars().collect();
        let spans = x
            .claims
            .iter()
            .map(|c| (c.start, c.end, &c.text))
            .chain(x.mentions.iter().map(|m| (m.start, m.end, &m.text)));
        for (start, end, text) in spans {
            let (s, e) = (start as usize, end as usize);
            assert!(s <= e && e <= chars.len(), "span {s}..{e} of {}", chars.len());
            assert_eq!(&chars[s..e].iter().collect::<String>(), text);
        }
        let _ = validators.check(&x);
    }
});

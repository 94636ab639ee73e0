//! Criterion benchmarks of extraction over generated articles (`benches/common/synth.rs`).
//!
//! - `stage/*`: each step of `Extractor::extract` on the same 20 articles of ~5 KB
//!   (normalise, tokenise, sentences, quotations, actors, attribution) and the whole of
//!   it, throughput in bytes of article body, so criterion prints MB/s;
//! - `size/extract/{1x,10x,100x}`: `Extractor::extract` on ~500 KB of text as 100 articles
//!   of ~5 KB, 10 of ~50 KB and 1 of ~500 KB. Equal MB/s across the three means cost grows
//!   linearly with article length.
//!
//! ```sh
//! cargo bench --bench extract              # everything (a few minutes)
//! cargo bench --bench extract -- size/     # the linearity group only
//! cargo bench --bench extract -- stage/quotes
//! ```
//!
//! `cargo test --all-targets` runs each benchmark once, unoptimised, as a smoke test.

#[path = "common/synth.rs"]
mod synth;

use std::hint::black_box;
use std::ops::Range;
use std::time::Duration;

use claimset::extract::Extractor;
use claimset::extract::attribution::{Context, History, quoted_stretches};
use claimset::extract::entities::{EntityMatcher, find_actors};
use claimset::extract::lexicon::Lexicon;
use claimset::extract::normalize::{PARAGRAPH_BREAK, normalize};
use claimset::extract::quotes::{Quote, find_quotes};
use claimset::extract::segment::{sentences, tokenize};
use claimset::ingest::{Document, parse_date};
use claimset::model::sha256_hex;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

/// Seed of the benchmark articles (the corpus example's default seed).
const SEED: u64 = 1;

/// Article `i` at `scale` as ingest would hand it to extraction (a JSONL line).
fn document(i: u64, scale: u32) -> Document {
    let a = synth::article(SEED, i, scale);
    Document {
        origin: format!("bench.jsonl:{}", i + 1),
        raw_sha256: sha256_hex(a.jsonl().as_bytes()),
        title: a.title,
        body: a.text,
        url: Some(a.url),
        outlet: Some(a.outlet),
        published: parse_date(&a.published),
        language: a.language,
        notes: Vec::new(),
    }
}

fn body_bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.body.len() as u64).sum()
}

/// One article taken through the steps of `Extractor::extract` up to attribution, so each
/// step can be measured on its own input.
struct Prepared {
    text: String,
    paragraphs: Vec<Range<usize>>,
    prose: Vec<bool>,
    quotes: Vec<Quote>,
    /// (paragraph, sentence range), in text order.
    units: Vec<(usize, Range<usize>)>,
}

impl Prepared {
    fn new(doc: &Document) -> Self {
        let norm = normalize(&doc.body);
        let text = norm.text();
        let mut paragraphs = Vec::with_capacity(norm.paragraphs.len());
        let mut at = 0;
        for p in &norm.paragraphs {
            paragraphs.push(at..at + p.text.len());
            at += p.text.len() + PARAGRAPH_BREAK.len();
        }
        let (quotes, _) = find_quotes(&text, &paragraphs);
        let units = split(&text, &paragraphs, &quotes);
        Prepared {
            prose: norm.paragraphs.iter().map(|p| p.prose).collect(),
            text,
            paragraphs,
            quotes,
            units,
        }
    }

    fn sentence_ranges(&self) -> Vec<Range<usize>> {
        self.units.iter().map(|(_, s)| s.clone()).collect()
    }
}

/// Sentences of every paragraph, never inside a quotation.
fn split(text: &str, paragraphs: &[Range<usize>], quotes: &[Quote]) -> Vec<(usize, Range<usize>)> {
    let protected: Vec<Range<usize>> = quotes.iter().map(|q| q.outer.clone()).collect();
    paragraphs
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| {
            sentences(text, p.clone(), &protected)
                .into_iter()
                .map(move |s| (pi, s))
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let extractor = Extractor::default();
    let lex = Lexicon::bundled();
    let matcher = EntityMatcher::new(&lex);
    let docs: Vec<Document> = (0..20).map(|i| document(i, 1)).collect();
    let prepared: Vec<Prepared> = docs.iter().map(Prepared::new).collect();

    let mut g = c.benchmark_group("stage");
    g.sample_size(20);
    g.throughput(Throughput::BytesDecimal(body_bytes(&docs)));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(normalize(black_box(&d.body)).text());
            }
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            for p in &prepared {
                for r in &p.paragraphs {
                    black_box(tokenize(&p.text, r.clone()));
                }
            }
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(split(&p.text, &p.paragraphs, &p.quotes));
            }
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(find_quotes(&p.text, &p.paragraphs));
            }
        })
    });
    g.bench_function("entities", |b| {
        let ranges: Vec<Vec<Range<usize>>> = prepared.iter().map(|p| p.sentence_ranges()).collect();
        b.iter(|| {
            for (p, r) in prepared.iter().zip(&ranges) {
                black_box(find_actors(&p.text, r, &lex, &matcher));
            }
        })
    });
    g.bench_function("attribution", |b| {
        let actors: Vec<_> = prepared
            .iter()
            .map(|p| find_actors(&p.text, &p.sentence_ranges(), &lex, &matcher))
            .collect();
        let quoted: Vec<_> = prepared
            .iter()
            .map(|p| quoted_stretches(&p.quotes))
            .collect();
        let sentences: Vec<Vec<Range<usize>>> =
            prepared.iter().map(|p| p.sentence_ranges()).collect();
        b.iter(|| {
            for (((p, found), quoted), sentences) in
                prepared.iter().zip(&actors).zip(&quoted).zip(&sentences)
            {
                let ctx = Context {
                    text: &p.text,
                    lex: &lex,
                    actors: found,
                    quotes: &p.quotes,
                    paragraphs: &p.paragraphs,
                    quoted,
                    sentences,
                };
                let mut history = History::default();
                for (pi, s) in &p.units {
                    if p.prose[*pi] {
                        black_box(ctx.attribute(s.clone(), *pi, &mut history));
                    }
                }
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(extractor.extract(black_box(d)));
            }
        })
    });
    g.finish();

    // Compiling the lexicons: once per run (or per worker thread), not per article.
    let mut g = c.benchmark_group("setup");
    g.sample_size(10);
    g.bench_function("extractor_new", |b| {
        b.iter(|| black_box(Extractor::new(Lexicon::bundled())))
    });
    g.finish();
}

fn sizes(c: &mut Criterion) {
    let extractor = Extractor::default();
    let mut g = c.benchmark_group("size");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.measurement_time(Duration::from_secs(10));
    for (scale, count) in [(1u32, 100u64), (10, 10), (100, 1)] {
        let docs: Vec<Document> = (0..count).map(|i| document(i, scale)).collect();
        g.throughput(Throughput::BytesDecimal(body_bytes(&docs)));
        g.bench_with_input(
            BenchmarkId::new("extract", format!("{scale}x")),
            &docs,
            |b, docs| {
                b.iter(|| {
                    for d in docs {
                        black_box(extractor.extract(black_box(d)));
                    }
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, stages, sizes);
criterion_main!(benches);

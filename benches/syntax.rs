//! Speed of the syntax layer: the time to load the embedded model, then tagging and
//! parsing throughput (tokens/s, one thread) over the committed slice of EWT test.
//!
//! ```sh
//! cargo bench --bench syntax
//! ```
//!
//! Without `--bench` (as `cargo test --all-targets` runs it) it makes one pass as a
//! smoke test.

use std::hint::black_box;
use std::time::Instant;

use claimset::syntax::{Model, read_conllu};

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/syntax/en_ewt-test-slice.conllu"
    );
    let text = std::fs::read_to_string(path).expect("the committed slice");
    let gold = read_conllu(&text, path).expect("valid CoNLL-U");
    let sentences: Vec<Vec<&str>> = gold.iter().map(|s| s.forms()).collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();

    let start = Instant::now();
    let model = Model::embedded();
    println!("model load: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);

    let passes = if full { 30 } else { 1 };
    // Warm up the caches and the thread's buffers.
    for s in &sentences {
        black_box(model.analyse_ud(s));
    }
    let start = Instant::now();
    for _ in 0..passes {
        for s in &sentences {
            black_box(model.analyse_ud(black_box(s)));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "tag + parse: {} tokens x {passes} in {:.3} s: {:.0} tokens/s",
        tokens,
        secs,
        (tokens * passes) as f64 / secs
    );
}

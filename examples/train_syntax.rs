//! Trains the syntax model (tagger, parser, lexicon) from UD CoNLL-U files and writes it
//! where `claimset::syntax::Model::embedded` reads it from.
//!
//! ```text
//! cargo run --release --example train_syntax -- \
//!     --train UD/en_ewt-ud-train.conllu --dev UD/en_ewt-ud-dev.conllu \
//!     --out src/syntax/model/en_ewt.bin
//! ```
//!
//! `--train` may be given more than once (the final model adds dev to train); each
//! `--dev` file is scored after training.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use claimset::syntax::{ConlluSentence, Model, TrainOptions, evaluate, read_conllu, train};
use clap::Parser;

#[derive(Debug, Parser)]
struct Args {
    /// Training data (CoNLL-U); repeat to concatenate files.
    #[arg(long, required = true)]
    train: Vec<PathBuf>,
    /// Data scored after training (CoNLL-U); repeatable.
    #[arg(long)]
    dev: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Tagger epochs.
    #[arg(long, default_value_t = TrainOptions::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Parser epochs.
    #[arg(long, default_value_t = TrainOptions::default().parser_epochs)]
    parser_epochs: usize,
    /// Parser training runs (different seeds) averaged into the model.
    #[arg(long, default_value_t = TrainOptions::default().parser_runs)]
    parser_runs: usize,
    /// Jackknife folds for the parser's training tags.
    #[arg(long, default_value_t = TrainOptions::default().folds)]
    folds: usize,
    /// log2 of the tagger table's rows.
    #[arg(long, default_value_t = TrainOptions::default().tagger_bits)]
    tagger_bits: u32,
    /// log2 of the tagger's second-pass table's rows.
    #[arg(long, default_value_t = TrainOptions::default().right_bits)]
    right_bits: u32,
    /// log2 of the transition table's rows.
    #[arg(long, default_value_t = TrainOptions::default().parser_bits)]
    parser_bits: u32,
    /// log2 of the relation table's rows.
    #[arg(long, default_value_t = TrainOptions::default().label_bits)]
    label_bits: u32,
}

fn read(path: &PathBuf) -> anyhow::Result<Vec<ConlluSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(read_conllu(&text, &path.display().to_string())?)
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let start = Instant::now();
    let mut sentences = Vec::new();
    for p in &args.train {
        sentences.extend(read(p)?);
    }
    let opts = TrainOptions {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        parser_runs: args.parser_runs,
        folds: args.folds,
        tagger_bits: args.tagger_bits,
        right_bits: args.right_bits,
        parser_bits: args.parser_bits,
        label_bits: args.label_bits,
        ..TrainOptions::default()
    };
    let model = train(&sentences, &opts, &mut |line| eprintln!("{line}"))?;
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB) after {:.0?}",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        start.elapsed()
    );
    let t = Instant::now();
    let model = Model::from_bytes(&bytes)?;
    eprintln!("model loads in {:.0?}", t.elapsed());
    for p in &args.dev {
        let gold = read(p)?;
        let t = Instant::now();
        let s = evaluate(&model, &gold);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{}: {s}\n{:.0} words/s",
            p.display(),
            s.words as f64 / secs.max(1e-9)
        );
    }
    Ok(())
}

//! `claimset parse`: tag and parse text or CoNLL-U with the syntax model, or score the
//! model against a gold CoNLL-U file.

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;

use super::Outcome;
use crate::extract::sentence_tokens;
use crate::syntax::{ConlluSentence, Model, evaluate, read_conllu, write_conllu};

/// Tag and parse with the syntax model (UPOS, lemmas, UD dependency trees), as CoNLL-U.
///
/// With TEXT, the text is cut into sentences and tokens by the article tokenizer (the
/// tokens claims and mentions are made of) and each sentence is printed as CoNLL-U: the
/// view that shows why an attribution came out as it did. With --conllu, the words of a
/// CoNLL-U file are kept (with its comments, multiword lines and MISC column) and
/// columns 3-9 are predicted (FEATS and DEPS `_`). With --eval, the words of a gold
/// CoNLL-U file are analysed and UPOS accuracy, UAS and LAS are printed (punctuation
/// included; LAS on universal relations, as the CoNLL 2018 scorer).
///
/// Examples:
///   claimset parse "The minister said the plan had failed."
///   claimset parse --conllu en_ewt-ud-test.conllu > predicted.conllu
///   cat sentences.conllu | claimset parse --conllu -
///   claimset parse --eval en_ewt-ud-test.conllu
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Text to tokenise and parse.
    #[arg(conflicts_with_all = ["conllu", "eval"], required_unless_present_any = ["conllu", "eval"])]
    text: Option<String>,
    /// A CoNLL-U file whose words to parse (`-` for stdin).
    #[arg(long, value_name = "FILE", conflicts_with = "eval")]
    conllu: Option<PathBuf>,
    /// A gold CoNLL-U file to score the model against (`-` for stdin).
    #[arg(long, value_name = "FILE")]
    eval: Option<PathBuf>,
}

fn read_input(path: &PathBuf) -> anyhow::Result<(String, String)> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read stdin")?;
        Ok(("<stdin>".into(), text))
    } else {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Ok((path.display().to_string(), text))
    }
}

/// Writes through the shared stdout; a closed pipe ends the run quietly in `cli::main`.
fn print(text: &str) -> anyhow::Result<()> {
    Ok(super::print_out(text)?)
}

/// Runs `claimset parse`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let model = Model::embedded();
    if let Some(path) = &args.eval {
        let (name, text) = read_input(path)?;
        let gold = read_conllu(&text, &name)?;
        let start = Instant::now();
        let s = evaluate(model, &gold);
        let secs = start.elapsed().as_secs_f64();
        print(&format!(
            "{name}: {s}\n{:.0} words/s\n",
            s.words as f64 / secs.max(1e-9),
        ))?;
        return Ok(Outcome::Success);
    }
    let parsed: Vec<ConlluSentence> = if let Some(path) = &args.conllu {
        let (name, text) = read_input(path)?;
        read_conllu(&text, &name)?
            .iter()
            .map(|s| s.with_analysis(&model.analyse_ud(&s.forms())))
            .collect()
    } else {
        let body = args.text.as_deref().unwrap_or_default();
        let (text, sentences) = sentence_tokens(body);
        sentences
            .iter()
            .map(|(range, tokens)| {
                let forms: Vec<&str> = tokens.iter().map(|t| t.text(&text)).collect();
                ConlluSentence::from_tokens(&text[range.clone()], &forms)
                    .with_analysis(&model.analyse(&forms))
            })
            .collect()
    };
    print(&write_conllu(&parsed))?;
    Ok(Outcome::Success)
}

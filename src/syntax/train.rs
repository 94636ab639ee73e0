//! Training a model from CoNLL-U treebanks: the tagger on gold tags, the parser on tags
//! predicted by taggers trained on the other folds (jackknifing), the lexicon from the
//! lemma and XPOS columns. Deterministic: fixed seeds, fixed fold assignment.

use std::time::Instant;

use rayon::prelude::*;

use super::ConlluSentence;
use super::features::Feats;
use super::features::Word;
use super::lemma::Lexicon;
use super::model::{Model, SyntaxError};
use super::parser::{self, ParseExample, token_values};
use super::perceptron::Table;
use super::pieces::normalise;
use super::tagger::{NTAGS, RightExample, TagScratch, Tagger};
use super::types::{Deprel, Upos};

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes of the tagger over the data. Defaults to 4.
    pub tagger_epochs: usize,
    /// Passes of the parser over the data. Defaults to 15.
    pub parser_epochs: usize,
    /// Parsers trained with different seeds whose weights are averaged into the
    /// model's. Defaults to 1.
    pub parser_runs: usize,
    /// Folds for the tags the parser trains on (1: the final tagger's own tags on
    /// its training data). Defaults to 4.
    pub folds: usize,
    /// The tagger's table has `2^tagger_bits` rows. Defaults to 19.
    pub tagger_bits: u32,
    /// The tagger's second-pass table has `2^right_bits` rows. Defaults to 18.
    pub right_bits: u32,
    /// The transition table has `2^parser_bits` rows. Defaults to 21.
    pub parser_bits: u32,
    /// The relation table has `2^label_bits` rows. Defaults to 17.
    pub label_bits: u32,
    /// The seed of shuffling and exploration. Defaults to 1.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 4,
            parser_epochs: 15,
            parser_runs: 1,
            folds: 4,
            tagger_bits: 19,
            right_bits: 18,
            parser_bits: 21,
            label_bits: 17,
            seed: 1,
        }
    }
}

/// Trains a model on `sentences` (gold UPOS, heads and relations required); `log`
/// receives progress lines.
pub fn train(
    sentences: &[ConlluSentence],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Model, SyntaxError> {
    let start = Instant::now();
    let mut chars = Vec::new();
    let mut tag_data = Vec::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        let mut words = Vec::with_capacity(s.tokens.len());
        let mut tags = Vec::with_capacity(s.tokens.len());
        for t in &s.tokens {
            let u = Upos::parse(&t.upos).ok_or_else(|| SyntaxError::Conllu {
                file: "training data".into(),
                line: 0,
                message: format!("sentence {}: unknown UPOS {:?}", k + 1, t.upos),
            })?;
            words.push(Word::new(&normalise(&t.form), &mut chars));
            tags.push(u as u8);
        }
        tag_data.push((words, tags));
    }
    let folds = opts.folds.max(1);
    log(&format!(
        "training the tagger ({} sentences, {} epochs) and {} jackknife taggers",
        sentences.len(),
        opts.tagger_epochs,
        if folds > 1 { folds } else { 0 }
    ));
    // Job 0 is the final tagger, jobs 1..=folds the jackknife taggers.
    let jobs: Vec<usize> = if folds > 1 {
        (0..=folds).collect()
    } else {
        vec![0]
    };
    let taggers: Vec<Tagger> = jobs
        .par_iter()
        .map(|&j| {
            let part: Vec<(Vec<Word>, Vec<u8>)> = if j == 0 {
                tag_data.clone()
            } else {
                tag_data
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != j - 1)
                    .map(|(_, d)| d.clone())
                    .collect()
            };
            Tagger::train(
                &part,
                opts.tagger_epochs,
                opts.tagger_bits,
                opts.seed + j as u64,
            )
        })
        .collect();
    log(&format!("taggers trained in {:.0?}", start.elapsed()));

    // The first pass of each sentence by a tagger that did not see it.
    let mut f = Feats::new(opts.tagger_bits);
    let mut amb = Vec::new();
    let mut pred = Vec::new();
    let mut first_scores = Vec::new();
    let mut right_data = Vec::with_capacity(sentences.len());
    let fold_of = |i: usize| if folds > 1 { 1 + i % folds } else { 0 };
    for (i, (words, gold)) in tag_data.iter().enumerate() {
        let tagger = &taggers[fold_of(i)];
        tagger.first_pass(words, &mut amb, &mut f, &mut pred, &mut first_scores);
        debug_assert_eq!(first_scores.len(), words.len() * NTAGS);
        right_data.push(RightExample {
            words: words.clone(),
            gold: gold.clone(),
            first: pred.clone(),
            scores: first_scores
                .iter()
                .map(|&x| {
                    if x == i32::MIN {
                        f32::MIN
                    } else {
                        x as f32 / tagger.scale
                    }
                })
                .collect(),
        });
    }
    // The second passes: the final one on all sentences, each jackknife one on the
    // sentences of its tagger.
    let rights: Vec<Table> = jobs
        .par_iter()
        .map(|&j| {
            let part: Vec<&RightExample> = right_data
                .iter()
                .enumerate()
                .filter(|&(i, _)| j == 0 || i % folds != j - 1)
                .map(|(_, ex)| ex)
                .collect();
            Tagger::train_right(
                &part,
                opts.tagger_epochs,
                opts.right_bits,
                opts.seed + 100 + j as u64,
                taggers[j].scale,
            )
        })
        .collect();
    drop(right_data);
    let mut taggers = taggers;
    for (t, r) in taggers.iter_mut().zip(rights) {
        t.right = Some(r);
    }
    log(&format!(
        "second tagger passes trained at {:.0?}",
        start.elapsed()
    ));

    let mut sc = TagScratch::new(&taggers[0]);
    let mut examples = Vec::with_capacity(sentences.len());
    let mut correct = 0usize;
    let mut total = 0usize;
    for (i, (s, (words, gold))) in sentences.iter().zip(&tag_data).enumerate() {
        taggers[fold_of(i)].tag(words, &mut sc, &mut pred);
        correct += pred.iter().zip(gold).filter(|(a, b)| a == b).count();
        total += gold.len();
        let (mut w, mut t, mut sfx) = (Vec::new(), Vec::new(), Vec::new());
        token_values(words, &pred, &mut w, &mut t, &mut sfx);
        let mut head = vec![0u32];
        let mut label = vec![0u8];
        for tok in &s.tokens {
            head.push(tok.head);
            label.push(Deprel::parse_lenient(&tok.deprel) as u8);
        }
        examples.push(ParseExample {
            w,
            t,
            s: sfx,
            head,
            label,
        });
    }
    log(&format!(
        "jackknifed tags: {:.2}% correct; training the parser ({} runs of {} epochs)",
        100.0 * correct as f64 / total.max(1) as f64,
        opts.parser_runs,
        opts.parser_epochs
    ));
    let tagger = taggers.into_iter().next().expect("the final tagger");
    let parser = parser::train(
        &examples,
        opts.parser_epochs,
        opts.parser_bits,
        opts.label_bits,
        opts.seed,
        opts.parser_runs,
    );
    log(&format!("parser trained at {:.0?}", start.elapsed()));

    let lexicon = Lexicon::learn(sentences.iter().flat_map(|s| {
        s.tokens.iter().filter_map(|t| {
            Upos::parse(&t.upos).map(|u| (t.form.as_str(), u, t.xpos.as_str(), t.lemma.as_str()))
        })
    }));
    Ok(Model {
        tagger,
        parser,
        lexicon,
    })
}

//! Scoring a model against gold CoNLL-U: UPOS accuracy, UAS and LAS over every word,
//! punctuation included, on the gold tokenisation (as the CoNLL 2018 scorer does when
//! the tokens are given).

use super::{ConlluSentence, Model, Upos};

/// The counts and rates of an evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Words with the gold UPOS tag.
    pub upos: usize,
    /// Words with the gold head.
    pub uas: usize,
    /// Words with the gold head and relation, universal part only (`nsubj:pass` counts
    /// as `nsubj`), the CoNLL 2018 definition.
    pub las: usize,
    /// Words with the gold head and the full relation, subtype included.
    pub las_full: usize,
    /// Words with the gold lemma.
    pub lemma: usize,
}

impl Scores {
    fn pct(&self, n: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.words as f64
        }
    }

    /// UPOS accuracy in percent.
    pub fn upos_pct(&self) -> f64 {
        self.pct(self.upos)
    }

    /// Unlabelled attachment score in percent.
    pub fn uas_pct(&self) -> f64 {
        self.pct(self.uas)
    }

    /// Labelled attachment score in percent (universal relations).
    pub fn las_pct(&self) -> f64 {
        self.pct(self.las)
    }

    /// Labelled attachment score in percent, with subtypes.
    pub fn las_full_pct(&self) -> f64 {
        self.pct(self.las_full)
    }

    /// Lemma accuracy in percent (case-sensitive).
    pub fn lemma_pct(&self) -> f64 {
        self.pct(self.lemma)
    }
}

/// The scores as a report, one figure a line: sentences and words, UPOS, UAS, LAS (and
/// with subtypes), lemma.
impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} sentences, {} words\nUPOS   {:6.2}\nUAS    {:6.2}\nLAS    {:6.2}  (with subtypes {:.2})\nLemma  {:6.2}",
            self.sentences,
            self.words,
            self.upos_pct(),
            self.uas_pct(),
            self.las_pct(),
            self.las_full_pct(),
            self.lemma_pct(),
        )
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Analyses the words of each gold sentence and counts agreement with the gold columns.
pub fn evaluate(model: &Model, gold: &[ConlluSentence]) -> Scores {
    let mut s = Scores::default();
    for sent in gold {
        let forms = sent.forms();
        let a = model.analyse_ud(&forms);
        s.sentences += 1;
        for (i, t) in sent.tokens.iter().enumerate() {
            s.words += 1;
            s.upos += (Upos::parse(&t.upos) == Some(a.upos[i])) as usize;
            s.lemma += (t.lemma == a.lemma[i]) as usize;
            if t.head == a.head[i] {
                s.uas += 1;
                let rel = a.deprel[i].as_str();
                s.las += (universal(&t.deprel) == universal(rel)) as usize;
                s.las_full += (t.deprel == rel) as usize;
            }
        }
    }
    s
}

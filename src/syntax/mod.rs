//! The syntax layer: part-of-speech tags, lemmas and labelled dependency trees in
//! Universal Dependencies terms, from a model trained on the UD English EWT treebank.
//!
//! The layer depends on nothing else in the crate. [`Model::embedded`] is the shipped
//! model (loaded once, lazily); [`Model::analyse`] takes the tokens of one sentence as
//! the article tokenizer cuts them (`don't`, `John's`, `well-known` as one token each,
//! curly quotes and long dashes as they stand) and returns one tag, lemma, head and
//! relation per token; inside, such tokens are split the UD way and the analysis of the
//! pieces is folded back onto them. [`Model::analyse_ud`] takes tokens that already
//! follow UD tokenisation (a CoNLL-U file's) and keeps them as they are.
//!
//! Heads are 1-based like CoNLL-U: `head[i] == 0` means token `i` is the root, otherwise
//! `head[i] - 1` is the index of its head. Every analysis is a tree with one root.
//!
//! The tagger is a greedy averaged perceptron with a second pass that sees the first
//! pass's tags of the next words; the parser a greedy arc-hybrid
//! transition parser trained with a dynamic oracle, with a separate perceptron for the
//! relation of each arc. Features are hashed into fixed tables of quantised weights.

mod conllu;
mod eval;
mod features;
mod lemma;
mod model;
mod parser;
mod perceptron;
mod pieces;
mod tagger;
mod train;
mod types;

pub use conllu::{ConlluSentence, ConlluToken, read_conllu, write_conllu};
pub use eval::{Scores, evaluate};
pub use model::{Model, SyntaxError};
pub use train::{TrainOptions, train};
pub use types::{Deprel, Upos};

/// The analysis of one sentence: one entry per input token in every vector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Universal part-of-speech tags.
    pub upos: Vec<Upos>,
    /// Penn Treebank tags (`NN`, `VBD`, …) as EWT uses them, looked up from the word and
    /// its UPOS tag: a convenience, less accurate than `upos`.
    pub xpos: Vec<&'static str>,
    /// Lemmas: lower case except for proper nouns (`said` → `say`, `claims` → `claim`).
    pub lemma: Vec<String>,
    /// Heads, 1-based: 0 is the root, `n` is the token at index `n - 1`.
    pub head: Vec<u32>,
    /// The relation of each token to its head (`root` for the root).
    pub deprel: Vec<Deprel>,
}

impl Analysis {
    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    /// The 0-based index of token `i`'s head, `None` for the root.
    pub fn head_of(&self, i: usize) -> Option<usize> {
        match self.head[i] {
            0 => None,
            h => Some(h as usize - 1),
        }
    }

    /// The index of the root token.
    pub fn root(&self) -> Option<usize> {
        self.head.iter().position(|&h| h == 0)
    }

    /// The 0-based indices of token `i`'s children, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let target = i as u32 + 1;
        self.head
            .iter()
            .enumerate()
            .filter(move |&(_, &h)| h == target)
            .map(|(j, _)| j)
    }

    /// The first child of token `i` with relation `rel`.
    pub fn child_with(&self, i: usize, rel: Deprel) -> Option<usize> {
        self.children(i).find(|&j| self.deprel[j] == rel)
    }

    /// The span of token indices `i` and its descendants cover: `first..last + 1`. For a
    /// non-projective subtree the range also holds tokens outside it.
    pub fn subtree(&self, i: usize) -> std::ops::Range<usize> {
        let (mut lo, mut hi) = (i, i);
        for j in 0..self.len() {
            if j != i && self.dominates(i, j) {
                lo = lo.min(j);
                hi = hi.max(j);
            }
        }
        lo..hi + 1
    }

    /// Whether `a` is `b` or an ancestor of `b`.
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut cur = Some(b);
        let mut steps = 0;
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            steps += 1;
            if steps > self.len() {
                return false;
            }
            cur = self.head_of(c);
        }
        false
    }
}

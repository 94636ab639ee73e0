//! Reading and writing CoNLL-U: sentences of tokens with their comments and multiword
//! token lines, in the order the file has them.

use std::fmt::Write as _;

use super::model::SyntaxError;
use super::{Analysis, Upos};

/// One word line of a CoNLL-U file (columns 1 to 10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluToken {
    /// Column 2.
    pub form: String,
    /// Column 3.
    pub lemma: String,
    /// Column 4.
    pub upos: String,
    /// Column 5.
    pub xpos: String,
    /// Column 6.
    pub feats: String,
    /// Column 7: 0 for the root, `_` read as 0.
    pub head: u32,
    /// Column 8.
    pub deprel: String,
    /// Column 9.
    pub deps: String,
    /// Column 10.
    pub misc: String,
}

/// A line of a sentence besides its words.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Extra {
    /// A comment, `#` included.
    Comment(String),
    /// A multiword token (`3-4 don't`): its range, form and MISC column.
    Multiword {
        range: String,
        form: String,
        misc: String,
    },
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// The word lines, in order (IDs 1..=n).
    pub tokens: Vec<ConlluToken>,
    /// Comments and multiword lines, each with the number of words before it.
    extras: Vec<(usize, Extra)>,
}

impl ConlluSentence {
    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.form.as_str()).collect()
    }

    /// The sentence with columns 3 to 9 replaced by `analysis` (FEATS and DEPS `_`);
    /// forms, MISC, comments and multiword lines are kept.
    pub fn with_analysis(&self, analysis: &Analysis) -> ConlluSentence {
        let tokens = self
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| ConlluToken {
                form: t.form.clone(),
                lemma: analysis.lemma[i].clone(),
                upos: analysis.upos[i].as_str().to_string(),
                xpos: analysis.xpos[i].to_string(),
                feats: "_".into(),
                head: analysis.head[i],
                deprel: analysis.deprel[i].as_str().to_string(),
                deps: "_".into(),
                misc: t.misc.clone(),
            })
            .collect();
        ConlluSentence {
            tokens,
            extras: self.extras.clone(),
        }
    }

    /// A sentence of bare tokens (everything but the form `_`) with a `# text` comment.
    pub fn from_tokens(text: &str, forms: &[&str]) -> ConlluSentence {
        ConlluSentence {
            tokens: forms
                .iter()
                .map(|f| ConlluToken {
                    form: f.to_string(),
                    lemma: "_".into(),
                    upos: "_".into(),
                    xpos: "_".into(),
                    feats: "_".into(),
                    head: 0,
                    deprel: "_".into(),
                    deps: "_".into(),
                    misc: "_".into(),
                })
                .collect(),
            extras: vec![(0, Extra::Comment(format!("# text = {text}")))],
        }
    }

    /// The gold UPOS tags, `None` where the column holds no known tag.
    pub fn gold_upos(&self) -> Vec<Option<Upos>> {
        self.tokens.iter().map(|t| Upos::parse(&t.upos)).collect()
    }
}

/// Parses CoNLL-U text; `name` (the file) goes into error messages. Empty nodes
/// (decimal IDs) are skipped: they belong to enhanced graphs, not to basic trees.
pub fn read_conllu(text: &str, name: &str) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    let bad = |line: usize, message: String| SyntaxError::Conllu {
        file: name.to_string(),
        line,
        message,
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() || !cur.extras.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.extras
                .push((cur.tokens.len(), Extra::Comment(line.to_string())));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(
                line_no,
                format!("a word line has {} columns, not 10", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if id.contains('-') {
            cur.extras.push((
                cur.tokens.len(),
                Extra::Multiword {
                    range: id.to_string(),
                    form: cols[1].to_string(),
                    misc: cols[9].to_string(),
                },
            ));
            continue;
        }
        let expected = cur.tokens.len() + 1;
        if id.parse::<usize>().ok() != Some(expected) {
            return Err(bad(
                line_no,
                format!("word ID {id:?} out of sequence (expected {expected})"),
            ));
        }
        let head = match cols[6] {
            "_" => 0,
            h => h
                .parse::<u32>()
                .map_err(|_| bad(line_no, format!("head {h:?} is not a number")))?,
        };
        cur.tokens.push(ConlluToken {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.tokens.is_empty() || !cur.extras.is_empty() {
        out.push(cur);
    }
    for (k, s) in out.iter().enumerate() {
        let n = s.tokens.len() as u32;
        if let Some(t) = s.tokens.iter().find(|t| t.head > n) {
            return Err(bad(
                0,
                format!(
                    "sentence {} has a head {} beyond its {n} words",
                    k + 1,
                    t.head
                ),
            ));
        }
    }
    Ok(out)
}

/// Writes sentences as CoNLL-U, each followed by a blank line.
pub fn write_conllu(sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        let mut extras = s.extras.iter().peekable();
        for i in 0..=s.tokens.len() {
            while let Some((_, e)) = extras.next_if(|(at, _)| *at == i) {
                match e {
                    Extra::Comment(c) => {
                        out.push_str(c);
                        out.push('\n');
                    }
                    Extra::Multiword { range, form, misc } => {
                        let _ = writeln!(out, "{range}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}");
                    }
                }
            }
            if let Some(t) = s.tokens.get(i) {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    i + 1,
                    t.form,
                    t.lemma,
                    t.upos,
                    t.xpos,
                    t.feats,
                    t.head,
                    t.deprel,
                    t.deps,
                    t.misc
                );
            }
        }
        out.push('\n');
    }
    out
}

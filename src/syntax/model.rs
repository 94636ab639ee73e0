//! The model: tagger, parser and lexicon together, its file format (zstd-compressed
//! little-endian sections) and the analysis of a sentence.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Analysis;
use super::features::{Feats, Word};
use super::lemma::Lexicon;
use super::parser::{Parser, State, Tokens, token_values};
use super::perceptron::Table;
use super::pieces::{normalise, split};
use super::tagger::{TagScratch, Tagger, upos};
use super::types::{Deprel, Upos};

/// The shipped model (trained on UD English EWT; see the NOTICE beside it).
static EMBEDDED: &[u8] = include_bytes!("model/en_ewt.bin");

const MAGIC: &[u8; 8] = b"CSYNTAX3";

/// An error of the syntax layer: a CoNLL-U file or a model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// A line of a CoNLL-U file is malformed.
    #[error("{file}:{line}: {message}")]
    Conllu {
        /// The file.
        file: String,
        /// The line (1-based; 0 when the problem is the sentence as a whole).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The model bytes are not a model of this version.
    #[error("the syntax model is unreadable: {0}")]
    Model(String),
}

/// A trained tagger, parser and lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) tagger: Tagger,
    pub(crate) parser: Parser,
    pub(crate) lexicon: Lexicon,
}

/// Buffers reused from sentence to sentence on one thread.
struct Scratch {
    chars: Vec<char>,
    words: Vec<Word>,
    tag: TagScratch,
    tags: Vec<u8>,
    pf: Feats,
    lf: Feats,
    st: State,
    w: Vec<u64>,
    t: Vec<u64>,
    sfx: Vec<u64>,
}

thread_local! {
    static SCRATCH: RefCell<Option<Scratch>> = const { RefCell::new(None) };
}

impl Model {
    /// The model shipped in the binary, decoded on first use.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(EMBEDDED).expect("the embedded syntax model is readable")
        })
    }

    /// The lemma of a word read as a verb ("knew" → "know", "sought" → "seek"), without
    /// tagging a sentence: a lookup in the model's lexicon, then its suffix rules.
    pub fn verb_lemma(&self, form: &str) -> String {
        self.lexicon.lemma_xpos(form, Upos::Verb).0
    }

    /// Whether a capitalised word is a common noun or adjective the model's lexicon
    /// knows in lower case ("Information", "Foreign"), not a name ("Daniel").
    pub fn common_word(&self, form: &str) -> bool {
        let lower = form.to_lowercase();
        self.lexicon.seen_as(&lower, Upos::Noun) || self.lexicon.seen_as(&lower, Upos::Adj)
    }

    /// Whether a word read as a verb is a simple past ("withdrew", "fled"), by the
    /// model's lexicon, without tagging a sentence.
    pub fn past_form(&self, form: &str) -> bool {
        self.lexicon.lemma_xpos(form, Upos::Verb).1 == "VBD"
    }

    /// Analyses one sentence cut by the article tokenizer: tokens such as `don't`,
    /// `John's` or `well-known` are split the UD way inside and their pieces' analysis
    /// is folded back, so the result has one entry per token of `tokens`. A token's
    /// head and relation are those of its piece nearest the root.
    pub fn analyse(&self, tokens: &[&str]) -> Analysis {
        let mut ranges = Vec::with_capacity(tokens.len() + 4);
        let mut owner = Vec::with_capacity(tokens.len() + 4);
        let mut hyphenated = vec![false; tokens.len()];
        for (i, t) in tokens.iter().enumerate() {
            let before = ranges.len();
            split(t, &mut ranges);
            if ranges.len() == before {
                ranges.push((0, t.len(), false));
            }
            for r in &ranges[before..] {
                owner.push(i);
                hyphenated[i] |= r.2;
            }
        }
        if ranges.len() == tokens.len() {
            return self.analyse_ud(tokens);
        }
        let pieces: Vec<&str> = ranges
            .iter()
            .zip(&owner)
            .map(|(&(a, b, _), &i)| &tokens[i][a..b])
            .collect();
        let inner = self.analyse_ud(&pieces);
        fold(&inner, &owner, &hyphenated, tokens.len())
    }

    /// Analyses one sentence whose tokens follow UD tokenisation already (the words of a
    /// CoNLL-U file), one entry per token.
    pub fn analyse_ud(&self, tokens: &[&str]) -> Analysis {
        let forms: Vec<Cow<str>> = tokens.iter().map(|t| normalise(t)).collect();
        SCRATCH.with(|cell| {
            let mut slot = cell.borrow_mut();
            let sc = slot.get_or_insert_with(|| self.scratch());
            // Another model on this thread may have other table sizes.
            if !(sc.tag.fits(&self.tagger)
                && sc.pf.fits(self.parser.trans.bits)
                && sc.lf.fits(self.parser.labels.bits))
            {
                *sc = self.scratch();
            }
            self.run(&forms, sc)
        })
    }

    fn scratch(&self) -> Scratch {
        Scratch {
            chars: Vec::new(),
            words: Vec::new(),
            tag: TagScratch::new(&self.tagger),
            tags: Vec::new(),
            pf: Feats::new(self.parser.trans.bits),
            lf: Feats::new(self.parser.labels.bits),
            st: State::default(),
            w: Vec::new(),
            t: Vec::new(),
            sfx: Vec::new(),
        }
    }

    fn run(&self, forms: &[Cow<str>], sc: &mut Scratch) -> Analysis {
        sc.words.clear();
        for f in forms {
            let w = Word::new(f, &mut sc.chars);
            sc.words.push(w);
        }
        self.tagger.tag(&sc.words, &mut sc.tag, &mut sc.tags);
        token_values(&sc.words, &sc.tags, &mut sc.w, &mut sc.t, &mut sc.sfx);
        let x = Tokens {
            w: &sc.w,
            t: &sc.t,
            s: &sc.sfx,
        };
        self.parser.parse(&x, &mut sc.st, &mut sc.pf, &mut sc.lf);
        let n = forms.len();
        let mut a = Analysis {
            upos: Vec::with_capacity(n),
            xpos: Vec::with_capacity(n),
            lemma: Vec::with_capacity(n),
            head: sc.st.head[1..].to_vec(),
            deprel: sc.st.label[1..]
                .iter()
                .map(|&l| Deprel::from_index(l as usize))
                .collect(),
        };
        for (f, &t) in forms.iter().zip(&sc.tags) {
            let u = upos(t);
            let (lemma, xpos) = self.lexicon.lemma_xpos(f, u);
            a.xpos.push(xpos);
            a.lemma.push(lemma);
            a.upos.push(u);
        }
        a
    }
}

/// Folds the analysis of pieces back onto the tokens they came from: each token takes
/// the tag, head and relation of its piece nearest the root (so no cycle can form).
fn fold(inner: &Analysis, owner: &[usize], hyphenated: &[bool], n: usize) -> Analysis {
    let depth: Vec<usize> = (0..inner.len())
        .map(|i| {
            let mut d = 0;
            let mut cur = inner.head_of(i);
            while let Some(c) = cur {
                d += 1;
                if d > inner.len() {
                    break;
                }
                cur = inner.head_of(c);
            }
            d
        })
        .collect();
    let mut chosen: Vec<Option<usize>> = vec![None; n];
    for (p, &t) in owner.iter().enumerate() {
        if chosen[t].is_none_or(|c| depth[p] < depth[c]) {
            chosen[t] = Some(p);
        }
    }
    let mut out = Analysis {
        upos: Vec::with_capacity(n),
        xpos: Vec::with_capacity(n),
        lemma: Vec::with_capacity(n),
        head: Vec::with_capacity(n),
        deprel: Vec::with_capacity(n),
    };
    for t in 0..n {
        let p = chosen[t].expect("every token has a piece");
        out.upos.push(inner.upos[p]);
        out.xpos.push(inner.xpos[p]);
        out.head
            .push(inner.head_of(p).map_or(0, |h| owner[h] as u32 + 1));
        out.deprel.push(inner.deprel[p]);
        out.lemma.push(if hyphenated[t] {
            owner
                .iter()
                .enumerate()
                .filter(|&(_, &o)| o == t)
                .map(|(q, _)| inner.lemma[q].as_str())
                .collect()
        } else {
            inner.lemma[p].clone()
        });
    }
    out
}

// ---------------------------------------------------------------------------------------
// The file format.

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn table(&mut self, t: &Table) {
        self.u32(t.bits);
        self.u32(t.nclass as u32);
        self.u64(t.w.len() as u64);
        for &x in &t.w {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
    fn map_u8<V: Copy + Into<u64>>(&mut self, m: &FxHashMap<u64, V>) {
        let mut v: Vec<(u64, u64)> = m.iter().map(|(&k, &x)| (k, x.into())).collect();
        v.sort_unstable();
        self.u64(v.len() as u64);
        for (k, x) in v {
            self.u64(k);
            self.u32(x as u32);
        }
    }
}

/// Reads sections straight from the decompressing stream, so the decompressed model is
/// never held whole beside its tables.
struct Reader<R: std::io::Read> {
    r: R,
    buf: Vec<u8>,
}

impl<R: std::io::Read> Reader<R> {
    fn take(&mut self, n: usize) -> Result<&[u8], SyntaxError> {
        self.buf.resize(n, 0);
        self.r.read_exact(&mut self.buf).map_err(|e| {
            SyntaxError::Model(format!("the model file is truncated or damaged ({e})"))
        })?;
        Ok(&self.buf)
    }
    fn at_end(&mut self) -> bool {
        let mut one = [0u8; 1];
        matches!(self.r.read(&mut one), Ok(0))
    }
    fn u8(&mut self) -> Result<u8, SyntaxError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, SyntaxError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, SyntaxError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn len(&mut self, max: u64) -> Result<usize, SyntaxError> {
        let n = self.u64()?;
        if n > max {
            return Err(SyntaxError::Model(format!("a section claims {n} entries")));
        }
        Ok(n as usize)
    }
    fn table(&mut self, nclass: usize) -> Result<Table, SyntaxError> {
        let bits = self.u32()?;
        let classes = self.u32()? as usize;
        let len = self.len(1 << 28)?;
        if !(8..=24).contains(&bits) || classes != nclass || len != (1usize << bits) * nclass {
            return Err(SyntaxError::Model(format!(
                "a weight table has {bits} bits, {classes} classes and {len} weights"
            )));
        }
        let mut w = Vec::with_capacity(len);
        while w.len() < len {
            let n = (len - w.len()).min(1 << 16);
            let chunk = self.take(n * 2)?;
            w.extend(
                chunk
                    .chunks_exact(2)
                    .map(|c| i16::from_le_bytes([c[0], c[1]])),
            );
        }
        Ok(Table { bits, nclass, w })
    }
    fn map(&mut self) -> Result<FxHashMap<u64, u32>, SyntaxError> {
        let n = self.len(1 << 24)?;
        let mut m = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = self.u64()?;
            m.insert(k, self.u32()?);
        }
        Ok(m)
    }
}

impl Model {
    /// The model as bytes (what `from_bytes` reads): zstd-compressed sections.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.table(&self.tagger.table);
        w.u32(self.tagger.scale.to_bits());
        match &self.tagger.right {
            Some(t) => {
                w.u8(1);
                w.table(t);
            }
            None => w.u8(0),
        }
        w.map_u8(&self.tagger.fixed);
        w.map_u8(&self.tagger.amb);
        w.table(&self.parser.trans);
        w.table(&self.parser.labels);
        let lex = &self.lexicon;
        let mut lemmas: Vec<(&u64, &Box<str>)> = lex.lemmas.iter().collect();
        lemmas.sort_unstable();
        w.u64(lemmas.len() as u64);
        for (&k, l) in lemmas {
            w.u64(k);
            w.u32(l.len() as u32);
            w.0.extend_from_slice(l.as_bytes());
        }
        let mut known: Vec<u64> = lex.known.iter().copied().collect();
        known.sort_unstable();
        w.u64(known.len() as u64);
        for k in known {
            w.u64(k);
        }
        w.map_u8(&lex.xpos_word);
        w.map_u8(&lex.xpos_suffix);
        w.u64(lex.xpos_upos.len() as u64);
        for &x in &lex.xpos_upos {
            w.u8(x);
        }
        zstd::bulk::compress(&w.0, 15).expect("compressing into memory")
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, SyntaxError> {
        let stream = zstd::stream::Decoder::with_buffer(bytes)
            .map_err(|e| SyntaxError::Model(format!("not zstd data ({e})")))?;
        let mut r = Reader {
            r: stream,
            buf: Vec::new(),
        };
        if r.take(8)? != MAGIC {
            return Err(SyntaxError::Model("wrong magic bytes or version".into()));
        }
        let ntags = Upos::ALL.len();
        let table = r.table(ntags)?;
        let scale = f32::from_bits(r.u32()?);
        let right = match r.u8()? {
            0 => None,
            1 => Some(r.table(ntags)?),
            v => return Err(SyntaxError::Model(format!("a second-pass flag {v}"))),
        };
        let check_tag = |m: FxHashMap<u64, u32>| -> Result<FxHashMap<u64, u8>, SyntaxError> {
            m.into_iter()
                .map(|(k, v)| {
                    u8::try_from(v)
                        .ok()
                        .filter(|&t| (t as usize) < ntags)
                        .map(|t| (k, t))
                        .ok_or_else(|| SyntaxError::Model(format!("a tag {v} out of range")))
                })
                .collect()
        };
        let fixed = check_tag(r.map()?)?;
        let amb = r.map()?;
        let trans = r.table(3)?;
        let labels = r.table(Deprel::ALL.len())?;
        let n = r.len(1 << 24)?;
        let mut lemmas = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = r.u64()?;
            let len = r.u32()? as usize;
            let s = std::str::from_utf8(r.take(len)?)
                .map_err(|_| SyntaxError::Model("a lemma is not UTF-8".into()))?;
            lemmas.insert(k, s.into());
        }
        let n = r.len(1 << 24)?;
        let mut known = FxHashSet::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            known.insert(r.u64()?);
        }
        let to_u8 = |m: FxHashMap<u64, u32>| m.into_iter().map(|(k, v)| (k, v as u8)).collect();
        let xpos_word = to_u8(r.map()?);
        let xpos_suffix = to_u8(r.map()?);
        let n = r.len(64)?;
        if n != ntags {
            return Err(SyntaxError::Model(format!(
                "{n} XPOS defaults for {ntags} tags"
            )));
        }
        let xpos_upos = (0..n).map(|_| r.u8()).collect::<Result<_, _>>()?;
        if !r.at_end() {
            return Err(SyntaxError::Model(
                "trailing bytes after the last section".into(),
            ));
        }
        Ok(Model {
            tagger: Tagger {
                table,
                right,
                scale,
                fixed,
                amb,
            },
            parser: Parser { trans, labels },
            lexicon: Lexicon {
                lemmas,
                known,
                xpos_word,
                xpos_suffix,
                xpos_upos,
            },
        })
    }
}

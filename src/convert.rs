//! The conversion pipeline: inputs → documents → validated records → dataset folder.
//!
//! Every record is checked against its JSON Schema before it is written; an article with
//! an invalid record is rejected as a whole (named by input, article and JSON pointer) and
//! the rest of the batch converts.
//!
//! A conversion adds to the dataset already at its output (see [`Mode`]): articles
//! already there are skipped, actors and sources are merged by ID, and the result is what
//! converting everything at once would have given. Converting the same inputs again
//! therefore leaves the dataset byte-identical.
//!
//! The pipeline streams: inputs are read in chunks of bounded size (a JSONL batch, of
//! any size, line by line in chunks of its own), the articles of a chunk are extracted and validated in parallel (rayon) and written in input order, and
//! the tables go out part file by part file. Memory is bounded by a chunk and one row
//! group per table, plus the dataset's actors, sources and article IDs.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rayon::prelude::*;

use crate::dataset::{
    DatasetError, DatasetLock, DatasetWriter, PartBudget, Shared, for_each_part,
    read_dataset_manifest,
};
use crate::extract::{Extracted, Extractor};
use crate::ingest::{self, Document, Ingested, Input, Limits, Opened};
use crate::model::schema::{Record, Validator};
use crate::model::{
    Actor, Article, ArticleId, Claim, ClaimKind, ConversionIssue, Finding, Manifest, Mention,
    Rejected, Source,
};

/// What a conversion did.
#[derive(Debug)]
pub struct Report {
    /// The manifest written (tables, row counts, rejected inputs, notes).
    pub manifest: Manifest,
    /// Inputs (or JSONL lines) rejected in this run.
    pub rejected: Vec<Rejected>,
    /// Articles added in this run.
    pub added: usize,
    /// Articles of this run that the dataset already held, skipped.
    pub skipped: usize,
    /// Articles in the dataset.
    pub articles: usize,
    /// Claims by kind, in kind order.
    pub claims_by_kind: Vec<(ClaimKind, usize)>,
    /// Actors in the dataset.
    pub actors: usize,
    /// Sources in the dataset.
    pub sources: usize,
    /// Mentions in the dataset.
    pub mentions: usize,
}

/// Validators for every record type, built once per run.
pub struct Validators {
    article: Validator,
    claim: Validator,
    source: Validator,
    actor: Validator,
    mention: Validator,
}

impl Default for Validators {
    fn default() -> Self {
        Self {
            article: Validator::new::<Article>(),
            claim: Validator::new::<Claim>(),
            source: Validator::new::<Source>(),
            actor: Validator::new::<Actor>(),
            mention: Validator::new::<Mention>(),
        }
    }
}

impl Validators {
    /// Every schema violation in one article's records, as `record ID /pointer: message`.
    pub fn check(&self, x: &Extracted) -> Vec<String> {
        let mut out = Vec::new();
        let mut run = |name: &str, id: &str, violations: Vec<_>| {
            for violation in violations {
                out.push(format!("{name} {id} {violation}"));
            }
        };
        run(
            Article::NAME,
            x.article.article_id.as_str(),
            self.article.check(&x.article),
        );
        for c in &x.claims {
            run(Claim::NAME, c.claim_id.as_str(), self.claim.check(c));
        }
        for s in &x.sources {
            run(Source::NAME, s.source_id.as_str(), self.source.check(s));
        }
        for a in &x.actors {
            run(Actor::NAME, a.actor_id.as_str(), self.actor.check(a));
        }
        for m in &x.mentions {
            run(Mention::NAME, m.mention_id.as_str(), self.mention.check(m));
        }
        out
    }
}

/// What happens to a dataset already at the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// Add to it: new articles are appended, articles already there skipped, actors and
    /// sources merged by ID. The default.
    #[default]
    Add,
    /// Replace it with a dataset of these inputs alone.
    Replace,
}

/// One of `count` disjoint shards of the input, numbered from 1: an article belongs to
/// the shard its content-derived ID falls in, so shards never overlap, whatever the order
/// or split of the inputs each shard run is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, from 1 to `count`.
    pub index: u64,
    /// How many shards there are.
    pub count: u64,
}

impl Shard {
    /// Whether the article with this ID belongs to this shard.
    pub fn holds(&self, id: &ArticleId) -> bool {
        let hex = id.as_str().rsplit('_').next().unwrap_or("");
        let n = u64::from_str_radix(hex.get(..15).unwrap_or(hex), 16).unwrap_or(0);
        n % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a shard: use I/N, e.g. 1/4 for the first of four");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (u64, u64) = (
            i.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if count == 0 || index == 0 || index > count {
            return Err(format!(
                "{s:?}: the shard number must be from 1 to the number of shards"
            ));
        }
        Ok(Self { index, count })
    }
}

/// How a conversion runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Limits on the inputs read.
    pub limits: Limits,
    /// Add to the dataset at the output, or replace it.
    pub mode: Mode,
    /// Convert only the articles of this shard.
    pub shard: Option<Shard>,
    /// When tables are split into part files.
    pub budget: PartBudget,
    /// Input bytes read per chunk (the articles of a chunk are extracted in parallel, and
    /// progress is reported after each). Defaults to 32 MiB when `None`.
    pub chunk_bytes: Option<u64>,
}

/// Input bytes read per chunk by default: the articles of a chunk are extracted in
/// parallel.
const CHUNK_BYTES: u64 = 32 << 20;
/// Inputs read per chunk at most.
const CHUNK_INPUTS: usize = 512;

/// Converts `inputs` into the dataset at `out`: adds to it, or replaces it (see
/// [`Mode`]). The dataset is locked for the whole run, so a second writer fails at once
/// with [`DatasetError::Locked`]; an existing dataset that cannot be read is an error
/// and is left as it was.
pub fn convert(
    extractor: &Extractor,
    inputs: &[Input],
    rejected: Vec<Rejected>,
    out: &Path,
    options: &Options,
) -> Result<Report, DatasetError> {
    convert_with_progress(extractor, inputs, rejected, out, options, &mut |_| {})
}

/// [`convert`], calling `progress` with the number of input bytes done after each chunk.
pub fn convert_with_progress(
    extractor: &Extractor,
    inputs: &[Input],
    rejected: Vec<Rejected>,
    out: &Path,
    options: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Report, DatasetError> {
    let lock = DatasetLock::acquire(out)?;
    let existing = match options.mode {
        Mode::Add => existing_manifest(&lock)?,
        Mode::Replace => None,
    };
    let mut b = Builder::begin(&lock, options.budget)?;
    let old_rejected = match &existing {
        Some(manifest) => b.absorb(lock.dir(), manifest)?,
        None => Vec::new(),
    };

    // Old verdicts on inputs of this run give way to this run's.
    let mut run_paths: HashSet<String> = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => ingest::display(p),
            Input::Stdin => "stdin".to_string(),
        })
        .collect();
    run_paths.extend(rejected.iter().map(|r| r.path.clone()));
    let mut run_rejected = rejected;

    let validators = Validators::default();
    let (mut added, mut skipped) = (0, 0);
    let sizes: Vec<u64> = inputs
        .iter()
        .map(|i| ingest::input_size(i).unwrap_or(0))
        .collect();
    let streams: Vec<bool> = inputs.iter().map(ingest::streams).collect();
    let chunk_bytes = options.chunk_bytes.unwrap_or(CHUNK_BYTES).max(1);
    let mut done = 0;
    let mut next = 0;
    // The tables are written on a thread of their own, a chunk behind the extraction.
    let Builder {
        t,
        mut origin_of,
        existing,
        mut issues,
    } = b;
    let (t, written) = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Extracted>>(1);
        let writer = scope.spawn(move || {
            let mut t = t;
            for chunk in rx {
                for x in chunk {
                    if let Err(e) = t.add(x) {
                        return (t, Err(e));
                    }
                }
            }
            (t, Ok(()))
        });
        // A JSONL batch (or stdin) being read line by line, and the bytes done before it.
        let mut batch: Option<(ingest::Batch, u64)> = None;
        loop {
            let read: Vec<Ingested> = if let Some((b, before)) = &mut batch {
                let lines = b.next_chunk(chunk_bytes);
                if lines.is_empty() {
                    let (b, before) = batch.take().expect("a batch is open");
                    done = before + b.bytes_read();
                    progress(done);
                    run_rejected.extend(b.finish());
                    continue;
                }
                let (origin, notes) = (b.origin(), b.notes());
                let parsed: Vec<_> = lines
                    .into_par_iter()
                    .map(|line| ingest::jsonl::parse(origin, notes, line))
                    .collect();
                done = *before + b.bytes_read();
                let mut ingested = Ingested::default();
                for p in parsed {
                    match p {
                        Ok(doc) => ingested.documents.push(doc),
                        Err(r) => ingested.rejected.push(r),
                    }
                }
                vec![ingested]
            } else if next == inputs.len() {
                break;
            } else if ingest::streams(&inputs[next]) {
                next += 1;
                match ingest::open(&inputs[next - 1], &options.limits) {
                    Opened::Batch(b) => {
                        batch = Some((b, done));
                        continue;
                    }
                    Opened::Read(ingested) => {
                        done += sizes[next - 1];
                        vec![ingested]
                    }
                }
            } else {
                let (end, bytes) = chunk_end(&sizes, &streams, next, chunk_bytes);
                let read = inputs[next..end]
                    .par_iter()
                    .map(|i| ingest::read_input(i, &options.limits))
                    .collect();
                next = end;
                done += bytes;
                read
            };
            let mut todo: Vec<(ArticleId, Document)> = Vec::new();
            for ingested in read {
                run_rejected.extend(ingested.rejected);
                for doc in ingested.documents {
                    run_paths.insert(doc.origin.clone());
                    let id = ArticleId::from_raw_sha256(&doc.raw_sha256);
                    if options.shard.is_some_and(|s| !s.holds(&id)) {
                        continue;
                    }
                    if let Some(first) = origin_of.get(&id) {
                        // Already converted, in this run or before: the same content from
                        // another input is noted once, as it would be had both come in one
                        // batch.
                        let note = duplicate_note(&doc.origin, &id);
                        if *first != doc.origin && !issues.contains(&note) {
                            issues.push(note);
                        }
                        if existing.contains(&id) {
                            skipped += 1;
                        }
                        continue;
                    }
                    origin_of.insert(id.clone(), doc.origin.clone());
                    todo.push((id, doc));
                }
            }
            let results: Vec<Result<Extracted, Rejected>> = todo
                .par_iter()
                .map(|(_, doc)| extract_document(extractor, &validators, doc))
                .collect();
            let mut ready = Vec::with_capacity(results.len());
            for ((id, doc), result) in todo.into_iter().zip(results) {
                match result {
                    Ok(x) => {
                        issues.extend(notes_of(&doc.origin, &x));
                        ready.push(x);
                        added += 1;
                    }
                    Err(rejection) => {
                        origin_of.remove(&id);
                        run_rejected.push(rejection);
                    }
                }
            }
            if tx.send(ready).is_err() {
                // The writer stopped on an error, which the join below returns.
                break;
            }
            progress(done);
        }
        drop(tx);
        match writer.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    written?;
    let b = Builder {
        t,
        origin_of,
        existing,
        issues,
    };
    let mut all_rejected = old_rejected;
    all_rejected.retain(|r| !from_run(&r.path, &run_paths));
    all_rejected.extend(run_rejected.iter().cloned());
    b.commit(all_rejected, run_rejected, added, skipped)
}

/// Extracts one document and validates its records, as every conversion does: a bug in
/// the rules must not cost the batch, so an extraction that panics is a rejection with
/// the panic's message, as is an article whose records fail their schema.
pub fn extract_document(
    extractor: &Extractor,
    validators: &Validators,
    doc: &Document,
) -> Result<Extracted, Rejected> {
    let x = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(doc)))
        .map_err(|panic| Rejected {
            path: doc.origin.clone(),
            reason: format!(
                "extraction stopped on an internal error, please report it: {}",
                crate::panic_message(&*panic)
                    .lines()
                    .next()
                    .unwrap_or_default()
            ),
        })?;
    let violations = validators.check(&x);
    if !violations.is_empty() {
        return Err(Rejected {
            path: doc.origin.clone(),
            reason: format!(
                "article {} fails its schema: {}",
                x.article.article_id,
                violations.join("; ")
            ),
        });
    }
    Ok(x)
}

/// The conversion notes of an article extracted from the input `origin`.
pub fn notes_of(origin: &str, x: &Extracted) -> Vec<ConversionIssue> {
    x.notes
        .iter()
        .map(|note| ConversionIssue {
            origin: origin.to_string(),
            article_id: Some(x.article.article_id.clone()),
            message: note.clone(),
        })
        .collect()
}

/// The message of [`duplicate_note`].
pub const DUPLICATE_NOTE: &str = "same content as an earlier input; skipped";

/// The note on an input at `origin` skipped because an earlier input had the same
/// content (the article `id`).
pub fn duplicate_note(origin: &str, id: &ArticleId) -> ConversionIssue {
    ConversionIssue {
        origin: origin.to_string(),
        article_id: Some(id.clone()),
        message: DUPLICATE_NOTE.into(),
    }
}

/// A conversion held in memory instead of written to a folder: documents are taken in
/// order as [`convert`] takes them (an article already taken is skipped with a note, an
/// article that fails is rejected), and actors and sources are merged by ID as a
/// dataset's are. The Python module's `extract` is this.
#[derive(Debug, Default)]
pub struct Collected {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Their claims, in input order.
    pub claims: Vec<Claim>,
    /// Their mentions, in input order.
    pub mentions: Vec<Mention>,
    /// Actors and sources, merged by ID.
    pub shared: Shared,
    /// Inputs (or JSONL lines) rejected.
    pub rejected: Vec<Rejected>,
    /// Notes on inputs that converted.
    pub issues: Vec<ConversionIssue>,
    origin_of: HashMap<ArticleId, String>,
}

impl Collected {
    /// Adds what was read from one chunk of inputs: its rejections, then its documents,
    /// extracted in parallel when `parallel` (rayon) and taken in order.
    pub fn add(
        &mut self,
        ingested: Ingested,
        extractor: &Extractor,
        validators: &Validators,
        parallel: bool,
    ) {
        self.rejected.extend(ingested.rejected);
        let mut todo = Vec::new();
        for doc in ingested.documents {
            let id = ArticleId::from_raw_sha256(&doc.raw_sha256);
            if let Some(first) = self.origin_of.get(&id) {
                let note = duplicate_note(&doc.origin, &id);
                if *first != doc.origin && !self.issues.contains(&note) {
                    self.issues.push(note);
                }
                continue;
            }
            self.origin_of.insert(id.clone(), doc.origin.clone());
            todo.push((id, doc));
        }
        let run = |(_, doc): &(ArticleId, Document)| extract_document(extractor, validators, doc);
        let results: Vec<_> = if parallel {
            todo.par_iter().map(run).collect()
        } else {
            todo.iter().map(run).collect()
        };
        for ((id, doc), result) in todo.into_iter().zip(results) {
            match result {
                Ok(x) => {
                    self.issues.extend(notes_of(&doc.origin, &x));
                    x.actors.into_iter().for_each(|a| self.shared.add_actor(a));
                    x.sources
                        .into_iter()
                        .for_each(|s| self.shared.add_source(s));
                    self.articles.push(x.article);
                    self.claims.extend(x.claims);
                    self.mentions.extend(x.mentions);
                }
                Err(rejection) => {
                    self.origin_of.remove(&id);
                    self.rejected.push(rejection);
                }
            }
        }
    }
}

/// The end of the chunk of inputs starting at `from` (at least one input, at most
/// [`CHUNK_INPUTS`] and, past the first, `chunk_bytes`, ending before an input that
/// `streams`), and its size in bytes.
fn chunk_end(sizes: &[u64], streams: &[bool], from: usize, chunk_bytes: u64) -> (usize, u64) {
    let (mut end, mut bytes) = (from + 1, sizes[from]);
    while end < sizes.len()
        && !streams[end]
        && end - from < CHUNK_INPUTS
        && bytes + sizes[end] <= chunk_bytes
    {
        bytes += sizes[end];
        end += 1;
    }
    (end, bytes)
}

/// Merges datasets (e.g. the outputs of `convert --shard`) into the dataset at `out`,
/// adding to it or replacing it (see [`Mode`]). Articles are taken once, by ID, with
/// their claims and mentions, in the order the datasets are given; actors and sources
/// are merged by ID as a conversion merges them. Findings are carried over as they are:
/// run `check` on the result for findings across the whole dataset.
pub fn merge(inputs: &[PathBuf], out: &Path, mode: Mode) -> Result<Report, DatasetError> {
    let lock = DatasetLock::acquire(out)?;
    let existing = match mode {
        Mode::Add => existing_manifest(&lock)?,
        Mode::Replace => None,
    };
    let mut b = Builder::begin(&lock, PartBudget::default())?;
    let mut rejected = match &existing {
        Some(manifest) => b.absorb(lock.dir(), manifest)?,
        None => Vec::new(),
    };
    let before = b.articles();
    for dir in inputs {
        if dir.canonicalize().ok() == lock.dir().canonicalize().ok() {
            continue;
        }
        let manifest = read_dataset_manifest(dir)?;
        rejected.extend(b.absorb(dir, &manifest)?);
    }
    let added = b.articles() - before;
    b.commit(rejected, Vec::new(), added, 0)
}

/// The manifest of the dataset a writer holding `lock` is about to add to: `None` when
/// there is none yet, an error when it cannot be read.
fn existing_manifest(lock: &DatasetLock) -> Result<Option<Manifest>, DatasetError> {
    // A folder that is not a dataset is refused by the writer.
    let dir = lock.dir();
    if dir.join("dataset.json").is_file() {
        read_dataset_manifest(dir).map(Some)
    } else {
        Ok(None)
    }
}

/// A dataset being built: the writer, the shared tables, and what is known of the
/// articles already written.
struct Builder<'l> {
    t: Tables<'l>,
    /// Where each article written came from, by ID.
    origin_of: HashMap<ArticleId, String>,
    /// Articles taken from existing datasets.
    existing: HashSet<ArticleId>,
    issues: Vec<ConversionIssue>,
}

/// The tables being written, with the claim counts by kind.
struct Tables<'l> {
    w: DatasetWriter<'l>,
    shared: Shared,
    kinds: [usize; ClaimKind::ALL.len()],
}

impl Tables<'_> {
    fn count(&mut self, c: &Claim) {
        if let Some(i) = ClaimKind::ALL.iter().position(|k| *k == c.kind) {
            self.kinds[i] += 1;
        }
    }

    /// Adds one article's records.
    fn add(&mut self, x: Extracted) -> Result<(), DatasetError> {
        for a in x.actors {
            self.shared.add_actor(a);
        }
        for s in x.sources {
            self.shared.add_source(s);
        }
        self.w.articles.push(x.article)?;
        for c in x.claims {
            self.count(&c);
            self.w.claims.push(c)?;
        }
        self.w.mentions.extend(x.mentions)
    }
}

impl<'l> Builder<'l> {
    fn begin(lock: &'l DatasetLock, budget: PartBudget) -> Result<Self, DatasetError> {
        Ok(Self {
            t: Tables {
                w: DatasetWriter::begin(lock, budget)?,
                shared: Shared::default(),
                kinds: [0; ClaimKind::ALL.len()],
            },
            origin_of: HashMap::new(),
            existing: HashSet::new(),
            issues: Vec::new(),
        })
    }

    fn articles(&self) -> usize {
        self.t.w.articles.rows() as usize
    }

    /// Streams the dataset in `dir` into this one, part file by part file: articles
    /// already here are skipped with their claims and mentions. Returns its rejected
    /// inputs.
    fn absorb(&mut self, dir: &Path, manifest: &Manifest) -> Result<Vec<Rejected>, DatasetError> {
        let mut dropped: HashSet<ArticleId> = HashSet::new();
        for_each_part(dir, manifest, |part: Vec<Article>| {
            for a in part {
                if self.origin_of.contains_key(&a.article_id) {
                    dropped.insert(a.article_id);
                    continue;
                }
                self.origin_of
                    .insert(a.article_id.clone(), a.origin.clone());
                self.existing.insert(a.article_id.clone());
                self.t.w.articles.push(a)?;
            }
            Ok(())
        })?;
        for_each_part(dir, manifest, |part: Vec<Claim>| {
            for c in part
                .into_iter()
                .filter(|c| !dropped.contains(&c.article_id))
            {
                self.t.count(&c);
                self.t.w.claims.push(c)?;
            }
            Ok(())
        })?;
        for_each_part(dir, manifest, |part: Vec<Mention>| {
            let keep = part
                .into_iter()
                .filter(|m| !dropped.contains(&m.article_id));
            self.t.w.mentions.extend(keep)
        })?;
        for_each_part(dir, manifest, |part: Vec<Finding>| {
            let keep = part
                .into_iter()
                .filter(|f| f.article_id.as_ref().is_none_or(|id| !dropped.contains(id)));
            self.t.w.findings.extend(keep)
        })?;
        for_each_part(dir, manifest, |part: Vec<Actor>| {
            part.into_iter().for_each(|a| self.t.shared.add_actor(a));
            Ok(())
        })?;
        for_each_part(dir, manifest, |part: Vec<Source>| {
            part.into_iter().for_each(|s| self.t.shared.add_source(s));
            Ok(())
        })?;
        // Notes already taken from an earlier dataset are not repeated; a dataset's own
        // notes are kept as written, repeats included, so rewriting it changes nothing.
        let earlier: BTreeSet<ConversionIssue> = self.issues.iter().cloned().collect();
        self.issues.extend(
            manifest
                .issues
                .iter()
                .filter(|i| !earlier.contains(i))
                .cloned(),
        );
        Ok(manifest.rejected.clone())
    }

    /// Writes the shared tables and the manifest, and switches the dataset in.
    /// `rejected` is every rejection the dataset records; `run_rejected`, `added` and
    /// `skipped` describe this run.
    fn commit(
        self,
        rejected: Vec<Rejected>,
        run_rejected: Vec<Rejected>,
        added: usize,
        skipped: usize,
    ) -> Result<Report, DatasetError> {
        let Builder {
            t: Tables { w, shared, kinds },
            issues,
            ..
        } = self;
        let rejected = rejected.into_iter().map(capped_rejection).collect();
        let run_rejected = run_rejected.into_iter().map(capped_rejection).collect();
        let issues = issues
            .into_iter()
            .map(|i| ConversionIssue {
                message: capped(i.message),
                ..i
            })
            .collect();
        let (articles, mentions) = (w.articles.rows() as usize, w.mentions.rows() as usize);
        let (actors, sources) = (shared.actors.len(), shared.sources.len());
        let manifest = w.commit(
            shared.sources.into_values(),
            shared.actors.into_values(),
            rejected,
            issues,
        )?;
        Ok(Report {
            manifest,
            rejected: run_rejected,
            added,
            skipped,
            articles,
            claims_by_kind: ClaimKind::ALL.iter().copied().zip(kinds).collect(),
            actors,
            sources,
            mentions,
        })
    }
}

/// Characters of a rejection reason or a note kept in `dataset.json`: what an input
/// quotes (a huge attribute, a line of binary) must not grow the manifest past what
/// readers accept.
pub const MAX_NOTE_CHARS: usize = 1000;

/// `message` cut to [`MAX_NOTE_CHARS`] characters, with an ellipsis when cut. Cutting a
/// cut message changes nothing, so rewriting a dataset keeps its notes as they are.
fn capped(message: String) -> String {
    match message.char_indices().nth(MAX_NOTE_CHARS) {
        None => message,
        Some((b, _)) => {
            let mut head = message[..b].to_string();
            head.pop();
            head.push('…');
            head
        }
    }
}

fn capped_rejection(r: Rejected) -> Rejected {
    Rejected {
        reason: capped(r.reason),
        ..r
    }
}

/// Whether a rejection recorded at `path` concerns an input of this run: the input
/// itself, or a line of it (`file.jsonl:LINE`).
fn from_run(path: &str, run_paths: &HashSet<String>) -> bool {
    if run_paths.contains(path) {
        return true;
    }
    path.rsplit_once(':').is_some_and(|(file, line)| {
        !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) && run_paths.contains(file)
    })
}

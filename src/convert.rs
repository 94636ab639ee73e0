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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::dataset::{Dataset, DatasetError, DatasetLock};
use crate::extract::{Extracted, Extractor};
use crate::ingest::{self, Input, Limits};
use crate::model::schema::{Record, Validator};
use crate::model::{
    Actor, ActorId, Article, ArticleId, Claim, ClaimKind, ConversionIssue, Manifest, Mention,
    Rejected, Source, SourceId,
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

/// How a conversion runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Limits on the inputs read.
    pub limits: Limits,
    /// Add to the dataset at the output, or replace it.
    pub mode: Mode,
}

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
    let lock = DatasetLock::acquire(out)?;
    let existing = match options.mode {
        Mode::Add => Dataset::read_existing(&lock)?,
        Mode::Replace => None,
    };
    let mut ds = existing.unwrap_or_default();
    let mut run_rejected = rejected;
    let ingested = ingest::read_all_with(inputs, &options.limits);
    run_rejected.extend(ingested.rejected);

    // Old verdicts on inputs of this run give way to this run's.
    let mut run_paths: HashSet<String> = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => ingest::display(p),
            Input::Stdin => "stdin".to_string(),
        })
        .collect();
    run_paths.extend(run_rejected.iter().map(|r| r.path.clone()));
    run_paths.extend(ingested.documents.iter().map(|d| d.origin.clone()));
    ds.rejected.retain(|r| !from_run(&r.path, &run_paths));

    let validators = Validators::default();
    let present: HashSet<ArticleId> = ds.articles.iter().map(|a| a.article_id.clone()).collect();
    let mut origin_of: HashMap<ArticleId, String> = ds
        .articles
        .iter()
        .map(|a| (a.article_id.clone(), a.origin.clone()))
        .collect();
    let mut actors: BTreeMap<ActorId, Actor> = std::mem::take(&mut ds.actors)
        .into_iter()
        .map(|a| (a.actor_id.clone(), a))
        .collect();
    let mut sources: BTreeMap<SourceId, Source> = std::mem::take(&mut ds.sources)
        .into_iter()
        .map(|s| (s.source_id.clone(), s))
        .collect();
    let (mut added, mut skipped) = (0, 0);
    for doc in &ingested.documents {
        let x = extractor.extract(doc);
        let id = &x.article.article_id;
        if let Some(first) = origin_of.get(id) {
            // Already converted, in this run or before: the same content from another
            // input is noted once, as it would be had both come in one batch.
            let note = ConversionIssue {
                origin: doc.origin.clone(),
                article_id: Some(id.clone()),
                message: "same content as an earlier input; skipped".into(),
            };
            if *first != doc.origin && !ds.issues.contains(&note) {
                ds.issues.push(note);
            }
            if present.contains(id) {
                skipped += 1;
            }
            continue;
        }
        let violations = validators.check(&x);
        if !violations.is_empty() {
            run_rejected.push(Rejected {
                path: doc.origin.clone(),
                reason: format!(
                    "article {} fails its schema: {}",
                    x.article.article_id,
                    violations.join("; ")
                ),
            });
            continue;
        }
        for note in &x.notes {
            ds.issues.push(ConversionIssue {
                origin: doc.origin.clone(),
                article_id: Some(x.article.article_id.clone()),
                message: note.clone(),
            });
        }
        for a in x.actors {
            merge_actor(&mut actors, a);
        }
        for s in x.sources {
            sources.entry(s.source_id.clone()).or_insert(s);
        }
        origin_of.insert(x.article.article_id.clone(), doc.origin.clone());
        ds.articles.push(x.article);
        ds.claims.extend(x.claims);
        ds.mentions.extend(x.mentions);
        added += 1;
    }
    ds.actors = actors.into_values().collect();
    ds.sources = sources.into_values().collect();
    ds.rejected.extend(run_rejected.iter().cloned());
    let manifest = ds.write_locked(&lock)?;
    let claims_by_kind = ClaimKind::ALL
        .iter()
        .map(|k| (*k, ds.claims.iter().filter(|c| c.kind == *k).count()))
        .collect();
    Ok(Report {
        manifest,
        rejected: run_rejected,
        added,
        skipped,
        articles: ds.articles.len(),
        claims_by_kind,
        actors: ds.actors.len(),
        sources: ds.sources.len(),
        mentions: ds.mentions.len(),
    })
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

/// Adds an actor seen in one article to the dataset's actors: aliases are united, the
/// first description and affiliation seen are kept.
fn merge_actor(actors: &mut BTreeMap<ActorId, Actor>, a: Actor) {
    match actors.get_mut(&a.actor_id) {
        None => {
            actors.insert(a.actor_id.clone(), a);
        }
        Some(have) => {
            for al in a.aliases {
                if !have.aliases.contains(&al) {
                    have.aliases.push(al);
                }
            }
            have.aliases.sort();
            if have.description.is_none() {
                have.description = a.description;
            }
            if have.affiliation_id.is_none() {
                have.affiliation_id = a.affiliation_id;
            }
        }
    }
}

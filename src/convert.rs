//! The conversion pipeline: inputs → documents → validated records → dataset folder.
//!
//! Every record is checked against its JSON Schema before it is written; an article with
//! an invalid record is rejected as a whole (named by input, article and JSON pointer) and
//! the rest of the batch converts.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::dataset::{Dataset, DatasetError};
use crate::extract::{Extracted, Extractor};
use crate::ingest::{self, Input, Limits};
use crate::model::schema::{Record, Validator};
use crate::model::{
    Actor, ActorId, Article, Claim, ClaimKind, ConversionIssue, Manifest, Mention, Rejected,
    Source, SourceId,
};

/// What a conversion did.
#[derive(Debug)]
pub struct Report {
    /// The manifest written (tables, row counts, rejected inputs, notes).
    pub manifest: Manifest,
    /// Articles converted.
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

/// How a conversion runs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Limits on the inputs read.
    pub limits: Limits,
}

/// Converts `inputs` into a dataset at `out`, replacing what was there.
pub fn convert(
    extractor: &Extractor,
    inputs: &[Input],
    mut rejected: Vec<Rejected>,
    out: &Path,
    options: &Options,
) -> Result<Report, DatasetError> {
    let ingested = ingest::read_all_with(inputs, &options.limits);
    rejected.extend(ingested.rejected);
    let validators = Validators::default();
    let mut ds = Dataset::default();
    let mut actors: BTreeMap<ActorId, Actor> = BTreeMap::new();
    let mut sources: BTreeMap<SourceId, Source> = BTreeMap::new();
    let mut seen = HashSet::new();
    for doc in &ingested.documents {
        let x = extractor.extract(doc);
        if !seen.insert(x.article.article_id.clone()) {
            ds.issues.push(ConversionIssue {
                origin: doc.origin.clone(),
                article_id: Some(x.article.article_id.clone()),
                message: "same content as an earlier input; skipped".into(),
            });
            continue;
        }
        let violations = validators.check(&x);
        if !violations.is_empty() {
            rejected.push(Rejected {
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
        ds.articles.push(x.article);
        ds.claims.extend(x.claims);
        ds.mentions.extend(x.mentions);
    }
    ds.actors = actors.into_values().collect();
    ds.sources = sources.into_values().collect();
    ds.rejected = rejected;
    let manifest = ds.write(out)?;
    let claims_by_kind = ClaimKind::ALL
        .iter()
        .map(|k| (*k, ds.claims.iter().filter(|c| c.kind == *k).count()))
        .collect();
    Ok(Report {
        manifest,
        articles: ds.articles.len(),
        claims_by_kind,
        actors: ds.actors.len(),
        sources: ds.sources.len(),
        mentions: ds.mentions.len(),
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

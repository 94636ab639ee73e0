//! What rules know about the dataset beyond the row in hand: compact indexes of the
//! tables read so far (IDs, names, kinds, origins), never the text columns.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::config::RuleOptions;
use super::ids::IdMap;
use super::rows::{ActorRow, ArticleRow, SourceRow};
use crate::dataset::verify::Audit;
use crate::model::{ActorKind, SourceKind};

/// What is kept of an article.
#[derive(Debug, Clone)]
pub struct ArticleInfo {
    /// `article_id`.
    pub id: String,
    /// `origin`: the input it was converted from.
    pub origin: Option<Arc<str>>,
}

/// What is kept of a source.
#[derive(Debug, Clone)]
pub struct SourceInfo {
    /// `source_id`.
    pub id: String,
    /// `name`.
    pub name: Option<String>,
    /// `kind`, when known.
    pub kind: Option<SourceKind>,
    /// `actor_id`.
    pub actor_id: Option<String>,
}

/// What is kept of an actor.
#[derive(Debug, Clone)]
pub struct ActorInfo {
    /// `actor_id`.
    pub id: String,
    /// `name`.
    pub name: Option<String>,
    /// `kind`, when known.
    pub kind: Option<ActorKind>,
    /// `aliases`.
    pub aliases: Vec<String>,
    /// `description`.
    pub description: Option<String>,
    /// `affiliation_id`.
    pub affiliation_id: Option<String>,
}

/// Indexes of the tables read so far, in reading order (actors, sources, articles,
/// claims, mentions); for a repeated ID the first row is kept.
#[derive(Debug)]
pub struct Context {
    dir: PathBuf,
    /// Options of individual rules.
    pub options: RuleOptions,
    missing: BTreeSet<&'static str>,
    articles: Vec<ArticleInfo>,
    article_ix: IdMap<u32>,
    sources: Vec<SourceInfo>,
    source_ix: IdMap<u32>,
    actors: Vec<ActorInfo>,
    actor_ix: IdMap<u32>,
    manifest: Option<Audit>,
}

impl Context {
    /// An empty context for the dataset in `dir`.
    pub fn new(dir: &Path, options: RuleOptions) -> Self {
        Self {
            dir: dir.to_path_buf(),
            options,
            missing: BTreeSet::new(),
            articles: Vec::new(),
            article_ix: IdMap::new("art_"),
            sources: Vec::new(),
            source_ix: IdMap::new("src_"),
            actors: Vec::new(),
            actor_ix: IdMap::new("act_"),
            manifest: None,
        }
    }

    /// The dataset folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether a table has at least one file (references into a missing table are not
    /// checked: the missing table is the finding).
    pub fn has_table(&self, table: &str) -> bool {
        !self.missing.contains(table)
    }

    /// How the folder differs from its `dataset.json`; `None` when it has none (tables
    /// written by other tools), and the manifest rules then stay silent.
    pub fn manifest(&self) -> Option<&Audit> {
        self.manifest.as_ref()
    }

    pub(crate) fn set_manifest(&mut self, audit: Option<Audit>) {
        self.manifest = audit;
    }

    pub(crate) fn mark_missing(&mut self, table: &'static str) {
        self.missing.insert(table);
    }

    /// An article by ID.
    pub fn article(&self, id: &str) -> Option<&ArticleInfo> {
        self.article_ix.get(id).map(|&i| &self.articles[i as usize])
    }

    /// The position of an article in [`Context::articles`], by ID.
    pub fn article_rank(&self, id: &str) -> Option<u32> {
        self.article_ix.get(id).copied()
    }

    /// Every article, in table order.
    pub fn articles(&self) -> &[ArticleInfo] {
        &self.articles
    }

    /// A source by ID.
    pub fn source(&self, id: &str) -> Option<&SourceInfo> {
        self.source_ix.get(id).map(|&i| &self.sources[i as usize])
    }

    /// Every source, in table order.
    pub fn sources(&self) -> &[SourceInfo] {
        &self.sources
    }

    /// An actor by ID.
    pub fn actor(&self, id: &str) -> Option<&ActorInfo> {
        self.actor_ix.get(id).map(|&i| &self.actors[i as usize])
    }

    /// Every actor, in table order.
    pub fn actors(&self) -> &[ActorInfo] {
        &self.actors
    }

    /// `"Name" (act_…)` for messages; just the ID when the actor is unknown.
    pub fn actor_label(&self, id: &str) -> String {
        match self.actor(id).and_then(|a| a.name.as_deref()) {
            Some(name) => format!("\"{name}\" ({id})"),
            None => id.to_string(),
        }
    }

    /// `"Name" (src_…)` for messages; just the ID when the source is unknown.
    pub fn source_label(&self, id: &str) -> String {
        match self.source(id).and_then(|s| s.name.as_deref()) {
            Some(name) => format!("\"{name}\" ({id})"),
            None => id.to_string(),
        }
    }

    pub(crate) fn add_actor(&mut self, r: &ActorRow<'_>) {
        let Some(id) = r.actor_id else { return };
        let next = self.actors.len() as u32;
        if self.actor_ix.insert_first(id, next).is_some() {
            return;
        }
        self.actors.push(ActorInfo {
            id: id.to_string(),
            name: r.name.map(str::to_string),
            kind: r.kind(),
            aliases: r.aliases.iter().map(|s| s.to_string()).collect(),
            description: r.description.map(str::to_string),
            affiliation_id: r.affiliation_id.map(str::to_string),
        });
    }

    pub(crate) fn add_source(&mut self, r: &SourceRow<'_>) {
        let Some(id) = r.source_id else { return };
        let next = self.sources.len() as u32;
        if self.source_ix.insert_first(id, next).is_some() {
            return;
        }
        self.sources.push(SourceInfo {
            id: id.to_string(),
            name: r.name.map(str::to_string),
            kind: r.kind(),
            actor_id: r.actor_id.map(str::to_string),
        });
    }

    pub(crate) fn add_article(&mut self, r: &ArticleRow<'_>) {
        let Some(id) = r.article_id else { return };
        let next = self.articles.len() as u32;
        if self.article_ix.insert_first(id, next).is_some() {
            return;
        }
        self.articles.push(ArticleInfo {
            id: id.to_string(),
            origin: r.origin.map(Arc::from),
        });
    }
}

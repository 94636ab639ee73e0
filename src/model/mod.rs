//! The dataset's records, defined once: serde types whose JSON Schemas are generated
//! with schemars (see [`schema`]) and whose Arrow layouts live in `dataset::tables`.
//!
//! This module depends on nothing else in the crate.

pub mod ids;
pub mod names;
pub mod schema;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use ids::{ActorId, ArticleId, ClaimId, MentionId, SourceId, sha256_hex};
pub use names::{fold_name, fold_name_into};

/// Version of the dataset contract (tables, columns, meanings) the records follow.
pub const SCHEMA_VERSION: &str = "1.0.0";

macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The lower-case name stored in datasets.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// Parses the stored lower-case name.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_set!(
    /// How a claim is voiced.
    ClaimKind {
        /// Quoted words attributed to a source; the span excludes the quotation marks.
        Direct => "direct",
        /// Reported speech or findings without quotation marks.
        Indirect => "indirect",
        /// Reported speech that quotes only part of its content.
        Mixed => "mixed",
        /// The article's own voice.
        Assertion => "assertion",
    }
);

closed_set!(
    /// What kind of source a claim is attributed to.
    SourceKind {
        /// A named individual.
        Person => "person",
        /// A named body: organisation, armed group, state, government, ministry.
        Organization => "organization",
        /// A report, study, statement or other document that does the saying.
        Document => "document",
        /// Another news outlet cited as the source.
        Media => "media",
        /// An unnamed plural or generic source ("experts", "residents").
        Vague => "vague",
        /// A specific but unnamed individual ("a security source").
        Anonymous => "anonymous",
    }
);

closed_set!(
    /// What kind of entity an actor is.
    ActorKind {
        /// A named individual.
        Person => "person",
        /// A non-state armed group, militia, insurgent group or private military company.
        ArmedGroup => "armed_group",
        /// An NGO, institute, company, university, international body, party or union.
        Organization => "organization",
        /// A country, its government, army or police.
        State => "state",
        /// A news outlet or agency.
        Media => "media",
    }
);

closed_set!(
    /// How serious a checker finding is.
    Severity {
        /// The dataset is wrong.
        Error => "error",
        /// The dataset is probably wrong or weak.
        Warning => "warning",
        /// Worth knowing.
        Info => "info",
    }
);

impl ActorKind {
    /// The source kind an actor of this kind speaks as.
    pub fn source_kind(self) -> SourceKind {
        match self {
            ActorKind::Person => SourceKind::Person,
            ActorKind::Media => SourceKind::Media,
            ActorKind::ArmedGroup | ActorKind::Organization | ActorKind::State => {
                SourceKind::Organization
            }
        }
    }
}

/// One news article, normalised; every offset in the dataset points into its `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable ID derived from the raw content.
    pub article_id: ArticleId,
    /// Headline.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Normalised body (NFC, LF line ends, paragraphs separated by a blank line).
    pub text: String,
    /// Where it came from: input path, `stdin`, or `file.jsonl:LINE`.
    #[schemars(length(min = 1))]
    pub origin: String,
    /// The outlet that published it (a source of kind `media`), when known.
    pub source_id: Option<SourceId>,
    /// Address of the article.
    #[schemars(url)]
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// BCP-47 language tag, e.g. `en`.
    #[schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub language: String,
    /// Teaser headlines removed from the body.
    pub related_headlines: Vec<String>,
    /// Words in `text`: runs of characters between white space that hold a letter or a
    /// digit.
    pub word_count: u32,
    /// SHA-256 of the raw input bytes, lower-case hex.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub raw_sha256: String,
}

/// One proposition an article states, with who it is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Derived from the article and the span.
    pub claim_id: ClaimId,
    /// The article the claim is in.
    pub article_id: ArticleId,
    /// The claim content, equal to `articles.text[start:end]`.
    #[schemars(length(min = 1))]
    pub text: String,
    /// Start of the span, in Unicode code points.
    pub start: u32,
    /// End of the span (exclusive), in Unicode code points.
    pub end: u32,
    /// Zero-based paragraph of the span's start.
    pub paragraph: u32,
    /// Zero-based sentence (within the article) of the span's start.
    pub sentence: u32,
    /// How the claim is voiced.
    pub kind: ClaimKind,
    /// Who or what the claim is attributed to; null is the article's own voice.
    pub source_id: Option<SourceId>,
    /// The reporting verb or phrase as written ("said", "according to").
    #[schemars(length(min = 1))]
    pub cue: Option<String>,
    /// Hedging words in the claim ("appears", "likely", "could").
    pub hedges: Vec<String>,
    /// Actors the claim mentions.
    pub actor_ids: Vec<ActorId>,
}

/// Who or what claims are attributed to, shared across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Derived from the kind and the normalised name.
    pub source_id: SourceId,
    /// The person or body, or the phrase for vague and anonymous sources.
    #[schemars(length(min = 1))]
    pub name: String,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// The actor behind the source (for a document, its publisher).
    pub actor_id: Option<ActorId>,
    /// E.g. "field study" for a document.
    #[schemars(length(min = 1))]
    pub description: Option<String>,
}

/// An entity that acts, speaks or is acted upon, shared across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Derived from the kind and the normalised name.
    pub actor_id: ActorId,
    /// Canonical name: the fullest proper form seen.
    #[schemars(length(min = 1))]
    pub name: String,
    /// What kind of entity it is.
    pub kind: ActorKind,
    /// Other names seen: acronyms, surnames, metonyms.
    pub aliases: Vec<String>,
    /// Role or title ("African affairs and military expert").
    #[schemars(length(min = 1))]
    pub description: Option<String>,
    /// The group a person leads or belongs to, when stated.
    pub affiliation_id: Option<ActorId>,
}

/// One occurrence of an actor in an article: the evidence span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// Derived from the article, the actor and the span.
    pub mention_id: MentionId,
    /// The article the mention is in.
    pub article_id: ArticleId,
    /// The actor mentioned.
    pub actor_id: ActorId,
    /// Start of the surface form, in Unicode code points.
    pub start: u32,
    /// End of the surface form (exclusive), in Unicode code points.
    pub end: u32,
    /// The surface form as written, equal to `articles.text[start:end]`.
    #[schemars(length(min = 1))]
    pub text: String,
}

/// One problem `claimset check` found in a dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable rule code, e.g. `CS101`.
    #[schemars(regex(pattern = r"^CS[0-9]{3}$"))]
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// Table of the offending record.
    pub table: String,
    /// Primary key of the offending record.
    pub record_id: Option<String>,
    /// Article the finding is about.
    pub article_id: Option<ArticleId>,
    /// Start of the span in the article text, when there is one.
    pub start: Option<u32>,
    /// End of the span in the article text, when there is one.
    pub end: Option<u32>,
    /// One sentence a person can act on.
    #[schemars(length(min = 1))]
    pub message: String,
}

/// `dataset.json`: what a dataset folder holds and how it was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Version of the dataset contract.
    pub schema_version: String,
    /// `claimset` version that wrote the dataset.
    pub converter_version: String,
    /// Offset unit of every `start` / `end`: always `unicode_codepoints`.
    pub offsets: String,
    /// The tables, in a fixed order.
    pub tables: Vec<TableEntry>,
    /// Inputs that could not be converted, with the reason.
    pub rejected: Vec<Rejected>,
    /// Notes on inputs that converted, e.g. unbalanced quotation marks.
    pub issues: Vec<ConversionIssue>,
}

/// One table of a dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableEntry {
    /// Table name, e.g. `claims`.
    pub name: String,
    /// Path of the Parquet file, relative to the dataset folder.
    pub path: String,
    /// Number of rows.
    pub rows: u64,
    /// SHA-256 of the file, lower-case hex: readers refuse a file that no longer matches
    /// (damaged, or changed after it was written). Absent for tables written otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: Option<String>,
    /// The part files of a table written as a folder (`claims/part-0001.parquet`, ...),
    /// in order; empty for a table in one file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<TablePart>,
}

/// One part file of a table written as a folder of part files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TablePart {
    /// Path of the part file, relative to the dataset folder.
    pub path: String,
    /// Number of rows in the part.
    pub rows: u64,
    /// SHA-256 of the part file, lower-case hex.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
}

/// An input that was not converted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    /// Input path, `stdin`, or `file.jsonl:LINE`.
    pub path: String,
    /// Why it was rejected.
    pub reason: String,
}

/// A note on an input that did convert.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversionIssue {
    /// Input path, `stdin`, or `file.jsonl:LINE`.
    pub origin: String,
    /// The article, when one was made.
    pub article_id: Option<ArticleId>,
    /// What was noticed.
    pub message: String,
}

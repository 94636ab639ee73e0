//! What a rule is: its metadata (stable code, name, default severity, docs) and the hooks
//! the engine calls while it streams a dataset.
//!
//! A rule lives in one file under `rules/<group>/`, declared with [`declare_rule!`] so its
//! doc comment (the four headings *What it does*, *Why is this bad?*, *Example*, *Use
//! instead*) is also the text `claimset rule CODE` prints.

use super::context::Context;
use super::diagnostic::Sink;
use super::rows::{
    ActorRow, ArticleRow, ArticleText, Batch, ClaimRow, MentionRow, SourceRow, TableFile,
};
use crate::model::Severity;

/// The groups of rules, by the hundreds digit of their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// CS1xx: tables, columns, types, schemas, keys, IDs.
    Structure,
    /// CS2xx: foreign keys.
    References,
    /// CS3xx: offsets into the article text.
    Spans,
    /// CS4xx: who claims are attributed to.
    Attribution,
    /// CS5xx: agreement across records and articles.
    Consistency,
    /// CS6xx: article metadata.
    Completeness,
    /// CS7xx: the manifest (`dataset.json`) against the files.
    Manifest,
}

impl Group {
    /// Every group, in code order.
    pub const ALL: &'static [Group] = &[
        Group::Structure,
        Group::References,
        Group::Spans,
        Group::Attribution,
        Group::Consistency,
        Group::Completeness,
        Group::Manifest,
    ];

    /// The lower-case group name, also its folder under `rules/`.
    pub fn name(self) -> &'static str {
        match self {
            Group::Structure => "structure",
            Group::References => "references",
            Group::Spans => "spans",
            Group::Attribution => "attribution",
            Group::Consistency => "consistency",
            Group::Completeness => "completeness",
            Group::Manifest => "manifest",
        }
    }

    /// The code prefix of the group's rules, e.g. `CS1`.
    pub fn prefix(self) -> &'static str {
        match self {
            Group::Structure => "CS1",
            Group::References => "CS2",
            Group::Spans => "CS3",
            Group::Attribution => "CS4",
            Group::Consistency => "CS5",
            Group::Completeness => "CS6",
            Group::Manifest => "CS7",
        }
    }

    /// The group a rule code belongs to.
    pub fn of(code: &str) -> Option<Group> {
        Group::ALL
            .iter()
            .copied()
            .find(|g| code.len() == 5 && code.starts_with(g.prefix()))
    }
}

/// What is known about a rule without running it.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, `CS` and three digits; the hundreds digit is the group.
    pub code: &'static str,
    /// Kebab-case name of the problem the rule flags, e.g. `vague-source`.
    pub name: &'static str,
    /// Severity unless the configuration says otherwise.
    pub severity: Severity,
    /// What to do about a finding, one line.
    pub help: &'static str,
    /// The rule's doc comment, one leading space per line (as `///` writes it).
    pub raw_docs: &'static str,
}

/// Headings every rule's docs have, in this order.
pub const DOC_HEADINGS: [&str; 4] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
];

impl RuleMeta {
    /// The group, from the code.
    pub fn group(&self) -> Group {
        Group::of(self.code).expect("registry codes are well-formed")
    }

    /// The docs as Markdown.
    pub fn docs(&self) -> String {
        let mut out = String::new();
        for line in self.raw_docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim().to_string() + "\n"
    }

    /// The first sentence under *What it does*.
    pub fn summary(&self) -> String {
        let docs = self.docs();
        let body = docs
            .split_once(DOC_HEADINGS[0])
            .map_or(docs.as_str(), |(_, rest)| rest);
        let para: Vec<&str> = body
            .trim_start()
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let para = para.join(" ");
        match para.find(". ") {
            Some(i) => para[..=i].to_string(),
            None => para,
        }
    }
}

/// A check over a dataset. The engine reads the tables in the order actors, sources,
/// articles, claims, mentions, calling the hooks below as it goes; a hook sees the
/// [`Context`] of the tables read before its own. Every hook does nothing by default.
#[allow(unused_variables)]
pub trait Rule: Send {
    /// A table has no file at all.
    fn missing_table(&mut self, table: &'static str, cx: &Context, out: &mut Sink) {}
    /// A table file's schema, before its rows.
    fn table_file(&mut self, file: &TableFile<'_>, cx: &Context, out: &mut Sink) {}
    /// A record batch of any table, before its rows.
    fn batch(&mut self, batch: &Batch<'_>, cx: &Context, out: &mut Sink) {}
    /// One actor.
    fn actor(&mut self, row: &ActorRow<'_>, cx: &Context, out: &mut Sink) {}
    /// One source.
    fn source(&mut self, row: &SourceRow<'_>, cx: &Context, out: &mut Sink) {}
    /// One article, with its text.
    fn article(&mut self, row: &ArticleRow<'_>, cx: &Context, out: &mut Sink) {}
    /// One claim.
    fn claim(&mut self, row: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {}
    /// One mention.
    fn mention(&mut self, row: &MentionRow<'_>, cx: &Context, out: &mut Sink) {}
    /// Every file of `table` has been read (each table is read once, in reading order):
    /// what a rule kept only for that table's rows can go.
    fn table_end(&mut self, table: &'static str, cx: &Context, out: &mut Sink) {}
    /// After every table is read: one article's text with the spans of its claims and
    /// mentions.
    fn article_text(&mut self, text: &ArticleText<'_>, cx: &Context, out: &mut Sink) {}
    /// At the end, with every table read.
    fn finish(&mut self, cx: &Context, out: &mut Sink) {}
    /// The columns of `table` the rule's row hooks read (a row's `loc()` reads the
    /// primary key, `article_id`, `start` and `end`); `None`, the default, for every
    /// column. When every rule that runs names its columns, the engine reads no others.
    fn columns(&self, table: &str) -> Option<&'static [&'static str]> {
        None
    }
    /// Whether the rule implements [`Rule::article_text`]: the texts and spans are only
    /// read again when a rule that runs does.
    fn reads_texts(&self) -> bool {
        false
    }
}

/// A rule type with its metadata; what [`declare_rule!`] produces.
pub trait Declared: Rule + Default + 'static {
    /// The rule's code, name, severity, help and docs.
    const META: RuleMeta;
}

/// Declares a rule: its doc comment becomes its docs, the struct its state (every field
/// starts at `Default`), and `code`, `name`, `severity`, `help` its metadata.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident { $($field:ident : $ty:ty),* $(,)? }
        code = $code:literal,
        name = $rname:literal,
        severity = $sev:ident,
        help = $help:literal $(,)?
    ) => {
        $(#[doc = $doc])*
        #[derive(Default)]
        pub struct $name { $($field: $ty),* }

        impl $crate::check::rule::Declared for $name {
            const META: $crate::check::rule::RuleMeta = $crate::check::rule::RuleMeta {
                code: $code,
                name: $rname,
                severity: $crate::model::Severity::$sev,
                help: $help,
                raw_docs: concat!($($doc, "\n"),*),
            };
        }
    };
}

pub(crate) use declare_rule;

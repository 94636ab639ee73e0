//! Diagnostics: what a rule reports (where and what), how they are collected, and how
//! they become the `Finding` records of `findings.parquet`.

use std::path::PathBuf;
use std::sync::Arc;

use super::rule::RuleMeta;
use crate::model::{ArticleId, Finding, Severity};

/// Orders severities: info < warning < error.
pub fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

/// Whether `s` is at least as serious as `threshold`.
pub fn at_or_above(s: Severity, threshold: Severity) -> bool {
    severity_rank(s) >= severity_rank(threshold)
}

/// The record a table's rows are, in the singular (`claims` → `claim`).
pub fn singular(table: &str) -> &str {
    match table {
        "articles" => "article",
        "claims" => "claim",
        "sources" => "source",
        "actors" => "actor",
        "mentions" => "mention",
        "findings" => "finding",
        other => other,
    }
}

/// Where a finding is: a table, and optionally a record, its article, a span of the
/// article text and the file the record was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loc {
    /// Table of the offending record.
    pub table: &'static str,
    /// Primary key of the record.
    pub record_id: Option<String>,
    /// Article the record belongs to.
    pub article_id: Option<String>,
    /// Code-point span in the article text.
    pub span: Option<(u32, u32)>,
    /// The table file the record came from, for findings about files.
    pub file: Option<PathBuf>,
}

impl Loc {
    /// A whole table.
    pub fn table(table: &'static str) -> Self {
        Self {
            table,
            ..Self::default()
        }
    }

    /// One record of a table, by primary key.
    pub fn record(table: &'static str, record_id: Option<&str>) -> Self {
        Self {
            table,
            record_id: record_id.map(str::to_string),
            ..Self::default()
        }
    }

    /// The same place, inside an article.
    pub fn article(mut self, article_id: Option<&str>) -> Self {
        self.article_id = article_id.map(str::to_string);
        self
    }

    /// The same place, narrowed to a span of the article text.
    pub fn span(mut self, start: Option<u32>, end: Option<u32>) -> Self {
        self.span = start.zip(end);
        self
    }

    /// The same place, without a span.
    pub fn no_span(mut self) -> Self {
        self.span = None;
        self
    }

    /// The same place, read from `file`.
    pub fn file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }
}

/// The input file an article came from, and the line of a finding in it when found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputPos {
    /// Path as recorded in `articles.origin`, without a `:LINE` suffix (shared by the
    /// findings of an article).
    pub path: Arc<str>,
    /// One-based line in the input, when known.
    pub line: Option<usize>,
    /// One-based column (in characters), when known.
    pub column: Option<usize>,
}

/// A span placed in the article text: line and column, and the lines around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// One-based line of the span's start in the article text.
    pub line: usize,
    /// One-based column (in characters) of the span's start.
    pub column: usize,
    /// One-based line of the span's last character.
    pub end_line: usize,
    /// One-based column just past the span's last character.
    pub end_column: usize,
    /// The lines of the article text the span touches (at most a few).
    pub excerpt: String,
    /// Byte range of the span within `excerpt`.
    pub excerpt_range: std::ops::Range<usize>,
}

/// One finding of one rule, with everything the renderers need.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The rule that reported it.
    pub rule: &'static RuleMeta,
    /// Its effective severity (the rule's default or the configured one).
    pub severity: Severity,
    /// Where it is.
    pub loc: Loc,
    /// What is wrong: lower case, no trailing period.
    pub message: String,
    /// `articles.origin` of the article, when there is one (shared by its findings).
    pub origin: Option<Arc<str>>,
    /// The span placed in the article text, when the span is valid (boxed, as most
    /// findings are held before they are placed).
    pub place: Option<Box<Place>>,
    /// The span (or the article) placed in its input file, when the origin is known.
    pub input: Option<Box<InputPos>>,
}

impl Diagnostic {
    /// The `findings.parquet` record.
    pub fn finding(&self) -> Finding {
        Finding {
            rule: self.rule.code.to_string(),
            severity: self.severity,
            table: self.loc.table.to_string(),
            record_id: self.loc.record_id.clone(),
            article_id: self.loc.article_id.clone().map(ArticleId::from_stored),
            start: self.loc.span.map(|s| s.0),
            end: self.loc.span.map(|s| s.1),
            message: self.message.clone(),
        }
    }

    /// `claim clm_…`, `actor act_…`, or the table when there is no record.
    pub fn record_label(&self) -> String {
        match &self.loc.record_id {
            Some(id) => format!("{} {id}", singular(self.loc.table)),
            None => format!("table {}", self.loc.table),
        }
    }
}

/// Collects the diagnostics of one rule.
#[derive(Debug, Default)]
pub struct Sink {
    current: Option<(&'static RuleMeta, Severity)>,
    out: Vec<Diagnostic>,
    /// Where each phase of the run starts in `out`: (first index, phase), in order; the
    /// engine marks the phases so that it can tell when a finding was reported.
    phases: Vec<(usize, u8)>,
}

impl Sink {
    /// Reports a finding at `loc`.
    pub fn emit(&mut self, loc: Loc, message: impl Into<String>) {
        let (rule, severity) = self.current.expect("the engine sets the rule");
        // Findings are held until the end: `format!` leaves room to spare.
        let mut message = message.into();
        message.shrink_to_fit();
        self.out.push(Diagnostic {
            rule,
            severity,
            loc,
            message,
            origin: None,
            place: None,
            input: None,
        });
    }

    /// A sink for the findings of `rule`, reported at `severity`.
    pub(crate) fn for_rule(rule: &'static RuleMeta, severity: Severity) -> Self {
        Self {
            current: Some((rule, severity)),
            out: Vec::new(),
            phases: Vec::new(),
        }
    }

    /// The number of diagnostics collected.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }

    /// Every diagnostic collected.
    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.out
    }

    /// The diagnostics collected so far.
    pub(crate) fn diagnostics(&self) -> &[Diagnostic] {
        &self.out
    }

    /// Diagnostic `k`, to be placed.
    pub(crate) fn get_mut(&mut self, k: usize) -> &mut Diagnostic {
        &mut self.out[k]
    }

    /// Notes that the findings reported from now on belong to `phase`.
    pub(crate) fn mark(&mut self, phase: u8) {
        if self.phases.last().map(|p| p.1) != Some(phase) {
            self.phases.push((self.out.len(), phase));
        }
    }

    /// The phase diagnostic `k` was reported in (`default` before any mark).
    pub(crate) fn phase_of(&self, k: usize, default: u8) -> u8 {
        match self.phases.partition_point(|p| p.0 <= k) {
            0 => default,
            n => self.phases[n - 1].1,
        }
    }
}

/// Quotes a value for a message, shortened to `max` characters with an ellipsis.
pub fn quoted(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        format!("\"{flat}\"")
    } else {
        let head: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("\"{}…\"", head.trim_end())
    }
}

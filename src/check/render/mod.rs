//! Renderings of a report, one file per format: `human` (compiler-style, with the
//! article excerpt underlined), `concise` (one line per finding), `json`, `github`
//! (workflow annotations), `junit` and `sarif`.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use super::Report;
use super::diagnostic::Diagnostic;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Compiler-style diagnostics with an excerpt of the article.
    Human,
    /// One line per finding.
    Concise,
    /// A JSON array of findings.
    Json,
    /// GitHub Actions workflow commands (`::error file=…::message`).
    Github,
    /// JUnit XML, one test suite per rule.
    Junit,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

impl Format {
    /// Every format, in documentation order.
    pub const ALL: &'static [Format] = &[
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Github,
        Format::Junit,
        Format::Sarif,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Sarif => "sarif",
        }
    }

    /// The format with this name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Use ANSI colours (human format only).
    pub color: bool,
}

/// Renders a report in a format.
pub fn render(report: &Report, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, options),
        Format::Concise => concise::render(report),
        Format::Json => json::render(report),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report),
        Format::Sarif => sarif::render(report),
    }
}

/// The file a finding is best shown at: its input file when the article's origin is
/// known, else the table file it was read from, else the table's file in the dataset.
pub fn file_of(report: &Report, d: &Diagnostic) -> String {
    if let Some(input) = &d.input {
        return input.path.clone();
    }
    if let Some(file) = &d.loc.file {
        return file.to_string_lossy().into_owned();
    }
    report
        .dir
        .join(format!("{}.parquet", d.loc.table))
        .to_string_lossy()
        .into_owned()
}

/// `path:line:col` when the finding is placed in its input, `article:line:col` when only
/// in the article text, else the file.
pub fn position(report: &Report, d: &Diagnostic) -> String {
    if let Some(input) = &d.input
        && let Some(line) = input.line
    {
        return match input.column {
            Some(col) => format!("{}:{line}:{col}", input.path),
            None => format!("{}:{line}", input.path),
        };
    }
    if let (Some(p), Some(article)) = (&d.place, &d.loc.article_id) {
        return format!("{article}:{}:{}", p.line, p.column);
    }
    file_of(report, d)
}

//! Renderings of the reports of one run (one per dataset checked), one file per format:
//! `human` (compiler-style, with the article excerpt underlined), `concise` (one line
//! per finding), `json`, `json-lines`, `github` (workflow annotations), `gitlab` (Code
//! Quality), `junit` and `sarif`; besides them `statistics` (counts per rule) and
//! `step_summary` (the Markdown of a GitHub job summary).

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod sarif;
pub mod statistics;
pub mod step_summary;

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
    /// One JSON object per line and finding.
    JsonLines,
    /// GitHub Actions workflow commands (`::error file=…::message`).
    Github,
    /// GitLab Code Quality report (a JSON array of issues).
    Gitlab,
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
        Format::JsonLines,
        Format::Github,
        Format::Gitlab,
        Format::Junit,
        Format::Sarif,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::JsonLines => "json-lines",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
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

/// Writes the reports of a run (one per dataset, in the order checked) in a format to
/// `out`, finding by finding in every format, so that no rendering of all the findings
/// is held in memory.
pub fn write(
    reports: &[Report],
    format: Format,
    options: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Concise => concise::write(reports, out),
        Format::Json => json::write(reports, out),
        Format::JsonLines => json_lines::write(reports, out),
        Format::Github => github::write(reports, out),
        Format::Gitlab => gitlab::write(reports, out),
        Format::Human => human::write(reports, options, out),
        Format::Junit => junit::write(reports, out),
        Format::Sarif => sarif::write(reports, out),
    }
}

/// What `write` puts into a buffer, as text.
fn to_string(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> String {
    let mut buf = Vec::new();
    write(&mut buf).expect("writing to memory does not fail");
    String::from_utf8(buf).expect("renderers write UTF-8")
}

/// Writes JSON values as a pretty-printed array, exactly as `serde_json::to_string_pretty`
/// prints the whole array (and a final newline), one value at a time.
fn write_pretty_array(
    items: impl Iterator<Item = serde_json::Value>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut first = true;
    for item in items {
        out.write_all(if first { b"[\n  " } else { b",\n  " })?;
        first = false;
        let text = serde_json::to_string_pretty(&item).map_err(std::io::Error::other)?;
        // A value's own line breaks are all between tokens (strings escape theirs), so
        // indenting each line nests it in the array.
        out.write_all(text.replace('\n', "\n  ").as_bytes())?;
    }
    out.write_all(if first { b"[]\n" } else { b"\n]\n" })
}

/// Renders the reports of a run (one per dataset, in the order checked) in a format.
pub fn render(reports: &[Report], format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(reports, options),
        Format::Concise => concise::render(reports),
        Format::Json => json::render(reports),
        Format::JsonLines => json_lines::render(reports),
        Format::Github => github::render(reports),
        Format::Gitlab => gitlab::render(reports),
        Format::Junit => junit::render(reports),
        Format::Sarif => sarif::render(reports),
    }
}

/// Where a rule is documented: its heading in `docs/rules.md`, a path relative to the
/// repository root (the crate names no repository URL to make it absolute).
pub fn rule_docs_uri(rule: &crate::check::rule::RuleMeta) -> String {
    format!(
        "docs/rules.md#{}-{}",
        rule.name,
        rule.code.to_ascii_lowercase()
    )
}

/// The file a finding is best shown at: its input file when the article's origin is
/// known, else the table file it was read from, else the table's file in the dataset.
pub fn file_of(report: &Report, d: &Diagnostic) -> String {
    if let Some(input) = &d.input {
        return input.path.to_string();
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

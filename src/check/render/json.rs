//! The JSON format: an array of findings with their dataset, rule, place and input
//! position.

use std::io::Write;

use serde_json::{Value, json};

use crate::check::Report;
use crate::check::diagnostic::Diagnostic;

/// One finding as a JSON object (shared with the `json-lines` format).
pub fn finding(report: &Report, d: &Diagnostic) -> Value {
    json!({
        "dataset": report.dir.to_string_lossy(),
        "rule": d.rule.code,
        "name": d.rule.name,
        "severity": d.severity,
        "table": d.loc.table,
        "record_id": d.loc.record_id,
        "article_id": d.loc.article_id,
        "start": d.loc.span.map(|s| s.0),
        "end": d.loc.span.map(|s| s.1),
        "message": d.message,
        "help": d.rule.help,
        "file": d.loc.file.as_ref().map(|f| f.to_string_lossy()),
        "origin": d.origin.as_deref(),
        "input": d.input.as_ref().map(|i| json!({
            "path": &*i.path,
            "line": i.line,
            "column": i.column,
        })),
        "text_position": d.place.as_ref().map(|p| json!({
            "line": p.line,
            "column": p.column,
            "end_line": p.end_line,
            "end_column": p.end_column,
        })),
    })
}

/// Renders the findings of every report as one pretty-printed JSON array.
pub fn render(reports: &[Report]) -> String {
    super::to_string(|out| write(reports, out))
}

/// Writes the findings of every report to `out` as one pretty-printed JSON array, one
/// finding at a time.
pub fn write(reports: &[Report], out: &mut dyn Write) -> std::io::Result<()> {
    let findings = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| finding(r, d)));
    super::write_pretty_array(findings, out)
}

//! The JSON format: an array of findings with their rule, place and input position.

use serde_json::{Value, json};

use crate::check::Report;

/// Renders the findings as a pretty-printed JSON array.
pub fn render(report: &Report) -> String {
    let findings: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            json!({
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
                "origin": d.origin,
                "input": d.input.as_ref().map(|i| json!({
                    "path": i.path,
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
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&findings).expect("findings serialise");
    text.push('\n');
    text
}

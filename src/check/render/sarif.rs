//! The SARIF 2.1.0 format: one run per dataset checked, with the rules that ran as the
//! tool's rules (each with a `helpUri` to its documentation) and one result per finding,
//! located in the input file (or the table file) and by record.

use serde_json::{Value, json};

use std::io::Write;

use crate::check::Report;
use crate::check::diagnostic::Diagnostic;
use crate::check::render::{file_of, rule_docs_uri};
use crate::model::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders a SARIF log as pretty-printed JSON.
pub fn render(reports: &[Report]) -> String {
    super::to_string(|out| write(reports, out))
}

/// What stands for each run's results in the log written around them.
const RESULTS: &str = "\"results\": []";

/// Writes the SARIF log to `out` as `serde_json::to_string_pretty` prints it, one result
/// at a time: the log is printed with each run's results empty, and the results are
/// written in their place.
pub fn write(reports: &[Report], out: &mut dyn Write) -> std::io::Result<()> {
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": reports.iter().map(run).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&log).map_err(std::io::Error::other)?;
    // Strings escape their quotation marks, so the marker is only ever the key itself.
    let mut parts = text.split(RESULTS);
    out.write_all(parts.next().unwrap_or_default().as_bytes())?;
    for (report, part) in reports.iter().zip(parts) {
        write_results(report, out)?;
        out.write_all(part.as_bytes())?;
    }
    out.write_all(b"\n")
}

/// `"results": [...]` of one run, at the depth of a run's keys.
fn write_results(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    if report.diagnostics.is_empty() {
        return out.write_all(RESULTS.as_bytes());
    }
    out.write_all(b"\"results\": [")?;
    for (i, d) in report.diagnostics.iter().enumerate() {
        let item =
            serde_json::to_string_pretty(&result(report, d)).map_err(std::io::Error::other)?;
        out.write_all(if i == 0 {
            b"\n        "
        } else {
            b",\n        "
        })?;
        out.write_all(item.replace('\n', "\n        ").as_bytes())?;
    }
    out.write_all(b"\n      ]")
}

fn run(report: &Report) -> Value {
    let rules: Vec<Value> = report
        .rules
        .iter()
        .map(|(r, severity)| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": r.summary()},
                "help": {"text": r.help, "markdown": r.docs()},
                "helpUri": rule_docs_uri(r),
                "defaultConfiguration": {"level": level(*severity)},
                "properties": {"group": r.group().name()},
            })
        })
        .collect();
    json!({
        "tool": {"driver": {
            "name": "claimset",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }},
        "results": [],
    })
}

/// One finding as a SARIF result.
fn result(report: &Report, d: &Diagnostic) -> Value {
    let index = report.rules.iter().position(|(r, _)| r.code == d.rule.code);
    let mut physical = json!({"artifactLocation": {"uri": file_of(report, d)}});
    if let Some(input) = &d.input
        && let Some(line) = input.line
    {
        let mut region = json!({"startLine": line});
        if let Some(col) = input.column {
            region["startColumn"] = json!(col);
            if let Some(p) = d.place.as_ref().filter(|p| p.end_line == p.line) {
                region["endColumn"] = json!(col + p.end_column - p.column);
            }
        }
        physical["region"] = region;
    }
    let mut logical = json!({
        "fullyQualifiedName": format!("{}/{}", d.loc.table, d.loc.record_id.as_deref().unwrap_or("")),
        "kind": "object",
    });
    if d.loc.record_id.is_none() {
        logical["fullyQualifiedName"] = json!(d.loc.table);
    }
    let mut result = json!({
        "ruleId": d.rule.code,
        "level": level(d.severity),
        "message": {"text": format!("{} ({})", d.message, d.record_label())},
        "locations": [{"physicalLocation": physical, "logicalLocations": [logical]}],
        "properties": {
            "table": d.loc.table,
            "record_id": d.loc.record_id,
            "article_id": d.loc.article_id,
            "start": d.loc.span.map(|s| s.0),
            "end": d.loc.span.map(|s| s.1),
        },
    });
    if let Some(i) = index {
        result["ruleIndex"] = json!(i);
    }
    result
}

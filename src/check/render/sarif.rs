//! The SARIF 2.1.0 format: one run per dataset checked, with the rules that ran as the
//! tool's rules (each with a `helpUri` to its documentation) and one result per finding,
//! located in the input file (or the table file) and by record.

use serde_json::{Value, json};

use crate::check::Report;
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
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": reports.iter().map(run).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    text.push('\n');
    text
}

/// The run of one report.
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
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
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
        })
        .collect();
    json!({
        "tool": {"driver": {
            "name": "claimset",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }},
        "results": results,
    })
}

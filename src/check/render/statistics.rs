//! Statistics: how many findings each rule reported, over every dataset of a run, most
//! frequent first (`--statistics`, as in ruff).

use serde_json::json;

use crate::check::Report;
use crate::check::rule::RuleMeta;
use crate::model::Severity;

/// One rule's count.
#[derive(Debug, Clone)]
pub struct RuleCount {
    /// The rule.
    pub rule: &'static RuleMeta,
    /// Its effective severity in this run.
    pub severity: Severity,
    /// Findings it reported.
    pub count: usize,
}

/// The count of every rule with findings, most findings first, then by code.
pub fn counts(reports: &[Report]) -> Vec<RuleCount> {
    let mut out: Vec<RuleCount> = Vec::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        match out.iter_mut().find(|c| c.rule.code == d.rule.code) {
            Some(c) => c.count += 1,
            None => out.push(RuleCount {
                rule: d.rule,
                severity: d.severity,
                count: 1,
            }),
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.code.cmp(b.rule.code)));
    out
}

/// Renders the counts as text, one rule a line (count, code, severity and name separated
/// by tabs), or as a JSON array when `json`.
pub fn render(reports: &[Report], json: bool) -> String {
    let counts = counts(reports);
    if json {
        let rows: Vec<_> = counts
            .iter()
            .map(|c| {
                json!({
                    "code": c.rule.code,
                    "name": c.rule.name,
                    "severity": c.severity,
                    "count": c.count,
                })
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&rows).expect("statistics serialise");
        text.push('\n');
        return text;
    }
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for c in &counts {
        out.push_str(&format!(
            "{:>width$}\t{}\t{}\t{}\n",
            c.count,
            c.rule.code,
            c.severity.as_str(),
            c.rule.name
        ));
    }
    out
}

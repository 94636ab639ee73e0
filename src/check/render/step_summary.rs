//! The Markdown of a GitHub Actions job summary: the findings of each dataset by
//! severity, a table of counts per rule and the first findings, most severe first.

use crate::check::Report;
use crate::check::diagnostic::severity_rank;
use crate::check::render::{position, statistics};

/// Findings listed at most in the summary.
const TOP: usize = 20;

/// Escapes a table cell: pipes and line breaks would end it.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Renders the summary of a run.
pub fn render(reports: &[Report]) -> String {
    let mut out = String::from("## claimset check\n\n");
    for r in reports {
        out.push_str(&format!(
            "- `{}`: {}\n",
            cell(&r.dir.to_string_lossy()),
            r.summary()
        ));
    }
    let counts = statistics::counts(reports);
    if counts.is_empty() {
        out.push_str("\nNo findings.\n");
        return out;
    }
    out.push_str("\n| rule | name | severity | findings |\n|---|---|---|---:|\n");
    for c in &counts {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            c.rule.code, c.rule.name, c.severity, c.count
        ));
    }
    let mut all: Vec<_> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .collect();
    // Stable: the checker's order within one severity.
    all.sort_by_key(|(_, d)| std::cmp::Reverse(severity_rank(d.severity)));
    let shown = all.len().min(TOP);
    out.push_str(&format!(
        "\n### Findings ({shown} of {})\n\n| severity | rule | where | message |\n|---|---|---|---|\n",
        all.len()
    ));
    for (r, d) in &all[..shown] {
        out.push_str(&format!(
            "| {} | {} | `{}` | {} ({}) |\n",
            d.severity,
            d.rule.code,
            cell(&position(r, d)),
            cell(&d.message),
            cell(&d.record_label())
        ));
    }
    out
}

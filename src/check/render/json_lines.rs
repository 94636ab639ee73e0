//! The JSON Lines format: one compact JSON object per finding and line, the objects of
//! the `json` format, for `jq`, log shippers and streaming readers.

use crate::check::Report;
use crate::check::render::json::finding;

/// Renders one JSON object per line and finding.
pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    for report in reports {
        for d in &report.diagnostics {
            out.push_str(&finding(report, d).to_string());
            out.push('\n');
        }
    }
    out
}

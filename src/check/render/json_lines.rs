//! The JSON Lines format: one compact JSON object per finding and line, the objects of
//! the `json` format, for `jq`, log shippers and streaming readers.

use std::io::Write;

use crate::check::Report;
use crate::check::render::json::finding;

/// Renders one JSON object per line and finding.
pub fn render(reports: &[Report]) -> String {
    super::to_string(|out| write(reports, out))
}

/// Writes one JSON object per line and finding to `out`, as it goes.
pub fn write(reports: &[Report], out: &mut dyn Write) -> std::io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            writeln!(out, "{}", finding(report, d))?;
        }
    }
    Ok(())
}

//! The concise format: one line per finding, `where: severity[CODE] message (record)`.

use crate::check::Report;
use crate::check::render::position;

/// Renders one line per finding.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&format!(
            "{}: {}[{}] {} ({})\n",
            position(report, d),
            d.severity,
            d.rule.code,
            d.message,
            d.record_label()
        ));
    }
    out
}

//! The concise format: one line per finding, `where: severity[CODE] message (record)`.

use crate::check::Report;
use crate::check::render::position;

/// Renders one line per finding.
pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    for report in reports {
        render_one(report, &mut out);
    }
    out
}

fn render_one(report: &Report, out: &mut String) {
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
}

//! The concise format: one line per finding, `where: severity[CODE] message (record)`.

use std::io::Write;

use crate::check::Report;
use crate::check::render::position;

/// Renders one line per finding.
pub fn render(reports: &[Report]) -> String {
    super::to_string(|out| write(reports, out))
}

/// Writes one line per finding to `out`, as it goes.
pub fn write(reports: &[Report], out: &mut dyn Write) -> std::io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            writeln!(
                out,
                "{}: {}[{}] {} ({})",
                position(report, d),
                d.severity,
                d.rule.code,
                d.message,
                d.record_label()
            )?;
        }
    }
    Ok(())
}

//! The GitHub format: workflow commands that GitHub Actions shows as annotations, at the
//! input file and line when the article's origin is known.

use crate::check::Report;
use crate::check::render::file_of;
use crate::model::Severity;

/// Escapes a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Renders one `::error|warning|notice …::message` line per finding.
pub fn render(reports: &[Report]) -> String {
    super::to_string(|out| write(reports, out))
}

/// Writes one workflow command per finding to `out`, as it goes.
pub fn write(reports: &[Report], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    for report in reports {
        write_one(report, out)?;
    }
    Ok(())
}

fn write_one(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = vec![format!("file={}", escape_property(&file_of(report, d)))];
        if let Some(input) = &d.input
            && let Some(line) = input.line
        {
            props.push(format!("line={line}"));
            if let Some(col) = input.column {
                props.push(format!("col={col}"));
                if let Some(p) = d.place.as_ref().filter(|p| p.end_line == p.line) {
                    props.push(format!("endLine={line}"));
                    props.push(format!("endColumn={}", col + p.end_column - p.column));
                }
            }
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("{} {}", d.rule.code, d.rule.name))
        ));
        writeln!(
            out,
            "::{level} {}::{}",
            props.join(","),
            escape_data(&format!("{} ({})", d.message, d.record_label()))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_values() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}

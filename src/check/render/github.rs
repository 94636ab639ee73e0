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
    let mut out = String::new();
    for report in reports {
        render_one(report, &mut out);
    }
    out
}

fn render_one(report: &Report, out: &mut String) {
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
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            escape_data(&format!("{} ({})", d.message, d.record_label()))
        ));
    }
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

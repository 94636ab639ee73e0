//! The JUnit format: one test suite per rule that ran, one test case per finding (a
//! failure when at or above `--fail-on`), and a passing case for a rule with none.

use std::io::Write;

use crate::check::Report;
use crate::check::diagnostic::at_or_above;
use crate::check::render::file_of;

/// Escapes text for XML content and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Renders a JUnit XML document: a test suite per rule that ran (per dataset and rule,
/// named after the dataset, when several were checked).
pub fn render(reports: &[Report]) -> String {
    super::to_string(|out| write(reports, out))
}

/// Writes the JUnit XML document to `out`, one test case at a time.
pub fn write(reports: &[Report], out: &mut dyn Write) -> std::io::Result<()> {
    let cases = |report: &Report, code: &str| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule.code == code)
            .count()
            .max(1)
    };
    let total_cases: usize = reports
        .iter()
        .flat_map(|report| {
            report
                .rules
                .iter()
                .map(|(rule, _)| cases(report, rule.code))
        })
        .sum();
    let failures: usize = reports
        .iter()
        .map(|report| {
            report
                .diagnostics
                .iter()
                .filter(|d| at_or_above(d.severity, report.fail_on))
                .count()
        })
        .sum();
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    writeln!(
        out,
        "<testsuites name=\"claimset check\" tests=\"{total_cases}\" failures=\"{failures}\">"
    )?;
    for report in reports {
        let prefix = if reports.len() > 1 {
            format!("{}: ", report.dir.display())
        } else {
            String::new()
        };
        suites(report, &prefix, out)?;
    }
    out.write_all(b"</testsuites>\n")
}

/// The test suites of one report, named `{prefix}CODE name`.
fn suites(report: &Report, prefix: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let failing = |s| at_or_above(s, report.fail_on);
    for (rule, _) in &report.rules {
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule.code == rule.code)
            .collect();
        let fails = found.iter().filter(|d| failing(d.severity)).count();
        writeln!(
            out,
            "  <testsuite name=\"{}{} {}\" tests=\"{}\" failures=\"{fails}\">",
            xml(prefix),
            rule.code,
            rule.name,
            found.len().max(1)
        )?;
        if found.is_empty() {
            writeln!(
                out,
                "    <testcase name=\"no findings\" classname=\"{}\"/>",
                rule.code
            )?;
        }
        for d in found {
            let line = d
                .input
                .as_ref()
                .and_then(|i| i.line)
                .map(|l| format!(" line=\"{l}\""))
                .unwrap_or_default();
            writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"{line}>",
                xml(&d.record_label()),
                rule.code,
                xml(&file_of(report, d))
            )?;
            let detail = format!("{}\nhelp: {}", d.message, rule.help);
            if failing(d.severity) {
                writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    d.severity,
                    xml(&d.message),
                    xml(&detail)
                )?;
            } else {
                writeln!(
                    out,
                    "      <system-out>{}: {}</system-out>",
                    d.severity,
                    xml(&detail)
                )?;
            }
            out.write_all(b"    </testcase>\n")?;
        }
        out.write_all(b"  </testsuite>\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }
}

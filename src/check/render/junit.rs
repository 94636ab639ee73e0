//! The JUnit format: one test suite per rule that ran, one test case per finding (a
//! failure when at or above `--fail-on`), and a passing case for a rule with none.

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
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"claimset check\" tests=\"{total_cases}\" failures=\"{failures}\">\n"
    ));
    for report in reports {
        let prefix = if reports.len() > 1 {
            format!("{}: ", report.dir.display())
        } else {
            String::new()
        };
        suites(report, &prefix, &mut out);
    }
    out.push_str("</testsuites>\n");
    out
}

/// The test suites of one report, named `{prefix}CODE name`.
fn suites(report: &Report, prefix: &str, out: &mut String) {
    let failing = |s| at_or_above(s, report.fail_on);
    for (rule, _) in &report.rules {
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule.code == rule.code)
            .collect();
        let fails = found.iter().filter(|d| failing(d.severity)).count();
        out.push_str(&format!(
            "  <testsuite name=\"{}{} {}\" tests=\"{}\" failures=\"{fails}\">\n",
            xml(prefix),
            rule.code,
            rule.name,
            found.len().max(1)
        ));
        if found.is_empty() {
            out.push_str(&format!(
                "    <testcase name=\"no findings\" classname=\"{}\"/>\n",
                rule.code
            ));
        }
        for d in found {
            let line = d
                .input
                .as_ref()
                .and_then(|i| i.line)
                .map(|l| format!(" line=\"{l}\""))
                .unwrap_or_default();
            out.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"{line}>\n",
                xml(&d.record_label()),
                rule.code,
                xml(&file_of(report, d))
            ));
            let detail = format!("{}\nhelp: {}", d.message, rule.help);
            if failing(d.severity) {
                out.push_str(&format!(
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                    d.severity,
                    xml(&d.message),
                    xml(&detail)
                ));
            } else {
                out.push_str(&format!(
                    "      <system-out>{}: {}</system-out>\n",
                    d.severity,
                    xml(&detail)
                ));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }
}

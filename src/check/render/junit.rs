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

/// Renders a JUnit XML document.
pub fn render(report: &Report) -> String {
    let failing = |s| at_or_above(s, report.fail_on);
    let total_cases: usize = report
        .rules
        .iter()
        .map(|(rule, _)| {
            let n = report
                .diagnostics
                .iter()
                .filter(|d| d.rule.code == rule.code)
                .count();
            n.max(1)
        })
        .sum();
    let failures = report
        .diagnostics
        .iter()
        .filter(|d| failing(d.severity))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"claimset check\" tests=\"{total_cases}\" failures=\"{failures}\">\n"
    ));
    for (rule, severity) in &report.rules {
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule.code == rule.code)
            .collect();
        let fails = found.iter().filter(|d| failing(d.severity)).count();
        out.push_str(&format!(
            "  <testsuite name=\"{} {}\" tests=\"{}\" failures=\"{fails}\">\n",
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
        let _ = severity;
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(xml("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }
}

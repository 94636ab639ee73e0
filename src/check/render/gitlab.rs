//! The GitLab format: a Code Quality report, a JSON array of issues (description,
//! check_name, fingerprint, severity, location) that GitLab shows in merge requests.

use std::collections::HashSet;

use serde_json::json;

use crate::check::Report;
use crate::check::diagnostic::Diagnostic;
use crate::check::render::file_of;
use crate::model::{Severity, sha256_hex};

/// GitLab's severity for ours: `major`, `minor` or `info`.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// A stable fingerprint: the SHA-256 (first 32 hex digits) of the rule, the file (within
/// the dataset folder for table files, so that moving the folder changes nothing), the
/// record, the span and the message; `seen` makes findings that agree in all of these
/// unique by their rank.
fn fingerprint(report: &Report, path: &str, d: &Diagnostic, seen: &mut HashSet<String>) -> String {
    let dir = report.dir.to_string_lossy();
    let path = path
        .strip_prefix(dir.as_ref())
        .map_or(path, |p| p.trim_start_matches('/'));
    let span = d
        .loc
        .span
        .map(|(s, e)| format!("{s}..{e}"))
        .unwrap_or_default();
    let key = [
        d.rule.code,
        path,
        d.loc.table,
        d.loc.record_id.as_deref().unwrap_or(""),
        &span,
        &d.message,
    ]
    .join("\0");
    let mut rank = 0u32;
    loop {
        let input = if rank == 0 {
            key.clone()
        } else {
            format!("{key}\0{rank}")
        };
        let print = sha256_hex(input.as_bytes())[..32].to_string();
        if seen.insert(print.clone()) {
            return print;
        }
        rank += 1;
    }
}

/// Renders the findings of every report as one Code Quality JSON array.
pub fn render(reports: &[Report]) -> String {
    super::to_string(|out| write(reports, out))
}

/// Writes the Code Quality report to `out`, one issue at a time.
pub fn write(reports: &[Report], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut seen = HashSet::new();
    let issues = reports
        .iter()
        .flat_map(|report| report.diagnostics.iter().map(move |d| (report, d)))
        .map(|(report, d)| {
            let path = file_of(report, d);
            let line = d.input.as_ref().and_then(|i| i.line).unwrap_or(1);
            json!({
                "description": format!("{} ({})", d.message, d.record_label()),
                "check_name": d.rule.code,
                "fingerprint": fingerprint(report, &path, d, &mut seen),
                "severity": severity(d.severity),
                "location": {"path": path, "lines": {"begin": line}},
            })
        });
    super::write_pretty_array(issues, out)
}

//! `claimset rule`: print a checker rule's documentation, or list every rule.

use std::io::Write;

use anyhow::bail;

use super::Outcome;
use crate::check::config::{did_you_mean, matching};
use crate::check::docs::{all_rules_markdown, rule_markdown};
use crate::check::registry::{RULES, RuleEntry, find};

/// Print a checker rule's documentation, or list rules.
///
/// The documentation says what the rule does, why it matters, and gives an example and
/// the fix. A code prefix (CS4, or CS for all) lists the rules it selects, one line each,
/// as `--select` would run them.
///
/// Examples:
///   claimset rule CS402           # by code
///   claimset rule vague-source    # by name
///   claimset rule CS4             # the rules of a group, one line each
///   claimset rule                 # every rule, one line each
///   claimset rule --all > docs/rules.md
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Rule code (CS402), name (vague-source) or code prefix (CS4).
    rule: Option<String>,
    /// Print the documentation of every rule, as Markdown.
    #[arg(long, conflicts_with = "rule")]
    all: bool,
}

/// Writes one line per rule: code, default severity, name, summary.
fn list<'a>(
    out: &mut impl Write,
    rules: impl IntoIterator<Item = &'a RuleEntry>,
) -> std::io::Result<()> {
    for r in rules {
        writeln!(
            out,
            "{}  {:<8} {:<28} {}",
            r.meta.code,
            r.meta.severity.as_str(),
            r.meta.name,
            r.meta.summary()
        )?;
    }
    Ok(())
}

/// Runs `claimset rule`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let mut out = super::stdout();
    if args.all {
        out.write_all(all_rules_markdown().as_bytes())?;
        out.flush()?;
        return Ok(Outcome::Success);
    }
    let Some(wanted) = args.rule else {
        list(&mut out, RULES)?;
        out.flush()?;
        return Ok(Outcome::Success);
    };
    if let Some(r) = find(&wanted) {
        out.write_all(rule_markdown(r.meta, 1).as_bytes())?;
        out.flush()?;
        return Ok(Outcome::Success);
    }
    let group = matching(&wanted);
    if !group.is_empty() {
        list(&mut out, group)?;
        out.flush()?;
        return Ok(Outcome::Success);
    }
    match did_you_mean(&wanted) {
        Some(s) => bail!("unknown rule `{wanted}`; did you mean `{s}`?"),
        None => bail!("unknown rule `{wanted}`; `claimset rule` lists them all"),
    }
}

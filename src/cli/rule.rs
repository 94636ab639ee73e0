//! `claimset rule`: print a checker rule's documentation, or list every rule.

use anyhow::bail;

use super::Outcome;
use crate::check::config::did_you_mean;
use crate::check::docs::{all_rules_markdown, rule_markdown};
use crate::check::registry::{RULES, find};

/// Print a checker rule's documentation, or list every rule.
///
/// The documentation says what the rule does, why it matters, and gives an example and
/// the fix.
///
/// Examples:
///   claimset rule CS402           # by code
///   claimset rule vague-source    # by name
///   claimset rule                 # every rule, one line each
///   claimset rule --all > docs/rules.md
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Rule code (CS402) or name (vague-source).
    rule: Option<String>,
    /// Print the documentation of every rule, as Markdown.
    #[arg(long, conflicts_with = "rule")]
    all: bool,
}

/// Runs `claimset rule`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if args.all {
        print!("{}", all_rules_markdown());
        return Ok(Outcome::Success);
    }
    let Some(wanted) = args.rule else {
        for r in RULES {
            println!(
                "{}  {:<8} {:<28} {}",
                r.meta.code,
                r.meta.severity,
                r.meta.name,
                r.meta.summary()
            );
        }
        return Ok(Outcome::Success);
    };
    match find(&wanted) {
        Some(r) => {
            print!("{}", rule_markdown(r.meta, 1));
            Ok(Outcome::Success)
        }
        None => match did_you_mean(&wanted) {
            Some(s) => bail!("unknown rule `{wanted}`; did you mean `{s}`?"),
            None => bail!("unknown rule `{wanted}`; `claimset rule` lists them all"),
        },
    }
}

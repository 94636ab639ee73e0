//! `claimset check`: validate a dataset folder with the rule engine and report findings.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use super::Outcome;
use crate::check::config::CONFIG_FILE;
use crate::check::render::{Format, RenderOptions, render};
use crate::check::{ConfigFile, FindingsWrite, Overrides, Report, Settings, check, write_findings};
use crate::model::Severity;

/// Check a dataset folder and report what is wrong with it.
///
/// Rules cover structure, references, spans, attribution, consistency, completeness and
/// the manifest; they have stable codes (CS101 …) and `claimset rule CODE` explains one.
/// Which rules run, and at which severity, is set in the [check] section of
/// ./claimset.toml (or --config). Findings are printed and written to findings.parquet
/// in the folder when it is a claimset dataset (it has dataset.json) that can be written.
///
/// Examples:
///   claimset check out/news
///   claimset check out/news --format concise
///   claimset check out/news --select CS2,CS3 --fail-on warning
///   claimset check out/news --format github --no-write   # in a GitHub workflow
///   claimset check out/news --format sarif > claimset.sarif
///
/// Exit status: 0 when no finding is at or above --fail-on (default error), 1 when some
/// are, 2 when the dataset or the configuration cannot be read.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Dataset folder to check.
    dir: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', default_value = "human", value_parser = format_parser())]
    format: Format,
    /// Lowest severity that makes the exit status 1 [default: error, or fail-on in the
    /// configuration].
    #[arg(long, value_name = "SEVERITY", value_parser = severity_parser())]
    fail_on: Option<Severity>,
    /// Rules to run, comma-separated codes, prefixes or names (replaces `select` of the
    /// configuration).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Option<Vec<String>>,
    /// Rules not to run, comma-separated (added to `ignore` of the configuration).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Configuration file [default: ./claimset.toml when there is one].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not write findings.parquet (leave the folder as it is).
    #[arg(long)]
    no_write: bool,
    /// When to colour the human format.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    color: String,
    /// Print no summary line on stderr.
    #[arg(long, short)]
    quiet: bool,
}

fn format_parser() -> impl TypedValueParser<Value = Format> {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    PossibleValuesParser::new(names).map(|s| Format::parse(&s).expect("listed format"))
}

pub(crate) fn severity_parser() -> impl TypedValueParser<Value = Severity> {
    let names: Vec<&str> = Severity::ALL.iter().map(|s| s.as_str()).collect();
    PossibleValuesParser::new(names).map(|s| Severity::parse(&s).expect("listed severity"))
}

/// The settings of a run: `config` or ./claimset.toml (when present), with overrides.
pub(crate) fn settings(config: Option<&Path>, overrides: &Overrides) -> anyhow::Result<Settings> {
    let file = match config {
        Some(path) => ConfigFile::load(path)?,
        None if Path::new(CONFIG_FILE).is_file() => ConfigFile::load(Path::new(CONFIG_FILE))?,
        None => ConfigFile::default(),
    };
    Ok(file.check.resolve(overrides)?)
}

/// Whether to colour output on stdout: `auto` follows the terminal and NO_COLOR.
pub(crate) fn use_color(choice: &str) -> bool {
    match choice {
        "always" => true,
        "never" => false,
        _ => anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
    }
}

/// Prints a report to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn print(report: &Report, format: Format, color: bool) -> anyhow::Result<()> {
    let text = render(report, format, &RenderOptions { color });
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to stdout")
        }
        _ => Ok(()),
    }
}

/// Writes findings.parquet and prints the summary line.
pub(crate) fn finish(report: &Report, write: bool, quiet: bool) -> anyhow::Result<()> {
    let written = if write {
        match write_findings(report).context("cannot write findings.parquet")? {
            FindingsWrite::Written(n) => format!("; {n} written to findings.parquet"),
            FindingsWrite::Skipped(why) => {
                if !quiet {
                    eprintln!("note: findings.parquet not written: {why}");
                }
                String::new()
            }
        }
    } else {
        String::new()
    };
    if !quiet {
        let rows: Vec<String> = report
            .rows
            .iter()
            .map(|(table, n)| format!("{n} {table}"))
            .collect();
        eprintln!(
            "checked {} ({}): {}{written}",
            report.dir.display(),
            rows.join(", "),
            report.summary()
        );
    }
    Ok(())
}

/// Runs `claimset check`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let overrides = Overrides {
        select: args.select,
        ignore: args.ignore,
        fail_on: args.fail_on,
    };
    let settings = settings(args.config.as_deref(), &overrides)?;
    let report = check(&args.dir, &settings)?;
    print(&report, args.format, use_color(&args.color))?;
    finish(&report, !args.no_write, args.quiet)?;
    Ok(if report.failed() {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

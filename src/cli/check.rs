//! `claimset check`: validate dataset folders with the rule engine and report findings;
//! also the reporting arguments and output that `convert --check` shares.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use super::{Outcome, Quiet, Verbosity};
use crate::check::config::CONFIG_FILE;
use crate::check::render::{self, Format, RenderOptions, statistics, step_summary};
use crate::check::{ConfigFile, FindingsWrite, Overrides, Report, Settings, check, write_findings};
use crate::model::Severity;

/// Check dataset folders and report what is wrong with them.
///
/// Rules cover structure, references, spans, attribution, consistency, completeness and
/// the manifest; they have stable codes (CS101 …) and `claimset rule CODE` explains one.
/// Which rules run, and at which severity, is set in the [check] section of
/// ./claimset.toml (or --config). Findings are printed on stdout and written to
/// findings.parquet in each folder that is a claimset dataset (it has dataset.json) and
/// can be written; a summary line per folder goes to stderr.
///
/// Several folders are checked in one run: their findings are printed together, each
/// with its paths, and the exit status covers them all. When $GITHUB_STEP_SUMMARY is set
/// (in GitHub Actions), a Markdown summary (counts per rule, the first findings) is
/// appended to that file.
///
/// Quiet: -q prints the findings but no summary line; -qq (--silent) prints nothing,
/// only the exit status tells.
///
/// Examples:
///   claimset check out/news
///   claimset check out/news --output-format concise
///   claimset check out/news --select CS2,CS3 --fail-on warning
///   claimset check out/news --statistics             # counts per rule
///   claimset check out/a out/b out/c                 # several datasets, one exit status
///   claimset check out/news --output-format github --no-write   # GitHub Actions
///   claimset check out/news --output-format gitlab > gl-code-quality-report.json
///   claimset check out/news --output-format sarif > claimset.sarif
///
/// Exit status: 0 when no finding is at or above --fail-on (default error) or with
/// --exit-zero, 1 when some are, 2 when a dataset or the configuration cannot be read.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Dataset folders to check.
    #[arg(required = true, value_name = "DIR")]
    dirs: Vec<PathBuf>,
    /// Do not write findings.parquet (leave the folders as they are).
    #[arg(long)]
    no_write: bool,
    #[command(flatten)]
    report: ReportArgs,
}

/// How findings are selected and reported: shared by `check` and `convert --check`.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Reporting")]
pub struct ReportArgs {
    /// Output format of the findings [default: human] [possible values: human, concise,
    /// json, json-lines, github, gitlab, junit, sarif].
    #[arg(long = "output-format", visible_alias = "format", short = 'f', value_name = "FORMAT",
          value_parser = format_parser(), hide_possible_values = true)]
    pub output_format: Option<Format>,
    /// Print the number of findings of each rule instead of the findings (JSON with the
    /// json and json-lines formats).
    #[arg(long)]
    pub statistics: bool,
    /// Lowest severity that makes the exit status 1 [default: error, or fail-on in the
    /// configuration].
    #[arg(long, value_name = "SEVERITY", value_parser = severity_parser())]
    pub fail_on: Option<Severity>,
    /// Exit with status 0 whatever the findings (errors reading a dataset still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Rules to run, comma-separated codes, prefixes or names (replaces `select` of the
    /// configuration).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Rules not to run, comma-separated (added to `ignore` of the configuration).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Configuration file [default: ./claimset.toml when there is one].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When to colour the human format.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
    #[command(flatten)]
    pub quiet: Quiet,
}

impl ReportArgs {
    /// Whether a reporting flag other than the quiet ones was given.
    pub fn any_given(&self) -> bool {
        self.output_format.is_some()
            || self.statistics
            || self.fail_on.is_some()
            || self.exit_zero
            || self.select.is_some()
            || !self.ignore.is_empty()
            || self.config.is_some()
            || self.color != "auto"
    }

    /// The settings of the run: --config or ./claimset.toml, with the overrides.
    pub fn settings(&self) -> anyhow::Result<Settings> {
        let overrides = Overrides {
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            fail_on: self.fail_on,
        };
        let mut settings = settings(self.config.as_deref(), &overrides)?;
        // Only the human format shows excerpts of the article text.
        settings.excerpts =
            !self.statistics && self.output_format.unwrap_or(Format::Human) == Format::Human;
        Ok(settings)
    }

    /// Prints the findings (or the statistics) of the reports on stdout.
    pub fn print(&self, reports: &[Report]) -> anyhow::Result<()> {
        let format = self.output_format.unwrap_or(Format::Human);
        if self.statistics {
            let text =
                statistics::render(reports, matches!(format, Format::Json | Format::JsonLines));
            super::print_out(&text)?;
        } else {
            let color = use_color(&self.color);
            let mut out = super::stdout();
            render::write(reports, format, &RenderOptions { color }, &mut out)?;
            out.flush()?;
        }
        Ok(())
    }

    /// The outcome of the reports: problems when a finding is at or above the failing
    /// severity, unless --exit-zero.
    pub fn outcome(&self, reports: &[Report]) -> Outcome {
        if !self.exit_zero && reports.iter().any(Report::failed) {
            Outcome::Problems
        } else {
            Outcome::Success
        }
    }
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

/// Writes findings.parquet (when `write`) and, unless `quiet`, prints the summary line
/// `checked DIR (rows): counts; N written to findings.parquet` on stderr.
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
        writeln!(
            super::stderr(),
            "checked {} ({}): {}{written}",
            report.dir.display(),
            rows.join(", "),
            report.summary()
        )?;
    }
    Ok(())
}

/// Appends the Markdown summary of the reports to the file named by
/// `$GITHUB_STEP_SUMMARY`, when that variable is set (in GitHub Actions); else nothing.
pub(crate) fn append_step_summary(reports: &[Report]) -> anyhow::Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let path = PathBuf::from(path);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .with_context(|| format!("cannot open {} ($GITHUB_STEP_SUMMARY)", path.display()))?;
    file.write_all(step_summary::render(reports).as_bytes())
        .with_context(|| format!("cannot write {} ($GITHUB_STEP_SUMMARY)", path.display()))?;
    Ok(())
}

/// Runs `claimset check`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let settings = args.report.settings()?;
    let verbosity = args.report.quiet.verbosity();
    let mut reports = Vec::new();
    let mut failed = 0;
    for dir in &args.dirs {
        match check(dir, &settings) {
            Ok(report) => reports.push(report),
            // One dataset: its error is the run's error.
            Err(e) if args.dirs.len() == 1 => return Err(e.into()),
            // Several: say what failed and check the others.
            Err(e) => {
                failed += 1;
                writeln!(super::stderr(), "error: {:#}", anyhow::Error::from(e))?;
            }
        }
    }
    if verbosity != Verbosity::Silent {
        args.report.print(&reports)?;
    }
    for report in &reports {
        finish(report, !args.no_write, verbosity != Verbosity::Normal)?;
    }
    append_step_summary(&reports)?;
    anyhow::ensure!(
        failed == 0,
        "{failed} of {} datasets could not be checked",
        args.dirs.len()
    );
    Ok(args.report.outcome(&reports))
}

//! `claimset seal`: record the tables of a dataset as they are after a deliberate edit.

use std::path::PathBuf;

use anyhow::Context as _;

use super::Outcome;
use super::check::{settings, use_color};
use crate::check::render::{Format, RenderOptions, render};
use crate::check::{Overrides, check};
use crate::dataset::{DatasetLock, seal};
use crate::model::Severity;

/// Record the tables of a dataset as they are now, after a deliberate edit.
///
/// Writes dataset.json (and datapackage.json) again from the files: every table's path,
/// row count and SHA-256, one file or part files (Spark folders and Hive partitions
/// included); rejected inputs and notes are kept. The tables themselves are left as
/// they are. A folder of tables without dataset.json (written by another tool) becomes
/// a dataset. `claimset convert --out` into it and `claimset merge` then accept it.
///
/// The tables are checked first, as `claimset check` would (./claimset.toml or --config),
/// leaving out the manifest rules (CS7xx) that sealing answers: when a finding is at or
/// above --fail-on (default error), they are printed and nothing is sealed, unless
/// --force. Sealing is atomic and holds the dataset's writer lock.
///
/// Examples:
///   python -c "import pandas as pd; df = pd.read_parquet('out/news/claims.parquet'); \
///     df[df.kind != 'assertion'].to_parquet('out/news/claims.parquet')"
///   claimset check out/news      # CS702 stale-table-hash, CS703 row-count-mismatch
///   claimset seal out/news
///
/// Exit status: 0 sealed, 1 not sealed because the tables have findings at or above
/// --fail-on, 2 when the dataset cannot be read or written.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Dataset folder to seal.
    dir: PathBuf,
    /// Seal even when the tables have findings at or above --fail-on.
    #[arg(long)]
    force: bool,
    /// Lowest severity that refuses sealing [default: error, or fail-on in the
    /// configuration].
    #[arg(long, value_name = "SEVERITY", value_parser = super::check::severity_parser())]
    fail_on: Option<Severity>,
    /// Configuration file for the check [default: ./claimset.toml when there is one].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print nothing but errors and refusals.
    #[arg(long, short)]
    quiet: bool,
}

/// Runs `claimset seal`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    anyhow::ensure!(
        args.dir.is_dir(),
        "{}: not a dataset folder",
        args.dir.display()
    );
    // The lock first, so no writer changes the tables between the check and the seal.
    let lock = DatasetLock::acquire(&args.dir)?;
    let overrides = Overrides {
        select: None,
        ignore: vec!["CS7".to_string()],
        fail_on: args.fail_on,
    };
    let settings = settings(args.config.as_deref(), &overrides)?;
    let report = check(&args.dir, &settings)?;
    if report.failed() {
        if !args.force {
            let text = render(
                std::slice::from_ref(&report),
                Format::Concise,
                &RenderOptions {
                    color: use_color("auto"),
                },
            );
            super::print_out(&text)?;
            eprintln!(
                "not sealed: {} has {}; fix the tables, or seal anyway with --force",
                args.dir.display(),
                report.summary()
            );
            return Ok(Outcome::Problems);
        }
        if !args.quiet {
            eprintln!(
                "sealing anyway (--force): {} has {}",
                args.dir.display(),
                report.summary()
            );
        }
    }
    let manifest = seal(&lock).with_context(|| format!("cannot seal {}", args.dir.display()))?;
    if !args.quiet {
        let tables: Vec<String> = manifest
            .tables
            .iter()
            .map(|t| format!("{} {}", t.rows, t.name))
            .collect();
        eprintln!(
            "sealed {} ({}): dataset.json records the tables as they are",
            args.dir.display(),
            tables.join(", ")
        );
    }
    Ok(Outcome::Success)
}

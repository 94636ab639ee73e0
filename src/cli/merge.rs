//! `claimset merge`: datasets (e.g. the shards of a conversion) → one dataset folder.

use std::path::PathBuf;

use anyhow::bail;

use super::Outcome;
use crate::convert::{Mode, merge};

/// Merge datasets into one, e.g. the outputs of `claimset convert --shard I/N`.
///
/// Articles are taken once, by their content-derived ID, with their claims and mentions,
/// in the order the datasets are given; actors and sources are merged by ID, as one
/// conversion would have merged them. Rejected inputs and notes are kept. Findings are
/// carried over as they are: run `claimset check` on the result for findings across the
/// whole dataset. An existing dataset at --out is added to, unless --replace.
///
/// Examples:
///   for i in 1 2 3 4; do claimset convert corpus/ --shard $i/4 --out shards/$i & done; wait
///   claimset merge shards/1 shards/2 shards/3 shards/4 --out all
///
/// Quiet: -q (or -qq, --silent) prints nothing but errors.
///
/// Exit status: 0 on success, 2 when a dataset could not be read or written.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Dataset folders to merge, in order.
    #[arg(required = true)]
    datasets: Vec<PathBuf>,
    /// Dataset folder to write (switched atomically).
    #[arg(long, short)]
    out: PathBuf,
    /// Replace the dataset at --out instead of adding to it.
    #[arg(long)]
    replace: bool,
    #[command(flatten)]
    quiet: super::Quiet,
}

/// Runs `claimset merge`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    for d in &args.datasets {
        if !d.join("dataset.json").is_file() {
            bail!(
                "{} is not a claimset dataset (no dataset.json)",
                d.display()
            );
        }
    }
    let mode = if args.replace {
        Mode::Replace
    } else {
        Mode::Add
    };
    let report = merge(&args.datasets, &args.out, mode)?;
    if args.quiet.verbosity() == super::Verbosity::Normal {
        super::convert::print_report(&report, &args.out, "merged")?;
    }
    Ok(Outcome::Success)
}

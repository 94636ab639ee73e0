//! `claimset convert`: articles (text, Markdown, JSONL, folders, stdin) → dataset folder.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use super::check::ReportArgs;
use super::{Outcome, Verbosity};
use crate::convert::{Mode, Options, Report, Shard, convert_with_progress};
use crate::dataset::PartBudget;
use crate::extract::Extractor;
use crate::extract::lexicon::Lexicon;
use crate::ingest::{self, Limits};

/// Folder of bundled sample articles converted when no input is given.
pub const SAMPLE_INPUT: &str = "datasets/raw";
/// Dataset written from the sample articles when no `--out` is given.
pub const SAMPLE_OUTPUT: &str = "datasets/sample";

/// Convert articles into a dataset of Parquet tables.
///
/// Inputs: `.txt` (first non-empty line is the headline), `.md` with YAML front matter
/// (title, url, outlet, published, language), `.jsonl` (one article per line with title,
/// text, url, outlet, published, language), `.html` pages (main text, headline from <h1>
/// or <title>), folders (recursive, sorted) and `-` for stdin. UTF-8, UTF-16 with a BOM
/// and legacy single-byte encodings (e.g. Windows-1252, noted in dataset.json) are read.
/// With no input, converts the bundled samples in datasets/raw into datasets/sample.
///
/// An existing dataset at --out is added to: new articles are appended, articles it
/// already holds are skipped, actors and sources are merged by ID, so converting the same
/// inputs again leaves it byte-identical. --replace starts it afresh. One writer at a
/// time: a second one fails at once. The folder is switched atomically, so it always
/// holds a complete dataset, even if claimset is killed.
///
/// Examples:
///   claimset convert                              # bundled samples → datasets/sample
///   claimset convert news/*.txt --out out/news
///   claimset convert today.jsonl --out out/news   # add today's articles
///   claimset convert news/ --out out/news --replace
///   cat article.txt | claimset convert - --out out/one
///   claimset convert corpus/ --out shards/2 --shard 2/8   # one of eight shards; see merge
///   claimset convert news/ --out out/news --check --output-format github
///
/// A JSONL batch is read line by line, whatever its size: --max-input-size applies to
/// each line (one article), and each line is decoded on its own.
///
/// With --check, the reporting flags of `claimset check` apply (--output-format,
/// --statistics, --fail-on, --exit-zero, --select, --ignore, --config, --color).
///
/// Quiet: -q prints no progress bar and no conversion summary; with --check, one summary
/// line of the findings instead of the findings themselves (unless --output-format or
/// --statistics is given). -qq (--silent) prints nothing but errors.
///
/// Exit status: 0 when every input converted, 1 when some were rejected (the others are
/// written) or, with --check, some findings are at or above the fail-on severity (unless
/// --exit-zero), 2 when the dataset could not be read, written or checked.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders, or `-` for stdin.
    inputs: Vec<PathBuf>,
    /// Dataset folder to write. An existing dataset there is added to (articles already
    /// in it are skipped); the folder is switched atomically. Defaults to datasets/sample
    /// (always replaced) with no input; required otherwise.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Replace the dataset at --out with one of these inputs alone, instead of adding to
    /// it.
    #[arg(long)]
    replace: bool,
    /// Extra actors, in the format of src/extract/lexicon/actors.tsv (repeatable).
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Largest input read (a file, stdin, or one line of a JSONL batch); larger ones are
    /// rejected unread. Units: B, kB, MB, GB (powers of 1000) or KiB, MiB, GiB.
    #[arg(long, value_name = "SIZE", default_value = "10MB", value_parser = ingest::parse_bytes)]
    max_input_size: u64,
    /// Convert only the articles of shard I of N (from 1/N to N/N): an article belongs to
    /// one shard by its content-derived ID, so N runs over the same inputs, on one
    /// machine or many, split the work without overlap. Join them with `claimset merge`.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// Rows per part file: a table with more rows is written as a folder of part files
    /// (`claims/part-0001.parquet`, ...), one row group each. Parts also close at 128 MB.
    #[arg(long, value_name = "N", default_value_t = PartBudget::default().part_rows,
          value_parser = clap::value_parser!(u64).range(1..))]
    part_rows: u64,
    /// Threads extracting articles in parallel (default: one per core).
    #[arg(long, short, value_name = "N")]
    jobs: Option<usize>,
    /// Then check the dataset written (as `claimset check` does, with ./claimset.toml or
    /// --config), print the findings and write them to findings.parquet.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    report: ReportArgs,
}

/// Runs `claimset convert`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if !args.check && args.report.any_given() {
        bail!(
            "--output-format, --statistics, --fail-on, --exit-zero, --select, --ignore, --config \
             and --color report on the check: add --check"
        );
    }
    let verbosity = args.report.quiet.verbosity();
    let quiet = verbosity != Verbosity::Normal;
    // Read the configuration before converting: a bad one fails at once.
    let settings = if args.check {
        Some(args.report.settings()?)
    } else {
        None
    };
    let (inputs, out, mode) = if args.inputs.is_empty() {
        let raw = PathBuf::from(SAMPLE_INPUT);
        if !raw.is_dir() {
            bail!(
                "no input given and no {SAMPLE_INPUT}/ here: run from the repository root, or name the articles to convert"
            );
        }
        let out = args.out.unwrap_or_else(|| SAMPLE_OUTPUT.into());
        (vec![raw], out, Mode::Replace)
    } else {
        let Some(out) = args.out else {
            bail!("--out DIR is required when inputs are given");
        };
        let mode = if args.replace {
            Mode::Replace
        } else {
            Mode::Add
        };
        (args.inputs, out, mode)
    };
    let mut lex = Lexicon::bundled();
    for g in &args.gazetteer {
        let text = std::fs::read_to_string(g)
            .with_context(|| format!("cannot read gazetteer {}", g.display()))?;
        lex.add_gazetteer(&g.to_string_lossy(), &text)?;
    }
    let extractor = Extractor::new(lex);
    let mut rejected = Vec::new();
    let inputs = ingest::expand(&inputs, &mut rejected);
    let options = Options {
        limits: Limits {
            max_input_bytes: args.max_input_size,
        },
        mode,
        shard: args.shard,
        budget: PartBudget {
            part_rows: args.part_rows,
            ..PartBudget::default()
        },
        chunk_bytes: None,
    };
    super::set_jobs(args.jobs)?;
    let total: u64 = inputs.iter().filter_map(ingest::input_size).sum();
    let bar = super::progress_bar(total, quiet);
    let report =
        convert_with_progress(&extractor, &inputs, rejected, &out, &options, &mut |done| {
            bar.set_position(done)
        });
    bar.finish_and_clear();
    let report = report?;
    if !quiet {
        print_report(&report, &out, "converted")?;
    }
    let mut failed = !report.rejected.is_empty();
    if let Some(settings) = settings {
        let reports = [crate::check::check(&out, &settings)?];
        // -q keeps one summary line; the findings only when a format or statistics were
        // asked for.
        let list = match verbosity {
            Verbosity::Normal => true,
            Verbosity::Quiet => args.report.output_format.is_some() || args.report.statistics,
            Verbosity::Silent => false,
        };
        if list {
            args.report.print(&reports)?;
        }
        super::check::finish(&reports[0], true, verbosity == Verbosity::Silent)?;
        super::check::append_step_summary(&reports)?;
        failed |= args.report.outcome(&reports) == Outcome::Problems;
    }
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

/// Prints what a conversion or merge did, on stderr.
pub(super) fn print_report(
    report: &Report,
    out: &std::path::Path,
    verb: &str,
) -> std::io::Result<()> {
    let mut err = super::stderr();
    let kinds: Vec<String> = report
        .claims_by_kind
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let claims: usize = report.claims_by_kind.iter().map(|(_, n)| n).sum();
    let rejected = &report.rejected;
    let skipped = match report.skipped {
        0 => String::new(),
        n => format!(", {n} already in the dataset"),
    };
    writeln!(
        err,
        "{verb} {} articles ({} rejected{skipped}) into {}",
        report.added,
        rejected.len(),
        out.display()
    )?;
    if report.articles != report.added {
        writeln!(err, "  articles {} in the dataset", report.articles)?;
    }
    writeln!(err, "  claims   {claims} ({})", kinds.join(", "))?;
    writeln!(err, "  actors   {}", report.actors)?;
    writeln!(err, "  sources  {}", report.sources)?;
    writeln!(err, "  mentions {}", report.mentions)?;
    if !report.manifest.issues.is_empty() {
        writeln!(
            err,
            "  notes    {} (see dataset.json)",
            report.manifest.issues.len()
        )?;
    }
    for r in rejected {
        writeln!(err, "rejected: {}: {}", r.path, r.reason)?;
    }
    Ok(())
}

//! `claimset convert`: articles (text, Markdown, JSONL, folders, stdin) → dataset folder.

use std::path::PathBuf;

use anyhow::{Context, bail};

use super::Outcome;
use crate::check::render::Format;
use crate::convert::convert;
use crate::extract::Extractor;
use crate::extract::lexicon::Lexicon;
use crate::ingest;

/// Folder of bundled sample articles converted when no input is given.
pub const SAMPLE_INPUT: &str = "datasets/raw";
/// Dataset written from the sample articles when no `--out` is given.
pub const SAMPLE_OUTPUT: &str = "datasets/sample";

/// Convert articles into a dataset of Parquet tables.
///
/// Inputs: `.txt` (first non-empty line is the headline), `.md` with YAML front matter
/// (title, url, outlet, published, language), `.jsonl` (one article per line with title,
/// text, url, outlet, published, language), folders (recursive, sorted) and `-` for stdin.
/// With no input, converts the bundled samples in datasets/raw into datasets/sample.
///
/// Examples:
///   claimset convert                              # bundled samples → datasets/sample
///   claimset convert news/*.txt --out out/news
///   cat article.txt | claimset convert - --out out/one
///
/// Exit status: 0 when every input converted, 1 when some were rejected (the others are
/// written) or, with --check, some findings are at or above the configured fail-on
/// severity, 2 when the dataset could not be written or checked.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders, or `-` for stdin.
    inputs: Vec<PathBuf>,
    /// Dataset folder to write (replaced atomically). Defaults to datasets/sample with no
    /// input; required otherwise.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Extra actors, in the format of src/extract/lexicon/actors.tsv (repeatable).
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    /// Then check the dataset written (as `claimset check` does, with ./claimset.toml),
    /// print the findings and write them to findings.parquet.
    #[arg(long)]
    check: bool,
}

/// Runs `claimset convert`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let (inputs, out) = if args.inputs.is_empty() {
        let raw = PathBuf::from(SAMPLE_INPUT);
        if !raw.is_dir() {
            bail!(
                "no input given and no {SAMPLE_INPUT}/ here: run from the repository root, or name the articles to convert"
            );
        }
        (vec![raw], args.out.unwrap_or_else(|| SAMPLE_OUTPUT.into()))
    } else {
        let Some(out) = args.out else {
            bail!("--out DIR is required when inputs are given");
        };
        (args.inputs, out)
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
    let report = convert(&extractor, &inputs, rejected, &out)?;

    if !args.quiet {
        let kinds: Vec<String> = report
            .claims_by_kind
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let claims: usize = report.claims_by_kind.iter().map(|(_, n)| n).sum();
        let rejected = &report.manifest.rejected;
        eprintln!(
            "converted {} articles ({} rejected) into {}",
            report.articles,
            rejected.len(),
            out.display()
        );
        eprintln!("  claims   {claims} ({})", kinds.join(", "));
        eprintln!("  actors   {}", report.actors);
        eprintln!("  sources  {}", report.sources);
        eprintln!("  mentions {}", report.mentions);
        if !report.manifest.issues.is_empty() {
            eprintln!(
                "  notes    {} (see dataset.json)",
                report.manifest.issues.len()
            );
        }
        for r in rejected {
            eprintln!("rejected: {}: {}", r.path, r.reason);
        }
    }
    let mut failed = !report.manifest.rejected.is_empty();
    if args.check {
        let settings = super::check::settings(None, &crate::check::Overrides::default())?;
        let checked = crate::check::check(&out, &settings)?;
        super::check::print(&checked, Format::Human, super::check::use_color("auto"))?;
        super::check::finish(&checked, true, args.quiet)?;
        failed |= checked.failed();
    }
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

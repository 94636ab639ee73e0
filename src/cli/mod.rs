//! The command-line interface: one file per subcommand; only this module touches argv,
//! stdout, stderr and exit codes.
//!
//! Exit codes: 0 success, 1 the job ran but found problems (rejected inputs, stale
//! schemas, findings at or above `--fail-on`), 2 the tool could not do its job.

mod check;
mod convert;
mod merge;
mod parse;
mod rule;
mod schema;
mod seal;

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn raw news articles into a validated dataset of claims, sources and actors.
#[derive(Debug, Parser)]
#[command(name = "claimset", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Convert(convert::Args),
    Check(check::Args),
    Merge(merge::Args),
    Parse(parse::Args),
    Rule(rule::Args),
    Seal(seal::Args),
    Schema(schema::Args),
}

/// What a command ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went well.
    Success,
    /// The job ran, but found problems.
    Problems,
}

/// How much a command prints besides its results: `-q` less, `-qq` or `--silent`
/// nothing. What each level keeps is said in each subcommand's help.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Quiet {
    /// Print less: no progress bar and no chatter (see the command's help); -qq is
    /// --silent.
    #[arg(long, short, action = clap::ArgAction::Count)]
    quiet: u8,
    /// Print nothing but errors; only the exit status tells the outcome.
    #[arg(long, short)]
    silent: bool,
}

/// The level [`Quiet`] asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    /// Everything.
    Normal,
    /// `-q`.
    Quiet,
    /// `-qq`, `--silent`.
    Silent,
}

impl Quiet {
    /// The level asked for.
    pub fn verbosity(self) -> Verbosity {
        match (self.silent, self.quiet) {
            (true, _) | (_, 2..) => Verbosity::Silent,
            (false, 1) => Verbosity::Quiet,
            (false, 0) => Verbosity::Normal,
        }
    }
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> ExitCode {
    quiet_panics_in_parquet_decoding();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => convert::run(args),
        Command::Check(args) => check::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Rule(args) => rule::run(args),
        Command::Seal(args) => seal::run(args),
        Command::Schema(args) => schema::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        // The reader went away (`claimset rule | head -1`): stop quietly, as ripgrep does.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Nothing sensible is left to do when stderr itself is closed.
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes from writing to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Standard output, locked and buffered: every subcommand writes through it and
/// propagates write errors (a closed pipe ends the run quietly in [`main`]).
fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Writes `text` to [`stdout`] and flushes it.
fn print_out(text: &str) -> std::io::Result<()> {
    let mut out = stdout();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Standard error, locked, for summaries and notes: write errors are propagated too, so
/// `claimset convert 2>&1 | head -1` ends quietly instead of panicking.
fn stderr() -> std::io::StderrLock<'static> {
    std::io::stderr().lock()
}

/// The Parquet decoder can panic on damaged files; the dataset reader catches that and
/// reports the file as corrupt, so the panic message itself would only be noise.
fn quiet_panics_in_parquet_decoding() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::dataset::is_decoding() {
            default(info);
        }
    }));
}

/// Sets the number of threads extracting in parallel; `None` leaves rayon's default (one
/// per core, or `RAYON_NUM_THREADS`).
fn set_jobs(jobs: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = jobs {
        anyhow::ensure!(n > 0, "--jobs must be at least 1");
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| anyhow::anyhow!("cannot start {n} threads: {e}"))?;
    }
    Ok(())
}

/// A progress bar over `total` input bytes on stderr; hidden with `quiet`, and by
/// indicatif itself when stderr is not a terminal.
fn progress_bar(total: u64, quiet: bool) -> indicatif::ProgressBar {
    if quiet || total == 0 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, eta {eta})",
        )
        .expect("valid template"),
    );
    bar
}

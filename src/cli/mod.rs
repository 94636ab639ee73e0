//! The command-line interface: one file per subcommand; only this module touches argv,
//! stdout, stderr and exit codes.
//!
//! Exit codes: 0 success, 1 the job ran but found problems (rejected inputs, stale
//! schemas, findings at or above `--fail-on`), 2 the tool could not do its job.

mod check;
mod convert;
mod rule;
mod schema;

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
    Rule(rule::Args),
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

/// Runs the CLI and returns the process exit code.
pub fn main() -> ExitCode {
    quiet_panics_in_parquet_decoding();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => convert::run(args),
        Command::Check(args) => check::run(args),
        Command::Rule(args) => rule::run(args),
        Command::Schema(args) => schema::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
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

//! The `claimset` command: parse arguments, run, map the outcome to an exit code.

fn main() -> std::process::ExitCode {
    claimset::cli::main()
}

//! The `claimset` command: parse arguments, run, map the outcome to an exit code.

/// mimalloc: extraction and checking allocate many small strings, from several threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimset::cli::main()
}

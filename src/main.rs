//! The `claimset` command: parse arguments, run, map the outcome to an exit code.

use std::ffi::{c_int, c_long};

/// mimalloc: extraction and checking allocate many small strings, from several threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe extern "C" {
    /// mimalloc's `mi_option_set` (the `mimalloc` crate exposes it only with its
    /// `extended` feature).
    fn mi_option_set(option: c_int, value: c_long);
}

/// `mi_option_purge_delay`, its place in `mi_option_t` of `mimalloc.h` (the same in
/// mimalloc 2 and 3).
const MI_OPTION_PURGE_DELAY: c_int = 15;

/// Milliseconds mimalloc keeps freed memory before returning it to the system. Its default
/// of a second lets a `check` of a million claims hold about 100 MB it no longer uses (the
/// batches of each table, freed as the next ones are decoded); 100 ms still held 20–30 MB
/// of it. Returning it sooner costs a little system time (0.1–0.2 s of a 1M-claim check;
/// none measurable in `convert`).
const PURGE_DELAY_MS: c_long = 20;

fn main() -> std::process::ExitCode {
    // SAFETY: sets one of mimalloc's options; any value is valid for this one.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    claimset::cli::main()
}

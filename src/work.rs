//! Work counters: units of work done on this thread (bytes scanned, steps taken), so that
//! tests can check that work grows linearly with the input without timing anything.

use std::cell::Cell;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Work done on this thread so far, by every stage that counts it: the HTML scans before
/// parsing, extraction (bytes tokenized and scanned for quotations and sentences,
/// quotations looked at by the attribution rules) and the checker (bytes scanned to place
/// findings, steps of the rules that compare an article's spans). Tests take the
/// difference around one call.
#[doc(hidden)]
pub fn done() -> u64 {
    WORK.with(Cell::get)
}

/// Counts `n` units of [`done`] work.
pub(crate) fn add(n: usize) {
    WORK.with(|w| w.set(w.get() + n as u64));
}

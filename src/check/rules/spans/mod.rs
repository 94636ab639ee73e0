//! CS3xx spans: offsets into the article text are in bounds, match, and do not clash.

pub mod overlapping_claims;
pub mod span_out_of_bounds;
pub mod span_text_mismatch;

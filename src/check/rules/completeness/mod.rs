//! CS6xx completeness: the article metadata a reader needs to weigh a claim.

pub mod missing_outlet;
pub mod missing_published_date;
pub mod missing_url;
pub mod published_in_future;

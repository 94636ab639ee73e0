//! CS5xx consistency: records that disagree with each other, within and across articles.

pub mod alias_of_two_actors;
pub mod conflicting_affiliation;
pub mod duplicate_article_text;
pub mod name_with_two_kinds;
pub mod near_duplicate_actors;
pub mod quote_with_two_sources;
pub mod teaser_in_body;
pub mod unbalanced_quotes;

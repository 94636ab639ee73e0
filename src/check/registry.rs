//! Every rule, in one explicit ordered list: the order is the documentation order and the
//! order findings of one place are listed in. A code, once given, is never reused.

use super::rule::{Declared, Rule, RuleMeta};
use super::rules::{
    attribution, completeness, consistency, manifest, references, spans, structure,
};

/// A rule in the registry: its metadata and how to make a fresh instance for a run.
pub struct RuleEntry {
    /// Code, name, severity, help, docs.
    pub meta: &'static RuleMeta,
    new: fn() -> Box<dyn Rule>,
}

impl std::fmt::Debug for RuleEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.meta.code, self.meta.name)
    }
}

impl RuleEntry {
    /// A fresh instance, with empty state.
    pub fn instantiate(&self) -> Box<dyn Rule> {
        (self.new)()
    }

    /// Position in [`RULES`].
    pub fn index(&self) -> usize {
        RULES
            .iter()
            .position(|r| std::ptr::eq(r, self))
            .expect("entries live in RULES")
    }
}

fn make<T: Declared>() -> Box<dyn Rule> {
    Box::new(T::default())
}

macro_rules! registry {
    ($($rule:path),* $(,)?) => {
        /// Every rule, in code order.
        pub static RULES: &[RuleEntry] = &[
            $(RuleEntry { meta: &<$rule as Declared>::META, new: make::<$rule> }),*
        ];
    };
}

registry![
    structure::missing_table::MissingTable,
    structure::missing_column::MissingColumn,
    structure::wrong_column_type::WrongColumnType,
    structure::schema_violation::SchemaViolation,
    structure::duplicate_id::DuplicateId,
    structure::id_not_derived::IdNotDerived,
    structure::empty_string::EmptyString,
    structure::text_not_nfc::TextNotNfc,
    structure::line_break_in_name::LineBreakInName,
    structure::castable_column_type::CastableColumnType,
    references::unknown_article::UnknownArticle,
    references::unknown_source::UnknownSource,
    references::unknown_actor::UnknownActor,
    references::outlet_not_media::OutletNotMedia,
    spans::span_out_of_bounds::SpanOutOfBounds,
    spans::span_text_mismatch::SpanTextMismatch,
    spans::overlapping_claims::OverlappingClaims,
    attribution::quote_without_source::QuoteWithoutSource,
    attribution::vague_source::VagueSource,
    attribution::anonymous_source::AnonymousSource,
    attribution::unattributed_figure::UnattributedFigure,
    attribution::document_without_publisher::DocumentWithoutPublisher,
    attribution::mostly_unattributed::MostlyUnattributed,
    consistency::name_with_two_kinds::NameWithTwoKinds,
    consistency::alias_of_two_actors::AliasOfTwoActors,
    consistency::near_duplicate_actors::NearDuplicateActors,
    consistency::quote_with_two_sources::QuoteWithTwoSources,
    consistency::conflicting_affiliation::ConflictingAffiliation,
    consistency::duplicate_article_text::DuplicateArticleText,
    consistency::teaser_in_body::TeaserInBody,
    consistency::unbalanced_quotes::UnbalancedQuotes,
    completeness::missing_outlet::MissingOutlet,
    completeness::missing_url::MissingUrl,
    completeness::missing_published_date::MissingPublishedDate,
    completeness::published_in_future::PublishedInFuture,
    manifest::invalid_manifest::InvalidManifest,
    manifest::stale_table_hash::StaleTableHash,
    manifest::row_count_mismatch::RowCountMismatch,
    manifest::listed_table_missing::ListedTableMissing,
    manifest::unlisted_table::UnlistedTable,
];

/// The rule with this code (any case) or name.
pub fn find(code_or_name: &str) -> Option<&'static RuleEntry> {
    RULES
        .iter()
        .find(|r| r.meta.code.eq_ignore_ascii_case(code_or_name) || r.meta.name == code_or_name)
}

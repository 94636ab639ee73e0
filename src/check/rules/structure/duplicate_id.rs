//! CS105 `duplicate-id`: two rows of a table share a primary key.

use crate::check::ids::{IdMap, prefix_of};
use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that each primary key (`article_id`, `claim_id`, `source_id`, `actor_id`,
    /// `mention_id`) appears in one row of its table only, across all its part files.
    ///
    /// ## Why is this bad?
    /// Joins on a repeated key multiply rows, and the two rows may disagree. Repeats
    /// usually come from concatenating two conversions, or from merging part files that
    /// each carry the shared `actors` and `sources`.
    ///
    /// ## Example
    /// ```text
    /// actors.parquet
    ///   act_97c8ef69f717be6a  Iyad Ag Ghaly  person
    ///   act_97c8ef69f717be6a  Iyad Ag Ghaly  person
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// actors.parquet
    ///   act_97c8ef69f717be6a  Iyad Ag Ghaly  person
    /// ```
    pub struct DuplicateId {
        seen: Vec<(&'static str, IdMap<u64>)>,
    }
    code = "CS105",
    name = "duplicate-id",
    severity = Error,
    help = "keep one row per ID, merging what the rows know",
}

impl DuplicateId {
    fn see(
        &mut self,
        table: &'static str,
        id: Option<&str>,
        row: u64,
        loc: impl FnOnce() -> Loc,
        out: &mut Sink,
    ) {
        let Some(id) = id else { return };
        // The IDs of each table being read (one at a time, as the engine reads them).
        let at = match self.seen.iter().position(|(t, _)| *t == table) {
            Some(at) => at,
            None => {
                self.seen.push((table, IdMap::new(prefix_of(table))));
                self.seen.len() - 1
            }
        };
        let seen = &mut self.seen[at].1;
        if let Some(first) = seen.insert_first(id, row) {
            out.emit(
                loc(),
                format!(
                    "{} ID {id} is repeated; it was first used at row {first}",
                    singular(table)
                ),
            );
        }
    }
}

impl Rule for DuplicateId {
    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, out: &mut Sink) {
        self.see("actors", r.actor_id, r.row, || r.loc(), out);
    }

    fn source(&mut self, r: &SourceRow<'_>, _: &Context, out: &mut Sink) {
        self.see("sources", r.source_id, r.row, || r.loc(), out);
    }

    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        self.see("articles", r.article_id, r.row, || r.loc(), out);
    }

    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, out: &mut Sink) {
        self.see("claims", r.claim_id, r.row, || r.loc(), out);
    }

    fn mention(&mut self, r: &MentionRow<'_>, _: &Context, out: &mut Sink) {
        self.see("mentions", r.mention_id, r.row, || r.loc(), out);
    }

    fn table_end(&mut self, table: &'static str, _: &Context, _: &mut Sink) {
        // A table's IDs are compared only with each other.
        self.seen.retain(|(t, _)| *t != table);
    }
}

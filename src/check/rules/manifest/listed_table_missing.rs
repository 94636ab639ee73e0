//! CS704 `listed-table-missing`: `dataset.json` lists a table that is not in the folder.

use super::stale_table_hash::table_name;
use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that every table `dataset.json` lists is at the path it gives, `findings`
    /// included.
    ///
    /// ## Why is this bad?
    /// Readers that go by the manifest (`claimset convert` into the dataset, `claimset
    /// merge`, the Data Package descriptor) fail on a table that is not there.
    ///
    /// ## Example
    /// ```text
    /// dataset.json     findings  findings.parquet
    /// dataset/         (no findings.parquet)
    /// ```
    ///
    /// ## Use instead
    /// Restore the table, or record the folder as it is now:
    /// ```text
    /// claimset seal DATASET
    /// ```
    pub struct ListedTableMissing {}
    code = "CS704",
    name = "listed-table-missing",
    severity = Error,
    help = "restore the table, or run `claimset seal DATASET` to record the folder as it is",
}

impl Rule for ListedTableMissing {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let Some(audit) = cx.manifest() else {
            return;
        };
        for t in audit.tables.iter().filter(|t| !t.present) {
            out.emit(
                Loc::table(table_name(&t.name)),
                format!(
                    "dataset.json lists table {} at {}, which is not there",
                    t.name, t.path
                ),
            );
        }
    }
}

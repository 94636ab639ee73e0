//! CS703 `row-count-mismatch`: a table holds another number of rows than `dataset.json`
//! says.

use super::stale_table_hash::table_name;
use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Compares the rows each table's files hold (read from their Parquet footers) with
    /// the row count `dataset.json` gives the table.
    ///
    /// ## Why is this bad?
    /// A table with rows deleted or added after it was written no longer matches the
    /// manifest that downstream jobs read to know what they get; `claimset convert`
    /// into the dataset and `claimset merge` refuse it.
    ///
    /// ## Example
    /// ```text
    /// dataset.json     claims  rows 147
    /// claims.parquet   74 rows (half deleted in a notebook)
    /// ```
    ///
    /// ## Use instead
    /// When the edit was deliberate, record the tables as they are now:
    /// ```text
    /// claimset seal DATASET
    /// ```
    pub struct RowCountMismatch {}
    code = "CS703",
    name = "row-count-mismatch",
    severity = Error,
    help = "if the tables were edited on purpose, run `claimset seal DATASET` to record them; otherwise restore the tables",
}

impl Rule for RowCountMismatch {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let Some(audit) = cx.manifest() else {
            return;
        };
        for t in audit.tables.iter().filter(|t| t.present) {
            if t.rows != t.listed_rows {
                out.emit(
                    Loc::table(table_name(&t.name)).file(cx.dir().join(&t.path)),
                    format!(
                        "table {} has {} rows but dataset.json says {}",
                        t.name, t.rows, t.listed_rows
                    ),
                );
            }
        }
    }
}

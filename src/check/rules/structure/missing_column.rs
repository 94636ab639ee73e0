//! CS102 `missing-column`: a table file lacks a column of the data model.

use crate::check::rules::prelude::*;
use crate::check::rules::rel_path;
use crate::dataset::arrow_schema;

declare_rule! {
    /// ## What it does
    /// Checks that every file of a table has every column the data model gives the
    /// table. Extra columns are fine: the data model may be extended, never renamed.
    ///
    /// ## Why is this bad?
    /// Column names are the public interface of the dataset. A missing column (often a
    /// renamed one) breaks every query that uses it, and the rules that need it skip it.
    ///
    /// ## Example
    /// A `claims.parquet` written with `speaker` instead of `source_id`:
    /// ```text
    /// claim_id, article_id, text, start, end, ..., speaker
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// claim_id, article_id, text, start, end, ..., source_id
    /// ```
    pub struct MissingColumn {}
    code = "CS102",
    name = "missing-column",
    severity = Error,
    help = "add the column (null where there is no value) under its name in the data model",
}

impl Rule for MissingColumn {
    fn table_file(&mut self, file: &TableFile<'_>, cx: &Context, out: &mut Sink) {
        let Some(contract) = arrow_schema(file.table) else {
            return;
        };
        for field in contract.fields() {
            if file.schema.field_with_name(field.name()).is_err() {
                out.emit(
                    Loc::table(file.table).file(file.path),
                    format!(
                        "column {} is missing from {}",
                        field.name(),
                        rel_path(cx, file.path)
                    ),
                );
            }
        }
    }
}

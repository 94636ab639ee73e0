//! CS103 `wrong-column-type`: a column is stored with another type than the data model's.

use crate::check::rows::{Fit, fit, type_name};
use crate::check::rules::prelude::*;
use crate::check::rules::rel_path;
use crate::dataset::arrow_schema;

declare_rule! {
    /// ## What it does
    /// Checks the stored type of every column the data model knows: strings, `uint32`
    /// offsets and counts, `date` for `published`, `list<string>` for lists. Equivalent
    /// forms pass: large or view strings, enumerations as plain or dictionary strings,
    /// large lists. Integers of another width and 64-bit dates are reported but still
    /// read; other types are reported and the column is skipped by the other rules.
    ///
    /// ## Why is this bad?
    /// Readers rely on the types: offsets stored as strings or floats cannot slice the
    /// text, and a `published` stored as a string does not compare as a date.
    ///
    /// ## Example
    /// ```text
    /// claims.parquet   start: string   end: string
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// claims.parquet   start: uint32   end: uint32
    /// ```
    pub struct WrongColumnType {}
    code = "CS103",
    name = "wrong-column-type",
    severity = Error,
    help = "write the column with the type of the data model (see DATA-MODEL.md)",
}

impl Rule for WrongColumnType {
    fn table_file(&mut self, file: &TableFile<'_>, cx: &Context, out: &mut Sink) {
        let Some(contract) = arrow_schema(file.table) else {
            return;
        };
        for field in contract.fields() {
            let Ok(stored) = file.schema.field_with_name(field.name()) else {
                continue;
            };
            let note = match fit(field.data_type(), stored.data_type()) {
                Fit::Exact => continue,
                Fit::Readable => "; its values are still read",
                Fit::Unreadable => "; the column is not checked further",
            };
            out.emit(
                Loc::table(file.table).file(file.path),
                format!(
                    "column {} of {} is {}, not {}{note}",
                    field.name(),
                    rel_path(cx, file.path),
                    stored.data_type().to_string().to_lowercase(),
                    type_name(field.data_type()),
                ),
            );
        }
    }
}

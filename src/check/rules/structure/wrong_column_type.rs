//! CS103 `wrong-column-type`: a column is stored with a type its values cannot be read
//! from as the data model's, or with one whose values do not all fit it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::check::rows::{Fit, fit, type_name};
use crate::check::rules::prelude::*;
use crate::check::rules::rel_path;
use crate::dataset::arrow_schema;

declare_rule! {
    /// ## What it does
    /// Checks the stored type of every column the data model knows: strings, `uint32`
    /// offsets and counts, `date` for `published`, `list<string>` for lists. Equivalent
    /// forms pass: large or view strings, enumerations as plain or dictionary strings,
    /// large lists. A type the values cannot be read from (offsets as strings or floats)
    /// is reported and the column is skipped by the other rules. Integers of another
    /// width, `date64` and the `null` type are read when every value fits (CS110 notes
    /// them); when some do not (a negative offset in an `int64` column), they are
    /// reported here and only the values that fit are read.
    ///
    /// ## Why is this bad?
    /// Readers rely on the types: offsets stored as strings or floats cannot slice the
    /// text, a `published` stored as a string does not compare as a date, and a negative
    /// offset points nowhere.
    ///
    /// ## Example
    /// ```text
    /// claims.parquet   start: string   end: int64 (one value is -1)
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// claims.parquet   start: uint32   end: uint32
    /// ```
    pub struct WrongColumnType {
        castable: BTreeMap<(PathBuf, String), Castable>,
    }
    code = "CS103",
    name = "wrong-column-type",
    severity = Error,
    help = "write the column with the type of the data model (see DATA-MODEL.md)",
}

/// A column of one file stored with a castable type, with the values that do not fit.
pub(crate) struct Castable {
    pub(crate) table: &'static str,
    pub(crate) stored: String,
    pub(crate) expected: String,
    pub(crate) unfit: usize,
}

/// Notes the castable columns of a file (so an empty file counts too).
pub(crate) fn note_file(
    castable: &mut BTreeMap<(PathBuf, String), Castable>,
    file: &TableFile<'_>,
) {
    let Some(contract) = arrow_schema(file.table) else {
        return;
    };
    for field in contract.fields() {
        let Ok(stored) = file.schema.field_with_name(field.name()) else {
            continue;
        };
        if fit(field.data_type(), stored.data_type()) == Fit::Castable {
            castable.insert(
                (file.path.to_path_buf(), field.name().clone()),
                Castable {
                    table: file.table,
                    stored: stored.data_type().to_string().to_lowercase(),
                    expected: type_name(field.data_type()),
                    unfit: 0,
                },
            );
        }
    }
}

/// Adds the values of a batch that do not fit.
pub(crate) fn note_batch(castable: &mut BTreeMap<(PathBuf, String), Castable>, b: &Batch<'_>) {
    for cast in b.casts {
        if let Some(c) = castable.get_mut(&(b.file.to_path_buf(), cast.column.clone())) {
            c.unfit += cast.unfit;
        }
    }
}

impl Rule for WrongColumnType {
    fn table_file(&mut self, file: &TableFile<'_>, cx: &Context, out: &mut Sink) {
        note_file(&mut self.castable, file);
        let Some(contract) = arrow_schema(file.table) else {
            return;
        };
        for field in contract.fields() {
            let Ok(stored) = file.schema.field_with_name(field.name()) else {
                continue;
            };
            if fit(field.data_type(), stored.data_type()) != Fit::Unreadable {
                continue;
            }
            out.emit(
                Loc::table(file.table).file(file.path),
                format!(
                    "column {} of {} is {}, not {}; the column is not checked further",
                    field.name(),
                    rel_path(cx, file.path),
                    stored.data_type().to_string().to_lowercase(),
                    type_name(field.data_type()),
                ),
            );
        }
    }

    fn batch(&mut self, b: &Batch<'_>, _: &Context, _: &mut Sink) {
        note_batch(&mut self.castable, b);
    }

    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        for ((path, column), c) in &self.castable {
            if c.unfit == 0 {
                continue;
            }
            let values = if c.unfit == 1 {
                "value does"
            } else {
                "values do"
            };
            out.emit(
                Loc::table(c.table).file(path),
                format!(
                    "column {column} of {} is {}, not {}, and {} {values} not fit it; only the values that fit are checked",
                    rel_path(cx, path),
                    c.stored,
                    c.expected,
                    c.unfit,
                ),
            );
        }
    }
}

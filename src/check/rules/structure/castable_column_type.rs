//! CS110 `castable-column-type`: a column is stored with another type than the data
//! model's, but every value fits the data model's type.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::wrong_column_type::{Castable, note_batch, note_file};
use crate::check::rules::prelude::*;
use crate::check::rules::rel_path;

declare_rule! {
    /// ## What it does
    /// Notes columns stored with a type that differs from the data model's but whose
    /// values all fit it: offsets and counts as `int64` or `int32` (Spark and Java tools
    /// cannot write `uint32`; pandas turns them into `int64` once a value is missing), a
    /// `published` column of the `null` type (pandas writes an all-null column so) or as
    /// `date64`, a list of the `null` type. The values are read as the data model's
    /// type, so every other rule checks them; when some value does not fit, CS103
    /// reports the column instead.
    ///
    /// ## Why is this bad?
    /// Nothing is lost, but readers that rely on the types see something else: a
    /// `uint32` join key against an `int64` one, a `null` column where a date is
    /// expected. `claimset convert` and `merge` write the data model's types again.
    ///
    /// ## Example
    /// ```text
    /// claims.parquet   start: int64   end: int64
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// claims.parquet   start: uint32   end: uint32
    /// ```
    /// In pandas: `df["start"] = df["start"].astype("uint32")`; in Spark, keep the
    /// table as it is or ignore this rule (`ignore = ["CS110"]` in `claimset.toml`).
    pub struct CastableColumnType {
        castable: BTreeMap<(PathBuf, String), Castable>,
    }
    code = "CS110",
    name = "castable-column-type",
    severity = Warning,
    help = "cast the column to the type of the data model when writing it (see DATA-MODEL.md)",
}

impl Rule for CastableColumnType {
    fn table_file(&mut self, file: &TableFile<'_>, _: &Context, _: &mut Sink) {
        note_file(&mut self.castable, file);
    }

    fn batch(&mut self, b: &Batch<'_>, _: &Context, _: &mut Sink) {
        note_batch(&mut self.castable, b);
    }

    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        for ((path, column), c) in &self.castable {
            if c.unfit > 0 {
                continue;
            }
            out.emit(
                Loc::table(c.table).file(path),
                format!(
                    "column {column} of {} is {}, expected {}; every value fits: cast it to {}",
                    rel_path(cx, path),
                    c.stored,
                    c.expected,
                    c.expected,
                ),
            );
        }
    }
}

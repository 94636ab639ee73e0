//! CS101 `missing-table`: a table of the data model has no file in the dataset folder.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that the dataset folder holds every table of the data model: `articles`,
    /// `claims`, `sources`, `actors` and `mentions`, each as `<table>.parquet` or as a
    /// folder of part files (`<table>/part-0001.parquet`, ...). `findings` is not
    /// required: `claimset check` writes it.
    ///
    /// ## Why is this bad?
    /// Notebooks, CI jobs and the scorer read the tables by name, so a missing table
    /// breaks them; and references into a missing table cannot be checked.
    ///
    /// ## Example
    /// ```text
    /// dataset/
    ///   articles.parquet
    ///   claims.parquet
    ///   sources.parquet
    ///   actors.parquet
    /// ```
    ///
    /// ## Use instead
    /// Write every table, with no rows when there are none:
    /// ```text
    /// dataset/
    ///   articles.parquet
    ///   claims.parquet
    ///   sources.parquet
    ///   actors.parquet
    ///   mentions.parquet
    /// ```
    pub struct MissingTable {}
    code = "CS101",
    name = "missing-table",
    severity = Error,
    help = "write the table, with no rows when there are none",
}

impl Rule for MissingTable {
    fn missing_table(&mut self, table: &'static str, _: &Context, out: &mut Sink) {
        out.emit(
            Loc::table(table),
            format!("table {table} is missing: there is no {table}.parquet and no {table}/ folder of part files"),
        );
    }
}

//! CS705 `unlisted-table`: a table of the data model is in the folder but not in
//! `dataset.json`.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that every table of the data model that has files in the folder is listed
    /// in `dataset.json`.
    ///
    /// ## Why is this bad?
    /// Readers that go by the manifest skip a table it does not list: `claimset convert`
    /// into the dataset would drop it, and its rows are vouched for by no hash.
    ///
    /// ## Example
    /// ```text
    /// dataset.json     articles, claims, sources, actors
    /// dataset/         ... mentions.parquet
    /// ```
    ///
    /// ## Use instead
    /// Record the folder as it is now:
    /// ```text
    /// claimset seal DATASET
    /// ```
    pub struct UnlistedTable {}
    code = "CS705",
    name = "unlisted-table",
    severity = Warning,
    help = "run `claimset seal DATASET` to list the table in dataset.json",
}

impl Rule for UnlistedTable {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let Some(audit) = cx.manifest() else {
            return;
        };
        for table in &audit.unlisted {
            out.emit(
                Loc::table(table),
                format!("table {table} is in the folder but dataset.json does not list it"),
            );
        }
    }
}

//! CS701 `invalid-manifest`: `dataset.json` cannot be read or is not a claimset manifest.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that `dataset.json`, when the folder has one, reads as a claimset manifest
    /// of a schema version this claimset can read, and that every path it lists stays
    /// inside the dataset folder. The other manifest rules (CS702 to CS705) need it.
    ///
    /// ## Why is this bad?
    /// `claimset convert` into the dataset and `claimset merge` refuse a folder whose
    /// manifest they cannot read, and a manifest that cannot be read cannot vouch for
    /// the tables (their row counts and hashes).
    ///
    /// ## Example
    /// ```json
    /// {"schema_version": "1.0.0", "tables": [
    /// ```
    ///
    /// ## Use instead
    /// Write the manifest again from the tables as they are:
    /// ```text
    /// claimset seal DATASET
    /// ```
    pub struct InvalidManifest {}
    code = "CS701",
    name = "invalid-manifest",
    severity = Error,
    help = "run `claimset seal DATASET` to write the manifest again from the tables",
}

impl Rule for InvalidManifest {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        if let Some(problem) = cx.manifest().and_then(|m| m.invalid.as_ref()) {
            out.emit(
                Loc::table("manifest").file(cx.dir().join("dataset.json")),
                format!("dataset.json is not a usable manifest: {problem}"),
            );
        }
    }
}

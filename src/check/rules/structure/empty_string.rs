//! CS107 `empty-string`: an empty string where the data model says null.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks the nullable string columns (`articles.source_id` and `url`,
    /// `claims.source_id` and `cue`, `sources.actor_id` and `description`,
    /// `actors.description` and `affiliation_id`) for empty strings.
    ///
    /// ## Why is this bad?
    /// The data model says a missing value is null, never `""`. Readers test for null
    /// (`is_null()`, `IS NULL`), so an empty string passes as a value: a claim with
    /// `source_id = ""` looks attributed and joins to nothing.
    ///
    /// ## Example
    /// ```json
    /// {"claim_id": "clm_…", "kind": "indirect", "source_id": "", "cue": ""}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"claim_id": "clm_…", "kind": "indirect", "source_id": null, "cue": null}
    /// ```
    pub struct EmptyString {}
    code = "CS107",
    name = "empty-string",
    severity = Warning,
    help = "write null for a missing value",
}

fn check(out: &mut Sink, loc: impl Fn() -> Loc, values: &[(&str, Option<&str>)]) {
    for (column, value) in values {
        if *value == Some("") {
            out.emit(
                loc(),
                format!("{column} is an empty string; a missing value must be null"),
            );
        }
    }
}

impl Rule for EmptyString {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        check(
            out,
            || r.loc(),
            &[("source_id", r.source_id), ("url", r.url)],
        );
    }

    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, out: &mut Sink) {
        check(
            out,
            || r.loc(),
            &[("source_id", r.source_id), ("cue", r.cue)],
        );
    }

    fn source(&mut self, r: &SourceRow<'_>, _: &Context, out: &mut Sink) {
        let values = [("actor_id", r.actor_id), ("description", r.description)];
        check(out, || r.loc(), &values);
    }

    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, out: &mut Sink) {
        let values = [
            ("description", r.description),
            ("affiliation_id", r.affiliation_id),
        ];
        check(out, || r.loc(), &values);
    }
}

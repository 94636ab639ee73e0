//! CS402 `vague-source`: a claim attributed to an unnamed plural or generic source.

use crate::check::rules::prelude::*;
use crate::model::SourceKind;

declare_rule! {
    /// ## What it does
    /// Flags claims whose source is of kind `vague`: "experts", "officials in Mali",
    /// "residents", "estimates".
    ///
    /// ## Why is this bad?
    /// A vague source cannot be checked or weighed; it lends a claim authority without
    /// anyone answering for it. Worth a look in analysis, and sometimes a sign that the
    /// named source a few words away was missed.
    ///
    /// ## Example
    /// ```text
    /// Officials in Mali said 12 soldiers were killed.   source: "Officials in Mali" (vague)
    /// ```
    ///
    /// ## Use instead
    /// Attribute the claim to the named person or body when the article names one:
    /// ```text
    /// Army spokesman Souleymane Dembélé said 12 soldiers were killed.   source: person
    /// ```
    pub struct VagueSource {}
    code = "CS402",
    name = "vague-source",
    severity = Warning,
    help = "name the person or body behind the claim when the article does",
}

impl Rule for VagueSource {
    fn claim(&mut self, r: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {
        let Some(source) = r.source_id.and_then(|id| cx.source(id)) else {
            return;
        };
        if source.kind == Some(SourceKind::Vague) {
            let name = source.name.as_deref().unwrap_or("?");
            out.emit(
                r.loc(),
                format!(
                    "claim is attributed to a vague source, {}",
                    quoted(name, 60)
                ),
            );
        }
    }
}

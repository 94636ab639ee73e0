//! CS403 `anonymous-source`: a claim attributed to a specific but unnamed person.

use crate::check::rules::prelude::*;
use crate::model::SourceKind;

declare_rule! {
    /// ## What it does
    /// Flags claims whose source is of kind `anonymous`: "a security source", "a
    /// spokesman for the French military", "an al-Shabab official".
    ///
    /// ## Why is this bad?
    /// It is not wrong: journalists grant anonymity for good reasons. But a reader
    /// weighing a claim should know that no one is named behind it, and analyses of who
    /// speaks usually count these apart.
    ///
    /// ## Example
    /// ```text
    /// A security source said the convoy was ambushed.   source: "A security source" (anonymous)
    /// ```
    ///
    /// ## Use instead
    /// Nothing to change in the dataset when the article names no one; select or ignore
    /// this rule by what your analysis needs. When the article names the person later,
    /// attribute the claim to them.
    pub struct AnonymousSource {}
    code = "CS403",
    name = "anonymous-source",
    severity = Info,
    help = "keep it when the article names no one; attribute it to the person when it does",
}

impl Rule for AnonymousSource {
    fn claim(&mut self, r: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {
        let Some(source) = r.source_id.and_then(|id| cx.source(id)) else {
            return;
        };
        if source.kind == Some(SourceKind::Anonymous) {
            let name = source.name.as_deref().unwrap_or("?");
            out.emit(
                r.loc(),
                format!(
                    "claim is attributed to an anonymous source, {}",
                    quoted(name, 60)
                ),
            );
        }
    }
}

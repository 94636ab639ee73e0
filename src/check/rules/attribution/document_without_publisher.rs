//! CS405 `document-without-publisher`: a document source with no actor behind it.

use crate::check::rules::prelude::*;
use crate::model::SourceKind;

declare_rule! {
    /// ## What it does
    /// Flags sources of kind `document` (reports, studies, statements) whose `actor_id`,
    /// the publisher, is null.
    ///
    /// ## Why is this bad?
    /// A document speaks for whoever published it. "A study found" without the
    /// publisher cannot be weighed, and claims from it cannot be grouped with the
    /// publisher's other statements.
    ///
    /// ## Example
    /// ```json
    /// {"name": "field study", "kind": "document", "actor_id": null}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"name": "Timbuktu Institute for Peace Studies", "kind": "document", "actor_id": "act_305f2a10d2903a99", "description": "field study"}
    /// ```
    pub struct DocumentWithoutPublisher {}
    code = "CS405",
    name = "document-without-publisher",
    severity = Warning,
    help = "set actor_id to the body that published the document",
}

impl Rule for DocumentWithoutPublisher {
    fn source(&mut self, r: &SourceRow<'_>, _: &Context, out: &mut Sink) {
        if r.kind() == Some(SourceKind::Document) && r.actor_id.is_none() {
            let name = r.name.unwrap_or("?");
            out.emit(
                r.loc(),
                format!("document source {} has no publisher", quoted(name, 60)),
            );
        }
    }
}

//! CS401 `quote-without-source`: a direct quotation attributed to no one.

use crate::check::rules::prelude::*;
use crate::model::ClaimKind;

declare_rule! {
    /// ## What it does
    /// Flags claims of kind `direct` or `mixed` (quoted words) whose `source_id` is null.
    ///
    /// ## Why is this bad?
    /// Quotation marks say "someone said exactly this". A quotation with no speaker is
    /// the one claim that cannot be the article's own voice: the attribution was missed,
    /// and the words will be counted for nobody.
    ///
    /// ## Example
    /// Article text `“We will not negotiate,” the group's leader said.`:
    /// ```json
    /// {"kind": "direct", "text": "We will not negotiate,", "source_id": null}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"kind": "direct", "text": "We will not negotiate,", "source_id": "src_<the group's leader>"}
    /// ```
    pub struct QuoteWithoutSource {}
    code = "CS401",
    name = "quote-without-source",
    severity = Error,
    help = "attribute the quotation to whoever the article says spoke it",
}

impl Rule for QuoteWithoutSource {
    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, out: &mut Sink) {
        let quoted_kind = matches!(r.kind(), Some(ClaimKind::Direct | ClaimKind::Mixed));
        if quoted_kind && r.source_id.is_none() {
            let kind = r.kind.unwrap_or_default();
            out.emit(r.loc(), format!("{kind} quotation has no source"));
        }
    }
}

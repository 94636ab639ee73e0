//! CS404 `unattributed-figure`: the article's own voice states a figure, date or superlative.

use crate::check::lexicon::figures;
use crate::check::rules::prelude::*;
use crate::model::ClaimKind;

declare_rule! {
    /// ## What it does
    /// Flags assertions (claims of kind `assertion` with no source) that carry a
    /// casualty count, a superlative ("deadliest"), a number or a date. The words come
    /// from `src/check/lexicon/figures.tsv`; any token with a digit is a number.
    ///
    /// ## Why is this bad?
    /// Death tolls, rankings and dates are the facts most often disputed and most often
    /// copied between outlets. Stated in the article's own voice, the reader cannot tell
    /// whose count it is; usually a source a sentence away was not linked, or the outlet
    /// took the figure from an agency.
    ///
    /// ## Example
    /// ```text
    /// The attack left four civilians dead.   kind: assertion, source: null
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The attack left four civilians dead, the UN mission said.   kind: indirect, source: UN mission
    /// ```
    pub struct UnattributedFigure {}
    code = "CS404",
    name = "unattributed-figure",
    severity = Warning,
    help = "attribute the figure to its source, or check that the outlet vouches for it",
}

impl Rule for UnattributedFigure {
    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, out: &mut Sink) {
        if r.kind() != Some(ClaimKind::Assertion) || r.source_id.is_some() {
            return;
        }
        let Some((kind, words)) = r.text.and_then(|t| figures().strongest(t)) else {
            return;
        };
        let words: Vec<String> = words.iter().map(|w| quoted(w, 30)).collect();
        out.emit(
            r.loc(),
            format!(
                "unattributed assertion carries {} ({})",
                kind.describe(),
                words.join(", ")
            ),
        );
    }
}

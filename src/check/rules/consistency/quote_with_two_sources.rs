//! CS504 `quote-with-two-sources`: the same quotation attributed to different sources.

use rustc_hash::FxHashMap;

use crate::check::ids::IdKey;
use crate::check::rows::text_hash;
use crate::check::rules::prelude::*;
use crate::model::{ClaimKind, fold_name_into};

declare_rule! {
    /// ## What it does
    /// Compares direct quotations across the whole dataset, folded (case, punctuation,
    /// diacritics), and flags a quotation already attributed to another source. Short
    /// quotations (fewer than `min-quote-words` words, default 5, in `[check.options]`)
    /// are skipped: slogans and scare quotes are legitimately shared.
    ///
    /// ## Why is this bad?
    /// Words are said once, by one speaker. The same quotation with two speakers is an
    /// attribution error in one article, or one outlet copying another's quote and
    /// crediting it to someone else; either way one of the two is wrong.
    ///
    /// ## Example
    /// ```text
    /// art_a  “There were no deaths among French troops”  source: French military
    /// art_b  “There were no deaths among French troops”  source: Boubacar Diallo
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// art_a  “There were no deaths among French troops”  source: French military
    /// art_b  “There were no deaths among French troops”  source: French military
    /// ```
    pub struct QuoteWithTwoSources {
        first: FxHashMap<u64, (IdKey, IdKey)>,
        folded: String,
    }
    code = "CS504",
    name = "quote-with-two-sources",
    severity = Warning,
    help = "check who spoke the words and attribute both claims to them",
}

impl Rule for QuoteWithTwoSources {
    fn table_end(&mut self, table: &'static str, _: &Context, _: &mut Sink) {
        // Only rows of claims are compared with each other.
        if table == "claims" {
            self.first = FxHashMap::default();
        }
    }

    fn claim(&mut self, r: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {
        let (Some(ClaimKind::Direct), Some(source), Some(text), Some(id)) =
            (r.kind(), r.source_id, r.text, r.claim_id)
        else {
            return;
        };
        fold_name_into(text, &mut self.folded);
        let words = self.folded.bytes().filter(|&b| b == b' ').count() + 1;
        if words < cx.options.min_quote_words as usize {
            return;
        }
        let key = text_hash(&self.folded);
        match self.first.get(&key) {
            Some((other_claim, other_source)) if *other_source != IdKey::new(source, "src_") => {
                let (other_claim, other_source) = (
                    other_claim.to_string("clm_"),
                    other_source.to_string("src_"),
                );
                out.emit(
                    r.loc(),
                    format!(
                        "quotation is attributed to {} here but to {} in claim {other_claim}",
                        cx.source_label(source),
                        cx.source_label(&other_source)
                    ),
                );
            }
            Some(_) => {}
            None => {
                self.first
                    .insert(key, (IdKey::new(id, "clm_"), IdKey::new(source, "src_")));
            }
        }
    }
}

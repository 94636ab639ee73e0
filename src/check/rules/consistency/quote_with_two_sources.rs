//! CS504 `quote-with-two-sources`: the same quotation attributed to different sources.

use rayon::prelude::*;
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
        keys: Vec<Option<u64>>,
        keys_from: u64,
    }
    code = "CS504",
    name = "quote-with-two-sources",
    severity = Warning,
    help = "check who spoke the words and attribute both claims to them",
}

/// Rows per task when a batch's quotations are folded in parallel.
const FOLD_CHUNK: usize = 256;

/// The key under which a direct quotation of at least `min_words` words is compared:
/// the hash of its fold; `None` for a shorter one.
fn quote_key(text: &str, min_words: usize, folded: &mut String) -> Option<u64> {
    fold_name_into(text, folded);
    let words = folded.bytes().filter(|&b| b == b' ').count() + 1;
    (words >= min_words).then(|| text_hash(folded))
}

impl Rule for QuoteWithTwoSources {
    fn batch(&mut self, b: &Batch<'_>, cx: &Context, _: &mut Sink) {
        if b.table != "claims" {
            return;
        }
        // Folding is most of this rule's work: the rows of a batch are folded in
        // parallel before their row hooks compare them in order. `keys` holds the key
        // of each row of the batch, whose first row is row `keys_from` of the table.
        let (kind, source, text, id) = (
            b.strings("kind"),
            b.strings("source_id"),
            b.strings("text"),
            b.strings("claim_id"),
        );
        let min_words = cx.options.min_quote_words as usize;
        self.keys = (0..b.len())
            .into_par_iter()
            .with_min_len(FOLD_CHUNK)
            .map_init(String::new, |folded, i| {
                let direct = kind.get(i).and_then(ClaimKind::parse) == Some(ClaimKind::Direct);
                let text = text.get(i).filter(|_| direct)?;
                source.get(i).and(id.get(i))?;
                quote_key(text, min_words, folded)
            })
            .collect();
        self.keys_from = b.first_row;
    }

    fn table_end(&mut self, table: &'static str, _: &Context, _: &mut Sink) {
        // Only rows of claims are compared with each other.
        if table == "claims" {
            self.first = FxHashMap::default();
        }
    }

    fn claim(&mut self, r: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {
        // The batch hook, which runs before the rows, keyed every direct quotation with
        // a source and an ID; the other rows have no key.
        let at = r
            .row
            .checked_sub(self.keys_from)
            .and_then(|at| usize::try_from(at).ok());
        let (Some(&Some(key)), Some(source), Some(id)) =
            (at.and_then(|at| self.keys.get(at)), r.source_id, r.claim_id)
        else {
            return;
        };
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

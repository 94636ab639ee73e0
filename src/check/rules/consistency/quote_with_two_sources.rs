//! CS504 `quote-with-two-sources`: the same quotation attributed to different sources.

use rustc_hash::FxHashMap;

use crate::check::ids::IdKey;
use crate::check::rows::text_hash;
use crate::check::rules::prelude::*;
use crate::model::{ClaimKind, fold_name};

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
    }
    code = "CS504",
    name = "quote-with-two-sources",
    severity = Warning,
    help = "check who spoke the words and attribute both claims to them",
}

/// [`fold_name`] of a quotation, without its Unicode normalisation when the text is
/// ASCII and typographic quotes and dashes (which normalisation leaves as they are).
fn fold_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // A run of letters and digits at once.
            let run = bytes[i..].iter().take_while(|c| c.is_ascii_alphanumeric());
            let end = i + run.count();
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            let from = out.len();
            out.push_str(&text[i..end]);
            out[from..].make_ascii_lowercase();
            i = end;
            continue;
        }
        if b.is_ascii() {
            i += 1;
            if !matches!(b, b'\'' | b'`' | b'.') {
                pending_space = true;
            }
            continue;
        }
        // ‘ ’ (E2 80 98, 99) are dropped; “ ” – — (E2 80 9C, 9D, 93, 94) part words.
        match bytes.get(i..i + 3) {
            Some([0xe2, 0x80, 0x98 | 0x99]) => {}
            Some([0xe2, 0x80, 0x9c | 0x9d | 0x93 | 0x94]) => pending_space = true,
            _ => return fold_name(text),
        }
        i += 3;
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
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
        let folded = fold_quote(text);
        let words = folded.bytes().filter(|&b| b == b' ').count() + 1;
        if words < cx.options.min_quote_words as usize {
            return;
        }
        let key = text_hash(&folded);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_fold_as_names_do() {
        for text in [
            "“There were no deaths among French troops,” he said.",
            "It’s ‘over’ — the minister’s words – in 2024. The end",
            "the Café's owner said: “Näive” … ok",
            "",
            "The",
            "‘a’ “b” c–d—e … f\u{2015}g",
            "plain words, and more: words. Here",
        ] {
            assert_eq!(fold_quote(text), fold_name(text), "{text}");
        }
    }
}

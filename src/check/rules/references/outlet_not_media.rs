//! CS204 `outlet-not-media`: an article's outlet is a source that is not a media outlet.

use crate::check::rules::prelude::*;
use crate::model::SourceKind;

declare_rule! {
    /// ## What it does
    /// Checks that `articles.source_id`, the outlet that published the article, names a
    /// source of kind `media`.
    ///
    /// ## Why is this bad?
    /// The outlet column answers "who published this". Pointing it at a person or a
    /// ministry (often the article's main speaker, picked up by mistake) mixes up the
    /// publisher with the people it quotes.
    ///
    /// ## Example
    /// ```json
    /// {"article_id": "art_…", "source_id": "src_73b5e110722d26fc"}
    /// ```
    /// where `src_73b5e110722d26fc` is `State Department`, kind `organization`.
    ///
    /// ## Use instead
    /// ```json
    /// {"article_id": "art_…", "source_id": "src_<Voice of America, media>"}
    /// ```
    pub struct OutletNotMedia {}
    code = "CS204",
    name = "outlet-not-media",
    severity = Warning,
    help = "point source_id at the outlet (a source of kind media), or set it to null",
}

impl Rule for OutletNotMedia {
    fn columns(&self, table: &str) -> Option<&'static [&'static str]> {
        Some(match table {
            "articles" => &["article_id", "source_id"],
            _ => &[],
        })
    }

    fn article(&mut self, r: &ArticleRow<'_>, cx: &Context, out: &mut Sink) {
        let Some(id) = r.source_id else { return };
        let Some(kind) = cx.source(id).and_then(|s| s.kind) else {
            return;
        };
        if kind != SourceKind::Media {
            out.emit(
                r.loc(),
                format!(
                    "outlet {} is a source of kind {kind}, not media",
                    cx.source_label(id)
                ),
            );
        }
    }
}

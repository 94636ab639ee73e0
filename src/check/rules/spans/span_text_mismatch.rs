//! CS302 `span-text-mismatch`: a claim's or mention's text is not the article text at its span.

use crate::check::rows::text_hash;
use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that the `text` of every claim and mention equals `articles.text[start:end]`
    /// (code points), for spans inside the text.
    ///
    /// ## Why is this bad?
    /// The stored text and the span must tell the same story: highlighting, context
    /// windows and evaluation use the span, people read the text. A mismatch means one of
    /// them was edited, or the offsets are off (often by the width of a quotation mark or
    /// a multi-byte character).
    ///
    /// ## Example
    /// Article text `Officials said the raid began at dawn.`:
    /// ```json
    /// {"text": "the raid began at dawn", "start": 14, "end": 36}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"text": "the raid began at dawn", "start": 15, "end": 37}
    /// ```
    pub struct SpanTextMismatch {}
    code = "CS302",
    name = "span-text-mismatch",
    severity = Error,
    help = "recompute the span from the text, or the text from the span",
}

impl Rule for SpanTextMismatch {
    fn reads_texts(&self) -> bool {
        true
    }

    fn article_text(&mut self, a: &ArticleText<'_>, _: &Context, out: &mut Sink) {
        for s in a.spans {
            if s.start >= s.end {
                continue;
            }
            let Some(actual) = a.slice(s.start, s.end) else {
                continue;
            };
            if text_hash(actual) != s.text_hash {
                out.emit(
                    s.loc(a.article_id),
                    format!(
                        "{} text {} differs from the article text at {}..{}, which reads {}",
                        singular(s.table),
                        quoted(&s.text_head, 40),
                        s.start,
                        s.end,
                        quoted(actual, 40)
                    ),
                );
            }
        }
    }
}

//! CS301 `span-out-of-bounds`: a claim's or mention's offsets do not fit its article text.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks that every claim and mention span satisfies `start < end <= len(text)`,
    /// counting code points of its article's text.
    ///
    /// ## Why is this bad?
    /// `text[start:end]` is how every reader gets from a record to the words it stands
    /// for. An empty, inverted or overlong span gives nothing, or the wrong words, and
    /// usually means the offsets were counted in bytes or UTF-16 units, or against
    /// another version of the text.
    ///
    /// ## Example
    /// An article text of 412 code points:
    /// ```json
    /// {"claim_id": "clm_…", "start": 398, "end": 455}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"claim_id": "clm_…", "start": 358, "end": 411}
    /// ```
    pub struct SpanOutOfBounds {}
    code = "CS301",
    name = "span-out-of-bounds",
    severity = Error,
    help = "recompute start and end in code points of the article text",
}

impl Rule for SpanOutOfBounds {
    fn reads_texts(&self) -> bool {
        true
    }

    fn article_text(&mut self, a: &ArticleText<'_>, _: &Context, out: &mut Sink) {
        let len = a.len();
        for s in a.spans {
            let what = singular(s.table);
            let problem = if s.start >= s.end {
                format!("{what} span {}..{} is empty or inverted", s.start, s.end)
            } else if s.end > len {
                format!(
                    "{what} span {}..{} runs past the end of the article text ({len} code points)",
                    s.start, s.end
                )
            } else {
                continue;
            };
            out.emit(s.loc(a.article_id).no_span(), problem);
        }
    }
}

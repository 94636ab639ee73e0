//! CS507 `teaser-in-body`: a teaser headline (a link to another story) left in the text.

use crate::check::rules::prelude::*;
use crate::teasers;

declare_rule! {
    /// ## What it does
    /// Flags lines of an article's text that are teasers for other stories: a line that
    /// starts with a prefix of `src/teasers.txt` (`Read more:`, `READ
    /// ALSO:`, `Related:`, …), a short headline-like line right after a lone separator
    /// (`-`, `—`, `***`), and a line that is one of the article's own
    /// `related_headlines`.
    ///
    /// ## Why is this bad?
    /// A teaser is another article's headline. Left in the body, its words become claims
    /// and mentions of this article, in the article's own voice, and they pad the text
    /// that offsets and word counts are measured on.
    ///
    /// ## Example
    /// ```text
    /// … the group said in a statement.
    ///
    /// Read more: Al-Qaeda claims deaths of dozens of Wagner members in Mali
    /// ```
    ///
    /// ## Use instead
    /// The line removed from `text` and kept in `related_headlines`:
    /// ```json
    /// {"related_headlines": ["Al-Qaeda claims deaths of dozens of Wagner members in Mali"]}
    /// ```
    pub struct TeaserInBody {}
    code = "CS507",
    name = "teaser-in-body",
    severity = Warning,
    help = "move the line from text to related_headlines (and recompute the offsets)",
}

/// Short and without a final full stop, like a headline.
fn headline_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=25).contains(&words) && !line.ends_with(['.', '”', '"', ':', ','])
}

impl Rule for TeaserInBody {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        let Some(text) = r.text else { return };
        let mut offset = 0u32;
        let mut after_separator = false;
        for line in text.split('\n') {
            let len = line.chars().count() as u32;
            let trimmed = line.trim();
            let reason = if teasers::strip_prefix(trimmed).is_some() {
                Some("starts like a teaser")
            } else if after_separator && headline_like(trimmed) {
                Some("follows a separator line")
            } else if !trimmed.is_empty() && r.related_headlines.contains(&trimmed) {
                Some("is also one of the article's related headlines")
            } else {
                None
            };
            if let Some(reason) = reason {
                out.emit(
                    r.loc().span(Some(offset), Some(offset + len)),
                    format!(
                        "line {} {reason}; it looks like a teaser left in the body",
                        quoted(trimmed, 60)
                    ),
                );
            }
            if !trimmed.is_empty() {
                after_separator = teasers::is_separator(trimmed);
            }
            offset += len + 1;
        }
    }
}

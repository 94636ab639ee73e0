//! CS506 `duplicate-article-text`: two articles with the same text under different IDs.

use std::collections::HashMap;

use crate::check::rules::prelude::*;
use std::hash::Hasher;

declare_rule! {
    /// ## What it does
    /// Compares article texts (with runs of white space made one space) and flags an
    /// article whose text is the text of an earlier article with another ID.
    ///
    /// ## Why is this bad?
    /// An article's ID comes from its raw bytes, so the same story saved twice (another
    /// encoding, a trailing newline, another export) gets two IDs. Its claims then count
    /// twice: every quotation looks corroborated by a second article.
    ///
    /// ## Example
    /// ```text
    /// art_1a…  origin: news/raid.txt        text: "Gunmen attacked …"
    /// art_9f…  origin: news/raid-copy.txt   text: "Gunmen attacked …"
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// art_1a…  origin: news/raid.txt        text: "Gunmen attacked …"
    /// ```
    pub struct DuplicateArticleText {
        first: HashMap<u64, String>,
    }
    code = "CS506",
    name = "duplicate-article-text",
    severity = Warning,
    help = "keep one of the articles (and its claims and mentions) and drop the other",
}

impl Rule for DuplicateArticleText {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        let (Some(id), Some(text)) = (r.article_id, r.text) else {
            return;
        };
        // The text with its runs of whitespace made one space, hashed word by word.
        let mut h = rustc_hash::FxHasher::default();
        let mut words = 0usize;
        for word in text.split_whitespace() {
            if words > 0 {
                h.write_u8(b' ');
            }
            h.write(word.as_bytes());
            words += 1;
        }
        if words == 0 {
            return;
        }
        let key = h.finish();
        match self.first.get(&key) {
            Some(other) if other != id => out.emit(
                r.loc(),
                format!("article has the same text as article {other}"),
            ),
            Some(_) => {}
            None => {
                self.first.insert(key, id.to_string());
            }
        }
    }
}

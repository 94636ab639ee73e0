//! CS604 `published-in-future`: an article dated after today.

use chrono::NaiveDate;

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Flags articles whose `published` date is after today (the machine's clock, UTC).
    ///
    /// ## Why is this bad?
    /// No article is published in the future. The date was misread: day and month
    /// swapped (`2025-12-03` for 12 March), a two-digit year expanded the wrong way, or
    /// an event date in the text taken for the publication date.
    ///
    /// ## Example
    /// ```json
    /// {"article_id": "art_…", "published": "2108-07-02"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"article_id": "art_…", "published": "2018-07-02"}
    /// ```
    pub struct PublishedInFuture {}
    code = "CS604",
    name = "published-in-future",
    severity = Error,
    help = "correct the publication date in the input and convert again",
}

/// Today's date in UTC, from the system clock.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    epoch + chrono::Duration::days((secs / 86_400) as i64)
}

impl Rule for PublishedInFuture {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        if let Some(date) = r.published
            && date > today()
        {
            out.emit(r.loc(), format!("published date {date} is in the future"));
        }
    }
}

//! Evaluation cues ("criticised", "called X a …"): whether the content says what the target is called.
//! Example: "Harris criticised the plan as a “giveaway”."

use std::ops::Range;

use super::Context;
use super::wordlists::is_number;

impl Context<'_> {
    /// Whether the content of an evaluation says what the target is called or blamed for:
    /// "the plan as a “disaster”", "Romney for not releasing his returns"; not the bare
    /// target ("the plan") nor an adverbial ("for years").
    pub(super) fn judges(&self, content: Range<usize>, cue: &str) -> bool {
        // "likened the rules to X", "compared Trump to a coach": a comparison.
        let comparison = cue
            .to_lowercase()
            .split(' ')
            .any(|w| w.starts_with("liken") || w.starts_with("compar"));
        let words: Vec<&str> = self.text[content]
            .split(|c: char| !c.is_alphanumeric() && !matches!(c, '’' | '\'' | '-'))
            .filter(|w| !w.is_empty())
            .take(12)
            .collect();
        // "allies as well as rivals", "deals such as NAFTA": no complement.
        (1..words.len()).any(|k| match words[k] {
            "for" => !temporal(&words[k + 1..]),
            "to" => comparison,
            "as" => {
                !matches!(words[k - 1], "such" | "well" | "as")
                    && !words.get(k + 1).is_some_and(|w| {
                        matches!(
                            *w,
                            "well" | "much" | "many" | "long" | "soon" | "far" | "part"
                        )
                    })
            }
            _ => false,
        })
    }
}

/// "for the second straight day", "for years", "for three weeks": a duration, not what
/// the target is blamed for.
#[rustfmt::skip]
fn temporal(after: &[&str]) -> bool {
    const UNITS: &[&str] = &[
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
        "time", "times", "decade", "decades", "night", "nights", "minutes",
    ];
    const LEADS: &[&str] = &[
        "the", "a", "an", "several", "many", "some", "first", "second", "third", "fourth",
        "fifth", "straight", "consecutive", "successive", "last", "past", "more", "nearly",
        "almost", "about", "over",
    ];
    let lead = |w: &str| is_number(w) || LEADS.contains(&w);
    after
        .iter()
        .take(5)
        .find(|w| !lead(&w.to_lowercase()))
        .is_some_and(|w| UNITS.contains(&w.to_lowercase().as_str()))
}

//! The checker's word lists, kept as plain data files in `lexicon/` that a user can read
//! and extend: words that make an assertion a factual figure (numbers, casualties, dates,
//! superlatives).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

const FIGURES: &str = include_str!("lexicon/figures.tsv");

/// What kind of figure an assertion carries, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureKind {
    /// A number with a word for harm to people ("four civilians dead").
    CasualtyCount,
    /// A ranking ("deadliest").
    Superlative,
    /// A number ("4,000", "dozens").
    Number,
    /// A calendar word or a year ("Monday", "2015").
    Date,
}

impl FigureKind {
    /// How messages name it, with its article.
    pub fn describe(self) -> &'static str {
        match self {
            FigureKind::CasualtyCount => "a casualty count",
            FigureKind::Superlative => "a superlative",
            FigureKind::Number => "a figure",
            FigureKind::Date => "a date",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    Number,
    Casualty,
    Superlative,
    Month,
    Date,
}

/// The figure words of `lexicon/figures.tsv`.
#[derive(Debug)]
pub struct Figures {
    /// Lower-case words matched in any case.
    any_case: HashMap<String, Category>,
    /// Words matched as written.
    as_written: HashMap<String, Category>,
    tokens: Regex,
}

/// The bundled figure words.
pub fn figures() -> &'static Figures {
    static F: OnceLock<Figures> = OnceLock::new();
    F.get_or_init(|| Figures::parse(FIGURES).expect("the bundled figures.tsv is valid"))
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Figures {
    /// Parses a figures file: `category<TAB>word` per line.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut any_case = HashMap::new();
        let mut as_written = HashMap::new();
        for (n, line) in data_lines(text) {
            let (cat, word) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {n}: expected category<TAB>word"))?;
            let cat = match cat {
                "number" => Category::Number,
                "casualty" => Category::Casualty,
                "superlative" => Category::Superlative,
                "month" => Category::Month,
                "date" => Category::Date,
                other => return Err(format!("line {n}: unknown category {other:?}")),
            };
            if matches!(cat, Category::Date | Category::Month) {
                as_written.insert(word.trim().to_string(), cat);
            } else {
                any_case.insert(word.trim().to_lowercase(), cat);
            }
        }
        Ok(Self {
            any_case,
            as_written,
            // Words and numbers; letters and digits in one token ("M5S", "G7") are neither.
            tokens: Regex::new(r"[\p{L}\p{M}\p{N}]+(?:[,.]\p{N}+)*%?").expect("valid regex"),
        })
    }

    /// The strongest kind of figure in `text`, with the words that make it one.
    pub fn strongest<'t>(&self, text: &'t str) -> Option<(FigureKind, Vec<&'t str>)> {
        let tokens: Vec<&str> = self.tokens.find_iter(text).map(|m| m.as_str()).collect();
        let category = |w: &str| {
            self.as_written
                .get(w)
                .or_else(|| self.any_case.get(&w.to_lowercase()))
                .copied()
        };
        let is_month = |k: Option<&&str>| k.is_some_and(|w| category(w) == Some(Category::Month));
        let mut numbers = Vec::new();
        let mut casualties = Vec::new();
        let mut superlatives = Vec::new();
        let mut dates = Vec::new();
        for (k, w) in tokens.iter().copied().enumerate() {
            let number = w
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%'));
            if number {
                let digits = w.chars().all(|c| c.is_ascii_digit());
                let year = digits && w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
                // "March 17", "17 March", "Feb. 4"
                let day = digits
                    && w.len() <= 2
                    && (is_month(tokens.get(k + 1)) || k > 0 && is_month(tokens.get(k - 1)));
                if year || day {
                    &mut dates
                } else {
                    &mut numbers
                }
                .push(w);
                continue;
            }
            match category(w) {
                Some(Category::Number) => numbers.push(w),
                Some(Category::Casualty) => casualties.push(w),
                Some(Category::Superlative) => superlatives.push(w),
                Some(Category::Month | Category::Date) => dates.push(w),
                None => {}
            }
        }
        if !numbers.is_empty() && !casualties.is_empty() {
            let mut words = vec![numbers[0], casualties[0]];
            words.dedup();
            return Some((FigureKind::CasualtyCount, words));
        }
        [
            (FigureKind::Superlative, superlatives),
            (FigureKind::Number, numbers),
            (FigureKind::Date, dates),
        ]
        .into_iter()
        .find(|(_, words)| !words.is_empty())
        .map(|(kind, mut words)| {
            words.truncate(3);
            (kind, words)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casualty_counts_beat_other_figures() {
        let f = figures();
        let (kind, words) = f
            .strongest("The deadliest attack left four civilians dead on Monday")
            .unwrap();
        assert_eq!(kind, FigureKind::CasualtyCount);
        assert_eq!(words, vec!["four", "dead"]);
        let (kind, words) = f.strongest("It was the deadliest year since 2012").unwrap();
        assert_eq!((kind, words), (FigureKind::Superlative, vec!["deadliest"]));
        let (kind, words) = f
            .strongest("Over 4,000 troops are stationed there")
            .unwrap();
        assert_eq!((kind, words), (FigureKind::Number, vec!["4,000"]));
        assert_eq!(f.strongest("The M5S and the G7 met"), None);
        let (kind, _) = f.strongest("Elections are scheduled for July").unwrap();
        assert_eq!(kind, FigureKind::Date);
        let (kind, words) = f.strongest("The camp was seized on Feb. 4, 2018").unwrap();
        assert_eq!((kind, words), (FigureKind::Date, vec!["Feb", "4", "2018"]));
    }

    #[test]
    fn modal_may_and_plain_prose_carry_no_figure() {
        assert_eq!(
            figures().strongest("The group may expand its reach across the region"),
            None
        );
    }

    #[test]
    fn lexicon_errors_name_the_line() {
        assert_eq!(
            Figures::parse("number\ttwo\nbogus\tword\n").unwrap_err(),
            "line 2: unknown category \"bogus\""
        );
    }
}

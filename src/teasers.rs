//! Teaser lines, as the converter removes them from a body and the checker looks for any
//! left behind: separator lines and the prefixes listed in `src/teasers.txt`.

use std::sync::OnceLock;

const PREFIXES: &str = include_str!("teasers.txt");

/// The teaser prefixes of `teasers.txt`, lower case ("read more:").
pub fn prefixes() -> &'static [String] {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| {
        PREFIXES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// The rest of a line that starts with a teaser prefix, trimmed ("Read more: X" gives
/// "X", a bare "Related:" gives ""); `None` for any other line.
pub fn strip_prefix(line: &str) -> Option<&str> {
    // Only the head of the line can hold a prefix: lower-case no more of it.
    static LONGEST: OnceLock<usize> = OnceLock::new();
    let longest = *LONGEST.get_or_init(|| prefixes().iter().map(String::len).max().unwrap_or(0));
    // Most lines start with a letter no prefix starts with.
    let first = line.chars().next()?.to_lowercase().next()?;
    if !prefixes().iter().any(|p| p.starts_with(first)) {
        return None;
    }
    let mut head = longest.min(line.len());
    while !line.is_char_boundary(head) {
        head += 1;
    }
    let lower = line[..head].to_lowercase();
    prefixes().iter().find_map(|p| {
        (lower.starts_with(p.as_str()) && line.is_char_boundary(p.len()))
            .then(|| line[p.len()..].trim())
    })
}

/// A separator line: a few dashes, stars or the like and nothing else.
pub fn is_separator(line: &str) -> bool {
    !line.is_empty()
        && line.chars().nth(5).is_none()
        && line
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '*' | '•' | '_' | '='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_stripped_in_any_case() {
        assert!(prefixes().iter().any(|p| p == "read more:"));
        assert_eq!(
            strip_prefix("READ MORE: Floods in the north"),
            Some("Floods in the north")
        );
        assert_eq!(strip_prefix("Related:"), Some(""));
        assert_eq!(strip_prefix("The council met."), None);
    }

    #[test]
    fn separators_are_short_runs_of_marks() {
        assert!(is_separator("-") && is_separator("***"));
        assert!(!is_separator("- item") && !is_separator(""));
    }
}

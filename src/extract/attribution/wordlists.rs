//! Closed word lists and word tests shared by the attribution steps.
//! Example: "also" is an adverb between a subject and its cue ("Reyes also said").

pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "both", "this", "that", "these", "those"];

/// Closed-class words that cannot stand inside a noun phrase right after a modifier of
/// its noun: "suspected militant hideouts" may be one, "suggested that …" or "called the
/// minister …" cannot.
#[rustfmt::skip]
pub(super) const NOT_AFTER_MODIFIER: &[&str] = &[
    "the", "a", "an", "that", "this", "these", "those", "it", "him", "her", "them", "us",
    "me", "his", "their", "its", "our", "my", "your", "to", "on", "in", "of", "for", "with",
    "by", "at", "from", "about", "into", "whether", "if", "as", "and", "or", "but", "not",
];

/// Words that end a subject phrase when walking back from a cue.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "that", "but", "while", "because", "although", "though", "whereas", "after", "before", "when",
    "since", "if", "which", "where", "and", "as",
];

/// Words after a cue that carry no content ("said on Monday", "told reporters by phone").
#[rustfmt::skip]
pub(super) const ADVERBIALS: &[&str] = &[
    "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "tonight", "earlier", "later", "late", "early", "last", "this",
    "week", "month", "year", "morning", "afternoon", "evening", "night", "in", "a", "an", "the",
    "statement", "interview", "by", "phone", "telephone", "email", "also", "again", "then",
    "recently", "previously", "publicly", "separately", "privately", "reporters", "journalists",
    "told", "press", "conference", "briefing", "at", "news", "to", "written",
];

/// Words of a fronted phrase of time before a subject ("Last week she said", "Just days
/// later he told").
#[rustfmt::skip]
pub(super) const TIME_WORDS: &[&str] = &[
    "last", "this", "next", "that", "same", "early", "late", "earlier", "later", "now", "then",
    "even", "just", "only", "still", "again", "today", "yesterday", "tonight", "ago", "days",
    "day", "week", "weeks", "month", "months", "year", "years", "hours", "morning",
    "afternoon", "evening", "night", "weekend", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "a", "few", "two", "three", "several",
];

/// Nouns of a day or a time of day, after "on", "last", "this" ("on Tuesday", "last
/// week").
#[rustfmt::skip]
pub(super) const TIME_NOUNS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "month", "year", "morning", "afternoon", "evening", "night", "weekend",
];

/// Whether two words (lower case) make a phrase of time: "on Tuesday", "last week",
/// "this morning".
pub(super) fn is_time_phrase(first: &str, second: &str) -> bool {
    matches!(first, "on" | "last" | "this" | "earlier") && TIME_NOUNS.contains(&second)
}

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Modal and auxiliary verbs between a subject and its cue ("critics would call").
pub(super) const MODALS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "do", "does", "did",
];

/// Words that open a subordinate clause ("While X denied A, …", "after Clinton, at the
/// debate, cited …").
#[rustfmt::skip]
pub(super) const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "whereas", "as", "after", "before", "because", "since", "when",
    "if", "once", "until",
];

/// Verbs that lend their subject to an infinitive after "to" ("he appeared to suggest",
/// "she continued to insist"): with "to" they belong to the verb group before a cue.
#[rustfmt::skip]
pub(super) const CATENATIVES: &[&str] = &[
    "appear", "appears", "appeared", "seem", "seems", "seemed", "tend", "tends", "tended",
    "try", "tries", "tried", "begin", "begins", "began", "continue", "continues", "continued",
    "proceed", "proceeds", "proceeded",
];

/// Words in "-ly" that are not adverbs.
const LY_NOUNS: &[&str] = &[
    "family", "ally", "rally", "assembly", "supply", "reply", "monopoly", "anomaly", "italy",
    "july", "bully", "only",
];

/// "he’s", "it's", "who’s": a pronoun with "is" or "has", not a possessor.
pub(super) fn is_contraction(w: &str) -> bool {
    let stem = w.trim_end_matches("’s").trim_end_matches("'s");
    stem != w
        && matches!(
            stem,
            "he" | "she" | "it" | "who" | "that" | "there" | "what" | "here" | "where"
        )
}

pub(super) fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !LY_NOUNS.contains(&w)
}

pub(super) const AUXILIARIES: &[&str] = &["has", "have", "had"];

/// Words that end the head of a source phrase ("officials in Mali", "a study published by").
#[rustfmt::skip]
pub(super) const HEAD_ENDS: &[&str] = &[
    "in", "for", "of", "from", "at", "with", "on", "who", "whose", "which", "that", "to",
    "published", "released", "issued", "seen", "obtained", "written", "signed", "sent",
    "prepared", "commissioned", "conducted", "by", "under", "based", "along", "across",
    "around", "near", "among", "allied", "linked", "affiliated", "loyal", "aligned", "tied",
    "associated", "connected", "led",
];

/// Words that make a would-be subject a clause ("It is also encouraging citizens").
pub(super) const VERBS_IN_CLAUSES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "will", "would", "can",
    "could", "should", "may", "might", "must", "shall",
];

/// First words of an introductory phrase ("During his years in office, X said, …").
#[rustfmt::skip]
pub(super) const INTRODUCERS: &[&str] = &[
    "during", "in", "on", "after", "before", "while", "as", "for", "at", "since", "despite",
    "meanwhile", "however", "still", "yet", "now", "today", "later", "earlier", "over", "under",
    "with", "without", "throughout", "when", "once", "if", "although", "though",
];

/// Forms of "be" (and "so-") that make a following cue passive.
pub(super) const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "so", "get", "got",
];

/// Words before a cue word that make it a noun ("over fears", "his claims").
#[rustfmt::skip]
pub(super) const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "over", "of", "amid",
    "despite", "about", "these", "those", "this", "such", "for", "any", "no", "whose", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    "thousands", "several", "many", "some", "most", "all", "both", "more",
];

/// Cardinal numbers written as words ("five", "dozens").
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozens", "hundreds",
];

/// Whether a lower-case word can name a part of a group before "of": "one of the
/// doctors", "some of the residents", "many of whom".
pub(super) fn is_part_quantity(word: &str) -> bool {
    is_number(word)
        || matches!(
            word,
            "some" | "many" | "most" | "several" | "few" | "all" | "each"
        )
}

/// Whether a lower-case word is a number: digits ("23", "1,200") or a number word.
pub(super) fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(&word)
}

/// Verbs whose first object is the hearer, not the content ("told VOA that …").
pub(super) fn is_tell(cue: &str) -> bool {
    matches!(
        cue.split_whitespace().last(),
        Some(
            "told"
                | "tell"
                | "tells"
                | "telling"
                | "informed"
                | "informs"
                | "assured"
                | "assures"
                | "warned"
                | "warns"
                | "reminded"
                | "urged"
                | "urges"
                | "asked"
                | "asks"
        )
    )
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Prepositions and coordinators that may follow a noun phrase: "that report on Friday",
/// "that finding at the time".
#[rustfmt::skip]
pub(super) const AFTER_NOUN_PHRASE: &[&str] = &[
    "on", "in", "at", "of", "for", "from", "by", "with", "about", "over", "to", "into",
    "during", "after", "before", "since", "against", "and", "but", "as",
];

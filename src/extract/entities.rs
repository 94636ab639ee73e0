//! Actors and their mentions: gazetteer and country matches (names, demonyms with state
//! institutions, capitals as metonyms), capitalised name sequences with titles, particles
//! and organisation head words, acronyms defined in the text, surnames, other name words
//! of a described person and short forms.
//! Fixtures: tests/fixtures/extract/given-name-alias.txt, tests/fixtures/extract/name-edges.txt, tests/fixtures/extract/particle-surname.txt, tests/fixtures/extract/outlet-noun-after-name.txt, tests/fixtures/extract/possessor-apposition-role.txt, tests/fixtures/extract/two-bodies-and.txt, tests/fixtures/extract/according-leading-apposition.txt, tests/fixtures/extract/title-inside-name.txt, tests/fixtures/extract/country-as-given-name.txt, tests/fixtures/extract/news-agency-name.txt, tests/fixtures/extract/acronym-spelled-name.txt, tests/fixtures/extract/publishers-and-undefined-acronyms.txt, tests/fixtures/extract/speaker-appositions.txt, tests/fixtures/extract/places-letters-police.txt, tests/fixtures/extract/bracketed-acronym-owner.txt, tests/fixtures/extract/leading-own-clause.txt, tests/fixtures/extract/datelines-and-descriptions.txt, tests/fixtures/extract/portfolio-title.txt, tests/fixtures/extract/name-a-source-gave.txt, tests/fixtures/extract/acronyms-capitals-appositions.txt, tests/fixtures/extract/one-word-company-names.txt, tests/fixtures/extract/state-ministries.txt, tests/fixtures/extract/republics-commands-riot-police.txt.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{Lexicon, lower};
use super::segment::{Token, tokenize};
use crate::model::{ActorKind, fold_name};
use crate::syntax::Model;

/// An actor as found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalActor {
    /// Canonical name.
    pub name: String,
    /// Its kind.
    pub kind: ActorKind,
    /// Other surface forms seen in the article.
    pub aliases: BTreeSet<String>,
    /// Role or title, when the article gives one.
    pub description: Option<String>,
    /// Index of the actor it belongs to, when stated.
    pub affiliation: Option<usize>,
}

/// One occurrence of an actor: a byte span of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalMention {
    /// Byte offset of the surface form.
    pub start: usize,
    /// Byte offset after it.
    pub end: usize,
    /// Index into the article's actors.
    pub actor: usize,
}

/// The actors of one article and where they are mentioned (mentions sorted by position).
#[derive(Debug, Clone, Default)]
pub struct ArticleActors {
    /// Actors, in order of first mention.
    pub actors: Vec<LocalActor>,
    /// Mentions, by position.
    pub mentions: Vec<LocalMention>,
}

impl ArticleActors {
    /// The mention covering byte `at`, if any.
    pub fn mention_at(&self, at: usize) -> Option<&LocalMention> {
        // Sorted and disjoint: a binary search.
        let i = self.mentions.partition_point(|m| m.end <= at);
        self.mentions.get(i).filter(|m| m.start <= at)
    }

    /// Mentions lying within `range`.
    pub fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = &LocalMention> {
        let first = self.mentions.partition_point(|m| m.start < range.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start < range.end)
            .filter(move |m| m.end <= range.end)
    }
}

#[derive(Debug, Clone, Copy)]
enum Target {
    CountryName(usize),
    Demonym(usize),
    Capital(usize),
    Known(usize),
}

/// Compiled matchers over the lexicon, built once per run.
pub struct EntityMatcher {
    automaton: AhoCorasick,
    targets: Vec<(Target, bool)>,
    patterns: Vec<String>,
    country_words: FxHashSet<String>,
}

/// Nouns that make "Malian army" a name of the state (a ministry's name, "Mali Defense
/// Ministry", is read by `ministry_len`).
#[rustfmt::skip]
const STATE_BODIES: &[&str] = &[
    "army", "military", "armed forces", "forces", "government", "navy", "air force", "police",
    "authorities", "gendarmerie", "junta", "ministry of defense", "ministry of defence",
    "foreign office", "security forces", "administration", "state department", "regime",
];

/// A name's own article, written before it ("Le Nouvelliste", "El País").
const NAME_ARTICLES: &[&str] = &["Le", "La", "Les", "El"];

/// Lower-case words that may stand between a state and its body ("riot police").
const BODY_MODIFIERS: &[&str] = &[
    "riot", "special", "border", "federal", "national", "regular",
];

/// Words before a capital that make it a place, not a metonym for the state.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "from", "to", "into", "across", "outside", "toward", "towards", "around",
    "through", "of", "capital", "city", "via", "between", "and", "inside",
];

/// Whether the name at `start..end` opens a line as a dateline: "WASHINGTON —",
/// "NAIROBI (AP) —", "KYIV, Dec 5 (Reuters) -". The city is where the story was filed,
/// not its state acting.
fn dateline(text: &str, start: usize, end: usize) -> bool {
    if !(start == 0 || text[..start].ends_with('\n')) {
        return false;
    }
    // The next 60 characters of the line at most.
    let head = first_chars(&text[end..], 60);
    let line = head.split('\n').next().unwrap_or(head);
    // Up to the dash, at most a bracketed agency and a date.
    line.find(['—', '–', '-']).is_some_and(|d| {
        let lead = line[..d].trim();
        d <= 40
            && (lead.is_empty()
                || lead.ends_with(')') && !lead[..lead.len() - 1].contains(['.', ';']))
    })
}

/// The first `n` characters of `s`: a bounded look ahead, however long the line.
fn first_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

/// Capitalised words that start sentences but never names.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "however", "meanwhile", "it", "he",
    "she", "they", "we", "i", "you", "this", "these", "those", "that", "its", "his", "her",
    "their", "our", "after", "before", "while", "when", "as", "for", "with", "last", "some",
    "many", "both", "since", "if", "though", "although", "because", "yet", "so", "also",
    "still", "then", "there", "here", "what", "who", "why", "how", "where", "which", "no",
    "not", "all", "most", "more", "several", "such", "according", "despite", "during", "under",
    "over", "until", "among", "by", "from", "to", "of", "about", "once", "other", "another",
    "each", "every", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "earlier", "later", "now", "today", "yesterday", "tomorrow", "recently", "thus",
    "instead", "besides", "moreover", "furthermore", "indeed", "officials", "residents",
    "experts", "analysts", "sources", "reports", "suspected", "gunmen", "militants", "figures",
    "estimates", "local", "critics", "witnesses", "do", "will", "would", "can", "could",
    "should", "may", "might", "must", "is", "are", "was", "were", "be", "has", "have", "had",
    "my", "your", "me", "us", "them", "him", "unlike", "like", "amid", "without", "within",
    "against", "following", "behind", "beyond", "throughout", "upon", "toward", "towards",
    "across", "along", "inside", "outside", "versus",
];

/// Participles that make a place of the country or capital hyphened to them
/// ("Bamako-based").
const LOCATING_PARTICIPLES: &[&str] = &["based", "born", "registered", "flagged", "headquartered"];

/// Whether `after` (the text after a name) opens with an age between commas: ", 34,".
fn age_apposed(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else {
        return false;
    };
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && rest[..digits]
            .parse::<u32>()
            .is_ok_and(|n| (1..=120).contains(&n))
        && rest[digits..].starts_with(',')
}

/// Whether `after` (the text after a name) opens with a locating participle: "-based".
fn locating(after: &str) -> bool {
    after.strip_prefix('-').is_some_and(|rest| {
        LOCATING_PARTICIPLES.iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        })
    })
}

/// Head words of names of days and seasons ("Labor Day", "Christmas Eve", "Holy Week"):
/// times, never actors.
const TIME_HEADS: &[&str] = &["day", "eve", "week", "weekend"];

#[rustfmt::skip]
const MONTHS_AND_DAYS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];

/// Lower-case words allowed inside a name ("Timbuktu Institute for Peace Studies",
/// "Iyad Ag Ghaly", "Nasr al-Islam wal Muslimin").
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "and", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "bint",
    "wal", "ag", "van", "von", "der", "den", "da", "di", "dos", "do", "y", "on",
];

#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "region", "district", "province", "city", "town", "village", "river", "county", "valley",
    "lake", "mountains", "desert", "border", "area", "zone", "camp", "island", "islands", "sea",
    "ocean", "street", "square", "road", "highway", "airport", "port", "state", "prefecture",
    "commune", "municipality", "peninsula", "gulf", "bay", "strait", "coast", "delta",
    "plateau", "basin", "canal", "corridor", "governorate", "avenue", "bridge", "neighbourhood",
    "neighborhood", "suburb", "market", "promenade", "boulevard", "plaza", "piazza",
    "esplanade", "quay", "line", "crossing", "checkpoint", "base", "airbase",
];

#[rustfmt::skip]
const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "sub-saharan", "greater", "upper", "lower", "middle",
];

/// What a token does to the name sequence before it.
enum NameStep {
    /// Inside the name but not a name word: a connector, the dot of "Dr.".
    Pass,
    /// A name word: the name reaches it.
    Word,
    /// The name ends before it.
    Stop,
}

/// The length of a ministry's name at the start of `s`: "Foreign Ministry", "Ministry of
/// Humanitarian Affairs and Disaster Management", "foreign affairs ministry" (up to three
/// words before "Ministry", capitalised words and connectors after "Ministry of").
fn ministry_len(s: &str) -> Option<usize> {
    // The words of the line: a name never runs on past a line break.
    let line = s.split('\n').next().unwrap_or(s);
    let words: Vec<(usize, &str)> = line
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .take(10)
        .collect();
    let bare = |w: &str| w.trim_end_matches([',', '.', ';', ':']).len() == w.len();
    let end = |k: usize| words[k].0 + words[k].1.len();
    let is = |k: usize, x: &str| words.get(k).is_some_and(|w| w.1.eq_ignore_ascii_case(x));
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    if is(0, "ministry") && is(1, "of") {
        let last = (2..words.len())
            .take_while(|&k| {
                let w = words[k].1.trim_end_matches([',', '.', ';', ':']);
                (capital(w) || matches!(w, "and" | "of" | "the"))
                    && (k == 2 || bare(words[k - 1].1))
            })
            .filter(|&k| capital(words[k].1))
            .last()?;
        return Some(end(last) - usize::from(!bare(words[last].1)));
    }
    (1..4.min(words.len())).find_map(|k| {
        let head = words[k].1.trim_end_matches([',', '.', ';', ':']);
        let before_ok = words[..k]
            .iter()
            .all(|w| bare(w.1) && w.1.chars().all(char::is_alphabetic));
        (head.eq_ignore_ascii_case("ministry") && before_ok).then(|| words[k].0 + head.len())
    })
}

fn word_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

fn word_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// "Mali’s" → "Mali".
fn strip_possessive(word: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(w) = word.strip_suffix(suffix) {
            return w;
        }
    }
    word
}

/// The letters an acronym of `name` is made of: the first of each capitalised word and
/// every capital of a word in capitals or dotted ("Northern Refugee Office" → "NRO",
/// "U.N. Relief and Works Agency" → "UNRWA").
fn capitals_of(name: &str) -> String {
    name.split([' ', '-'])
        .flat_map(|w| {
            let capitals = w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && w.chars().all(|c| c.is_uppercase() || c == '.');
            let n = if capitals { w.len() } else { 1 };
            w.chars().take(n).filter(|c| c.is_uppercase())
        })
        .collect()
}

/// Lower-case nouns of bodies that stand between a name and its acronym: "the X agency
/// (ACR)".
#[rustfmt::skip]
const BODY_NOUNS: &[&str] = &[
    "agency", "mission", "force", "forces", "group", "office", "organization", "organisation",
    "programme", "program", "network", "coalition", "alliance", "militia", "movement",
    "committee", "unit", "panel",
];

/// Whether a word is capitalised and has a capital after a run of three lower-case
/// letters or more: "TotalEnergies", "ExxonMobil", "PetroChina".
fn inner_capital(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase) || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let mut lower_run = 0;
    for c in chars {
        if c.is_uppercase() && lower_run >= 3 {
            return word.chars().last().is_some_and(char::is_lowercase);
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    false
}

/// Whether a word is written as an acronym ("FLA", "U.N.", "M23").
pub(crate) fn is_acronym(word: &str) -> bool {
    // "D-N.Y", "R-S.C": party and state, not an organisation.
    if word.len() > 2
        && word.as_bytes()[1] == b'-'
        && matches!(word.as_bytes()[0], b'D' | b'R' | b'I')
    {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

impl EntityMatcher {
    /// Compiles the gazetteer and country names of `lex`.
    pub fn new(lex: &Lexicon) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        let mut add = |name: &str, target: Target| {
            let exact = is_acronym(name) || name.chars().count() <= 3;
            patterns.push(name.to_string());
            targets.push((target, exact));
            if name.contains('\'') {
                patterns.push(name.replace('\'', "’"));
                targets.push((target, exact));
            }
        };
        for (i, c) in lex.countries.iter().enumerate() {
            add(&c.name, Target::CountryName(i));
            for a in &c.aliases {
                add(a, Target::CountryName(i));
            }
            for d in &c.demonyms {
                add(d, Target::Demonym(i));
            }
            for cap in &c.capitals {
                add(cap, Target::Capital(i));
            }
        }
        for (i, a) in lex.actors.iter().enumerate() {
            add(&a.name, Target::Known(i));
            for al in &a.aliases {
                add(al, Target::Known(i));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A DFA: the whole text of every article is scanned, which makes the search
            // faster than with the NFA by more than its 30 ms and 12 MB at start-up.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("lexicon patterns compile");
        let patterns = patterns;
        Self {
            automaton,
            targets,
            patterns,
            country_words: lex.folded_country_names().into_iter().collect(),
        }
    }
}

/// Finds the actors of an article. `sentences` are byte ranges of `text`, in order.
pub fn find_actors(
    text: &str,
    sentences: &[Range<usize>],
    lex: &Lexicon,
    matcher: &EntityMatcher,
) -> ArticleActors {
    let mut found = Finder {
        text,
        lex,
        out: ArticleActors::default(),
        index: FxHashMap::default(),
        spans: BTreeMap::new(),
        country_words: &matcher.country_words,
        desks: FxHashMap::default(),
        defined: Vec::new(),
    };
    found.lexicon_matches(matcher);
    let tokens: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| tokenize(text, s.clone()))
        .collect();
    for (s, t) in sentences.iter().zip(&tokens) {
        found.name_sequences(s.clone(), t);
    }
    found.merge_variants();
    found.acronym_definitions();
    let forms = found.short_form_index();
    for t in &tokens {
        found.short_forms(t, &forms);
    }
    found.out.mentions.sort();
    found.out.mentions.dedup();
    found.affiliations();
    found.compact();
    found.out
}

/// A capitalised name sequence being read as an actor: tokens `first..=last` of a
/// sentence's `tokens`, and what surrounds them.
struct Candidate<'t> {
    tokens: &'t [Token],
    first: usize,
    last: usize,
    /// Byte offset of the sentence's start.
    sentence_start: usize,
    /// Where a role that a lexicon name opens begins, when the sequence follows it.
    role_from: Option<usize>,
    /// Its words, possessives stripped.
    words: Vec<&'t str>,
    /// Byte span of the name.
    start: usize,
    end: usize,
    /// Its first word in lower case.
    lower_first: String,
    /// The last token that is an organisation head word ("Council").
    head: Option<usize>,
    /// The word before the name, in lower case.
    prev: Option<String>,
    /// The text after the name, leading space trimmed.
    after: &'t str,
    /// The first word of `after`, in lower case.
    next_word: String,
    /// The last role or title token ("Minister"), unless part of an organisation's name.
    role_at: Option<usize>,
}

struct Finder<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    out: ArticleActors,
    /// (kind, folded name) → actor index.
    index: FxHashMap<(ActorKind, String), usize>,
    /// Start → end of every mention so far; they never overlap.
    spans: BTreeMap<usize, usize>,
    /// Folded country names, aliases, demonyms and capitals.
    country_words: &'a FxHashSet<String>,
    /// Folded names of an outlet's desks ("Hausa Service") → the outlet.
    desks: FxHashMap<String, usize>,
    /// The acronyms the text defines ("Full Name (ACR)") and the actor each names.
    defined: Vec<(String, usize)>,
}

impl<'a> Finder<'a> {
    fn actor(&mut self, kind: ActorKind, name: &str) -> usize {
        let key = (kind, fold_name(name));
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        // "U.S. Central Command said …. Central Command said": a body named again without
        // the state its name opens with.
        if kind != ActorKind::Person
            && let Some(i) = self.out.actors.iter().position(|a| {
                // A cheap test of the written forms first; folding allocates.
                let n = a.name.len();
                a.kind != ActorKind::Person
                    && n > name.len()
                    && a.name.is_char_boundary(n - name.len())
                    && a.name[n - name.len()..].eq_ignore_ascii_case(name)
                    && fold_name(&a.name)
                        .strip_suffix(key.1.as_str())
                        .and_then(|p| p.strip_suffix(' '))
                        .is_some_and(|p| self.country_words.contains(p))
            })
        {
            return i;
        }
        self.out.actors.push(LocalActor {
            name: name.to_string(),
            kind,
            aliases: BTreeSet::new(),
            description: None,
            affiliation: None,
        });
        let i = self.out.actors.len() - 1;
        self.index.insert(key, i);
        i
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        // Mentions never overlap, so only the last one starting before `end` can.
        self.spans
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| start < e)
    }

    fn mention(&mut self, actor: usize, start: usize, end: usize) {
        if self.overlaps(start, end) {
            return;
        }
        let surface = &self.text[start..end];
        let a = &mut self.out.actors[actor];
        if surface != a.name && fold_name(surface) != fold_name(&a.name) {
            a.aliases.insert(surface.to_string());
        }
        self.spans.insert(start, end);
        self.out.mentions.push(LocalMention { start, end, actor });
    }

    fn previous_word(&self, at: usize) -> Option<&str> {
        let before = self.text[..at].trim_end();
        let w: &str = before
            .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
            .next()?;
        (!w.is_empty() && before.ends_with(w)).then_some(w)
    }

    fn lexicon_matches(&mut self, matcher: &EntityMatcher) {
        let text = self.text;
        // Every valid match, then the leftmost-longest non-overlapping ones: a longer
        // pattern that fails its case check ("Yonhap news agency") leaves room for a
        // shorter one ("Yonhap").
        let mut valid: Vec<(usize, usize, usize)> = matcher
            .automaton
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let (start, end, p) = (m.start(), m.end(), m.pattern().as_usize());
                if word_before(text, start) || word_at(text, end) {
                    return None;
                }
                let (target, exact) = matcher.targets[p];
                let surface = &text[start..end];
                let ok = if exact {
                    self.exact_form(target, surface)
                } else {
                    same_capitals(surface, &matcher.patterns[p])
                };
                ok.then_some((start, end, p))
            })
            .collect();
        valid.sort_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        let mut chosen = Vec::new();
        let mut reach = 0;
        for (s, e, p) in valid {
            if s >= reach {
                chosen.push((s, e, p));
                reach = e;
            }
        }
        for (start, end, p) in chosen {
            let mut end = end;
            let (target, _) = matcher.targets[p];
            // "a Bamako-based analyst", "a UK-registered ship": where someone or something
            // is, not the state acting.
            if (locating(&text[end..]) || self.geographic_feature_before(start))
                && !matches!(target, Target::Known(_))
            {
                continue;
            }
            match target {
                Target::Known(i) => {
                    let k = &self.lex.actors[i];
                    let a = self.actor(k.kind, &k.name.clone());
                    self.mention(a, start, end);
                }
                Target::CountryName(i) | Target::Demonym(i) => {
                    let body = self.state_body_after(end);
                    let country_end = end;
                    if let Some(e) = body {
                        end = e;
                    } else if matches!(target, Target::Demonym(_)) {
                        continue;
                    }
                    let name = self.lex.countries[i].name.clone();
                    let a = self.actor(ActorKind::State, &name);
                    self.mention(a, start, end);
                    // "Germany's Foreign Office …. The Foreign Office said": the body's
                    // own name, later alone, is still the state.
                    let own = text[country_end..end].trim_start();
                    let own = ["'s", "’s"]
                        .iter()
                        .find_map(|p| own.strip_prefix(p))
                        .unwrap_or(own)
                        .trim();
                    if own.starts_with(char::is_uppercase) && own.contains(' ') {
                        for kind in [ActorKind::Organization, ActorKind::State] {
                            self.index.entry((kind, fold_name(own))).or_insert(a);
                        }
                    }
                }
                Target::Capital(i) => {
                    let prev = self.previous_word(start).map(str::to_lowercase);
                    let before = text[..start].trim_end();
                    // "between Kyiv and Moscow" is a place; ", and Beijing has called"
                    // opens a clause of its own.
                    let clause_and = prev.as_deref() == Some("and")
                        && before
                            .strip_suffix("and")
                            .is_some_and(|b| b.trim_end().ends_with(','));
                    // "Abuja, Nigeria" is a place; "Moscow, Yerevan's traditional ally,
                    // has criticised" is the state in a possessive apposition.
                    let apposed = |after: &str| {
                        first_chars(after, 40)
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
                    };
                    let after = text[end..].trim_start();
                    if dateline(text, start, end)
                        || prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p.as_str()))
                            && !clause_and
                        || before.ends_with(',')
                        || before.ends_with('(')
                        || after.strip_prefix(',').is_some_and(|a| {
                            let a = a.trim_start();
                            !a.starts_with(char::is_lowercase) && !apposed(a)
                        })
                    {
                        continue;
                    }
                    let name = self.lex.countries[i].name.clone();
                    let a = self.actor(ActorKind::State, &name);
                    self.mention(a, start, end);
                }
            }
        }
    }

    /// "Lake Chad", "Mount Lebanon", "the Gulf of Guinea": a country's name inside the
    /// name of a lake, a mountain or a sea is a place.
    fn geographic_feature_before(&self, at: usize) -> bool {
        let before: Vec<&str> = self.text[..at].split_whitespace().rev().take(2).collect();
        matches!(
            before.as_slice(),
            ["Lake" | "Mount" | "Mt.", ..]
                | ["of", "Gulf" | "Sea" | "Bay" | "Bight" | "Strait", ..]
        )
    }

    /// Short names and acronyms must match with their case ("US", not "us").
    fn exact_form(&self, target: Target, surface: &str) -> bool {
        let forms: Vec<&String> = match target {
            Target::CountryName(i) => {
                let c = &self.lex.countries[i];
                std::iter::once(&c.name).chain(&c.aliases).collect()
            }
            Target::Demonym(i) => self.lex.countries[i].demonyms.iter().collect(),
            Target::Capital(i) => self.lex.countries[i].capitals.iter().collect(),
            Target::Known(i) => {
                let k = &self.lex.actors[i];
                std::iter::once(&k.name).chain(&k.aliases).collect()
            }
        };
        forms.iter().any(|f| f.as_str() == surface)
    }

    /// End of "army", "Defense Ministry", "'s Foreign Office", "'s Ministry of Humanitarian
    /// Affairs" ... right after `at`, if one follows: a state's body is the state.
    fn state_body_after(&self, at: usize) -> Option<usize> {
        let rest = &self.text[at..];
        let possessive = ["'s ", "’s "].iter().find_map(|p| rest.strip_prefix(p));
        let (mut trimmed, mut from) = match possessive {
            Some(r) => (r, at + rest.len() - r.len()),
            None => (rest.strip_prefix(' ')?, at + 1),
        };
        // "Georgian riot police", "Kenya's special forces": a body with its kind.
        if let Some((modifier, after)) = trimmed.split_once(' ')
            && BODY_MODIFIERS.contains(&modifier)
        {
            let body_follows = STATE_BODIES.iter().any(|b| {
                after
                    .get(..b.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(b))
            });
            if body_follows {
                from += modifier.len() + 1;
                trimmed = after;
            }
        }
        let starts_with = |b: &str| {
            trimmed
                .as_bytes()
                .get(..b.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(b.as_bytes()))
        };
        STATE_BODIES
            .iter()
            .filter(|b| {
                starts_with(b) && !word_at(trimmed, b.len()) && !trimmed[b.len()..].starts_with('-')
            })
            .map(|b| b.len())
            .chain(ministry_len(trimmed))
            .max()
            .map(|len| from + len)
    }

    /// The capitalised name sequences of a sentence, each read as a name or split at
    /// "and" into names.
    fn name_sequences(&mut self, sentence: Range<usize>, tokens: &[Token]) {
        let text = self.text;
        let mut i = 0;
        while i < tokens.len() {
            if !is_name_word(&tokens[i], text) {
                i += 1;
                continue;
            }
            // "the 203 Thunder Corps", "the 3rd Brigade": a unit's number is in its name.
            i = self.unit_number_before(tokens, i);
            let last = self.name_end(tokens, i);
            self.names_of_sequence(tokens, i, last, sentence.start);
            i = last + 1;
        }
    }

    /// "Dr. Lena Ortiz of the Harbor Trust said": the last name word of the sequence
    /// opening at `i`, extended over name words, inner connectors and the dot of "Dr.".
    fn name_end(&self, tokens: &[Token], i: usize) -> usize {
        let mut j = i + 1;
        let mut last = i;
        while j < tokens.len() {
            match self.name_step(tokens, j) {
                NameStep::Pass => {}
                NameStep::Word => last = j,
                NameStep::Stop => break,
            }
            j += 1;
        }
        last
    }

    /// What token `j` does to the name sequence before it: "Gen. Ruiz" passes the dot
    /// of a title, "Bank of Ostrava" passes the connector, "Ostrava on Monday" stops.
    fn name_step(&self, tokens: &[Token], j: usize) -> NameStep {
        let text = self.text;
        let t = tokens[j];
        let prev = tokens[j - 1];
        let adjacent = t.start <= prev.end + 1;
        if self.dot_or_apostrophe_inside(tokens, j) {
            return NameStep::Pass;
        }
        if !adjacent
            || !t.is_word()
            || has_possessive(prev.text(text)) && !self.plural_possessive_inside(tokens, j)
        {
            return NameStep::Stop;
        }
        let w = t.text(text);
        // "Theresa May", "Pia April": a month that is also a surname goes on a name, where
        // no day follows it ("on May 5").
        let surname_month = matches!(w, "May" | "June" | "April" | "August")
            && !tokens
                .get(j + 1)
                .is_some_and(|n| n.text(text).starts_with(|c: char| c.is_ascii_digit()));
        if is_name_word(&t, text) && (!MONTHS_AND_DAYS.contains(&&*lower(w)) || surname_month) {
            NameStep::Word
        } else if CONNECTORS.contains(&w)
            || w == "in"
                && matches!(prev.text(text), "Mission" | "Force")
                && tokens.get(j + 1).is_some_and(|n| is_name_word(n, text))
        {
            // "UN Assistance Mission in Somalia": a mission's place is in its name.
            NameStep::Pass
        } else {
            NameStep::Stop
        }
    }

    /// "J. Okafor", "Sen. Ruiz", "Farmers’ Union": token `j` is the dot of an initial or
    /// a title, or the apostrophe of a plural possessive that stays inside the name.
    fn dot_or_apostrophe_inside(&self, tokens: &[Token], j: usize) -> bool {
        let text = self.text;
        let t = tokens[j];
        let prev = tokens[j - 1];
        let initial = prev.text(text).chars().count() == 1 && starts_upper(prev.text(text));
        if t.text(text) == "." && t.start == prev.end && (initial || self.is_title(prev.text(text)))
        {
            return true;
        }
        // "Doctors’ Committee": the apostrophe of a plural possessive as a token.
        matches!(t.text(text), "’" | "'")
            && t.start == prev.end
            && prev.text(text).ends_with('s')
            && self.plural_possessive_inside(tokens, j + 1)
    }

    /// The names in the sequence `i..=last`: "Mayor Ana Ruiz and Judge Tom Bell" holds
    /// two, joined by "and", unless an organisation head holds them together ("Union of
    /// Bakers and Millers"), when the longest name wins.
    fn names_of_sequence(
        &mut self,
        tokens: &[Token],
        i: usize,
        last: usize,
        sentence_start: usize,
    ) {
        let text = self.text;
        if self.spelled_by_acronym(tokens, i, last) {
            return;
        }
        let has_head = (i..=last).any(|k| {
            self.lex
                .org_heads
                .contains_key(strip_possessive(tokens[k].text(text)))
        });
        if has_head {
            self.longest_name_wins(&tokens[i..=last]);
        }
        let mut from = i;
        for k in i..=last {
            if tokens[k].text(text) != "and" {
                continue;
            }
            // "the Justice Department and Congress": with a head, "and" parts two names
            // only after a head ends the first; "Ministry of Foreign Affairs and
            // International Cooperation" is one name.
            // "Center for Media and Public Affairs": a head inside a complement is no end.
            let head_before = k > from
                && self
                    .lex
                    .org_heads
                    .contains_key(strip_possessive(tokens[k - 1].text(text)))
                && !tokens[from..k]
                    .iter()
                    .any(|t| matches!(t.text(text), "of" | "for" | "on"));
            if !has_head || head_before {
                if k > from {
                    self.name_candidate(tokens, from, k - 1, sentence_start, None);
                }
                from = k + 1;
            }
        }
        if from <= last {
            self.name_candidate(tokens, from, last, sentence_start, None);
        }
    }

    /// "The United Kingdom Maritime Trade Operations agency (UKMTO)", "the Multinational
    /// Security Support (MSS) mission": a name whose capitals the acronym in brackets after
    /// it spells (a noun of bodies may stand between) is one body, whatever names lie
    /// inside it, and no person. A name the gazetteer knows whole stays as it is.
    fn spelled_by_acronym(&mut self, tokens: &[Token], i: usize, last: usize) -> bool {
        let text = self.text;
        let mut k = last + 1;
        if tokens
            .get(k)
            .is_some_and(|t| t.is_word() && BODY_NOUNS.contains(&t.text(text)))
        {
            k += 1;
        }
        let [open, acr, close] = match tokens.get(k..k + 3) {
            Some(&[a, b, c]) => [a, b, c],
            _ => return false,
        };
        let acr_text = acr.text(text);
        if open.text(text) != "(" || close.text(text) != ")" || !is_acronym(acr_text) {
            return false;
        }
        let first = self.skip_leading_words(tokens, i, last);
        if first >= last {
            return false;
        }
        let (start, end) = (tokens[first].start, tokens[last].end);
        let name = &text[start..end];
        let known_whole = self.spans.get(&start) == Some(&end);
        if known_whole || capitals_of(name) != acr_text.replace('.', "") {
            return false;
        }
        let kind = (first..=last)
            .rev()
            .find_map(|k| {
                self.lex
                    .org_heads
                    .get(strip_possessive(tokens[k].text(text)))
            })
            .copied()
            .unwrap_or(ActorKind::Organization);
        self.remove_mentions(|m| m.start >= start && m.end <= end);
        let a = self.actor(kind, name);
        self.mention(a, start, end);
        self.define_acronym(a, acr.start, acr_text.len());
        true
    }

    /// The token a name starting at `i` really starts at: the number before it when the
    /// name is a military unit's ("203 Thunder Corps"), else `i`.
    fn unit_number_before(&self, tokens: &[Token], i: usize) -> usize {
        let text = self.text;
        let number = |t: &Token| {
            let w = t.text(text);
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.trim_start_matches(|c: char| c.is_ascii_digit())
                    .chars()
                    .all(|c| c.is_ascii_lowercase())
        };
        let unit = tokens[i..]
            .iter()
            .take(4)
            .take_while(|t| is_name_word(t, text))
            .any(|t| {
                matches!(
                    t.text(text),
                    "Corps" | "Brigade" | "Battalion" | "Division" | "Regiment"
                )
            });
        if i > 0 && unit && number(&tokens[i - 1]) && tokens[i].start == tokens[i - 1].end + 1 {
            i - 1
        } else {
            i
        }
    }

    /// "Doctors’ Committee", "Workers' Party": a plural possessive before token `j` stays
    /// inside the name when the name words from `j` on end in an organisation head.
    fn plural_possessive_inside(&self, tokens: &[Token], j: usize) -> bool {
        let text = self.text;
        let prev = tokens[j - 1].text(text);
        let plural = prev.ends_with("s'") || prev.ends_with("s’") || matches!(prev, "’" | "'");
        // "Donetsk People's Republic": a common noun's possessive inside a republic's
        // name; "Russia's Foreign Ministry" is a name's.
        let common = has_possessive(prev) && Model::embedded().common_word(strip_possessive(prev));
        (plural || common)
            && j < tokens.len()
            && tokens[j..]
                .iter()
                .take(3)
                .take_while(|t| is_name_word(t, text) && !has_possessive(t.text(text)))
                .any(|t| {
                    if common {
                        t.text(text) == "Republic"
                    } else {
                        self.lex.org_heads.contains_key(t.text(text))
                    }
                })
    }

    /// "VOA's Hausa Service", and after it "the Hausa Service": a desk of an outlet is the
    /// outlet. `head` is the name's head word, `name` the name at `start`.
    fn outlet_of_desk(&mut self, head: &str, name: &str, start: usize) -> Option<usize> {
        if !matches!(head, "Service" | "Desk" | "Section" | "Bureau") {
            return None;
        }
        let key = fold_name(name);
        if let Some(&outlet) = self.desks.get(&key) {
            return Some(outlet);
        }
        let before = self.text[..start].trim_end_matches(' ');
        let before = before
            .strip_suffix("’s")
            .or_else(|| before.strip_suffix("'s"))?;
        let outlet = self
            .out
            .mentions
            .iter()
            .rev()
            .find(|m| m.end == before.len())
            .map(|m| m.actor)
            .filter(|&a| self.out.actors[a].kind == ActorKind::Media)?;
        self.desks.insert(key, outlet);
        Some(outlet)
    }

    /// The kind of a name with `head`: a congress or assembly is a state's only when
    /// its other words are national ("Kenyan National Assembly"); else it is a party or a
    /// movement's ("Rift Federalist Congress").
    fn assembly_kind(&self, words: &[&str], head: &str) -> ActorKind {
        let kind = self.lex.org_heads[head];
        let assembly = matches!(head, "Congress" | "Assembly" | "Parliament");
        let national = |w: &&str| {
            *w == head
                || matches!(*w, "National" | "General" | "People's" | "Constituent")
                || CONNECTORS.contains(w)
                || self.country_words.contains(&fold_name(w))
        };
        if assembly && !words.iter().all(national) {
            ActorKind::Organization
        } else {
            kind
        }
    }

    /// "the town of Abu Kamal": a place noun and `of` before the name.
    fn place_noun_of_before(&self, at: usize) -> bool {
        let mut words = self.text[..at].split_whitespace().rev();
        words.next() == Some("of")
            && words
                .next()
                .is_some_and(|w| PLACE_NOUNS.contains(&&*lower(w)))
    }

    /// "the Bakara shopping area", "a Sunni Muslim district": the name modifies a place
    /// noun one modifier after it. `after` is the text after the name.
    fn place_noun_after(&self, after: &str) -> bool {
        let mut words = after.splitn(3, ' ');
        let (Some(w1), Some(w2)) = (words.next(), words.next()) else {
            return false;
        };
        let plain = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase());
        let w2 = w2.trim_end_matches([',', '.', ';']);
        plain(w1)
            && plain(w2)
            && !FUNCTION_WORDS.contains(&w1)
            && self.lex.cue(w1).is_none()
            && PLACE_NOUNS.contains(&w2)
    }

    /// "UN Assistance Mission for Iraq", "Iran Human Rights Monitor": a name whose head is
    /// an organisation's (not a state body's) holds the gazetteer names inside it, which
    /// then name nothing on their own.
    fn longest_name_wins(&mut self, seq: &[Token]) {
        let text = self.text;
        let Some(head) = seq.iter().rev().find_map(|t| {
            let w = strip_possessive(t.text(text));
            self.lex.org_heads.get(w).map(|&kind| (t, kind))
        }) else {
            return;
        };
        let (head, kind) = head;
        let (start, end) = (seq[0].start, seq[seq.len() - 1].end);
        let inner: Vec<(usize, usize)> = self
            .spans
            .range(start..end)
            .map(|(&s, &e)| (s, e))
            .filter(|&(_, e)| e <= end)
            .collect();
        let head_covered = inner.iter().any(|&(s, e)| s <= head.start && head.end <= e);
        // "VOA Somali Service": a desk of an outlet is the outlet; "X and Y": two names.
        let outlet = self.out.mentions.iter().any(|m| {
            inner.iter().any(|&(s, _)| s == m.start)
                && self.out.actors[m.actor].kind == ActorKind::Media
        });
        // "the Justice Department and Congress" are two; "U.N. Relief and Works Agency"
        // is one: "and" parts names after a head or a name it knows.
        let two_names = seq.windows(2).any(|w| {
            w[1].text(text) == "and"
                && (self
                    .lex
                    .org_heads
                    .contains_key(strip_possessive(w[0].text(text)))
                    || inner.iter().any(|&(_, e)| e == w[0].end))
        });
        // A state's headquarters or command has a name of its own ("U.S. Africa Command");
        // its army or ministry is the state.
        let own_unit = matches!(
            strip_possessive(head.text(text)),
            "Headquarters" | "Command"
        );
        let state_body = kind == ActorKind::State && !own_unit;
        if state_body || inner.is_empty() || head_covered || outlet || two_names {
            return;
        }
        // Only names that leave words of their own besides the head ("Assistance Mission"),
        // or a head "of" the name inside ("Office of the UN High Commissioner for Refugees").
        let own_words = seq
            .iter()
            .filter(|t| {
                t.is_word()
                    && !CONNECTORS.contains(&t.text(text))
                    && t.text(text) != "The"
                    && !inner.iter().any(|&(s, e)| s <= t.start && t.end <= e)
            })
            .count();
        let head_of = seq
            .iter()
            .position(|t| t.start == head.start)
            .and_then(|h| seq.get(h + 1))
            .is_some_and(|t| t.text(text) == "of");
        if own_words < 2 && !head_of && !own_unit {
            return;
        }
        for (s, _) in &inner {
            self.spans.remove(s);
        }
        self.out
            .mentions
            .retain(|m| !inner.iter().any(|&(s, _)| s == m.start));
    }

    fn is_title(&self, word: &str) -> bool {
        self.lex.titles.contains_key(&word.to_lowercase())
    }

    /// Whether a word is a title or role ("Minister", "CEO", "spokesman").
    fn is_role_word(&self, word: &str) -> bool {
        self.lex.is_role_word(word)
    }

    /// A name sequence `first..=last` of a sentence's tokens. `role_from` is where a role
    /// that a lexicon name opens begins ("NATO Secretary-General …"), when the sequence is
    /// what follows that name.
    fn name_candidate(
        &mut self,
        tokens: &[Token],
        first: usize,
        last: usize,
        sentence_start: usize,
        role_from: Option<usize>,
    ) {
        let first = self.skip_leading_words(tokens, first, last);
        if first > last {
            return;
        }
        let start = tokens[first].start;
        let end = tokens[last].start + strip_possessive(tokens[last].text(self.text)).len();
        // "a U.S.-based group": a place, no actor.
        if locating(&self.text[end..]) {
            return;
        }
        if self.overlaps(start, end) {
            // Part of a lexicon match; the match wins, and a title after it may introduce
            // a person.
            if role_from.is_none() {
                self.titled_after_match(tokens, first, last, sentence_start);
            }
            return;
        }
        let c = self.candidate(tokens, first, last, sentence_start, role_from);
        if self.only_role(&c) {
            return;
        }
        if let Some(r) = c.role_at
            && self.person_after_role(&c, r)
        {
            return;
        }
        if c.words.len() == 1 {
            self.single_word_name(&c);
            return;
        }
        if c.head.is_none() && (c.words[0] == "Operation" || DIRECTIONS.contains(&&*c.lower_first))
        {
            // "Operation Barkhane", "West Africa": not actors.
            return;
        }
        if self.named_by_itself(&c) || self.desk_of_outlet(&c) {
            return;
        }
        if let Some(h) = c.head {
            self.organisation(&c, h);
            return;
        }
        if self.typed_name(&c) || self.not_a_person(&c) {
            return;
        }
        let description = role_from.map(|r| self.text[r..c.start].trim_end().to_string());
        self.person(c.start, c.end, description);
    }

    /// "Yesterday Mayor Ana Ruiz", "Said Omar Bello: …": the index of the sequence's
    /// first token after the function words, months, connectors and (opening the
    /// sentence) verb of saying at its front; past `last` when nothing is left.
    fn skip_leading_words(&self, tokens: &[Token], first: usize, last: usize) -> usize {
        let mut first = first;
        while first <= last {
            let written = strip_possessive(tokens[first].text(self.text));
            let w = lower(written);
            // "US Central Command": a country in capitals is no pronoun ("us").
            let capitals = written.len() > 1
                && written.chars().all(|c| c.is_ascii_uppercase())
                && self.country_words.contains(&fold_name(written));
            // "Said Karim Haddad: …" — a sentence-initial verb of saying is no name.
            let cue_word = first == 0 && self.lex.cue(&w).is_some();
            // "Fighters of the X", "Members of the Y": a sentence-initial noun of people
            // before "of" is no part of the name.
            let people_of = first == 0
                && first < last
                && lower(tokens[first + 1].text(self.text)) == "of"
                && w.strip_suffix('s').is_some_and(|singular| {
                    self.lex.anonymous.contains(singular) || self.lex.vague.contains(&*w)
                });
            // "Kenyan-led", "Iran-backed": a compound adjective before a name.
            let adjective = starts_upper(written)
                && written
                    .rsplit_once('-')
                    .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase));
            if people_of {
                first += 2;
            } else if adjective && first < last
                || FUNCTION_WORDS.contains(&&*w) && !capitals
                || MONTHS_AND_DAYS.contains(&&*w)
                || CONNECTORS.contains(&&*w)
                || cue_word
            {
                first += 1;
            } else {
                break;
            }
        }
        first
    }

    /// The name sequence `first..=last` with what its reading needs: its words, span,
    /// organisation head, role word and surroundings.
    fn candidate<'t>(
        &self,
        tokens: &'t [Token],
        first: usize,
        last: usize,
        sentence_start: usize,
        role_from: Option<usize>,
    ) -> Candidate<'t>
    where
        'a: 't,
    {
        let text = self.text;
        let word = |k: usize| strip_possessive(tokens[k].text(text));
        let words: Vec<&str> = (first..=last)
            .filter(|&k| tokens[k].is_word())
            .map(word)
            .collect();
        let start = tokens[first].start;
        let end = tokens[last].start + word(last).len();
        let lower_first = lower(words[0]).into_owned();
        let head = (first..=last)
            .rev()
            .find(|&k| self.lex.org_heads.contains_key(word(k)));
        let prev = self.previous_word(start).map(|w| lower(w).into_owned());
        let after = text[end..].trim_start();
        let next_word = lower(
            after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or(""),
        )
        .into_owned();
        // A title or role inside the sequence: the name is what follows it
        // ("Prime Minister Boris Johnson", "CEO of the Refugee Council Enver Solomon").
        // "Office of the Special Envoy for Syria": a role after an organisation head and
        // `of` is part of the organisation's name.
        // "President Hassan Sheikh Mohamud": a title that also stands inside names is a
        // name part after a given name.
        let name_part = |k: usize| {
            k > first
                && self.lex.name_part_titles.contains(&*lower(word(k)))
                && tokens[k - 1].is_word()
                && starts_upper(word(k - 1))
                && !self.is_role_word(word(k - 1))
        };
        let role_at = (first..=last)
            .rev()
            .find(|&k| tokens[k].is_word() && self.is_role_word(word(k)) && !name_part(k))
            .filter(|&r| {
                !head.is_some_and(|h| h < r && (h + 1..r).any(|k| tokens[k].text(text) == "of"))
            });
        Candidate {
            tokens,
            first,
            last,
            sentence_start,
            role_from,
            words,
            start,
            end,
            lower_first,
            head,
            prev,
            after,
            next_word,
            role_at,
        }
    }

    /// "Chief Justice", "Minister of Fisheries": a title or roles alone name nobody.
    fn only_role(&self, c: &Candidate) -> bool {
        let whole = c.words.join(" ").to_lowercase();
        self.lex.titles.contains_key(&whole)
            || c.words
                .iter()
                .all(|w| self.is_role_word(w) || CONNECTORS.contains(w))
    }

    /// "Minister of Fisheries Ana Ruiz", "Sen. Tom Bell of Ohio": the person named after
    /// the role word at `r`, with the role as description. True when the sequence is
    /// read (a person, or all role); false when the rest of it needs reading.
    fn person_after_role(&mut self, c: &Candidate, r: usize) -> bool {
        let (text, tokens, last) = (self.text, c.tokens, c.last);
        let name_first = (r + 1..=last)
            .find(|&k| tokens[k].is_word() && !CONNECTORS.contains(&tokens[k].text(text)));
        let org_after_role = c.head.is_some_and(|h| h > r);
        let Some(mut nf) = name_first.filter(|_| !org_after_role || c.head < Some(r)) else {
            return false;
        };
        // "Minister of Education Stefania Giannini": the complement of the role
        // ends where the last two name words begin.
        let complement = (r + 1..nf).any(|k| matches!(tokens[k].text(text), "of" | "for" | "on"));
        let name_tokens: Vec<usize> = (nf..=last).filter(|&k| tokens[k].is_word()).collect();
        if complement && name_tokens.len() < 2 {
            // "Secretary of State", "Governor of Lagos": all role.
            return true;
        }
        if complement && name_tokens.len() >= 3 {
            // The portfolio is common words ("Foreign Affairs", "Information"); the name
            // starts at the first other word, with two name words at least ("Minister of
            // Information Daniel Kuol Majok"); else the last two are the name.
            let portfolio = name_tokens
                .iter()
                .take_while(|&&k| {
                    let w = tokens[k].text(text);
                    w == "and" || Model::embedded().common_word(w)
                })
                .count();
            nf = if portfolio >= 1 && name_tokens.len() - portfolio >= 2 {
                name_tokens[portfolio]
            } else {
                name_tokens[name_tokens.len() - 2]
            };
        }
        // "Rep. Elijah Cummings of Maryland": the name ends before "of".
        let name_last = (nf..=last)
            .find(|&k| matches!(tokens[k].text(text), "of" | "for" | "and" | "on" | "the"))
            .map_or(last, |k| k - 1);
        let end = tokens[name_last].start + strip_possessive(tokens[name_last].text(text)).len();
        let name_words = (nf..=name_last).filter(|&k| tokens[k].is_word()).count();
        if !((1..=4).contains(&name_words) && is_name_word(&tokens[nf], text)) {
            return false;
        }
        let description = text[c.role_from.unwrap_or(c.start)..tokens[nf].start]
            .trim_end()
            .trim_end_matches('.')
            .to_string();
        self.person(tokens[nf].start, end, Some(description));
        true
    }

    /// Whether the words before `at` introduce the name a source gave: "identified only
    /// as", "gave his name as", "who gave only her first name,", "who goes by".
    fn given_name_before(&self, at: usize) -> bool {
        // The last few words only: a bounded look back, whatever the text before.
        let mut from = at.saturating_sub(64);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before: Vec<String> = self.text[from..at]
            .split_whitespace()
            .rev()
            .take(4)
            .map(|w| w.trim_end_matches(',').to_lowercase())
            .collect();
        let w = |i: usize| before.get(i).map_or("", String::as_str);
        let as_name = w(0) == "as"
            && (matches!(w(1), "identified" | "name")
                || w(1) == "only" && matches!(w(2), "identified" | "name"));
        as_name
            || w(0) == "by" && w(1) == "goes"
            || w(0) == "name" && w(1) == "first" && self.text[from..at].trim_end().ends_with(',')
    }

    /// A one-word name: "the weekly magazine Lumen", "columnist Ortiz" (its noun types
    /// it), or an acronym inside the sentence ("the FTC said").
    fn single_word_name(&mut self, c: &Candidate) {
        let (start, end, word) = (c.start, c.end, c.words[0]);
        // "the secularist magazine MicroMega", "columnist Ellis": a name its noun types.
        if let Some(kind) = self.typed_by_noun(start)
            && start != c.sentence_start
        {
            let start = self.with_article(start);
            let a = self.actor(kind, &self.text[start..end]);
            self.mention(a, start, end);
            return;
        }
        if let Some(kind) = self.typed_by_noun_after(c) {
            let a = self.actor(kind, word);
            self.mention(a, start, end);
            return;
        }
        // "said Fatima, 34, who fled …": a name with an age apposed is a person's; so is
        // one a source gave ("identified only as Ahmed", "who gave his name as Tesfaye").
        if !is_acronym(word) && (age_apposed(c.after) || self.given_name_before(start)) {
            self.person(start, end, None);
            return;
        }
        // "TotalEnergies", "ExxonMobil": a word with an inner capital after three
        // lower-case letters or more is a company's name ("McDonald", "DeSantis" are not;
        // nor are handles and hashtags, "@AppleMusic").
        if inner_capital(word) && !self.text[..start].ends_with(['@', '#']) {
            let a = self.actor(ActorKind::Organization, word);
            self.mention(a, start, end);
            return;
        }
        if is_acronym(word) && start != c.sentence_start && !c.after.starts_with(')') {
            let kind = c.head.map_or(ActorKind::Organization, |h| {
                self.lex.org_heads[strip_possessive(c.tokens[h].text(self.text))]
            });
            let a = self.actor(kind, word);
            self.mention(a, start, end);
        }
    }

    /// "the rebel group known as the River Front": a group naming itself, whose noun
    /// gives the kind. True when it made the name an actor.
    fn named_by_itself(&mut self, c: &Candidate) -> bool {
        // "the militant group known as the Sahel Army": the group's noun decides.
        let Some(kind) = self.self_named(c.start).flatten() else {
            return false;
        };
        let a = self.actor(kind, &self.text[c.start..c.end]);
        self.mention(a, c.start, c.end);
        true
    }

    /// "Radio Lumen's Farsi Service": a desk of an outlet, mentioned as the outlet. True
    /// when it was one.
    fn desk_of_outlet(&mut self, c: &Candidate) -> bool {
        let Some(h) = c.head else {
            return false;
        };
        let head = strip_possessive(c.tokens[h].text(self.text));
        let Some(outlet) = self.outlet_of_desk(head, &self.text[c.start..c.end], c.start) else {
            return false;
        };
        self.mention(outlet, c.start, c.end);
        true
    }

    /// A name with an organisation head word at `h`: "the Harbor Trust", and in
    /// "Director of the Harbor Trust Ana Ruiz" also the person after it, with the role
    /// and organisation as description.
    fn organisation(&mut self, c: &Candidate, h: usize) {
        let (text, tokens) = (self.text, c.tokens);
        // "CEO of the Refugee Council Enver Solomon": a role, an organisation, a person;
        // not "the Justice Party", whose role word is the first word of its name.
        let role_end = c.role_at.filter(|&r| {
            r < h && (r + 1..h).any(|k| matches!(tokens[k].text(text), "of" | "for" | "at"))
        });
        let start = match role_end {
            Some(r) => (r + 1..=h)
                .find(|&k| tokens[k].is_word() && !CONNECTORS.contains(&tokens[k].text(text)))
                .map_or(c.start, |k| tokens[k].start),
            None => c.start,
        };
        let rest: Vec<usize> = (h + 1..=c.last).filter(|&k| tokens[k].is_word()).collect();
        let org_end = if rest.len() >= 2 && rest.iter().all(|&k| is_name_word(&tokens[k], text)) {
            tokens[h].end
        } else {
            c.end
        };
        let kind = self.assembly_kind(&c.words, strip_possessive(tokens[h].text(text)));
        let a = self.actor(kind, &text[start..org_end]);
        self.mention(a, start, org_end);
        if org_end != c.end {
            let description = text[tokens[c.first].start..org_end].to_string();
            let description = role_end.map(|_| description);
            self.person(tokens[rest[0]].start, c.end, description);
        }
    }

    /// "the schools Santa Maria and San Pietro", "the militia Ansar Dine", "a militant
    /// group calling itself Soldiers of the Desert": a name its noun types, not as a
    /// person. True when it made the name an actor.
    fn typed_name(&mut self, c: &Candidate) -> bool {
        let start = c.start;
        let Some(kind) = self
            .typed_by_noun(start)
            .or_else(|| {
                self.self_named(start)
                    .map(|k| k.unwrap_or(ActorKind::Organization))
            })
            .filter(|&k| k != ActorKind::Person && start != c.sentence_start && c.words.len() <= 4)
            .or_else(|| self.typed_by_noun_after(c))
            .or_else(|| self.typed_by_apposition(c.end))
        else {
            return false;
        };
        let start = self.with_article(start);
        let a = self.actor(kind, &self.text[start..c.end]);
        self.mention(a, start, c.end);
        true
    }

    /// "in Port Selwyn", "the Lumen Valley", "Bank of Ostrava", "the Ostravan", "on
    /// “Evening Desk”": a place, a structured or national name, a quoted title, a long
    /// name or one with an acronym is no person.
    fn not_a_person(&self, c: &Candidate) -> bool {
        let (text, tokens, words) = (self.text, c.tokens, &c.words);
        let (start, end) = (c.start, c.end);
        // "spoke to Idris Kamal, the leader of …": a role in apposition makes a person of
        // a name a preposition would make a place.
        let place = c
            .prev
            .as_deref()
            .is_some_and(|p| PLACE_PREPOSITIONS.contains(&p) && p != "and" && p != "of")
            && (self.apposition_after(end).is_none() || self.role_before_name(end))
            || PLACE_NOUNS.contains(&&*c.next_word)
            || self.place_noun_of_before(start)
            || self.place_noun_after(c.after)
            // "the Red Sea", "Sinai Peninsula": a name ending in a place noun.
            || words
                .last()
                .is_some_and(|w| PLACE_NOUNS.contains(&&*lower(w)));
        let structural = (c.first..=c.last)
            .any(|k| matches!(tokens[k].text(text), "and" | "of" | "for" | "the" | "on"));
        // "Malian", or a capital of two words used as a place ("in Addis Ababa").
        let national = words
            .iter()
            .any(|w| self.country_words.contains(&fold_name(w)))
            || self.country_words.contains(&fold_name(&words.join(" ")));
        // "on “Morning Ledger,”": a name alone inside quotation marks is a title.
        let quoted = text[..start].ends_with(['“', '"', '‘', '\''])
            && text[end..]
                .trim_start_matches([',', '.'])
                .starts_with(['”', '"', '’', '\'']);
        place
            || structural
            || national
            || quoted
            || words.len() > 4
            || words.last().is_some_and(|w| *w == "Republic")
            || words.iter().any(|w| is_acronym(w))
            || words
                .last()
                .is_some_and(|w| words.len() > 1 && TIME_HEADS.contains(&&*lower(w)))
    }

    /// "Defense Minister Israel Katz", "envoy Jordan Hale": after a title or role, a
    /// country's name followed by a name word is a given name. The country's mention
    /// there gives way to the person. Whether it did.
    fn country_as_given_name(
        &mut self,
        tokens: &[Token],
        first: usize,
        last: usize,
        sentence_start: usize,
    ) -> bool {
        let text = self.text;
        let Some(r) = (first..last).find(|&k| {
            let (role, given, surname) = (&tokens[k], &tokens[k + 1], tokens.get(k + 2));
            role.is_word()
                && self.is_role_word(role.text(text))
                && given.is_word()
                && strip_possessive(given.text(text)) == given.text(text)
                && surname.is_some_and(|t| {
                    k + 2 <= last
                        && is_name_word(t, text)
                        && !self
                            .lex
                            .org_heads
                            .contains_key(strip_possessive(t.text(text)))
                        && !self.overlaps(t.start, t.end)
                })
        }) else {
            return false;
        };
        let given = tokens[r + 1];
        let at_given = |m: &LocalMention| m.start == given.start && m.end == given.end;
        let Some(state) = self
            .out
            .mentions
            .iter()
            .find(|m| at_given(m) && self.out.actors[m.actor].kind == ActorKind::State)
            .map(|m| m.actor)
        else {
            return false;
        };
        self.remove_mentions(|m| at_given(m) && m.actor == state);
        // The role words before the name, back to the last name matched before them.
        let from = (first..=r)
            .rev()
            .take_while(|&k| !self.overlaps(tokens[k].start, tokens[k].end))
            .last()
            .unwrap_or(r);
        self.name_candidate(tokens, from, last, sentence_start, None);
        true
    }

    /// "NATO Secretary-General Anders Fogh Rasmussen", "Hamas leader Ismail Haniyeh": a
    /// lexicon name, then a title or role, then a name: the person, with the organisation
    /// and the title as role.
    fn titled_after_match(
        &mut self,
        tokens: &[Token],
        first: usize,
        last: usize,
        sentence_start: usize,
    ) {
        let start = tokens[first].start;
        let Some(matched_end) = self
            .spans
            .range(..tokens[last].end)
            .filter(|&(_, &e)| e > start)
            .map(|(_, &e)| e)
            .max()
        else {
            return;
        };
        let Some(after) = (first..=last).find(|&k| tokens[k].start >= matched_end) else {
            return;
        };
        if self.country_as_given_name(tokens, first, last, sentence_start) {
            return;
        }
        let titled = tokens[after].is_word() && self.is_role_word(tokens[after].text(self.text));
        if titled && after < last {
            self.name_candidate(tokens, after, last, sentence_start, Some(start));
            return;
        }
        // "Ambassador to the U.N. Samantha Power": the role before the known name.
        let mut k = first;
        while k > 0 && tokens[k - 1].text(self.text) == "the" {
            k -= 1;
        }
        let role = (k >= 2
            && matches!(tokens[k - 1].text(self.text), "to" | "at" | "for")
            && self.is_role_word(tokens[k - 2].text(self.text)))
        .then(|| tokens[k - 2].start);
        let named = (after..=last).all(|j| is_name_word(&tokens[j], self.text));
        if let Some(role) = role
            && named
            && (2..=4).contains(&(last + 1 - after))
        {
            self.name_candidate(tokens, after, last, sentence_start, Some(role));
        }
    }

    /// The kind of actor a common noun before a name announces ("magazine MicroMega",
    /// "the schools Santa Maria and San Pietro").
    fn typing_noun(&self, noun: &str) -> Option<ActorKind> {
        let singular = match noun.strip_suffix("ies") {
            Some(stem) => format!("{stem}y"),
            None => noun.strip_suffix('s').unwrap_or(noun).to_string(),
        };
        match singular.as_str() {
            "magazine" | "newspaper" | "daily" | "weekly" | "tabloid" | "broadcaster"
            | "website" | "outlet" | "channel" | "station" | "paper" => Some(ActorKind::Media),
            "group" | "militia" | "faction" | "rebel" | "insurgent" => Some(ActorKind::ArmedGroup),
            "company" | "firm" | "charity" | "party" | "association" | "organisation"
            | "organization" | "institute" | "think-tank" | "ngo" | "school" | "university"
            | "hospital" | "club" | "union" | "foundation" => Some(ActorKind::Organization),
            _ if self.lex.roles.contains(noun) => Some(ActorKind::Person),
            _ => None,
        }
    }

    /// "Lakaro Arms Survey, a British-based investigative group, said": a body's noun
    /// heading the apposition after the name at `end` types it; a group is armed only
    /// when its modifiers say so ("a jihadist group").
    fn typed_by_apposition(&self, end: usize) -> Option<ActorKind> {
        let rest = self.text[end..].strip_prefix(", ")?;
        let phrase = &rest[..rest.find(',')?];
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if !(2..=8).contains(&words.len()) || !matches!(words[0], "a" | "an" | "the") {
            return None;
        }
        let head = words[words.len() - 1];
        match self.typing_noun(head)? {
            ActorKind::Person => None,
            ActorKind::ArmedGroup if head == "group" || head == "groups" => {
                let armed = words.iter().any(|w| {
                    matches!(
                        *w,
                        "militant"
                            | "armed"
                            | "rebel"
                            | "jihadist"
                            | "insurgent"
                            | "extremist"
                            | "terrorist"
                            | "separatist"
                            | "paramilitary"
                            | "Islamist"
                    )
                });
                Some(if armed {
                    ActorKind::ArmedGroup
                } else {
                    ActorKind::Organization
                })
            }
            kind => Some(kind),
        }
    }

    /// "a militant group calling itself …", "the militia known as …": the name at
    /// `start` is one its bearer is given or gives itself. `None` when no such words
    /// precede it; else the kind the bearer's noun announces, if one does.
    fn self_named(&self, start: usize) -> Option<Option<ActorKind>> {
        let mut words = self.text[..start].split_whitespace().rev().peekable();
        words.next_if_eq(&"the");
        // Known as: only with a noun that types the bearer ("the cleric known as …").
        let self_given = match (words.next()?, words.next()?) {
            ("itself" | "themselves", verb) => matches!(
                verb,
                "calling"
                    | "calls"
                    | "called"
                    | "call"
                    | "naming"
                    | "names"
                    | "named"
                    | "styling"
                    | "styles"
                    | "styled"
            ),
            ("as", "known") => false,
            _ => return None,
        };
        let typed = words
            .take(4)
            .take_while(|w| !w.ends_with([',', '.', ';']))
            .find_map(|w| self.typing_noun(&lower(w)))
            .filter(|&k| k != ActorKind::Person);
        (self_given || typed.is_some()).then_some(typed)
    }

    /// "The state-run Herald newspaper", "the Lakaro militia": the kind of an outlet or
    /// an armed group that the noun right after a name announces.
    fn typed_by_noun_after(&self, c: &Candidate) -> Option<ActorKind> {
        // Only nouns that name nothing else: "Victoria station" is a place, "its
        // Telegram channel" a platform.
        if !matches!(
            &*c.next_word,
            "newspaper"
                | "daily"
                | "weekly"
                | "magazine"
                | "tabloid"
                | "broadcaster"
                | "militia"
                | "militias"
                | "faction"
        ) {
            return None;
        }
        let kind = self.typing_noun(&c.next_word)?;
        // "Russian stations": a demonym is no name of an outlet.
        if c.words
            .iter()
            .any(|w| self.country_words.contains(&fold_name(w)))
        {
            return None;
        }
        Some(kind)
    }

    /// The start of the name at `start` with its own article before it: "Le Nouvelliste",
    /// "El País" (a capitalised article the name sequence left out).
    fn with_article(&self, start: usize) -> usize {
        let before = &self.text[..start];
        NAME_ARTICLES
            .iter()
            .find(|a| before.strip_suffix(' ').is_some_and(|b| b.ends_with(*a)))
            .map_or(start, |a| start - a.len() - 1)
    }

    /// The kind the noun before the name at `start` announces; after `and`, the kind of
    /// the name the noun typed before it ("the schools Santa Maria and San Pietro").
    fn typed_by_noun(&self, start: usize) -> Option<ActorKind> {
        let mut prev = lower(self.previous_word(start)?);
        // "newspaper Le Nouvelliste": the noun before the name's own article.
        if NAME_ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(&prev)) {
            let at = self.text[..start].trim_end().len() - prev.len();
            prev = lower(self.previous_word(at)?);
        }
        // "the state news agency NNA": an agency of news is an outlet.
        if prev == "agency" {
            let at = self.text[..start].trim_end().len() - prev.len();
            let news = self
                .previous_word(at)
                .is_some_and(|w| matches!(&*lower(w), "news" | "press"));
            return news.then_some(ActorKind::Media);
        }
        if prev != "and" {
            return self.typing_noun(&prev);
        }
        let before = self.text[..start]
            .trim_end()
            .strip_suffix("and")?
            .trim_end();
        let m = self
            .out
            .mentions
            .iter()
            .rev()
            .find(|m| m.end == before.len())?;
        let kind = self.typed_by_noun(m.start)?;
        (self.out.actors[m.actor].kind == kind).then_some(kind)
    }

    /// Records a person named at `start..end`, with a description when the text gives one.
    fn person(&mut self, start: usize, end: usize, description: Option<String>) {
        let name = self.text[start..end].to_string();
        let a = self.actor(ActorKind::Person, &name);
        self.mention(a, start, end);
        if self.out.actors[a].description.is_none() {
            let d = description
                .filter(|d| {
                    !matches!(
                        d.to_lowercase().as_str(),
                        "mr" | "mrs" | "ms" | "dr" | "sir" | "miss"
                    )
                })
                .or_else(|| self.role_before(start))
                .or_else(|| self.apposition_before(start))
                .or_else(|| self.apposition_after(end));
            self.out.actors[a].description = d;
        }
    }

    /// "African affairs and military expert" before a name: words back to punctuation or a
    /// determiner, ending in a role noun.
    fn role_before(&self, at: usize) -> Option<String> {
        // Within the paragraph only.
        let before = &self.text[..at];
        let before = before.rsplit('\n').next().unwrap_or(before);
        let words: Vec<&str> = before.split(' ').rev().skip(1).take(8).collect();
        let first = words.first()?;
        if !self.lex.roles.contains(&first.to_lowercase()) {
            return None;
        }
        let mut taken = 0;
        for w in &words {
            let lw = w.to_lowercase();
            if w.is_empty()
                || w.ends_with([',', '.', ';', ':', '“', '"', '(', '—'])
                || matches!(
                    lw.as_str(),
                    "a" | "an"
                        | "the"
                        | "by"
                        | "on"
                        | "to"
                        | "with"
                        | "said"
                        | "told"
                        | "says"
                        | "according"
                        | "that"
                        | "blamed"
                        | "from"
                )
                || self.lex.cue(&lw).is_some()
            {
                break;
            }
            taken += 1;
        }
        let phrase: Vec<&str> = words[..taken].iter().rev().copied().collect();
        let phrase = phrase.join(" ");
        let phrase = phrase.trim_start_matches(|c: char| !c.is_alphanumeric());
        (!phrase.is_empty()).then(|| phrase.to_string())
    }

    /// "The African Union Commission chairman, " before a name: a definite phrase
    /// ending in a role noun, then a comma.
    fn apposition_before(&self, at: usize) -> Option<String> {
        let before = self.text[..at].strip_suffix(", ")?;
        let before = before.rsplit('\n').next().unwrap_or(before);
        let words: Vec<&str> = before.split(' ').rev().take(8).collect();
        if !self.lex.roles.contains(&words.first()?.to_lowercase()) {
            return None;
        }
        // "the government spokesman, X", "Congo's government spokesman, X": the phrase
        // after its article, or from its possessor on.
        let the = words
            .iter()
            .position(|w| matches!(*w, "The" | "the") || w.ends_with("'s") || w.ends_with("’s"))
            .filter(|&d| d > 0)?;
        let phrase = if matches!(words[the], "The" | "the") {
            &words[..the]
        } else {
            &words[..=the]
        };
        if phrase.iter().any(|w| {
            w.ends_with([',', '.', ';', ':', '"', '(']) || self.lex.cue(&w.to_lowercase()).is_some()
        }) {
            return None;
        }
        Some(phrase.iter().rev().copied().collect::<Vec<_>>().join(" "))
    }

    /// ", mayor of the neighboring Diabaly district," after a name.
    /// "in New York, the envoy, Elena Varga, said": the role after `at` is apposed to
    /// the name that follows it, not to the one before.
    fn role_before_name(&self, at: usize) -> bool {
        let Some(rest) = self.text[at..].strip_prefix(", ") else {
            return false;
        };
        // A role and a name fit in 120 characters.
        let rest = first_chars(rest, 120);
        // A short definite role ("the envoy") and a name closed by a comma after it.
        rest.find(',').is_some_and(|c| {
            let role = &rest[..c];
            let name = rest[c + 1..].trim_start();
            role.starts_with("the ")
                && role.split_whitespace().count() <= 4
                && !role.contains(['.', ';', '\n'])
                && name.starts_with(char::is_uppercase)
                && name.find(',').is_some_and(|e| {
                    name[..e]
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                })
        })
    }

    fn apposition_after(&self, at: usize) -> Option<String> {
        let rest = self.text[at..].strip_prefix(", ")?;
        let end = rest.find([',', '.', ';', '(', '“', '"', '?', '!', '\n'])?;
        let phrase = &rest[..end];
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.is_empty() || words.len() > 12 {
            return None;
        }
        let has_role = words
            .iter()
            .any(|w| self.lex.roles.contains(&strip_possessive(w).to_lowercase()));
        if !has_role || self.lex.cue(&words[0].to_lowercase()).is_some() {
            return None;
        }
        let phrase = phrase
            .strip_prefix("a ")
            .or_else(|| phrase.strip_prefix("an "))
            .or_else(|| phrase.strip_prefix("the "))
            .unwrap_or(phrase);
        Some(phrase.to_string())
    }

    /// Drops actors left without mentions (merged into another) and renumbers.
    fn compact(&mut self) {
        let mut used = vec![false; self.out.actors.len()];
        for m in &self.out.mentions {
            used[m.actor] = true;
        }
        let mut new_index = vec![usize::MAX; used.len()];
        let mut kept = Vec::new();
        for (i, a) in std::mem::take(&mut self.out.actors).into_iter().enumerate() {
            if used[i] {
                new_index[i] = kept.len();
                kept.push(a);
            }
        }
        for a in &mut kept {
            a.affiliation = a
                .affiliation
                .map(|g| new_index[g])
                .filter(|&g| g != usize::MAX);
        }
        for m in &mut self.out.mentions {
            m.actor = new_index[m.actor];
        }
        self.out.actors = kept;
    }

    /// Folds short forms found as names of their own into the full actor: "Timbuktu
    /// Institute" into "Timbuktu Institute for Peace Studies", "Diallo" into "Amadou Diallo".
    fn merge_variants(&mut self) {
        let n = self.out.actors.len();
        let words: Vec<Vec<String>> = self
            .out
            .actors
            .iter()
            .map(|a| fold_name(&a.name).split(' ').map(str::to_string).collect())
            .collect();
        let mut target: Vec<usize> = (0..n).collect();
        for a in 0..n {
            let kind = self.out.actors[a].kind;
            let wa = &words[a];
            let into = (0..n)
                .filter(|&b| b != a && self.out.actors[b].kind == kind && words[b].len() > wa.len())
                .find(|&b| {
                    let wb = &words[b];
                    match kind {
                        ActorKind::Person => wb.ends_with(wa),
                        _ => wa.len() >= 2 && wb.starts_with(wa),
                    }
                });
            if let Some(b) = into {
                target[a] = b;
            }
        }
        for m in &mut self.out.mentions {
            let t = target[m.actor];
            if t != m.actor {
                let surface = self.text[m.start..m.end].to_string();
                self.out.actors[t].aliases.insert(surface);
                m.actor = t;
            }
        }
    }

    /// "Full Name (ACR)" and "known by the acronym ACR": the acronym becomes an alias.
    /// The acronym of `len` bytes at `start` is a mention of `actor`, instead of any other
    /// actor it was taken for.
    fn define_acronym(&mut self, actor: usize, start: usize, len: usize) {
        self.remove_mentions(|x| x.start == start && x.end == start + len && x.actor != actor);
        let acr = &self.text[start..start + len];
        if !self.defined.iter().any(|(a, _)| a == acr) {
            self.defined.push((acr.to_string(), actor));
        }
        self.mention(actor, start, start + len);
    }

    /// Removes the mentions that `taken` selects, and their spans, so that another
    /// reading can claim the words. Whether any was removed.
    fn remove_mentions(&mut self, taken: impl Fn(&LocalMention) -> bool) -> bool {
        let starts: Vec<usize> = self
            .out
            .mentions
            .iter()
            .filter(|m| taken(m))
            .map(|m| m.start)
            .collect();
        self.out.mentions.retain(|m| !taken(m));
        for start in &starts {
            self.spans.remove(start);
        }
        !starts.is_empty()
    }

    /// The actor a bracketed acronym after mention `m` names. A country's name takes
    /// only its own initials ("Democratic Republic of Congo (DRC)"): in "the UN Integrated
    /// Office in Haiti (BINUH)" the acronym is the body's before "in", and in a dateline
    /// ("WASHINGTON (AP)") nobody's.
    fn bracketed_acronym_owner(&self, m: &LocalMention, acr: &str) -> Option<usize> {
        let country = &self.out.actors[m.actor].name;
        if !self.lex.countries.iter().any(|c| &c.name == country)
            || capitals_of(&self.text[m.start..m.end]) == acr
        {
            return Some(m.actor);
        }
        let before = self.text[..m.start]
            .strip_suffix(' ')?
            .trim_end_matches(|c: char| c.is_alphabetic())
            .strip_suffix(' ')?;
        let body = self.out.mentions.iter().find(|x| x.end == before.len())?;
        matches!(
            self.out.actors[body.actor].kind,
            ActorKind::Organization | ActorKind::ArmedGroup
        )
        .then_some(body.actor)
    }

    fn acronym_definitions(&mut self) {
        let text = self.text;
        let mentions = self.out.mentions.clone();
        for m in mentions {
            let rest = &text[m.end..];
            for lead in [
                ", known by the acronym ",
                ", known as ",
                " known as ",
                ", also known as ",
                ", or ",
                ", ",
            ] {
                if let Some(r) = rest.strip_prefix(lead) {
                    let acr: &str = r
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .next()
                        .unwrap_or("");
                    // "the Office for the Coordination of Humanitarian Affairs, OCHA,
                    // said": after a bare comma, only an acronym of the name's initials
                    // closed by another comma.
                    let apposed = lead != ", "
                        || r[acr.len()..].starts_with(',')
                            && capitals_of(&text[m.start..m.end]) == acr;
                    if is_acronym(acr) && apposed {
                        self.define_acronym(m.actor, m.end + lead.len(), acr.len());
                    }
                }
            }
            let Some(inner) = rest.strip_prefix(" (") else {
                continue;
            };
            let Some(close) = inner.find(')') else {
                continue;
            };
            let acr = &inner[..close];
            if is_acronym(acr)
                && !acr.contains(' ')
                && let Some(owner) = self.bracketed_acronym_owner(&m, acr)
            {
                self.define_acronym(owner, m.end + 2, acr.len());
            }
        }
        // Standalone uses of a defined acronym found earlier as actors of their own, or
        // as the gazetteer's body of the same initials ("the Ambazonia Defence Forces
        // (ADF) …. The ADF said" is not the Allied Democratic Forces).
        let in_text = std::mem::take(&mut self.defined);
        let aliases: Vec<(String, usize)> = self
            .out
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                a.aliases
                    .iter()
                    .filter(|al| is_acronym(al) && !in_text.iter().any(|(d, _)| d == *al))
                    .map(move |al| (al.clone(), i))
            })
            .collect();
        for (acr, owner) in in_text.into_iter().chain(aliases) {
            for m in &mut self.out.mentions {
                if m.actor != owner
                    && (self.out.actors[m.actor].name == acr || text[m.start..m.end] == acr)
                {
                    m.actor = owner;
                }
            }
        }
        self.undefined_acronyms();
    }

    /// "the opposition National Unity Government said …. the NUG said": an acronym the
    /// article never defines, found as an actor of its own, that spells the capitals of
    /// a longer name in the article is that name's.
    fn undefined_acronyms(&mut self) {
        let named: Vec<(String, usize)> = self
            .out
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind != ActorKind::Person && a.name.split_whitespace().count() >= 3)
            .map(|(i, a)| (capitals_of(&a.name), i))
            .filter(|(c, _)| c.chars().count() >= 3)
            .collect();
        for i in 0..self.out.actors.len() {
            let acr = self.out.actors[i].name.clone();
            if !is_acronym(&acr) || self.out.actors[i].kind == ActorKind::Person {
                continue;
            }
            let mut owners = named.iter().filter(|(c, o)| *c == acr && *o != i);
            let (Some(&(_, owner)), None) = (owners.next(), owners.next()) else {
                continue;
            };
            for m in &mut self.out.mentions {
                if m.actor == i {
                    m.actor = owner;
                }
            }
            self.out.actors[owner].aliases.insert(acr);
        }
    }

    /// Surnames ("Diallo"), short forms ("Timbuktu Institute") and acronyms of the actors
    /// found, by first word, longest first.
    fn short_form_index(&self) -> FxHashMap<String, Vec<(Vec<String>, usize)>> {
        let mut forms: Vec<(Vec<String>, usize)> = Vec::new();
        // A described person's other name words ("Gizachew" of the spokesman "Gizachew
        // Muluneh", "Faki" of the chairman "Moussa Faki Mahamat") when no other person
        // has them. A role is the evidence that the name is a person's.
        let mut given: FxHashMap<&str, Option<usize>> = FxHashMap::default();
        for (i, a) in self.out.actors.iter().enumerate() {
            let words: Vec<&str> = a.name.split_whitespace().collect();
            if a.kind != ActorKind::Person || words.len() < 2 {
                continue;
            }
            for w in words {
                let other = given.get(w).is_some_and(|&p| p != Some(i));
                given.insert(w, if other { None } else { Some(i) });
            }
        }
        for (i, a) in self.out.actors.iter().enumerate() {
            let words: Vec<String> = a.name.split_whitespace().map(str::to_string).collect();
            match a.kind {
                ActorKind::Person if words.len() >= 2 => {
                    let last = &words[words.len() - 1];
                    forms.push((vec![last.clone()], i));
                    // "Burhan" for "Abdel Fattah al-Burhan".
                    if let Some(bare) = after_particle(last).filter(|b| b.chars().count() >= 3) {
                        forms.push((vec![bare.to_string()], i));
                    }
                    for w in &words[..words.len() - 1] {
                        let name_word = w.chars().count() >= 3
                            && w.starts_with(char::is_uppercase)
                            && !w.ends_with('.')
                            && !CONNECTORS.contains(&&*w.to_lowercase())
                            && !self.is_role_word(w);
                        if name_word
                            && a.description.is_some()
                            && given.get(w.as_str()) == Some(&Some(i))
                        {
                            forms.push((vec![w.clone()], i));
                        }
                    }
                }
                ActorKind::Organization | ActorKind::ArmedGroup | ActorKind::Media
                    if words.len() >= 3 =>
                {
                    for n in 2..words.len() {
                        if self.lex.org_heads.contains_key(words[n - 1].as_str()) {
                            forms.push((words[..n].to_vec(), i));
                        }
                    }
                }
                _ => {}
            }
            for al in &a.aliases {
                if is_acronym(al) {
                    forms.push((vec![al.clone()], i));
                }
            }
        }
        forms.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut index: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
        for f in forms {
            index.entry(f.0[0].clone()).or_default().push(f);
        }
        index
    }

    /// Mentions of the actors found by their short forms (see [`Self::short_form_index`])
    /// in one sentence.
    fn short_forms(
        &mut self,
        tokens: &[Token],
        forms: &FxHashMap<String, Vec<(Vec<String>, usize)>>,
    ) {
        let text = self.text;
        for k in 0..tokens.len() {
            let Some(candidates) = forms.get(strip_possessive(tokens[k].text(text))) else {
                continue;
            };
            for (words, actor) in candidates {
                if k + words.len() > tokens.len() {
                    continue;
                }
                let ok = words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| strip_possessive(tokens[k + n].text(text)) == w);
                if ok {
                    let last = tokens[k + words.len() - 1];
                    let end = last.start + strip_possessive(last.text(text)).len();
                    self.mention(*actor, tokens[k].start, end);
                    break;
                }
            }
        }
    }

    /// A person whose role names a group ("al-Shabab official", "leader of JNIM"), or
    /// "GROUP, under the leadership of PERSON", belongs to that group.
    fn affiliations(&mut self) {
        let text = self.text;
        for i in 0..self.out.actors.len() {
            if self.out.actors[i].kind != ActorKind::Person {
                continue;
            }
            if let Some(d) = self.out.actors[i].description.clone() {
                let folded = fold_name(&d);
                let group = self.out.actors.iter().position(|a| {
                    a.kind != ActorKind::Person
                        && std::iter::once(&a.name)
                            .chain(&a.aliases)
                            .any(|n| contains_words(&folded, &fold_name(n)))
                });
                self.out.actors[i].affiliation = group;
            }
        }
        // "GROUP, under the leadership of PERSON" / "GROUP, led by PERSON".
        let mut led = Vec::new();
        for m in &self.out.mentions {
            for lead in [", under the leadership of ", ", led by "] {
                if !text[m.end..].starts_with(lead) {
                    continue;
                }
                let at = m.end + lead.len();
                if let Some(p) = self.out.mentions.iter().find(|x| x.start == at)
                    && self.out.actors[p.actor].kind == ActorKind::Person
                {
                    led.push((p.actor, m.actor, m.start..m.end));
                }
            }
        }
        for (person, group, span) in led {
            let p = &mut self.out.actors[person];
            p.affiliation.get_or_insert(group);
            if p.description.is_none() {
                p.description = Some(format!("leader of {}", &text[span]));
            }
        }
    }
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {haystack} ").contains(&format!(" {needle} "))
}

/// Every capitalised word of `pattern` is capitalised in `surface` ("Islamic State" does
/// not match "Islamic state"), unless the surface is all capitals.
fn same_capitals(surface: &str, pattern: &str) -> bool {
    if !surface.chars().any(char::is_lowercase) {
        return true;
    }
    let words = |s: &str| s.split([' ', '-']).map(str::to_string).collect::<Vec<_>>();
    let (sw, pw) = (words(surface), words(pattern));
    sw.len() != pw.len()
        || sw
            .iter()
            .zip(&pw)
            .all(|(s, p)| !starts_upper(p) || starts_upper(s))
}

fn has_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

fn is_name_word(t: &Token, text: &str) -> bool {
    if !t.is_word() {
        return false;
    }
    let w = t.text(text);
    if starts_upper(w) {
        return true;
    }
    after_particle(w).is_some()
}

/// The name after a lower-case particle: "Sisi" of "el-Sisi", "Islam" of "al-Islam".
fn after_particle(w: &str) -> Option<&str> {
    const PARTICLES: [&str; 7] = ["al-", "el-", "ad-", "ash-", "as-", "bin-", "ag-"];
    // Every particle ends in a hyphen within the first four bytes.
    if !w.bytes().take(4).any(|b| b == b'-') {
        return None;
    }
    PARTICLES
        .iter()
        .find_map(|p| w.strip_prefix(p).filter(|rest| starts_upper(rest)))
}

//! Lexicons and gazetteers: plain data files in `src/extract/lexicon/`, compiled into the
//! binary and loaded once; users add actors with `--gazetteer FILE` (same format as
//! `actors.tsv`).

use std::borrow::Cow;
use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{ActorKind, fold_name};

/// What a reporting cue introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Verbs of saying that take a quote or a clause ("said", "told").
    Speech,
    /// Verbs of documents and data ("found", "showed").
    Finding,
    /// Beliefs and intentions ("believes", "fears").
    Attitude,
    /// Speech acts with a noun-phrase content ("accused", "claimed responsibility for").
    NounContent,
    /// Verbs that judge a target ("criticized", "mocked"): a claim only with what they
    /// call it or blame it for ("criticized X as Y", "mocked X for Y").
    Evaluation,
    /// "according to", "citing".
    According,
    /// Sourceless forms ("reportedly", "it was reported that").
    Passive,
}

impl CueClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "speech" => Self::Speech,
            "finding" => Self::Finding,
            "attitude" => Self::Attitude,
            "noun_content" => Self::NounContent,
            "evaluation" => Self::Evaluation,
            "according" => Self::According,
            "passive" => Self::Passive,
            _ => return None,
        })
    }
}

/// A country with the names it goes by.
#[derive(Debug, Clone)]
pub struct Country {
    /// Common English short name.
    pub name: String,
    /// Other names and abbreviations.
    pub aliases: Vec<String>,
    /// Demonyms ("Malian").
    pub demonyms: Vec<String>,
    /// Capitals, used as metonyms for the state ("Dakar").
    pub capitals: Vec<String>,
}

/// A known actor.
#[derive(Debug, Clone)]
pub struct KnownActor {
    /// Its kind.
    pub kind: ActorKind,
    /// Canonical name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// Every lexicon the extractor uses.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Countries.
    pub countries: Vec<Country>,
    /// Known actors (bundled gazetteer plus user files).
    pub actors: Vec<KnownActor>,
    /// Cue surface forms (lower case, single spaces) by class.
    pub cues: FxHashMap<String, CueClass>,
    /// Longest cue in words.
    pub max_cue_words: usize,
    /// First words of every cue, to skip tokens that start none.
    pub cue_first_words: FxHashSet<String>,
    /// Hedging words and phrases (lower case).
    pub hedges: Vec<String>,
    /// Head nouns of vague sources.
    pub vague: FxHashSet<String>,
    /// Head nouns of anonymous sources.
    pub anonymous: FxHashSet<String>,
    /// Phrases that mark a source as anonymous, as words, by their first word.
    pub anonymity_phrases: FxHashMap<String, Vec<Vec<String>>>,
    /// Titles before a name, lower case without final period, with their role.
    pub titles: FxHashMap<String, String>,
    /// Titles that also stand inside names, after a given name ("Sheikh" in "Hassan
    /// Sheikh Mohamud"), lower case.
    pub name_part_titles: FxHashSet<String>,
    /// Organisation head words (as written) and the actor kind they imply.
    pub org_heads: FxHashMap<String, ActorKind>,
    /// Role nouns (lower case).
    pub roles: FxHashSet<String>,
}

macro_rules! bundled {
    ($file:literal) => {
        ($file, include_str!(concat!("lexicon/", $file)))
    };
}

/// The bundled lexicon files, `(file name, content)`.
pub const BUNDLED: &[(&str, &str)] = &[
    bundled!("countries.tsv"),
    bundled!("actors.tsv"),
    bundled!("cues.tsv"),
    bundled!("hedges.txt"),
    bundled!("vague_sources.txt"),
    bundled!("anonymous_sources.txt"),
    bundled!("titles.tsv"),
    bundled!("org_heads.tsv"),
    bundled!("roles.txt"),
];

/// Data lines of a lexicon file: comments and blank lines dropped, trimmed.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// `word` in lower case, borrowed when it has no upper-case letter (most words).
pub fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

fn list(col: Option<&str>) -> Vec<String> {
    col.unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A lexicon line that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// The file.
    pub file: String,
    /// One-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Lexicon {
    /// The bundled lexicons.
    pub fn bundled() -> Self {
        let mut lex = Lexicon::default();
        for (file, text) in BUNDLED {
            lex.load(file, text)
                .expect("bundled lexicons are well-formed");
        }
        lex
    }

    /// Adds actors from a user gazetteer in the format of `actors.tsv`.
    pub fn add_gazetteer(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        self.load_actors(file, text)
    }

    fn load(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        match file {
            "countries.tsv" => {
                for (_, l) in data_lines(text) {
                    let mut cols = l.split('\t');
                    let name = cols.next().unwrap_or("").trim().to_string();
                    self.countries.push(Country {
                        name,
                        aliases: list(cols.next()),
                        demonyms: list(cols.next()),
                        capitals: list(cols.next()),
                    });
                }
            }
            "actors.tsv" => self.load_actors(file, text)?,
            "cues.tsv" => {
                for (line, l) in data_lines(text) {
                    let (cue, class) = l.split_once('\t').unwrap_or((l, "speech"));
                    let class = CueClass::parse(class.trim()).ok_or_else(|| LexiconError {
                        file: file.into(),
                        line,
                        message: format!("unknown cue class {class:?}"),
                    })?;
                    let cue = words(&cue.to_lowercase());
                    self.max_cue_words = self.max_cue_words.max(cue.split(' ').count());
                    let first = cue.split(' ').next().unwrap_or_default().to_string();
                    self.cue_first_words.insert(first);
                    self.cues.entry(cue).or_insert(class);
                }
            }
            "hedges.txt" => {
                self.hedges = data_lines(text)
                    .map(|(_, l)| words(&l.to_lowercase()))
                    .collect()
            }
            "vague_sources.txt" => {
                self.vague = data_lines(text)
                    .map(|(_, l)| words(&l.to_lowercase()))
                    .collect()
            }
            "anonymous_sources.txt" => {
                for (_, l) in data_lines(text) {
                    let l = words(&l.to_lowercase());
                    if l.contains(' ') {
                        let words: Vec<String> = l.split(' ').map(str::to_string).collect();
                        self.anonymity_phrases
                            .entry(words[0].clone())
                            .or_default()
                            .push(words);
                    } else {
                        self.anonymous.insert(l);
                    }
                }
            }
            "titles.tsv" => {
                for (_, l) in data_lines(text) {
                    let mut cols = l.split('\t');
                    let title = cols.next().unwrap_or(l);
                    let role = cols.next().unwrap_or("");
                    let title = title.trim().trim_end_matches('.').to_lowercase();
                    if cols.next().is_some_and(|c| c.trim() == "name") {
                        self.name_part_titles.insert(title.clone());
                    }
                    self.titles.insert(title, role.trim().to_string());
                }
            }
            "org_heads.tsv" => {
                for (line, l) in data_lines(text) {
                    let (word, kind) = l.split_once('\t').unwrap_or((l, "organization"));
                    let kind = ActorKind::parse(kind.trim()).ok_or_else(|| LexiconError {
                        file: file.into(),
                        line,
                        message: format!("unknown actor kind {kind:?}"),
                    })?;
                    self.org_heads.insert(word.trim().to_string(), kind);
                }
            }
            "roles.txt" => {
                self.roles = data_lines(text)
                    .map(|(_, l)| words(&l.to_lowercase()))
                    .collect()
            }
            _ => {}
        }
        Ok(())
    }

    fn load_actors(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, l) in data_lines(text) {
            let mut cols = l.split('\t');
            let kind = cols.next().unwrap_or("").trim();
            let kind = ActorKind::parse(kind).ok_or_else(|| LexiconError {
                file: file.into(),
                line,
                message: format!(
                    "unknown actor kind {kind:?} (expected person, armed_group, organization, state or media)"
                ),
            })?;
            let name = cols.next().unwrap_or("").trim().to_string();
            if name.is_empty() {
                return Err(LexiconError {
                    file: file.into(),
                    line,
                    message: "missing actor name in the second column".into(),
                });
            }
            self.actors.push(KnownActor {
                kind,
                name,
                aliases: list(cols.next()),
            });
        }
        Ok(())
    }

    /// Whether a word is a title or role ("Minister", "Sen.", "spokesman"), in any case.
    pub fn is_role_word(&self, word: &str) -> bool {
        let lw = lower(word);
        let lw = lw.trim_end_matches('.');
        self.titles.contains_key(lw) || self.roles.contains(lw)
    }

    /// The cue class of a lower-case phrase, if it is a cue.
    pub fn cue(&self, phrase: &str) -> Option<CueClass> {
        self.cues.get(phrase).copied()
    }

    /// Folded names of every country, alias, demonym and capital, for quick lookups.
    pub fn folded_country_names(&self) -> HashSet<String> {
        self.countries
            .iter()
            .flat_map(|c| {
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .chain(&c.demonyms)
                    .chain(&c.capitals)
            })
            .map(|n| fold_name(n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_load() {
        let lex = Lexicon::bundled();
        assert!(lex.countries.len() > 190);
        assert!(lex.actors.len() > 100);
        assert!(lex.cues.len() > 300);
        assert_eq!(lex.cue("said"), Some(CueClass::Speech));
        assert_eq!(lex.cue("according to"), Some(CueClass::According));
    }

    #[test]
    fn bad_gazetteer_line_names_file_and_line() {
        let mut lex = Lexicon::default();
        let err = lex
            .add_gazetteer("mine.tsv", "# c\narmed_group\tX\t\nwizard\tY\t\n")
            .unwrap_err();
        assert_eq!(
            err.to_string().split(':').take(2).collect::<Vec<_>>(),
            ["mine.tsv", "3"]
        );
    }
}

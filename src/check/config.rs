//! The `[check]` section of `claimset.toml`: which rules run (select / ignore), at which
//! severity, which severity fails the run, and the options of individual rules. Unknown
//! rule codes and names are answered with "did you mean".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::registry::{RULES, RuleEntry};
use crate::model::Severity;

/// Name of the configuration file looked for in the current folder.
pub const CONFIG_FILE: &str = "claimset.toml";

/// `claimset.toml`: settings of claimset commands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "claimset.toml")]
pub struct ConfigFile {
    /// Settings of `claimset check`.
    #[serde(default)]
    pub check: CheckConfig,
}

/// Settings of `claimset check`.
///
/// A rule is named by its code (`CS402`), a code prefix (`CS4` for a group, `CS` for
/// every rule) or its name (`vague-source`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    /// Rules to run. Defaults to every rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    /// Rules not to run, applied after `select`. Defaults to none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Severity of rules, overriding their defaults: rule (code, prefix or name) to
    /// `error`, `warning` or `info`. A code or name wins over a prefix, a longer prefix
    /// over a shorter one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Severity>,
    /// Lowest severity that makes the run fail (exit status 1). Defaults to `error`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<Severity>,
    /// Options of individual rules.
    #[serde(default)]
    pub options: RuleOptions,
}

/// Options of individual rules; each defaults to the value shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct RuleOptions {
    /// CS406: largest share (0 to 1) of an article's claims that may have no source.
    /// Defaults to 0.6.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub max_unattributed_share: f64,
    /// CS406: fewest claims an article needs before its share is judged. Defaults to 5.
    pub min_claims_for_share: u32,
    /// CS504: fewest words a quotation needs before two sources for it are reported.
    /// Defaults to 5.
    pub min_quote_words: u32,
}

impl Default for RuleOptions {
    fn default() -> Self {
        Self {
            max_unattributed_share: 0.6,
            min_claims_for_share: 5,
            min_quote_words: 5,
        }
    }
}

/// Why a configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not valid TOML or does not fit the schema.
    #[error("{path} is not a valid configuration: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the TOML position.
        message: String,
    },
    /// A rule selector names no rule.
    #[error("unknown rule `{selector}` in {place}{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownRule {
        /// The selector as written.
        selector: String,
        /// Where it was written, e.g. `[check] select`.
        place: String,
        /// The closest code or name.
        suggestion: Option<String>,
    },
    /// An option is out of range.
    #[error("invalid option {option}: {message}")]
    InvalidOption {
        /// The option name.
        option: &'static str,
        /// What is wrong.
        message: String,
    },
}

impl ConfigFile {
    /// Parses configuration text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string().trim().to_string(),
        })
    }

    /// Reads and parses a configuration file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }
}

/// Selections given on the command line, applied over the file's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Replaces `select`.
    pub select: Option<Vec<String>>,
    /// Added to `ignore`.
    pub ignore: Vec<String>,
    /// Replaces `fail-on`.
    pub fail_on: Option<Severity>,
}

/// The resolved settings of a run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The rules to run, in registry order, with their effective severity.
    pub rules: Vec<(&'static RuleEntry, Severity)>,
    /// Lowest severity that fails the run.
    pub fail_on: Severity,
    /// Options of individual rules.
    pub options: RuleOptions,
    /// Whether findings keep the excerpt of the article text they are in
    /// (`Place::excerpt`), which only the human format shows; without it a finding
    /// costs a few hundred bytes less. Defaults to true.
    pub excerpts: bool,
}

impl Default for Settings {
    fn default() -> Self {
        CheckConfig::default()
            .resolve(&Overrides::default())
            .expect("the default configuration is valid")
    }
}

/// How closely a selector names a rule: `None` when it does not, higher when more
/// specific (a code or name beats any prefix).
fn specificity(selector: &str, rule: &RuleEntry) -> Option<usize> {
    let code = rule.meta.code;
    if selector.eq_ignore_ascii_case(code) || selector == rule.meta.name {
        return Some(usize::MAX);
    }
    let upper = selector.to_ascii_uppercase();
    (upper.len() >= 2 && upper.len() < code.len() && code.starts_with(&upper))
        .then_some(upper.len())
}

/// The rules a selector names (a code, a code prefix such as `CS4`, or a name), in
/// registry order; empty when it names none.
pub fn matching(selector: &str) -> Vec<&'static RuleEntry> {
    RULES
        .iter()
        .filter(|r| specificity(selector, r).is_some())
        .collect()
}

fn matches(selector: &str, place: &str) -> Result<Vec<&'static RuleEntry>, ConfigError> {
    let found = matching(selector);
    if found.is_empty() {
        return Err(ConfigError::UnknownRule {
            selector: selector.to_string(),
            place: place.to_string(),
            suggestion: did_you_mean(selector),
        });
    }
    Ok(found)
}

/// The code, group prefix or name closest to `selector`, when one is close; never
/// `selector` itself.
pub fn did_you_mean(selector: &str) -> Option<String> {
    let mut candidates: Vec<&str> = RULES
        .iter()
        .flat_map(|r| [r.meta.code, r.meta.name])
        .collect();
    candidates.extend(super::rule::Group::ALL.iter().map(|g| g.prefix()));
    let probe = selector.to_ascii_lowercase();
    candidates
        .into_iter()
        .filter(|c| !c.eq_ignore_ascii_case(&probe))
        .map(|c| {
            let score = strsim::normalized_damerau_levenshtein(&probe, &c.to_ascii_lowercase());
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

impl CheckConfig {
    /// Resolves the selection, severities and options, with command-line overrides.
    pub fn resolve(&self, overrides: &Overrides) -> Result<Settings, ConfigError> {
        let (select, select_place) = match (&overrides.select, &self.select) {
            (Some(s), _) => (Some(s), "--select"),
            (None, Some(s)) => (Some(s), "[check] select"),
            (None, None) => (None, ""),
        };
        let mut chosen: Vec<bool> = vec![select.is_none(); RULES.len()];
        for sel in select.into_iter().flatten() {
            for r in matches(sel, select_place)? {
                chosen[r.index()] = true;
            }
        }
        let ignores = self
            .ignore
            .iter()
            .map(|s| (s, "[check] ignore"))
            .chain(overrides.ignore.iter().map(|s| (s, "--ignore")));
        for (sel, place) in ignores {
            for r in matches(sel, place)? {
                chosen[r.index()] = false;
            }
        }
        for sel in self.severity.keys() {
            matches(sel, "[check.severity]")?;
        }
        let o = &self.options;
        if !(0.0..=1.0).contains(&o.max_unattributed_share) {
            return Err(ConfigError::InvalidOption {
                option: "max-unattributed-share",
                message: format!("{} is not between 0 and 1", o.max_unattributed_share),
            });
        }
        let rules = RULES
            .iter()
            .filter(|r| chosen[r.index()])
            .map(|r| {
                let severity = self
                    .severity
                    .iter()
                    .filter_map(|(sel, sev)| specificity(sel, r).map(|s| (s, *sev)))
                    .max_by_key(|(s, _)| *s)
                    .map_or(r.meta.severity, |(_, sev)| sev);
                (r, severity)
            })
            .collect();
        Ok(Settings {
            rules,
            fail_on: overrides
                .fail_on
                .or(self.fail_on)
                .unwrap_or(Severity::Error),
            options: self.options.clone(),
            excerpts: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &Settings) -> Vec<&str> {
        s.rules.iter().map(|(r, _)| r.meta.code).collect()
    }

    fn parse(text: &str) -> CheckConfig {
        ConfigFile::parse(text, Path::new("claimset.toml"))
            .unwrap()
            .check
    }

    #[test]
    fn default_runs_every_rule_at_its_default_severity() {
        let s = Settings::default();
        assert_eq!(s.rules.len(), RULES.len());
        assert!(s.rules.iter().all(|(r, sev)| r.meta.severity == *sev));
        assert_eq!(s.fail_on, Severity::Error);
    }

    #[test]
    fn select_by_prefix_and_name_then_ignore() {
        let c = parse(
            "[check]\nselect = [\"CS3\", \"vague-source\"]\nignore = [\"CS303\"]\nfail-on = \"warning\"\n",
        );
        let s = c.resolve(&Overrides::default()).unwrap();
        assert_eq!(codes(&s), vec!["CS301", "CS302", "CS402"]);
        assert_eq!(s.fail_on, Severity::Warning);
    }

    #[test]
    fn the_most_specific_severity_wins() {
        let c = parse("[check.severity]\nCS4 = \"error\"\nCS403 = \"warning\"\n");
        let s = c.resolve(&Overrides::default()).unwrap();
        let sev = |code: &str| s.rules.iter().find(|(r, _)| r.meta.code == code).unwrap().1;
        assert_eq!(sev("CS402"), Severity::Error);
        assert_eq!(sev("CS403"), Severity::Warning);
        assert_eq!(sev("CS101"), Severity::Error);
    }

    #[test]
    fn command_line_select_replaces_the_file_and_ignore_adds() {
        let c = parse("[check]\nselect = [\"CS1\"]\n");
        let o = Overrides {
            select: Some(vec!["CS40".into()]),
            ignore: vec!["CS401".into()],
            fail_on: Some(Severity::Info),
        };
        let s = c.resolve(&o).unwrap();
        assert!(
            codes(&s)
                .iter()
                .all(|c| c.starts_with("CS40") && *c != "CS401")
        );
        assert_eq!(s.fail_on, Severity::Info);
    }

    #[test]
    fn unknown_rules_get_a_suggestion() {
        let c = parse("[check]\nignore = [\"CS4O2\"]\n");
        let e = c.resolve(&Overrides::default()).unwrap_err().to_string();
        assert_eq!(
            e,
            "unknown rule `CS4O2` in [check] ignore; did you mean `CS402`?"
        );
        let c = parse("[check.severity]\nvague-sources = \"error\"\n");
        let e = c.resolve(&Overrides::default()).unwrap_err().to_string();
        assert!(e.ends_with("did you mean `vague-source`?"), "{e}");
        assert_eq!(did_you_mean("zzzzzzzz"), None);
        for selector in ["CS4", "cs4", "CS402", "vague-source"] {
            assert_ne!(
                did_you_mean(selector).map(|s| s.to_ascii_lowercase()),
                Some(selector.to_ascii_lowercase())
            );
        }
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_file() {
        let e = ConfigFile::parse("[check]\nselct = []\n", Path::new("x/claimset.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("x/claimset.toml is not a valid configuration"),
            "{e}"
        );
        assert!(e.contains("selct"), "{e}");
        let c = parse("[check.options]\nmax-unattributed-share = 2.0\n");
        assert!(c.resolve(&Overrides::default()).is_err());
    }
}

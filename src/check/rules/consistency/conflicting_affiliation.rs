//! CS505 `conflicting-affiliation`: one person with conflicting affiliations or roles.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::check::rules::prelude::*;
use crate::model::ActorKind;

declare_rule! {
    /// ## What it does
    /// Flags a person whose records disagree about who they work for or what they are:
    /// rows of the same `actor_id` (across part files or merged runs) with different
    /// `affiliation_id` or `description`, and a person whose `description` names groups
    /// or bodies of the dataset (by name or alias) none of which is their
    /// `affiliation_id`.
    ///
    /// ## Why is this bad?
    /// Affiliation is what makes a quotation count for a side: a spokesman credited to
    /// the wrong group moves his words to that group. When the role says "spokesman for
    /// the Malian army" and the affiliation says JNIM, one of them is wrong.
    ///
    /// ## Example
    /// ```json
    /// {"name": "Souleymane Dembélé", "kind": "person", "description": "spokesman for the Malian army", "affiliation_id": "act_<JNIM>"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"name": "Souleymane Dembélé", "kind": "person", "description": "spokesman for the Malian army", "affiliation_id": "act_<Mali>"}
    /// ```
    pub struct ConflictingAffiliation {
        persons: Vec<PersonRow>,
    }
    code = "CS505",
    name = "conflicting-affiliation",
    severity = Warning,
    help = "decide which affiliation and role the person has, and record that one",
}

/// What is kept of a person row.
#[derive(Debug, Clone)]
struct PersonRow {
    loc: Loc,
    id: String,
    affiliation: Option<String>,
    description: Option<String>,
}

/// Whether the bytes around `from..to` of `s` are word boundaries.
fn whole_word(s: &str, from: usize, to: usize) -> bool {
    let before = s[..from].chars().next_back();
    let after = s[to..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl ConflictingAffiliation {
    /// Rows of one ID that disagree with the first row of that ID.
    fn disagreements(&self, cx: &Context, out: &mut Sink) {
        let mut first: HashMap<&str, &PersonRow> = HashMap::new();
        for p in &self.persons {
            let Some(f) = first.get(p.id.as_str()) else {
                first.insert(&p.id, p);
                continue;
            };
            if let (Some(a), Some(b)) = (&f.affiliation, &p.affiliation)
                && a != b
            {
                out.emit(
                    p.loc.clone(),
                    format!(
                        "person is affiliated with {} in this row but with {} in an earlier row",
                        cx.actor_label(b),
                        cx.actor_label(a)
                    ),
                );
            }
            if let (Some(a), Some(b)) = (&f.description, &p.description)
                && a != b
            {
                out.emit(
                    p.loc.clone(),
                    format!(
                        "person's role is {} in this row but {} in an earlier row",
                        quoted(b, 60),
                        quoted(a, 60)
                    ),
                );
            }
        }
    }

    /// Roles that name bodies other than the affiliation.
    fn roles(&self, cx: &Context, out: &mut Sink) {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<&str> = Vec::new();
        for a in cx.actors() {
            if a.kind.is_none_or(|k| k == ActorKind::Person) {
                continue;
            }
            for name in a.name.iter().chain(&a.aliases) {
                if name.chars().count() >= 2 {
                    patterns.push(name);
                    owners.push(&a.id);
                }
            }
        }
        if patterns.is_empty() {
            return;
        }
        let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
        else {
            return;
        };
        let mut seen = std::collections::HashSet::new();
        for p in &self.persons {
            let (Some(affiliation), Some(role)) = (&p.affiliation, &p.description) else {
                continue;
            };
            if !seen.insert(&p.id) {
                continue;
            }
            let named: Vec<&str> = ac
                .find_iter(role.as_str())
                .filter(|m| whole_word(role, m.start(), m.end()))
                .map(|m| owners[m.pattern().as_usize()])
                .collect();
            if !named.is_empty() && !named.contains(&affiliation.as_str()) {
                out.emit(
                    p.loc.clone(),
                    format!(
                        "person's role {} names {} but the affiliation is {}",
                        quoted(role, 60),
                        cx.actor_label(named[0]),
                        cx.actor_label(affiliation)
                    ),
                );
            }
        }
    }
}

impl Rule for ConflictingAffiliation {
    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, _: &mut Sink) {
        if let (Some(ActorKind::Person), Some(id)) = (r.kind(), r.actor_id) {
            self.persons.push(PersonRow {
                loc: r.loc(),
                id: id.to_string(),
                affiliation: r.affiliation_id.map(str::to_string),
                description: r.description.map(str::to_string),
            });
        }
    }

    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        self.disagreements(cx, out);
        self.roles(cx, out);
    }
}

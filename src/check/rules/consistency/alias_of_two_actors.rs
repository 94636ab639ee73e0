//! CS502 `alias-of-two-actors`: one alias claimed by two actors.

use std::collections::HashMap;

use crate::check::rules::prelude::*;
use crate::model::fold_name;

declare_rule! {
    /// ## What it does
    /// Folds every actor name and alias and flags an alias that is the name of another
    /// actor, or an alias another actor already has. Of two actors sharing an alias, the
    /// one whose name is less like the alias is reported: it is the likelier to have
    /// picked it up by mistake.
    ///
    /// ## Why is this bad?
    /// An alias is how a surname, acronym or short form in the text is resolved to an
    /// actor. An alias shared by two actors resolves to either, so mentions and claims
    /// land on the wrong one; usually a generic alias was attached to a specific actor.
    ///
    /// ## Example
    /// ```text
    /// al-Qaeda                          aliases: al-Qaida
    /// al-Qaeda in the Islamic Maghreb   aliases: AQIM, al-Qaida
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// al-Qaeda                          aliases: al-Qaida
    /// al-Qaeda in the Islamic Maghreb   aliases: AQIM
    /// ```
    pub struct AliasOfTwoActors {}
    code = "CS502",
    name = "alias-of-two-actors",
    severity = Warning,
    help = "keep the alias on the actor it stands for and remove it from the other",
}

impl Rule for AliasOfTwoActors {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let actors = cx.actors();
        let mut names: HashMap<String, usize> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            if let Some(name) = &a.name {
                names.entry(fold_name(name)).or_insert(i);
            }
        }
        let mut aliases: HashMap<String, usize> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            let own = a.name.as_deref().map(fold_name);
            let mut reported = Vec::new();
            for alias in &a.aliases {
                let folded = fold_name(alias);
                if folded.is_empty() || Some(&folded) == own.as_ref() || reported.contains(&folded)
                {
                    continue;
                }
                let loc = Loc::record("actors", Some(&a.id));
                if let Some(&j) = names.get(&folded).filter(|&&j| j != i) {
                    out.emit(
                        loc,
                        format!(
                            "alias {} is the name of another actor, {}",
                            quoted(alias, 60),
                            cx.actor_label(&actors[j].id)
                        ),
                    );
                    reported.push(folded);
                } else if let Some(&j) = aliases.get(&folded).filter(|&&j| j != i) {
                    let likeness = |k: usize| {
                        let name = actors[k].name.as_deref().map(fold_name).unwrap_or_default();
                        strsim::normalized_damerau_levenshtein(&folded, &name)
                    };
                    let (blamed, other) = if likeness(j) < likeness(i) {
                        (j, i)
                    } else {
                        (i, j)
                    };
                    out.emit(
                        Loc::record("actors", Some(&actors[blamed].id)),
                        format!(
                            "alias {} is also an alias of {}",
                            quoted(alias, 60),
                            cx.actor_label(&actors[other].id)
                        ),
                    );
                    reported.push(folded);
                } else {
                    aliases.insert(folded, i);
                }
            }
        }
    }
}

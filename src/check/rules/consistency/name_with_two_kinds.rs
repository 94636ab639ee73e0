//! CS501 `name-with-two-kinds`: one normalised name used for actors of different kinds.

use std::collections::HashMap;

use crate::check::rules::prelude::*;
use crate::model::fold_name;

declare_rule! {
    /// ## What it does
    /// Folds every actor name (case, diacritics, apostrophes, hyphens, a leading "the")
    /// and flags an actor whose folded name is already the name of an actor of another
    /// kind.
    ///
    /// ## Why is this bad?
    /// An actor's ID is derived from kind and name, so one entity recorded under two
    /// kinds becomes two actors: its mentions and claims are split between them, and one
    /// of the kinds is wrong.
    ///
    /// ## Example
    /// ```text
    /// act_…  Al-Shabaab   armed_group
    /// act_…  al-Shabaab   organization
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// act_…  al-Shabaab   armed_group
    /// ```
    pub struct NameWithTwoKinds {}
    code = "CS501",
    name = "name-with-two-kinds",
    severity = Warning,
    help = "keep one actor with the right kind and point the references at it",
}

impl Rule for NameWithTwoKinds {
    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        let mut first: HashMap<String, usize> = HashMap::new();
        for (i, a) in cx.actors().iter().enumerate() {
            let (Some(name), Some(kind)) = (&a.name, a.kind) else {
                continue;
            };
            let folded = fold_name(name);
            if folded.is_empty() {
                continue;
            }
            match first.get(&folded) {
                Some(&j) => {
                    let other = &cx.actors()[j];
                    if other.kind.is_some_and(|k| k != kind) {
                        out.emit(
                            Loc::record("actors", Some(&a.id)),
                            format!(
                                "actor name {} (kind {kind}) is also the name of {} of kind {}",
                                quoted(name, 60),
                                other.id,
                                other.kind.map_or("?", |k| k.as_str())
                            ),
                        );
                    }
                }
                None => {
                    first.insert(folded, i);
                }
            }
        }
    }
}

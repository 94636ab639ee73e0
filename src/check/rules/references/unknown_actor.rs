//! CS203 `unknown-actor`: a record points at an actor that is not there.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Checks every reference to `actors`: `claims.actor_ids`, `sources.actor_id`,
    /// `mentions.actor_id` and `actors.affiliation_id`.
    ///
    /// ## Why is this bad?
    /// A dangling actor ID hides who is speaking or mentioned: the mention counts for no
    /// one, the source has no one behind it, the person no group.
    ///
    /// ## Example
    /// ```json
    /// {"actor_id": "act_97c8ef69f717be6a", "name": "Iyad Ag Ghaly", "affiliation_id": "act_0000000000000000"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"actor_id": "act_97c8ef69f717be6a", "name": "Iyad Ag Ghaly", "affiliation_id": "act_3028f4363bedc2c3"}
    /// ```
    pub struct UnknownActor {
        affiliations: Vec<(Loc, String)>,
    }
    code = "CS203",
    name = "unknown-actor",
    severity = Error,
    help = "add the actor to actors, or correct the ID",
}

fn check(cx: &Context, out: &mut Sink, loc: impl FnOnce() -> Loc, column: &str, actor: &str) {
    if !actor.is_empty() && cx.has_table("actors") && cx.actor(actor).is_none() {
        out.emit(loc(), format!("{column} {actor} is not in actors"));
    }
}

impl Rule for UnknownActor {
    fn columns(&self, table: &str) -> Option<&'static [&'static str]> {
        Some(match table {
            "claims" => &["claim_id", "article_id", "start", "end", "actor_ids"],
            "mentions" => &["mention_id", "article_id", "start", "end", "actor_id"],
            _ => &[],
        })
    }

    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, _: &mut Sink) {
        // Checked at the end: an affiliation may point at a later row.
        if let Some(a) = r.affiliation_id {
            self.affiliations.push((r.loc(), a.to_string()));
        }
    }

    fn source(&mut self, r: &SourceRow<'_>, cx: &Context, out: &mut Sink) {
        if let Some(a) = r.actor_id {
            check(cx, out, || r.loc(), "actor_id", a);
        }
    }

    fn claim(&mut self, r: &ClaimRow<'_>, cx: &Context, out: &mut Sink) {
        for a in &r.actor_ids {
            check(cx, out, || r.loc(), "actor_ids entry", a);
        }
    }

    fn mention(&mut self, r: &MentionRow<'_>, cx: &Context, out: &mut Sink) {
        if let Some(a) = r.actor_id {
            check(cx, out, || r.loc(), "actor_id", a);
        }
    }

    fn finish(&mut self, cx: &Context, out: &mut Sink) {
        for (loc, a) in &self.affiliations {
            check(cx, out, || loc.clone(), "affiliation_id", a);
        }
    }
}

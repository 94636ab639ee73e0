//! CS106 `id-not-derived`: an ID differs from the one derived from the record's content.

use crate::check::rules::prelude::*;
use crate::check::rules::well_formed_id;
use crate::model::{ActorId, ActorKind, ArticleId, ClaimId, MentionId, SourceId, SourceKind};

declare_rule! {
    /// ## What it does
    /// Re-derives every ID from the content it is defined by and compares: an article's
    /// from `raw_sha256`, a claim's from its article and span, an actor's and a source's
    /// from kind and normalised name, a mention's from article, actor and span. IDs that
    /// do not even have the form of an ID are left to CS104.
    ///
    /// ## Why is this bad?
    /// Derived IDs make conversions reproducible and let the same actor or source carry
    /// the same ID in every article and every run, so datasets can be compared and
    /// merged. An ID that no longer matches usually means a hand edit changed a name,
    /// kind or span and left the ID (and the references to it) behind.
    ///
    /// ## Example
    /// An actor whose kind was corrected by hand:
    /// ```json
    /// {"actor_id": "act_7dc26ceaa884c3ff", "name": "Instituto Gonzaga", "kind": "organization"}
    /// ```
    ///
    /// ## Use instead
    /// The ID derived from the new kind, and every reference to it updated:
    /// ```json
    /// {"actor_id": "act_<derived from organization and the name>", "name": "Instituto Gonzaga", "kind": "organization"}
    /// ```
    pub struct IdNotDerived {}
    code = "CS106",
    name = "id-not-derived",
    severity = Error,
    help = "re-derive the ID from the record's content and update every reference to it",
}

fn report(
    out: &mut Sink,
    loc: impl FnOnce() -> Loc,
    what: &str,
    id: &str,
    from: &str,
    derived: &str,
) {
    if id != derived {
        out.emit(
            loc(),
            format!(
                "{what} ID {id} does not match its derivation from {from}; it should be {derived}"
            ),
        );
    }
}

impl Rule for IdNotDerived {
    fn article(&mut self, r: &ArticleRow<'_>, _: &Context, out: &mut Sink) {
        let (Some(id), Some(sha)) = (r.article_id, r.raw_sha256) else {
            return;
        };
        let sha_ok = sha.len() == 64 && sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if well_formed_id(id, ArticleId::PREFIX) && sha_ok {
            let derived = ArticleId::from_raw_sha256(sha);
            report(
                out,
                || r.loc(),
                "article",
                id,
                "raw_sha256",
                derived.as_str(),
            );
        }
    }

    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, out: &mut Sink) {
        let (Some(id), Some(article), Some(start), Some(end)) =
            (r.claim_id, r.article_id, r.start, r.end)
        else {
            return;
        };
        if well_formed_id(id, ClaimId::PREFIX) && well_formed_id(article, ArticleId::PREFIX) {
            let derived = ClaimId::derive(&ArticleId::from_stored(article), start, end);
            report(
                out,
                || r.loc(),
                "claim",
                id,
                "its article and span",
                derived.as_str(),
            );
        }
    }

    fn source(&mut self, r: &SourceRow<'_>, _: &Context, out: &mut Sink) {
        let (Some(id), Some(name), Some(kind)) = (r.source_id, r.name, r.kind) else {
            return;
        };
        let Some(parsed) = SourceKind::parse(kind) else {
            return;
        };
        if well_formed_id(id, SourceId::PREFIX) && !name.is_empty() {
            let derived = SourceId::derive(parsed, name);
            let from = format!("kind {kind} and name {}", quoted(name, 60));
            report(out, || r.loc(), "source", id, &from, derived.as_str());
        }
    }

    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, out: &mut Sink) {
        let (Some(id), Some(name), Some(kind)) = (r.actor_id, r.name, r.kind) else {
            return;
        };
        let Some(parsed) = ActorKind::parse(kind) else {
            return;
        };
        if well_formed_id(id, ActorId::PREFIX) && !name.is_empty() {
            let derived = ActorId::derive(parsed, name);
            let from = format!("kind {kind} and name {}", quoted(name, 60));
            report(out, || r.loc(), "actor", id, &from, derived.as_str());
        }
    }

    fn mention(&mut self, r: &MentionRow<'_>, _: &Context, out: &mut Sink) {
        let (Some(id), Some(article), Some(actor), Some(start), Some(end)) =
            (r.mention_id, r.article_id, r.actor_id, r.start, r.end)
        else {
            return;
        };
        if well_formed_id(id, MentionId::PREFIX)
            && well_formed_id(article, ArticleId::PREFIX)
            && well_formed_id(actor, ActorId::PREFIX)
        {
            let derived = MentionId::derive(
                &ArticleId::from_stored(article),
                &ActorId::from_stored(actor),
                start,
                end,
            );
            report(
                out,
                || r.loc(),
                "mention",
                id,
                "its article, actor and span",
                derived.as_str(),
            );
        }
    }
}

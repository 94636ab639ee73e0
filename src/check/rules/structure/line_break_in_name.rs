//! CS109 `line-break-in-name`: a name, alias, role or cue that runs over a line break.

use crate::check::rules::prelude::*;

declare_rule! {
    /// ## What it does
    /// Flags one-line fields that contain a line break: source and actor names, aliases,
    /// source and actor descriptions (roles), and claim cues.
    ///
    /// ## Why is this bad?
    /// Article texts separate paragraphs with line breaks, and none of these fields
    /// spans paragraphs. A line break means the extraction ran past the end of a
    /// paragraph and glued the start of the next one on, so the value is partly someone
    /// else's words.
    ///
    /// ## Example
    /// ```json
    /// {"name": "Fuad Basya", "kind": "person", "description": "Indonesia.\n\nMajor general"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"name": "Fuad Basya", "kind": "person", "description": "Major general"}
    /// ```
    pub struct LineBreakInName {}
    code = "CS109",
    name = "line-break-in-name",
    severity = Warning,
    help = "keep the part of the value that belongs to it, on one line",
}

fn check(out: &mut Sink, loc: impl Fn() -> Loc, values: &[(&str, Option<&str>)]) {
    for (column, value) in values {
        if let Some(v) = value
            && v.contains(['\n', '\r'])
        {
            out.emit(
                loc(),
                format!("{column} runs over a line break: {}", quoted(v, 60)),
            );
        }
    }
}

impl Rule for LineBreakInName {
    fn source(&mut self, r: &SourceRow<'_>, _: &Context, out: &mut Sink) {
        check(
            out,
            || r.loc(),
            &[("name", r.name), ("description", r.description)],
        );
    }

    fn actor(&mut self, r: &ActorRow<'_>, _: &Context, out: &mut Sink) {
        let aliases: Vec<(&str, Option<&str>)> =
            r.aliases.iter().map(|a| ("alias", Some(*a))).collect();
        check(
            out,
            || r.loc(),
            &[("name", r.name), ("description", r.description)],
        );
        check(out, || r.loc(), &aliases);
    }

    fn claim(&mut self, r: &ClaimRow<'_>, _: &Context, out: &mut Sink) {
        check(out, || r.loc(), &[("cue", r.cue)]);
    }
}

//! The human format: compiler-style diagnostics, the article excerpt with the span
//! underlined, located in the input file when the article's origin is known.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::check::Report;
use crate::check::diagnostic::InputPos;
use crate::check::render::{RenderOptions, file_of};
use crate::model::Severity;

/// Renders every finding as a diagnostic block.
pub fn render(reports: &[Report], options: &RenderOptions) -> String {
    super::to_string(|out| write(reports, options, out))
}

/// Writes every finding to `out` as a diagnostic block, one finding at a time.
pub fn write(
    reports: &[Report],
    options: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for report in reports {
        render_one(report, &renderer, out)?;
    }
    Ok(())
}

fn render_one(
    report: &Report,
    renderer: &Renderer,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let title = level.primary_title(d.message.as_str()).id(d.rule.code);
        let label = d.record_label();
        let group = match (&d.place, &d.loc.article_id) {
            (Some(p), Some(article)) => {
                // Line numbers of the input file when the span was found there, else of
                // the article text.
                let (path, line) = match d.input.as_deref() {
                    Some(InputPos {
                        path,
                        line: Some(line),
                        ..
                    }) => (path.to_string(), *line),
                    _ => (article.clone(), p.line),
                };
                title.element(
                    Snippet::source(p.excerpt.as_str())
                        .line_start(line)
                        .path(path)
                        .annotation(
                            AnnotationKind::Primary
                                .span(p.excerpt_range.clone())
                                .label(label),
                        ),
                )
            }
            _ => {
                let group: Group<'_> = title.element(Origin::path(file_of(report, d)));
                group.element(Level::NOTE.message(label))
            }
        };
        let group = group.element(Level::HELP.message(d.rule.help));
        write!(out, "{}\n\n", renderer.render(&[group]))?;
    }
    Ok(())
}

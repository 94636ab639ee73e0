//! `claimset schema`: write the records' JSON Schemas to schema/, or check they are current.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::Outcome;
use crate::check::ConfigFile;
use crate::model::schema::{all_schemas, schema_for};

/// Write the JSON Schemas (2020-12) of every record to `schema/<record>.schema.json`.
///
/// The schema of the configuration file claimset.toml goes to `schema/config.schema.json`.
///
/// Examples:
///   claimset schema            # regenerate schema/
///   claimset schema --check    # exit 1 and show what differs when schema/ is stale
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Folder to write to.
    #[arg(long, default_value = "schema")]
    dir: PathBuf,
    /// Compare instead of writing; exit 1 when a file is missing or differs.
    #[arg(long)]
    check: bool,
}

/// The file contents `claimset schema` writes: `(file name, JSON text)`.
pub fn rendered() -> Vec<(String, String)> {
    all_schemas()
        .into_iter()
        .chain([("config", schema_for::<ConfigFile>())])
        .map(|(name, schema)| {
            let mut text = serde_json::to_string_pretty(&schema).expect("schemas serialise");
            text.push('\n');
            (format!("{name}.schema.json"), text)
        })
        .collect()
}

/// Runs `claimset schema`.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if !args.check {
        std::fs::create_dir_all(&args.dir)
            .with_context(|| format!("cannot create {}", args.dir.display()))?;
    }
    let mut stale = 0;
    let mut err = super::stderr();
    for (file, text) in rendered() {
        let path = args.dir.join(&file);
        if args.check {
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            if have != text {
                stale += 1;
                writeln!(
                    err,
                    "stale: {} differs from the generated schema:",
                    path.display()
                )?;
                for line in diff_lines(&have, &text) {
                    writeln!(err, "{line}")?;
                }
            }
        } else {
            std::fs::write(&path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    if stale > 0 {
        writeln!(
            err,
            "{stale} schema file(s) are stale: run `claimset schema` and commit schema/"
        )?;
        return Ok(Outcome::Problems);
    }
    Ok(Outcome::Success)
}

/// A short line diff: lines only in `old` with `-`, only in `new` with `+`.
fn diff_lines(old: &str, new: &str) -> Vec<String> {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let mut out: Vec<String> = old_lines
        .iter()
        .filter(|l| !new_lines.contains(l))
        .map(|l| format!("  - {l}"))
        .collect();
    out.extend(
        new_lines
            .iter()
            .filter(|l| !old_lines.contains(l))
            .map(|l| format!("  + {l}")),
    );
    out.truncate(40);
    out
}

//! Reading inputs into documents: plain text, Markdown with front matter, JSONL batches,
//! folders and stdin. Bad input becomes a [`Rejected`] entry naming the input; it never
//! aborts the batch.

mod jsonl;
mod markdown;
mod text;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{Rejected, sha256_hex};

/// One article as read from its input, before normalisation and extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Input path, `stdin`, or `file.jsonl:LINE`.
    pub origin: String,
    /// SHA-256 of the raw input bytes (for JSONL: of the line).
    pub raw_sha256: String,
    /// Headline, as given.
    pub title: String,
    /// Body text, as given (decoded, not yet normalised).
    pub body: String,
    /// Address of the article.
    pub url: Option<String>,
    /// Name of the outlet that published it.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// BCP-47 language tag; `en` when not given.
    pub language: String,
    /// Notes on the input (e.g. an unreadable date that was dropped).
    pub notes: Vec<String>,
}

/// Metadata an input may carry besides the text.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<serde_json::Value>,
    pub language: Option<String>,
}

/// The inputs a conversion reads, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file (by extension: `.txt`, `.md`/`.markdown`, `.jsonl`).
    File(PathBuf),
    /// Standard input (format sniffed from the content).
    Stdin,
}

/// What reading the inputs gave: documents and rejected inputs, in input order.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Articles read.
    pub documents: Vec<Document>,
    /// Inputs (or JSONL lines) that could not be read.
    pub rejected: Vec<Rejected>,
}

/// File extensions read when walking a folder.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "jsonl"];

/// Expands command-line arguments into inputs: folders recursively in sorted order
/// (files with a known extension only, README/SOURCES/LICENSE/CHANGELOG skipped), `-` as
/// stdin. Missing paths are rejected.
pub fn expand(args: &[PathBuf], rejected: &mut Vec<Rejected>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if arg.is_dir() {
            let walk = walkdir::WalkDir::new(arg).sort_by_file_name();
            for entry in walk {
                match entry {
                    Ok(e)
                        if e.file_type().is_file()
                            && has_known_extension(e.path())
                            && !is_documentation(e.path()) =>
                    {
                        inputs.push(Input::File(e.into_path()))
                    }
                    Ok(_) => {}
                    Err(e) => rejected.push(Rejected {
                        path: display(arg),
                        reason: format!("cannot read folder: {e}"),
                    }),
                }
            }
        } else if arg.exists() {
            inputs.push(Input::File(arg.clone()));
        } else {
            rejected.push(Rejected {
                path: display(arg),
                reason: "no such file or folder".into(),
            });
        }
    }
    inputs
}

/// README, SOURCES, LICENSE and CHANGELOG files beside articles are not articles.
fn is_documentation(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    ["README", "SOURCES", "LICENSE", "CHANGELOG"].contains(&stem.as_str())
}

fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A path as shown in datasets and messages.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Reads every input; a bad input or line becomes a rejection, never an error.
pub fn read_all(inputs: &[Input]) -> Ingested {
    let mut out = Ingested::default();
    for input in inputs {
        read_one(input, &mut out);
    }
    out
}

fn read_one(input: &Input, out: &mut Ingested) {
    let (origin, bytes, ext) = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                out.rejected.push(Rejected {
                    path: "stdin".into(),
                    reason: format!("cannot read: {e}"),
                });
                return;
            }
            let ext = sniff(&buf);
            ("stdin".to_string(), buf, ext)
        }
        Input::File(path) => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase())
                .unwrap_or_default();
            match fs::read(path) {
                Ok(b) => (display(path), b, ext),
                Err(e) => {
                    out.rejected.push(Rejected {
                        path: display(path),
                        reason: format!("cannot read: {e}"),
                    });
                    return;
                }
            }
        }
    };
    let reject = |reason: String| Rejected {
        path: origin.clone(),
        reason,
    };
    let text = match decode(&bytes) {
        Ok(t) => t,
        Err(reason) => return out.rejected.push(reject(reason)),
    };
    match ext.as_str() {
        "jsonl" => jsonl::read(&origin, text, out),
        "md" | "markdown" => match markdown::read(&origin, &bytes, text) {
            Ok(doc) => out.documents.push(doc),
            Err(reason) => out.rejected.push(reject(reason)),
        },
        _ => match text::read(&origin, &bytes, text) {
            Ok(doc) => out.documents.push(doc),
            Err(reason) => out.rejected.push(reject(reason)),
        },
    }
}

/// Guesses the format of stdin: JSONL when it starts with `{`, Markdown with front matter
/// when it starts with `---`, plain text otherwise.
fn sniff(bytes: &[u8]) -> String {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&bytes[..0], |i| &bytes[i..]);
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    if start.starts_with(b"{") {
        "jsonl".into()
    } else if start.starts_with(b"---") {
        "md".into()
    } else {
        "txt".into()
    }
}

/// Decodes UTF-8 input, dropping a byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err("binary file: contains NUL bytes".into());
    }
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 at byte {}: re-encode the file as UTF-8",
            e.valid_up_to()
        )
    })
}

/// Builds a document from text and metadata; `title_from_body` takes the first non-empty
/// line as the headline when the metadata has none.
pub(crate) fn document(
    origin: &str,
    raw: &[u8],
    meta: Meta,
    body: &str,
    title_from_body: bool,
) -> Result<Document, String> {
    let mut notes = Vec::new();
    let mut body = body.to_string();
    let title = match meta
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(t) => t.to_string(),
        None if title_from_body => {
            let (title, rest) = split_first_line(&body);
            let title = title.trim_start_matches('#').trim().to_string();
            body = rest.to_string();
            title
        }
        None => String::new(),
    };
    if title.is_empty() {
        return Err("no headline: the input is empty".into());
    }
    if body.trim().is_empty() {
        return Err("no body text after the headline".into());
    }
    let published = match meta.published {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => {
            let s = match &v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            match parse_date(&s) {
                Some(d) => Some(d),
                None => {
                    notes.push(format!(
                        "published date {s:?} is not a date (YYYY-MM-DD); left empty"
                    ));
                    None
                }
            }
        }
    };
    let nonempty = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Document {
        origin: origin.to_string(),
        raw_sha256: sha256_hex(raw),
        title,
        body,
        url: nonempty(meta.url),
        outlet: nonempty(meta.outlet),
        published,
        language: nonempty(meta.language).unwrap_or_else(|| "en".into()),
        notes,
    })
}

/// The first non-empty line and everything after it.
fn split_first_line(text: &str) -> (&str, &str) {
    let trimmed = text.trim_start();
    match trimmed.find('\n') {
        Some(i) => (&trimmed[..i], &trimmed[i + 1..]),
        None => (trimmed, ""),
    }
}

/// Parses `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

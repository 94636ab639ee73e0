//! Reading inputs into documents: plain text, Markdown with front matter, JSONL batches,
//! HTML pages, folders and stdin, in any common encoding. Bad input becomes a
//! [`Rejected`] entry naming the input; it never aborts the batch, and nothing in here
//! panics on any input.

pub mod decode;
mod html;
pub mod jsonl;
mod markdown;
mod text;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{Rejected, sha256_hex};

pub use jsonl::Batch;

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
#[derive(Debug, Default, Clone)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<serde_json::Value>,
    pub language: Option<String>,
}

impl Meta {
    /// Reads the known fields of a JSON object (a JSONL line, or front matter turned into
    /// JSON); other fields are ignored. Text fields take a string, a number or a boolean;
    /// anything else is an error naming the field.
    pub fn from_fields(
        fields: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, String> {
        let text = |name: &str| -> Result<Option<String>, String> {
            use serde_json::Value;
            match fields.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(v @ (Value::Number(_) | Value::Bool(_))) => Ok(Some(v.to_string())),
                Some(Value::Array(_)) => Err(format!("\"{name}\" is a list, expected text")),
                Some(Value::Object(_)) => Err(format!("\"{name}\" is an object, expected text")),
            }
        };
        Ok(Meta {
            title: text("title")?,
            url: text("url")?,
            outlet: text("outlet")?,
            published: fields.get("published").cloned(),
            language: text("language")?,
        })
    }
}

/// What a JSON value is, for messages.
pub(crate) fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The inputs a conversion reads, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file (by extension: `.txt`, `.md`/`.markdown`, `.jsonl`, `.html`/`.htm`).
    File(PathBuf),
    /// Standard input (format sniffed from the content).
    Stdin,
}

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the first non-empty line is the headline (HTML inside is recognised).
    Text,
    /// Markdown with optional YAML front matter.
    Markdown,
    /// One JSON article per line.
    Jsonl,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format of a file, by extension; unknown extensions read as text.
    pub fn of_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "jsonl" => Format::Jsonl,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            _ => Format::Text,
        }
    }

    /// Guesses the format of decoded text without a name (stdin): JSONL when it starts
    /// with `{`, Markdown when it starts with `---`, HTML when it looks like a page, else
    /// plain text.
    pub fn sniff(text: &str) -> Self {
        let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if start.starts_with('{') {
            Format::Jsonl
        } else if start.starts_with("---") {
            Format::Markdown
        } else if html::looks_like_html(start) {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Default of [`Limits::max_input_bytes`]: 10 MB.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 10_000_000;

/// Limits on what is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file (or stdin) read, in bytes; larger ones are rejected unread.
    /// Defaults to [`DEFAULT_MAX_INPUT_BYTES`] (10 MB).
    pub max_input_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// A byte count as people read it: `950 B`, `12.5 kB`, `10 MB`, `1.2 GB` (powers of 1000).
pub fn human_bytes(n: u64) -> String {
    const UNITS: &[&str] = &["kB", "MB", "GB", "TB"];
    if n < 1000 {
        return format!("{n} B");
    }
    let mut v = n as f64;
    let mut unit = "";
    for u in UNITS {
        v /= 1000.0;
        unit = u;
        if v < 1000.0 {
            break;
        }
    }
    let s = format!("{v:.1}");
    format!("{} {unit}", s.strip_suffix(".0").unwrap_or(&s))
}

/// `12345678` → `12,345,678`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Parses a size such as `10MB`, `512kB`, `2 MiB` or `1000000` (bytes).
pub fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = (t[..split].trim(), t[split..].trim());
    let factor: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "unknown unit {unit:?} in {s:?} (use B, kB, MB, GB, KiB, MiB, GiB)"
            ));
        }
    };
    let value: f64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size such as 10MB or 500kB"))?;
    let bytes = value * factor as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("{s:?} is not a usable size"));
    }
    Ok(bytes as u64)
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
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "jsonl", "html", "htm"];

/// Expands command-line arguments into inputs: folders recursively in sorted order,
/// following symbolic links (files with a known extension only,
/// README/SOURCES/LICENSE/CHANGELOG skipped), `-` as stdin. Missing paths, broken links
/// and link loops are rejected.
pub fn expand(args: &[PathBuf], rejected: &mut Vec<Rejected>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if arg.is_dir() {
            // Symbolic links are followed: a linked file is read like any other, a link
            // that loops back or points nowhere is rejected by name.
            let walk = walkdir::WalkDir::new(arg)
                .follow_links(true)
                .sort_by_file_name();
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
                        path: e.path().map_or_else(|| display(arg), display),
                        reason: format!("cannot read folder entry: {e}"),
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

/// Whether a file found in a folder is read as an article, as [`expand`] decides: a
/// known extension, and not README, SOURCES, LICENSE or CHANGELOG.
pub fn is_article_file(path: &Path) -> bool {
    has_known_extension(path) && !is_documentation(path)
}

/// Reads the bytes of an input named `origin` that were fetched elsewhere (a file read
/// by another engine, a text handed over in memory) exactly as the file `origin` would
/// be read: a JSONL batch line by line, anything else whole within `limits`; `format`
/// is the one its name gives, or sniffed from the content when `None`.
pub fn read_fetched(
    origin: &str,
    format: Option<Format>,
    bytes: &[u8],
    limits: &Limits,
) -> Ingested {
    let mut out = Ingested::default();
    let max = limits.max_input_bytes;
    // Without a name, the head tells, as for stdin.
    let head = &bytes[..bytes
        .len()
        .min(max.saturating_add(1).min(64 << 10) as usize)];
    let jsonl = format == Some(Format::Jsonl)
        || format.is_none()
            && decode::decode(head).is_ok_and(|d| Format::sniff(&d.text) == Format::Jsonl);
    if jsonl {
        match Batch::open(origin, std::io::Cursor::new(bytes.to_vec()), limits) {
            Ok(batch) => batch.read_all(&mut out),
            Err(reason) => out.rejected.push(Rejected {
                path: origin.to_string(),
                reason,
            }),
        }
    } else if bytes.len() as u64 > max {
        out.rejected.push(Rejected {
            path: origin.to_string(),
            reason: too_large(&format!("{} bytes", thousands(bytes.len() as u64)), max),
        });
    } else {
        read_bytes(origin, format, bytes, &mut out);
    }
    out
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

/// Reads every input with the default [`Limits`]; a bad input or line becomes a
/// rejection, never an error.
pub fn read_all(inputs: &[Input]) -> Ingested {
    read_all_with(inputs, &Limits::default())
}

/// Reads every input within `limits`; a bad input or line becomes a rejection, never an
/// error.
pub fn read_all_with(inputs: &[Input], limits: &Limits) -> Ingested {
    let mut out = Ingested::default();
    for input in inputs {
        read_one(input, limits, &mut out);
    }
    out
}

/// Reads one input within `limits`; a bad input or line becomes a rejection, never an
/// error.
pub fn read_input(input: &Input, limits: &Limits) -> Ingested {
    let mut out = Ingested::default();
    read_one(input, limits, &mut out);
    out
}

/// The size of an input in bytes, when it is a file whose size can be read.
pub fn input_size(input: &Input) -> Option<u64> {
    match input {
        Input::File(p) => fs::metadata(p).ok().map(|m| m.len()),
        Input::Stdin => None,
    }
}

fn read_one(input: &Input, limits: &Limits, out: &mut Ingested) {
    match open(input, limits) {
        Opened::Read(mut ingested) => {
            out.documents.append(&mut ingested.documents);
            out.rejected.append(&mut ingested.rejected);
        }
        Opened::Batch(batch) => batch.read_all(out),
    }
}

/// Whether an input may be a JSONL batch read line by line (a `.jsonl` file, or stdin),
/// to be read with [`open`] in its turn rather than whole.
pub fn streams(input: &Input) -> bool {
    match input {
        Input::File(path) => Format::of_path(path) == Format::Jsonl,
        Input::Stdin => true,
    }
}

/// An input opened for reading.
pub enum Opened {
    /// Read whole: its documents, or its rejection.
    Read(Ingested),
    /// A JSONL batch, to be read line by line.
    Batch(Batch),
}

/// Opens an input: a JSONL batch (a `.jsonl` file, or stdin that starts like one) is
/// returned to be read line by line, whatever its size, the size limit applying to each
/// line; anything else is read whole within `limits`.
pub fn open(input: &Input, limits: &Limits) -> Opened {
    let reject = |path: String, reason: String| {
        Opened::Read(Ingested {
            documents: Vec::new(),
            rejected: vec![Rejected { path, reason }],
        })
    };
    match input {
        Input::File(path) if Format::of_path(path) == Format::Jsonl => {
            let origin = display(path);
            let opened = fs::File::open(path)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(|f| Batch::open(&origin, f, limits));
            match opened {
                Ok(batch) => Opened::Batch(batch),
                Err(reason) => reject(origin, reason),
            }
        }
        Input::File(path) => {
            let size = fs::metadata(path).map(|m| m.len()).ok();
            let bytes = fs::File::open(path).map(|f| read_limited(f, size, limits));
            let bytes = bytes.unwrap_or_else(|e| Err(format!("cannot read: {e}")));
            let origin = display(path);
            match bytes {
                Ok(bytes) => {
                    let mut out = Ingested::default();
                    read_bytes(&origin, Some(Format::of_path(path)), &bytes, &mut out);
                    Opened::Read(out)
                }
                Err(reason) => reject(origin, reason),
            }
        }
        Input::Stdin => open_stdin(limits),
    }
}

/// Stdin: the first bytes tell whether it is a JSONL batch, streamed then; else it is
/// read whole within `limits`.
fn open_stdin(limits: &Limits) -> Opened {
    let origin = "stdin".to_string();
    let mut stdin = std::io::stdin();
    let mut head = Vec::new();
    let peek = limits.max_input_bytes.saturating_add(1).min(64 << 10);
    if let Err(e) = (&mut stdin).take(peek).read_to_end(&mut head) {
        return Opened::Read(Ingested {
            documents: Vec::new(),
            rejected: vec![Rejected {
                path: origin,
                reason: format!("cannot read: {e}"),
            }],
        });
    }
    let jsonl = decode::decode(&head).is_ok_and(|d| Format::sniff(&d.text) == Format::Jsonl);
    let rest = std::io::Cursor::new(head).chain(stdin);
    if jsonl {
        return match Batch::open(&origin, rest, limits) {
            Ok(batch) => Opened::Batch(batch),
            Err(reason) => Opened::Read(Ingested {
                documents: Vec::new(),
                rejected: vec![Rejected {
                    path: origin,
                    reason,
                }],
            }),
        };
    }
    let mut out = Ingested::default();
    match read_limited(rest, None, limits) {
        Ok(bytes) => read_bytes(&origin, None, &bytes, &mut out),
        Err(reason) => out.rejected.push(Rejected {
            path: origin,
            reason,
        }),
    }
    Opened::Read(out)
}

/// Why an input of `size` is refused under the limit `max`.
fn too_large(size: &str, max: u64) -> String {
    format!(
        "too large: {size}, over the input size limit of {} (--max-input-size)",
        human_bytes(max)
    )
}

/// Reads at most `limits.max_input_bytes`; more is an error that names the limit. `size`
/// is the file's size when known, so that a large file is refused unread.
fn read_limited(reader: impl Read, size: Option<u64>, limits: &Limits) -> Result<Vec<u8>, String> {
    let max = limits.max_input_bytes;
    let over = |size: String| too_large(&size, max);
    if let Some(size) = size.filter(|&s| s > max) {
        return Err(over(format!("{} bytes", thousands(size))));
    }
    let mut buf = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read: {e}"))?;
    if buf.len() as u64 > max {
        return Err(over(format!("more than {}", human_bytes(max))));
    }
    Ok(buf)
}

/// Reads one input from its raw bytes into `out`: decodes them, then reads them as
/// `format` (sniffed from the content when `None`). Used for files and stdin alike; it
/// never panics, whatever the bytes. A JSONL batch is read as [`open`] reads one, each
/// line decoded on its own.
pub fn read_bytes(origin: &str, format: Option<Format>, bytes: &[u8], out: &mut Ingested) {
    let reject = |reason: String| Rejected {
        path: origin.to_string(),
        reason,
    };
    if format == Some(Format::Jsonl) {
        return read_batch(origin, bytes, out);
    }
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(reason) => return out.rejected.push(reject(reason)),
    };
    let mut notes = decoded.notes;
    let text = if decoded.text.contains('\r') {
        std::borrow::Cow::Owned(decoded.text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        decoded.text
    };
    let text = text.as_ref();
    let format = match format {
        None => Format::sniff(text),
        Some(Format::Text) if html::looks_like_html(text) => {
            notes.push("an HTML page saved as text; read as HTML".into());
            Format::Html
        }
        Some(f) => f,
    };
    let first = out.documents.len();
    let result = match format {
        Format::Jsonl => return read_batch(origin, bytes, out),
        Format::Markdown => markdown::read(origin, bytes, text).map(|d| out.documents.push(d)),
        Format::Html => html::read(origin, bytes, text).map(|d| out.documents.push(d)),
        Format::Text => text::read(origin, bytes, text).map(|d| out.documents.push(d)),
    };
    if let Err(reason) = result {
        out.rejected.push(reject(reason));
    }
    for doc in &mut out.documents[first..] {
        let mut all = notes.clone();
        all.append(&mut doc.notes);
        doc.notes = all;
    }
}

/// Reads the bytes of a JSONL batch line by line, as [`open`] streams one.
fn read_batch(origin: &str, bytes: &[u8], out: &mut Ingested) {
    match Batch::open(
        origin,
        std::io::Cursor::new(bytes.to_vec()),
        &Limits::default(),
    ) {
        Ok(batch) => batch.read_all(out),
        Err(reason) => out.rejected.push(Rejected {
            path: origin.to_string(),
            reason,
        }),
    }
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
    let bidi = title
        .chars()
        .chain(body.chars())
        .filter(|&c| is_bidi_control(c))
        .count();
    if bidi > 0 {
        notes.push(format!(
            "{bidi} bidirectional control characters removed (they can make text display \
             in another order than it is stored)"
        ));
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

/// Unicode bidirectional formatting characters (embeddings, overrides, isolates, marks).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
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

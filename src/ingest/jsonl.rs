//! JSONL batches: one article per line (`title`, `text`, `url`, `outlet`, `published`,
//! `language`); a bad line is rejected as `file.jsonl:LINE` and the others convert.

use serde::Deserialize;

use super::{Ingested, Meta, document};
use crate::model::Rejected;

#[derive(Deserialize)]
struct Line {
    text: Option<String>,
    #[serde(flatten)]
    meta: Meta,
}

/// Reads every line of a JSONL batch into `out`.
pub fn read(origin: &str, text: &str, out: &mut Ingested) {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{origin}:{}", i + 1);
        let parsed = serde_json::from_str::<Line>(line)
            .map_err(|e| format!("not a JSON object: {e}"))
            .and_then(|l| {
                let body = l
                    .text
                    .filter(|t| !t.trim().is_empty())
                    .ok_or("missing \"text\"")?;
                if l.meta.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                    return Err("missing \"title\"".to_string());
                }
                document(&at, line.as_bytes(), l.meta, &body, false)
            });
        match parsed {
            Ok(doc) => out.documents.push(doc),
            Err(reason) => out.rejected.push(Rejected { path: at, reason }),
        }
    }
}

//! JSONL batches: one article per line (`title`, `text`, `url`, `outlet`, `published`,
//! `language`); a bad line is rejected as `file.jsonl:LINE` and the others convert.

use serde_json::Value;

use super::{Ingested, Meta, document, json_kind};
use crate::model::Rejected;

/// Reads every line of a JSONL batch into `out`.
pub fn read(origin: &str, text: &str, out: &mut Ingested) {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{origin}:{}", i + 1);
        match read_line(&at, line) {
            Ok(doc) => out.documents.push(doc),
            Err(reason) => out.rejected.push(Rejected { path: at, reason }),
        }
    }
}

fn read_line(at: &str, line: &str) -> Result<super::Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        format!("not valid JSON at column {}: {msg}", e.column())
    })?;
    let Value::Object(fields) = &value else {
        return Err(format!(
            "not a JSON object but {}: each line must be one article {{\"title\": ..., \"text\": ...}}",
            json_kind(&value)
        ));
    };
    let meta = Meta::from_fields(fields)?;
    let body = match fields.get("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        None | Some(Value::Null) => return Err("missing \"text\"".into()),
        Some(Value::String(_)) => return Err("\"text\" is empty".into()),
        Some(v) => return Err(format!("\"text\" is {}, expected a string", json_kind(v))),
    };
    if meta.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err("missing \"title\"".to_string());
    }
    document(at, line.as_bytes(), meta, &body, false)
}

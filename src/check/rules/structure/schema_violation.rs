//! CS104 `schema-violation`: a row breaks its record's JSON Schema (`schema/*.schema.json`).

use std::collections::HashMap;

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::check::rows::{JsonCells, Strings, primary_key};
use crate::check::rules::prelude::*;
use crate::dataset::arrow_schema;
use crate::model::schema::{Validator, schema_for};
use crate::model::{Actor, Article, Claim, Mention, Source};

declare_rule! {
    /// ## What it does
    /// Validates every row against the JSON Schema of its record (the files in
    /// `schema/`, also stored in each Parquet file's `claimset` metadata) and reports each
    /// violation with its JSON pointer: ID patterns, enumeration values, URL and date
    /// formats, language tags, required values, minimum lengths. Columns that are missing
    /// or unreadable are left to CS102 and CS103, and empty strings in nullable columns
    /// to CS107.
    ///
    /// ## Why is this bad?
    /// The schemas are the contract every consumer codes against; `claimset convert`
    /// refuses records that break them, and so should any dataset that claims to follow
    /// the data model.
    ///
    /// ## Example
    /// ```json
    /// {"article_id": "art_1f0e…", "language": "English", "kind": "quote"}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"article_id": "art_1f0e…", "language": "en", "kind": "direct"}
    /// ```
    pub struct SchemaViolation {
        validators: HashMap<(&'static str, Vec<String>), Option<Validator>>,
    }
    code = "CS104",
    name = "schema-violation",
    severity = Error,
    help = "fix the value so the record fits its schema in schema/",
}

/// The JSON Schema of a table's record.
fn record_schema(table: &str) -> Option<Value> {
    Some(match table {
        "articles" => schema_for::<Article>(),
        "claims" => schema_for::<Claim>(),
        "sources" => schema_for::<Source>(),
        "actors" => schema_for::<Actor>(),
        "mentions" => schema_for::<Mention>(),
        _ => return None,
    })
}

/// Shortens a long message to about `max` characters.
fn shorten(s: &str, max: usize) -> String {
    let s = s.trim().trim_end_matches('.');
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    format!("{head}…")
}

impl Rule for SchemaViolation {
    fn batch(&mut self, b: &Batch<'_>, _: &Context, out: &mut Sink) {
        let Some(contract) = arrow_schema(b.table) else {
            return;
        };
        let usable: Vec<_> = contract
            .fields()
            .iter()
            .filter_map(|f| {
                b.column(f.name())
                    .map(|(col, _)| (f.name().as_str(), col, f.is_nullable()))
            })
            .collect();
        let names: Vec<String> = usable.iter().map(|(n, _, _)| n.to_string()).collect();
        let validator = self
            .validators
            .entry((b.table, names.clone()))
            .or_insert_with(|| {
                // Columns that are missing or unreadable are other rules' findings.
                let mut schema = record_schema(b.table)?;
                if let Some(required) = schema.get_mut("required").and_then(Value::as_array_mut) {
                    required.retain(|r| r.as_str().is_some_and(|r| names.iter().any(|n| n == r)));
                }
                Validator::from_schema(&schema).ok()
            });
        let Some(validator) = validator else {
            return;
        };
        let pk = primary_key(b.table).map_or(Strings::Absent, |k| b.strings(k));
        let article = b.strings("article_id");
        let (start, end) = (b.uints("start"), b.uints("end"));
        let cells: Vec<JsonCells> = usable
            .iter()
            .map(|(_, col, _)| JsonCells::new(col.as_ref()))
            .collect();
        // Rows are validated in parallel, and reported in row order.
        let violations: Vec<Vec<_>> = (0..b.len())
            .into_par_iter()
            .map(|i| {
                let mut record = Map::new();
                for ((name, _, _), cells) in usable.iter().zip(&cells) {
                    record.insert(name.to_string(), cells.get(i));
                }
                let record = Value::Object(record);
                validator
                    .check_value(&record)
                    .into_iter()
                    .filter(|v| {
                        // Empty strings in nullable columns are CS107's.
                        let column = v.pointer.trim_start_matches('/').split('/').next();
                        !usable.iter().any(|(n, _, nullable)| {
                            *nullable
                                && Some(*n) == column
                                && record[*n] == Value::String(String::new())
                        })
                    })
                    .collect()
            })
            .collect();
        for (i, found) in violations.into_iter().enumerate() {
            for v in found {
                let id = pk.get(i);
                let row = match id {
                    Some(_) => String::new(),
                    None => format!(" (row {})", b.first_row + i as u64),
                };
                let at = if v.pointer.is_empty() {
                    "/"
                } else {
                    &v.pointer
                };
                out.emit(
                    Loc::record(b.table, id)
                        .article(article.get(i))
                        .span(start[i], end[i]),
                    format!(
                        "schema violation at {at}{row}: {}",
                        shorten(&v.message, 240)
                    ),
                );
            }
        }
    }
}

//! CS104 `schema-violation`: a row breaks its record's JSON Schema (`schema/*.schema.json`).

use std::collections::HashMap;

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::check::rows::{JsonCells, Strings, primary_key};
use crate::check::rules::prelude::*;
use crate::dataset::arrow_schema;
use crate::model::schema::{Validator, Violation, schema_for};
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
        columns: HashMap<(&'static str, String), Option<Validator>>,
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

/// A cell's value as a cache key: each distinct value of a column is validated once
/// per batch.
#[derive(PartialEq, Eq, Hash)]
enum CellKey<'a> {
    Null,
    Str(&'a str),
    Int(i64),
}

impl<'a> CellKey<'a> {
    fn of(cells: &JsonCells<'a>, i: usize) -> Option<Self> {
        match cells {
            JsonCells::Strings(s) => Some(s.get(i).map_or(CellKey::Null, CellKey::Str)),
            JsonCells::Integers(v) => Some(
                v.get(i)
                    .copied()
                    .flatten()
                    .map_or(CellKey::Null, CellKey::Int),
            ),
            _ => None,
        }
    }
}

/// The schema of one property of a record schema, with the definitions it may refer to.
fn property_schema(record: &Value, name: &str) -> Option<Value> {
    let mut schema = record.get("properties")?.get(name)?.clone();
    let object = schema.as_object_mut()?;
    for key in ["$schema", "$defs", "definitions"] {
        if let Some(v) = record.get(key) {
            object.insert(key.to_string(), v.clone());
        }
    }
    Some(schema)
}

/// Whether the record schema constrains only its properties one by one: an object of
/// known properties, no other property allowed, no keyword across properties. Then a
/// row is valid when each of its cells is, and its violations are theirs.
fn columnwise(record: &Value) -> bool {
    record.as_object().is_some_and(|o| {
        o.keys().all(|k| {
            matches!(
                k.as_str(),
                "$schema"
                    | "$defs"
                    | "definitions"
                    | "title"
                    | "description"
                    | "type"
                    | "properties"
                    | "required"
                    | "additionalProperties"
            )
        })
    }) && record.get("type") == Some(&Value::from("object"))
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
        // Every usable column is in each record checked, so `required` and
        // `additionalProperties` hold for any row: a schema that has no other keyword
        // across properties is checked column by column.
        let per_column = record_schema(b.table).as_ref().is_some_and(columnwise);
        if !per_column {
            return self.by_rows(b, &usable, out);
        }
        let table = b.table;
        for (name, _, _) in &usable {
            self.columns
                .entry((table, name.to_string()))
                .or_insert_with(|| {
                    let record = record_schema(table)?;
                    Validator::from_schema(&property_schema(&record, name)?).ok()
                });
        }
        let validators: Vec<Option<&Validator>> = usable
            .iter()
            .map(|(name, _, _)| {
                self.columns
                    .get(&(table, name.to_string()))
                    .and_then(Option::as_ref)
            })
            .collect();
        // Columns are checked in parallel; each distinct value of a column once.
        let found: Vec<Vec<(usize, String, String)>> = usable
            .par_iter()
            .zip(&validators)
            .map(|((name, col, nullable), validator)| {
                let Some(validator) = validator else {
                    return Vec::new();
                };
                let cells = JsonCells::new(col.as_ref());
                let mut seen: HashMap<CellKey, Vec<Violation>> = HashMap::new();
                let mut found = Vec::new();
                for i in 0..b.len() {
                    let key = CellKey::of(&cells, i);
                    // Empty strings in nullable columns are CS107's.
                    if *nullable && key == Some(CellKey::Str("")) {
                        continue;
                    }
                    let violations = match key {
                        Some(key) => {
                            if let Some(v) = seen.get(&key) {
                                v
                            } else {
                                let v = validator.check_value(&cells.get(i));
                                seen.entry(key).or_insert(v)
                            }
                        }
                        None => &validator.check_value(&cells.get(i)),
                    };
                    for v in violations {
                        found.push((i, format!("/{name}{}", v.pointer), v.message.clone()));
                    }
                }
                found
            })
            .collect();
        let mut found: Vec<_> = found.into_iter().flatten().collect();
        found.sort_by_key(|(i, _, _)| *i);
        let pk = primary_key(b.table).map_or(Strings::Absent, |k| b.strings(k));
        let article = b.strings("article_id");
        let (start, end) = (b.uints("start"), b.uints("end"));
        for (i, pointer, message) in found {
            emit(b, out, (&pk, &article, &start, &end), i, &pointer, &message);
        }
    }
}

/// Reports violation `message` at `pointer` of row `i`.
fn emit(
    b: &Batch<'_>,
    out: &mut Sink,
    (pk, article, start, end): (&Strings<'_>, &Strings<'_>, &[Option<u32>], &[Option<u32>]),
    i: usize,
    pointer: &str,
    message: &str,
) {
    let id = pk.get(i);
    let row = match id {
        Some(_) => String::new(),
        None => format!(" (row {})", b.first_row + i as u64),
    };
    let at = if pointer.is_empty() { "/" } else { pointer };
    out.emit(
        Loc::record(b.table, id)
            .article(article.get(i))
            .span(start[i], end[i]),
        format!("schema violation at {at}{row}: {}", shorten(message, 240)),
    );
}

impl SchemaViolation {
    /// Validates each row as one JSON record, for a schema with keywords across
    /// properties.
    fn by_rows(
        &mut self,
        b: &Batch<'_>,
        usable: &[(&str, &arrow_array::ArrayRef, bool)],
        out: &mut Sink,
    ) {
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
                emit(
                    b,
                    out,
                    (&pk, &article, &start, &end),
                    i,
                    &v.pointer,
                    &v.message,
                );
            }
        }
    }
}

//! CS104 `schema-violation`: a row breaks its record's JSON Schema (`schema/*.schema.json`).

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::check::ids::hex_id;
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
        columns: HashMap<(&'static str, String), Option<ColumnCheck>>,
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
/// A column's validator, and the shortcut that passes most of its values without it.
struct ColumnCheck {
    validator: Validator,
    quick: Option<Quick>,
}

impl ColumnCheck {
    /// The violations of a column of `rows` cells: (row, pointer, message). Each distinct
    /// value is validated once.
    fn violations(
        &self,
        name: &str,
        col: &dyn arrow_array::Array,
        nullable: bool,
        rows: usize,
    ) -> Vec<(usize, String, String)> {
        let cells = JsonCells::new(col);
        let mut seen: FxHashMap<CellKey, Vec<Violation>> = FxHashMap::default();
        let mut found = Vec::new();
        for i in 0..rows {
            if self
                .quick
                .as_ref()
                .is_some_and(|q| q.accepts_cell(&cells, i))
            {
                continue;
            }
            let key = CellKey::of(&cells, i);
            // Empty strings in nullable columns are CS107's.
            if nullable && key == Some(CellKey::Str("")) {
                continue;
            }
            let violations = match key {
                Some(key) => {
                    if let Some(v) = seen.get(&key) {
                        v
                    } else {
                        let v = self.validator.check_value(&cells.get(i));
                        seen.entry(key).or_insert(v)
                    }
                }
                None => &self.validator.check_value(&cells.get(i)),
            };
            for v in violations {
                found.push((i, format!("/{name}{}", v.pointer), v.message.clone()));
            }
        }
        found
    }
}

/// What a property schema built only of `type` (strings, integers, null, arrays),
/// `minLength`, a derived-ID `pattern`, an integer `format`, `minimum` and `maximum`,
/// `items`, `anyOf` and `$ref` asks of a value, checked without JSON: a value it accepts
/// is one the validator passes; any other value goes to the validator, which words the
/// violation.
#[derive(Debug, Clone, PartialEq)]
enum Quick {
    Null,
    Str {
        min_chars: usize,
        id_prefix: Option<String>,
    },
    /// An integer in `min..=max`.
    Int {
        min: i64,
        max: i64,
    },
    List(Box<Quick>),
    AnyOf(Vec<Quick>),
}

/// The values of an integer `format` (as schemars writes them); `None` for any other.
fn format_range(format: &str) -> Option<(i64, i64)> {
    Some(match format {
        "uint8" => (0, u8::MAX.into()),
        "uint16" => (0, u16::MAX.into()),
        "uint32" => (0, u32::MAX.into()),
        "uint64" | "uint" => (0, i64::MAX),
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN, i64::MAX),
        _ => return None,
    })
}

impl Quick {
    /// The shortcut for `schema`, a property of `record` (whose `$defs` it may name).
    fn of(schema: &Value, record: &Value) -> Option<Quick> {
        let object = schema.as_object()?;
        let known = [
            "type",
            "pattern",
            "minLength",
            "items",
            "anyOf",
            "$ref",
            "format",
            "minimum",
            "maximum",
        ];
        if !object
            .keys()
            .all(|k| known.contains(&k.as_str()) || k == "description")
        {
            return None;
        }
        if let Some(target) = object.get("$ref") {
            let name = target.as_str()?.strip_prefix("#/$defs/")?;
            return (object.len() == 1 + usize::from(object.contains_key("description")))
                .then(|| Quick::of(record.get("$defs")?.get(name)?, record))?;
        }
        if let Some(branches) = object.get("anyOf") {
            let branches = branches.as_array()?.iter();
            let quick = branches
                .map(|b| Quick::of(b, record))
                .collect::<Option<_>>()?;
            return (object.len() == 1 + usize::from(object.contains_key("description")))
                .then_some(Quick::AnyOf(quick));
        }
        // A bound the shortcut cannot read (a fraction, a huge number) leaves it out.
        let bound = |key: &str, default: i64| match object.get(key) {
            Some(v) => v.as_i64(),
            None => Some(default),
        };
        let of_type = |t: &Value| match t.as_str()? {
            "null" => Some(Quick::Null),
            "integer" => {
                let (lo, hi) = match object.get("format") {
                    Some(f) => format_range(f.as_str()?)?,
                    None => (i64::MIN, i64::MAX),
                };
                Some(Quick::Int {
                    min: lo.max(bound("minimum", i64::MIN)?),
                    max: hi.min(bound("maximum", i64::MAX)?),
                })
            }
            // A string `format` (a date, a URI) is the validator's to check.
            "string" if object.contains_key("format") => None,
            "string" => Some(Quick::Str {
                min_chars: object.get("minLength").map_or(Some(0), Value::as_u64)? as usize,
                id_prefix: match object.get("pattern") {
                    Some(p) => Some(id_prefix(p.as_str()?)?),
                    None => None,
                },
            }),
            "array" => Some(Quick::List(Box::new(Quick::of(
                object.get("items")?,
                record,
            )?))),
            _ => None,
        };
        match object.get("type")? {
            Value::Array(types) => types
                .iter()
                .map(of_type)
                .collect::<Option<_>>()
                .map(Quick::AnyOf),
            t => of_type(t),
        }
    }

    /// Whether the value is surely valid.
    fn accepts(&self, value: Option<&str>) -> bool {
        match (self, value) {
            (Quick::Null, None) => true,
            (
                Quick::Str {
                    min_chars,
                    id_prefix,
                },
                Some(v),
            ) => {
                let long_enough = match *min_chars {
                    0 => true,
                    1 => !v.is_empty(),
                    n => v.chars().count() >= n,
                };
                long_enough && id_prefix.as_ref().is_none_or(|p| hex_id(v, p).is_some())
            }
            (Quick::AnyOf(branches), v) => branches.iter().any(|b| b.accepts(v)),
            _ => false,
        }
    }

    /// Whether the integer value is surely valid.
    fn accepts_int(&self, value: Option<i64>) -> bool {
        match (self, value) {
            (Quick::Null, None) => true,
            (Quick::Int { min, max }, Some(v)) => (*min..=*max).contains(&v),
            (Quick::AnyOf(branches), v) => branches.iter().any(|b| b.accepts_int(v)),
            _ => false,
        }
    }

    /// Whether cell `i` is surely valid.
    fn accepts_cell(&self, cells: &JsonCells<'_>, i: usize) -> bool {
        match (self, cells) {
            (Quick::List(item), JsonCells::Lists(lists)) => lists
                .get(i)
                .is_some_and(|items| items.iter().all(|v| v.is_some() && item.accepts(*v))),
            (_, JsonCells::Strings(strings)) => self.accepts(strings.get(i)),
            (_, JsonCells::Integers(v)) => self.accepts_int(v.get(i).copied().flatten()),
            _ => false,
        }
    }
}

/// `art_` of the pattern `^art_[0-9a-f]{16}$`, which [`hex_id`] checks exactly.
fn id_prefix(pattern: &str) -> Option<String> {
    let prefix = pattern.strip_prefix('^')?.strip_suffix("[0-9a-f]{16}$")?;
    prefix
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'_')
        .then(|| prefix.to_string())
}

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
                    let property = record.get("properties")?.get(*name)?;
                    Some(ColumnCheck {
                        validator: Validator::from_schema(&property_schema(&record, name)?).ok()?,
                        quick: Quick::of(property, &record),
                    })
                });
        }
        let checks: Vec<Option<&ColumnCheck>> = usable
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
            .zip(&checks)
            .map(|((name, col, nullable), check)| match check {
                Some(check) => check.violations(name, col.as_ref(), *nullable, b.len()),
                None => Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value the shortcut passes, the validator passes too.
    #[test]
    fn the_shortcut_passes_only_valid_values() {
        let strings = [
            None,
            Some(""),
            Some("x"),
            Some("é"),
            Some("art_0123456789abcdef"),
            Some("clm_0123456789abcdef"),
            Some("src_0123456789abcdef"),
            Some("act_0123456789abcdeF"),
            Some("act_0123456789abcdef\n"),
            Some("direct"),
        ];
        let integers = [
            None,
            Some(0),
            Some(1),
            Some(-1),
            Some(i64::from(u32::MAX)),
            Some(i64::from(u32::MAX) + 1),
            Some(i64::MIN),
            Some(i64::MAX),
        ];
        let mut shortcuts = 0;
        for table in ["articles", "claims", "sources", "actors", "mentions"] {
            let record = record_schema(table).unwrap();
            for (name, property) in record["properties"].as_object().unwrap() {
                let Some(quick) = Quick::of(property, &record) else {
                    continue;
                };
                shortcuts += 1;
                let validator = Validator::from_schema(&property_schema(&record, name).unwrap());
                let validator = validator.unwrap();
                let json = |v: Option<&str>| v.map_or(Value::Null, Value::from);
                for v in integers {
                    if quick.accepts_int(v) {
                        let value = v.map_or(Value::Null, Value::from);
                        assert_eq!(
                            validator.check_value(&value),
                            vec![],
                            "{table}.{name} {v:?}"
                        );
                    }
                }
                for v in strings {
                    if quick.accepts(v) {
                        assert_eq!(
                            validator.check_value(&json(v)),
                            vec![],
                            "{table}.{name} {v:?}"
                        );
                    }
                    let list = Value::Array(vec![json(v)]);
                    if let Quick::List(item) = &quick
                        && v.is_some()
                        && item.accepts(v)
                    {
                        assert_eq!(validator.check_value(&list), vec![], "{table}.{name} {v:?}");
                    }
                }
            }
        }
        assert!(shortcuts >= 10, "only {shortcuts} columns have a shortcut");
    }

    #[test]
    fn offsets_and_counts_have_an_integer_shortcut() {
        let claims = record_schema("claims").unwrap();
        for name in ["start", "end", "paragraph", "sentence"] {
            let quick = Quick::of(&claims["properties"][name], &claims);
            let range = Quick::Int {
                min: 0,
                max: u32::MAX.into(),
            };
            assert_eq!(quick, Some(range), "{name}");
        }
        let articles = record_schema("articles").unwrap();
        // Dates and addresses have a string format: the validator checks them.
        assert_eq!(
            Quick::of(&articles["properties"]["published"], &articles),
            None
        );
        assert_eq!(Quick::of(&articles["properties"]["url"], &articles), None);
    }

    #[test]
    fn id_patterns_are_recognised_exactly() {
        assert_eq!(id_prefix("^art_[0-9a-f]{16}$").as_deref(), Some("art_"));
        assert_eq!(id_prefix("^art_[0-9a-f]{16}"), None);
        assert_eq!(id_prefix("^Art_[0-9a-f]{16}$"), None);
        assert_eq!(id_prefix("^a.t_[0-9a-f]{16}$"), None);
    }
}

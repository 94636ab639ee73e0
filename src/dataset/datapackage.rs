//! `datapackage.json`: the dataset described as a Frictionless Tabular Data Package.
//!
//! One resource per table file, with a Table Schema whose field types come from the
//! table's Arrow layout (`tables.rs`) and whose descriptions and constraints come from
//! the record's JSON Schema, plus the primary and foreign keys of DATA-MODEL.md. A
//! Frictionless user can check a dataset with their own tool (`frictionless validate
//! datapackage.json`). The descriptor is not a table, so the manifest does not list it.

use std::fs;
use std::path::Path;

use arrow_schema::{DataType, Field};
use serde_json::{Map, Value, json};

use super::tables::{TABLES, arrow_schema};
use super::{DatasetError, io_err};
use crate::model::schema::all_schemas;
use crate::model::{Manifest, SCHEMA_VERSION};

/// File name of the descriptor inside a dataset folder.
pub const FILE_NAME: &str = "datapackage.json";

/// Media type of a Parquet file (registered with IANA).
const PARQUET_MEDIATYPE: &str = "application/vnd.apache.parquet";

/// The primary-key column of each table; findings have none.
pub fn primary_key(table: &str) -> Option<&'static str> {
    match table {
        "articles" => Some("article_id"),
        "claims" => Some("claim_id"),
        "sources" => Some("source_id"),
        "actors" => Some("actor_id"),
        "mentions" => Some("mention_id"),
        _ => None,
    }
}

/// Foreign keys as `(table, column, referenced table)`; the referenced column is that
/// table's primary key. `claims.actor_ids` also references actors, but a Table Schema
/// foreign key cannot point from the items of a list, so its field description says so.
pub const FOREIGN_KEYS: &[(&str, &str, &str)] = &[
    ("articles", "source_id", "sources"),
    ("claims", "article_id", "articles"),
    ("claims", "source_id", "sources"),
    ("sources", "actor_id", "actors"),
    ("actors", "affiliation_id", "actors"),
    ("mentions", "article_id", "articles"),
    ("mentions", "actor_id", "actors"),
    ("findings", "article_id", "articles"),
];

/// Writes `datapackage.json` into the dataset folder `dir`, one resource per table the
/// manifest lists.
pub fn write(dir: &Path, manifest: &Manifest) -> Result<(), DatasetError> {
    let path = dir.join(FILE_NAME);
    let mut text = serde_json::to_string_pretty(&descriptor(manifest)).expect("JSON serialises");
    text.push('\n');
    fs::write(&path, text).map_err(io_err(&path))
}

/// The Data Package descriptor of a dataset with the manifest's tables.
pub fn descriptor(manifest: &Manifest) -> Value {
    let schemas = all_schemas();
    let resources: Vec<Value> = manifest
        .tables
        .iter()
        .filter_map(|entry| {
            let record = TABLES.iter().find(|(t, _)| *t == entry.name)?.1;
            let json_schema = schemas.iter().find(|(n, _)| *n == record).map(|(_, s)| s);
            // A table in part files is a multipart resource: a list of paths.
            let path = if entry.parts.is_empty() {
                json!(entry.path)
            } else {
                json!(entry.parts.iter().map(|p| &p.path).collect::<Vec<_>>())
            };
            Some(resource(&entry.name, path, json_schema))
        })
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": "claimset-dataset",
        "title": "claimset dataset",
        "description": "Claims, their sources and the actors they mention, extracted from news \
            articles. Offsets (start, end) count Unicode code points in articles.text, end \
            exclusive.",
        "claimset": {
            "schema_version": SCHEMA_VERSION,
            "converter_version": manifest.converter_version,
            "offsets": manifest.offsets,
        },
        "resources": resources,
    })
}

fn resource(table: &str, path: Value, json_schema: Option<&Value>) -> Value {
    let arrow = arrow_schema(table).expect("every listed table has a layout");
    let fields: Vec<Value> = arrow
        .fields()
        .iter()
        .map(|f| field(table, f, json_schema))
        .collect();
    let mut schema = Map::new();
    schema.insert("fields".into(), Value::Array(fields));
    if let Some(pk) = primary_key(table) {
        schema.insert("primaryKey".into(), json!([pk]));
    }
    let fks: Vec<Value> = FOREIGN_KEYS
        .iter()
        .filter(|(t, _, _)| *t == table)
        .map(|(_, column, target)| {
            // Data Package 1.0: an empty resource name references the table itself.
            let resource = if *target == table { "" } else { target };
            json!({
                "fields": [column],
                "reference": {
                    "resource": resource,
                    "fields": [primary_key(target).expect("referenced tables have a key")],
                },
            })
        })
        .collect();
    if !fks.is_empty() {
        schema.insert("foreignKeys".into(), Value::Array(fks));
    }
    let mut res = Map::new();
    res.insert("name".into(), json!(table));
    res.insert("path".into(), path);
    res.insert("profile".into(), json!("tabular-data-resource"));
    res.insert("format".into(), json!("parquet"));
    res.insert("mediatype".into(), json!(PARQUET_MEDIATYPE));
    if let Some(d) = json_schema.and_then(|s| s.get("description")) {
        res.insert("description".into(), d.clone());
    }
    res.insert("schema".into(), Value::Object(schema));
    Value::Object(res)
}

/// One Table Schema field: type from the Arrow layout, description and constraints from
/// the JSON Schema property of the same name.
fn field(table: &str, f: &Field, json_schema: Option<&Value>) -> Value {
    let prop = json_schema
        .and_then(|s| s.get("properties"))
        .and_then(|p| p.get(f.name()));
    let defs = json_schema.and_then(|s| s.get("$defs"));
    let resolved = prop.map(|p| resolve(p, defs)).unwrap_or_default();

    let mut constraints = Map::new();
    if !f.is_nullable() {
        constraints.insert("required".into(), json!(true));
    }
    let mut out = Map::new();
    out.insert("name".into(), json!(f.name()));
    let (kind, format) = match f.data_type() {
        DataType::UInt32 => {
            constraints.insert("minimum".into(), json!(0));
            constraints.insert("maximum".into(), json!(u32::MAX));
            ("integer", None)
        }
        DataType::Date32 => ("date", None),
        DataType::List(_) => ("array", None),
        DataType::Dictionary(_, _) => {
            if let Some(values) = resolved.get("enum") {
                constraints.insert("enum".into(), values.clone());
            }
            ("string", None)
        }
        _ => {
            for key in ["pattern", "minLength"] {
                if let Some(v) = resolved.get(key) {
                    constraints.insert(key.into(), v.clone());
                }
            }
            let format = (resolved.get("format") == Some(&json!("uri"))).then_some("uri");
            ("string", format)
        }
    };
    out.insert("type".into(), json!(kind));
    if let Some(format) = format {
        out.insert("format".into(), json!(format));
    }
    let mut description = prop
        .and_then(|p| p.get("description"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if table == "claims" && f.name() == "actor_ids" {
        description.push_str(" Each item is an actors.actor_id.");
    }
    if !description.is_empty() {
        out.insert("description".into(), json!(description));
    }
    if let Some(item) = resolved.get("items") {
        let mut item_constraints = Map::new();
        if let Some(p) = item.get("pattern") {
            item_constraints.insert("pattern".into(), p.clone());
        }
        let mut array_item = Map::new();
        array_item.insert("type".into(), json!("string"));
        if !item_constraints.is_empty() {
            array_item.insert("constraints".into(), Value::Object(item_constraints));
        }
        out.insert("arrayItem".into(), Value::Object(array_item));
    }
    if !constraints.is_empty() {
        out.insert("constraints".into(), Value::Object(constraints));
    }
    Value::Object(out)
}

/// The facts of a JSON Schema property the Table Schema can use: `pattern` (unanchored,
/// as Table Schema patterns match the whole value), `minLength`, `format`, `enum` (from
/// `oneOf` consts) and `items` (resolved likewise), looking through `$ref`s into `$defs`
/// and through `anyOf` with null.
fn resolve(prop: &Value, defs: Option<&Value>) -> Map<String, Value> {
    let mut out = Map::new();
    let mut stack = vec![prop];
    while let Some(p) = stack.pop() {
        if let Some(name) = p
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            && let Some(def) = defs.and_then(|d| d.get(name))
        {
            stack.push(def);
        }
        if let Some(any) = p.get("anyOf").and_then(Value::as_array) {
            stack.extend(any.iter());
        }
        if let Some(pattern) = p.get("pattern").and_then(Value::as_str) {
            let bare = pattern.strip_prefix('^').unwrap_or(pattern);
            let bare = bare.strip_suffix('$').unwrap_or(bare);
            out.insert("pattern".into(), json!(bare));
        }
        for key in ["minLength", "format"] {
            if let Some(v) = p.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        if let Some(one_of) = p.get("oneOf").and_then(Value::as_array) {
            let values: Vec<Value> = one_of
                .iter()
                .filter_map(|v| v.get("const"))
                .cloned()
                .collect();
            if !values.is_empty() {
                out.insert("enum".into(), Value::Array(values));
            }
        }
        if let Some(values) = p.get("enum") {
            out.insert("enum".into(), values.clone());
        }
        if let Some(items) = p.get("items") {
            out.insert("items".into(), Value::Object(resolve(items, defs)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TableEntry;

    fn manifest() -> Manifest {
        Manifest {
            schema_version: SCHEMA_VERSION.into(),
            converter_version: "0.0.0".into(),
            offsets: "unicode_codepoints".into(),
            tables: TABLES
                .iter()
                .map(|(t, _)| TableEntry {
                    name: t.to_string(),
                    path: format!("{t}.parquet"),
                    rows: 0,
                    sha256: None,
                    parts: Vec::new(),
                })
                .collect(),
            rejected: vec![],
            issues: vec![],
        }
    }

    fn schema_of<'a>(d: &'a Value, table: &str) -> &'a Value {
        let res = d["resources"].as_array().unwrap();
        &res.iter().find(|r| r["name"] == table).unwrap()["schema"]
    }

    fn field_of<'a>(d: &'a Value, table: &str, name: &str) -> &'a Value {
        let fields = schema_of(d, table)["fields"].as_array().unwrap();
        fields.iter().find(|f| f["name"] == name).unwrap()
    }

    #[test]
    fn every_table_is_a_resource_with_every_column_in_layout_order() {
        let d = descriptor(&manifest());
        let res = d["resources"].as_array().unwrap();
        assert_eq!(res.len(), TABLES.len());
        for (table, _) in TABLES {
            let names: Vec<&str> = schema_of(&d, table)["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["name"].as_str().unwrap())
                .collect();
            let arrow = arrow_schema(table).unwrap();
            let want: Vec<&str> = arrow.fields().iter().map(|f| f.name().as_str()).collect();
            assert_eq!(names, want, "{table}");
        }
    }

    #[test]
    fn arrow_types_map_to_table_schema_types() {
        let d = descriptor(&manifest());
        let start = field_of(&d, "claims", "start");
        assert_eq!(start["type"], "integer");
        assert_eq!(start["constraints"]["minimum"], 0);
        assert_eq!(start["constraints"]["required"], true);
        assert_eq!(field_of(&d, "articles", "published")["type"], "date");
        assert!(
            field_of(&d, "articles", "published")
                .get("constraints")
                .is_none()
        );
        assert_eq!(field_of(&d, "claims", "hedges")["type"], "array");
        assert_eq!(field_of(&d, "articles", "url")["format"], "uri");
        let kind = field_of(&d, "claims", "kind");
        assert_eq!(kind["type"], "string");
        assert_eq!(
            kind["constraints"]["enum"],
            json!(["direct", "indirect", "mixed", "assertion"])
        );
        assert_eq!(
            field_of(&d, "claims", "claim_id")["constraints"]["pattern"],
            "clm_[0-9a-f]{16}"
        );
        assert_eq!(
            field_of(&d, "claims", "source_id")["constraints"]["pattern"],
            "src_[0-9a-f]{16}"
        );
        assert_eq!(
            field_of(&d, "claims", "actor_ids")["arrayItem"]["constraints"]["pattern"],
            "act_[0-9a-f]{16}"
        );
        assert_eq!(
            field_of(&d, "findings", "start")["constraints"],
            json!({"minimum": 0, "maximum": u32::MAX})
        );
    }

    #[test]
    fn keys_reference_existing_fields() {
        let d = descriptor(&manifest());
        for (table, _) in TABLES {
            let schema = schema_of(&d, table);
            let has = |t: &str, name: &str| {
                schema_of(&d, t)["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["name"] == name)
            };
            for pk in schema["primaryKey"].as_array().into_iter().flatten() {
                assert!(has(table, pk.as_str().unwrap()), "{table}");
            }
            for fk in schema["foreignKeys"].as_array().into_iter().flatten() {
                let target = match fk["reference"]["resource"].as_str().unwrap() {
                    "" => table,
                    other => other,
                };
                assert!(has(table, fk["fields"][0].as_str().unwrap()), "{table}");
                assert!(has(target, fk["reference"]["fields"][0].as_str().unwrap()));
            }
        }
        assert!(schema_of(&d, "findings").get("primaryKey").is_none());
        let self_ref = &schema_of(&d, "actors")["foreignKeys"][0];
        assert_eq!(self_ref["fields"], json!(["affiliation_id"]));
        assert_eq!(self_ref["reference"]["resource"], "");
    }

    #[test]
    fn resources_follow_the_manifest_paths() {
        let mut m = manifest();
        m.tables[1].path = "claims".into();
        m.tables[1].parts = ["claims/part-0001.parquet", "claims/part-0002.parquet"]
            .iter()
            .map(|p| crate::model::TablePart {
                path: p.to_string(),
                rows: 0,
                sha256: "0".repeat(64),
            })
            .collect();
        let d = descriptor(&m);
        assert_eq!(
            d["resources"][1]["path"],
            serde_json::json!(["claims/part-0001.parquet", "claims/part-0002.parquet"])
        );
        assert_eq!(d["resources"][0]["path"], "articles.parquet");
        assert_eq!(d["resources"][1]["format"], "parquet");
    }
}

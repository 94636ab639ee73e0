//! Mini-datasets for the checker tests, written as readable YAML and turned into Parquet.
//!
//! A fixture lists records per table. Fields left out get the value `claimset convert`
//! would give (IDs derived from content, spans found by searching the article text), so a
//! fixture only spells out what matters; a field written out is stored as written, which
//! is how faults are planted. Keys that are not columns help write records:
//!
//! | table    | key           | meaning |
//! |----------|---------------|---------|
//! | articles | `ref`         | name other records use for the article (`article: a`) |
//! | articles | `outlet`      | name of the source that is the outlet (`source_id`) |
//! | sources  | `actor`       | name of the actor behind it (`actor_id`) |
//! | actors   | `affiliation` | name of the actor it belongs to (`affiliation_id`) |
//! | claims   | `article`     | ref of its article (default: the first article) |
//! | claims   | `source`      | name of its source (`source_id`) |
//! | claims   | `actors`      | names of the actors it mentions (`actor_ids`) |
//! | claims, mentions | `occurrence` | which occurrence of `text` in the article (default 1) |
//! | mentions | `actor`       | name of the actor mentioned (`actor_id`) |
//! | any      | `expect`      | the findings this record must get: a code, or a list of codes and `{rule, at}` (`at`: text of the article the finding points at) |
//! | any      | `note`        | a comment |
//!
//! At the top level, `expect` lists findings about whole tables (`{rule, table}`), and
//! `layout` changes how tables are stored: `omit: true` (no file), `drop: [columns]`,
//! `retype: {column: int64 | int32 | string | float64 | large_string | null}`, `parts: N`
//! (a folder of N part files), `corrupt: true` (not Parquet at all).
//!
//! A top-level `manifest` writes `dataset.json` for the tables as built (paths, row
//! counts, SHA-256 of every file), then changes it: `rows: {table: N}` (another row
//! count), `stale: [tables]` (another SHA-256), `unlisted: [tables]` (left out),
//! `listed: [tables]` (listed without a file), `text: "..."` (this text instead).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, Date32Array, Float64Array, Int32Array, Int64Array, LargeStringArray, NullArray,
    RecordBatch, StringArray, UInt32Array,
};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use claimset::dataset::{METADATA_KEY, TABLES, arrow_schema, table_metadata};
use claimset::model::{
    ActorId, ActorKind, ArticleId, ClaimId, MentionId, SourceId, SourceKind, sha256_hex,
};
use parquet::arrow::ArrowWriter;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use serde_json::{Map, Value, json};

/// A finding a fixture expects: rule, table, record and span.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    /// Rule code.
    pub rule: String,
    /// Table of the record.
    pub table: String,
    /// Primary key of the record, if the finding is about one.
    pub record_id: Option<String>,
    /// Span in the article text, if the finding points at one.
    pub span: Option<(u32, u32)>,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.rule,
            self.table,
            self.record_id.as_deref().unwrap_or("-")
        )?;
        if let Some((s, e)) = self.span {
            write!(f, " {s}..{e}")?;
        }
        Ok(())
    }
}

/// A fixture written to disk.
pub struct Built {
    /// The dataset folder.
    pub dir: PathBuf,
    /// The findings marked in the fixture, sorted.
    pub expected: Vec<Expected>,
}

const FIXTURE_KEYS: &[&str] = &[
    "ref",
    "outlet",
    "actor",
    "affiliation",
    "article",
    "source",
    "actors",
    "occurrence",
    "expect",
    "note",
];

fn s(v: &Value) -> Option<&str> {
    v.as_str()
}

/// Code-point offset of the `n`-th (1-based) occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, n: usize) -> Option<u32> {
    let (b, _) = text.match_indices(needle).nth(n.saturating_sub(1))?;
    Some(text[..b].chars().count() as u32)
}

struct Records {
    tables: BTreeMap<String, Vec<Map<String, Value>>>,
}

impl Records {
    fn rows(&mut self, table: &str) -> &mut Vec<Map<String, Value>> {
        self.tables.entry(table.to_string()).or_default()
    }

    fn id_by_name(&self, table: &str, key: &str, name: &str) -> String {
        let found: Vec<&Map<String, Value>> = self.tables[table]
            .iter()
            .filter(|r| r.get("name").and_then(s) == Some(name))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{table}: one record named {name:?} expected"
        );
        found[0][key].as_str().unwrap().to_string()
    }
}

/// Builds the fixture at `yaml` (relative to tests/fixtures/check) into `out`.
pub fn build(yaml: &str, out: &Path) -> Built {
    build_with(yaml, out, "{}")
}

/// Builds a fixture with its `layout` changed: `layout` is YAML mapping tables to their
/// layout, replacing the fixture's for those tables.
pub fn build_with(yaml: &str, out: &Path, layout: &str) -> Built {
    let path = crate::fixture(&format!("check/{yaml}"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut doc: Value =
        serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let layout: Value = serde_norway::from_str(layout).expect("layout is YAML");
    for (table, l) in layout.as_object().into_iter().flatten() {
        if !doc["layout"].is_object() {
            doc["layout"] = json!({});
        }
        doc["layout"][table] = l.clone();
    }
    let stem = Path::new(yaml).file_stem().unwrap().to_string_lossy();
    let mut recs = Records {
        tables: BTreeMap::new(),
    };
    for (table, _) in TABLES {
        let rows = doc[*table].as_array().cloned().unwrap_or_default();
        *recs.rows(table) = rows
            .into_iter()
            .map(|r| r.as_object().cloned().expect("records are mappings"))
            .collect();
    }
    complete(&mut recs, &stem);
    let expected = expectations(&doc, &recs);
    fs::create_dir_all(out).unwrap();
    for (table, _) in TABLES {
        if *table == "findings" {
            continue;
        }
        let layout = &doc["layout"][*table];
        if layout["omit"].as_bool() == Some(true) {
            continue;
        }
        write(out, table, &recs.tables[*table], layout);
    }
    if doc["manifest"].is_object() {
        write_manifest(out, &doc["manifest"]);
    }
    Built {
        dir: out.to_path_buf(),
        expected,
    }
}

/// Fills in what convert would write and resolves the helper keys.
fn complete(recs: &mut Records, stem: &str) {
    for r in recs.rows("actors") {
        let name = r["name"].as_str().unwrap_or_default().to_string();
        let kind = r["kind"].as_str().and_then(ActorKind::parse);
        if !r.contains_key("actor_id") {
            let kind = kind.expect("actors need a valid kind to derive their ID");
            r.insert("actor_id".into(), json!(ActorId::derive(kind, &name)));
        }
        r.entry("aliases").or_insert(json!([]));
        r.entry("description").or_insert(Value::Null);
    }
    let affiliations: Vec<Option<String>> = recs.tables["actors"]
        .iter()
        .map(|r| r.get("affiliation").and_then(s).map(str::to_string))
        .collect();
    for (i, a) in affiliations.into_iter().enumerate() {
        let id = a.map(|name| json!(recs.id_by_name("actors", "actor_id", &name)));
        recs.rows("actors")[i]
            .entry("affiliation_id")
            .or_insert(id.unwrap_or(Value::Null));
    }

    let actor_of: Vec<Option<String>> = recs.tables["sources"]
        .iter()
        .map(|r| r.get("actor").and_then(s).map(str::to_string))
        .collect();
    let actor_ids: Vec<Value> = actor_of
        .iter()
        .map(|a| {
            a.as_ref().map_or(Value::Null, |n| {
                json!(recs.id_by_name("actors", "actor_id", n))
            })
        })
        .collect();
    for (r, actor) in recs.rows("sources").iter_mut().zip(actor_ids) {
        let name = r["name"].as_str().unwrap_or_default().to_string();
        if !r.contains_key("source_id") {
            let kind = r["kind"]
                .as_str()
                .and_then(SourceKind::parse)
                .expect("sources need a valid kind to derive their ID");
            r.insert("source_id".into(), json!(SourceId::derive(kind, &name)));
        }
        r.entry("actor_id").or_insert(actor);
        r.entry("description").or_insert(Value::Null);
    }

    let outlets: Vec<Value> = recs.tables["articles"]
        .iter()
        .map(|r| {
            r.get("outlet").and_then(s).map_or(Value::Null, |n| {
                json!(recs.id_by_name("sources", "source_id", n))
            })
        })
        .collect();
    for (i, (r, outlet)) in recs.rows("articles").iter_mut().zip(outlets).enumerate() {
        let title = r
            .get("title")
            .and_then(s)
            .unwrap_or("Fixture article")
            .to_string();
        let text = r["text"].as_str().unwrap_or_default().to_string();
        let reference = r
            .get("ref")
            .and_then(s)
            .map_or_else(|| format!("a{}", i + 1), str::to_string);
        r.insert("ref".into(), json!(reference));
        r.entry("title").or_insert(json!(title));
        r.entry("origin")
            .or_insert(json!(format!("{stem}/{reference}.txt")));
        r.entry("source_id").or_insert(outlet);
        r.entry("url").or_insert(Value::Null);
        r.entry("published").or_insert(Value::Null);
        r.entry("language").or_insert(json!("en"));
        r.entry("related_headlines").or_insert(json!([]));
        r.entry("word_count")
            .or_insert(json!(text.split_whitespace().count()));
        let sha = sha256_hex(format!("{title}\n\n{text}").as_bytes());
        r.entry("raw_sha256").or_insert(json!(sha));
        let sha = r["raw_sha256"].as_str().unwrap().to_string();
        r.entry("article_id")
            .or_insert(json!(ArticleId::from_raw_sha256(&sha)));
    }

    let articles: Vec<(String, String, String)> = recs.tables["articles"]
        .iter()
        .map(|r| {
            (
                r["ref"].as_str().unwrap().to_string(),
                r["article_id"].as_str().unwrap_or_default().to_string(),
                r["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let article = |r: &Map<String, Value>| -> (String, String) {
        let wanted = r.get("article").and_then(s);
        let a = match wanted {
            Some(w) => articles
                .iter()
                .find(|(reference, _, _)| reference == w)
                .unwrap_or_else(|| panic!("no article with ref {w:?}")),
            None => &articles[0],
        };
        (a.1.clone(), a.2.clone())
    };
    let span = |r: &mut Map<String, Value>, text: &str| {
        if !r.contains_key("start") {
            let needle = r["text"].as_str().expect("spans need a text").to_string();
            let n = r.get("occurrence").and_then(Value::as_u64).unwrap_or(1) as usize;
            let start = find(text, &needle, n)
                .unwrap_or_else(|| panic!("{needle:?} is not in the article text"));
            r.insert("start".into(), json!(start));
            r.insert("end".into(), json!(start + needle.chars().count() as u32));
        }
    };

    let mut claims = std::mem::take(recs.rows("claims"));
    for r in &mut claims {
        let (article_id, text) = article(r);
        r.entry("article_id").or_insert(json!(article_id));
        span(r, &text);
        let start = r["start"].as_u64().unwrap_or(0) as usize;
        let before: String = text.chars().take(start).collect();
        r.entry("paragraph")
            .or_insert(json!(before.matches("\n\n").count()));
        r.entry("sentence").or_insert(json!(0));
        r.entry("kind").or_insert(json!("assertion"));
        let source = r.get("source").and_then(s).map_or(Value::Null, |n| {
            json!(recs.id_by_name("sources", "source_id", n))
        });
        r.entry("source_id").or_insert(source);
        r.entry("cue").or_insert(Value::Null);
        r.entry("hedges").or_insert(json!([]));
        let actors: Vec<Value> = r
            .get("actors")
            .and_then(Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .map(|n| json!(recs.id_by_name("actors", "actor_id", n.as_str().unwrap())))
                    .collect()
            })
            .unwrap_or_default();
        r.entry("actor_ids").or_insert(json!(actors));
        if !r.contains_key("claim_id") {
            let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
            let art = ArticleId::from_stored(r["article_id"].as_str().unwrap());
            let id = ClaimId::derive(&art, start as u32, end as u32);
            r.insert("claim_id".into(), json!(id));
        }
    }
    *recs.rows("claims") = claims;

    let mut mentions = std::mem::take(recs.rows("mentions"));
    for r in &mut mentions {
        let (article_id, text) = article(r);
        r.entry("article_id").or_insert(json!(article_id));
        span(r, &text);
        let actor = r.get("actor").and_then(s).map_or(Value::Null, |n| {
            json!(recs.id_by_name("actors", "actor_id", n))
        });
        r.entry("actor_id").or_insert(actor);
        if !r.contains_key("mention_id") {
            let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
            let id = MentionId::derive(
                &ArticleId::from_stored(r["article_id"].as_str().unwrap()),
                &ActorId::from_stored(r["actor_id"].as_str().unwrap()),
                start as u32,
                end as u32,
            );
            r.insert("mention_id".into(), json!(id));
        }
    }
    *recs.rows("mentions") = mentions;
}

/// The findings the fixture marks.
fn expectations(doc: &Value, recs: &Records) -> Vec<Expected> {
    let mut out = Vec::new();
    for e in doc["expect"].as_array().into_iter().flatten() {
        out.push(Expected {
            rule: e["rule"].as_str().unwrap().to_string(),
            table: e["table"].as_str().unwrap().to_string(),
            record_id: None,
            span: None,
        });
    }
    let text_of = |article_id: &str| -> Option<String> {
        recs.tables["articles"]
            .iter()
            .find(|a| a["article_id"].as_str() == Some(article_id))
            .and_then(|a| a["text"].as_str())
            .map(str::to_string)
    };
    for (table, _) in TABLES {
        let pk = match *table {
            "articles" => "article_id",
            "claims" => "claim_id",
            "sources" => "source_id",
            "actors" => "actor_id",
            "mentions" => "mention_id",
            _ => continue,
        };
        for r in &recs.tables[*table] {
            let marks = match &r.get("expect") {
                None => continue,
                Some(Value::Array(list)) => list.clone(),
                Some(one) => vec![(*one).clone()],
            };
            let article = r.get("article_id").and_then(s).and_then(text_of);
            let own_span = match (r.get("start"), r.get("end"), &article) {
                (Some(st), Some(en), Some(text)) if *table != "articles" => {
                    let (st, en) = (st.as_u64().unwrap() as u32, en.as_u64().unwrap() as u32);
                    (st < en && en as usize <= text.chars().count()).then_some((st, en))
                }
                _ => None,
            };
            for m in marks {
                let (rule, span) = match &m {
                    Value::String(code) => (code.clone(), own_span),
                    Value::Object(o) => {
                        let at = o["at"].as_str().unwrap();
                        let text = article.as_ref().expect("`at` needs an article text");
                        let n = o.get("occurrence").and_then(Value::as_u64).unwrap_or(1);
                        let start = find(text, at, n as usize)
                            .unwrap_or_else(|| panic!("{at:?} is not in the article text"));
                        let end = start + at.chars().count() as u32;
                        (o["rule"].as_str().unwrap().to_string(), Some((start, end)))
                    }
                    other => panic!("bad expect mark {other}"),
                };
                out.push(Expected {
                    rule,
                    table: table.to_string(),
                    record_id: r.get(pk).and_then(s).map(str::to_string),
                    span,
                });
            }
        }
    }
    out.sort();
    out
}

/// An Arrow array of `values` with the given type.
fn array(values: &[Value], dt: &DataType) -> ArrayRef {
    let text = |v: &Value| match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    };
    match dt {
        DataType::Utf8 => Arc::new(values.iter().map(text).collect::<StringArray>()),
        DataType::LargeUtf8 => Arc::new(values.iter().map(text).collect::<LargeStringArray>()),
        DataType::Dictionary(_, _) => {
            let mut b = StringDictionaryBuilder::<Int32Type>::new();
            for v in values {
                match text(v) {
                    Some(t) => b.append_value(t),
                    None => b.append_null(),
                }
            }
            Arc::new(b.finish())
        }
        DataType::UInt32 => Arc::new(
            values
                .iter()
                .map(|v| v.as_u64().map(|x| x as u32))
                .collect::<UInt32Array>(),
        ),
        DataType::Int64 => Arc::new(values.iter().map(Value::as_i64).collect::<Int64Array>()),
        DataType::Int32 => Arc::new(
            values
                .iter()
                .map(|v| v.as_i64().map(|x| x as i32))
                .collect::<Int32Array>(),
        ),
        DataType::Null => Arc::new(NullArray::new(values.len())),
        DataType::Float64 => Arc::new(values.iter().map(Value::as_f64).collect::<Float64Array>()),
        DataType::Date32 => {
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
            Arc::new(
                values
                    .iter()
                    .map(|v| {
                        v.as_str().map(|d| {
                            let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("YYYY-MM-DD");
                            (d - epoch).num_days() as i32
                        })
                    })
                    .collect::<Date32Array>(),
            )
        }
        DataType::List(item) => {
            let mut b = ListBuilder::new(StringBuilder::new()).with_field(item.clone());
            for v in values {
                match v.as_array() {
                    Some(items) => {
                        for i in items {
                            match i.as_str() {
                                Some(t) => b.values().append_value(t),
                                None => b.values().append_null(),
                            }
                        }
                        b.append(true);
                    }
                    None => b.append(false),
                }
            }
            Arc::new(b.finish())
        }
        other => panic!("no fixture arrays of type {other}"),
    }
}

fn retyped(name: &str) -> DataType {
    match name {
        "int64" => DataType::Int64,
        "string" => DataType::Utf8,
        "large_string" => DataType::LargeUtf8,
        "float64" => DataType::Float64,
        "int32" => DataType::Int32,
        "null" => DataType::Null,
        other => panic!("no fixture type {other}"),
    }
}

/// Writes one table as the layout says.
fn write(out: &Path, table: &str, rows: &[Map<String, Value>], layout: &Value) {
    let record = TABLES.iter().find(|(t, _)| *t == table).unwrap().1;
    let contract = arrow_schema(table).unwrap();
    let drop: Vec<&str> = layout["drop"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let parts = layout["parts"].as_u64().unwrap_or(1).max(1) as usize;
    let chunk = rows.len().div_ceil(parts).max(1);
    let files: Vec<PathBuf> = if parts > 1 {
        fs::create_dir_all(out.join(table)).unwrap();
        (1..=parts)
            .map(|n| out.join(table).join(format!("part-{n:04}.parquet")))
            .collect()
    } else {
        vec![out.join(format!("{table}.parquet"))]
    };
    if layout["corrupt"].as_bool() == Some(true) {
        fs::write(&files[0], b"PAR1 this is not a Parquet file PAR1").unwrap();
        return;
    }
    for (n, path) in files.iter().enumerate() {
        let slice: Vec<&Map<String, Value>> = rows.iter().skip(n * chunk).take(chunk).collect();
        let mut fields = Vec::new();
        let mut columns = Vec::new();
        for f in contract.fields() {
            if drop.contains(&f.name().as_str()) {
                continue;
            }
            let dt = layout["retype"][f.name()]
                .as_str()
                .map_or_else(|| f.data_type().clone(), retyped);
            let values: Vec<Value> = slice
                .iter()
                .map(|r| r.get(f.name()).cloned().unwrap_or(Value::Null))
                .collect();
            let nullable = f.is_nullable() || values.iter().any(Value::is_null);
            fields.push(Field::new(f.name(), dt.clone(), nullable));
            columns.push(array(&values, &dt));
        }
        for r in &slice {
            for k in r.keys() {
                let known =
                    contract.field_with_name(k).is_ok() || FIXTURE_KEYS.contains(&k.as_str());
                assert!(known, "{table}: unknown key {k:?}");
            }
        }
        let schema = Arc::new(Schema::new(fields));
        let batch = RecordBatch::try_new(schema.clone(), columns).unwrap();
        let props = WriterProperties::builder()
            .set_key_value_metadata(Some(vec![KeyValue::new(
                METADATA_KEY.to_string(),
                table_metadata(record),
            )]))
            .build();
        let file = fs::File::create(path).unwrap();
        let mut w = ArrowWriter::try_new(file, schema, Some(props)).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
    }
}

/// Writes `dataset.json` for the tables in `out`, changed as `spec` says (see the module
/// docs).
fn write_manifest(out: &Path, spec: &Value) {
    let path = out.join("dataset.json");
    if let Some(text) = spec["text"].as_str() {
        fs::write(&path, text).unwrap();
        return;
    }
    let names = |key: &str| -> Vec<String> {
        spec[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let (stale, unlisted, listed) = (names("stale"), names("unlisted"), names("listed"));
    let hash = |p: &Path| sha256_hex(&fs::read(p).unwrap());
    // A corrupt table (layout `corrupt`) has no rows to count.
    let rows_of = |p: &Path| -> u64 {
        let f = fs::File::open(p).unwrap();
        parquet::file::reader::SerializedFileReader::new(f).map_or(0, |r| {
            parquet::file::reader::FileReader::metadata(&r)
                .file_metadata()
                .num_rows() as u64
        })
    };
    let mut tables = Vec::new();
    for (table, _) in TABLES {
        if unlisted.iter().any(|t| t == table) {
            continue;
        }
        let (single, folder) = (out.join(format!("{table}.parquet")), out.join(table));
        let mut entry = if single.is_file() {
            json!({"name": table, "path": format!("{table}.parquet"), "rows": rows_of(&single), "sha256": hash(&single)})
        } else if folder.is_dir() {
            let mut files: Vec<PathBuf> = fs::read_dir(&folder)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            files.sort();
            let parts: Vec<Value> = files
                .iter()
                .map(|f| {
                    let name = f.file_name().unwrap().to_string_lossy();
                    json!({"path": format!("{table}/{name}"), "rows": rows_of(f), "sha256": hash(f)})
                })
                .collect();
            let rows: u64 = parts.iter().map(|p| p["rows"].as_u64().unwrap()).sum();
            json!({"name": table, "path": table, "rows": rows, "parts": parts})
        } else if listed.iter().any(|t| t == table) {
            json!({"name": table, "path": format!("{table}.parquet"), "rows": 0, "sha256": "0".repeat(64)})
        } else {
            continue;
        };
        if let Some(n) = spec["rows"][*table].as_u64() {
            entry["rows"] = json!(n);
        }
        if stale.iter().any(|t| t == table) {
            entry["sha256"] = json!("f".repeat(64));
        }
        tables.push(entry);
    }
    let manifest = json!({
        "schema_version": claimset::model::SCHEMA_VERSION,
        "converter_version": "0.1.0",
        "offsets": "unicode_codepoints",
        "tables": tables,
        "rejected": [],
        "issues": [],
    });
    fs::write(&path, serde_json::to_string_pretty(&manifest).unwrap()).unwrap();
}

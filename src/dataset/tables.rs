//! Arrow layouts of the tables (the contract of DATA-MODEL.md) and record → batch conversion.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, Date32Array, RecordBatch, StringArray, UInt32Array};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;

use crate::model::{Actor, Article, Claim, Finding, Mention, Source};

/// The tables of a dataset, in manifest order: `(table name, record name)`.
pub const TABLES: &[(&str, &str)] = &[
    ("articles", "article"),
    ("claims", "claim"),
    ("sources", "source"),
    ("actors", "actor"),
    ("mentions", "mention"),
    ("findings", "finding"),
];

fn string(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn uint32(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::UInt32, nullable)
}

fn list_item() -> Arc<Field> {
    Arc::new(Field::new("element", DataType::Utf8, true))
}

fn string_list(name: &str) -> Field {
    Field::new(name, DataType::List(list_item()), false)
}

fn enumeration(name: &str) -> Field {
    Field::new(
        name,
        DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)),
        false,
    )
}

/// The Arrow schema of a table, by table name.
pub fn arrow_schema(table: &str) -> Option<SchemaRef> {
    let fields = match table {
        "articles" => vec![
            string("article_id", false),
            string("title", false),
            string("text", false),
            string("origin", false),
            string("source_id", true),
            string("url", true),
            Field::new("published", DataType::Date32, true),
            string("language", false),
            string_list("related_headlines"),
            uint32("word_count", false),
            string("raw_sha256", false),
        ],
        "claims" => vec![
            string("claim_id", false),
            string("article_id", false),
            string("text", false),
            uint32("start", false),
            uint32("end", false),
            uint32("paragraph", false),
            uint32("sentence", false),
            enumeration("kind"),
            string("source_id", true),
            string("cue", true),
            string_list("hedges"),
            string_list("actor_ids"),
        ],
        "sources" => vec![
            string("source_id", false),
            string("name", false),
            enumeration("kind"),
            string("actor_id", true),
            string("description", true),
        ],
        "actors" => vec![
            string("actor_id", false),
            string("name", false),
            enumeration("kind"),
            string_list("aliases"),
            string("description", true),
            string("affiliation_id", true),
        ],
        "mentions" => vec![
            string("mention_id", false),
            string("article_id", false),
            string("actor_id", false),
            uint32("start", false),
            uint32("end", false),
            string("text", false),
        ],
        "findings" => vec![
            string("rule", false),
            enumeration("severity"),
            string("table", false),
            string("record_id", true),
            string("article_id", true),
            uint32("start", true),
            uint32("end", true),
            string("message", false),
        ],
        _ => return None,
    };
    Some(Arc::new(Schema::new(fields)))
}

fn strs<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(values.map(Some).collect::<StringArray>())
}

fn opt_strs<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

fn u32s(values: impl Iterator<Item = u32>) -> ArrayRef {
    Arc::new(values.map(Some).collect::<UInt32Array>())
}

fn opt_u32s(values: impl Iterator<Item = Option<u32>>) -> ArrayRef {
    Arc::new(values.collect::<UInt32Array>())
}

fn dict<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    let mut b = StringDictionaryBuilder::<Int32Type>::new();
    for v in values {
        b.append_value(v);
    }
    Arc::new(b.finish())
}

fn lists<'a, I, S>(values: impl Iterator<Item = I>) -> ArrayRef
where
    I: IntoIterator<Item = &'a S>,
    S: AsRef<str> + 'a + ?Sized,
{
    let mut b = ListBuilder::new(StringBuilder::new()).with_field(list_item());
    for list in values {
        for item in list {
            b.values().append_value(item.as_ref());
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

fn dates(values: impl Iterator<Item = Option<NaiveDate>>) -> ArrayRef {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    Arc::new(
        values
            .map(|d| d.map(|d| (d - epoch).num_days() as i32))
            .collect::<Date32Array>(),
    )
}

fn batch(table: &str, columns: Vec<ArrayRef>) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(arrow_schema(table).expect("known table"), columns)
}

/// Records that make up one table.
pub trait TableRows {
    /// The table name.
    const TABLE: &'static str;
    /// The rows as one Arrow record batch with the table's schema.
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError>
    where
        Self: Sized;
}

impl TableRows for Article {
    const TABLE: &'static str = "articles";
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError> {
        let r = || rows.iter();
        batch(
            Self::TABLE,
            vec![
                strs(r().map(|a| a.article_id.as_str())),
                strs(r().map(|a| a.title.as_str())),
                strs(r().map(|a| a.text.as_str())),
                strs(r().map(|a| a.origin.as_str())),
                opt_strs(r().map(|a| a.source_id.as_ref().map(|s| s.as_str()))),
                opt_strs(r().map(|a| a.url.as_deref())),
                dates(r().map(|a| a.published)),
                strs(r().map(|a| a.language.as_str())),
                lists(r().map(|a| &a.related_headlines)),
                u32s(r().map(|a| a.word_count)),
                strs(r().map(|a| a.raw_sha256.as_str())),
            ],
        )
    }
}

impl TableRows for Claim {
    const TABLE: &'static str = "claims";
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError> {
        let r = || rows.iter();
        batch(
            Self::TABLE,
            vec![
                strs(r().map(|c| c.claim_id.as_str())),
                strs(r().map(|c| c.article_id.as_str())),
                strs(r().map(|c| c.text.as_str())),
                u32s(r().map(|c| c.start)),
                u32s(r().map(|c| c.end)),
                u32s(r().map(|c| c.paragraph)),
                u32s(r().map(|c| c.sentence)),
                dict(r().map(|c| c.kind.as_str())),
                opt_strs(r().map(|c| c.source_id.as_ref().map(|s| s.as_str()))),
                opt_strs(r().map(|c| c.cue.as_deref())),
                lists(r().map(|c| &c.hedges)),
                lists(r().map(|c| c.actor_ids.iter().map(|a| a.as_str()))),
            ],
        )
    }
}

impl TableRows for Source {
    const TABLE: &'static str = "sources";
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError> {
        let r = || rows.iter();
        batch(
            Self::TABLE,
            vec![
                strs(r().map(|s| s.source_id.as_str())),
                strs(r().map(|s| s.name.as_str())),
                dict(r().map(|s| s.kind.as_str())),
                opt_strs(r().map(|s| s.actor_id.as_ref().map(|a| a.as_str()))),
                opt_strs(r().map(|s| s.description.as_deref())),
            ],
        )
    }
}

impl TableRows for Actor {
    const TABLE: &'static str = "actors";
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError> {
        let r = || rows.iter();
        batch(
            Self::TABLE,
            vec![
                strs(r().map(|a| a.actor_id.as_str())),
                strs(r().map(|a| a.name.as_str())),
                dict(r().map(|a| a.kind.as_str())),
                lists(r().map(|a| &a.aliases)),
                opt_strs(r().map(|a| a.description.as_deref())),
                opt_strs(r().map(|a| a.affiliation_id.as_ref().map(|x| x.as_str()))),
            ],
        )
    }
}

impl TableRows for Mention {
    const TABLE: &'static str = "mentions";
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError> {
        let r = || rows.iter();
        batch(
            Self::TABLE,
            vec![
                strs(r().map(|m| m.mention_id.as_str())),
                strs(r().map(|m| m.article_id.as_str())),
                strs(r().map(|m| m.actor_id.as_str())),
                u32s(r().map(|m| m.start)),
                u32s(r().map(|m| m.end)),
                strs(r().map(|m| m.text.as_str())),
            ],
        )
    }
}

impl TableRows for Finding {
    const TABLE: &'static str = "findings";
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError> {
        let r = || rows.iter();
        batch(
            Self::TABLE,
            vec![
                strs(r().map(|f| f.rule.as_str())),
                dict(r().map(|f| f.severity.as_str())),
                strs(r().map(|f| f.table.as_str())),
                opt_strs(r().map(|f| f.record_id.as_deref())),
                opt_strs(r().map(|f| f.article_id.as_ref().map(|a| a.as_str()))),
                opt_u32s(r().map(|f| f.start)),
                opt_u32s(r().map(|f| f.end)),
                strs(r().map(|f| f.message.as_str())),
            ],
        )
    }
}

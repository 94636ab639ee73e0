//! Arrow layouts of the tables (the contract of DATA-MODEL.md), record → batch conversion
//! for writing, and batch → record conversion for reading back.
//!
//! Reading is exact: records read from a batch and written again give the same batch.
//! It checks every column it uses (present, of the contract type, no nulls where the
//! contract has none, enumerations within their closed set) and reports the first
//! problem as `column `name`, row N: ...`; it never panics on a batch it is given.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int32Type, UInt32Type};
use arrow_array::{Array, ArrayRef, Date32Array, RecordBatch, UInt32Array};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;

use crate::model::{
    Actor, ActorId, ActorKind, Article, ArticleId, Claim, ClaimId, ClaimKind, Finding, Mention,
    MentionId, Severity, Source, SourceId, SourceKind,
};

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

/// A string column, its buffers sized before they are filled: an article's text is
/// kilobytes, and growing the buffer as it goes copies it again and again.
fn strs<'a>(values: impl Iterator<Item = &'a str> + Clone) -> ArrayRef {
    opt_strs(values.map(Some))
}

fn opt_strs<'a>(values: impl Iterator<Item = Option<&'a str>> + Clone) -> ArrayRef {
    let (n, bytes) = values
        .clone()
        .fold((0, 0), |(n, b), v| (n + 1, b + v.map_or(0, str::len)));
    let mut b = StringBuilder::with_capacity(n, bytes);
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
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
pub trait TableRows: Sized {
    /// The table name.
    const TABLE: &'static str;
    /// The record name stored in the table's metadata.
    const RECORD: &'static str;
    /// The rows as one Arrow record batch with the table's schema.
    fn to_batch(rows: &[Self]) -> Result<RecordBatch, ArrowError>;
    /// The records of one batch read back; `first_row` (the batch's first row in the
    /// table) only numbers rows in messages.
    fn from_batch(batch: &RecordBatch, first_row: usize) -> Result<Vec<Self>, String>;
    /// Bytes of text the row holds, roughly: writers cut batches by it, so that a table
    /// of long rows is not buffered whole.
    fn weight(&self) -> usize {
        0
    }
}

/// Typed access to the columns of one batch read back, with messages naming the column
/// and the row.
struct Columns<'a> {
    batch: &'a RecordBatch,
    first_row: usize,
}

impl<'a> Columns<'a> {
    fn new(batch: &'a RecordBatch, first_row: usize) -> Self {
        Self { batch, first_row }
    }

    fn column(&self, name: &str) -> Result<&'a ArrayRef, String> {
        let col = self
            .batch
            .column_by_name(name)
            .ok_or_else(|| format!("column `{name}` is missing"))?;
        col.to_data()
            .validate_full()
            .map_err(|e| format!("column `{name}` is corrupt: {e}"))?;
        Ok(col)
    }

    fn wrong_type(name: &str, want: &str, col: &ArrayRef) -> String {
        format!("column `{name}` is {}, expected {want}", col.data_type())
    }

    fn null(&self, name: &str, i: usize) -> String {
        format!(
            "column `{name}`, row {}: null where a value is required",
            self.first_row + i
        )
    }

    fn opt_strs(&self, name: &str) -> Result<Vec<Option<String>>, String> {
        let col = self.column(name)?;
        let arr = col
            .as_string_opt::<i32>()
            .ok_or_else(|| Self::wrong_type(name, "string", col))?;
        Ok(arr.iter().map(|v| v.map(str::to_string)).collect())
    }

    fn strs(&self, name: &str) -> Result<Vec<String>, String> {
        self.opt_strs(name)?
            .into_iter()
            .enumerate()
            .map(|(i, v)| v.ok_or_else(|| self.null(name, i)))
            .collect()
    }

    fn opt_u32s(&self, name: &str) -> Result<Vec<Option<u32>>, String> {
        let col = self.column(name)?;
        let arr = col
            .as_primitive_opt::<UInt32Type>()
            .ok_or_else(|| Self::wrong_type(name, "uint32", col))?;
        Ok(arr.iter().collect())
    }

    fn u32s(&self, name: &str) -> Result<Vec<u32>, String> {
        self.opt_u32s(name)?
            .into_iter()
            .enumerate()
            .map(|(i, v)| v.ok_or_else(|| self.null(name, i)))
            .collect()
    }

    fn dates(&self, name: &str) -> Result<Vec<Option<NaiveDate>>, String> {
        let col = self.column(name)?;
        let arr = col
            .as_primitive_opt::<Date32Type>()
            .ok_or_else(|| Self::wrong_type(name, "date32", col))?;
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
        arr.iter()
            .enumerate()
            .map(|(i, d)| match d {
                None => Ok(None),
                Some(days) => epoch
                    .checked_add_signed(chrono::TimeDelta::days(days.into()))
                    .map(Some)
                    .ok_or_else(|| {
                        format!(
                            "column `{name}`, row {}: {days} days from 1970-01-01 is not a date",
                            self.first_row + i
                        )
                    }),
            })
            .collect()
    }

    fn lists(&self, name: &str) -> Result<Vec<Vec<String>>, String> {
        let col = self.column(name)?;
        let list = col
            .as_list_opt::<i32>()
            .ok_or_else(|| Self::wrong_type(name, "list<string>", col))?;
        let items = list
            .values()
            .as_string_opt::<i32>()
            .ok_or_else(|| Self::wrong_type(name, "list<string>", col))?;
        let offsets = list.value_offsets();
        let mut out = Vec::with_capacity(list.len());
        for i in 0..list.len() {
            if list.is_null(i) {
                return Err(self.null(name, i));
            }
            let (start, end) = (offsets[i] as usize, offsets[i + 1] as usize);
            let mut row = Vec::with_capacity(end - start);
            for k in start..end {
                if items.is_null(k) {
                    return Err(format!(
                        "column `{name}`, row {}: null list item",
                        self.first_row + i
                    ));
                }
                row.push(items.value(k).to_string());
            }
            out.push(row);
        }
        Ok(out)
    }

    fn enums<E>(
        &self,
        name: &str,
        parse: fn(&str) -> Option<E>,
        all: &[&str],
    ) -> Result<Vec<E>, String> {
        let col = self.column(name)?;
        let strings: Vec<Option<String>> = if let Some(dict) = col.as_dictionary_opt::<Int32Type>()
        {
            let values = dict
                .values()
                .as_string_opt::<i32>()
                .ok_or_else(|| Self::wrong_type(name, "dictionary<int32, string>", col))?;
            dict.keys()
                .iter()
                .map(|k| k.map(|k| values.value(k as usize).to_string()))
                .collect()
        } else if let Some(arr) = col.as_string_opt::<i32>() {
            arr.iter().map(|v| v.map(str::to_string)).collect()
        } else {
            return Err(Self::wrong_type(name, "dictionary<int32, string>", col));
        };
        strings
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let v = v.ok_or_else(|| self.null(name, i))?;
                parse(&v).ok_or_else(|| {
                    format!(
                        "column `{name}`, row {}: {v:?} is not one of {}",
                        self.first_row + i,
                        all.join(", ")
                    )
                })
            })
            .collect()
    }
}

/// The stored names of a closed set, for messages.
fn names<E: Copy>(all: &[E], as_str: fn(E) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|e| as_str(*e)).collect()
}

impl TableRows for Article {
    const TABLE: &'static str = "articles";
    const RECORD: &'static str = "article";

    fn weight(&self) -> usize {
        self.text.len() + self.title.len()
    }

    fn from_batch(batch: &RecordBatch, first_row: usize) -> Result<Vec<Self>, String> {
        let c = Columns::new(batch, first_row);
        let ids = c.strs("article_id")?;
        let mut title = c.strs("title")?.into_iter();
        let mut text = c.strs("text")?.into_iter();
        let mut origin = c.strs("origin")?.into_iter();
        let mut source = c.opt_strs("source_id")?.into_iter();
        let mut url = c.opt_strs("url")?.into_iter();
        let mut published = c.dates("published")?.into_iter();
        let mut language = c.strs("language")?.into_iter();
        let mut related = c.lists("related_headlines")?.into_iter();
        let mut words = c.u32s("word_count")?.into_iter();
        let mut sha = c.strs("raw_sha256")?.into_iter();
        Ok(ids
            .into_iter()
            .map(|id| Article {
                article_id: ArticleId::from_stored(id),
                title: title.next().unwrap_or_default(),
                text: text.next().unwrap_or_default(),
                origin: origin.next().unwrap_or_default(),
                source_id: source.next().flatten().map(SourceId::from_stored),
                url: url.next().flatten(),
                published: published.next().flatten(),
                language: language.next().unwrap_or_default(),
                related_headlines: related.next().unwrap_or_default(),
                word_count: words.next().unwrap_or_default(),
                raw_sha256: sha.next().unwrap_or_default(),
            })
            .collect())
    }

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
    const RECORD: &'static str = "claim";

    fn weight(&self) -> usize {
        self.text.len()
    }

    fn from_batch(batch: &RecordBatch, first_row: usize) -> Result<Vec<Self>, String> {
        let c = Columns::new(batch, first_row);
        let ids = c.strs("claim_id")?;
        let mut article = c.strs("article_id")?.into_iter();
        let mut text = c.strs("text")?.into_iter();
        let mut start = c.u32s("start")?.into_iter();
        let mut end = c.u32s("end")?.into_iter();
        let mut paragraph = c.u32s("paragraph")?.into_iter();
        let mut sentence = c.u32s("sentence")?.into_iter();
        let all = names(ClaimKind::ALL, ClaimKind::as_str);
        let mut kind = c.enums("kind", ClaimKind::parse, &all)?.into_iter();
        let mut source = c.opt_strs("source_id")?.into_iter();
        let mut cue = c.opt_strs("cue")?.into_iter();
        let mut hedges = c.lists("hedges")?.into_iter();
        let mut actors = c.lists("actor_ids")?.into_iter();
        Ok(ids
            .into_iter()
            .map(|id| Claim {
                claim_id: ClaimId::from_stored(id),
                article_id: ArticleId::from_stored(article.next().unwrap_or_default()),
                text: text.next().unwrap_or_default(),
                start: start.next().unwrap_or_default(),
                end: end.next().unwrap_or_default(),
                paragraph: paragraph.next().unwrap_or_default(),
                sentence: sentence.next().unwrap_or_default(),
                kind: kind.next().unwrap_or(ClaimKind::Assertion),
                source_id: source.next().flatten().map(SourceId::from_stored),
                cue: cue.next().flatten(),
                hedges: hedges.next().unwrap_or_default(),
                actor_ids: actors
                    .next()
                    .unwrap_or_default()
                    .into_iter()
                    .map(ActorId::from_stored)
                    .collect(),
            })
            .collect())
    }

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
    const RECORD: &'static str = "source";

    fn from_batch(batch: &RecordBatch, first_row: usize) -> Result<Vec<Self>, String> {
        let c = Columns::new(batch, first_row);
        let ids = c.strs("source_id")?;
        let mut name = c.strs("name")?.into_iter();
        let all = names(SourceKind::ALL, SourceKind::as_str);
        let mut kind = c.enums("kind", SourceKind::parse, &all)?.into_iter();
        let mut actor = c.opt_strs("actor_id")?.into_iter();
        let mut description = c.opt_strs("description")?.into_iter();
        Ok(ids
            .into_iter()
            .map(|id| Source {
                source_id: SourceId::from_stored(id),
                name: name.next().unwrap_or_default(),
                kind: kind.next().unwrap_or(SourceKind::Vague),
                actor_id: actor.next().flatten().map(ActorId::from_stored),
                description: description.next().flatten(),
            })
            .collect())
    }

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
    const RECORD: &'static str = "actor";

    fn from_batch(batch: &RecordBatch, first_row: usize) -> Result<Vec<Self>, String> {
        let c = Columns::new(batch, first_row);
        let ids = c.strs("actor_id")?;
        let mut name = c.strs("name")?.into_iter();
        let all = names(ActorKind::ALL, ActorKind::as_str);
        let mut kind = c.enums("kind", ActorKind::parse, &all)?.into_iter();
        let mut aliases = c.lists("aliases")?.into_iter();
        let mut description = c.opt_strs("description")?.into_iter();
        let mut affiliation = c.opt_strs("affiliation_id")?.into_iter();
        Ok(ids
            .into_iter()
            .map(|id| Actor {
                actor_id: ActorId::from_stored(id),
                name: name.next().unwrap_or_default(),
                kind: kind.next().unwrap_or(ActorKind::Organization),
                aliases: aliases.next().unwrap_or_default(),
                description: description.next().flatten(),
                affiliation_id: affiliation.next().flatten().map(ActorId::from_stored),
            })
            .collect())
    }

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
    const RECORD: &'static str = "mention";

    fn from_batch(batch: &RecordBatch, first_row: usize) -> Result<Vec<Self>, String> {
        let c = Columns::new(batch, first_row);
        let ids = c.strs("mention_id")?;
        let mut article = c.strs("article_id")?.into_iter();
        let mut actor = c.strs("actor_id")?.into_iter();
        let mut start = c.u32s("start")?.into_iter();
        let mut end = c.u32s("end")?.into_iter();
        let mut text = c.strs("text")?.into_iter();
        Ok(ids
            .into_iter()
            .map(|id| Mention {
                mention_id: MentionId::from_stored(id),
                article_id: ArticleId::from_stored(article.next().unwrap_or_default()),
                actor_id: ActorId::from_stored(actor.next().unwrap_or_default()),
                start: start.next().unwrap_or_default(),
                end: end.next().unwrap_or_default(),
                text: text.next().unwrap_or_default(),
            })
            .collect())
    }

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
    const RECORD: &'static str = "finding";

    fn from_batch(batch: &RecordBatch, first_row: usize) -> Result<Vec<Self>, String> {
        let c = Columns::new(batch, first_row);
        let rules = c.strs("rule")?;
        let all = names(Severity::ALL, Severity::as_str);
        let mut severity = c.enums("severity", Severity::parse, &all)?.into_iter();
        let mut table = c.strs("table")?.into_iter();
        let mut record = c.opt_strs("record_id")?.into_iter();
        let mut article = c.opt_strs("article_id")?.into_iter();
        let mut start = c.opt_u32s("start")?.into_iter();
        let mut end = c.opt_u32s("end")?.into_iter();
        let mut message = c.strs("message")?.into_iter();
        Ok(rules
            .into_iter()
            .map(|rule| Finding {
                rule,
                severity: severity.next().unwrap_or(Severity::Info),
                table: table.next().unwrap_or_default(),
                record_id: record.next().flatten(),
                article_id: article.next().flatten().map(ArticleId::from_stored),
                start: start.next().flatten(),
                end: end.next().flatten(),
                message: message.next().unwrap_or_default(),
            })
            .collect())
    }

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

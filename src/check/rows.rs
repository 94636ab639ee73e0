//! Typed, borrowed views of the rows the engine streams: column access that tolerates the
//! forms other tools write (large or view strings, plain strings for enums, any integer
//! width), one row struct per table, and the per-article view of texts and spans.

use std::hash::{Hash, Hasher};
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use arrow_schema::{DataType, Schema};
use chrono::NaiveDate;
use serde_json::Value;

use super::diagnostic::Loc;
use super::ids::IdKey;
use super::locate::CodePoints;
use crate::dataset::arrow_schema;
use crate::dataset::conform::Cast;
use crate::model::{ActorKind, ClaimKind, SourceKind};

/// The primary-key column of a table.
pub fn primary_key(table: &str) -> Option<&'static str> {
    Some(match table {
        "articles" => "article_id",
        "claims" => "claim_id",
        "sources" => "source_id",
        "actors" => "actor_id",
        "mentions" => "mention_id",
        _ => return None,
    })
}

use crate::dataset::conform::is_string;
pub use crate::dataset::conform::{Fit, fit, type_name};

fn is_integer(dt: &DataType) -> bool {
    dt.is_integer()
}

/// A string column in whichever form it was stored; absent when missing or unreadable.
pub enum Strings<'a> {
    /// No readable column: every value is `None`.
    Absent,
    /// `string`.
    Utf8(&'a StringArray),
    /// `large_string`.
    Large(&'a LargeStringArray),
    /// `string_view`.
    View(&'a StringViewArray),
    /// Dictionary-encoded strings.
    Dict {
        /// The dictionary array, for its validity.
        array: &'a dyn Array,
        /// Key of each row, normalised to an index into `values`.
        keys: Vec<usize>,
        /// The dictionary values.
        values: Box<Strings<'a>>,
    },
}

impl<'a> Strings<'a> {
    /// Reads an array as strings; absent when it holds something else.
    pub fn new(col: &'a dyn Array) -> Self {
        if let Some(a) = col.as_string_opt::<i32>() {
            Strings::Utf8(a)
        } else if let Some(a) = col.as_string_opt::<i64>() {
            Strings::Large(a)
        } else if let Some(a) = col.as_string_view_opt() {
            Strings::View(a)
        } else if let Some(d) = col.as_any_dictionary_opt() {
            Strings::Dict {
                array: col,
                keys: d.normalized_keys(),
                values: Box::new(Strings::new(d.values().as_ref())),
            }
        } else {
            Strings::Absent
        }
    }

    /// The value of row `i`; `None` when null or absent.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Strings::Absent => None,
            Strings::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::View(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Dict {
                array,
                keys,
                values,
            } => {
                if array.is_valid(i) {
                    values.get(*keys.get(i)?)
                } else {
                    None
                }
            }
        }
    }
}

/// Reads any integer array as `i64` values (`u64` beyond `i64::MAX` saturate).
fn integers(col: &dyn Array) -> Option<Vec<Option<i64>>> {
    macro_rules! try_types {
        ($($t:ty),*) => {$(
            if let Some(a) = col.as_primitive_opt::<$t>() {
                return Some(a.iter().map(|v| v.map(|v| i64::try_from(v).unwrap_or(i64::MAX))).collect());
            }
        )*};
    }
    try_types!(
        UInt32Type, Int32Type, Int64Type, UInt64Type, UInt16Type, Int16Type, UInt8Type, Int8Type
    );
    None
}

/// Reads a Date32 or Date64 array.
fn dates(col: &dyn Array) -> Option<Vec<Option<NaiveDate>>> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    let days = |d: i64| epoch.checked_add_signed(chrono::Duration::try_days(d)?);
    if let Some(a) = col.as_primitive_opt::<Date32Type>() {
        return Some(a.iter().map(|v| v.and_then(|d| days(d.into()))).collect());
    }
    if let Some(a) = col.as_primitive_opt::<Date64Type>() {
        return Some(
            a.iter()
                .map(|v| v.and_then(|ms| days(ms.div_euclid(86_400_000))))
                .collect(),
        );
    }
    None
}

/// A list-of-strings column (list or large list); absent when missing or unreadable.
pub struct Lists<'a> {
    ranges: Vec<Option<(usize, usize)>>,
    values: Strings<'a>,
}

impl<'a> Lists<'a> {
    fn absent() -> Self {
        Lists {
            ranges: Vec::new(),
            values: Strings::Absent,
        }
    }

    /// Reads an array as a list of strings; absent when it holds something else.
    pub fn new(col: &'a dyn Array) -> Self {
        fn ranges<O: arrow_array::OffsetSizeTrait>(
            a: &arrow_array::GenericListArray<O>,
        ) -> Vec<Option<(usize, usize)>> {
            let offsets = a.value_offsets();
            (0..a.len())
                .map(|i| {
                    a.is_valid(i)
                        .then(|| (offsets[i].as_usize(), offsets[i + 1].as_usize()))
                })
                .collect()
        }
        if let Some(a) = col.as_list_opt::<i32>() {
            Lists {
                ranges: ranges(a),
                values: Strings::new(a.values().as_ref()),
            }
        } else if let Some(a) = col.as_list_opt::<i64>() {
            Lists {
                ranges: ranges(a),
                values: Strings::new(a.values().as_ref()),
            }
        } else {
            Lists::absent()
        }
    }

    /// The items of row `i` (null items as `None`); `None` when the list is null.
    pub fn get(&self, i: usize) -> Option<Vec<Option<&'a str>>> {
        let (from, to) = (*self.ranges.get(i)?)?;
        Some((from..to).map(|j| self.values.get(j)).collect())
    }

    /// The non-null items of row `i`; empty when the list is null or absent.
    pub fn items(&self, i: usize) -> Vec<&'a str> {
        match self.ranges.get(i).copied().flatten() {
            Some((from, to)) => (from..to).filter_map(|j| self.values.get(j)).collect(),
            None => Vec::new(),
        }
    }
}

/// One record batch of a table, as rules see it.
pub struct Batch<'a> {
    /// The table.
    pub table: &'static str,
    /// The file it was read from.
    pub file: &'a Path,
    /// The rows, cast to the contract's layout where the stored types allow (see
    /// `dataset::conform`).
    pub data: &'a RecordBatch,
    /// The columns stored with a castable type (another integer width, `null`, ...),
    /// with how many of their values do not fit.
    pub casts: &'a [Cast],
    /// Row number (zero-based, across the table's files) of the batch's first row.
    pub first_row: u64,
}

impl<'a> Batch<'a> {
    /// A column whose stored type fits the contract, with how well it fits.
    pub fn column(&self, name: &str) -> Option<(&'a ArrayRef, Fit)> {
        let expected = arrow_schema(self.table)?;
        let expected = expected.field_with_name(name).ok()?.data_type().clone();
        let col = self.data.column_by_name(name)?;
        match fit(&expected, col.data_type()) {
            Fit::Unreadable => None,
            f => Some((col, f)),
        }
    }

    /// A string column.
    pub fn strings(&self, name: &str) -> Strings<'a> {
        self.column(name)
            .map_or(Strings::Absent, |(c, _)| Strings::new(c.as_ref()))
    }

    fn ints(&self, name: &str) -> Vec<Option<i64>> {
        self.column(name)
            .and_then(|(c, _)| integers(c.as_ref()))
            .unwrap_or_default()
    }

    /// An integer column as `u32` values (`None` when null, absent or out of range).
    pub fn uints(&self, name: &str) -> Vec<Option<u32>> {
        let v = self.ints(name);
        (0..self.len()).map(|i| u32_at(&v, i)).collect()
    }

    fn dates(&self, name: &str) -> Vec<Option<NaiveDate>> {
        self.column(name)
            .and_then(|(c, _)| dates(c.as_ref()))
            .unwrap_or_default()
    }

    /// A list-of-strings column.
    pub fn lists(&self, name: &str) -> Lists<'a> {
        self.column(name)
            .map_or_else(Lists::absent, |(c, _)| Lists::new(c.as_ref()))
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.data.num_rows()
    }

    /// Whether the batch has no rows.
    pub fn is_empty(&self) -> bool {
        self.data.num_rows() == 0
    }
}

/// A `u32` from an integer column value; `None` when out of range.
fn u32_at(v: &[Option<i64>], i: usize) -> Option<u32> {
    v.get(i)
        .copied()
        .flatten()
        .and_then(|x| u32::try_from(x).ok())
}

/// A table file's stored schema, as rules see it.
pub struct TableFile<'a> {
    /// The table.
    pub table: &'static str,
    /// The file.
    pub path: &'a Path,
    /// The Arrow schema stored in it.
    pub schema: &'a Schema,
}

/// Reads the cells of one column as JSON values: strings, numbers, `YYYY-MM-DD` dates,
/// lists; null for nulls and for types with no JSON form. The column is decoded once,
/// then each cell costs one lookup.
pub enum JsonCells<'a> {
    /// Strings.
    Strings(Strings<'a>),
    /// Integers of any width.
    Integers(Vec<Option<i64>>),
    /// Dates.
    Dates(Vec<Option<NaiveDate>>),
    /// Floating-point numbers, booleans: read from the array itself.
    Other(&'a dyn Array),
    /// Lists of strings.
    Lists(Lists<'a>),
}

impl<'a> JsonCells<'a> {
    /// A reader over `col`.
    pub fn new(col: &'a dyn Array) -> Self {
        let dt = col.data_type();
        if is_string(dt) {
            JsonCells::Strings(Strings::new(col))
        } else if let Some(v) = is_integer(dt).then(|| integers(col)).flatten() {
            JsonCells::Integers(v)
        } else if let Some(d) = dates(col) {
            JsonCells::Dates(d)
        } else if matches!(dt, DataType::List(_) | DataType::LargeList(_)) {
            JsonCells::Lists(Lists::new(col))
        } else {
            JsonCells::Other(col)
        }
    }

    /// The JSON value of cell `i`.
    pub fn get(&self, i: usize) -> Value {
        match self {
            JsonCells::Strings(s) => s
                .get(i)
                .map_or(Value::Null, |s| Value::String(s.to_string())),
            JsonCells::Integers(v) => v.get(i).copied().flatten().map_or(Value::Null, Value::from),
            JsonCells::Dates(d) => d
                .get(i)
                .copied()
                .flatten()
                .map_or(Value::Null, |d| Value::String(d.to_string())),
            JsonCells::Lists(l) => match l.get(i) {
                Some(items) => Value::Array(
                    items
                        .into_iter()
                        .map(|s| s.map_or(Value::Null, |s| Value::String(s.to_string())))
                        .collect(),
                ),
                None => Value::Null,
            },
            JsonCells::Other(col) => {
                if col.is_null(i) {
                    Value::Null
                } else if let Some(a) = col.as_primitive_opt::<Float64Type>() {
                    Value::from(a.value(i))
                } else if let Some(a) = col.as_primitive_opt::<Float32Type>() {
                    Value::from(a.value(i))
                } else if let Some(a) = col.as_boolean_opt() {
                    Value::Bool(a.value(i))
                } else {
                    Value::Null
                }
            }
        }
    }
}

/// One article row.
#[derive(Debug, Clone)]
pub struct ArticleRow<'a> {
    /// Row number in the table (zero-based).
    pub row: u64,
    /// `article_id`.
    pub article_id: Option<&'a str>,
    /// `title`.
    pub title: Option<&'a str>,
    /// `text`.
    pub text: Option<&'a str>,
    /// `origin`.
    pub origin: Option<&'a str>,
    /// `source_id`: the outlet.
    pub source_id: Option<&'a str>,
    /// `url`.
    pub url: Option<&'a str>,
    /// `published`.
    pub published: Option<NaiveDate>,
    /// `language`.
    pub language: Option<&'a str>,
    /// `related_headlines`.
    pub related_headlines: Vec<&'a str>,
    /// `word_count`.
    pub word_count: Option<u32>,
    /// `raw_sha256`.
    pub raw_sha256: Option<&'a str>,
}

impl ArticleRow<'_> {
    /// The article as a finding location.
    pub fn loc(&self) -> Loc {
        Loc::record("articles", self.article_id).article(self.article_id)
    }

    /// Decodes every row of an `articles` batch.
    pub fn decode<'a>(b: &Batch<'a>) -> Vec<ArticleRow<'a>> {
        let (id, title, text, origin) = (
            b.strings("article_id"),
            b.strings("title"),
            b.strings("text"),
            b.strings("origin"),
        );
        let (source, url, language, sha) = (
            b.strings("source_id"),
            b.strings("url"),
            b.strings("language"),
            b.strings("raw_sha256"),
        );
        let (published, words, related) = (
            b.dates("published"),
            b.ints("word_count"),
            b.lists("related_headlines"),
        );
        (0..b.len())
            .map(|i| ArticleRow {
                row: b.first_row + i as u64,
                article_id: id.get(i),
                title: title.get(i),
                text: text.get(i),
                origin: origin.get(i),
                source_id: source.get(i),
                url: url.get(i),
                published: published.get(i).copied().flatten(),
                language: language.get(i),
                related_headlines: related.items(i),
                word_count: u32_at(&words, i),
                raw_sha256: sha.get(i),
            })
            .collect()
    }
}

/// One claim row.
#[derive(Debug, Clone)]
pub struct ClaimRow<'a> {
    /// Row number in the table (zero-based).
    pub row: u64,
    /// `claim_id`.
    pub claim_id: Option<&'a str>,
    /// `article_id`.
    pub article_id: Option<&'a str>,
    /// `text`.
    pub text: Option<&'a str>,
    /// `start`.
    pub start: Option<u32>,
    /// `end`.
    pub end: Option<u32>,
    /// `kind`, as stored.
    pub kind: Option<&'a str>,
    /// `source_id`.
    pub source_id: Option<&'a str>,
    /// `cue`.
    pub cue: Option<&'a str>,
    /// `hedges`.
    pub hedges: Vec<&'a str>,
    /// `actor_ids`.
    pub actor_ids: Vec<&'a str>,
}

impl ClaimRow<'_> {
    /// The claim as a finding location, with its span.
    pub fn loc(&self) -> Loc {
        Loc::record("claims", self.claim_id)
            .article(self.article_id)
            .span(self.start, self.end)
    }

    /// The kind, when it is a known one.
    pub fn kind(&self) -> Option<ClaimKind> {
        self.kind.and_then(ClaimKind::parse)
    }

    /// Decodes every row of a `claims` batch.
    pub fn decode<'a>(b: &Batch<'a>) -> Vec<ClaimRow<'a>> {
        let (id, article, text, kind) = (
            b.strings("claim_id"),
            b.strings("article_id"),
            b.strings("text"),
            b.strings("kind"),
        );
        let (start, end) = (b.ints("start"), b.ints("end"));
        let (source, cue) = (b.strings("source_id"), b.strings("cue"));
        let (hedges, actors) = (b.lists("hedges"), b.lists("actor_ids"));
        (0..b.len())
            .map(|i| ClaimRow {
                row: b.first_row + i as u64,
                claim_id: id.get(i),
                article_id: article.get(i),
                text: text.get(i),
                start: u32_at(&start, i),
                end: u32_at(&end, i),
                kind: kind.get(i),
                source_id: source.get(i),
                cue: cue.get(i),
                hedges: hedges.items(i),
                actor_ids: actors.items(i),
            })
            .collect()
    }
}

/// One source row.
#[derive(Debug, Clone)]
pub struct SourceRow<'a> {
    /// Row number in the table (zero-based).
    pub row: u64,
    /// `source_id`.
    pub source_id: Option<&'a str>,
    /// `name`.
    pub name: Option<&'a str>,
    /// `kind`, as stored.
    pub kind: Option<&'a str>,
    /// `actor_id`.
    pub actor_id: Option<&'a str>,
    /// `description`.
    pub description: Option<&'a str>,
}

impl SourceRow<'_> {
    /// The source as a finding location.
    pub fn loc(&self) -> Loc {
        Loc::record("sources", self.source_id)
    }

    /// The kind, when it is a known one.
    pub fn kind(&self) -> Option<SourceKind> {
        self.kind.and_then(SourceKind::parse)
    }

    /// Decodes every row of a `sources` batch.
    pub fn decode<'a>(b: &Batch<'a>) -> Vec<SourceRow<'a>> {
        let (id, name, kind) = (b.strings("source_id"), b.strings("name"), b.strings("kind"));
        let (actor, description) = (b.strings("actor_id"), b.strings("description"));
        (0..b.len())
            .map(|i| SourceRow {
                row: b.first_row + i as u64,
                source_id: id.get(i),
                name: name.get(i),
                kind: kind.get(i),
                actor_id: actor.get(i),
                description: description.get(i),
            })
            .collect()
    }
}

/// One actor row.
#[derive(Debug, Clone)]
pub struct ActorRow<'a> {
    /// Row number in the table (zero-based).
    pub row: u64,
    /// `actor_id`.
    pub actor_id: Option<&'a str>,
    /// `name`.
    pub name: Option<&'a str>,
    /// `kind`, as stored.
    pub kind: Option<&'a str>,
    /// `aliases`.
    pub aliases: Vec<&'a str>,
    /// `description`.
    pub description: Option<&'a str>,
    /// `affiliation_id`.
    pub affiliation_id: Option<&'a str>,
}

impl ActorRow<'_> {
    /// The actor as a finding location.
    pub fn loc(&self) -> Loc {
        Loc::record("actors", self.actor_id)
    }

    /// The kind, when it is a known one.
    pub fn kind(&self) -> Option<ActorKind> {
        self.kind.and_then(ActorKind::parse)
    }

    /// Decodes every row of an `actors` batch.
    pub fn decode<'a>(b: &Batch<'a>) -> Vec<ActorRow<'a>> {
        let (id, name, kind) = (b.strings("actor_id"), b.strings("name"), b.strings("kind"));
        let aliases = b.lists("aliases");
        let (description, affiliation) = (b.strings("description"), b.strings("affiliation_id"));
        (0..b.len())
            .map(|i| ActorRow {
                row: b.first_row + i as u64,
                actor_id: id.get(i),
                name: name.get(i),
                kind: kind.get(i),
                aliases: aliases.items(i),
                description: description.get(i),
                affiliation_id: affiliation.get(i),
            })
            .collect()
    }
}

/// One mention row.
#[derive(Debug, Clone)]
pub struct MentionRow<'a> {
    /// Row number in the table (zero-based).
    pub row: u64,
    /// `mention_id`.
    pub mention_id: Option<&'a str>,
    /// `article_id`.
    pub article_id: Option<&'a str>,
    /// `actor_id`.
    pub actor_id: Option<&'a str>,
    /// `start`.
    pub start: Option<u32>,
    /// `end`.
    pub end: Option<u32>,
    /// `text`.
    pub text: Option<&'a str>,
}

impl MentionRow<'_> {
    /// The mention as a finding location, with its span.
    pub fn loc(&self) -> Loc {
        Loc::record("mentions", self.mention_id)
            .article(self.article_id)
            .span(self.start, self.end)
    }

    /// Decodes every row of a `mentions` batch.
    pub fn decode<'a>(b: &Batch<'a>) -> Vec<MentionRow<'a>> {
        let (id, article, actor, text) = (
            b.strings("mention_id"),
            b.strings("article_id"),
            b.strings("actor_id"),
            b.strings("text"),
        );
        let (start, end) = (b.ints("start"), b.ints("end"));
        (0..b.len())
            .map(|i| MentionRow {
                row: b.first_row + i as u64,
                mention_id: id.get(i),
                article_id: article.get(i),
                actor_id: actor.get(i),
                start: u32_at(&start, i),
                end: u32_at(&end, i),
                text: text.get(i),
            })
            .collect()
    }
}

/// A hash of a text, for comparing texts without keeping them.
pub fn text_hash(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// What the engine keeps of a claim's or mention's span while the tables stream: enough
/// to check it against the article text later, without the text itself.
#[derive(Debug, Clone)]
pub struct SpanRecord {
    /// `claims` or `mentions`.
    pub table: &'static str,
    /// Primary key of the record (an ID of the table's prefix).
    pub record_id: Option<IdKey>,
    /// Start, in code points.
    pub start: u32,
    /// End (exclusive), in code points.
    pub end: u32,
    /// [`text_hash`] of the stored text.
    pub text_hash: u64,
    /// The first characters of the stored text, for messages.
    pub text_head: String,
    /// The claim's source, a `src_` ID (`None` for the article's own voice and for
    /// mentions).
    pub source_id: Option<IdKey>,
}

impl SpanRecord {
    /// The primary key, as stored.
    pub fn record_id(&self) -> Option<String> {
        let prefix = super::ids::prefix_of(self.table);
        self.record_id.as_ref().map(|k| k.to_string(prefix))
    }

    /// The source ID, as stored.
    pub fn source_id(&self) -> Option<String> {
        self.source_id.as_ref().map(|k| k.to_string("src_"))
    }
}

/// Characters of a stored span text kept in [`SpanRecord::text_head`].
pub const TEXT_HEAD_CHARS: usize = 48;

impl SpanRecord {
    /// The record as a finding location in `article_id`, with its span.
    pub fn loc(&self, article_id: &str) -> Loc {
        Loc::record(self.table, self.record_id().as_deref())
            .article(Some(article_id))
            .span(Some(self.start), Some(self.end))
    }
}

/// One article's text and the spans pointing into it.
pub struct ArticleText<'a> {
    /// The article.
    pub article_id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Where its code points are.
    chars: CodePoints,
    /// The spans of its claims and mentions, in table order.
    pub spans: &'a [SpanRecord],
}

impl<'a> ArticleText<'a> {
    /// A view of `text` with its spans.
    pub fn new(article_id: &'a str, text: &'a str, spans: &'a [SpanRecord]) -> Self {
        Self {
            article_id,
            text,
            chars: CodePoints::new(text),
            spans,
        }
    }

    /// The text and the index of its code points.
    pub fn into_parts(self) -> (&'a str, std::borrow::Cow<'a, CodePoints>) {
        (self.text, std::borrow::Cow::Owned(self.chars))
    }

    /// Length of the text in code points.
    pub fn len(&self) -> u32 {
        self.chars.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// `text[start:end]` in code points; `None` when out of bounds or inverted.
    pub fn slice(&self, start: u32, end: u32) -> Option<&'a str> {
        if start > end {
            return None;
        }
        let from = self.chars.byte_at(self.text, start)?;
        Some(&self.text[from..self.chars.byte_at(self.text, end)?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
    use arrow_array::{Int64Array, LargeStringArray};

    #[test]
    fn strings_read_every_stored_form() {
        let large: ArrayRef = Arc::new(LargeStringArray::from(vec![Some("a"), None]));
        let mut d = StringDictionaryBuilder::<Int32Type>::new();
        d.append_value("direct");
        d.append_null();
        let dict: ArrayRef = Arc::new(d.finish());
        for col in [&large, &dict] {
            let s = Strings::new(col.as_ref());
            assert!(s.get(0).is_some());
            assert_eq!(s.get(1), None);
        }
    }

    #[test]
    fn integers_of_any_width_read_as_u32_when_in_range() {
        let col: ArrayRef = Arc::new(Int64Array::from(vec![Some(5), Some(-1), None]));
        let v = integers(col.as_ref()).unwrap();
        assert_eq!(u32_at(&v, 0), Some(5));
        assert_eq!(u32_at(&v, 1), None);
        assert_eq!(u32_at(&v, 2), None);
    }

    #[test]
    fn lists_keep_null_items_apart_from_null_lists() {
        let mut b = ListBuilder::new(StringBuilder::new());
        b.values().append_value("x");
        b.values().append_null();
        b.append(true);
        b.append(false);
        let col: ArrayRef = Arc::new(b.finish());
        let l = Lists::new(col.as_ref());
        assert_eq!(l.get(0), Some(vec![Some("x"), None]));
        assert_eq!(l.get(1), None);
        assert_eq!(l.items(0), vec!["x"]);
    }

    #[test]
    fn fit_accepts_equivalent_forms_and_reads_other_integer_widths() {
        assert_eq!(fit(&DataType::Utf8, &DataType::LargeUtf8), Fit::Exact);
        assert_eq!(fit(&DataType::UInt32, &DataType::Int64), Fit::Castable);
        assert_eq!(fit(&DataType::UInt32, &DataType::Utf8), Fit::Unreadable);
        assert_eq!(fit(&DataType::Date32, &DataType::Date64), Fit::Castable);
        assert_eq!(fit(&DataType::Date32, &DataType::Null), Fit::Castable);
    }

    #[test]
    fn slices_count_code_points() {
        let t = ArticleText::new("a", "héllo “x”", &[]);
        assert_eq!(t.len(), 9);
        assert_eq!(t.slice(1, 2), Some("é"));
        assert_eq!(t.slice(7, 8), Some("x"));
        assert_eq!(t.slice(8, 7), None);
        assert_eq!(t.slice(0, 10), None);
        assert_eq!(t.slice(0, 9), Some("héllo “x”"));
        let long = "é".repeat(200) + "abc";
        let t = ArticleText::new("a", &long, &[]);
        assert_eq!(t.slice(199, 202), Some("éab"));
        assert_eq!(t.slice(64, 65), Some("é"));
        assert_eq!(t.slice(203, 203), Some(""));
        let t = ArticleText::new("a", "plain", &[]);
        assert_eq!((t.len(), t.slice(1, 3)), (5, Some("la")));
    }
}

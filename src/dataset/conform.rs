//! Normalising what other tools write to the contract's Arrow layout: every batch any
//! reader gets (the checker's, `convert`'s, `merge`'s) is cast column by column to the
//! types of `tables::arrow_schema`, checking that the values fit.
//!
//! Three kinds of stored type, by how they relate to the contract type:
//! - *exact*: the contract type or an equivalent form, cast silently: `large_string`,
//!   `string_view`, dictionary-encoded strings (pandas categoricals), plain strings for an
//!   enumeration, `large_list`, lists of any string flavour or item name;
//! - *castable*: another type whose values convert when they fit: integers of any width
//!   for `uint32` (Spark and Java tools cannot write unsigned ones), `date64` for `date`,
//!   and the `null` type (pandas writes an all-null column so) anywhere, `list<null>`
//!   for a list; values that do not fit (a negative offset) are counted, and such a
//!   column is left as stored;
//! - *unreadable*: anything else (offsets as strings or floats), left as stored.
//!
//! Hive-partitioned tables (`claims/article_id=…/part-0.parquet`) keep a column in the
//! path rather than the file: [`partition_of`] reads it back (URL-escaped values decoded,
//! Hive's null marker as null) and [`conform`] adds it, typed as the contract says.

use std::path::Path;
use std::sync::Arc;

use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_cast::cast::{CastOptions, cast_with_options};
use arrow_schema::{DataType, Field, Schema};

use super::tables::arrow_schema;

/// How a stored column type fits the type the contract gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The contract type, or an equivalent form (large or view strings, dictionary or
    /// plain strings, large lists, lists of any string flavour).
    Exact,
    /// Another type whose values convert when they fit: integers of another width,
    /// `date64`, the `null` type, `list<null>`.
    Castable,
    /// A type the values cannot be read from.
    Unreadable,
}

/// Whether a type holds strings: any flavour, or dictionary-encoded.
pub fn is_string(dt: &DataType) -> bool {
    match dt {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(k, v) => k.is_integer() && is_string(v),
        _ => false,
    }
}

/// How `stored` fits `expected` (a contract type from `tables::arrow_schema`).
pub fn fit(expected: &DataType, stored: &DataType) -> Fit {
    if stored == &DataType::Null {
        return Fit::Castable;
    }
    match expected {
        e if is_string(e) => {
            if is_string(stored) {
                Fit::Exact
            } else {
                Fit::Unreadable
            }
        }
        DataType::UInt32 => match stored {
            DataType::UInt32 => Fit::Exact,
            s if s.is_integer() => Fit::Castable,
            _ => Fit::Unreadable,
        },
        DataType::Date32 => match stored {
            DataType::Date32 => Fit::Exact,
            DataType::Date64 => Fit::Castable,
            _ => Fit::Unreadable,
        },
        DataType::List(_) | DataType::LargeList(_) => match stored {
            DataType::List(f) | DataType::LargeList(f) | DataType::ListView(f) => {
                match f.data_type() {
                    t if is_string(t) => Fit::Exact,
                    DataType::Null => Fit::Castable,
                    _ => Fit::Unreadable,
                }
            }
            _ => Fit::Unreadable,
        },
        e if e == stored => Fit::Exact,
        _ => Fit::Unreadable,
    }
}

/// A contract type in the words of the data model (`string`, `uint32`, `list<string>`).
pub fn type_name(dt: &DataType) -> String {
    match dt {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => "string".into(),
        DataType::Dictionary(_, v) if is_string(v) => "string (enum)".into(),
        DataType::List(f) | DataType::LargeList(f) => format!("list<{}>", type_name(f.data_type())),
        DataType::Date32 => "date".into(),
        other => other.to_string().to_lowercase(),
    }
}

/// A column stored with a castable type (see [`Fit::Castable`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cast {
    /// The column.
    pub column: String,
    /// Its stored type.
    pub stored: DataType,
    /// The contract type.
    pub expected: DataType,
    /// Non-null values that do not fit the contract type; when any, the column is left
    /// as stored.
    pub unfit: usize,
}

/// A batch in the contract's layout, and what had to be cast to get it there.
#[derive(Debug, Clone)]
pub struct Conformed {
    /// The batch: every column of the contract that was exact or castable (and fit) now
    /// has the contract type; other columns are as stored.
    pub batch: RecordBatch,
    /// The castable columns, in column order.
    pub casts: Vec<Cast>,
}

/// Casts the columns of `batch`, a batch of `table`, to the contract types, after adding
/// the `partition` columns its path carries (those the file does not hold). Columns the
/// contract does not know are kept as they are.
pub fn conform(
    table: &str,
    batch: &RecordBatch,
    partition: &[(String, Option<String>)],
) -> Conformed {
    conform_with(table, batch, partition, false)
}

/// [`conform`], keeping string views (`Utf8View`) as they are where the contract has a
/// string: for readers that only look at the values.
pub fn conform_views(
    table: &str,
    batch: &RecordBatch,
    partition: &[(String, Option<String>)],
) -> Conformed {
    conform_with(table, batch, partition, true)
}

fn conform_with(
    table: &str,
    batch: &RecordBatch,
    partition: &[(String, Option<String>)],
    views: bool,
) -> Conformed {
    let contract = arrow_schema(table);
    let expected_of = |name: &str| {
        contract
            .as_ref()
            .and_then(|c| c.field_with_name(name).ok())
            .map(|f| f.data_type().clone())
    };
    let mut fields: Vec<Field> = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    let mut casts = Vec::new();
    let schema = batch.schema();
    for (field, col) in schema.fields().iter().zip(batch.columns()) {
        let Some(expected) = expected_of(field.name()) else {
            fields.push(field.as_ref().clone());
            columns.push(col.clone());
            continue;
        };
        let kept = |fields: &mut Vec<Field>, columns: &mut Vec<ArrayRef>| {
            fields.push(field.as_ref().clone());
            columns.push(col.clone());
        };
        match fit(&expected, col.data_type()) {
            Fit::Exact if col.data_type() == &expected => kept(&mut fields, &mut columns),
            Fit::Exact
                if views && col.data_type() == &DataType::Utf8View && is_string(&expected) =>
            {
                kept(&mut fields, &mut columns)
            }
            Fit::Exact => match cast_exact(col, &expected) {
                Some(c) => {
                    fields.push(Field::new(field.name(), expected, true));
                    columns.push(c);
                }
                None => kept(&mut fields, &mut columns),
            },
            Fit::Castable => {
                let (cast, unfit) = cast_fitting(col, &expected);
                casts.push(Cast {
                    column: field.name().clone(),
                    stored: col.data_type().clone(),
                    expected: expected.clone(),
                    unfit,
                });
                match cast {
                    Some(c) if unfit == 0 => {
                        fields.push(Field::new(field.name(), expected, true));
                        columns.push(c);
                    }
                    _ => kept(&mut fields, &mut columns),
                }
            }
            Fit::Unreadable => kept(&mut fields, &mut columns),
        }
    }
    for (name, value) in partition {
        if schema.field_with_name(name).is_ok() {
            continue;
        }
        let strings: ArrayRef =
            Arc::new(StringArray::from(vec![value.as_deref(); batch.num_rows()]));
        let typed = expected_of(name)
            .and_then(|t| {
                let c = cast_with_options(&strings, &t, &CastOptions::default()).ok()?;
                (c.logical_null_count() == strings.logical_null_count()).then_some((t, c))
            })
            .unwrap_or((DataType::Utf8, strings));
        fields.push(Field::new(name, typed.0, true));
        columns.push(typed.1);
    }
    let schema = Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone()));
    let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(batch.num_rows()));
    let batch = RecordBatch::try_new_with_options(schema, columns, &options)
        .unwrap_or_else(|_| batch.clone());
    Conformed { batch, casts }
}

/// An equivalent form cast to the contract type; `None` when the cast fails (a string
/// column too large for 32-bit offsets).
fn cast_exact(col: &ArrayRef, expected: &DataType) -> Option<ArrayRef> {
    let options = CastOptions {
        safe: false,
        ..CastOptions::default()
    };
    cast_with_options(col, expected, &options).ok()
}

/// A castable column cast to the contract type, with the number of values that do not
/// fit it (they would be null in the cast).
fn cast_fitting(col: &ArrayRef, expected: &DataType) -> (Option<ArrayRef>, usize) {
    let stored_nulls = col.logical_null_count();
    match cast_with_options(col, expected, &CastOptions::default()) {
        Ok(c) => {
            let unfit = c.logical_null_count().saturating_sub(stored_nulls);
            (Some(c), unfit)
        }
        Err(_) => (None, col.len() - stored_nulls),
    }
}

/// The Arrow schema of a table file as readers see it: the stored fields, then the
/// partition columns its path adds (typed as the contract says, or as strings).
pub fn with_partition_fields(
    table: &str,
    stored: &Schema,
    partition: &[(String, Option<String>)],
) -> Schema {
    let mut fields: Vec<Field> = stored.fields().iter().map(|f| f.as_ref().clone()).collect();
    for (name, _) in partition {
        if stored.field_with_name(name).is_ok() {
            continue;
        }
        let dt = arrow_schema(table)
            .and_then(|c| c.field_with_name(name).ok().map(|f| f.data_type().clone()))
            .unwrap_or(DataType::Utf8);
        fields.push(Field::new(name, dt, true));
    }
    Schema::new_with_metadata(fields, stored.metadata().clone())
}

/// The Hive partition values in the path of `file` below the table folder `root`
/// (`article_id=art_1/part-0.parquet` gives `article_id = art_1`), outermost first.
/// Values are URL-unescaped as Spark and pyarrow write them; Hive's null marker
/// `__HIVE_DEFAULT_PARTITION__` is null.
pub fn partition_of(root: &Path, file: &Path) -> Vec<(String, Option<String>)> {
    let Ok(rel) = file.strip_prefix(root) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let components: Vec<_> = rel.components().collect();
    for c in components.iter().take(components.len().saturating_sub(1)) {
        let name = c.as_os_str().to_string_lossy();
        if let Some((key, value)) = name.split_once('=') {
            let value = unescape(value);
            let value = (value != "__HIVE_DEFAULT_PARTITION__").then_some(value);
            out.push((unescape(key), value));
        }
    }
    out
}

/// Decodes `%XX` escapes (invalid ones are kept as written; bytes that are not UTF-8 are
/// replaced).
fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::builder::{LargeListBuilder, LargeStringBuilder, StringDictionaryBuilder};
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Int8Type, UInt32Type};
    use arrow_array::{Int32Array, Int64Array, LargeStringArray, NullArray, StringViewArray};

    fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
        RecordBatch::try_from_iter(columns).unwrap()
    }

    #[test]
    fn equivalent_forms_become_the_contract_types_without_casts_noted() {
        let mut kinds = StringDictionaryBuilder::<Int8Type>::new();
        kinds.append_value("direct");
        kinds.append_value("indirect");
        let mut hedges = LargeListBuilder::new(LargeStringBuilder::new());
        hedges.values().append_value("likely");
        hedges.append(true);
        hedges.append(true);
        let b = batch(vec![
            (
                "claim_id",
                Arc::new(LargeStringArray::from(vec!["c1", "c2"])) as ArrayRef,
            ),
            ("text", Arc::new(StringViewArray::from(vec!["x", "y"]))),
            ("kind", Arc::new(kinds.finish())),
            ("hedges", Arc::new(hedges.finish())),
        ]);
        let c = conform("claims", &b, &[]);
        assert!(c.casts.is_empty());
        let contract = arrow_schema("claims").unwrap();
        for f in c.batch.schema().fields() {
            let want = contract.field_with_name(f.name()).unwrap().data_type();
            assert_eq!(f.data_type(), want, "{}", f.name());
        }
        assert_eq!(c.batch.column(0).as_string::<i32>().value(1), "c2");
        assert_eq!(c.batch.column(3).as_list::<i32>().value(0).len(), 1);
    }

    #[test]
    fn integers_that_fit_are_cast_and_those_that_do_not_are_counted() {
        let b = batch(vec![
            (
                "start",
                Arc::new(Int64Array::from(vec![Some(3), None])) as ArrayRef,
            ),
            ("end", Arc::new(Int32Array::from(vec![Some(-1), Some(7)]))),
        ]);
        let c = conform("claims", &b, &[]);
        assert_eq!(c.casts.len(), 2);
        assert_eq!((c.casts[0].column.as_str(), c.casts[0].unfit), ("start", 0));
        assert_eq!((c.casts[1].column.as_str(), c.casts[1].unfit), ("end", 1));
        let start = c.batch.column(0).as_primitive::<UInt32Type>();
        assert_eq!(start.iter().collect::<Vec<_>>(), vec![Some(3), None]);
        assert_eq!(c.batch.column(1).data_type(), &DataType::Int32);
    }

    #[test]
    fn an_all_null_column_of_the_null_type_takes_the_contract_type() {
        let b = batch(vec![("published", Arc::new(NullArray::new(2)) as ArrayRef)]);
        let c = conform("articles", &b, &[]);
        assert_eq!(c.casts[0].unfit, 0);
        assert_eq!(c.batch.column(0).data_type(), &DataType::Date32);
        assert_eq!(c.batch.column(0).null_count(), 2);
    }

    #[test]
    fn partition_values_come_from_the_path_unescaped_and_typed() {
        let root = Path::new("d/claims");
        let file =
            Path::new("d/claims/article_id=art%3A1/kind=__HIVE_DEFAULT_PARTITION__/p.parquet");
        let p = partition_of(root, file);
        assert_eq!(
            p,
            vec![
                ("article_id".to_string(), Some("art:1".to_string())),
                ("kind".to_string(), None)
            ]
        );
        let p = vec![("paragraph".to_string(), Some("4".to_string()))];
        let b = batch(vec![(
            "claim_id",
            Arc::new(StringArray::from(vec!["c"])) as ArrayRef,
        )]);
        let c = conform("claims", &b, &p);
        let para = c.batch.column_by_name("paragraph").unwrap();
        assert_eq!(para.as_primitive::<UInt32Type>().value(0), 4);
        assert_eq!(unescape("a%2Fb%zz%"), "a/b%zz%");
    }
}

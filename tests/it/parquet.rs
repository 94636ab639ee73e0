//! Reading the Parquet tables back: Arrow schemas, key-value metadata, spans.

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_schema::DataType;
use claimset::dataset::{TABLES, arrow_schema, read_table};

use crate::{convert, seed};

#[test]
fn every_table_reads_back_with_its_contract_schema_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    assert_eq!(convert(&[&seed()], &out), 0);
    for (table, record) in TABLES {
        let file = read_table(&out.join(format!("{table}.parquet"))).unwrap();
        let want = arrow_schema(table).unwrap();
        assert_eq!(file.schema.fields(), want.fields(), "{table}");
        let meta: serde_json::Value =
            serde_json::from_str(file.metadata.as_deref().unwrap()).unwrap();
        assert_eq!(meta["record"], *record);
        assert_eq!(meta["offsets"], "unicode_codepoints");
        assert_eq!(meta["schema_version"], claimset::model::SCHEMA_VERSION);
        assert!(meta["json_schema"]["properties"].is_object(), "{table}");
    }
    let claims = arrow_schema("claims").unwrap();
    assert_eq!(
        claims.field_with_name("start").unwrap().data_type(),
        &DataType::UInt32
    );
    match claims.field_with_name("hedges").unwrap().data_type() {
        DataType::List(item) => assert_eq!(item.name(), "element"),
        other => panic!("hedges is {other}"),
    }
    let articles = arrow_schema("articles").unwrap();
    assert_eq!(
        articles.field_with_name("published").unwrap().data_type(),
        &DataType::Date32
    );
}

/// Code-point slicing of the article text gives each claim's and mention's text.
#[test]
fn every_span_round_trips_through_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    let raw = crate::root().join("datasets/raw");
    assert_eq!(convert(&[&raw], &out), 0);
    let articles = read_table(&out.join("articles.parquet")).unwrap();
    let mut texts = std::collections::HashMap::new();
    for b in &articles.batches {
        let ids = b.column_by_name("article_id").unwrap().as_string::<i32>();
        let text = b.column_by_name("text").unwrap().as_string::<i32>();
        for i in 0..b.num_rows() {
            texts.insert(
                ids.value(i).to_string(),
                text.value(i).chars().collect::<Vec<_>>(),
            );
        }
    }
    let mut checked = 0;
    for table in ["claims", "mentions"] {
        let t = read_table(&out.join(format!("{table}.parquet"))).unwrap();
        for b in &t.batches {
            let art = b.column_by_name("article_id").unwrap().as_string::<i32>();
            let text = b.column_by_name("text").unwrap().as_string::<i32>();
            let start = b
                .column_by_name("start")
                .unwrap()
                .as_primitive::<UInt32Type>();
            let end = b
                .column_by_name("end")
                .unwrap()
                .as_primitive::<UInt32Type>();
            for i in 0..b.num_rows() {
                let chars = &texts[art.value(i)];
                let span: String = chars[start.value(i) as usize..end.value(i) as usize]
                    .iter()
                    .collect();
                assert_eq!(span, text.value(i), "{table} row {i}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} spans");
}

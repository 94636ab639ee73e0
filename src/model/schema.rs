//! JSON Schemas of the records: generation (schemars, 2020-12) and validation (jsonschema).

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde::Serialize;
use serde_json::Value;

use super::{Actor, Article, Claim, Finding, Manifest, Mention, Source};

/// A record type with a JSON Schema of its own, written to `schema/<name>.schema.json`.
pub trait Record: Serialize + JsonSchema {
    /// Record name: file stem of its schema and key of its Parquet metadata.
    const NAME: &'static str;
}

macro_rules! records {
    ($($ty:ty => $name:literal),+ $(,)?) => {
        $(impl Record for $ty { const NAME: &'static str = $name; })+

        /// Every record schema, in documentation order: `(record name, schema)`.
        pub fn all_schemas() -> Vec<(&'static str, Value)> {
            vec![$(($name, schema_for::<$ty>())),+]
        }
    };
}

records!(
    Article => "article",
    Claim => "claim",
    Source => "source",
    Actor => "actor",
    Mention => "mention",
    Finding => "finding",
    Manifest => "dataset",
);

/// The JSON Schema (draft 2020-12) of a record, doc comments as descriptions.
pub fn schema_for<T: JsonSchema>() -> Value {
    let schema: Schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.to_value()
}

/// One way a record breaks its schema: where (a JSON pointer) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer into the record, e.g. `/language`; empty for the whole record.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {}", self.message)
    }
}

/// Checks records of one type against its generated schema, formats included.
pub struct Validator {
    inner: jsonschema::Validator,
}

impl Validator {
    /// A validator for records of type `T`.
    pub fn new<T: Record>() -> Self {
        Self::from_schema(&schema_for::<T>()).expect("generated schemas are valid")
    }

    /// A validator for an arbitrary schema value.
    pub fn from_schema(schema: &Value) -> Result<Self, String> {
        let inner = jsonschema::options()
            .should_validate_formats(true)
            .build(schema)
            .map_err(|e| e.to_string())?;
        Ok(Self { inner })
    }

    /// Every violation of `record`; empty when it is valid.
    pub fn check<T: Serialize>(&self, record: &T) -> Vec<Violation> {
        let value = match serde_json::to_value(record) {
            Ok(v) => v,
            Err(e) => {
                return vec![Violation {
                    pointer: String::new(),
                    message: format!("cannot be serialised: {e}"),
                }];
            }
        };
        self.check_value(&value)
    }

    /// Every violation of a JSON value; empty when it is valid.
    pub fn check_value(&self, value: &Value) -> Vec<Violation> {
        // Almost every record is valid: the short-circuiting test is much cheaper than
        // collecting errors, which is only done when there is one.
        if self.inner.is_valid(value) {
            return Vec::new();
        }
        self.inner
            .iter_errors(value)
            .map(|e| Violation {
                pointer: e.instance_path().to_string(),
                message: e.to_string(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, sha256_hex};

    fn article() -> Article {
        let raw = sha256_hex(b"raw");
        Article {
            article_id: ArticleId::from_raw_sha256(&raw),
            title: "T".into(),
            text: "Body.".into(),
            origin: "a.txt".into(),
            source_id: None,
            url: Some("https://example.org/a".into()),
            published: None,
            language: "en".into(),
            related_headlines: vec![],
            word_count: 1,
            raw_sha256: raw,
        }
    }

    #[test]
    fn valid_article_passes() {
        assert_eq!(Validator::new::<Article>().check(&article()), vec![]);
    }

    #[test]
    fn bad_language_and_url_are_reported_with_pointers() {
        let mut a = article();
        a.language = "English please".into();
        a.url = Some("not a url".into());
        let v = Validator::new::<Article>().check(&a);
        let pointers: Vec<_> = v.iter().map(|v| v.pointer.as_str()).collect();
        assert!(pointers.contains(&"/language"), "{v:?}");
        assert!(pointers.contains(&"/url"), "{v:?}");
    }
}

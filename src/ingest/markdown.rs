//! Markdown articles with optional YAML front matter (title, url, outlet, published,
//! language); without a `title`, the first heading or non-empty line is the headline.

use super::{Document, Meta, document, json_kind};

/// Reads a Markdown article.
pub fn read(origin: &str, raw: &[u8], text: &str) -> Result<Document, String> {
    let (meta, body) = split_front_matter(text)?;
    document(origin, raw, meta, body, true)
}

/// Splits `---\nYAML\n---\nbody` into parsed metadata and the body.
fn split_front_matter(text: &str) -> Result<(Meta, &str), String> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((Meta::default(), text));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let meta = if yaml.trim().is_empty() {
                Meta::default()
            } else {
                let value: serde_norway::Value = serde_norway::from_str(yaml)
                    .map_err(|e| format!("front matter is not valid YAML: {e}"))?;
                let json = serde_json::to_value(&value)
                    .map_err(|e| format!("front matter cannot be read: {e}"))?;
                let serde_json::Value::Object(fields) = &json else {
                    return Err(format!(
                        "front matter is {}, expected fields such as `title: ...`",
                        json_kind(&json)
                    ));
                };
                Meta::from_fields(fields).map_err(|e| format!("front matter: {e}"))?
            };
            return Ok((meta, body));
        }
        offset += line.len();
    }
    Err("front matter opened with `---` is never closed".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_are_read() {
        let (meta, body) = split_front_matter(
            "---\ntitle: A\nurl: https://x.org/a\npublished: 2024-05-01\nextra: 1\n---\nBody\n",
        )
        .unwrap();
        assert_eq!(meta.title.as_deref(), Some("A"));
        assert_eq!(meta.url.as_deref(), Some("https://x.org/a"));
        assert!(meta.published.is_some());
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split_front_matter("---\ntitle: A\nBody\n").is_err());
    }
}

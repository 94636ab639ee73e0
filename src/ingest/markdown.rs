//! Markdown articles with optional YAML front matter (title, url, outlet, published,
//! language); without a `title`, the first heading or non-empty line is the headline.

use super::{Document, Meta, document, json_kind};

/// Deepest nesting of collections accepted in front matter; the YAML parser takes time
/// that grows faster than the input with the depth, so deeper front matter is refused
/// by a cheap scan before parsing.
pub const MAX_FRONT_MATTER_DEPTH: usize = 64;

/// Largest front matter handed to the YAML parser, in bytes.
pub const MAX_FRONT_MATTER_BYTES: usize = 1 << 20;

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
                if yaml.len() > MAX_FRONT_MATTER_BYTES {
                    return Err(format!(
                        "front matter larger than {} KiB: not metadata that can be read",
                        MAX_FRONT_MATTER_BYTES >> 10
                    ));
                }
                if yaml_depth(yaml) > MAX_FRONT_MATTER_DEPTH {
                    return Err(format!(
                        "front matter nested more than {MAX_FRONT_MATTER_DEPTH} levels deep: not metadata that can be read"
                    ));
                }
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

/// An upper bound on the nesting depth of the YAML collections in `yaml`, in one pass:
/// open flow brackets (`[`, `{`) outside quoted scalars, plus, on each line, the
/// indentation steps and the block entries (`- `, `? `) that open it. Over-counts (a
/// bracket in a plain scalar counts), never under-counts what the parser nests.
fn yaml_depth(yaml: &str) -> usize {
    let mut deepest = 0;
    let mut flow = 0usize;
    // Indentations of the enclosing block lines.
    let mut indents: Vec<usize> = Vec::new();
    for line in yaml.lines() {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        while indents.last().is_some_and(|&i| i >= indent) {
            indents.pop();
        }
        indents.push(indent);
        let mut rest = body;
        let mut entries = 0;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("? ")) {
            entries += 1;
            rest = r.trim_start_matches(' ');
        }
        let mut quote: Option<char> = None;
        let mut line_flow = flow;
        for c in rest.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') => {
                    flow += 1;
                    line_flow = line_flow.max(flow);
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                (None, '#') => break,
                _ => {}
            }
        }
        deepest = deepest.max(indents.len() + entries + line_flow);
    }
    deepest
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
    fn deep_front_matter_is_refused_before_parsing() {
        let flow = format!(
            "---\nx: {}1{}\n---\nBody\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let err = split_front_matter(&flow).unwrap_err();
        assert!(err.contains("nested more than"), "{err}");
        let block: String = (0..200)
            .map(|i| format!("{}a{i}:\n", " ".repeat(i)))
            .collect();
        let err = split_front_matter(&format!("---\n{block}---\nBody\n")).unwrap_err();
        assert!(err.contains("nested more than"), "{err}");
        let dashes = format!("---\nx:\n{}1\n---\nBody\n", "- ".repeat(100_000));
        assert!(split_front_matter(&dashes).unwrap_err().contains("nested"));
        let ok = "---\ntitle: \"A [b] {c}\"\ntags: [a, [b, c]]\n---\nBody\n";
        assert!(split_front_matter(ok).is_ok());
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split_front_matter("---\ntitle: A\nBody\n").is_err());
    }
}

//! HTML pages: the main text (the `<article>`, else `<main>`, else `<body>`) with
//! boilerplate dropped (scripts, navigation, headers and footers, share and newsletter
//! widgets), the headline from `<h1>` or `<title>`, and metadata from `<meta>` tags.
//!
//! The page is parsed with html5ever (through `scraper`) and walked once, without CSS
//! selectors. html5ever's tree builder takes time quadratic in the nesting depth, so a
//! cheap scan first refuses pages nested deeper than [`MAX_DEPTH`] elements (browsers
//! flatten the tree at the same depth).

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

use super::{Document, Meta, document};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "object", "embed", "svg", "math", "canvas", "select", "textarea", "input",
    "figure", "video", "audio", "dialog", "menu", "head", "title",
];

/// Words in a `class`, `id` or `role` that mark a widget rather than the story.
const BOILERPLATE: &[&str] = &[
    "share",
    "sharing",
    "byline",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "related",
    "recommended",
    "comments",
    "comment",
    "cookie",
    "cookies",
    "consent",
    "advert",
    "advertisement",
    "ads",
    "promo",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
    "navigation",
    "sidebar",
    "popup",
    "modal",
    "paywall",
    "banner",
    "contentinfo",
    "complementary",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "tr",
    "figcaption",
    "address",
    "hr",
];

/// Deepest element nesting read; deeper pages are refused before parsing.
pub const MAX_DEPTH: usize = 512;

/// Most attributes on one element; the parser checks each new attribute against those
/// before it, so an element with more is refused before parsing.
pub const MAX_ATTRIBUTES: usize = 1024;

/// Reads an HTML page.
pub fn read(origin: &str, raw: &[u8], text: &str) -> Result<Document, String> {
    match scan(text, MAX_DEPTH, MAX_ATTRIBUTES) {
        Scan::TooDeep => {
            return Err(format!(
                "HTML nested more than {MAX_DEPTH} elements deep: not a page that can be read"
            ));
        }
        Scan::TooManyAttributes => {
            return Err(format!(
                "HTML element with more than {MAX_ATTRIBUTES} attributes: not a page that can be read"
            ));
        }
        Scan::Fine => {}
    }
    let page = Html::parse_document(text);
    let root = page.tree.root();
    let container = find_container(root);
    let h1 = first_element(container, "h1").or_else(|| first_element(root, "h1"));
    let mut meta = page_meta(root);
    let one_line = |n| text_of(n).split_whitespace().collect::<Vec<_>>().join(" ");
    let h1_text = h1.map(one_line).filter(|t| !t.is_empty());
    meta.title = h1_text.or_else(|| {
        let title = first_element(root, "title").map(one_line)?;
        let title = strip_site_name(&title, meta.outlet.as_deref());
        (!title.is_empty()).then_some(title)
    });
    if meta.title.is_none() {
        return Err("HTML page without a headline: no <h1> or <title>".into());
    }
    let body = main_text(container, h1.map(|h| h.id()));
    if body.trim().is_empty() {
        return Err("HTML page without article text after removing boilerplate".into());
    }
    document(origin, raw, meta, &body, false)
}

/// Whether decoded text from a `.txt` file or stdin is really an HTML page.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = start.chars().take(256).collect::<String>().to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
        || (head.starts_with("<!--") || head.starts_with("<?xml")) && head.contains("<html")
}

/// Elements that never hold content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose end tag may be left out: a start tag of the same name closes the open
/// one (when it is near the top of the stack, and for ruby and select parts only inside
/// their `ruby` or `select`, as the parser does).
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
];

/// Formatting elements: closed out of order (`<a><div></a>`), the parser reopens them
/// inside what they enclosed, so their misplaced end tags close nothing here.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements whose content is raw text, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// What the scan before parsing found.
#[derive(Debug, PartialEq, Eq)]
enum Scan {
    Fine,
    TooDeep,
    TooManyAttributes,
}

/// Whether the elements of `page` nest deeper than `max`.
#[cfg(test)]
fn nesting_exceeds(page: &str, max: usize) -> bool {
    scan(page, max, usize::MAX) == Scan::TooDeep
}

/// How deep the elements of `page` nest (more than `max_depth`?) and whether an element
/// has more than `max_attributes` attributes, by a linear scan of its tags that mimics
/// how the parser opens and closes elements. It errs towards deeper: end tags that close
/// nothing are ignored, elements closed implicitly stay counted.
fn scan(page: &str, max_depth: usize, max_attributes: usize) -> Scan {
    let bytes = page.as_bytes();
    crate::work::add(bytes.len());
    let mut open: Vec<String> = Vec::new();
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    let count = |counts: &std::collections::HashMap<String, usize>, name: &str| {
        counts.get(name).copied().unwrap_or(0)
    };
    let mut i = 0;
    while let Some(lt) = bytes[i..].iter().position(|&b| b == b'<') {
        i += lt + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i += find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name =
            String::from_utf8_lossy(&rest[name_start..name_start + name_len]).to_ascii_lowercase();
        let (end, attributes) = tag_end(&bytes[i + name_start + name_len..]);
        i += name_start + name_len + end;
        if attributes > max_attributes {
            return Scan::TooManyAttributes;
        }
        let pop_to = |open: &mut Vec<String>,
                      counts: &mut std::collections::HashMap<String, usize>,
                      name: &str| {
            while let Some(top) = open.pop() {
                crate::work::add(1);
                if let Some(n) = counts.get_mut(&top) {
                    *n -= 1;
                }
                if top == name {
                    break;
                }
            }
        };
        if closing {
            let formatting = FORMATTING.contains(&name.as_str());
            let closes = if formatting {
                open.last() == Some(&name)
            } else {
                count(&counts, &name) > 0
            };
            if closes {
                pop_to(&mut open, &mut counts, &name);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let end = format!("</{name}");
            let rest = &bytes[i..];
            i += rest
                .windows(end.len())
                .position(|w| w.eq_ignore_ascii_case(end.as_bytes()))
                .unwrap_or(rest.len());
            continue;
        }
        if name == "plaintext" {
            break;
        }
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if OPTIONAL_END.contains(&name.as_str()) && count(&counts, &name) > 0 {
            let within = match name.as_str() {
                "rb" | "rt" | "rtc" | "rp" => count(&counts, "ruby") > 0,
                "option" | "optgroup" => count(&counts, "select") > 0,
                _ => true,
            };
            let near = open.iter().rev().take(8).any(|o| *o == name);
            if within && near {
                pop_to(&mut open, &mut counts, &name);
            }
        }
        crate::work::add(1);
        *counts.entry(name.clone()).or_default() += 1;
        open.push(name);
        if open.len() > max_depth {
            return Scan::TooDeep;
        }
    }
    Scan::Fine
}

/// Offset just past the `>` that ends a tag, skipping quoted attribute values, and the
/// number of attributes in it (names starting after a space, outside quotes).
fn tag_end(bytes: &[u8]) -> (usize, usize) {
    let mut quote = None;
    let mut attributes = 0;
    let mut after_space = true;
    for (k, &b) in bytes.iter().enumerate() {
        match (quote, b) {
            (None, b'>') => return (k + 1, attributes),
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/') => {
                after_space = true;
                continue;
            }
            (None, b'=') => {}
            (None, _) if after_space => attributes += 1,
            _ => {}
        }
        after_space = false;
    }
    (bytes.len(), attributes)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn element(node: NodeRef<'_, Node>) -> Option<&Element> {
    node.value().as_element()
}

fn first_element<'a>(root: NodeRef<'a, Node>, name: &str) -> Option<NodeRef<'a, Node>> {
    root.descendants()
        .find(|n| element(*n).is_some_and(|e| e.name() == name))
}

/// The element holding the story: the outermost `<article>` with the most text, else
/// `<main>` or `role=main`, else `<body>`, else the whole page. One walk over the page.
fn find_container(root: NodeRef<'_, Node>) -> NodeRef<'_, Node> {
    let mut best: Option<(usize, NodeRef<'_, Node>)> = None;
    let mut current: Option<(usize, NodeRef<'_, Node>)> = None;
    let mut main = None;
    let mut body = None;
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if skipping.is_none() => {
                    if let Some((len, _)) = current.as_mut() {
                        *len += t.trim().len();
                    }
                }
                Node::Element(e) => {
                    if skipping.is_none() && is_boilerplate(e) {
                        skipping = Some(node.id());
                    }
                    match e.name() {
                        "article" if current.is_none() && skipping.is_none() => {
                            current = Some((0, node))
                        }
                        "body" if body.is_none() => body = Some(node),
                        _ if main.is_none()
                            && (e.name() == "main" || e.attr("role") == Some("main")) =>
                        {
                            main = Some(node)
                        }
                        _ => {}
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                }
                if let Some((len, article)) = current
                    && article.id() == node.id()
                {
                    if best.is_none_or(|(b, _)| len > b) {
                        best = Some((len, article));
                    }
                    current = None;
                }
            }
        }
    }
    best.map(|(_, a)| a).or(main).or(body).unwrap_or(root)
}

/// Whether an element and everything in it is boilerplate.
fn is_boilerplate(e: &Element) -> bool {
    if SKIPPED.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    let words = e
        .attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .chain(e.attr("role"))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .map(str::to_ascii_lowercase);
    words.into_iter().any(|w| BOILERPLATE.contains(&w.as_str()))
}

/// The text of `container` as paragraphs separated by blank lines, without boilerplate
/// and without the element `skip` (the headline).
fn main_text(container: NodeRef<'_, Node>, skip: Option<ego_tree::NodeId>) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let flush = |line: &mut String, out: &mut String| {
        let tidy = collapse(line);
        if !tidy.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&tidy);
        }
        line.clear();
    };
    for edge in container.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => line.extend(t.chars().map(|c| match c {
                        '\n' | '\r' => ' ',
                        c => c,
                    })),
                    Node::Element(e) => {
                        if Some(node.id()) == skip || is_boilerplate(e) {
                            skipping = Some(node.id());
                        } else if e.name() == "br" {
                            line.push('\n');
                        } else if BLOCKS.contains(&e.name()) {
                            flush(&mut line, &mut out);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && element(node).is_some_and(|e| BLOCKS.contains(&e.name()))
                {
                    flush(&mut line, &mut out);
                }
            }
        }
    }
    flush(&mut line, &mut out);
    out
}

/// All the text below a node.
fn text_of(node: NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// White space collapsed the way a browser shows it, except that `<br>` line breaks stay.
fn collapse(s: &str) -> String {
    s.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `Headline | Outlet` or `Headline - Outlet` → `Headline`, when the outlet is known.
fn strip_site_name(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(&format!("{sep}{outlet}")) {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// URL, outlet, date and language from `<link rel=canonical>`, `<meta>`, `<time>` and
/// `<html lang>`.
fn page_meta(root: NodeRef<'_, Node>) -> Meta {
    let mut meta = Meta::default();
    let mut time = None;
    for node in root.descendants() {
        let Some(e) = element(node) else { continue };
        match e.name() {
            "html" if meta.language.is_none() => {
                meta.language = e.attr("lang").map(|l| l.trim().to_string());
            }
            "link" if meta.url.is_none() => {
                let canonical = e
                    .attr("rel")
                    .is_some_and(|r| r.split_whitespace().any(|w| w == "canonical"));
                if canonical {
                    meta.url = e.attr("href").map(str::to_string);
                }
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = e.attr("content").map(str::trim) else {
                    continue;
                };
                let slot = match key.as_str() {
                    "og:url" => &mut meta.url,
                    "og:site_name" => &mut meta.outlet,
                    "article:published_time"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "dc.date"
                    | "dcterms.date" => {
                        if meta.published.is_none() {
                            meta.published = Some(serde_json::Value::String(content.into()));
                        }
                        continue;
                    }
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = Some(content.to_string());
                }
            }
            "time" if time.is_none() => time = e.attr("datetime").map(str::to_string),
            _ => {}
        }
    }
    if meta.published.is_none() {
        meta.published = time.map(serde_json::Value::String);
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="fr"><head>
<title>Floods hit the delta | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<link rel="canonical" href="https://daily.example/floods">
<meta property="article:published_time" content="2024-03-02T10:00:00Z">
<script>var tracking = "said the minister";</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header class="site-header">Daily Example</header>
<article>
  <h1>Floods  hit the
  delta</h1>
  <div class="share-buttons"><a>Share on X</a><a>Share on Facebook</a></div>
  <p>Rivers rose overnight, <b>officials</b> said.</p>
  <p>“We have never seen this,” a farmer told reporters.<br>He left at dawn.</p>
  <aside>Related: Storms in the north</aside>
</article>
<footer>© Daily Example</footer>
</body></html>"#;

    #[test]
    fn page_gives_headline_text_and_metadata() {
        let doc = read("page.html", PAGE.as_bytes(), PAGE).unwrap();
        assert_eq!(doc.title, "Floods hit the delta");
        assert_eq!(
            doc.body,
            "Rivers rose overnight, officials said.\n\n“We have never seen this,” a farmer \
             told reporters.\nHe left at dawn."
        );
        assert_eq!(doc.url.as_deref(), Some("https://daily.example/floods"));
        assert_eq!(doc.outlet.as_deref(), Some("Daily Example"));
        assert_eq!(doc.language, "fr");
        assert_eq!(doc.published.unwrap().to_string(), "2024-03-02");
    }

    #[test]
    fn title_is_the_headline_without_h1() {
        let page = "<html><head><title>Budget talks stall - The Example</title>\
                    <meta property=og:site_name content='The Example'></head>\
                    <body><main><p>Talks stalled again.</p></main></body></html>";
        let doc = read("p.html", page.as_bytes(), page).unwrap();
        assert_eq!(doc.title, "Budget talks stall");
        assert_eq!(doc.body, "Talks stalled again.");
    }

    #[test]
    fn pages_without_headline_or_text_are_refused() {
        let e = read("x.html", b"", "<html><body><p>text</p></body></html>").unwrap_err();
        assert!(e.contains("headline"), "{e}");
        let e = read("x.html", b"", "<h1>Title</h1><nav>menu</nav>").unwrap_err();
        assert!(e.contains("article text"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = |n: usize| format!("<h1>T</h1>{}text{}", "<div>".repeat(n), "</div>".repeat(n));
        let doc = read("ok.html", b"", &deep(MAX_DEPTH - 10)).unwrap();
        assert_eq!(doc.body, "text");
        let e = read("deep.html", b"", &deep(1_000_000)).unwrap_err();
        assert!(e.contains("nested more than 512"), "{e}");
        let stray = format!("{}{}", "<div></span>".repeat(1000), "x");
        assert!(nesting_exceeds(&stray, MAX_DEPTH));
        let flat = "<p>a<p>b<li>c<br><img src='>'>".repeat(1000);
        assert!(!nesting_exceeds(&flat, MAX_DEPTH));
        assert!(!nesting_exceeds(
            "<script><div><div></script><!-- <div> -->",
            1
        ));
    }

    #[test]
    fn nesting_the_parser_makes_of_optional_and_misnested_tags_is_counted() {
        for (unit, what) in [
            ("<rb>", "rb outside ruby"),
            ("<optgroup>", "optgroup outside select"),
            ("<a><div></a>", "a closed inside a div"),
        ] {
            assert!(
                nesting_exceeds(&unit.repeat(2 * MAX_DEPTH), MAX_DEPTH),
                "{what}"
            );
        }
        let ruby = format!("<ruby>{}</ruby>", "<rb>x<rt>y".repeat(2000));
        assert!(!nesting_exceeds(&ruby, MAX_DEPTH));
        let select = format!("<select>{}</select>", "<optgroup><option>a".repeat(2000));
        assert!(!nesting_exceeds(&select, MAX_DEPTH));
        let links = "<p><a href='#'>x</a> <b>y</b></p>".repeat(2000);
        assert!(!nesting_exceeds(&links, MAX_DEPTH));
    }

    #[test]
    fn elements_with_too_many_attributes_are_refused_before_parsing() {
        let attrs: String = (0..MAX_ATTRIBUTES + 1)
            .map(|i| format!(" a{i}=\"v w\""))
            .collect();
        let page = format!("<h1>T</h1><p{attrs}>text</p>");
        let e = read("attrs.html", b"", &page).unwrap_err();
        assert!(e.contains("attributes"), "{e}");
        let few = format!(
            "<h1>T</h1><p class=x id = 'y z' hidden>text</p>{}",
            "<p a b c>t</p>".repeat(3000)
        );
        assert!(read("ok.html", b"", &few).is_ok());
    }

    #[test]
    fn html_is_recognised_in_text_files() {
        assert!(looks_like_html("\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<HTML><body>"));
        assert!(!looks_like_html("Headline <b>bold</b>\n\nBody"));
    }
}

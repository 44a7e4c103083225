//! The article a page describes in its JSON-LD (`<script type="application/ld+json">`,
//! schema.org), as publishers write it: one object, an array, or a `@graph` whose nodes
//! point at one another by `@id` (the article's author and publisher are often only
//! `{"@id": "…#organization"}`, described elsewhere in the graph).

use std::collections::HashMap;

use serde_json::Value;

use crate::references::decode_references;

/// What the first article node of a page's JSON-LD says of itself (every field empty
/// when it has no article, or does not say).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Described {
    /// Its `url`, else its `mainEntityOfPage` (a URL, or a node's `@id` or `url`).
    pub url: String,
    /// Its `author`: a name, a node with a `name`, or a list of those.
    pub authors: Vec<String>,
    /// Its `datePublished`, as written.
    pub published: String,
    /// Its `publisher`'s `name`.
    pub site: String,
    /// Its `headline`, else its `name`.
    pub headline: String,
    /// Its `inLanguage`, when a plain tag.
    pub language: String,
}

/// The article described by the first of `blocks` (each a script's text) that has one.
/// A block that is not JSON is passed over, as a browser would.
pub(super) fn described(blocks: &[&str]) -> Described {
    let values: Vec<Value> = blocks.iter().filter_map(|b| serde_json::from_str(unwrapped(b)).ok()).collect();
    let mut nodes = Vec::new();
    for value in &values {
        collect(value, &mut nodes);
    }
    let by_id: HashMap<&str, &Value> =
        nodes.iter().filter_map(|n| Some((n.get("@id")?.as_str()?, *n))).collect();
    let Some(article) = nodes.iter().find(|n| is_article(n)) else { return Described::default() };
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(clean).unwrap_or_default();
    let name = |v: &Value| match v {
        Value::String(s) => clean(s),
        other => text(resolved(other, &by_id).get("name")),
    };
    let url = [article.get("url"), article.get("mainEntityOfPage")]
        .into_iter()
        .flatten()
        .find_map(|v| match v {
            Value::String(s) => Some(s.trim().to_owned()),
            other => [other.get("@id"), other.get("url")]
                .into_iter()
                .flatten()
                .find_map(Value::as_str)
                .map(str::to_owned),
        })
        .unwrap_or_default();
    Described {
        url,
        authors: each(article.get("author")).into_iter().map(name).filter(|n| !n.is_empty()).collect(),
        published: text(article.get("datePublished")),
        site: article.get("publisher").map(name).unwrap_or_default(),
        headline: [article.get("headline"), article.get("name")]
            .into_iter()
            .map(text)
            .find(|t| !t.is_empty())
            .unwrap_or_default(),
        language: text(article.get("inLanguage")),
    }
}

/// `v` itself, or when it is only a reference (an `@id` without a name) the node it names.
fn resolved<'a>(v: &'a Value, by_id: &HashMap<&str, &'a Value>) -> &'a Value {
    match v.get("@id").and_then(Value::as_str).and_then(|id| by_id.get(id)) {
        Some(found) if v.get("name").is_none() => found,
        _ => v,
    }
}

/// A script's JSON without the HTML comment or CDATA markers old pages wrap it in.
fn unwrapped(block: &str) -> &str {
    let mut s = block.trim();
    for (open, close) in [("<!--", "-->"), ("/*<![CDATA[*/", "/*]]>*/"), ("<![CDATA[", "]]>")] {
        s = s.strip_prefix(open).unwrap_or(s).trim();
        s = s.strip_suffix(close).unwrap_or(s).trim();
    }
    s
}

/// Every node of `value`: the objects of a list, and a `@graph`'s members, at any depth.
fn collect<'a>(value: &'a Value, nodes: &mut Vec<&'a Value>) {
    match value {
        Value::Array(list) => list.iter().for_each(|v| collect(v, nodes)),
        Value::Object(map) => {
            if map.contains_key("@type") {
                nodes.push(value);
            }
            if let Some(graph) = map.get("@graph") {
                collect(graph, nodes);
            }
        }
        _ => {}
    }
}

/// One value or a list of them, as JSON-LD allows.
fn each(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

/// Whether `node` is an article of some kind: `Article`, any of its `…Article` kinds
/// (`NewsArticle`, `ReportageNewsArticle`, `ScholarlyArticle`…), a blog post or a report.
fn is_article(node: &Value) -> bool {
    each(node.get("@type")).into_iter().filter_map(Value::as_str).any(|t| {
        let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
        t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
    })
}

/// A string as a person reads it: entities decoded (publishers often escape their
/// JSON-LD as HTML), runs of white space as one space, trimmed.
fn clean(s: &str) -> String {
    decode_references(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

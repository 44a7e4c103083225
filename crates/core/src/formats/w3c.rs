//! W3C Web Annotation Data Model (JSON-LD): an `AnnotationCollection` whose first
//! `AnnotationPage` holds every annotation. Each annotation has a `urn:uuid:` id, motivation
//! `classifying`, a tagging `TextualBody` and, when there is one, a commenting body (the
//! note), an assessing body (a claim's status), an identifying body (an entity's type) and
//! a linking `SpecificResource` per source a claim cites (`urn:uuid:` of the source's
//! annotation), each with its motivation; and a target with
//! both a `TextQuoteSelector` and a `TextPositionSelector` in code points. Orphans carry
//! only the quote selector. The target `source` is the article's canonical URL when its
//! metadata has one (an absolute URI), and the text we annotated, by its SHA-256
//! (`urn:sha256:…`), is then the target's `scope`: the model's "context in which the
//! selection was made", which keeps the exact version identified. Without a URL the
//! `source` is that `urn:sha256:` itself, as the model has no way to embed the text:
//! importing needs the article open. The collection's id derives from the text alone.

use serde_json::{Value, json};

use crate::anchor::search;
use crate::creator::Creator;
use crate::model::{Annotation, AnnotationId, Document, Workspace};
use crate::span::check_range;
use crate::status::ClaimStatus;
use crate::tagset::Tag;

use super::imported::SkipReason;
use super::report::ImportReport;
use super::{FileTags, ImportError, Imported, derived_id, is_absolute_uri, tag_from_label, without_bom};

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

fn source(doc: &Document) -> String {
    format!("urn:sha256:{}", doc.sha256())
}

/// The annotations' target, less its selectors: the article's URL with the text's urn as
/// its scope, or the urn alone (see the module's doc).
fn target(doc: &Document) -> Value {
    let urn = source(doc);
    let url = &doc.meta().url;
    if is_absolute_uri(url) { json!({ "source": url, "scope": urn }) } else { json!({ "source": urn }) }
}

fn annotation(a: &Annotation, target: &Value) -> Value {
    let mut bodies = vec![json!({ "type": "TextualBody", "purpose": "tagging", "value": a.tag.key() })];
    let mut motivation = vec!["classifying"];
    let mut text_body = |purpose: &'static str, value: &str| {
        bodies.push(
            json!({ "type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain" }),
        );
        motivation.push(purpose);
    };
    if !a.note.is_empty() {
        text_body("commenting", &a.note);
    }
    if a.tag == Tag::Claim && a.status != ClaimStatus::Unchecked {
        text_body("assessing", a.status.key());
    }
    if !a.entity_type.is_empty() {
        text_body("identifying", &a.entity_type);
    }
    for source in &a.sources {
        bodies.push(json!({ "type": "SpecificResource", "purpose": "linking", "source": format!("urn:uuid:{source}") }));
    }
    if !a.sources.is_empty() {
        motivation.push("linking");
    }
    let quote =
        json!({ "type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix });
    let selectors = if a.orphan {
        vec![quote]
    } else {
        vec![quote, json!({ "type": "TextPositionSelector", "start": a.start, "end": a.end })]
    };
    let motivation = if motivation.len() == 1 { json!(motivation[0]) } else { json!(motivation) };
    let mut target = target.clone();
    target["selector"] = json!(selectors);
    let mut out = json!({
        "@context": CONTEXT,
        "id": format!("urn:uuid:{}", a.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": a.created,
        "modified": a.modified,
        "body": bodies,
        "target": target,
    });
    // The model's agents have a name but no organisation: the name alone goes out.
    if let Some(c) = &a.creator {
        out["creator"] = json!({ "type": "Person", "name": c.name });
    }
    out
}

/// The annotation's `creator`: a `Person` (or any agent) with a `name`, the first of a
/// list, or a plain string; anything else reads as none.
fn creator(a: &Value) -> Option<Creator> {
    let agent = match a.get("creator")? {
        Value::Array(list) => list.first()?,
        one => one,
    };
    let name = agent.as_str().or_else(|| agent.get("name")?.as_str())?;
    Creator::new(name, "")
}

/// The workspace as one `AnnotationCollection`.
pub fn export(ws: &Workspace) -> String {
    let target = target(&ws.document);
    let items: Vec<Value> = ws.annotations().iter().map(|a| annotation(a, &target)).collect();
    let id = format!("urn:uuid:{}", derived_id(&source(&ws.document)));
    let collection = json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": ws.document.title(),
        "total": items.len(),
        "first": {
            "@context": CONTEXT,
            "id": format!("{id}#page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut out = serde_json::to_string_pretty(&collection).expect("plain data always serialises");
    out.push('\n');
    out
}

/// One value or a list of them, as JSON-LD allows.
fn each(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

fn is_type(v: &Value, name: &str) -> bool {
    each(v.get("type")).iter().any(|t| t.as_str() == Some(name))
}

fn annotations_in(v: &Value) -> Result<Vec<&Value>, ImportError> {
    if v.is_array() {
        return Ok(each(Some(v)));
    }
    if is_type(v, "AnnotationCollection") {
        return match v.get("first") {
            Some(page) if page.is_object() => Ok(each(page.get("items"))),
            Some(_) => Err(ImportError::Shape(
                "the collection only links to its pages; export it with the pages embedded".into(),
            )),
            None => Ok(Vec::new()),
        };
    }
    if is_type(v, "AnnotationPage") {
        return Ok(each(v.get("items")));
    }
    if is_type(v, "Annotation") {
        return Ok(vec![v]);
    }
    Err(ImportError::Unrecognised(
        "W3C Web Annotation JSON (an Annotation, AnnotationPage or AnnotationCollection)",
    ))
}

struct Selectors {
    position: Option<(usize, usize)>,
    quote: Option<(String, String, String)>,
}

fn selectors(a: &Value) -> Selectors {
    let mut found = Selectors { position: None, quote: None };
    for target in each(a.get("target")) {
        for sel in each(target.get("selector")) {
            let text = |k: &str| sel.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            let num = |k: &str| sel.get(k).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
            if is_type(sel, "TextPositionSelector") && found.position.is_none() {
                found.position = num("start").zip(num("end"));
            }
            if is_type(sel, "TextQuoteSelector") && found.quote.is_none() && !text("exact").is_empty() {
                found.quote = Some((text("exact"), text("prefix"), text("suffix")));
            }
        }
    }
    found
}

fn bodies_with(a: &Value, purposes: &[&str]) -> Vec<String> {
    each(a.get("body"))
        .into_iter()
        .filter(|b| b.get("purpose").and_then(Value::as_str).is_some_and(|p| purposes.contains(&p)))
        .filter_map(|b| b.get("value").and_then(Value::as_str).map(str::to_owned))
        .collect()
}

/// The annotations a linking body points to by `urn:uuid:` (ours: a claim's sources).
fn links(a: &Value) -> Vec<AnnotationId> {
    each(a.get("body"))
        .into_iter()
        .filter(|b| b.get("purpose").and_then(Value::as_str) == Some("linking"))
        .filter_map(|b| b.get("source")?.as_str()?.strip_prefix("urn:uuid:")?.parse().ok())
        .collect()
}

fn time(a: &Value, key: &str, now: &str) -> String {
    a.get(key)
        .and_then(Value::as_str)
        .filter(|t| humantime::parse_rfc3339_weak(t).is_ok())
        .unwrap_or(now)
        .to_owned()
}

fn id_of(a: &Value, n: usize, doc: &Document) -> AnnotationId {
    match a.get("id").and_then(Value::as_str) {
        Some(id) => {
            id.strip_prefix("urn:uuid:").and_then(|u| u.parse().ok()).unwrap_or_else(|| derived_id(id))
        }
        None => derived_id(&format!("{}#{n}", doc.sha256())),
    }
}

/// Reads W3C annotations (ours, or Hypothesis/Recogito-style ones with TextQuote and
/// TextPosition selectors) onto `doc`. Positions are checked against the quote; where they
/// disagree (other tools count UTF-16 units, or the text differs) the quote and its context
/// are searched for; a quote not found is kept as an orphan.
pub fn import(doc: &Document, input: &str, now: &str) -> Result<Imported, ImportError> {
    let input = without_bom(input);
    let value: Value = serde_json::from_str(input).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let (mut report, mut tag_labels) = (ImportReport::default(), Vec::new());
    for (i, a) in annotations_in(&value)?.into_iter().enumerate() {
        let n = i + 1;
        let labels = bodies_with(a, &["tagging", "classifying"]);
        let Some((tag, label)) =
            labels.iter().find_map(|l| tag_from_label(l).map(|t| (t, l.trim().to_owned())))
        else {
            report.skip_annotation(n, SkipReason::NoTag);
            continue;
        };
        tag_labels.push((tag, label));
        let id = id_of(a, n, doc);
        if let Err(why) = report.first_sight(id) {
            report.skip_annotation(n, why);
            continue;
        }
        let sel = selectors(a);
        let (exact, prefix, suffix) = sel.quote.clone().unwrap_or_default();
        let mut ann = Annotation {
            id,
            tag,
            start: 0,
            end: 0,
            exact,
            prefix,
            suffix,
            note: bodies_with(a, &["commenting", "describing"]).join("\n\n"),
            status: bodies_with(a, &["assessing"])
                .iter()
                .find_map(|s| ClaimStatus::from_key(&s.trim().to_lowercase()))
                .unwrap_or_default(),
            entity_type: bodies_with(a, &["identifying"])
                .first()
                .map_or_else(String::new, |t| t.trim().to_owned()),
            sources: links(a),
            created: time(a, "created", now),
            modified: time(a, "modified", now),
            orphan: false,
            creator: creator(a),
        };
        let position = sel
            .position
            .filter(|&(s, e)| check_range(doc, &(s..e)).is_ok())
            .filter(|&(s, e)| sel.quote.as_ref().is_none_or(|(exact, ..)| doc.slice(s, e) == exact));
        if let Some((s, e)) = position {
            report.keep(ann.anchored_at(doc, s..e));
        } else if sel.quote.is_some() {
            match search(doc, &ann, sel.position.map_or(0, |p| p.0)) {
                // Without a position, where it is found is where it is.
                Some(r) if sel.position.is_none() => report.keep(ann.anchored_at(doc, r)),
                Some(r) => report.keep_moved(ann.anchored_at(doc, r)),
                None => {
                    ann.orphan = true;
                    report.keep_orphan(ann);
                }
            }
        } else {
            report.skip_annotation(n, SkipReason::NoQuoteOrPosition);
        }
    }
    Ok(report.finish(FileTags::Named, None, |kept| {
        Workspace::with_annotations(doc.clone(), kept, Default::default()).with_labels(tag_labels)
    }))
}

#[cfg(test)]
#[path = "w3c_tests.rs"]
mod tests;

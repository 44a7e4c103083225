//! doccano JSONL (sequence labeling with relations): one line per document,
//! `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}], "relations":
//! [{"id", "from_id", "to_id", "type": "source"}]}` — a relation per claim→source link.
//! Offsets are code points, as doccano (Python) counts them. Cannot carry: notes, our
//! ids, times, quotes' context, statuses, entity types and orphans (they have no position).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Annotation, AnnotationId, Document, Workspace};
use crate::span::check_range;
use crate::tagset::Tag;

use super::imported::{SkipReason, Skipped};
use super::report::ImportReport;
use super::{FileTags, ImportError, Imported, derived_id, tag_from_label, without_bom};

#[derive(Serialize, Deserialize)]
struct Entity {
    id: u64,
    start_offset: usize,
    end_offset: usize,
    label: String,
}

/// The relation type a claim→source link has in doccano.
const SOURCE_RELATION: &str = "source";

#[derive(Serialize, Deserialize)]
struct Relation {
    id: u64,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    entities: Vec<Entity>,
    relations: Vec<Relation>,
}

/// One JSONL line for the workspace's document.
pub fn export(ws: &Workspace) -> String {
    let placed: Vec<_> = ws.annotations().iter().filter(|a| !a.orphan).zip(1..).collect();
    let entity_of: HashMap<AnnotationId, u64> = placed.iter().map(|(a, n)| (a.id, *n)).collect();
    let entities = placed
        .iter()
        .map(|(a, id)| Entity {
            id: *id,
            start_offset: a.start,
            end_offset: a.end,
            label: ws.tagset().label(a.tag),
        })
        .collect();
    let relations = placed
        .iter()
        .flat_map(|(a, from)| a.sources.iter().filter_map(|s| entity_of.get(s)).map(move |to| (*from, *to)))
        .zip(1..)
        .map(|((from_id, to_id), id)| Relation { id, from_id, to_id, kind: SOURCE_RELATION.to_owned() })
        .collect();
    let line = Line { text: ws.document.text(), entities, relations };
    let mut out = serde_json::to_string(&line).expect("plain data always serialises");
    out.push('\n');
    out
}

#[derive(Deserialize)]
struct InLine {
    text: String,
    #[serde(default)]
    entities: Vec<serde_json::Value>,
    /// Older doccano exports: `"label": [[start, end, "Label"], …]`.
    #[serde(default)]
    label: Vec<(usize, usize, String)>,
    #[serde(default)]
    relations: Vec<serde_json::Value>,
}

/// Reads the first document of a doccano JSONL file (further lines are reported, not read).
pub fn import(input: &str, title: &str, now: &str) -> Result<Imported, ImportError> {
    let mut lines = without_bom(input).lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().ok_or(ImportError::Unrecognised("a doccano JSONL export (it is empty)"))?;
    let line: InLine = serde_json::from_str(first).map_err(|e| {
        if e.is_data() {
            ImportError::Unrecognised("a doccano JSONL export (no \"text\" on its first line)")
        } else {
            ImportError::NotJson(e.to_string())
        }
    })?;
    let doc = Document::new(title, &line.text);
    let mut report = ImportReport::default();
    let mut spans: Vec<(Option<u64>, usize, usize, String)> =
        line.label.into_iter().map(|(s, e, l)| (None, s, e, l)).collect();
    for (i, e) in line.entities.into_iter().enumerate() {
        match serde_json::from_value::<Entity>(e) {
            Ok(e) => spans.push((Some(e.id), e.start_offset, e.end_offset, e.label)),
            Err(err) => report.skip_annotation(i + 1, SkipReason::Unreadable(err.to_string())),
        }
    }
    let (mut labels, mut by_entity) = (Vec::new(), HashMap::new());
    for (n, (entity, start, end, label)) in spans.into_iter().enumerate().map(|(i, s)| (i + 1, s)) {
        let Some(tag) = tag_from_label(&label) else {
            report.skip_annotation(n, SkipReason::EmptyLabel);
            continue;
        };
        labels.push((tag, label.trim().to_owned()));
        if let Err(e) = check_range(&doc, &(start..end)) {
            report.skip_annotation(n, SkipReason::Span(e));
            continue;
        }
        let id = derived_id(&format!("doccano:{}:{start}:{end}:{label}", doc.sha256()));
        if let Some(entity) = entity {
            by_entity.insert(entity, report.kept_len());
        }
        report.keep(Annotation::new(&doc, start..end, tag, id, now));
    }
    link_sources(&mut report, &by_entity, line.relations);
    if lines.next().is_some() {
        report.skip(Skipped::MoreDocuments { count: 1 + lines.count() });
    }
    let imported = report.finish(FileTags::Named, None, |kept| {
        Workspace::with_annotations(doc, kept, Default::default()).with_labels(labels)
    });
    Ok(Imported { spans_only: true, ..imported })
}

/// Claim→source relations become links; other relations are reported and left out.
fn link_sources(
    report: &mut ImportReport,
    by_entity: &HashMap<u64, usize>,
    relations: Vec<serde_json::Value>,
) {
    for (n, r) in relations.into_iter().enumerate().map(|(i, r)| (i + 1, r)) {
        let kept = report.kept_mut();
        let ends = serde_json::from_value::<Relation>(r).ok().and_then(|r| {
            let (from, to) = (*by_entity.get(&r.from_id)?, *by_entity.get(&r.to_id)?);
            (kept[from].tag == Tag::Claim && kept[to].tag == Tag::Source).then_some((from, to))
        });
        match ends {
            Some((from, to)) => {
                let source = kept[to].id;
                if !kept[from].sources.contains(&source) {
                    kept[from].sources.push(source);
                }
            }
            None => report.skip(Skipped::Relation { index: n }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::tagset::Tag;
    use crate::test_support::{NOW, id};

    #[test]
    fn exports_one_line_with_code_point_offsets_and_reads_it_back() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "🤦🏼‍♂️ 日本 said")));
        ed.add(6..8, Tag::Entity, id(1), NOW).unwrap();
        ed.add(0..5, Tag::Claim, id(2), NOW).unwrap();
        let out = export(ed.workspace());
        assert_eq!(
            out,
            "{\"text\":\"🤦🏼‍♂️ 日本 said\",\"entities\":[{\"id\":1,\"start_offset\":0,\"end_offset\":5,\"label\":\"Claim\"},\
             {\"id\":2,\"start_offset\":6,\"end_offset\":8,\"label\":\"Entity\"}],\"relations\":[]}\n"
        );
        let back = import(&out, "t", NOW).unwrap();
        let spans =
            |ws: &Workspace| ws.annotations().iter().map(|a| (a.start, a.end, a.tag)).collect::<Vec<_>>();
        assert_eq!(spans(&back.workspace), spans(ed.workspace()));
        assert_eq!(export(&back.workspace), out, "round trip");
        assert_eq!(import(&out, "t", NOW).unwrap().workspace, back.workspace, "stable ids");
    }

    #[test]
    fn claim_to_source_links_are_relations_both_ways() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "Tokyo said the paper said so")));
        ed.add(0..10, Tag::Claim, id(1), NOW).unwrap();
        ed.add(11..20, Tag::Source, id(2), NOW).unwrap();
        ed.link(id(1), id(2), NOW).unwrap();
        let out = export(ed.workspace());
        assert!(
            out.ends_with("\"relations\":[{\"id\":1,\"from_id\":1,\"to_id\":2,\"type\":\"source\"}]}\n"),
            "{out}"
        );
        let back = import(&out, "t", NOW).unwrap();
        let claim = back.workspace.annotations().iter().find(|a| a.tag == Tag::Claim).unwrap();
        let source = back.workspace.annotations().iter().find(|a| a.tag == Tag::Source).unwrap();
        assert_eq!(claim.sources, vec![source.id]);
        assert_eq!(export(&back.workspace), out, "round trip");
        let odd = out.replace("\"from_id\":1,\"to_id\":2", "\"from_id\":2,\"to_id\":1");
        let got = import(&odd, "t", NOW).unwrap();
        assert_eq!(got.skipped, vec![Skipped::Relation { index: 1 }]);
        assert!(got.workspace.annotations().iter().all(|a| a.sources.is_empty()));
    }

    #[test]
    fn reads_the_older_label_form_and_reports_what_it_skips() {
        let input = "{\"text\": \"ab cd\", \"label\": [[0, 2, \"CLAIM\"], [3, 9, \"Claim\"], [0, 1, \"PER\"]]}\n{\"text\": \"x\"}\n";
        let got = import(input, "t", NOW).unwrap();
        assert_eq!(got.workspace.annotations().len(), 2);
        let per =
            got.workspace.annotations().iter().find(|a| a.tag.key() == "per").expect("PER kept as a tag");
        assert_eq!(got.workspace.tagset().label(per.tag), "PER");
        assert_eq!(
            crate::test_support::skipped_lines(&got),
            vec![
                "#2 The selection ends at 9, past the end of the text (5 characters).",
                "only the first document was read; 1 more line(s) were not",
            ]
        );
        assert!(matches!(import("", "t", NOW), Err(ImportError::Unrecognised(_))));
        assert!(matches!(import("{\"rows\": 1}", "t", NOW), Err(ImportError::Unrecognised(_))));
    }

    #[test]
    fn a_file_saved_with_a_byte_order_mark_imports_as_without() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "Tokyo said so")));
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        let plain = export(ed.workspace());
        let got = import(&format!("\u{feff}{plain}"), "t", NOW).unwrap();
        assert_eq!(got.workspace.document.text(), "Tokyo said so", "the mark is not part of the text");
        assert_eq!(got, import(&plain, "t", NOW).unwrap());
    }
}

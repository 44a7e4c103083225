//! doccano JSONL (sequence labeling with relations): one line per document,
//! `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}], "relations": []}`.
//! Offsets are code points, as doccano (Python) counts them. Cannot carry: notes, our
//! ids, times, quotes' context, and orphans (they have no position).

use serde::{Deserialize, Serialize};

use crate::editor::check_range;
use crate::format::{ImportError, Imported};
use crate::model::{Annotation, Document, Workspace};

use super::{derived_id, tag_from_label};

#[derive(Serialize, Deserialize)]
struct Entity {
    id: u64,
    start_offset: usize,
    end_offset: usize,
    label: String,
}

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    entities: Vec<Entity>,
    relations: Vec<serde_json::Value>,
}

/// One JSONL line for the workspace's document.
pub fn export(ws: &Workspace) -> String {
    let entities = ws
        .annotations()
        .iter()
        .filter(|a| !a.orphan)
        .zip(1..)
        .map(|(a, id)| Entity { id, start_offset: a.start, end_offset: a.end, label: ws.tagset.label(a.tag) })
        .collect();
    let line = Line { text: ws.document.text(), entities, relations: Vec::new() };
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
}

/// Reads the first document of a doccano JSONL file (further lines are reported, not read).
pub fn import(input: &str, title: &str, now: &str) -> Result<Imported, ImportError> {
    let mut lines = input.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().ok_or(ImportError::Unrecognised("a doccano JSONL export (it is empty)"))?;
    let line: InLine = serde_json::from_str(first).map_err(|e| {
        if e.is_data() {
            ImportError::Unrecognised("a doccano JSONL export (no \"text\" on its first line)")
        } else {
            ImportError::NotJson(e.to_string())
        }
    })?;
    let doc = Document::new(title, &line.text);
    let mut skipped = Vec::new();
    let mut spans: Vec<(usize, usize, String)> = line.label;
    for (i, e) in line.entities.into_iter().enumerate() {
        match serde_json::from_value::<Entity>(e) {
            Ok(e) => spans.push((e.start_offset, e.end_offset, e.label)),
            Err(err) => skipped.push(format!("#{} {err}", i + 1)),
        }
    }
    let (mut kept, mut labels) = (Vec::new(), Vec::new());
    for (n, (start, end, label)) in spans.into_iter().enumerate().map(|(i, s)| (i + 1, s)) {
        let Some(tag) = tag_from_label(&label) else {
            skipped.push(format!("#{n} has an empty label"));
            continue;
        };
        labels.push((tag, label.trim().to_owned()));
        if let Err(e) = check_range(&doc, &(start..end)) {
            skipped.push(format!("#{n} {e}"));
            continue;
        }
        let id = derived_id(&format!("doccano:{}:{start}:{end}:{label}", doc.sha256()));
        kept.push(Annotation::new(&doc, start..end, tag, id, now));
    }
    if lines.next().is_some() {
        skipped
            .push(format!("only the first document was read; {} more line(s) were not", 1 + lines.count()));
    }
    Ok(Imported {
        workspace: Workspace::with_annotations(doc, kept, Default::default()).with_labels(labels),
        revision: None,
        skipped,
        moved: 0,
        orphaned: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::Tag;
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
    fn reads_the_older_label_form_and_reports_what_it_skips() {
        let input = "{\"text\": \"ab cd\", \"label\": [[0, 2, \"CLAIM\"], [3, 9, \"Claim\"], [0, 1, \"PER\"]]}\n{\"text\": \"x\"}\n";
        let got = import(input, "t", NOW).unwrap();
        assert_eq!(got.workspace.annotations().len(), 2);
        let per =
            got.workspace.annotations().iter().find(|a| a.tag.key() == "per").expect("PER kept as a tag");
        assert_eq!(got.workspace.tagset.label(per.tag), "PER");
        assert_eq!(
            got.skipped,
            vec![
                "#2 The selection ends at 9, past the end of the text (5 characters).",
                "only the first document was read; 1 more line(s) were not",
            ]
        );
        assert!(matches!(import("", "t", NOW), Err(ImportError::Unrecognised(_))));
        assert!(matches!(import("{\"rows\": 1}", "t", NOW), Err(ImportError::Unrecognised(_))));
    }
}

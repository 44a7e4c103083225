//! A document's links through the native format: written with it, read back, checked
//! one by one, and absent from (so byte-identical to) exports of documents without any.

use serde_json::json;

use super::*;
use crate::anchor::update_text;
use crate::article_from_markdown;
use crate::doc_link::DocLink;
use crate::editor::Editor;
use crate::tagset::Tag;
use crate::test_support::{NOW, id, skipped_lines};

const MARKDOWN: &str = "# Budget\n\nThe [minister](https://gov.test/m \"Her page\") said [taxes](<https://x.test/a b>) \
                        will fall. 日本 [😀 too](javascript:alert(1)).";

/// A Markdown article with one annotation, as the app would have it open.
fn linked() -> Workspace {
    let doc = article_from_markdown("Given", MARKDOWN).unwrap().document;
    let mut ed = Editor::new(Workspace::new(doc));
    ed.add(12..20, Tag::Source, id(1), NOW).unwrap();
    ed.workspace().clone()
}

fn fixture(version: u32) -> String {
    let path = format!("{}/tests/fixtures/schema-v{version}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn value(ws: &Workspace) -> Value {
    serde_json::from_str(&export_json(ws)).unwrap()
}

#[test]
fn a_markdown_articles_links_survive_export_and_import() {
    let ws = linked();
    assert_eq!(ws.document.links().len(), 3);
    let v = value(&ws);
    assert_eq!(v["schema_version"], 4, "links need schema 4");
    assert_eq!(
        v["document"]["links"],
        json!([
            {"start": 12, "end": 20, "url": "https://gov.test/m", "title": "Her page"},
            {"start": 26, "end": 31, "url": "https://x.test/a b"},
            {"start": 46, "end": 51, "url": "javascript:alert(1)"},
        ]),
        "code points, half-open; no title is no key"
    );
    let first = export_json(&ws);
    let back = import_json(&first).unwrap();
    assert!(back.skipped.is_empty(), "{:?}", back.skipped);
    assert_eq!(back.workspace, ws);
    assert_eq!(back.workspace.document.links(), ws.document.links());
    assert_eq!(export_json(&back.workspace), first, "export → import → export: the same bytes");
    let stored = import_json(&storage_json(&ws, 7)).unwrap();
    assert_eq!((stored.workspace, stored.revision), (ws, Some(7)));
}

/// The fixture was written by the release before links: without links, an export is
/// still those very bytes (schema 3, no `links` key), so that release reads it.
#[test]
fn an_export_without_links_is_byte_identical_to_the_previous_release() {
    let raw = fixture(3);
    let got = import_json(&raw).unwrap();
    assert!(got.workspace.document.links().is_empty());
    assert_eq!(export_json(&got.workspace), raw);
    let plain = Workspace::new(Document::new("t", "no links here"));
    for out in [export_json(&plain), storage_json(&plain, 1)] {
        assert!(!out.contains("\"links\""), "{out}");
        assert!(out.contains("\"schema_version\":3") || out.contains("\"schema_version\": 3"), "{out}");
    }
}

#[test]
fn older_files_without_links_import_with_none() {
    for version in 1..=3 {
        let got = import_json(&fixture(version)).unwrap();
        assert!(got.skipped.is_empty(), "{:?}", got.skipped);
        assert!(got.workspace.document.links().is_empty(), "schema {version}");
    }
}

/// A schema 3 file by hand with links: read as links (that shape is the current one).
#[test]
fn links_in_a_file_saying_schema_3_are_read_too() {
    let mut v = value(&linked());
    v["schema_version"] = 3.into();
    assert_eq!(import_json(&v.to_string()).unwrap().workspace, linked());
}

#[test]
fn bad_links_are_dropped_and_reported_one_by_one() {
    let mut v = value(&linked());
    let good = v["document"]["links"][0].clone();
    let mut bad = vec![good.clone()];
    for (field, to) in [("end", json!(999)), ("end", json!(12)), ("start", json!(21)), ("start", json!("4"))]
    {
        let mut link = good.clone();
        link[field] = to;
        bad.push(link);
    }
    bad.push(json!({"start": 0, "end": 2}));
    v["document"]["links"] = Value::Array(bad);
    let got = import_json(&v.to_string()).unwrap();
    assert_eq!(got.workspace.annotations().len(), 1, "the annotation still comes in");
    assert_eq!(got.workspace.document.links().len(), 1);
    assert_eq!(got.workspace.document.links()[0].url, "https://gov.test/m");
    let len = got.workspace.document.char_len();
    assert_eq!(
        skipped_lines(&got),
        vec![
            format!("link 2 end 999 is past the text length {len}"),
            "link 3 start 12 is not before end 12".to_owned(),
            "link 4 start 21 is not before end 20".to_owned(),
            "link 5 invalid type: string \"4\", expected usize".to_owned(),
            "link 6 missing field `url`".to_owned(),
        ]
    );
    assert_eq!(got.skipped[0], Skipped::Link { index: 2, reason: SkipReason::PastEnd { end: 999, len } });
}

/// Edited by hand, the text no longer has the places the links were counted in.
#[test]
fn links_of_an_edited_text_are_dropped_and_reported_once() {
    let mut v = value(&linked());
    let text = v["document"]["text"].as_str().unwrap().to_owned();
    v["document"]["text"] = json!(format!("New first line.\n{text}"));
    let got = import_json(&v.to_string()).unwrap();
    assert!(got.workspace.document.links().is_empty());
    assert_eq!(got.skipped, vec![Skipped::LinksOnEarlierText { count: 3 }]);
    assert_eq!(got.moved, 1, "the annotation, unlike a link, is found again by its quote");
}

/// A new version of the text brings its own links; undo brings the old ones back.
#[test]
fn a_text_update_drops_the_old_texts_links_and_undo_restores_them() {
    let ws = linked();
    let mut ed = Editor::new(ws.clone());
    let (plain, _) = update_text(&ws, Document::new("Budget", &format!("Update. {}", ws.document.text())));
    ed.transform(plain, NOW);
    assert!(ed.workspace().document.links().is_empty());
    assert_eq!(ed.workspace().annotations()[0].start, 20, "the annotation moved with its text");
    assert!(ed.undo(NOW));
    assert_eq!(ed.workspace().document.links(), ws.document.links());

    // The same words with links of their own (a Markdown file of a pasted text): an edit.
    let mut ed = Editor::new(Workspace::new(ws.document.retitled("Budget").with_links([])));
    let again = DocLink { start: 0, end: 3, url: "https://a.test".into(), title: None };
    let relinked = ed.workspace().document.as_ref().clone().with_links([again.clone()]);
    let (updated, _) = update_text(ed.workspace(), relinked);
    ed.transform(updated, NOW);
    assert_eq!(ed.workspace().document.links(), &[again]);
    assert!(ed.undo(NOW));
    assert!(ed.workspace().document.links().is_empty());
}

//! The article's metadata through the native format: written with its document as schema
//! 6, read back exactly, and absent from (so byte-identical to) exports of documents
//! without any.

use serde_json::json;

use super::*;
use crate::editor::Editor;
use crate::meta::ArticleMeta;
use crate::tagset::Tag;
use crate::test_support::{NOW, id, skipped_lines};

const TEXT: &str = "Tokyo said 日本 exports fell 🤦🏼‍♂️ twice.";

fn fixture(version: u32) -> String {
    let path = format!("{}/tests/fixtures/schema-v{version}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn meta() -> ArticleMeta {
    ArticleMeta {
        url: "https://news.test/a?b=1&c=<2>".into(),
        authors: vec!["Ana Díaz".into(), "Kenji Satō".into()],
        published: "2024-03-05T10:22:00+01:00".into(),
        site: "The \"Test\" Times".into(),
        language: "ja".into(),
        added: NOW.into(),
    }
}

fn annotated(meta: ArticleMeta) -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("Exports", TEXT)));
    ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
    ed.set_meta(meta, NOW);
    ed.workspace().clone()
}

#[test]
fn metadata_is_written_as_schema_6_and_read_back_exactly() {
    let ws = annotated(meta());
    let out = export_json(&ws);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 6);
    assert_eq!(
        v["document"]["meta"],
        json!({
            "url": "https://news.test/a?b=1&c=<2>",
            "authors": ["Ana Díaz", "Kenji Satō"],
            "published": "2024-03-05T10:22:00+01:00",
            "site": "The \"Test\" Times",
            "language": "ja",
            "added": NOW,
        })
    );
    let back = import_json(&out).unwrap();
    assert_eq!(back.workspace, ws);
    assert_eq!(back.workspace.document.meta(), &meta());
    assert_eq!(export_json(&back.workspace), out, "byte for byte");
    let stored = import_json(&storage_json(&ws, 7)).unwrap();
    assert_eq!((stored.workspace.document.meta(), stored.revision), (&meta(), Some(7)));
}

#[test]
fn a_document_without_metadata_is_written_as_before() {
    let ws = annotated(ArticleMeta::default());
    let out = export_json(&ws);
    assert!(!out.contains("\"meta\""), "no empty metadata in files");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], CURRENT_SHAPE_SINCE, "what the release before metadata writes");
    // One field is enough to say 6: the release before would take it for damage.
    let only_added = annotated(ArticleMeta { added: NOW.into(), ..ArticleMeta::default() });
    assert_eq!(serde_json::from_str::<Value>(&export_json(&only_added)).unwrap()["schema_version"], 6);
}

#[test]
fn the_schema_6_fixture_reads_and_writes_back_byte_for_byte() {
    let raw = fixture(6);
    let got = import_json(&raw).unwrap();
    assert!(got.skipped.is_empty(), "{:?}", got.skipped);
    let ws = &got.workspace;
    let meta = ws.document.meta();
    assert_eq!(meta.url, "https://paper.test/2026/11/26/tokyo-networks");
    assert_eq!(meta.authors, ["Ana Díaz", "Kenji Satō"]);
    assert_eq!(
        (meta.published.as_str(), meta.site.as_str()),
        ("2026-11-25T08:30:00+09:00", "The Paper <Test>")
    );
    assert_eq!((meta.language.as_str(), meta.added.as_str()), ("en-GB", "2026-11-26T09:59:00.000Z"));
    assert_eq!((ws.annotations().len(), ws.conflicts().len(), ws.document.links().len()), (4, 1, 1));
    assert_eq!(export_json(ws), raw);
}

#[test]
fn the_release_before_refuses_schema_6_as_newer() {
    // The release before reads up to 5 and refuses anything past it by this same check
    // (`migrate::upgrade`); here, one past this app's.
    let mut value: Value = serde_json::from_str(&fixture(6)).unwrap();
    value["schema_version"] = json!(u64::from(SCHEMA_VERSION) + 1);
    let err = import_json(&value.to_string()).unwrap_err();
    assert_eq!(err, ImportError::NewerSchema { found: u64::from(SCHEMA_VERSION) + 1 });
    assert!(err.to_string().contains("Update the app"), "{err}");
}

#[test]
fn unreadable_metadata_is_reported_and_the_rest_comes_in() {
    let mut v: Value = serde_json::from_str(&export_json(&annotated(meta()))).unwrap();
    v["document"]["meta"]["authors"] = json!("Ana Díaz");
    let got = import_json(&v.to_string()).unwrap();
    assert!(got.workspace.document.meta().is_empty());
    assert_eq!(got.workspace.annotations().len(), 1);
    assert!(matches!(&got.skipped[..], [Skipped::Meta(_)]), "{:?}", got.skipped);
    assert!(
        skipped_lines(&got)[0].starts_with("the article's details (invalid type"),
        "{:?}",
        skipped_lines(&got)
    );
    v["document"]["meta"] = json!({"url": "https://x.test", "colour": "red"});
    let got = import_json(&v.to_string()).unwrap();
    assert!(skipped_lines(&got)[0].contains("unknown field `colour`"), "{:?}", skipped_lines(&got));
}

#[test]
fn a_file_missing_some_fields_of_its_metadata_reads_them_as_empty() {
    let mut v: Value = serde_json::from_str(&export_json(&annotated(meta()))).unwrap();
    v["document"]["meta"] = json!({"site": "Only the site"});
    let got = import_json(&v.to_string()).unwrap();
    assert_eq!(
        got.workspace.document.meta(),
        &ArticleMeta { site: "Only the site".into(), ..ArticleMeta::default() }
    );
}

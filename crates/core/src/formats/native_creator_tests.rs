//! Who made each annotation, through the native format and W3C: written with it, read
//! back, and absent from (so byte-identical to) files of work nobody named.

use serde_json::{Value, json};

use super::*;
use crate::creator::Creator;
use crate::editor::Editor;
use crate::formats::w3c;
use crate::tagset::Tag;
use crate::test_support::{NOW, id};

const TEXT: &str = "Tokyo said 日本 was hacked 🤦🏼‍♂️ twice.";

fn range(needle: &str) -> std::ops::Range<usize> {
    let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
    start..start + needle.chars().count()
}

/// Two annotations: one by Ana of AFP, one made before anyone gave a name.
fn annotated() -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("Hack", TEXT)));
    ed.add(range("Tokyo"), Tag::Entity, id(1), NOW).unwrap();
    ed.set_author(Creator::new("Ana Díaz", "AFP"));
    ed.add(range("日本 was hacked"), Tag::Claim, id(2), NOW).unwrap();
    ed.workspace().clone()
}

#[test]
fn creators_need_schema_5_and_survive_export_and_import() {
    let ws = annotated();
    let v: Value = serde_json::from_str(&export_json(&ws)).unwrap();
    assert_eq!(v["schema_version"], 5);
    assert_eq!(v["annotations"][1]["creator"], json!({"name": "Ana Díaz", "organisation": "AFP"}));
    assert!(v["annotations"][0].get("creator").is_none(), "no creator, no key");
    let back = import_json(&export_json(&ws)).unwrap();
    assert_eq!(back.workspace, ws);
    let stored = import_json(&storage_json(&ws, 3)).unwrap();
    assert_eq!(stored.workspace, ws, "and through the browser's storage");
}

#[test]
fn work_nobody_named_is_written_as_before() {
    let mut ed = Editor::new(Workspace::new(Document::new("Hack", TEXT)));
    ed.add(range("Tokyo"), Tag::Entity, id(1), NOW).unwrap();
    let v: Value = serde_json::from_str(&export_json(ed.workspace())).unwrap();
    assert_eq!(v["schema_version"], 3, "the release before creators reads it as its own");
}

#[test]
fn a_file_from_a_newer_schema_is_refused_by_name() {
    let newer = u64::from(crate::formats::SCHEMA_VERSION) + 1;
    let raw =
        export_json(&annotated()).replace("\"schema_version\": 5", &format!("\"schema_version\": {newer}"));
    assert_eq!(import_json(&raw).unwrap_err(), ImportError::NewerSchema { found: newer });
}

#[test]
fn w3c_names_the_creator_as_a_person_and_reads_the_usual_shapes() {
    let ws = annotated();
    let out: Value = serde_json::from_str(&w3c::export(&ws)).unwrap();
    let items = out["first"]["items"].as_array().unwrap();
    assert_eq!(items[1]["creator"], json!({"type": "Person", "name": "Ana Díaz"}));
    assert!(items[0].get("creator").is_none());
    let back = w3c::import(&ws.document, &w3c::export(&ws), NOW).unwrap();
    let names: Vec<_> =
        back.workspace.annotations().iter().map(|a| a.creator.as_ref().map(|c| c.name.clone())).collect();
    assert_eq!(names, [None, Some("Ana Díaz".to_owned())], "the organisation has no place in W3C");
    // Other tools write a plain string or a list of agents.
    let mut other = out.clone();
    other["first"]["items"][0]["creator"] = json!("Kenji");
    other["first"]["items"][1]["creator"] = json!([{"type": "Person", "name": "Lena"}, {"name": "Max"}]);
    let read = w3c::import(&ws.document, &other.to_string(), NOW).unwrap();
    let names: Vec<_> =
        read.workspace.annotations().iter().map(|a| a.creator.clone().unwrap().name).collect();
    assert_eq!(names, ["Kenji", "Lena"]);
}

#[test]
fn csv_brat_and_the_report_name_the_creator() {
    let ws = annotated();
    let csv = crate::formats::csv::export(&ws);
    // The creator's column follows the sources (the article's metadata after it, empty here).
    let mut rows = csv.lines();
    assert!(rows.next().unwrap().contains(",sources,creator,"), "after the sources");
    assert!(rows.next().unwrap().ends_with(",,,,,"), "none for the unnamed one");
    assert!(rows.next().unwrap().ends_with(",Ana Díaz (AFP),,,,"));
    let ann = crate::formats::brat::export(&ws);
    assert!(ann.contains("\tAnnotatorNotes T2\t(by Ana Díaz (AFP))\n"), "{ann}");
    assert_eq!(ann.matches("AnnotatorNotes").count(), 1);
    let report = crate::formats::html::export(&ws, NOW);
    assert!(report.contains(" · by Ana Díaz (AFP)"), "{report}");
}

//! Conflicts through the native format: a top-level `conflicts` list, written only when
//! there are some (schema 5), read back as they were, each checked on its own.

use serde_json::{Value, json};

use super::*;
use crate::conflict::Resolution;
use crate::editor::Editor;
use crate::merge::merge_import;
use crate::tagset::Tag;
use crate::test_support::colleagues::{ana, at, doc, file, kenji};
use crate::test_support::{NOW, id};

fn merged() -> Workspace {
    merge_import(ana().workspace(), &file(kenji().workspace())).unwrap().0
}

#[test]
fn conflicts_are_written_after_the_annotations_and_read_back() {
    let ws = merged();
    let out = export_json(&ws);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 5);
    let theirs = serde_json::to_value(&*ws.conflicts()[0].theirs).unwrap();
    assert_eq!(v["conflicts"], json!([{ "ours": id(3).to_string(), "theirs": theirs }]));
    assert_eq!(theirs["id"], id(13).to_string());
    assert_eq!(theirs["entity_type"], "organisation");
    assert_eq!(theirs["creator"], json!({ "name": "Kenji Sato" }));
    assert!(out.find("\"annotations\"").unwrap() < out.find("\"conflicts\"").unwrap());
    let back = import_json(&out).unwrap();
    assert_eq!((&back.workspace, back.skipped.len()), (&ws, 0));
    assert_eq!(export_json(&back.workspace), out, "the same bytes again");
    assert_eq!(import_json(&storage_json(&ws, 7)).unwrap().workspace, ws, "and through storage");
}

/// Work nobody named, with a conflict: schema 5 all the same (the release before would
/// drop the list). Once it is resolved the file is the very bytes it was before the merge.
#[test]
fn a_conflict_needs_schema_5_and_without_one_the_file_is_as_before() {
    let mut ours = Editor::new(Workspace::new(doc()));
    ours.add(at("Tokyo"), Tag::Entity, id(1), NOW).unwrap();
    let before = export_json(ours.workspace());
    let mut theirs = ours.clone();
    theirs.set_note(id(1), "the city", NOW).unwrap();
    let (merged, summary) = merge_import(ours.workspace(), &file(theirs.workspace())).unwrap();
    assert_eq!(summary.conflicts, 1);
    ours.transform(merged, NOW);
    let v: Value = serde_json::from_str(&export_json(ours.workspace())).unwrap();
    assert_eq!(v["schema_version"], 5);
    ours.resolve(id(1), Resolution::KeepMine, NOW).unwrap();
    assert_eq!(export_json(ours.workspace()), before);
    assert!(!before.contains("conflicts"));
}

/// Each conflict is checked on its own, numbered from 1: one naming an annotation the
/// file lacks, a second one for the same annotation, and one that is not a conflict are
/// left out and reported; the rest come in.
#[test]
fn a_bad_conflict_is_left_out_and_reported() {
    let ws = merged();
    let mut v: Value = serde_json::from_str(&export_json(&ws)).unwrap();
    let good = v["conflicts"][0].clone();
    let mut elsewhere = good.clone();
    elsewhere["ours"] = id(99).to_string().into();
    v["conflicts"] = json!([elsewhere, good, good, { "ours": 5 }]);
    let read = import_json(&v.to_string()).unwrap();
    assert_eq!(read.workspace, ws);
    let lines: Vec<String> = read.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0], format!("conflict #1 names annotation {}, which is not in the file", id(99)));
    assert_eq!(lines[1], format!("conflict #3 repeats id {}", id(3)));
    assert!(lines[2].starts_with("conflict #4 "), "{}", lines[2]);
    // The same through the typed path (every item readable).
    v["conflicts"] = json!([elsewhere]);
    let read = import_json(&v.to_string()).unwrap();
    assert!(read.workspace.conflicts().is_empty());
    assert_eq!(read.skipped.len(), 1);
}

/// Their version is checked as an annotation is: one whose quote is not the text where it
/// says is left out.
#[test]
fn their_version_must_fit_the_text() {
    let mut v: Value = serde_json::from_str(&export_json(&merged())).unwrap();
    v["conflicts"][0]["theirs"]["exact"] = "Kyoto".into();
    let read = import_json(&v.to_string()).unwrap();
    assert!(read.workspace.conflicts().is_empty());
    let (start, end) = (at("Tokyo").start, at("Tokyo").end);
    assert_eq!(
        read.skipped,
        [Skipped::Conflict { index: 1, reason: SkipReason::QuoteMismatch { start, end } }]
    );
}

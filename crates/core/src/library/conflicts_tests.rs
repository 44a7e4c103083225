//! The conflicts a merge left, in the browser's storage: kept in the meta record (only
//! when there are some), read back, carried by rename, delete and restore, and, when the
//! annotation one names is unreadable, kept aside rather than lost.

use super::fixtures::{library, nid};
use super::records::{ann_key, meta_key};
use super::*;
use crate::conflict::Resolution;
use crate::editor::Editor;
use crate::formats::ImportError;
use crate::merge::merge_import;
use crate::test_support::colleagues::{ana, file, kenji};
use crate::test_support::id;

const LATER: &str = "2026-11-27T09:00:00.000Z";

/// Ana's editor with Kenji's file merged in: one conflict, on her Tokyo (3).
fn merged() -> Editor {
    let mut ed = ana();
    let (ws, _) = merge_import(ed.workspace(), &file(kenji().workspace())).unwrap();
    ed.transform(ws, LATER);
    ed
}

fn meta(lib: &Library<MemoryStore>) -> serde_json::Value {
    meta_of(lib, nid(1))
}

fn meta_of(lib: &Library<MemoryStore>, doc: AnnotationId) -> serde_json::Value {
    serde_json::from_str(&lib.store().get(&meta_key(doc)).unwrap().unwrap()).unwrap()
}

#[test]
fn conflicts_are_kept_in_the_meta_record_and_read_back() {
    let ws = merged().workspace().clone();
    let mut lib = library();
    lib.save(nid(1), &ws, 2, &Marks::default()).unwrap();
    let record = meta(&lib);
    assert_eq!(record["schema_version"], 5);
    assert_eq!(record["conflicts"][0]["ours"], id(3).to_string());
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert_eq!((got.workspace, got.problems), (ws, vec![]));
}

/// Without conflicts the meta record has no `conflicts` key, and one written before reads
/// with none. It says 5 while an annotation names its creator (the release before would
/// drop the creators as it saved), else 3, as before either existed.
#[test]
fn without_conflicts_the_meta_record_is_as_before() {
    let mut lib = library();
    lib.save(nid(2), &super::fixtures::workspace("Plain", 3), 1, &Marks::default()).unwrap();
    assert_eq!(meta_of(&lib, nid(2))["schema_version"], 3, "nobody named: as before");
    lib.save(nid(1), ana().workspace(), 1, &Marks::default()).unwrap();
    let raw = lib.store().get(&meta_key(nid(1))).unwrap().unwrap();
    assert!(!raw.contains("conflicts"), "{raw}");
    assert_eq!(meta(&lib)["schema_version"], 5, "Ana's annotations name her");
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert!(got.workspace.conflicts().is_empty());
    assert_eq!(got.workspace, *ana().workspace());
}

/// Resolving writes what it changed: keeping mine the meta record alone, taking theirs the
/// annotation too.
#[test]
fn resolving_writes_the_meta_record_and_what_changed() {
    let mut ed = merged();
    let mut lib = library();
    lib.save(nid(1), ed.workspace(), 1, &Marks::default()).unwrap();
    let mut mine = ed.clone();
    mine.resolve(id(3), Resolution::KeepMine, LATER).unwrap();
    lib.store_mut().clear_written();
    lib.save(nid(1), mine.workspace(), 2, &Marks::default()).unwrap();
    assert_eq!(lib.store().written(), [meta_key(nid(1))]);
    assert!(meta(&lib).get("conflicts").is_none());
    assert_eq!(meta(&lib)["schema_version"], 5, "no conflicts left, but Ana's and Kenji's names");

    ed.resolve(id(3), Resolution::TakeTheirs, LATER).unwrap();
    lib.store_mut().clear_written();
    lib.save(nid(1), ed.workspace(), 3, &Marks::default()).unwrap();
    assert_eq!(lib.store().written(), [ann_key(nid(1), id(3)), meta_key(nid(1))]);
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert_eq!(got.workspace, *ed.workspace());
}

#[test]
fn rename_delete_and_restore_keep_the_conflicts() {
    let ws = merged().workspace().clone();
    let mut lib = library();
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    lib.rename(nid(1), "Exports, checked").unwrap();
    let deleted = lib.delete(nid(1)).unwrap();
    lib.restore(deleted).unwrap();
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap().workspace;
    assert_eq!(got.document.title(), "Exports, checked");
    assert_eq!(got.conflicts(), ws.conflicts());
    let all = lib.export_all((nid(2), ana().workspace())).unwrap();
    assert_eq!(all.file.matches("\"conflicts\"").count(), 1, "in the stored document's export");
}

/// The annotation a conflict names cannot be read: both are left out, and the meta record
/// holding the conflict is copied aside before the next save writes it without.
#[test]
fn a_conflict_whose_annotation_is_unreadable_is_kept_aside() {
    let ws = merged().workspace().clone();
    let mut lib = library();
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    let before = lib.store().get(&meta_key(nid(1))).unwrap().unwrap();
    lib.store_mut().put(&ann_key(nid(1), id(3)), "{\"id\": garbage");
    let got = lib.load(nid(1)).unwrap();
    assert!(got.workspace.conflicts().is_empty());
    assert_eq!(got.workspace.annotations().len(), ws.annotations().len() - 1);
    let kept: Vec<(&str, &Kept)> = got
        .problems
        .iter()
        .filter_map(|p| match p {
            Problem::Unreadable { key, kept, error: ImportError::Shape(_) | ImportError::NotJson(_) } => {
                Some((key.as_str(), kept))
            }
            _ => None,
        })
        .collect();
    assert_eq!(kept.len(), 2, "{:?}", got.problems);
    let Kept::Aside { backup } = kept[1].1 else { panic!("{:?}", kept[1]) };
    assert_eq!(kept[1].0, meta_key(nid(1)));
    assert_eq!(lib.store().get(backup).unwrap().as_deref(), Some(before.as_str()), "byte for byte");
    assert_eq!(
        lib.store().get(&meta_key(nid(1))).unwrap().as_deref(),
        Some(before.as_str()),
        "still in place"
    );
    lib.save(nid(1), &got.workspace, 2, &Marks::default()).unwrap();
    assert!(meta(&lib).get("conflicts").is_none());
}

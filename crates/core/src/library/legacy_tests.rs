use super::fixtures::{fresh, library, nid, workspace};
use super::records::{PREFIX, meta_key};
use super::*;
use crate::formats::{export_json, import_json, storage_json};
use crate::sync::Mark;

fn fixture(version: u32) -> String {
    let path = format!("{}/tests/fixtures/schema-v{version}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn old_doc(id: AnnotationId) -> String {
    format!("{OLD_DOC_PREFIX}{id}")
}

fn marks() -> Marks {
    let mut m = Marks::default();
    m.annotations.insert(nid(77), Mark { at: "2026-11-26T12:00:00.000Z".into(), gone: true });
    m
}

/// A store in the previous layout: one document per schema version, marks, the current mark.
fn old_store() -> (MemoryStore, Vec<(AnnotationId, String)>) {
    let mut s = MemoryStore::new();
    let docs =
        vec![(nid(1), fixture(1)), (nid(2), fixture(2)), (nid(3), storage_json(&workspace("v3", 4), 9))];
    for (id, raw) in &docs {
        s.put(&old_doc(*id), raw);
    }
    s.put(&format!("{OLD_SYNC_PREFIX}{}", nid(3)), &records::to_json(&marks()));
    s.put(OLD_CURRENT_KEY, &nid(2).to_string());
    (s, docs)
}

fn assert_moved(store: &MemoryStore, docs: &[(AnnotationId, String)]) {
    let mut lib = Library::new(store.clone());
    for (id, raw) in docs {
        let want = import_json(raw).unwrap();
        let got = lib.load(*id).unwrap();
        assert_eq!((&got.workspace, got.revision), (&want.workspace, want.revision.unwrap_or(0)));
    }
    assert_eq!(lib.load(nid(3)).unwrap().marks, marks());
    assert_eq!(store.get(records::CURRENT_KEY).unwrap(), Some(nid(2).to_string()));
    // The layouts' keys cannot collide: nothing of the old one is left, all is under `aa2.`.
    assert!(store.keys("").unwrap().iter().all(|k| k.starts_with(PREFIX)), "{:?}", store.keys(""));
}

#[test]
fn every_schema_version_of_the_previous_layout_moves_in() {
    let (mut store, docs) = old_store();
    let moved = migrate_within(&mut store);
    assert_eq!((moved.moved.len(), moved.problems), (3, vec![]));
    assert_moved(&store, &docs);
}

#[test]
fn a_move_into_another_store_leaves_nothing_behind() {
    let (mut from, docs) = old_store();
    let mut to = MemoryStore::new();
    assert_eq!(migrate(&mut from, &mut to).moved.len(), 3);
    assert_moved(&to, &docs);
    assert!(from.keys("").unwrap().is_empty());
}

/// A move cut short after any number of writes loses nothing: the old keys are as they
/// were, byte for byte, until what was written reads back the same; the next try finishes.
#[test]
fn a_move_cut_short_loses_nothing_and_a_retry_finishes_it() {
    let (original, docs) = old_store();
    for n in (0..40).step_by(3) {
        let mut store = original.clone();
        store.fail(Failure::AfterWrites(n));
        let first = migrate_within(&mut store);
        for (id, _) in &docs {
            let still_old = store.get_utf16(&old_doc(*id)).is_some();
            let there = Library::new(store.clone()).load(*id).is_ok();
            assert!(still_old || (there && first.moved.contains(id)), "after {n} writes, {id} is lost");
            if still_old {
                assert_eq!(store.get_utf16(&old_doc(*id)), original.get_utf16(&old_doc(*id)));
            }
        }
        store.fail(Failure::Never);
        migrate_within(&mut store);
        assert_moved(&store, &docs);
    }
}

/// Old rule (`adopt_legacy`): the first version's workspace was copied over the key of the
/// document about to open without looking, so it silently replaced the saved one. Now it
/// becomes a document of its own, and the saved one is untouched.
#[test]
fn the_first_versions_workspace_becomes_its_own_document() {
    let mut lib = library();
    let saved = workspace("Saved sample", 3);
    lib.save(fresh(), &saved, 5, &Marks::default()).unwrap();
    let before = lib.store().clone();
    let legacy = export_json(&workspace("My old work", 2));
    lib.store_mut().put(LEGACY_KEY, &legacy);
    let opened = Library::new(lib.store().clone()).start(fresh());
    let [Problem::Adopted { id, .. }] = opened.problems[..] else { panic!("{:?}", opened.problems) };
    assert_ne!(id, fresh());
    assert_eq!(opened.loaded.unwrap().workspace, saved, "the saved document opens, unchanged");
    let mut after = Library::new(lib.store().clone());
    after.start(fresh());
    let store = after.store();
    for key in before.keys("").unwrap() {
        assert_eq!(store.get_utf16(&key), before.get_utf16(&key), "{key} changed");
    }
    assert_eq!(after.load(id).unwrap().workspace, import_json(&legacy).unwrap().workspace);
    assert_eq!(after.summaries().unwrap().len(), 2);
}

/// Old rule: garbage under the first version's key was copied over the document's key
/// too, and the backup then held the garbage, not the user's work. Now the garbage gets a
/// backup of its own and the document is untouched.
#[test]
fn garbage_under_the_first_versions_key_gets_its_own_backup() {
    let mut lib = library();
    let saved = workspace("Saved", 3);
    lib.save(fresh(), &saved, 1, &Marks::default()).unwrap();
    lib.store_mut().put(LEGACY_KEY, "{\"format\": \"article-annotator\", broken");
    let mut lib = Library::new(lib.store().clone());
    let opened = lib.start(fresh());
    let [Problem::Unreadable { kept: Kept::Aside { backup }, .. }] = &opened.problems[..] else {
        panic!("{:?}", opened.problems)
    };
    assert_eq!(
        lib.store().get(backup).unwrap().as_deref(),
        Some("{\"format\": \"article-annotator\", broken")
    );
    assert_eq!(opened.loaded.unwrap().workspace, saved);
    assert_eq!(lib.store().get(LEGACY_KEY).unwrap(), None);
}

#[test]
fn the_first_versions_workspace_already_in_the_library_is_not_duplicated() {
    let mut lib = library();
    let ws = workspace("Same", 3);
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    lib.store_mut().put(LEGACY_KEY, &export_json(&ws));
    let moved = migrate_within(lib.store_mut());
    assert_eq!(moved.problems, [Problem::Adopted { key: LEGACY_KEY.into(), id: nid(1) }]);
    assert_eq!(lib.summaries().unwrap().len(), 1);
}

/// An unreadable old document is set aside; when there is no room for that, it stays.
#[test]
fn an_unreadable_old_document_is_set_aside_or_left_alone() {
    let mut store = MemoryStore::new();
    store.put(&old_doc(nid(1)), "not json");
    let moved = migrate_within(&mut store);
    assert!(matches!(&moved.problems[..], [Problem::Unreadable { kept: Kept::Aside { .. }, .. }]));
    assert_eq!(backups(&store).unwrap().len(), 1);

    let mut full = MemoryStore::new();
    full.put(&old_doc(nid(1)), "not json");
    full.set_quota(Some(full.used()));
    let moved = migrate_within(&mut full);
    assert!(matches!(&moved.problems[..], [Problem::Unreadable { kept: Kept::NotKept { .. }, .. }]));
    assert_eq!(full.get(&old_doc(nid(1))).unwrap().as_deref(), Some("not json"));
}

/// Already moved, then saved in the new layout, while the old key could not be removed: the
/// newer work stays, the old value is set aside rather than written over it.
#[test]
fn an_old_copy_never_replaces_newer_work_in_the_new_layout() {
    let (mut store, _) = old_store();
    let mut lib = Library::new(MemoryStore::new());
    lib.save(nid(3), &workspace("edited since", 1), 20, &Marks::default()).unwrap();
    for key in lib.store().keys("").unwrap() {
        store.put(&key, &lib.store().get(&key).unwrap().unwrap());
    }
    let moved = migrate_within(&mut store);
    assert!(moved.problems.iter().any(|p| matches!(p, Problem::Superseded { id, .. } if *id == nid(3))));
    let got = Library::new(store.clone()).load(nid(3)).unwrap();
    assert_eq!(got.workspace.document.title(), "edited since");
    assert!(store.get(&meta_key(nid(3))).unwrap().is_some());
}

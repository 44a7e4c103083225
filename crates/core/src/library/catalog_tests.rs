use super::fixtures::{edited, fresh, library, nid, workspace};
use super::records::{CURRENT_KEY, meta_key};
use super::*;
use crate::editor::Editor;
use crate::formats::ImportError;

const LATER: &str = "2026-11-27T09:00:00.000Z";

/// Two saved documents: 1 (older changes) and 2 (changed at `LATER`), 2 marked current.
fn two() -> Library<MemoryStore> {
    let mut lib = library();
    lib.save(nid(1), &workspace("Older", 3), 1, &Marks::default()).unwrap();
    let newer = edited(&workspace("Newer", 2), 0, "n", LATER);
    lib.save(nid(2), &newer, 1, &Marks::default()).unwrap();
    lib
}

#[test]
fn start_opens_the_current_else_the_latest_else_nothing() {
    let mut lib = two();
    lib.store_mut().put(CURRENT_KEY, &nid(1).to_string());
    let opened = Library::new(lib.store().clone()).start(fresh());
    assert_eq!((opened.id, opened.problems), (nid(1), vec![]));
    assert_eq!(opened.loaded.unwrap().workspace.document.title(), "Older");

    lib.store_mut().put(CURRENT_KEY, &nid(7).to_string()); // deleted since
    assert_eq!(Library::new(lib.store().clone()).start(fresh()).id, nid(2), "the latest change");

    let opened = library().start(fresh());
    assert_eq!((opened.id, opened.loaded, opened.problems), (fresh(), None, vec![]));
}

/// Old rule: `probe` wrote a key and any failure became `Unavailable` ("it does not let
/// this page store data"), `load` was skipped so the saved version of the open document
/// was hidden, and `can_save` stayed off, so saving never resumed after room was made.
/// Now a full store is `CannotSave(Full)`, everything saved still loads and lists, and a
/// save succeeds once there is room.
#[test]
fn a_store_full_at_start_up_still_opens_and_saving_resumes() {
    let mut lib = two();
    let store = lib.store_mut();
    store.put("filler", "x");
    let used = store.used();
    store.set_quota(Some(used));
    let mut lib = Library::new(lib.store().clone());
    let opened = lib.start(fresh());
    assert_eq!(opened.problems, [Problem::CannotSave(StoreError::Full)]);
    assert_eq!(opened.id, nid(2));
    assert_eq!(lib.summaries().unwrap().len(), 2);
    let ws = opened.loaded.unwrap().workspace;
    let after = edited(&ws, 1, "more", LATER);
    assert_eq!(lib.save(nid(2), &after, 2, &Marks::default()), Err(LibraryError::Store(StoreError::Full)));

    lib.store_mut().commit(vec![Write::Delete { key: "filler".into() }]).unwrap();
    lib.store_mut().set_quota(Some(used + 1_000));
    lib.save(nid(2), &after, 2, &Marks::default()).unwrap();
    assert_eq!(Library::new(lib.store().clone()).load(nid(2)).unwrap().workspace, after);
}

#[test]
fn an_unusable_store_is_reported_by_its_cause() {
    let mut store = MemoryStore::new();
    store.fail(Failure::EveryWrite(StoreError::Unavailable));
    let opened = Library::new(store).start(fresh());
    assert_eq!(opened.problems, [Problem::CannotSave(StoreError::Unavailable)]);
}

#[test]
fn summaries_list_counts_by_label_latest_first_from_the_meta_records() {
    let mut lib = two();
    let ws = workspace("Tagged", 4);
    let mut tags = (**ws.tagset()).clone();
    tags.tags[0].label = "Assertion".into();
    let mut ed = Editor::new(ws);
    ed.set_tagset(tags, crate::test_support::NOW).unwrap();
    lib.save(nid(3), ed.workspace(), 1, &Marks::default()).unwrap();
    // A document cut short (no meta record) is not listed.
    lib.store_mut().put(&records::doc_key(nid(4)), "{}");
    let docs = lib.summaries().unwrap();
    let titles: Vec<&str> = docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Newer", "Older", "Tagged"]);
    let counts = |l: &str, n| (l.to_owned(), n);
    assert_eq!(docs[2].counts, [counts("Assertion", 2), counts("Source", 1), counts("Entity", 1)]);
    assert_eq!(docs[0].updated.as_deref(), Some(LATER));
}

/// Old rule: `rename` parsed the stored JSON by hand and reported a parse failure as
/// `Unavailable`, and a failed write as `Full` whatever the cause.
#[test]
fn rename_changes_the_meta_record_and_names_each_failure() {
    let mut lib = two();
    lib.rename(nid(1), "  Budget  ").unwrap();
    let loaded = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert_eq!((loaded.workspace.document.title(), loaded.revision), ("Budget", 2));
    assert_eq!(lib.rename(nid(9), "x"), Err(LibraryError::Missing(nid(9))));
    lib.store_mut().put(&meta_key(nid(1)), "{broken");
    assert!(matches!(
        lib.rename(nid(1), "x"),
        Err(LibraryError::Unreadable { error: ImportError::NotJson(_), kept: None, .. })
    ));
    lib.store_mut().fail(Failure::EveryWrite(StoreError::Unavailable));
    assert_eq!(lib.rename(nid(2), "x"), Err(LibraryError::Store(StoreError::Unavailable)));
}

/// Old rule: `restore` reported every failure as `Full`.
#[test]
fn delete_and_restore_round_trip_and_failures_keep_their_cause() {
    let mut lib = two();
    let before = Library::new(lib.store().clone()).load(nid(1)).unwrap().workspace;
    let deleted = lib.delete(nid(1)).unwrap();
    assert_eq!(lib.summaries().unwrap().len(), 1);
    assert_eq!(lib.load(nid(1)), Err(LibraryError::Missing(nid(1))));
    lib.store_mut().fail(Failure::EveryWrite(StoreError::Unavailable));
    assert_eq!(lib.restore(deleted.clone()), Err(LibraryError::Store(StoreError::Unavailable)));
    lib.store_mut().fail(Failure::Never);
    lib.restore(deleted).unwrap();
    assert_eq!(lib.load(nid(1)).unwrap().workspace, before);
}

#[test]
fn after_deleting_the_open_document_the_latest_other_opens() {
    let mut lib = two();
    lib.delete(nid(2)).unwrap();
    let (next, problems) = lib.next_after_delete(nid(2)).unwrap();
    assert_eq!((next.map(|l| l.id), problems), (Some(nid(1)), vec![]));
    lib.delete(nid(1)).unwrap();
    assert_eq!(lib.next_after_delete(nid(1)).unwrap(), (None, vec![]));
}

/// A document's search record is of its text: it goes with the document and comes back
/// with it, and another document's stays.
#[test]
fn the_search_record_goes_and_comes_back_with_its_document() {
    let mut lib = two();
    lib.keep_search_record(nid(1), "one".to_owned()).unwrap();
    lib.keep_search_record(nid(2), "two".to_owned()).unwrap();
    let deleted = lib.delete(nid(1)).unwrap();
    assert_eq!(lib.search_record(nid(1)), None);
    assert_eq!(lib.search_record(nid(2)).as_deref(), Some("two"));
    lib.restore(deleted).unwrap();
    assert_eq!(lib.search_record(nid(1)).as_deref(), Some("one"));
}

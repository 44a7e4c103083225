use super::fixtures::{edited, library, nid, workspace};
use super::records::{ann_key, backup_key, doc_key, meta_key};
use super::*;
use crate::formats::native::CURRENT_SHAPE_SINCE;
use crate::formats::{ImportError, SCHEMA_VERSION};

const LATER: &str = "2026-11-27T09:00:00.000Z";

/// A library holding document 1 (three annotations), saved.
fn saved() -> (Library<MemoryStore>, Workspace) {
    let mut lib = library();
    let ws = workspace("t", 3);
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    (lib, ws)
}

/// A record cut off half-way through a surrogate pair (a save interrupted mid-emoji).
fn cut(prefix: &str) -> Vec<u16> {
    let mut v: Vec<u16> = prefix.encode_utf16().collect();
    v.push(0xD83E);
    v
}

/// Old rule (`load_doc`): unreadable data was copied to the one `BACKUP_KEY` with
/// `set_item`; when that failed (no room for a second copy) the original stayed, but the
/// banner still said it was kept aside, and the next save wrote over it. Now the problem
/// says `NotKept`, the value stays byte for byte, and the document is not written to.
#[test]
fn unreadable_data_that_cannot_be_copied_stays_and_is_never_written_over() {
    let (mut lib, ws) = saved();
    let damaged = cut(&format!("{{\"schema_version\":3,\"title\":\"{}", "x".repeat(300)));
    let store = lib.store_mut();
    store.put_utf16(&meta_key(nid(1)), damaged.clone());
    store.set_quota(Some(store.used() + 100)); // less room than a copy needs
    let got = lib.load(nid(1)).unwrap();
    assert_eq!(got.workspace.annotations(), ws.annotations(), "the annotations still open");
    assert!(matches!(
        &got.problems[..],
        [Problem::Unreadable { key, error: ImportError::NotJson(_), kept: Kept::NotKept { error: StoreError::Full } }]
            if *key == meta_key(nid(1))
    ));
    assert_eq!(lib.blocked(nid(1)), Some(&LibraryError::Blocked(nid(1))));
    lib.store_mut().set_quota(None);
    let after = edited(&got.workspace, 0, "x", LATER);
    assert_eq!(lib.save(nid(1), &after, 2, &Marks::default()), Err(LibraryError::Blocked(nid(1))));
    assert_eq!(lib.rename(nid(1), "new"), Err(LibraryError::Blocked(nid(1))));
    assert_eq!(lib.store().get_utf16(&meta_key(nid(1))), Some(&damaged[..]));
}

/// An unreadable annotation record that cannot be copied is left out and kept as it is;
/// the rest of the document is still saved, around it.
#[test]
fn an_unreadable_annotation_left_in_place_is_never_written_over() {
    let (mut lib, ws) = saved();
    let key = ann_key(nid(1), ws.annotations()[1].id);
    let store = lib.store_mut();
    store.put(&key, "{\"id\": garbage");
    store.set_quota(Some(store.used() + 10));
    let got = lib.load(nid(1)).unwrap();
    assert_eq!(got.workspace.annotations().len(), 2);
    assert!(matches!(&got.problems[..], [Problem::Unreadable { kept: Kept::NotKept { .. }, .. }]));
    lib.store_mut().set_quota(None);
    let after = edited(&got.workspace, 0, "x", LATER);
    lib.save(nid(1), &after, 2, &Marks::default()).unwrap();
    assert_eq!(lib.store().get(&key).unwrap().as_deref(), Some("{\"id\": garbage"));
}

/// Old rule: every unreadable value went to the one `BACKUP_KEY`, so a second one wrote
/// over the first backup. Now each gets a backup key of its own.
#[test]
fn each_unreadable_value_gets_its_own_backup() {
    let (mut lib, ws) = saved();
    let keys: Vec<String> = ws.annotations().iter().take(2).map(|a| ann_key(nid(1), a.id)).collect();
    lib.store_mut().put(&keys[0], "first");
    lib.load(nid(1)).unwrap();
    lib.store_mut().put(&keys[1], "second");
    let got = lib.load(nid(1)).unwrap();
    assert_eq!(got.workspace.annotations().len(), 1);
    let backups = backups(lib.store()).unwrap();
    assert_eq!(backups, [backup_key(0), backup_key(1)]);
    let value = |k: &str| lib.store().get(k).unwrap();
    assert_eq!(
        (value(&backups[0]).as_deref(), value(&backups[1]).as_deref()),
        (Some("first"), Some("second"))
    );
    assert_eq!((value(&keys[0]), value(&keys[1])), (None, None), "moved, not copied");
}

/// Old rule: the backup was made with `set_item(BACKUP_KEY, &raw)` from a Rust `String`,
/// which had already turned a lone surrogate into U+FFFD; then the original was deleted.
/// Now the copy is made by the store, unit for unit.
#[test]
fn a_backup_is_byte_for_byte() {
    let (mut lib, _) = saved();
    let damaged = cut("{\"schema_version\":3,\"text\":\"I 🤦");
    lib.store_mut().put_utf16(&doc_key(nid(1)), damaged.clone());
    let err = lib.load(nid(1)).unwrap_err();
    let LibraryError::Unreadable { key, kept: Some(Kept::Aside { backup }), .. } = err else {
        panic!("{err:?}")
    };
    assert_eq!(key, doc_key(nid(1)));
    assert_eq!(lib.store().get_utf16(&backup), Some(&damaged[..]));
    assert_eq!(lib.store().get(&doc_key(nid(1))).unwrap(), None);
}

/// An annotation that parses but does not fit the text (as the native importer checks it)
/// is set aside too, with the importer's reason; the rest loads.
#[test]
fn an_annotation_the_importer_skips_is_set_aside_with_its_reason() {
    let (mut lib, ws) = saved();
    let mut bad = (*ws.annotations()[2]).clone();
    bad.end = 9_999;
    let key = ann_key(nid(1), bad.id);
    lib.store_mut().put(&key, &records::to_json(&bad));
    let got = lib.load(nid(1)).unwrap();
    assert_eq!(got.workspace.annotations().len(), 2);
    let [Problem::Unreadable { key: k, error: ImportError::Shape(why), kept: Kept::Aside { .. } }] =
        &got.problems[..]
    else {
        panic!("{:?}", got.problems)
    };
    assert_eq!(k, &key);
    assert!(why.contains("past the text length"), "{why}");
}

/// Saved by a newer version: not read, not moved aside, and not written to.
#[test]
fn a_newer_document_is_left_alone() {
    let (mut lib, ws) = saved();
    let newer = lib
        .store()
        .get(&meta_key(nid(1)))
        .unwrap()
        .unwrap()
        .replace("\"schema_version\":3", &format!("\"schema_version\":{}", SCHEMA_VERSION + 1));
    lib.store_mut().put(&meta_key(nid(1)), &newer);
    let found = u64::from(SCHEMA_VERSION + 1);
    assert_eq!(lib.load(nid(1)), Err(LibraryError::Newer { id: nid(1), found }));
    let err = lib.save(nid(1), &ws, 2, &Marks::default());
    assert_eq!(err, Err(LibraryError::Newer { id: nid(1), found }));
    assert_eq!(lib.store().get(&meta_key(nid(1))).unwrap(), Some(newer));
    assert!(backups(lib.store()).unwrap().is_empty());
}

/// Records of the current schema are checked as parsed; records of an older one go
/// through the native importer's upgrade. Both read the same document back.
#[test]
fn records_of_an_older_schema_are_upgraded_on_the_way_in() {
    let (mut lib, ws) = saved();
    let store = lib.store_mut();
    for key in [doc_key(nid(1)), meta_key(nid(1))] {
        let raw = store.get(&key).unwrap().unwrap();
        // Without links, both records are of the oldest current shape.
        let older = raw.replace(&format!("\"schema_version\":{CURRENT_SHAPE_SINCE}"), "\"schema_version\":2");
        assert_ne!(raw, older, "{key} names its schema version");
        store.commit(vec![Write::Put { key, value: older }]).unwrap();
    }
    lib.forget(nid(1));
    let got = lib.load(nid(1)).unwrap();
    assert_eq!(got.workspace, ws);
    assert!(got.problems.is_empty(), "{:?}", got.problems);
}

/// Searching and learning read every document through `peek`: it gives the document as
/// saved, and remembers nothing, so the next save of it still looks at what is stored.
#[test]
fn peek_reads_a_document_as_saved_without_priming_its_save() {
    let (mut lib, ws) = saved();
    let peeked = lib.peek(nid(1)).unwrap();
    assert_eq!(peeked.annotations(), ws.annotations());
    assert_eq!(peeked.document.text(), ws.document.text());
    // Someone else changes the stored record; a save after a peek must not assume it knows it.
    let other = edited(&ws, 0, "theirs", LATER);
    let mut second = Library::new(lib.store().clone());
    second.save(nid(1), &other, 2, &Marks::default()).unwrap();
    *lib.store_mut() = second.store().clone();
    assert!(lib.peek(nid(2)).is_err(), "a document that is not there is an error");
    assert_eq!(lib.peek(nid(1)).unwrap().annotations(), other.annotations(), "read again, not remembered");
}

/// Learning reads a stored document's annotations from their own records: the same
/// annotations as a full read, and a damaged record is left out and left as it is.
#[test]
fn annotations_are_read_from_their_records_alone() {
    let (mut lib, ws) = saved();
    let mut got = lib.annotations(nid(1)).unwrap();
    got.sort_by_key(|a| a.order_key());
    let want: Vec<crate::model::Annotation> = ws.annotations().iter().map(|a| (**a).clone()).collect();
    assert_eq!(got, want);
    let key = ann_key(nid(1), ws.annotations()[0].id);
    lib.store_mut().put(&key, "{not json");
    assert_eq!(lib.annotations(nid(1)).unwrap().len(), want.len() - 1);
    assert_eq!(lib.store().get(&key).unwrap().as_deref(), Some("{not json"));
    assert_eq!(lib.annotations(nid(2)).unwrap(), vec![], "none stored, none read");
}

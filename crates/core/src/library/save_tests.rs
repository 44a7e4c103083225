use super::fixtures::{edited, library, nid, workspace};
use super::*;
use crate::sync::Mark;

const LATER: &str = "2026-11-27T09:00:00.000Z";

#[test]
fn a_save_reads_back_as_saved() {
    let mut lib = library();
    let ws = workspace("Budget speech", 7);
    let mut marks = Marks::default();
    marks.annotations.insert(nid(5), Mark { at: LATER.into(), gone: true });
    lib.save(nid(1), &ws, 4, &marks).unwrap();
    let mut other = Library::new(lib.store().clone());
    let got = other.load(nid(1)).unwrap();
    assert_eq!((got.workspace, got.revision, got.marks, got.problems), (ws, 4, marks, vec![]));
}

/// One edit on a book of 10,000 annotations writes that annotation and the small meta
/// record, not the book (the old layout rewrote all 10,000 and the text on every save).
#[test]
fn one_edit_writes_one_annotation_and_the_meta_record() {
    let mut lib = library();
    let ws = workspace("Book", 10_000);
    let marks = Marks::default();
    lib.save(nid(1), &ws, 1, &marks).unwrap();
    assert!(lib.store().written().len() > 10_000);

    lib.store_mut().clear_written();
    let after = edited(&ws, 4_321, "check this", LATER);
    lib.save(nid(1), &after, 2, &marks).unwrap();
    let id = after.annotations()[4_321].id;
    assert_eq!(lib.store().written(), [records::ann_key(nid(1), id), records::meta_key(nid(1))]);

    // The same holds after a load, in a library that did not write it.
    let mut other = Library::new(lib.store().clone());
    let loaded = other.load(nid(1)).unwrap().workspace;
    other.store_mut().clear_written();
    let again = edited(&loaded, 7, "and this", LATER);
    other.save(nid(1), &again, 3, &marks).unwrap();
    assert_eq!(other.store().written().len(), 3, "annotation, meta, and the current mark once");
}

#[test]
fn a_deletion_removes_its_record_only() {
    let mut lib = library();
    let ws = workspace("t", 5);
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    let mut ed = crate::editor::Editor::new(ws.clone());
    let gone = ws.annotations()[2].id;
    ed.delete(gone, crate::test_support::NOW).unwrap();
    let mut marks = Marks::default();
    marks.annotations.insert(gone, Mark { at: LATER.into(), gone: true });
    lib.store_mut().clear_written();
    lib.save(nid(1), ed.workspace(), 2, &marks).unwrap();
    let key = |k: String| k;
    assert_eq!(
        lib.store().written(),
        [key(records::ann_key(nid(1), gone)), records::sync_key(nid(1)), records::meta_key(nid(1))]
    );
    assert_eq!(lib.store().get(&records::ann_key(nid(1), gone)).unwrap(), None);
}

/// A commit cut short leaves some writes done and some not; the library cannot know which,
/// so the next save writes every record that commit touched (two annotations and the meta
/// record here), and the store ends up whole.
#[test]
fn a_save_cut_short_is_completed_by_the_next() {
    for landed in 0..3 {
        let mut lib = library();
        let ws = workspace("t", 6);
        lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
        let two = edited(&edited(&ws, 1, "a", LATER), 4, "b", LATER);
        lib.store_mut().fail(Failure::AfterWrites(landed));
        assert!(lib.save(nid(1), &two, 2, &Marks::default()).is_err());
        lib.store_mut().fail(Failure::Never);
        lib.save(nid(1), &two, 2, &Marks::default()).unwrap();
        let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
        assert_eq!((got.workspace, got.revision), (two, 2), "{landed} writes landed first");
    }
}

/// A first save under an id removes stray annotation records left there (a restore or move
/// cut short), so they do not come back on the next load.
#[test]
fn a_first_save_removes_stray_records() {
    let mut lib = library();
    lib.save(nid(1), &workspace("t", 4), 1, &Marks::default()).unwrap();
    let mut other = Library::new(lib.store().clone());
    let fewer = workspace("t", 2);
    other.save(nid(1), &fewer, 2, &Marks::default()).unwrap();
    assert_eq!(other.load(nid(1)).unwrap().workspace, fewer);
}

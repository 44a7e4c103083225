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

/// The meta record's summary is updated from each change rather than counted again; after
/// every kind of change it must equal a count from scratch — including an undo that brings
/// back an older time (the latest change may then be an older one) and a new tag set.
#[test]
fn the_summary_kept_up_to_date_equals_a_count_from_scratch() {
    use crate::editor::Editor;
    use crate::model::Document;
    use crate::tagset::Tag;
    let mut lib = library();
    let text = "one two three four five six seven eight nine ten eleven twelve";
    let mut ed = Editor::new(Workspace::new(Document::new("t", text)));
    let stored = |lib: &Library<MemoryStore>| -> records::MetaRecord {
        records::parse(&lib.store().get(&records::meta_key(nid(1))).unwrap().unwrap()).unwrap()
    };
    let mut revision = 0;
    let mut check = |lib: &mut Library<MemoryStore>, ed: &Editor, what: &str| {
        revision += 1;
        lib.save(nid(1), ed.workspace(), revision, &Marks::default()).unwrap();
        let expected = records::meta_record(ed.workspace(), revision);
        assert_eq!(stored(lib), expected, "after {what}");
    };
    let t = |n: u32| format!("2026-12-0{n}T00:00:00.000Z");
    check(&mut lib, &ed, "nothing");
    ed.add(0..3, Tag::Claim, nid(10), &t(1)).unwrap();
    check(&mut lib, &ed, "an add");
    ed.add(4..7, Tag::Source, nid(11), &t(2)).unwrap();
    ed.add(8..13, Tag::Entity, nid(12), &t(3)).unwrap();
    check(&mut lib, &ed, "two adds");
    ed.retag(nid(10), Tag::Entity, &t(4)).unwrap();
    check(&mut lib, &ed, "a retag");
    ed.undo(&t(5));
    check(&mut lib, &ed, "an undo back to an older time");
    let latest = ed.workspace().annotations().iter().max_by_key(|a| a.modified.clone()).unwrap().id;
    ed.delete(latest, &t(6)).unwrap();
    check(&mut lib, &ed, "a delete of the latest change");
    ed.undo(&t(7));
    check(&mut lib, &ed, "the delete undone");
    let mut tags = (**ed.workspace().tagset()).clone();
    tags.add("Quote").unwrap();
    ed.set_tagset(tags, &t(8)).unwrap();
    check(&mut lib, &ed, "a new tag");
    let other = ed.workspace().annotations().iter().find(|a| a.id != latest).unwrap().id;
    ed.delete(other, &t(9)).unwrap();
    check(&mut lib, &ed, "a delete");
    // Another tab's older version of the latest change, joined in: the latest time goes back.
    let ws = ed.workspace();
    let mut anns: Vec<_> = ws.annotations().iter().map(|a| (**a).clone()).collect();
    let newest = anns.iter_mut().max_by_key(|a| a.modified.clone()).unwrap();
    newest.modified = "2026-11-01T00:00:00.000Z".into();
    let older = Workspace::with_annotations((*ws.document).clone(), anns, (**ws.tagset()).clone());
    revision += 1;
    lib.save(nid(1), &older, revision, &Marks::default()).unwrap();
    assert_eq!(stored(&lib), records::meta_record(&older, revision), "after an older version came in");
}

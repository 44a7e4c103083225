use annotator_core::{Document, Editor, Filter, Tag, Workspace};

use super::*;

fn trashed(doc: u8, was_open: bool) -> Trashed {
    let deleted = annotator_core::library::Deleted { id: id(doc), records: Vec::new() };
    Trashed { deleted: Rc::new(deleted), title: format!("Doc {doc}"), was_open, at_revision: 0 }
}

#[test]
fn a_switch_is_a_change_and_starts_afresh() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let state = reduce(state, UiAction::SetFilter(Filter { text: "x".into(), ..Filter::default() }));
    let before = state.revision();
    let other = Workspace::new(Document::new("Other", "Another text"));
    let switched = reduce(state, DocAction::SwitchDocument { id: id(5), workspace: other, revision: 7 });
    assert!(switched.revision() > before, "saving and layout follow the switch");
    assert_eq!((switched.session.doc_id, switched.session.loaded_revision), (id(5), 7));
    assert!(switched.session.doc_from_storage);
    assert_eq!(
        (switched.ui.selected, switched.ui.filter.clone(), switched.ui.caret),
        (None, Filter::default(), (0, 0))
    );
    assert!(!switched.session.editor.can_undo(), "its own history");
}

#[test]
fn only_the_switch_away_from_a_deleted_document_skips_its_save() {
    let next = DocAction::DocumentDeleted {
        trashed: trashed(1, true),
        next: Some((id(2), State::sample(), 0, true)),
    };
    let deleted = reduce(fresh(), next);
    assert_eq!((deleted.session.doc_id, deleted.session.deleted_doc), (id(2), Some(id(1))));
    let reopened =
        reduce(deleted, DocAction::SwitchDocument { id: id(1), workspace: State::sample(), revision: 3 });
    assert_eq!((reopened.session.doc_id, reopened.session.deleted_doc), (id(1), None));
}

#[test]
fn a_new_article_keeps_the_tags_in_use() {
    let state = fresh();
    let mut tags = (**state.workspace().tagset()).clone();
    tags.add("Quote").unwrap();
    let custom = reduce(state, EditAction::SetTags { tags: tags.clone(), now: now(1) });
    let next = Workspace::new(Document::new("Next", "Another text"));
    let opened = reduce(custom, DocAction::Open { id: id(2), workspace: next, message: "Opened".into() });
    assert_eq!(**opened.workspace().tagset(), tags);
    assert_eq!(opened.workspace().document.title(), "Next");
    assert!(!opened.session.doc_from_storage, "new: not saved yet");
    assert_eq!(opened.feedback.notice.as_ref().map(|n| n.text.as_str()), Some("Opened"));
}

#[test]
fn another_tabs_save_never_undoes_an_edit_made_while_it_was_joined() {
    let against = fresh().workspace().clone();
    // What the join gave: the other tab's annotation on the text as it was here.
    let mut other = Editor::new(against.clone());
    let (start, end) = span("TOKYO");
    other.add(start..end, Tag::Source, id(7), &now(0)).unwrap();
    let joined = other.workspace().clone();
    // Meanwhile this tab tagged something.
    let tagged = tagged(fresh(), "Chinese military hackers", "1", 9);
    let synced =
        reduce(tagged.clone(), DocAction::Sync { workspace: joined.clone(), against: Some(against.clone()) });
    let ids: Vec<_> = synced.workspace().annotations().iter().map(|a| a.id).collect();
    assert_eq!(ids, vec![id(7), id(9)], "both kept");
    assert_eq!(synced.ui.selected, Some(id(9)), "the selection stays while its annotation does");
    assert!(synced.revision() > tagged.revision());
    // Nothing happened meanwhile: the join is taken as it is.
    let plain = reduce(fresh(), DocAction::Sync { workspace: joined.clone(), against: Some(against) });
    assert_eq!(*plain.workspace(), joined);
}

#[test]
fn another_tabs_new_text_drops_a_selection_waiting_for_its_tag() {
    let selecting = select(fresh(), "Chinese military hackers");
    let same_text =
        reduce(selecting.clone(), DocAction::Sync { workspace: fresh().workspace().clone(), against: None });
    assert!(same_text.ui.pending.is_some());
    let other = Workspace::new(Document::new(SAMPLE_TITLE, "A different text"));
    let new_text = reduce(selecting, DocAction::Sync { workspace: other, against: None });
    assert!(new_text.ui.pending.is_none());
}

#[test]
fn undo_right_after_a_deletion_puts_the_document_back_and_later_undoes_edits() {
    let deleted = reduce(fresh(), DocAction::DocumentDeleted { trashed: trashed(5, false), next: None });
    assert_eq!(
        deleted.feedback.notice.as_ref().and_then(Notice::restores),
        Some(id(5)),
        "the banner offers Undo"
    );
    let undo = || EditAction::Undo { now: now(2) };
    let asked = reduce(deleted.clone(), undo());
    assert_eq!(asked.session.restoring, Some(id(5)), "Ctrl+Z asks for the document back");
    assert_eq!(reduce(deleted.clone(), DocAction::RestoreDocument(id(5))).session.restoring, Some(id(5)));

    // After another change, Ctrl+Z is about that change, not the deletion.
    let tagged = tagged(deleted, "Chinese military hackers", "1", 9);
    let undone = reduce(tagged, undo());
    assert_eq!((undone.session.restoring, undone.workspace().annotations().len()), (None, 0));
    assert_eq!(undone.session.trash.len(), 1, "still in the Library's list, with its Undo");
}

#[test]
fn a_restored_document_that_was_open_opens_again() {
    let next = Some((id(2), State::sample(), 0, false));
    let deleted = reduce(fresh(), DocAction::DocumentDeleted { trashed: trashed(1, true), next });
    assert_eq!((deleted.session.doc_id, deleted.session.deleted_doc), (id(2), Some(id(1))));
    let back = Workspace::new(Document::new("Back", "Again"));
    let notice = Notice::info("Restored");
    let restored =
        reduce(deleted, DocAction::DocumentRestored { id: id(1), reopen: Some((back, 4)), notice });
    assert_eq!((restored.session.doc_id, restored.session.loaded_revision), (id(1), 4));
    assert_eq!(restored.workspace().document.title(), "Back");
    assert!(restored.session.trash.is_empty() && restored.session.restoring.is_none());
    assert_eq!(restored.feedback.announcement.1, "Restored");
}

#[test]
fn messages_name_the_tag_keys_as_they_are_and_read_grammatically() {
    let mut tags = (**State::sample().tagset()).clone();
    tags.tags[0].hotkey = "c".into();
    tags.tags[2].hotkey = String::new();
    assert_eq!(tag_keys(&tags), "c Claim, 2 Source");
    assert_eq!(super::super::notice::a_or_an("Entity"), "an Entity");
    assert_eq!(super::super::notice::a_or_an("Source"), "a Source");
}

#[test]
fn a_name_marks_what_follows_and_can_claim_earlier_work() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    assert_eq!(state.feedback.notice, None, "tagging asks nothing");
    let state = tagged(state, "The Washington Post", "2", 3);
    let ana = annotator_core::Creator::new("Ana", "AFP");
    let set = DocAction::SetAuthor { author: ana.clone(), claim: true, now: now(4), export: None };
    let named = reduce(state, set);
    let who = |s: &State, n| s.workspace().get(id(n)).unwrap().creator.clone();
    assert_eq!((who(&named, 2), who(&named, 3)), (ana.clone(), ana.clone()), "the earlier ones are claimed");
    assert!(named.feedback.notice.as_ref().unwrap().text.contains("2 annotations made before"));
    assert!(named.ui.name_asked && named.ui.exporting.is_none());
    let undone = reduce(named.clone(), EditAction::Undo { now: now(5) });
    assert_eq!(who(&undone, 2), None, "one undo takes the claim back");

    let later = tagged(named, "TOKYO", "3", 4);
    assert_eq!(who(&later, 4), ana, "what follows is theirs");
    let other = Workspace::new(Document::new("Other", "Another text"));
    let switched = reduce(later, DocAction::SwitchDocument { id: id(5), workspace: other, revision: 0 });
    assert_eq!(
        switched.session.editor.author().cloned(),
        ana,
        "the name goes with the person, not the document"
    );
}

#[test]
fn an_export_asked_for_before_a_name_follows_the_answer_either_way() {
    use annotator_core::formats::Format;
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let bo = annotator_core::Creator::new("Bo", "");
    let set = DocAction::SetAuthor { author: bo, claim: false, now: now(3), export: Some(Format::Csv) };
    let named = reduce(state.clone(), set);
    assert_eq!(named.ui.exporting, Some(Format::Csv), "the effect downloads it once the state has the name");
    assert_eq!(named.workspace().get(id(2)).unwrap().creator, None, "not claimed: still unnamed");
    assert_eq!(named.revision(), state.revision(), "naming oneself is no change to the document");
    let done = reduce(named, UiAction::Exported);
    assert_eq!(done.ui.exporting, None);
    let skipped = reduce(state, UiAction::Export(Format::Native));
    assert_eq!((skipped.ui.exporting, skipped.ui.name_asked), (Some(Format::Native), true), "asked once");
}

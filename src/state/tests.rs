use super::*;

fn id(n: u8) -> AnnotationId {
    AnnotationId::from_random_bytes([n; 16])
}

fn reduce(state: State, action: Action) -> State {
    Rc::unwrap_or_clone(Rc::new(state).reduce(action))
}

#[test]
fn only_the_switch_away_from_a_deleted_document_skips_its_save() {
    let state = State::new(id(1), State::sample(), true);
    let deleted = annotator_core::library::Deleted { id: id(1), records: Vec::new() };
    let trashed = Trashed { deleted: Rc::new(deleted), title: "Gone".into(), was_open: true, at_revision: 0 };
    let next = Action::DocumentDeleted { trashed, next: Some((id(2), State::sample(), 0, true)) };
    let deleted = reduce(state, next);
    assert_eq!((deleted.doc_id, deleted.deleted_doc), (id(2), Some(id(1))));
    let reopened =
        reduce(deleted, Action::SwitchDocument { id: id(1), workspace: State::sample(), revision: 3 });
    assert_eq!((reopened.doc_id, reopened.deleted_doc), (id(1), None));
}

#[test]
fn tagging_needs_a_selection_and_undo_takes_it_back() {
    let state = State::new(id(1), State::sample(), true);
    let tag = |s| {
        reduce(s, Action::TagSelection { tag: Tag::Claim, id: id(9), now: "2026-01-01T00:00:00Z".into() })
    };
    let unchanged = tag(state.clone());
    assert_eq!(unchanged.revision, 0, "nothing selected: nothing tagged");
    let selected = reduce(state, Action::SelectText(Some((478, 495, 0.0, 0.0))));
    let tagged = tag(selected);
    assert_eq!(tagged.workspace().annotations()[0].exact, "Chinese military hackers");
    assert_eq!(tagged.selected, Some(id(9)));
    let undone = reduce(tagged, Action::Undo { now: "2026-01-01T00:00:01Z".into() });
    assert!(undone.workspace().annotations().is_empty());
    assert_eq!(undone.selected, None);
}

fn tagged(state: State, range: (usize, usize), key: &str, n: u8) -> State {
    let selected = reduce(state, Action::SelectText(Some((range.0, range.1, 0.0, 0.0))));
    reduce(selected, Action::Hotkey { key: key.into(), id: id(n), now: "2026-01-01T00:00:00Z".into() })
}

#[test]
fn tag_keys_tag_a_selection_or_retag_the_selected_and_are_announced() {
    let state = tagged(State::new(id(1), State::sample(), true), (478, 495), "1", 9);
    assert_eq!(state.workspace().annotations()[0].tag, Tag::Claim);
    assert_eq!(state.announcement, (1, "Claim added".to_owned()));
    let retagged = reduce(state, Action::Hotkey { key: "3".into(), id: id(10), now: "later".into() });
    assert_eq!(retagged.workspace().annotations().len(), 1, "no selection: the selected one is retagged");
    assert_eq!(retagged.workspace().annotations()[0].tag, Tag::Entity);
    let ignored =
        reduce(retagged.clone(), Action::Hotkey { key: "x".into(), id: id(11), now: "later".into() });
    assert_eq!(ignored.revision, retagged.revision, "not a tag key");
}

#[test]
fn linking_picks_the_source_under_a_click_and_escape_cancels() {
    let text = SAMPLE_TEXT;
    let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
    let (claim, source) = (at("Chinese military hackers"), at("The Washington Post"));
    let state = tagged(State::new(id(1), State::sample(), true), (claim, claim + 24), "1", 1);
    let state = tagged(state, (source, source + 19), "2", 2);
    let linking = reduce(reduce(state, Action::Select(Some(id(1)))), Action::StartLinking(Some(id(1))));
    let cancelled = reduce(linking.clone(), Action::Cancel);
    assert_eq!((cancelled.linking, cancelled.selected), (None, Some(id(1))), "one step back per Escape");
    assert_eq!(reduce(cancelled, Action::Cancel).selected, None, "then the annotation is deselected");
    let missed = reduce(linking.clone(), Action::ClickText { at: Some(claim + 2), now: "t".into() });
    assert!(missed.workspace().get(id(1)).unwrap().sources.is_empty(), "a claim is not a source");
    let linked = reduce(linking, Action::ClickText { at: Some(source + 4), now: "t".into() });
    assert_eq!(linked.workspace().get(id(1)).unwrap().sources, vec![id(2)]);
    assert_eq!((linked.linking, linked.selected), (None, Some(id(1))));
    let deleted = reduce(linked, Action::Delete { id: id(2), now: "2026-01-01T00:00:01Z".into() });
    assert!(deleted.workspace().get(id(1)).unwrap().sources.is_empty());
    assert!(deleted.announcement.1.starts_with("Source deleted"));
}

#[test]
fn a_new_article_keeps_the_tags_in_use() {
    let state = State::new(id(1), State::sample(), true);
    let mut tags = (**state.workspace().tagset()).clone();
    tags.add("Quote").unwrap();
    let custom = reduce(state, Action::SetTags { tags: tags.clone(), now: "2026-01-01T00:00:01Z".into() });
    let next = Workspace::new(Document::new("Next", "Another text"));
    let opened = reduce(custom, Action::Open { id: id(2), workspace: next, message: "Opened".into() });
    assert_eq!(**opened.workspace().tagset(), tags);
    assert_eq!(opened.workspace().document.title(), "Next");
}

#[test]
fn another_tabs_save_never_undoes_an_edit_made_while_it_was_joined() {
    let state = State::new(id(1), State::sample(), true);
    let against = state.workspace().clone();
    // What the join gave: the other tab's annotation on the text as it was here.
    let mut other = annotator_core::Editor::new(against.clone());
    other.add(10..15, Tag::Source, id(7), "2026-01-01T00:00:00Z").unwrap();
    let joined = other.workspace().clone();
    // Meanwhile this tab tagged something.
    let selected = reduce(state, Action::SelectText(Some((478, 495, 0.0, 0.0))));
    let tagged = reduce(
        selected,
        Action::TagSelection { tag: Tag::Claim, id: id(9), now: "2026-01-01T00:00:01Z".into() },
    );
    let synced = reduce(tagged, Action::Sync { workspace: joined.clone(), against: Some(against.clone()) });
    let ids: Vec<_> = synced.workspace().annotations().iter().map(|a| a.id).collect();
    assert_eq!(ids, vec![id(7), id(9)], "both kept");
    // Nothing happened meanwhile: the join is taken as it is.
    let plain = reduce(
        State::new(id(1), against.clone(), true),
        Action::Sync { workspace: joined.clone(), against: Some(against) },
    );
    assert_eq!(*plain.workspace(), joined);
}

fn trashed(doc: u8, was_open: bool) -> Trashed {
    let deleted = annotator_core::library::Deleted { id: id(doc), records: Vec::new() };
    Trashed { deleted: Rc::new(deleted), title: format!("Doc {doc}"), was_open, at_revision: 0 }
}

#[test]
fn undo_right_after_a_deletion_puts_the_document_back_and_later_undoes_edits() {
    let state = State::new(id(1), State::sample(), true);
    let deleted = reduce(state, Action::DocumentDeleted { trashed: trashed(5, false), next: None });
    assert_eq!(deleted.notice.as_ref().and_then(|n| n.restore), Some(id(5)), "the banner offers Undo");
    let undo = || Action::Undo { now: "2026-01-01T00:00:02Z".into() };
    let asked = reduce(deleted.clone(), undo());
    assert_eq!(asked.restoring, Some(id(5)), "Ctrl+Z asks for the document back");

    // After another change, Ctrl+Z is about that change, not the deletion.
    let selected = reduce(deleted, Action::SelectText(Some((478, 495, 0.0, 0.0))));
    let tagged = reduce(selected, Action::TagSelection { tag: Tag::Claim, id: id(9), now: "t".into() });
    let undone = reduce(tagged, undo());
    assert_eq!((undone.restoring, undone.workspace().annotations().len()), (None, 0));
    assert_eq!(undone.trash.len(), 1, "still in the Library's list, with its Undo");
}

#[test]
fn a_restored_document_that_was_open_opens_again() {
    let state = State::new(id(1), State::sample(), true);
    let next = Some((id(2), State::sample(), 0, false));
    let deleted = reduce(state, Action::DocumentDeleted { trashed: trashed(1, true), next });
    assert_eq!((deleted.doc_id, deleted.deleted_doc), (id(2), Some(id(1))));
    let back = Workspace::new(Document::new("Back", "Again"));
    let notice = Notice::info("Restored");
    let restored = reduce(deleted, Action::DocumentRestored { id: id(1), reopen: Some((back, 4)), notice });
    assert_eq!((restored.doc_id, restored.loaded_revision), (id(1), 4));
    assert_eq!(restored.workspace().document.title(), "Back");
    assert!(restored.trash.is_empty() && restored.restoring.is_none());
}

#[test]
fn a_key_that_is_no_tags_keeps_the_selection_and_names_the_keys() {
    let text = SAMPLE_TEXT;
    let at = text[..text.find("Chinese military hackers").unwrap()].chars().count();
    let selected =
        reduce(State::new(id(1), State::sample(), true), Action::SelectText(Some((at, at + 24, 0.0, 0.0))));
    let after = reduce(selected.clone(), Action::Hotkey { key: "s".into(), id: id(2), now: "t".into() });
    assert_eq!(after.pending, selected.pending, "the selection is still there to tag");
    assert_eq!(after.revision, selected.revision, "nothing tagged");
    let said = "“s” is not a tag’s key. Press 1 Claim, 2 Source, 3 Entity, or choose in the menu under the selection.";
    assert_eq!(after.announcement.1, said);
    assert_eq!(after.notice.as_ref().map(|n| n.text.as_str()), Some(said));
}

#[test]
fn messages_name_the_tag_keys_as_they_are_and_read_grammatically() {
    let mut tags = (**State::sample().tagset()).clone();
    tags.tags[0].hotkey = "c".into();
    tags.tags[2].hotkey = String::new();
    assert_eq!(super::tag_keys(&tags), "c Claim, 2 Source");
    assert_eq!(super::notice::a_or_an("Entity"), "an Entity");
    assert_eq!(super::notice::a_or_an("Source"), "a Source");
}

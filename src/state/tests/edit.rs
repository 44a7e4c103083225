use annotator_core::{ClaimStatus, Document, Edge, Editor, Filter, Tag, Workspace, export_json};

use super::*;

#[test]
fn tagging_needs_a_selection_and_undo_takes_it_back() {
    let tag = |s| reduce(s, EditAction::TagSelection { tag: Tag::Claim, id: id(9), now: now(1) });
    let unchanged = tag(fresh());
    assert_eq!(unchanged.revision(), 0, "nothing selected: nothing tagged");
    let tagged = tag(select(fresh(), "Chinese military hackers"));
    assert_eq!(quotes(&tagged), ["Chinese military hackers"]);
    assert_eq!((tagged.ui.selected, tagged.ui.pending.clone()), (Some(id(9)), None));
    assert_eq!(tagged.feedback.announcement.1, "Claim added");
    let undone = reduce(tagged.clone(), EditAction::Undo { now: now(2) });
    assert!(quotes(&undone).is_empty());
    assert_eq!((undone.ui.selected, undone.feedback.announcement.1.as_str()), (None, "Undone"));
    assert!(undone.revision() > tagged.revision(), "an undo is a change to save");
    let redone = reduce(undone, EditAction::Redo { now: now(3) });
    assert_eq!(quotes(&redone), ["Chinese military hackers"]);
}

#[test]
fn tag_keys_tag_a_selection_or_retag_the_selected() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 9);
    assert_eq!(state.workspace().annotations()[0].tag, Tag::Claim);
    let retagged = reduce(state, EditAction::Hotkey { key: "3".into(), id: id(10), now: now(2) });
    assert_eq!(quotes(&retagged).len(), 1, "no selection: the selected one is retagged");
    assert_eq!(retagged.workspace().annotations()[0].tag, Tag::Entity);
    assert_eq!(retagged.feedback.announcement.1, "Now an Entity");
    let before = Rc::new(retagged);
    let ignored =
        before.clone().reduce(EditAction::Hotkey { key: "x".into(), id: id(11), now: now(3) }.into());
    assert!(Rc::ptr_eq(&before, &ignored), "not a tag key, nothing selecting: nothing happens");
}

#[test]
fn a_key_that_is_no_tags_keeps_the_selection_and_names_the_keys() {
    let selected = select(fresh(), "Chinese military hackers");
    let after = reduce(selected.clone(), EditAction::Hotkey { key: "s".into(), id: id(2), now: now(1) });
    assert_eq!(after.ui.pending, selected.ui.pending, "the selection is still there to tag");
    assert_eq!(after.revision(), selected.revision(), "nothing tagged");
    let said = "“s” is not a tag’s key. Press 1 Claim, 2 Source, 3 Entity, or choose in the menu under the selection.";
    assert_eq!(after.feedback.announcement.1, said);
    assert_eq!(after.feedback.notice.as_ref().map(|n| n.text.as_str()), Some(said));
}

#[test]
fn a_claims_status_entity_type_and_note_are_edits() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let state =
        reduce(state, EditAction::SetStatus { id: id(2), status: ClaimStatus::Disputed, now: now(2) });
    let state = reduce(state, EditAction::EditNote { id: id(2), note: "Post, 7 Aug".into(), now: now(3) });
    let person = tagged(state, "Paul Nakasone", "3", 3);
    let person = reduce(person, EditAction::SetEntityType { id: id(3), kind: "person".into(), now: now(4) });
    let (claim, who) = (person.workspace().get(id(2)).unwrap(), person.workspace().get(id(3)).unwrap());
    assert_eq!((claim.status, claim.note.as_str()), (ClaimStatus::Disputed, "Post, 7 Aug"));
    assert_eq!(who.entity_type, "person");
}

#[test]
fn a_refused_edit_says_why_and_changes_nothing() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let gone = reduce(state.clone(), EditAction::Delete { id: id(2), now: now(2) });
    let refused = reduce(gone.clone(), EditAction::Retag { id: id(2), tag: Tag::Source, now: now(3) });
    assert_eq!(refused.revision(), gone.revision());
    assert_eq!(refused.feedback.notice.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    let same = reduce(state.clone(), EditAction::Retag { id: id(2), tag: Tag::Claim, now: now(3) });
    assert_eq!(same.revision(), state.revision(), "a retag to the same tag is no change to save");
}

#[test]
fn deleting_a_source_unlinks_it_and_says_so() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 1);
    let state = tagged(state, "The Washington Post", "2", 2);
    let linked = reduce(state, EditAction::Link { claim: id(1), source: id(2), now: now(3) });
    assert_eq!(linked.workspace().get(id(1)).unwrap().sources, vec![id(2)]);
    let deleted = reduce(linked.clone(), EditAction::Delete { id: id(2), now: now(4) });
    assert!(deleted.workspace().get(id(1)).unwrap().sources.is_empty());
    assert!(deleted.feedback.announcement.1.starts_with("Source deleted"));
    let unlinked = reduce(linked, EditAction::Unlink { claim: id(1), source: id(2), now: now(4) });
    assert!(unlinked.workspace().get(id(1)).unwrap().sources.is_empty());
    assert_eq!(unlinked.feedback.announcement.1, "Source unlinked");
}

#[test]
fn delete_selected_needs_a_selected_annotation() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let deleted = reduce(state, EditAction::DeleteSelected { now: now(2) });
    assert!(quotes(&deleted).is_empty());
    assert_eq!(deleted.ui.selected, None);
    let before = Rc::new(deleted);
    let again = before.clone().reduce(EditAction::DeleteSelected { now: now(3) }.into());
    assert!(Rc::ptr_eq(&before, &again));
}

#[test]
fn nudging_moves_an_end_by_a_word_and_resizing_snaps() {
    let state = tagged(fresh(), "Chinese military", "1", 2);
    let longer = reduce(state, EditAction::Nudge { edge: Edge::End, forward: true, now: now(2) });
    assert_eq!(quotes(&longer), ["Chinese military hackers"]);
    assert_eq!(longer.feedback.announcement.1, "Now “Chinese military hackers”");
    let (start, _) = span("military hackers");
    let (_, end) = span("military hackers have");
    let resized = reduce(longer, EditAction::Resize { id: id(2), range: start + 2..end - 1, now: now(3) });
    assert_eq!(quotes(&resized), ["military hackers have"], "dragged ends snap to words");
}

#[test]
fn a_tag_set_change_drops_a_filter_on_a_removed_tag() {
    let state = fresh();
    let mut tags = (**state.workspace().tagset()).clone();
    let quote = tags.add("Quote").unwrap();
    let with_quote = reduce(state, EditAction::SetTags { tags: tags.clone(), now: now(1) });
    let filtered =
        reduce(with_quote.clone(), UiAction::SetFilter(Filter { tag: Some(quote), ..Filter::default() }));
    let mut fewer = (**with_quote.workspace().tagset()).clone();
    fewer.tags.retain(|t| t.key != quote);
    let without = reduce(filtered, EditAction::SetTags { tags: fewer, now: now(2) });
    assert_eq!(without.ui.filter.tag, None);
}

#[test]
fn renaming_is_undoable() {
    let renamed = reduce(fresh(), EditAction::Rename { title: "Hacks".into(), now: now(1) });
    assert_eq!(renamed.workspace().document.title(), "Hacks");
    let undone = reduce(renamed, EditAction::Undo { now: now(2) });
    assert_eq!(undone.workspace().document.title(), SAMPLE_TITLE);
}

#[test]
fn an_export_of_the_open_article_merges_and_another_opens_as_a_new_document() {
    let mut other = Editor::new(State::sample());
    let (start, end) = span("The Washington Post");
    other.add(start..end, Tag::Source, id(7), &now(1)).unwrap();
    let raw = export_json(other.workspace());
    let import = |state, raw: &str| {
        reduce(
            state,
            EditAction::Import { name: "post.json".into(), raw: raw.into(), now: now(2), new_id: id(8) },
        )
    };
    let merged = import(fresh(), &raw);
    assert_eq!((merged.session.doc_id, quotes(&merged)), (id(1), vec!["The Washington Post".to_owned()]));
    assert!(merged.feedback.notice.as_ref().unwrap().text.starts_with("Imported “post.json”"));
    assert!(quotes(&reduce(merged, EditAction::Undo { now: now(3) })).is_empty(), "one undo takes it out");

    let elsewhere = export_json(&Workspace::new(Document::new("Elsewhere", "Another text entirely")));
    let opened = import(fresh(), &elsewhere);
    assert_eq!((opened.session.doc_id, opened.workspace().document.title()), (id(8), "Elsewhere"));
    let bad = import(fresh(), "{ not json");
    assert_eq!(bad.feedback.notice.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    assert_eq!((bad.session.doc_id, bad.revision()), (id(1), 0), "nothing lost, nothing opened");
}

#[test]
fn a_new_text_reanchors_and_undo_brings_back_the_old() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let text = format!("A new first line.\n{SAMPLE_TEXT}");
    let updated =
        reduce(state, EditAction::UpdateText { document: Document::new(SAMPLE_TITLE, &text), now: now(2) });
    let a = &updated.workspace().annotations()[0];
    assert_eq!(
        (a.exact.as_str(), a.start),
        ("Chinese military hackers", span("Chinese military hackers").0 + 18)
    );
    assert!(
        updated.feedback.notice.as_ref().unwrap().text.ends_with("Undo (Ctrl+Z) brings back the old text.")
    );
    let undone = reduce(updated, EditAction::Undo { now: now(3) });
    assert_eq!(undone.workspace().document.text(), SAMPLE_TEXT);
}

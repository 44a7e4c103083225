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
    let next = Action::DeletedOpen {
        next: id(2),
        workspace: State::sample(),
        revision: 0,
        stored: true,
        notice: Notice::info("Deleted"),
    };
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
    let undone = reduce(tagged, Action::Undo);
    assert!(undone.workspace().annotations().is_empty());
    assert_eq!(undone.selected, None);
}

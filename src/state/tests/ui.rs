use annotator_core::Filter;

use super::*;

#[test]
fn a_selection_snaps_to_whole_words_and_puts_the_caret_at_its_ends() {
    let (start, end) = span("Chinese military hackers");
    // From inside “Chinese” to inside “hackers”, backwards.
    let state = reduce(fresh(), UiAction::SelectText(Some((end - 2, start + 3, 10.0, 20.0))));
    let pending = state.ui.pending.clone().expect("a selection to tag");
    assert_eq!(pending.range, start..end);
    assert_eq!((pending.x, pending.y), (10.0, 20.0));
    assert_eq!(state.ui.caret, (end - 2, start + 3), "the caret is where the person left it");
    let exact = reduce(
        reduce(fresh(), UiAction::SetSnapWords(false)),
        UiAction::SelectText(Some((start + 3, end - 2, 0.0, 0.0))),
    );
    assert_eq!(exact.ui.pending.map(|p| p.range), Some(start + 3..end - 2), "not snapping: as selected");
    assert_eq!(reduce(state, UiAction::SelectText(None)).ui.pending, None);
}

#[test]
fn the_caret_keys_select_with_a_picker_and_move_without_one() {
    let (start, end) = span("The Chinese");
    let selecting =
        reduce(fresh(), UiAction::PlaceCaret { anchor: start, focus: end, picker: Some((1.0, 2.0)) });
    assert_eq!(selecting.ui.pending.as_ref().map(|p| p.range.clone()), Some(start..end));
    let moved = reduce(selecting, UiAction::PlaceCaret { anchor: end, focus: end, picker: None });
    assert_eq!(
        (moved.ui.caret, moved.ui.pending.clone()),
        ((end, end), None),
        "a plain move drops the selection"
    );
    let again = Rc::new(moved);
    let same = again.clone().reduce(UiAction::PlaceCaret { anchor: end, focus: end, picker: None }.into());
    assert!(Rc::ptr_eq(&again, &same), "a move to where the caret is changes nothing");
}

#[test]
fn j_and_k_go_from_the_caret_and_say_where_they_landed() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let state = tagged(state, "The Washington Post", "2", 3);
    let state = reduce(state, UiAction::Select(None));
    let (after_first, _) = span("have breached");
    let state = reduce(state, UiAction::PlaceCaret { anchor: after_first, focus: after_first, picker: None });
    let next = reduce(state, UiAction::SelectNeighbour { forward: true });
    assert_eq!(next.ui.selected, Some(id(3)), "the next one after the caret");
    assert_eq!(next.feedback.announcement.1, "Source: The Washington Post");
    let back = reduce(next, UiAction::SelectNeighbour { forward: false });
    assert_eq!(back.ui.selected, Some(id(2)));
    assert_eq!(
        back.ui.caret,
        (span("Chinese military hackers").0, span("Chinese military hackers").0),
        "the caret follows the selected annotation"
    );
}

#[test]
fn the_caret_stays_when_the_selected_annotation_holds_it() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let inside = span("Chinese military hackers").0 + "Chinese m".len();
    let state = reduce(
        reduce(state, UiAction::Select(None)),
        UiAction::PlaceCaret { anchor: inside, focus: inside, picker: None },
    );
    let clicked = reduce(state, UiAction::ClickText { at: Some(inside), now: now(5) });
    assert_eq!(clicked.ui.selected, Some(id(2)), "a click selects the annotation under it");
    assert_eq!(clicked.ui.caret, (inside, inside));
    let outside = reduce(clicked, UiAction::ClickText { at: None, now: now(6) });
    assert_eq!(outside.ui.selected, None);
}

#[test]
fn the_minimap_selects_the_nearest_annotation() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let state = tagged(state, "The Washington Post", "2", 3);
    let near_post = span("reported in its online").0;
    assert_eq!(reduce(state.clone(), UiAction::SelectNear(near_post)).ui.selected, Some(id(3)));
    assert_eq!(reduce(state, UiAction::SelectNear(0)).ui.selected, Some(id(2)));
}

#[test]
fn linking_picks_the_source_under_a_click_and_escape_steps_back() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 1);
    let state = tagged(state, "The Washington Post", "2", 2);
    let linking = reduce(reduce(state, UiAction::Select(Some(id(1)))), UiAction::StartLinking(Some(id(1))));
    assert!(linking.feedback.announcement.1.starts_with("Choose a source"));
    let cancelled = reduce(linking.clone(), UiAction::Cancel);
    assert_eq!(
        (cancelled.ui.linking, cancelled.ui.selected),
        (None, Some(id(1))),
        "one step back per Escape"
    );
    assert_eq!(reduce(cancelled, UiAction::Cancel).ui.selected, None, "then the annotation is deselected");
    let missed =
        reduce(linking.clone(), UiAction::ClickText { at: Some(span("Chinese military").1), now: now(5) });
    assert!(missed.workspace().get(id(1)).unwrap().sources.is_empty(), "a claim is not a source");
    let linked = reduce(linking, UiAction::ClickText { at: Some(span("Washington").0), now: now(5) });
    assert_eq!(linked.workspace().get(id(1)).unwrap().sources, vec![id(2)]);
    assert_eq!((linked.ui.linking, linked.ui.selected), (None, Some(id(1))));
}

#[test]
fn a_selection_escape_drops_before_the_selected_annotation() {
    let state = tagged(fresh(), "Chinese military hackers", "1", 2);
    let selecting = select(state, "The Washington Post");
    let cancelled = reduce(selecting, UiAction::Cancel);
    assert_eq!((cancelled.ui.pending.clone(), cancelled.ui.selected), (None, Some(id(2))));
}

#[test]
fn the_filter_and_snapping_are_set_as_asked() {
    let filter = Filter { text: "hackers".into(), ..Filter::default() };
    let state = reduce(fresh(), UiAction::SetFilter(filter.clone()));
    assert_eq!(state.ui.filter, filter);
    assert!(!reduce(state, UiAction::SetSnapWords(false)).ui.snap_words);
}

#[test]
fn a_comparison_stays_open_through_taking_b_and_closes_with_the_document() {
    use annotator_core::compare::Difference;
    // B: the sample with one claim A lacks.
    let b = tagged(fresh(), "Chinese military hackers", "1", 7).workspace().clone();
    let open =
        reduce(fresh(), UiAction::Compare { name: "b.json".into(), other: b.clone(), spans_only: false });
    let diff = annotator_core::compare(open.workspace(), &b).unwrap().diff;
    assert!(matches!(diff[0].difference, Difference::OnlyB(_)));
    let taken = reduce(open, EditAction::TakeB { entry: diff[0].clone(), id: id(9), now: now(1) });
    assert_eq!(quotes(&taken), ["Chinese military hackers"]);
    assert!(taken.ui.comparing.is_some(), "still comparing");
    let kept = reduce(taken.clone(), UiAction::KeepA(diff[0].difference.clone()));
    assert_eq!(kept.ui.comparing.as_ref().unwrap().kept.len(), 1);
    let undone = reduce(taken, EditAction::Undo { now: now(2) });
    assert!(quotes(&undone).is_empty(), "one undo");
    let other = annotator_core::Workspace::new(annotator_core::Document::new("Other", "Text"));
    let switched = reduce(undone, DocAction::SwitchDocument { id: id(5), workspace: other, revision: 0 });
    assert!(switched.ui.comparing.is_none(), "another document: the comparison is over");
}

/// A library search's hit is shown until the next click or Escape; the caret goes to it,
/// and a range past the end of the text is cut to it.
#[test]
fn a_revealed_hit_stays_until_a_click_or_escape() {
    let (start, end) = span("Washington");
    let shown = reduce(fresh(), UiAction::Reveal(start..end));
    assert_eq!((shown.ui.revealed.clone(), shown.ui.caret), (Some(start..end), (start, start)));
    assert_eq!(reduce(shown.clone(), UiAction::Cancel).ui.revealed, None);
    assert_eq!(reduce(shown, UiAction::ClickText { at: Some(start), now: now(1) }).ui.revealed, None);
    let len = fresh().workspace().document.char_len();
    assert_eq!(reduce(fresh(), UiAction::Reveal(len - 2..len + 9)).ui.revealed, Some(len - 2..len));
}

/// A click on a suggested word selects the suggestion, but only while the list is of the
/// text as it is: after an undo brings back an annotation there, and before the list is
/// worked out again, the click means the annotation. Escape lets a suggestion go.
#[test]
fn a_click_reaches_a_suggestion_only_from_a_list_of_the_current_revision() {
    let (start, end) = span("Japan");
    let suggestion = annotator_core::suggest::Suggestion {
        start,
        end,
        tag: annotator_core::Tag::Entity,
        exact: "Japan".into(),
        entity_type: String::new(),
        count: 2,
    };
    let state = tagged(fresh(), "Japan", "3", 4);
    let undone = reduce(state, EditAction::Undo { now: now(5) });
    let found = SuggestAction::Found { revision: undone.session.revision(), list: Rc::from([suggestion]) };
    let suggested = reduce(undone, found);
    let clicked = reduce(suggested.clone(), UiAction::ClickText { at: Some(start + 1), now: now(6) });
    assert_eq!(clicked.ui.suggest.selected, Some(0), "the list is of this text");
    assert_eq!(reduce(clicked, UiAction::Cancel).ui.suggest.selected, None, "Escape lets it go");
    let redone = reduce(suggested, EditAction::Redo { now: now(7) });
    let clicked = reduce(redone, UiAction::ClickText { at: Some(start + 1), now: now(8) });
    assert_eq!(clicked.ui.suggest.selected, None, "an older list");
    assert_eq!(clicked.ui.selected, Some(id(4)), "the annotation brought back");
    // Worked out again for a later revision, the same list is of that revision too.
    let again = reduce(reduce(clicked, UiAction::Cancel), EditAction::Undo { now: now(9) });
    let found =
        SuggestAction::Found { revision: again.session.revision(), list: again.ui.suggest.list.clone() };
    let same = reduce(again, found);
    let clicked = reduce(same, UiAction::ClickText { at: Some(start + 1), now: now(10) });
    assert_eq!(clicked.ui.suggest.selected, Some(0), "an equal list found again");
}

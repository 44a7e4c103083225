use super::*;
use crate::model::Document;
use crate::tagset::TagError;
use crate::test_support::{NOW, id};

fn editor(text: &str) -> Editor {
    Editor::new(Workspace::new(Document::new("t", text)))
}

fn spans(ed: &Editor) -> Vec<(usize, usize, Tag, String)> {
    ed.workspace().annotations().iter().map(|a| (a.start, a.end, a.tag, a.note.clone())).collect()
}

#[test]
fn undo_and_redo_every_kind_of_change() {
    let mut ed = editor("Tokyo took steps");
    ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
    ed.retag(id(1), Tag::Source, "later").unwrap();
    ed.set_note(id(1), "city", "later").unwrap();
    ed.delete(id(1), NOW).unwrap();
    assert!(spans(&ed).is_empty());
    let expected = [
        vec![(0, 5, Tag::Source, "city".to_owned())],
        vec![(0, 5, Tag::Source, String::new())],
        vec![(0, 5, Tag::Entity, String::new())],
        vec![],
    ];
    for want in &expected {
        assert!(ed.undo(NOW));
        assert_eq!(&spans(&ed), want);
    }
    assert!(!ed.undo(NOW));
    for want in expected.iter().rev().skip(1) {
        assert!(ed.redo(NOW));
        assert_eq!(&spans(&ed), want);
    }
    assert!(ed.redo(NOW));
    assert!(spans(&ed).is_empty());
    assert!(!ed.redo(NOW));
}

#[test]
fn a_new_change_clears_redo() {
    let mut ed = editor("abc def");
    ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
    ed.undo(NOW);
    ed.add(4..7, Tag::Claim, id(2), NOW).unwrap();
    assert!(!ed.can_redo());
}

#[test]
fn typing_a_note_is_one_step() {
    let mut ed = editor("abc");
    ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
    for note in ["d", "do", "dou", "doubt"] {
        ed.set_note(id(1), note, NOW).unwrap();
    }
    ed.undo(NOW);
    assert_eq!(spans(&ed), vec![(0, 3, Tag::Claim, String::new())]);
    ed.undo(NOW);
    assert!(spans(&ed).is_empty());
}

#[test]
fn a_new_text_and_title_are_undoable_steps() {
    let mut ed = editor("old text");
    ed.add(4..8, Tag::Claim, id(1), NOW).unwrap();
    let (updated, _) = crate::update_text(ed.workspace(), Document::new("t", "the old text"));
    ed.transform(updated, NOW);
    assert_eq!((ed.workspace().document.text(), spans(&ed)[0].0), ("the old text", 8));
    ed.rename("New", NOW);
    assert_eq!(ed.workspace().document.title(), "New");
    ed.undo(NOW);
    assert_eq!(ed.workspace().document.title(), "t");
    ed.undo(NOW);
    assert_eq!((ed.workspace().document.text(), spans(&ed)[0].0), ("old text", 4));
    ed.redo(NOW);
    ed.redo(NOW);
    assert_eq!((ed.workspace().document.title(), spans(&ed)[0].0), ("New", 8));
}

#[test]
fn an_edit_and_its_reversal_are_two_steps() {
    // Undo used to join any change with the one before it when only the note differed
    // between the first's before and the second's after — true whenever one reverts the other.
    let mut ed = editor("Tokyo said so. The paper");
    ed.add(0..13, Tag::Claim, id(1), NOW).unwrap();
    ed.add(15..24, Tag::Source, id(2), NOW).unwrap();
    ed.set_status(id(1), ClaimStatus::False, "t1").unwrap();
    ed.set_status(id(1), ClaimStatus::Supported, "t2").unwrap();
    ed.undo("t3");
    assert_eq!(ed.workspace().get(id(1)).unwrap().status, ClaimStatus::False);
    ed.undo("t4");
    assert_eq!(ed.workspace().get(id(1)).unwrap().status, ClaimStatus::Unchecked);
    assert_eq!(ed.workspace().annotations().len(), 2, "the older, unrelated step stays");

    ed.link(id(1), id(2), "t5").unwrap();
    ed.unlink(id(1), id(2), "t6").unwrap();
    ed.undo("t7");
    assert_eq!(ed.workspace().get(id(1)).unwrap().sources, vec![id(2)], "the link is back");
}

#[test]
fn an_undo_is_a_change_made_now() {
    let mut ed = editor("abc");
    ed.add(0..3, Tag::Claim, id(1), "t1").unwrap();
    ed.retag(id(1), Tag::Source, "t2").unwrap();
    ed.undo("t3");
    let a = ed.workspace().get(id(1)).unwrap();
    assert_eq!((a.tag, a.modified.as_str()), (Tag::Claim, "t3"));
}

#[test]
fn cloning_the_editor_does_not_copy_its_history() {
    let mut ed = editor("abc");
    ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
    for n in 0..2 * HISTORY_LIMIT + 1 {
        ed.set_status(id(1), if n % 2 == 0 { ClaimStatus::False } else { ClaimStatus::Supported }, NOW)
            .unwrap();
    }
    assert_eq!(ed.undo_len(), HISTORY_LIMIT);
    let copy = ed.clone();
    assert!(std::ptr::eq(copy.undo.last().unwrap(), ed.undo.last().unwrap()), "shared, not copied");
    assert_eq!(copy, ed);
}

#[test]
fn refuses_bad_ranges_with_reasons() {
    let mut ed = editor("a🤦🏼‍♂️b");
    assert_eq!(ed.add(2..2, Tag::Claim, id(1), NOW), Err(EditError::Span(SpanError::EmptyRange)));
    assert_eq!(
        ed.add(0..9, Tag::Claim, id(1), NOW),
        Err(EditError::Span(SpanError::PastEnd { end: 9, len: 7 }))
    );
    assert_eq!(
        ed.add(0..3, Tag::Claim, id(1), NOW),
        Err(EditError::Span(SpanError::SplitsGrapheme { at: 3 }))
    );
    assert_eq!(ed.delete(id(9), NOW), Err(EditError::NotFound));
    assert!(!ed.can_undo());
}

#[test]
fn history_is_bounded() {
    let mut ed = editor("abc");
    ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
    for i in 0..HISTORY_LIMIT + 10 {
        ed.set_note(id(1), &i.to_string(), NOW).unwrap();
        ed.retag(id(1), if i % 2 == 0 { Tag::Source } else { Tag::Claim }, NOW).unwrap();
    }
    let mut steps = 0;
    while ed.undo(NOW) {
        steps += 1;
    }
    assert_eq!(steps, HISTORY_LIMIT);
}

#[test]
fn deleting_a_source_unlinks_it_in_one_undoable_step() {
    let mut ed = editor("Tokyo said the paper said so.");
    ed.add(0..10, Tag::Claim, id(1), NOW).unwrap();
    ed.add(11..20, Tag::Source, id(2), NOW).unwrap();
    ed.add(21..28, Tag::Claim, id(3), NOW).unwrap();
    ed.link(id(1), id(2), NOW).unwrap();
    ed.link(id(1), id(2), NOW).unwrap(); // twice is once
    ed.link(id(3), id(2), NOW).unwrap();
    assert_eq!(ed.link(id(2), id(1), NOW), Err(EditError::NotClaimAndSource));
    let sources = |ed: &Editor, n| ed.workspace().get(id(n)).unwrap().sources.clone();
    assert_eq!(sources(&ed, 1), vec![id(2)]);
    assert_eq!(ed.workspace().citing(id(2)).count(), 2);
    ed.delete(id(2), NOW).unwrap();
    assert_eq!((sources(&ed, 1), sources(&ed, 3)), (vec![], vec![]));
    assert!(ed.workspace().is_unsourced(ed.workspace().get(id(1)).unwrap()));
    assert!(ed.undo(NOW), "one step brings back the source and both links");
    assert_eq!((sources(&ed, 1), sources(&ed, 3)), (vec![id(2)], vec![id(2)]));
    assert!(ed.redo(NOW));
    assert!(ed.workspace().get(id(2)).is_none());
    ed.undo(NOW);
    ed.unlink(id(1), id(2), NOW).unwrap();
    assert_eq!(sources(&ed, 1), vec![]);
}

#[test]
fn status_and_entity_type_are_undoable_and_not_merged_with_notes() {
    let mut ed = editor("Tokyo took steps");
    ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
    ed.set_note(id(1), "city", NOW).unwrap();
    ed.set_entity_type(id(1), " place ", NOW).unwrap();
    ed.set_status(id(1), ClaimStatus::False, NOW).unwrap();
    let a = ed.workspace().get(id(1)).unwrap().clone();
    assert_eq!((a.entity_type.as_str(), a.status, a.note.as_str()), ("place", ClaimStatus::False, "city"));
    ed.undo(NOW);
    ed.undo(NOW);
    assert_eq!(ed.workspace().get(id(1)).unwrap().note, "city", "the note is its own step");
}

#[test]
fn resizing_moves_the_quote_and_keeps_order() {
    let mut ed = editor("Tokyo took steps to act");
    ed.add(6..10, Tag::Claim, id(1), NOW).unwrap();
    ed.add(11..16, Tag::Source, id(2), NOW).unwrap();
    let doc = ed.workspace().document.clone();
    let grow = nudged(&doc, 6..10, Edge::Start, false, true).unwrap();
    assert_eq!(grow, 0..10);
    ed.resize(id(1), grow, "later").unwrap();
    let a = ed.workspace().annotations()[0].clone();
    assert_eq!((a.id, a.exact.as_str(), a.modified.as_str()), (id(1), "Tokyo took", "later"));
    assert_eq!(ed.resize(id(1), 3..3, NOW), Err(EditError::Span(SpanError::EmptyRange)));
    ed.resize(id(1), 17..23, NOW).unwrap();
    let order: Vec<_> = ed.workspace().annotations().iter().map(|a| a.exact.as_str()).collect();
    assert_eq!(order, ["steps", "to act"], "moved past the other span");
    ed.undo(NOW);
    ed.undo(NOW);
    assert_eq!(ed.workspace().get(id(1)).unwrap().exact, "took");
}

/// A range the span rules refuse is refused by the editor with the same words.
#[test]
fn span_refusals_keep_their_words_as_edit_errors() {
    for e in
        [SpanError::EmptyRange, SpanError::PastEnd { end: 9, len: 7 }, SpanError::SplitsGrapheme { at: 3 }]
    {
        assert_eq!(EditError::from(e).to_string(), e.to_string());
    }
}

#[test]
fn tag_set_changes_are_undoable_and_never_orphan_annotations() {
    let mut ed = editor("abc def");
    ed.add(0..3, Tag::Source, id(1), NOW).unwrap();
    let mut set = (**ed.workspace().tagset()).clone();
    let quote = set.add("Quote").unwrap();
    set.tags[0].label = "Assertion".into();
    set.tags[0].colour = crate::tagset::PALETTE[5].0.into();
    ed.set_tagset(set.clone(), NOW).unwrap();
    ed.add(4..7, quote, id(2), NOW).unwrap();
    assert_eq!(ed.workspace().tagset().label(Tag::Claim), "Assertion");
    let mut without_source = set.clone();
    without_source.tags.retain(|d| d.key != Tag::Source);
    assert_eq!(
        ed.set_tagset(without_source, NOW).unwrap_err().to_string(),
        "1 annotation is tagged “Source”: retag or delete it first."
    );
    let mut duplicate = set.clone();
    duplicate.tags[1].label = "assertion".into();
    assert!(matches!(ed.set_tagset(duplicate, NOW), Err(EditError::Tags(TagError::DuplicateLabel(_)))));
    ed.undo(NOW);
    ed.undo(NOW);
    assert_eq!(ed.workspace().tagset().label(Tag::Claim), "Claim");
    assert_eq!(ed.workspace().tagset().tags.len(), 3);
}

#[test]
fn changes_count_what_changed_the_workspace_and_nothing_else() {
    let text = "Tokyo took steps";
    let mut ed = editor(text);
    let tokyo = 0..text.find(' ').unwrap();
    ed.add(tokyo.clone(), Tag::Entity, id(1), NOW).unwrap();
    assert_eq!(ed.changes(), 1);
    ed.retag(id(1), Tag::Entity, NOW).unwrap();
    assert_eq!(ed.changes(), 1, "a retag to the same tag changes nothing");
    assert!(ed.add(3..3, Tag::Entity, id(2), NOW).is_err());
    assert_eq!(ed.changes(), 1, "a refused edit changes nothing");
    ed.set_note(id(1), "city", NOW).unwrap();
    ed.set_note(id(1), "city!", NOW).unwrap();
    assert_eq!(ed.changes(), 3, "typing joins one undo step but each keystroke is a change");
    assert!(ed.undo(NOW) && ed.redo(NOW));
    assert_eq!(ed.changes(), 5);
    assert!(!ed.redo(NOW));
    assert_eq!(ed.changes(), 5, "nothing to redo");
    let same = ed.workspace().clone();
    ed.transform(same.clone(), NOW);
    assert_eq!(ed.changes(), 5, "a transform to the same workspace changes nothing");
    ed.sync(same);
    assert_eq!(ed.changes(), 6, "another tab's save is taken");
}

mod provenance {
    use super::*;
    use crate::creator::Creator;

    fn person(name: &str) -> Option<Creator> {
        Creator::new(name, "Desk")
    }

    fn creator_of(ed: &Editor, n: u8) -> Option<String> {
        ed.workspace().get(id(n)).and_then(|a| a.creator.as_ref()).map(|c| c.name.clone())
    }

    #[test]
    fn what_a_named_person_makes_or_changes_is_theirs_and_undo_gives_it_back() {
        let text = "Tokyo took steps";
        let mut ed = editor(text);
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        assert_eq!(creator_of(&ed, 1), None, "no name given: no creator");
        ed.set_author(person("Ana"));
        ed.add(6..10, Tag::Claim, id(2), NOW).unwrap();
        assert_eq!(creator_of(&ed, 2).as_deref(), Some("Ana"));
        ed.set_author(person("Bo"));
        ed.retag(id(2), Tag::Claim, "later").unwrap();
        assert_eq!(creator_of(&ed, 2).as_deref(), Some("Ana"), "no change: still Ana's");
        ed.retag(id(2), Tag::Source, "later").unwrap();
        assert_eq!(creator_of(&ed, 2).as_deref(), Some("Bo"), "changed by Bo");
        assert!(ed.undo("later"));
        assert_eq!(creator_of(&ed, 2).as_deref(), Some("Ana"), "undone: Ana's version again");
        assert!(ed.redo("later"));
        assert_eq!(creator_of(&ed, 2).as_deref(), Some("Bo"));
    }

    #[test]
    fn typing_a_note_is_still_one_step_when_named() {
        let mut ed = editor("Tokyo took steps");
        ed.set_author(person("Ana"));
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        ed.set_author(person("Bo"));
        for note in ["c", "ci", "cit", "city"] {
            ed.set_note(id(1), note, NOW).unwrap();
        }
        assert_eq!(ed.undo_len(), 2, "the add, then the note");
        assert!(ed.undo(NOW));
        let who = |ed: &Editor| {
            let a = ed.workspace().get(id(1)).unwrap();
            (a.note.clone(), a.creator.as_ref().map(|c| c.name.clone()))
        };
        assert_eq!(who(&ed), (String::new(), Some("Ana".to_owned())));
        assert!(ed.redo(NOW));
        assert_eq!(who(&ed), ("city".to_owned(), Some("Bo".to_owned())), "redone: Bo's note, Bo's");
    }

    #[test]
    fn work_done_before_a_name_was_given_can_be_claimed_in_one_step() {
        let mut ed = editor("Tokyo took steps");
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        ed.add(6..10, Tag::Claim, id(2), NOW).unwrap();
        assert_eq!(ed.claim_unnamed(NOW), 0, "no author: nothing to claim with");
        ed.set_author(person("Ana"));
        ed.add(11..16, Tag::Claim, id(3), NOW).unwrap();
        ed.set_author(person("Bo"));
        assert_eq!(ed.claim_unnamed(NOW), 2, "Ana's stays hers");
        let names = |ed: &Editor| [1, 2, 3].map(|n| creator_of(ed, n));
        assert_eq!(names(&ed), [Some("Bo".into()), Some("Bo".into()), Some("Ana".into())]);
        assert!(ed.undo(NOW));
        assert_eq!(names(&ed), [None, None, Some("Ana".into())], "one undo");
    }

    #[test]
    fn an_import_keeps_its_creators() {
        let mut theirs = editor("Tokyo took steps");
        theirs.set_author(person("Chidi"));
        theirs.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        let mut ours = editor("Tokyo took steps");
        ours.set_author(person("Ana"));
        let file = crate::import_json(&crate::export_json(theirs.workspace())).unwrap();
        let (merged, _) = crate::merge_import(ours.workspace(), &file).unwrap();
        ours.transform(merged, NOW);
        assert_eq!(creator_of(&ours, 1).as_deref(), Some("Chidi"));
    }
}

//! Merging a colleague's export of the same article: duplicates left out, new work added
//! with its creator, the same annotation with other values recorded as a conflict (ours
//! kept), links pointed at the annotations they now are; one undo step, and resolving.

use super::*;
use crate::conflict::{Field, Resolution};
use crate::creator::Creator;
use crate::editor::{EditError, Editor};
use crate::formats::{export_json, import_json};
use crate::status::ClaimStatus;
use crate::tagset::Tag;
use crate::test_support::colleagues::{TEXT, ana, at, file, kenji};
use crate::test_support::{NOW, id};

const LATER: &str = "2026-11-27T09:00:00.000Z";

fn counts(added: usize, already_here: usize, conflicts: usize) -> MergeSummary {
    MergeSummary { added, already_here, conflicts, ..MergeSummary::default() }
}

fn kenji_name() -> Option<Creator> {
    Creator::new("Kenji Sato", "")
}

/// Ana merges Kenji's file: his claim and source are hers (duplicates, his link between
/// them being hers too), his Tokyo is an organisation where hers is a place (a conflict),
/// and his nested entity and crossing claim are new, with his name on them.
#[test]
fn duplicates_are_left_out_new_work_comes_with_its_creator_and_a_difference_is_a_conflict() {
    let ours = ana();
    let (merged, summary) = merge_import(ours.workspace(), &file(kenji().workspace())).unwrap();
    assert_eq!(summary, counts(2, 2, 1));
    let ids: Vec<_> = merged.annotations().iter().map(|a| a.id).collect();
    assert_eq!(ids, [id(3), id(1), id(14), id(15), id(2)], "document order, his two added");
    for (n, needle) in [(14, "日本"), (15, "fell 5% 📉 in 2025")] {
        let a = merged.get(id(n)).unwrap();
        assert_eq!((a.range(), a.exact.as_str()), (at(needle), needle));
        assert_eq!(a.creator, kenji_name(), "{needle}");
    }
    assert_eq!(merged.get(id(3)), ours.workspace().get(id(3)), "ours kept as it was");
    let [conflict] = merged.conflicts() else { panic!("one conflict: {:?}", merged.conflicts()) };
    assert_eq!(conflict.ours, id(3));
    assert_eq!(
        (conflict.theirs.entity_type.as_str(), &conflict.theirs.creator),
        ("organisation", &kenji_name())
    );
    assert_eq!(conflict.fields(merged.get(id(3)).unwrap()), [Field::EntityType]);
}

/// His new claim was linked to his source, which is a duplicate of Ana's: it is linked to
/// hers, and no link points at an annotation that is not there.
#[test]
fn a_link_to_their_duplicate_is_a_link_to_ours() {
    let (merged, _) = merge_import(ana().workspace(), &file(kenji().workspace())).unwrap();
    assert_eq!(merged.get(id(15)).unwrap().sources, [id(2)]);
    assert!(merged.get(id(12)).is_none() && merged.get(id(11)).is_none());
    for a in merged.annotations() {
        assert!(a.sources.iter().all(|s| merged.get(*s).is_some()), "{a:?}");
    }
}

/// Each value on its own: the same tag over the same span with another note, status,
/// entity type or links is a conflict about that value alone, and ours keeps it.
#[test]
fn each_value_that_differs_is_a_conflict_about_it() {
    type Change = fn(&mut Editor);
    let cases: [(Field, u8, Change); 4] = [
        (Field::Note, 1, |ed| ed.set_note(id(11), "the table says 4%", NOW).unwrap()),
        (Field::Status, 1, |ed| ed.set_status(id(11), ClaimStatus::Supported, NOW).unwrap()),
        (Field::EntityType, 3, |ed| ed.set_entity_type(id(13), "city", NOW).unwrap()),
        (Field::Links, 1, |ed| ed.unlink(id(11), id(12), NOW).unwrap()),
    ];
    for (field, ours_id, change) in cases {
        let mut theirs = kenji();
        theirs.set_entity_type(id(13), "place", NOW).unwrap(); // no conflict but the one made
        change(&mut theirs);
        let ours = ana();
        let (merged, summary) = merge_import(ours.workspace(), &file(theirs.workspace())).unwrap();
        assert_eq!(summary, counts(2, 2, 1), "{field:?}");
        let [conflict] = merged.conflicts() else { panic!("{field:?}: {:?}", merged.conflicts()) };
        assert_eq!(conflict.ours, id(ours_id), "{field:?}");
        let mine = merged.get(id(ours_id)).unwrap();
        assert_eq!(mine, ours.workspace().get(id(ours_id)).unwrap(), "{field:?}: ours kept");
        assert_eq!(conflict.fields(mine), [field]);
    }
}

/// Kenji started from Ana's export, so his annotations have her ids: the same id is the
/// same annotation even where he moved it or gave it another tag (both conflicts), and
/// what he left alone is a duplicate.
#[test]
fn the_same_id_is_the_same_annotation_wherever_it_is() {
    let ours = ana();
    let mut theirs = Editor::new(import_json(&export_json(ours.workspace())).unwrap().workspace);
    theirs.set_author(kenji_name());
    theirs.resize(id(1), at("日本 exports fell 5%"), NOW).unwrap();
    theirs.retag(id(3), Tag::Source, NOW).unwrap();
    let (merged, summary) = merge_import(ours.workspace(), &file(theirs.workspace())).unwrap();
    assert_eq!(summary, counts(0, 1, 2));
    let fields: Vec<_> = merged.conflicts().iter().map(|c| c.fields(merged.get(c.ours).unwrap())).collect();
    let mut expected = vec![(id(1), vec![Field::Span]), (id(3), vec![Field::Tag])];
    expected.sort();
    let got: Vec<_> = merged.conflicts().iter().map(|c| c.ours).zip(fields).collect();
    assert_eq!(got, expected);
    assert_eq!(merged.annotations(), ours.workspace().annotations(), "nothing of ours moved");
}

/// Importing the same file again adds nothing and records no second conflict; a newer
/// version of his (another value again) replaces the one recorded.
#[test]
fn a_second_merge_of_the_same_file_adds_and_records_nothing() {
    let theirs = file(kenji().workspace());
    let (once, _) = merge_import(ana().workspace(), &theirs).unwrap();
    let (twice, summary) = merge_import(&once, &theirs).unwrap();
    assert_eq!(summary, counts(0, 5, 0));
    assert_eq!(twice, once);
    let mut ed = Editor::new(once.clone());
    ed.transform(twice, LATER);
    assert!(!ed.can_undo(), "no step: nothing changed");

    let mut newer = kenji();
    newer.set_entity_type(id(13), "company", NOW).unwrap();
    let (third, summary) = merge_import(&once, &file(newer.workspace())).unwrap();
    assert_eq!(summary, counts(0, 4, 1));
    assert_eq!(third.conflicts().len(), 1);
    assert_eq!(third.conflicts()[0].theirs.entity_type, "company");
}

/// A file with two annotations where we have one: the one with our values is the
/// duplicate, whatever the order, and the other is new (not a conflict with ours).
#[test]
fn the_file_order_does_not_decide_which_is_the_duplicate() {
    let mut theirs = kenji();
    theirs.add(at("日本 exports fell 5% 📉"), Tag::Claim, id(16), NOW).unwrap();
    theirs.set_note(id(16), "another reading", NOW).unwrap();
    let (merged, summary) = merge_import(ana().workspace(), &file(theirs.workspace())).unwrap();
    assert_eq!(summary, counts(3, 2, 1), "16 new beside ours; Tokyo still the one conflict");
    assert_eq!(merged.get(id(16)).unwrap().note, "another reading");
    assert_eq!(merged.conflicts().iter().map(|c| c.ours).collect::<Vec<_>>(), [id(3)]);
}

/// The merge is one step: an undo takes out what it added and the conflict it recorded,
/// and a redo brings both back.
#[test]
fn the_merge_is_one_undo_step() {
    let mut ed = ana();
    let before = ed.workspace().clone();
    let steps = ed.undo_len();
    let (merged, _) = merge_import(ed.workspace(), &file(kenji().workspace())).unwrap();
    ed.transform(merged.clone(), LATER);
    assert_eq!(ed.undo_len(), steps + 1);
    assert_eq!(ed.workspace().conflicts().len(), 1);
    assert!(ed.undo(LATER));
    assert_eq!(ed.workspace().annotations(), before.annotations());
    assert!(ed.workspace().conflicts().is_empty());
    assert!(ed.redo(LATER));
    assert_eq!(ed.workspace().conflicts(), merged.conflicts());
    assert_eq!(ed.workspace().annotations().len(), merged.annotations().len());
}

fn merged_editor() -> Editor {
    let mut ed = ana();
    let mut theirs = kenji();
    theirs.set_note(id(13), "the ministry's, not the city", NOW).unwrap();
    let (merged, _) = merge_import(ed.workspace(), &file(theirs.workspace())).unwrap();
    ed.transform(merged, LATER);
    ed
}

/// Taking theirs gives our annotation their values and creator, keeping its id, and drops
/// the conflict, in one step that an undo takes back whole.
#[test]
fn taking_theirs_is_one_undoable_step() {
    let mut ed = merged_editor();
    let before = ed.workspace().clone();
    let steps = ed.undo_len();
    ed.resolve(id(3), Resolution::TakeTheirs, LATER).unwrap();
    assert_eq!(ed.undo_len(), steps + 1);
    let tokyo = ed.workspace().get(id(3)).unwrap();
    assert_eq!(
        (tokyo.entity_type.as_str(), tokyo.note.as_str()),
        ("organisation", "the ministry's, not the city")
    );
    assert_eq!((tokyo.range(), &tokyo.creator, tokyo.modified.as_str()), (at("Tokyo"), &kenji_name(), LATER));
    assert!(ed.workspace().conflicts().is_empty());
    assert_eq!(ed.resolve(id(3), Resolution::KeepMine, LATER), Err(EditError::NoConflict));
    assert!(ed.undo(LATER));
    let back = ed.workspace();
    assert_eq!(back.conflicts(), before.conflicts());
    let tokyo = back.get(id(3)).unwrap();
    assert_eq!((tokyo.entity_type.as_str(), &tokyo.creator), ("place", &Creator::new("Ana Díaz", "AFP")));
}

/// Keeping mine drops the conflict alone; an undo records it again.
#[test]
fn keeping_mine_drops_the_conflict_and_an_undo_brings_it_back() {
    let mut ed = merged_editor();
    let before = ed.workspace().clone();
    ed.resolve(id(3), Resolution::KeepMine, LATER).unwrap();
    assert_eq!(ed.workspace().annotations(), before.annotations());
    assert!(ed.workspace().conflicts().is_empty());
    assert!(ed.undo(LATER));
    assert_eq!(ed.workspace(), &before);
    assert_eq!(ed.resolve(id(99), Resolution::KeepMine, LATER), Err(EditError::NotFound));
}

/// Taking a moved version of theirs moves ours there (the same words of our text), and a
/// tag of theirs the set has lost since is added back in the same step.
#[test]
fn taking_theirs_takes_their_span_and_their_tag() {
    let mut ed = ana();
    let mut theirs = Editor::new(import_json(&export_json(ed.workspace())).unwrap().workspace);
    let mut tags = (**theirs.workspace().tagset()).clone();
    let quote = tags.add("Quote").unwrap();
    theirs.set_tagset(tags, NOW).unwrap();
    theirs.resize(id(1), at("exports fell 5% 📉 in 2025"), NOW).unwrap();
    theirs.retag(id(3), quote, NOW).unwrap();
    let (merged, _) = merge_import(ed.workspace(), &file(theirs.workspace())).unwrap();
    ed.transform(merged, LATER);
    // The tag set loses Quote (nothing of ours uses it).
    let mut tags = (**ed.workspace().tagset()).clone();
    tags.tags.retain(|d| d.key != quote);
    ed.set_tagset(tags, LATER).unwrap();
    ed.resolve(id(1), Resolution::TakeTheirs, LATER).unwrap();
    let claim = ed.workspace().get(id(1)).unwrap();
    assert_eq!(
        (claim.range(), claim.exact.as_str()),
        (at("exports fell 5% 📉 in 2025"), "exports fell 5% 📉 in 2025")
    );
    assert_eq!(claim.sources, [id(2)], "its link kept");
    ed.resolve(id(3), Resolution::TakeTheirs, LATER).unwrap();
    assert_eq!(ed.workspace().get(id(3)).unwrap().tag, quote);
    assert!(ed.workspace().tagset().get(quote).is_some(), "back in the set");
    assert!(ed.undo(LATER));
    assert!(ed.workspace().tagset().get(quote).is_none(), "the undo takes it out again");
    assert_eq!(ed.workspace().get(id(3)).unwrap().tag, Tag::Entity);
}

/// Deleting an annotation in conflict takes its conflict with it; an undo brings both.
#[test]
fn deleting_an_annotation_takes_its_conflict_along() {
    let mut ed = merged_editor();
    let before = ed.workspace().clone();
    ed.delete(id(3), LATER).unwrap();
    assert!(ed.workspace().conflicts().is_empty());
    assert!(ed.undo(LATER));
    assert_eq!(ed.workspace().conflicts(), before.conflicts());
    assert!(ed.workspace().get(id(3)).is_some());
}

/// Updating the text moves their versions with ours, so that they stay comparable.
#[test]
fn a_new_text_moves_their_versions_too() {
    let ed = merged_editor();
    let new = crate::model::Document::new("Exports", &format!("Breaking. {TEXT}"));
    let (updated, _) = update_text(ed.workspace(), new);
    let c = &updated.conflicts()[0];
    let ours = updated.get(c.ours).unwrap();
    assert_eq!(c.theirs.range(), ours.range());
    assert_eq!(c.fields(ours), [Field::Note, Field::EntityType]);
}

/// doccano has no room for notes, statuses or entity types: its copy of our work is the
/// same work, not a colleague's other reading (it used to list a conflict per annotation).
#[test]
fn a_spans_only_file_never_conflicts_over_what_it_cannot_carry() {
    let ours = ana();
    let doccano = crate::formats::doccano::export(ours.workspace());
    let back = crate::formats::doccano::import(&doccano, ours.workspace().document.title(), NOW).unwrap();
    assert!(back.spans_only);
    let (merged, summary) = merge_import(ours.workspace(), &back).unwrap();
    assert_eq!((summary.added, summary.conflicts), (0, 0));
    assert_eq!(summary.already_here, ours.workspace().annotations().len());
    assert!(merged.conflicts().is_empty());
    // The same file as native JSON, which does carry them, still conflicts where it differs.
    assert!(!import_json(&export_json(kenji().workspace())).unwrap().spans_only);
}

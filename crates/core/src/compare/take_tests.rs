use super::*;
use crate::compare::{Field, compare};
use crate::creator::Creator;
use crate::editor::Editor;
use crate::model::Document;
use crate::status::ClaimStatus;
use crate::tagset::Tag;
use crate::test_support::{NOW, id};

const TEXT: &str = "The minister said taxes will fall, the paper 日本 reported 🤦🏼‍♂️ today.";

fn range(needle: &str) -> std::ops::Range<usize> {
    let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
    start..start + needle.chars().count()
}

/// A's side: a claim linked to a source, and an entity.
fn a_side() -> Editor {
    let mut ed = Editor::new(Workspace::new(Document::new("Taxes", TEXT)));
    ed.add(range("taxes will fall"), Tag::Claim, id(1), NOW).unwrap();
    ed.add(range("the paper"), Tag::Source, id(2), NOW).unwrap();
    ed.add(range("The minister"), Tag::Entity, id(3), NOW).unwrap();
    ed.link(id(1), id(2), NOW).unwrap();
    ed
}

/// B's side, by Bo: the same claim disputed with a note and linked to the same source
/// (other ids), no entity, and a source A lacks.
fn b_side() -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("Taxes", TEXT)));
    ed.set_author(Creator::new("Bo", ""));
    ed.add(range("taxes will fall"), Tag::Claim, id(11), NOW).unwrap();
    ed.add(range("the paper"), Tag::Source, id(12), NOW).unwrap();
    ed.add(range("日本 reported 🤦🏼‍♂️"), Tag::Source, id(13), NOW).unwrap();
    ed.link(id(11), id(12), NOW).unwrap();
    ed.link(id(11), id(13), NOW).unwrap();
    ed.set_status(id(11), ClaimStatus::Disputed, NOW).unwrap();
    ed.set_note(id(11), "Budget says otherwise", NOW).unwrap();
    ed.workspace().clone()
}

fn entry(a: &Workspace, b: &Workspace, quote: &str) -> DiffEntry {
    let r = range(quote);
    compare(a, b).unwrap().diff.into_iter().find(|e| (e.start..e.end) == r).unwrap()
}

#[test]
fn taking_bs_new_annotation_adds_it_with_bs_values_and_then_both_have_it() {
    let (a, b) = (a_side().workspace().clone(), b_side());
    let only_b = entry(&a, &b, "日本 reported 🤦🏼‍♂️");
    assert!(matches!(only_b.difference, Difference::OnlyB(_)));
    let taken = take_b(&a, &b, &only_b, id(20), NOW);
    let added = taken.get(id(20)).expect("added under the new id");
    assert_eq!((added.exact.as_str(), added.tag), ("日本 reported 🤦🏼‍♂️", Tag::Source));
    assert_eq!(added.creator.as_ref().map(|c| c.name.as_str()), Some("Bo"), "their work, their name");
    assert!(matches!(entry(&taken, &b, "日本 reported 🤦🏼‍♂️").difference, Difference::Both { .. }));
}

#[test]
fn taking_bs_values_maps_its_links_onto_as_annotations() {
    let (a, b) = (a_side().workspace().clone(), b_side());
    let changed = entry(&a, &b, "taxes will fall");
    let Difference::Changed { fields, .. } = &changed.difference else { panic!("{changed:?}") };
    assert_eq!(fields, &[Field::Note, Field::Status, Field::Sources]);
    let taken = take_b(&a, &b, &changed, id(20), NOW);
    let claim = taken.get(id(1)).unwrap();
    assert_eq!((claim.status, claim.note.as_str()), (ClaimStatus::Disputed, "Budget says otherwise"));
    assert_eq!(claim.sources, [id(2)], "B's link to the paper is A's paper; the one A lacks is left out");
    assert_eq!(taken.annotations().len(), 3, "nothing added or removed");
}

#[test]
fn taking_bs_side_of_what_only_a_has_removes_it_and_is_one_undo() {
    let mut ed = a_side();
    let b = b_side();
    let only_a = entry(ed.workspace(), &b, "The minister");
    assert!(matches!(only_a.difference, Difference::OnlyA(x) if x == id(3)));
    let taken = take_b(ed.workspace(), &b, &only_a, id(20), NOW);
    assert!(taken.get(id(3)).is_none());
    // A source only A has: taking B's side also unlinks it from A's claims.
    let only_a_source = take_b(
        &taken,
        &Workspace::new(Document::new("Taxes", TEXT)),
        &entry(&taken, &Workspace::new(Document::new("Taxes", TEXT)), "the paper"),
        id(21),
        NOW,
    );
    assert!(only_a_source.get(id(1)).unwrap().sources.is_empty());
    let before = ed.workspace().clone();
    ed.transform(taken, NOW);
    assert!(ed.undo(NOW));
    assert_eq!(*ed.workspace(), before, "one step back");
}

#[test]
fn b_on_another_copy_of_the_text_is_taken_where_its_quote_is_in_as() {
    let a = a_side().workspace().clone();
    let b = b_side();
    let b_moved = crate::anchor::update_text(&b, Document::new("Taxes", &format!("Breaking. {TEXT}"))).0;
    let only_b = entry(&a, &b_moved, "日本 reported 🤦🏼‍♂️");
    let taken = take_b(&a, &b_moved, &only_b, id(20), NOW);
    assert_eq!(taken.get(id(20)).unwrap().range(), range("日本 reported 🤦🏼‍♂️"));
}

#[test]
fn a_spans_only_file_differs_in_nothing_it_cannot_carry() {
    let a = a_side().workspace().clone();
    let b = b_side(); // B's claim has a note and a status A lacks, and another source
    let full = compare(&a, &b).unwrap();
    let spans = crate::compare::compare_with(&a, &b, true).unwrap();
    let claim = |c: &crate::compare::Comparison| {
        c.diff.iter().find(|e| (e.start..e.end) == range("taxes will fall")).unwrap().difference.clone()
    };
    assert!(matches!(claim(&full), Difference::Changed { ref fields, .. } if fields.len() == 3));
    assert!(
        matches!(claim(&spans), Difference::Changed { ref fields, .. } if fields == &[Field::Sources]),
        "only its links, which doccano does carry"
    );
    assert_eq!(spans.status.kappa, None, "no statuses in such a file: no κ");
}

#[test]
fn taking_bs_side_of_what_only_a_has_drops_its_conflict_too() {
    let ours = a_side().workspace().clone();
    let mut theirs = Editor::new(ours.clone());
    theirs.set_entity_type(id(3), "person", NOW).unwrap();
    let (merged, summary) =
        crate::merge_import(&ours, &crate::import_json(&crate::export_json(theirs.workspace())).unwrap())
            .unwrap();
    assert_eq!(summary.conflicts, 1);
    let empty = Workspace::new(Document::new("Taxes", TEXT));
    let taken = take_b(&merged, &empty, &entry(&merged, &empty, "The minister"), id(20), NOW);
    assert!(taken.get(id(3)).is_none() && taken.conflicts().is_empty(), "no conflict left for nothing");
}

//! Conflicts in two tabs: the later change of the list wins (as the tag set does), the
//! conflicts of an annotation deleted go with it, and a history mapped over the other
//! tab's resolution never brings a resolved conflict back.

use super::*;
use crate::conflict::Resolution;
use crate::merge::merge_import;
use crate::test_support::colleagues::{ana, file, kenji};

/// Two tabs on Ana's article.
fn tabs() -> Vec<Tab> {
    let ws = ana().workspace().clone();
    vec![Tab::new(&ws), Tab::new(&ws)]
}

/// Tab `t` merges Kenji's file (one conflict, on 3) at `now`.
fn merge(tab: &mut Tab, now: &str) {
    let (merged, _) = merge_import(tab.ed.workspace(), &file(kenji().workspace())).unwrap();
    tab.ed.transform(merged, now);
}

/// Tab `from` saves at `now`, and the other tab takes it.
fn send(tabs: &mut [Tab], from: usize, now: &str) {
    let save = tabs[from].save(now).unwrap();
    broadcast(tabs, from, save);
    assert!(tabs[1 - from].deliver(now));
}

#[test]
fn a_merge_reaches_the_other_tab_and_its_resolution_comes_back_for_good() {
    let mut tabs = tabs();
    merge(&mut tabs[0], &at(1));
    send(&mut tabs, 0, &at(2));
    assert_eq!(tabs[1].ed.workspace(), tabs[0].ed.workspace());
    assert_eq!(tabs[1].ed.workspace().conflicts().len(), 1);

    tabs[1].ed.resolve(id(3), Resolution::KeepMine, &at(3)).unwrap();
    send(&mut tabs, 1, &at(4));
    assert!(tabs[0].ed.workspace().conflicts().is_empty(), "the later list wins");
    tabs[0].ed.set_note(id(1), "seen", &at(5)).unwrap();
    send(&mut tabs, 0, &at(6));
    assert!(tabs[1].ed.workspace().conflicts().is_empty(), "and it does not come back");
    assert_eq!(tabs[1].ed.workspace(), tabs[0].ed.workspace());
}

/// The other tab resolved the conflict the merge recorded: undoing the merge here takes
/// out its annotations, and a redo brings them back without the conflict.
#[test]
fn a_redo_of_the_merge_does_not_bring_back_what_the_other_tab_resolved() {
    let mut tabs = tabs();
    merge(&mut tabs[0], &at(1));
    send(&mut tabs, 0, &at(2));
    tabs[1].ed.resolve(id(3), Resolution::TakeTheirs, &at(3)).unwrap();
    send(&mut tabs, 1, &at(4));
    let ws = tabs[0].ed.workspace();
    assert_eq!((ws.get(id(3)).unwrap().entity_type.as_str(), ws.conflicts().len()), ("organisation", 0));

    assert!(tabs[0].ed.undo(&at(5)));
    let ws = tabs[0].ed.workspace();
    assert!(ws.get(id(14)).is_none() && ws.get(id(15)).is_none(), "the merge's annotations out");
    assert_eq!(ws.get(id(3)).unwrap().entity_type, "organisation", "the other tab's resolution stays");
    assert!(tabs[0].ed.redo(&at(6)));
    let ws = tabs[0].ed.workspace();
    assert!(ws.get(id(14)).is_some() && ws.conflicts().is_empty());
}

#[test]
fn deleting_the_annotation_in_one_tab_drops_its_conflict_in_the_other() {
    let mut tabs = tabs();
    merge(&mut tabs[0], &at(1));
    send(&mut tabs, 0, &at(2));
    tabs[1].ed.delete(id(3), &at(3)).unwrap();
    send(&mut tabs, 1, &at(4));
    let ws = tabs[0].ed.workspace();
    assert!(ws.get(id(3)).is_none() && ws.conflicts().is_empty());
}

/// A merge in one tab crossing an edit in the other: the merge's list, the later change.
#[test]
fn crossing_saves_keep_the_merges_conflicts() {
    let mut tabs = tabs();
    merge(&mut tabs[0], &at(1));
    tabs[1].ed.set_note(id(2), "official", &at(1)).unwrap();
    cross(&mut tabs, &at(2));
    assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
    assert_eq!(tabs[1].ed.workspace().conflicts().len(), 1);
}

/// A join that arrives after this tab resolved a conflict keeps the resolution.
#[test]
fn a_rebase_keeps_a_resolution_made_meanwhile() {
    let mut tabs = tabs();
    merge(&mut tabs[0], &at(1));
    let base = tabs[0].ed.workspace().clone();
    tabs[0].ed.resolve(id(3), Resolution::KeepMine, &at(2)).unwrap();
    assert!(rebase(&base, tabs[0].ed.workspace(), &base).conflicts().is_empty());
    assert_eq!(rebase(&base, &base, &base).conflicts(), base.conflicts());
}

/// No conflicts, no mark: the sync record is what it was.
#[test]
fn marks_without_a_conflict_change_are_written_as_before() {
    let json = serde_json::to_string(&Marks::default()).unwrap();
    assert!(!json.contains("conflicts_at"), "{json}");
}

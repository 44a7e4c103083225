use std::collections::{BTreeSet, VecDeque};

use proptest::prelude::*;

use super::*;
use crate::editor::Editor;
use crate::model::{AnnotationId, Document};
use crate::tagset::Tag;
use crate::test_support::{NOW, id};

const TEXT: &str = "one two three four five six seven eight";

fn doc() -> Document {
    Document::new("t", TEXT)
}

/// The range of the `n`th word of `TEXT`.
fn word(n: usize) -> std::ops::Range<usize> {
    let mut start = 0;
    for (i, w) in TEXT.split(' ').enumerate() {
        if i == n % 8 {
            return start..start + w.len();
        }
        start += w.len() + 1;
    }
    unreachable!()
}

/// A save on its way to the other tabs: what was saved, with its marks.
type Save = (Workspace, Marks);

/// One tab: its editor, what it knows, and the saves not yet delivered to it.
struct Tab {
    ed: Editor,
    sync: TabSync,
    inbox: VecDeque<Save>,
}

/// The shared clock: op `n` happens at millisecond `n / 2`, so some are simultaneous.
fn at(n: usize) -> String {
    format!("2026-11-26T12:00:{:02}.{:03}Z", n / 2000, (n / 2) % 1000)
}

impl Tab {
    fn new(loaded: &Workspace) -> Self {
        let sync = TabSync::new(loaded, Some((loaded.clone(), Marks::default())));
        Self { ed: Editor::new(loaded.clone()), sync, inbox: VecDeque::new() }
    }

    /// Saves if storage does not hold this tab's state yet; returns the save.
    fn save(&mut self, now: &str) -> Option<Save> {
        let ws = self.ed.workspace().clone();
        self.sync.observe(&ws, now);
        if self.sync.holds(&ws) {
            return None;
        }
        self.sync.wrote(ws.clone());
        Some((ws, self.sync.marks().clone()))
    }

    fn deliver(&mut self, now: &str) -> bool {
        let Some((remote, marks)) = self.inbox.pop_front() else { return false };
        let local = self.ed.workspace().clone();
        let joined = self.sync.received(remote, &marks, &local, now);
        self.ed.sync(joined);
        true
    }

    fn ids(&self) -> BTreeSet<AnnotationId> {
        self.ed.workspace().annotations().iter().map(|a| a.id).collect()
    }
}

fn broadcast(tabs: &mut [Tab], from: usize, save: Save) {
    for (i, t) in tabs.iter_mut().enumerate() {
        if i != from {
            t.inbox.push_back(save.clone());
        }
    }
}

fn start() -> Vec<Tab> {
    let mut ed = Editor::new(Workspace::new(doc()));
    ed.add(word(0), Tag::Claim, id(1), NOW).unwrap();
    ed.add(word(1), Tag::Claim, id(2), NOW).unwrap();
    vec![Tab::new(ed.workspace()), Tab::new(ed.workspace())]
}

/// Both tabs save, then each hears of the other's save.
fn cross(tabs: &mut [Tab], now: &str) {
    let (a, b) = (tabs[0].save(now), tabs[1].save(now));
    broadcast(tabs, 0, a.unwrap());
    broadcast(tabs, 1, b.unwrap());
    assert!(tabs[0].deliver(now) && tabs[1].deliver(now));
}

#[test]
fn two_saves_that_cross_keep_both_tabs_additions() {
    let mut tabs = start();
    tabs[0].ed.add(word(2), Tag::Claim, id(3), NOW).unwrap();
    tabs[1].ed.add(word(3), Tag::Source, id(4), NOW).unwrap();
    cross(&mut tabs, &at(1));
    let want: BTreeSet<_> = [1, 2, 3, 4].map(id).into();
    assert_eq!((tabs[0].ids(), tabs[1].ids()), (want.clone(), want));
}

#[test]
fn a_deletion_crossing_an_addition_wins_and_an_undo_brings_it_back() {
    let mut tabs = start();
    tabs[0].ed.delete(id(1), NOW).unwrap();
    tabs[1].ed.add(word(4), Tag::Entity, id(5), NOW).unwrap();
    cross(&mut tabs, &at(1));
    let want: BTreeSet<_> = [2, 5].map(id).into();
    assert_eq!((tabs[0].ids(), tabs[1].ids()), (want.clone(), want));

    assert!(tabs[0].ed.undo(NOW), "the deletion is undone");
    let save = tabs[0].save(&at(3)).unwrap();
    broadcast(&mut tabs, 0, save);
    tabs[1].deliver(&at(3));
    assert!(tabs[1].ids().contains(&id(1)), "back in the other tab too");
}

#[test]
fn the_same_annotation_edited_in_both_ends_the_same_in_both_and_the_later_tag_set_wins() {
    let mut tabs = start();
    tabs[0].ed.retag(id(1), Tag::Source, NOW).unwrap();
    tabs[1].ed.retag(id(1), Tag::Entity, NOW).unwrap(); // the same millisecond
    cross(&mut tabs, &at(1));
    assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());

    let mut renamed = (**tabs[1].ed.workspace().tagset()).clone();
    renamed.tags[0].label = "Assertion".into();
    tabs[1].ed.set_tagset(renamed, NOW).unwrap();
    let save = tabs[1].save(&at(5)).unwrap();
    broadcast(&mut tabs, 1, save);
    tabs[0].deliver(&at(6));
    assert_eq!(tabs[0].ed.workspace().tagset().tags[0].label, "Assertion");
}
/// Links that come with the same words (the article loaded again from its Markdown) are
/// a new version of the text: the other tab takes them, and the annotation it added
/// meanwhile stays; two tabs that did so at once end up alike.
#[test]
fn new_links_on_the_same_text_reach_the_other_tab() {
    let link = |url: &str| crate::doc_link::DocLink { start: 0, end: 3, url: url.into(), title: None };
    let mut tabs = start();
    let relinked = |ws: &Workspace, url: &str| {
        crate::update_text(ws, ws.document.as_ref().clone().with_links([link(url)])).0
    };
    let linked = relinked(tabs[0].ed.workspace(), "https://a.test");
    tabs[0].ed.transform(linked, NOW);
    tabs[1].ed.add(word(2), Tag::Claim, id(3), NOW).unwrap();
    cross(&mut tabs, &at(1));
    for tab in &tabs {
        assert_eq!(tab.ed.workspace().document.links(), &[link("https://a.test")]);
        assert!(tab.ids().contains(&id(3)));
    }
    for (tab, url) in [(0, "https://b.test"), (1, "https://c.test")] {
        let linked = relinked(tabs[tab].ed.workspace(), url);
        tabs[tab].ed.transform(linked, NOW);
    }
    cross(&mut tabs, &at(3)); // the same millisecond: the content decides, alike in both
    assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
}

#[derive(Clone, Debug)]
enum Op {
    Add { tab: usize, word: usize },
    Delete { tab: usize, nth: usize },
    Retag { tab: usize, nth: usize, ms: u8 },
    Save { tab: usize },
    Deliver { tab: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..2usize, 0..8usize).prop_map(|(tab, word)| Op::Add { tab, word }),
        (0..2usize, 0..8usize).prop_map(|(tab, nth)| Op::Delete { tab, nth }),
        (0..2usize, 0..8usize, 0..3u8).prop_map(|(tab, nth, ms)| Op::Retag { tab, nth, ms }),
        (0..2usize).prop_map(|tab| Op::Save { tab }),
        (0..2usize).prop_map(|tab| Op::Deliver { tab }),
    ]
}

#[test]
fn a_deletion_wins_over_a_later_edit_elsewhere() {
    let mut tabs = start();
    tabs[0].ed.delete(id(2), NOW).unwrap();
    tabs[1].ed.set_note(id(2), "edited here", &at(9)).unwrap();
    cross(&mut tabs, &at(10));
    assert_eq!((tabs[0].ids(), tabs[1].ids()), ([id(1)].into(), [id(1)].into()));
}

proptest! {
    /// Two tabs editing, saving and hearing of each other's saves in any interleaving end
    /// up the same, with every annotation either made and no one deleted.
    #[test]
    fn two_tabs_converge_and_lose_nothing(ops in prop::collection::vec(op(), 0..40)) {
        let mut tabs = start();
        let (mut added, mut deleted) = (BTreeSet::from([id(1), id(2)]), BTreeSet::new());
        let mut next_id = 10u8;
        let mut clock = 0;
        for op in ops {
            clock += 1;
            let now = at(clock);
            match op {
                Op::Add { tab, word: w } => {
                    next_id += 1;
                    if tabs[tab].ed.add(word(w), Tag::Claim, id(next_id), &now).is_ok() {
                        added.insert(id(next_id));
                    }
                }
                Op::Delete { tab, nth } => {
                    let ids: Vec<_> = tabs[tab].ids().into_iter().collect();
                    if let Some(&gone) = ids.get(nth % ids.len().max(1)) {
                        tabs[tab].ed.delete(gone, NOW).unwrap();
                        deleted.insert(gone);
                    }
                }
                Op::Retag { tab, nth, ms } => {
                    let ids: Vec<_> = tabs[tab].ids().into_iter().collect();
                    if let Some(&a) = ids.get(nth % ids.len().max(1)) {
                        let tag = [Tag::Claim, Tag::Source, Tag::Entity][usize::from(ms)];
                        tabs[tab].ed.retag(a, tag, &now).unwrap();
                    }
                }
                Op::Save { tab } => {
                    if let Some(save) = tabs[tab].save(&now) {
                        broadcast(&mut tabs, tab, save);
                    }
                }
                Op::Deliver { tab } => {
                    tabs[tab].deliver(&now);
                }
            }
        }
        settle(&mut tabs, clock);
        let want: BTreeSet<_> = added.difference(&deleted).copied().collect();
        prop_assert_eq!(tabs[0].ids(), want);
        prop_assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
    }

    /// With undo and redo in the mix (deletions taken back), the tabs still end up the same.
    #[test]
    fn two_tabs_converge_with_undo(ops in prop::collection::vec((op(), any::<u8>()), 0..40)) {
        let mut tabs = start();
        let mut next_id = 10u8;
        for (clock, (op, undo)) in ops.into_iter().enumerate() {
            let now = at(clock + 1);
            match op {
                Op::Add { tab, word: w } => {
                    next_id += 1;
                    let _ = tabs[tab].ed.add(word(w), Tag::Claim, id(next_id), &now);
                }
                Op::Delete { tab, nth } | Op::Retag { tab, nth, .. } => {
                    let ids: Vec<_> = tabs[tab].ids().into_iter().collect();
                    if let Some(&gone) = ids.get(nth % ids.len().max(1)) {
                        tabs[tab].ed.delete(gone, NOW).unwrap();
                    }
                }
                Op::Save { tab } => {
                    if let Some(save) = tabs[tab].save(&now) {
                        broadcast(&mut tabs, tab, save);
                    }
                }
                Op::Deliver { tab } => {
                    tabs[tab].deliver(&now);
                }
            }
            let tab = usize::from(undo % 2);
            match undo % 8 {
                0 => { tabs[tab].ed.undo(NOW); }
                1 => { tabs[tab].ed.redo(NOW); }
                _ => {}
            }
        }
        settle(&mut tabs, 100);
        prop_assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
    }
}

/// Both keep saving what changed and hearing the other until nothing moves.
fn settle(tabs: &mut [Tab], mut clock: usize) {
    for _ in 0..10 {
        let mut moved = false;
        clock += 2;
        for t in 0..tabs.len() {
            if let Some(save) = tabs[t].save(&at(clock)) {
                broadcast(tabs, t, save);
                moved = true;
            }
        }
        for tab in tabs.iter_mut() {
            while tab.deliver(&at(clock)) {
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
    panic!("the tabs never settled");
}

#[test]
fn marks_round_trip_through_json() {
    let mut tabs = start();
    tabs[0].ed.delete(id(1), NOW).unwrap();
    let now = tabs[0].ed.workspace().clone();
    tabs[0].sync.observe(&now, &at(4));
    let marks = tabs[0].sync.marks().clone();
    let json = serde_json::to_string(&marks).unwrap();
    assert!(json.contains("01010101-0101-4101-8101-010101010101"), "{json}");
    assert_eq!(serde_json::from_str::<Marks>(&json).unwrap(), marks);
}

#[test]
fn only_the_latest_marks_are_kept() {
    let mark = |n: usize| Mark { at: at(n), gone: true };
    let many = Marks {
        annotations: (0..=KEPT_MARKS)
            .map(|n| (AnnotationId::from_random_bytes((n as u128).to_be_bytes()), mark(n * 2)))
            .collect(),
        ..Marks::default()
    };
    let mut kept = Marks::default();
    kept.join(&many);
    assert_eq!(kept.annotations.len(), KEPT_MARKS);
    assert!(!kept.annotations.values().any(|m| *m == mark(0)), "the oldest is forgotten");
}

#[test]
fn a_join_that_arrives_late_keeps_the_edit_made_meanwhile() {
    let mut tabs = start();
    let before = tabs[0].ed.workspace().clone();
    tabs[1].ed.add(word(5), Tag::Source, id(6), NOW).unwrap();
    let (remote, marks) = tabs[1].save(&at(1)).unwrap();
    let joined = tabs[0].sync.received(remote, &marks, &before, &at(2));
    // Before the join reaches tab 0's state, it tags a word and deletes another.
    tabs[0].ed.add(word(6), Tag::Claim, id(7), NOW).unwrap();
    tabs[0].ed.delete(id(2), NOW).unwrap();
    tabs[0].ed.retag(id(1), Tag::Entity, &at(3)).unwrap();
    let now = rebase(&before, tabs[0].ed.workspace(), &joined);
    let ids: BTreeSet<_> = now.annotations().iter().map(|a| a.id).collect();
    assert_eq!(ids, [1, 6, 7].map(id).into());
    assert_eq!(now.get(id(1)).unwrap().tag, Tag::Entity, "the retag made meanwhile stands");
    assert_eq!(rebase(&before, &before, &joined), joined, "nothing happened meanwhile");
}

#[path = "sync_conflict_tests.rs"]
mod conflicts;
#[path = "sync_meta_tests.rs"]
mod meta;
#[path = "sync_undo_tests.rs"]
mod undo;

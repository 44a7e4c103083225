//! Undo and redo composed with tab sync: an undo in one tab never removes, re-adds or
//! overwrites what another tab did, whatever the step was (a rename, an import merged in,
//! a new text), and the tabs still end up the same.

use super::*;
use crate::status::ClaimStatus;

/// `ws` as a file exported and imported again.
fn as_file(ws: &Workspace) -> crate::Imported {
    crate::import_json(&crate::export_json(ws)).unwrap()
}

/// Tab 0 made `step`; tab 1 then added an annotation and saved; tab 0 joined that save.
fn after_a_step_and_their_addition(step: impl FnOnce(&mut Editor)) -> Vec<Tab> {
    let mut tabs = start();
    step(&mut tabs[0].ed);
    tabs[1].ed.add(word(6), Tag::Source, id(9), &at(2)).unwrap();
    let save = tabs[1].save(&at(3)).unwrap();
    broadcast(&mut tabs, 1, save);
    assert!(tabs[0].deliver(&at(4)));
    assert!(tabs[0].ids().contains(&id(9)));
    tabs
}

/// Tab 0 undoes, both settle: the other tab's annotation is still in both.
fn undo_keeps_their_addition(mut tabs: Vec<Tab>) -> Vec<Tab> {
    assert!(tabs[0].ed.undo(&at(5)));
    assert!(tabs[0].ids().contains(&id(9)), "the undo took back the other tab's annotation");
    settle(&mut tabs, 6);
    assert!(tabs[1].ids().contains(&id(9)), "the undo's save deleted it in the other tab");
    assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
    tabs
}

#[test]
fn undoing_a_rename_after_another_tabs_save_keeps_its_work() {
    // The rename used to be a snapshot of the whole workspace: undoing it put back the
    // annotations as they were before the other tab's save.
    let tabs = after_a_step_and_their_addition(|ed| ed.rename("Renamed", &at(1)));
    let tabs = undo_keeps_their_addition(tabs);
    assert_eq!(tabs[1].ed.workspace().document.title(), "t", "the undone rename reached the other tab");
}

#[test]
fn undoing_an_import_merge_after_another_tabs_save_keeps_its_work() {
    let tabs = after_a_step_and_their_addition(|ed| {
        let mut incoming = Editor::new(ed.workspace().clone());
        incoming.add(word(4), Tag::Entity, id(7), &at(1)).unwrap();
        let (merged, _) = crate::merge_import(ed.workspace(), &as_file(incoming.workspace())).unwrap();
        ed.transform(merged, &at(1));
    });
    let tabs = undo_keeps_their_addition(tabs);
    assert!(!tabs[1].ids().contains(&id(7)), "the merged annotation is taken out in both");
}

#[test]
fn undoing_a_text_update_after_another_tabs_save_keeps_its_work() {
    let tabs = after_a_step_and_their_addition(|ed| {
        let (updated, _) = crate::update_text(ed.workspace(), Document::new("t", &format!("zero {TEXT}")));
        ed.transform(updated, &at(1));
    });
    let tabs = undo_keeps_their_addition(tabs);
    let ws = tabs[1].ed.workspace();
    assert_eq!(ws.document.text(), TEXT);
    assert_eq!(ws.get(id(9)).unwrap().exact, "seven", "re-anchored onto the old text again");
}

#[test]
fn an_undo_does_not_bring_back_what_the_other_tab_deleted() {
    let mut tabs = start();
    tabs[0].ed.rename("Renamed", &at(1));
    tabs[1].ed.delete(id(2), &at(2)).unwrap();
    let save = tabs[1].save(&at(3)).unwrap();
    broadcast(&mut tabs, 1, save);
    tabs[0].deliver(&at(4));
    assert!(tabs[0].ed.undo(&at(5)));
    assert!(!tabs[0].ids().contains(&id(2)));
    settle(&mut tabs, 6);
    assert!(!tabs[1].ids().contains(&id(2)));
}

#[test]
fn an_undo_in_one_tab_is_not_reverted_by_the_other() {
    // The undo restored the old version with its old time, so the join kept the other
    // tab's newer copy — the retag — and sent it back within a second.
    let mut tabs = start();
    tabs[0].ed.retag(id(1), Tag::Entity, &at(1)).unwrap();
    tabs[0].ed.set_note(id(2), "checked", &at(1)).unwrap();
    settle(&mut tabs, 2);
    assert_eq!(tabs[1].ed.workspace().get(id(1)).unwrap().tag, Tag::Entity);
    assert!(tabs[0].ed.undo(&at(10)));
    assert!(tabs[0].ed.undo(&at(10)));
    settle(&mut tabs, 11);
    for tab in &tabs {
        let ws = tab.ed.workspace();
        assert_eq!((ws.get(id(1)).unwrap().tag, ws.get(id(2)).unwrap().note.as_str()), (Tag::Claim, ""));
    }
}

#[test]
fn an_undo_leaves_the_fields_the_other_tab_changed() {
    let mut tabs = start();
    tabs[0].ed.retag(id(1), Tag::Source, &at(1)).unwrap();
    settle(&mut tabs, 2);
    tabs[1].ed.set_note(id(1), "their note", &at(3)).unwrap();
    settle(&mut tabs, 4);
    assert!(tabs[0].ed.undo(&at(10)), "the retag is still ours to undo");
    settle(&mut tabs, 11);
    let a = tabs[1].ed.workspace().get(id(1)).unwrap();
    assert_eq!((a.tag, a.note.as_str()), (Tag::Claim, "their note"));
    // A field both changed is the other tab's now: the undo goes past it.
    tabs[1].ed.retag(id(2), Tag::Entity, &at(20)).unwrap();
    tabs[0].ed.retag(id(2), Tag::Source, &at(21)).unwrap();
    settle(&mut tabs, 22);
    assert_eq!(tabs[1].ed.workspace().get(id(2)).unwrap().tag, Tag::Source);
    assert!(tabs[1].ed.undo(&at(30)), "tab 1 still has its note step");
    let ws = tabs[1].ed.workspace();
    assert_eq!(ws.get(id(2)).unwrap().tag, Tag::Source, "tab 0's later retag stands");
    assert_eq!(ws.get(id(1)).unwrap().note, "", "the note step was undone instead");
}

#[test]
fn a_text_update_racing_an_addition_keeps_both() {
    // A save with another text used to be taken whole: the other tab's new annotation
    // (or this tab's update) was dropped.
    let mut tabs = start();
    let (updated, _) =
        crate::update_text(tabs[0].ed.workspace(), Document::new("t", &format!("zero {TEXT}")));
    tabs[0].ed.transform(updated, &at(1));
    tabs[1].ed.add(word(5), Tag::Source, id(8), &at(1)).unwrap();
    cross(&mut tabs, &at(2));
    settle(&mut tabs, 3);
    for tab in &tabs {
        let ws = tab.ed.workspace();
        assert_eq!(ws.document.text(), format!("zero {TEXT}"));
        let a = ws.get(id(8)).expect("the other tab's annotation is kept");
        assert_eq!((a.exact.as_str(), ws.document.slice(a.start, a.end)), ("six", "six"));
    }
}

#[test]
fn a_rename_racing_the_other_tab_stands() {
    // A received save always brought its title, which has no time of its own.
    let mut tabs = start();
    tabs[0].ed.rename("Renamed here", &at(1));
    tabs[1].ed.add(word(5), Tag::Source, id(8), &at(1)).unwrap();
    cross(&mut tabs, &at(2));
    settle(&mut tabs, 3);
    for tab in &tabs {
        assert_eq!(tab.ed.workspace().document.title(), "Renamed here");
        assert!(tab.ids().contains(&id(8)));
    }
}

/// Everything a person can do in a tab, for the property below.
#[derive(Clone, Debug)]
enum Step {
    Add(usize),
    Delete(usize),
    Retag(usize, u8),
    Note(usize),
    Status(usize),
    Resize(usize),
    Link(usize, usize),
    Rename,
    Meta,
    Tags,
    Merge(usize),
    NewText,
    Undo,
    Redo,
    Save,
    Deliver,
}

fn step() -> impl Strategy<Value = Step> {
    let n = || 0..8usize;
    prop_oneof![
        4 => n().prop_map(Step::Add),
        2 => n().prop_map(Step::Delete),
        1 => (n(), 0..3u8).prop_map(|(a, t)| Step::Retag(a, t)),
        1 => n().prop_map(Step::Note),
        1 => n().prop_map(Step::Status),
        1 => n().prop_map(Step::Resize),
        1 => (n(), n()).prop_map(|(a, b)| Step::Link(a, b)),
        1 => Just(Step::Rename),
        1 => Just(Step::Meta),
        1 => Just(Step::Tags),
        1 => n().prop_map(Step::Merge),
        1 => Just(Step::NewText),
        3 => Just(Step::Undo),
        2 => Just(Step::Redo),
        4 => Just(Step::Save),
        4 => Just(Step::Deliver),
    ]
}

/// The code point ranges of the words of `text`.
fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut at = 0;
    text.split(' ')
        .map(|w| {
            let r = at..at + w.chars().count();
            at = r.end + 1;
            r
        })
        .collect()
}

impl Tab {
    fn nth(&self, n: usize) -> Option<AnnotationId> {
        let ids: Vec<_> = self.ids().into_iter().collect();
        ids.get(n % ids.len().max(1)).copied()
    }

    fn nth_word(&self, n: usize) -> std::ops::Range<usize> {
        let all = words(self.ed.workspace().document.text());
        all[n % all.len()].clone()
    }
}

proptest! {
    /// Two tabs doing anything, undoing and redoing, saving and hearing each other's saves
    /// in any order, end up the same, and no annotation is lost that no person took out
    /// (by deleting it, or undoing or redoing a step in either tab).
    #[test]
    fn two_tabs_with_every_kind_of_step_converge_and_lose_nothing(
        steps in prop::collection::vec((0..2usize, step()), 0..60)
    ) {
        let mut tabs = start();
        let (mut made, mut taken_out) = (BTreeSet::from([id(1), id(2)]), BTreeSet::new());
        let mut next = 10u8;
        for (clock, (t, step)) in steps.into_iter().enumerate() {
            let now = at(clock + 1);
            let before = tabs[t].ids();
            let tab = &mut tabs[t];
            match step {
                Step::Add(w) => {
                    next += 1;
                    let range = tab.nth_word(w);
                    // Odd words take the tab's own tag, when its set has one.
                    let own = tab.ed.workspace().tagset().by_label("Quote").filter(|_| w % 2 == 1);
                    if tab.ed.add(range, own.unwrap_or(Tag::Claim), id(next), &now).is_ok() {
                        made.insert(id(next));
                    }
                }
                Step::Delete(n) => if let Some(a) = tab.nth(n) {
                    tab.ed.delete(a, &now).unwrap();
                    taken_out.insert(a);
                },
                Step::Retag(n, t) => if let Some(a) = tab.nth(n) {
                    tab.ed.retag(a, [Tag::Claim, Tag::Source, Tag::Entity][usize::from(t)], &now).unwrap();
                },
                Step::Note(n) => if let Some(a) = tab.nth(n) {
                    tab.ed.set_note(a, &format!("note {clock}"), &now).unwrap();
                },
                Step::Status(n) => if let Some(a) = tab.nth(n) {
                    tab.ed.set_status(a, ClaimStatus::Disputed, &now).unwrap();
                },
                Step::Resize(n) => if let Some(a) = tab.nth(n) {
                    let range = tab.nth_word(n + 1);
                    let _ = tab.ed.resize(a, range, &now);
                },
                Step::Link(c, s) => if let (Some(c), Some(s)) = (tab.nth(c), tab.nth(s)) {
                    let _ = tab.ed.link(c, s, &now);
                },
                Step::Rename => tab.ed.rename(&format!("Title {clock}"), &now),
                Step::Meta => tab.ed.set_meta(crate::ArticleMeta { site: format!("Site {clock}"), ..Default::default() }, &now),
                Step::Tags => {
                    // Relabel, and add a tag of its own or take it away (when unused).
                    let mut tags = (**tab.ed.workspace().tagset()).clone();
                    tags.tags[0].label = format!("Claim {clock}");
                    match tags.by_label("Quote") {
                        Some(quote) => tags.tags.retain(|d| d.key != quote),
                        None => { tags.add("Quote").unwrap(); }
                    }
                    if tab.ed.set_tagset(tags.clone(), &now).is_err() {
                        tags.add("Quote").unwrap(); // in use: keep it
                        tab.ed.set_tagset(tags, &now).unwrap();
                    }
                }
                Step::Merge(w) => {
                    next += 1;
                    let mut incoming = Editor::new(tab.ed.workspace().clone());
                    let range = tab.nth_word(w);
                    incoming.add(range, Tag::Entity, id(next), &now).unwrap();
                    if let Some((merged, _)) = crate::merge_import(tab.ed.workspace(), &as_file(incoming.workspace())) {
                        if merged.get(id(next)).is_some() {
                            made.insert(id(next)); // else the same tag on the same span is here
                        }
                        tab.ed.transform(merged, &now);
                    }
                }
                Step::NewText => {
                    let text = tab.ed.workspace().document.text();
                    let new = text.strip_prefix("zero ").map_or_else(|| format!("zero {text}"), str::to_owned);
                    let (updated, _) = crate::update_text(tab.ed.workspace(), Document::new("t", &new));
                    tab.ed.transform(updated, &now);
                }
                Step::Undo => { tab.ed.undo(&now); }
                Step::Redo => { tab.ed.redo(&now); }
                Step::Save => if let Some(save) = tab.save(&now) {
                    broadcast(&mut tabs, t, save);
                },
                Step::Deliver => { tab.deliver(&now); }
            }
            if matches!(step, Step::Undo | Step::Redo) {
                taken_out.extend(before.difference(&tabs[t].ids()));
            }
            for tab in &tabs {
                let ws = tab.ed.workspace();
                prop_assert!(ws.annotations().iter().all(|a| ws.tagset().get(a.tag).is_some()), "a tag in use left the set");
            }
        }
        settle(&mut tabs, 1000);
        prop_assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
        let ids = tabs[0].ids();
        for kept in made.difference(&taken_out) {
            prop_assert!(ids.contains(kept), "{kept} was lost");
        }
        prop_assert!(ids.is_subset(&made));
    }
}

/// Two tabs, after tab 0 added the tag "Quote" to the set and tab 1 heard of it.
fn with_a_new_tag_in_both() -> (Vec<Tab>, Tag) {
    let mut tabs = start();
    let mut tags = (**tabs[0].ed.workspace().tagset()).clone();
    let quote = tags.add("Quote").unwrap();
    tabs[0].ed.set_tagset(tags, &at(1)).unwrap();
    let save = tabs[0].save(&at(2)).unwrap();
    broadcast(&mut tabs, 0, save);
    assert!(tabs[1].deliver(&at(3)));
    (tabs, quote)
}

#[test]
fn undoing_a_new_tag_that_the_other_tab_has_used_since_keeps_the_tag() {
    let (mut tabs, quote) = with_a_new_tag_in_both();
    tabs[1].ed.add(word(6), quote, id(9), &at(4)).unwrap();
    let save = tabs[1].save(&at(5)).unwrap();
    broadcast(&mut tabs, 1, save);
    assert!(tabs[0].deliver(&at(6)));
    // Undoing the new tag now would leave the other tab's annotation with a tag the set
    // lacks: the step is gone from the history, the tag stays.
    tabs[0].ed.undo(&at(7));
    let ws = tabs[0].ed.workspace();
    assert!(ws.get(id(9)).is_some(), "their annotation stays");
    assert!(ws.tagset().get(quote).is_some(), "every tag in use is in the tag set");
    settle(&mut tabs, 8);
    assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
}

#[test]
fn a_redo_after_the_other_tab_dropped_its_tag_brings_the_tag_back() {
    // Found by the property test: the redo re-inserted an annotation whose tag the other
    // tab's set no longer had.
    let (mut tabs, quote) = with_a_new_tag_in_both();
    tabs[0].ed.add(word(6), quote, id(9), &at(4)).unwrap();
    assert!(tabs[0].ed.undo(&at(5)));
    // Meanwhile the other tab, where Quote is unused, takes it out of the set.
    let mut fewer = (**tabs[1].ed.workspace().tagset()).clone();
    fewer.tags.retain(|d| d.key != quote);
    tabs[1].ed.set_tagset(fewer, &at(6)).unwrap();
    let save = tabs[1].save(&at(7)).unwrap();
    broadcast(&mut tabs, 1, save);
    assert!(tabs[0].deliver(&at(8)));
    assert!(tabs[0].ed.workspace().tagset().get(quote).is_none());
    assert!(tabs[0].ed.redo(&at(9)));
    let ws = tabs[0].ed.workspace();
    assert!(ws.get(id(9)).is_some(), "the redo brings the annotation back");
    assert!(ws.tagset().get(quote).is_some(), "and the tag it needs");
    settle(&mut tabs, 10);
    assert_eq!(tabs[0].ed.workspace(), tabs[1].ed.workspace());
}

//! `add_all`: accepting suggestions, or "Tag all", as one step — undone and redone whole,
//! also after another tab's save was joined in.

use super::*;
use crate::model::Document;
use crate::sync::{Marks, TabSync};
use crate::test_support::{NOW, id, span};

const TEXT: &str = "Reuters said Reuters; the Élysée and Reuters again.";

/// The code point ranges of every `needle` in [`TEXT`].
fn every(needle: &str) -> Vec<Range<usize>> {
    TEXT.match_indices(needle)
        .map(|(at, _)| {
            let start = TEXT[..at].chars().count();
            start..start + needle.chars().count()
        })
        .collect()
}

/// Every "Reuters" as a source (ids 1, 2, 3) and the Élysée as a place (4).
fn accepted() -> Vec<NewSpan> {
    let mut spans: Vec<NewSpan> =
        every("Reuters").into_iter().zip(1..).map(|(r, n)| (r, Tag::Source, id(n), String::new())).collect();
    spans.push((span(TEXT, "Élysée"), Tag::Entity, id(4), " place ".to_owned()));
    spans
}

fn editor() -> Editor {
    let mut ed = Editor::new(Workspace::new(Document::new("t", TEXT)));
    ed.set_author(Creator::new("Ana Díaz", "AFP"));
    ed
}

fn tagged(ed: &Editor) -> Vec<(String, Tag, String)> {
    ed.workspace().annotations().iter().map(|a| (a.exact.clone(), a.tag, a.entity_type.clone())).collect()
}

#[test]
fn all_at_once_is_one_step_undone_and_redone_whole() {
    let mut ed = editor();
    assert_eq!(ed.add_all(accepted(), NOW), Ok(4));
    assert_eq!((ed.undo_len(), ed.changes()), (1, 1));
    let all = tagged(&ed);
    assert_eq!(all.len(), 4);
    assert!(all.contains(&("Élysée".to_owned(), Tag::Entity, "place".to_owned())), "typed, trimmed");
    let creators = ed.workspace().annotations().iter().map(|a| a.creator.clone());
    assert!(creators.into_iter().all(|c| c == Creator::new("Ana Díaz", "AFP")), "stamped like add");
    assert!(ed.undo(NOW));
    assert!(tagged(&ed).is_empty() && !ed.can_undo());
    assert!(ed.redo(NOW));
    assert_eq!(tagged(&ed), all);
}

#[test]
fn one_bad_range_tags_nothing_and_none_is_no_step() {
    let mut ed = editor();
    let mut spans = accepted();
    spans.push((40..400, Tag::Source, id(5), String::new()));
    assert!(matches!(ed.add_all(spans, NOW), Err(EditError::Span(_))));
    assert_eq!(ed.add_all(Vec::new(), NOW), Ok(0));
    assert!(tagged(&ed).is_empty());
    assert_eq!((ed.changes(), ed.can_undo()), (0, false));
}

#[test]
fn a_tag_learned_elsewhere_joins_the_set_in_the_same_step() {
    let mut ed = editor();
    let quote = Tag::parse("quote").unwrap();
    let spans =
        every("Reuters").into_iter().zip(1..).map(|(r, n)| (r, quote, id(n), String::new())).collect();
    assert_eq!(ed.add_all(spans, NOW), Ok(3));
    assert!(ed.workspace().tagset().get(quote).is_some());
    assert_eq!(ed.undo_len(), 1);
    ed.undo(NOW);
    assert!(ed.workspace().tagset().get(quote).is_none(), "the undo takes the tag back too");
    ed.redo(NOW);
    assert_eq!((ed.workspace().uses(quote), ed.workspace().tagset().get(quote).is_some()), (3, true));
}

/// One tab: its editor and what it knows of storage.
struct Tab {
    ed: Editor,
    sync: TabSync,
}

impl Tab {
    fn new(loaded: &Workspace) -> Self {
        Self {
            ed: Editor::new(loaded.clone()),
            sync: TabSync::new(loaded, Some((loaded.clone(), Marks::default()))),
        }
    }

    /// Saves this tab's state: what storage and the other tab receive.
    fn save(&mut self, now: &str) -> (Workspace, Marks) {
        let ws = self.ed.workspace().clone();
        self.sync.observe(&ws, now);
        self.sync.wrote(ws.clone());
        (ws, self.sync.marks().clone())
    }

    fn receive(&mut self, (remote, marks): (Workspace, Marks), now: &str) {
        let local = self.ed.workspace().clone();
        let joined = self.sync.received(remote, &marks, &local, now);
        self.ed.sync(joined);
    }
}

fn at(second: u32) -> String {
    format!("2026-11-26T12:00:{second:02}.000Z")
}

#[test]
fn undoing_it_after_another_tabs_save_keeps_that_tabs_work() {
    let start = Workspace::new(Document::new("t", TEXT));
    let mut tabs = [Tab::new(&start), Tab::new(&start)];
    tabs[0].ed.add_all(accepted(), &at(1)).unwrap();
    let the = span(TEXT, "the");
    tabs[1].ed.add(the, Tag::Claim, id(9), &at(2)).unwrap();
    let theirs = tabs[1].save(&at(3));
    tabs[0].receive(theirs, &at(4));
    assert_eq!(tabs[0].ed.workspace().annotations().len(), 5);
    assert!(tabs[0].ed.undo(&at(5)));
    let left: Vec<AnnotationId> = tabs[0].ed.workspace().annotations().iter().map(|a| a.id).collect();
    assert_eq!(left, [id(9)], "the one step took back the four, not the other tab's claim");
    let ours = tabs[0].save(&at(6));
    tabs[1].receive(ours, &at(7));
    assert_eq!(tabs[1].ed.workspace(), tabs[0].ed.workspace());
    assert!(tabs[0].ed.redo(&at(8)));
    assert_eq!(tabs[0].ed.workspace().annotations().len(), 5);
}

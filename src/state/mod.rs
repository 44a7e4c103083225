//! App state: the editor (workspace + history) and what the person is doing with it.
//! The reducer is pure: ids and times arrive inside actions, and saving, files and the
//! keyboard are effects (`crate::effects`), never here.

mod action;
mod edits;
mod handle;
mod notice;
pub mod phrase;
mod trash;

use std::ops::Range;
use std::rc::Rc;

use annotator_core::editor::nudged;
use annotator_core::formats::import_any;
use annotator_core::{
    AnnotationId, Document, Editor, Filter, Imported, Tag, Workspace, merge_import, snap_selection,
    update_text,
};
use yew::prelude::*;

use crate::storage::StorageError;

pub use action::Action;
pub use handle::{Stamp, StateHandle, callback, stamped, use_app_state};
pub use notice::{Notice, NoticeKind, tag_keys};
pub use trash::Trashed;

/// The article shown when nothing has been saved yet (kept byte for byte).
pub const SAMPLE_TEXT: &str = include_str!("../../assets/seed-article.txt");
pub const SAMPLE_TITLE: &str = "China reached Japan’s sensitive defense networks: US paper";

/// A selection waiting for a tag, already snapped.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub range: Range<usize>,
    /// Where the tag picker goes (viewport coordinates).
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub editor: Rc<Editor>,
    /// Bumped on every change to the workspace; saving and layout follow it.
    pub revision: u64,
    pub selected: Option<AnnotationId>,
    pub pending: Option<Pending>,
    pub filter: Filter,
    /// A claim whose card asked for a source: the next source clicked is linked to it.
    pub linking: Option<AnnotationId>,
    /// What the screen reader's live region last said, and a counter so that saying the
    /// same thing twice is heard twice.
    pub announcement: (u64, String),
    pub snap_words: bool,
    pub notice: Option<Notice>,
    /// Why work is not being saved (or was not read), shown until it is resolved.
    pub storage_problem: Option<StorageError>,
    /// Percentage of browser storage in use, once it passes the warning level.
    pub storage_full_pct: Option<u8>,
    /// The open document's id in the library (its storage key).
    pub doc_id: AnnotationId,
    /// Whether the open document came from storage as it is (else it is new, unsaved).
    pub doc_from_storage: bool,
    /// Revision of what was loaded from storage (tab sync counts on from it).
    pub loaded_revision: u64,
    /// A document deleted while open: its pending save must not bring it back.
    pub deleted_doc: Option<AnnotationId>,
    /// Documents deleted from the library in this visit, latest last.
    pub trash: Vec<Trashed>,
    /// A deleted document to put back (an effect does the storage work).
    pub restoring: Option<AnnotationId>,
    /// What start-up found wrong with the saved data (unreadable, newer), shown all visit.
    pub data_problem: Option<StorageError>,
    /// Storage keys of unreadable data a person can download.
    pub storage_downloads: Vec<String>,
    /// Whether the browser protects this site's data from eviction (`None`: not known yet).
    pub persisted: Option<bool>,
}

impl State {
    pub fn new(doc_id: AnnotationId, workspace: Workspace, snap_words: bool) -> Self {
        Self {
            doc_id,
            doc_from_storage: false,
            editor: Rc::new(Editor::new(workspace)),
            revision: 0,
            selected: None,
            pending: None,
            filter: Filter::default(),
            linking: None,
            announcement: (0, String::new()),
            snap_words,
            notice: None,
            storage_problem: None,
            storage_full_pct: None,
            loaded_revision: 0,
            deleted_doc: None,
            trash: Vec::new(),
            restoring: None,
            storage_downloads: Vec::new(),
            data_problem: None,
            persisted: None,
        }
    }

    /// Whether changes can be written to storage at all.
    pub fn can_save(&self) -> bool {
        let stops = |p: &Option<StorageError>| {
            matches!(p, Some(StorageError::Unavailable | StorageError::Newer(_) | StorageError::Closed))
        };
        !stops(&self.storage_problem) && !stops(&self.data_problem)
    }

    /// The sample article's document id: the same in every tab and every browser.
    pub fn sample_id() -> AnnotationId {
        "5a3b1e00-0000-4000-8000-5a3b1e5a3b1e".parse().expect("a valid UUID")
    }

    pub fn sample() -> Workspace {
        Workspace::new(Document::new(SAMPLE_TITLE, SAMPLE_TEXT))
    }

    pub fn workspace(&self) -> &Workspace {
        self.editor.workspace()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            // One step back per press: a selection or linking first, then the selected
            // annotation.
            Action::Cancel => {
                if s.pending.is_none() && s.linking.is_none() {
                    s.selected = None;
                }
                s.pending = None;
                s.linking = None;
            }
            Action::SelectText(raw) => {
                s.pending = raw.and_then(|(a, b, x, y)| {
                    let range = snap_selection(s.workspace().document.text(), a, b, s.snap_words)?;
                    Some(Pending { range, x, y })
                });
            }
            Action::TagSelection { tag, id, now } => s.tag_selection(tag, id, &now),
            Action::Hotkey { key, id, now } => match (s.workspace().tagset().by_hotkey(&key), s.selected) {
                (Some(tag), _) if s.pending.is_some() => s.tag_selection(tag, id, &now),
                (Some(tag), Some(selected)) => {
                    s.edit(|ed| ed.retag(selected, tag, &now));
                    s.announce(format!("Now {}", notice::a_or_an(&s.workspace().tagset().label(tag))));
                }
                // Not a tag's key: the selection stays, and the page says which keys tag.
                (None, _) if s.pending.is_some() => {
                    let how = notice::how_to_tag(s.workspace().tagset());
                    let text = format!("“{key}” is not a tag’s key. {how}");
                    s.announce(text.clone());
                    s.notice = Some(Notice::info(text));
                }
                _ => return self,
            },
            Action::Select(id) => s.selected = id,
            Action::SelectNeighbour { forward, at } => {
                s.selected = s.workspace().neighbour(s.selected, at, forward).or(s.selected);
                if let Some(a) = s.selected.and_then(|id| s.workspace().get(id)) {
                    let text = format!(
                        "{}: {}",
                        s.workspace().tagset().label(a.tag),
                        annotator_core::text::shorten(&a.exact, 80)
                    );
                    s.announce(text);
                }
            }
            Action::SelectNear(at) => s.selected = s.workspace().nearest(at),
            Action::ClickText { at, now } => {
                let ws = s.workspace();
                let covering = at.map(|at| ws.covering(at)).unwrap_or_default();
                let source = covering.iter().find(|a| a.tag == Tag::Source).map(|a| a.id);
                match (s.linking, source) {
                    (Some(claim), Some(source)) => s.link(claim, source, &now),
                    _ => s.selected = covering.first().map(|a| a.id),
                }
            }
            Action::SetStatus { id, status, now } => s.edit(|ed| ed.set_status(id, status, &now)),
            Action::SetEntityType { id, kind, now } => s.edit(|ed| ed.set_entity_type(id, &kind, &now)),
            Action::StartLinking(claim) => {
                s.linking = claim;
                if claim.is_some() {
                    s.announce(
                        "Choose a source: click its highlight, or pick it from the list. Escape cancels.",
                    );
                }
            }
            Action::Link { claim, source, now } => s.link(claim, source, &now),
            Action::Unlink { claim, source, now } => {
                s.edit(|ed| ed.unlink(claim, source, &now));
                s.announce("Source unlinked");
            }
            Action::Nudge { edge, forward, now } => {
                let Some(a) = s.selected.and_then(|id| s.workspace().get(id)).filter(|a| !a.orphan) else {
                    return self;
                };
                let (id, doc) = (a.id, s.workspace().document.clone());
                let Some(range) = nudged(&doc, a.range(), edge, forward, s.snap_words) else {
                    return self;
                };
                s.edit(|ed| ed.resize(id, range, &now));
                let quote = s.workspace().get(id).map(|a| annotator_core::text::shorten(&a.exact, 80));
                s.announce(format!("Now “{}”", quote.unwrap_or_default()));
            }
            Action::Resize { id, range, now } => {
                let Some(range) =
                    snap_selection(s.workspace().document.text(), range.start, range.end, s.snap_words)
                else {
                    return self;
                };
                s.edit(|ed| ed.resize(id, range, &now));
            }
            Action::SetTags { tags, now } => {
                s.edit(|ed| ed.set_tagset(tags, &now));
                s.filter.tag = s.filter.tag.filter(|t| s.workspace().tagset().get(*t).is_some());
            }
            Action::Retag { id, tag, now } => s.edit(|ed| ed.retag(id, tag, &now)),
            Action::EditNote { id, note, now } => s.edit(|ed| ed.set_note(id, &note, &now)),
            Action::Delete { id, now } => s.delete(id, &now),
            Action::DeleteSelected { now } => {
                let Some(id) = s.selected else {
                    return self;
                };
                s.delete(id, &now);
            }
            Action::Undo { now } => {
                if let Some(t) = s.latest_deletion() {
                    s.restoring = Some(t.deleted.id);
                    return Rc::new(s);
                }
                s.step(Editor::undo, &now);
                s.announce("Undone");
            }
            Action::Redo { now } => {
                s.step(Editor::redo, &now);
                s.announce("Redone");
            }
            Action::Open { id, workspace, message } => {
                // A new article starts with the tags in use: a tag set is a way of working.
                let workspace = workspace.with_tagset((**s.workspace().tagset()).clone());
                s.switch(id, workspace, 0, false, Some(Notice::info(message)))
            }
            Action::SwitchDocument { id, workspace, revision } => {
                s.switch(id, workspace, revision, true, None)
            }
            Action::DocumentDeleted { trashed, next } => s.deleted(trashed, next),
            Action::RestoreDocument(id) => s.restoring = Some(id),
            Action::DocumentRestored { id, reopen, notice } => s.restored(id, reopen, notice),
            Action::Persisted(persisted) => s.persisted = persisted,
            Action::Rename { title, now } => {
                Rc::make_mut(&mut s.editor).rename(&title, &now);
                s.revision += 1;
            }
            Action::Import { name, raw, now, new_id } => {
                match import_any(&s.workspace().document, &name, &raw, &now) {
                    Ok(imported) => s.import(imported, &name, new_id, &now),
                    Err(e) => s.notice = Some(Notice::error(format!("Could not import {name}: {e}"))),
                }
            }
            Action::UpdateText { document, now } => {
                let (workspace, summary) = update_text(s.workspace(), document);
                let summary = phrase::update_summary(&summary);
                let notice = Notice::info(format!("{summary} Undo (Ctrl+Z) brings back the old text."));
                s.transform(workspace, &now, notice);
            }
            Action::Sync { workspace, against } => {
                let workspace = match against {
                    Some(against) if against != *s.workspace() => {
                        annotator_core::rebase(&against, s.workspace(), &workspace)
                    }
                    _ => workspace,
                };
                // A selection waiting for its tag stays, unless the other tab changed the text.
                if workspace.document.text() != s.workspace().document.text() {
                    s.pending = None;
                }
                Rc::make_mut(&mut s.editor).sync(workspace);
                s.revision += 1;
                s.selected = s.selected.filter(|id| s.editor.workspace().get(*id).is_some());
            }
            Action::StorageProblem(problem) => s.storage_problem = problem,
            Action::StorageUsage(pct) => s.storage_full_pct = pct,
            Action::SetFilter(filter) => s.filter = filter,
            Action::Announce(text) => s.announce(text),
            Action::SetSnapWords(on) => s.snap_words = on,
            Action::Notify(notice) => s.notice = Some(notice),
            Action::Dismiss => s.notice = None,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

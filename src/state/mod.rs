//! App state: the editor (workspace + history) and what the person is doing with it.
//! The reducer is pure: ids and times arrive inside actions, and saving happens in
//! effects (`autosave`), never here.

mod autosave;
mod shortcuts;

use std::ops::Range;
use std::rc::Rc;

use annotator_core::formats::import_any;
use annotator_core::{
    AnnotationId, Document, Editor, Imported, Tag, Workspace, merge_import, snap_selection, update_text,
};
use yew::prelude::*;

use crate::storage::StorageError;

pub use autosave::use_autosave;
pub use shortcuts::use_shortcuts;

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message in the page's banner, possibly with a way to undo what it reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// A deleted document that "Undo" puts back: its id and what was stored.
    pub restore: Option<(AnnotationId, Rc<str>)>,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self { kind: NoticeKind::Info, text: text.into(), restore: None }
    }

    pub fn error(text: impl ToString) -> Self {
        Self { kind: NoticeKind::Error, text: text.to_string(), restore: None }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub editor: Rc<Editor>,
    /// Bumped on every change to the workspace; saving and layout follow it.
    pub revision: u64,
    pub selected: Option<AnnotationId>,
    pub pending: Option<Pending>,
    pub filter: Option<Tag>,
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
}

/// Everything that can happen, as verbs.
pub enum Action {
    /// The mouse released a selection (raw code points, either order), or cleared it.
    SelectText(Option<(usize, usize, f64, f64)>),
    /// Tag the pending selection.
    TagSelection {
        tag: Tag,
        id: AnnotationId,
        now: String,
    },
    Select(Option<AnnotationId>),
    Retag {
        id: AnnotationId,
        tag: Tag,
        now: String,
    },
    EditNote {
        id: AnnotationId,
        note: String,
        now: String,
    },
    Delete(AnnotationId),
    DeleteSelected,
    Undo,
    Redo,
    /// A new article: a new document in the library, opened, with a message saying so.
    Open {
        id: AnnotationId,
        workspace: Workspace,
        message: String,
    },
    /// Open a document from the library.
    SwitchDocument {
        id: AnnotationId,
        workspace: Workspace,
        revision: u64,
    },
    /// Rename the open document (undoable).
    Rename(String),
    /// The open document was deleted: open `next` (from storage, or new when not `stored`).
    DeletedOpen {
        next: AnnotationId,
        workspace: Workspace,
        revision: u64,
        stored: bool,
        notice: Notice,
    },
    /// A file to import (native, W3C or doccano), read as text; W3C anchors onto the open
    /// text. Merged into the open article when it is the same one, else opened.
    Import {
        name: String,
        raw: String,
        now: String,
        new_id: AnnotationId,
    },
    /// A new version of the article's text: annotations are re-anchored onto it.
    UpdateText(Document),
    /// Take what another tab saved, merged with this tab's changes.
    Sync(Workspace),
    StorageProblem(Option<StorageError>),
    StorageUsage(Option<u8>),
    SetFilter(Option<Tag>),
    SetSnapWords(bool),
    Notify(Notice),
    Dismiss,
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
            filter: None,
            snap_words,
            notice: None,
            storage_problem: None,
            storage_full_pct: None,
            loaded_revision: 0,
            deleted_doc: None,
        }
    }

    /// Whether changes can be written to storage at all.
    pub fn can_save(&self) -> bool {
        !matches!(self.storage_problem, Some(StorageError::Unavailable | StorageError::Newer(_)))
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

    /// Applies an edit; a refused one becomes an error notice and changes nothing.
    fn edit<E: ToString>(&mut self, f: impl FnOnce(&mut Editor) -> Result<(), E>) {
        match f(Rc::make_mut(&mut self.editor)) {
            Ok(()) => self.revision += 1,
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// Merges an import into the open article when it is the same one (undoable), else
    /// opens it as a new document `new_id`.
    fn import(&mut self, imported: Imported, name: &str, new_id: AnnotationId) {
        let report = imported.summary();
        let kind = if imported.skipped.is_empty() { NoticeKind::Info } else { NoticeKind::Error };
        match merge_import(self.workspace(), &imported.workspace) {
            Some((merged, summary)) => {
                let text =
                    format!("Imported “{name}”: {report}. {summary} Undo (Ctrl+Z) takes them out again.");
                self.replace(merged, Notice { kind, text, restore: None });
            }
            None => {
                let text = format!(
                    "Imported “{name}”: {report}. It is a new document; the previous one is in the Library."
                );
                self.switch(new_id, imported.workspace, 0, false, Some(Notice { kind, text, restore: None }));
            }
        }
    }

    /// Makes another document the open one, with its own undo history.
    fn switch(
        &mut self,
        id: AnnotationId,
        workspace: Workspace,
        revision: u64,
        stored: bool,
        notice: Option<Notice>,
    ) {
        // Only the switch away from a deleted document skips its last save; a document
        // restored and reopened later is saved as usual.
        self.deleted_doc = None;
        self.editor = Rc::new(Editor::new(workspace));
        self.doc_id = id;
        self.doc_from_storage = stored;
        self.loaded_revision = revision;
        self.revision += 1;
        self.selected = None;
        self.pending = None;
        self.filter = None;
        self.notice = notice;
    }

    /// Replaces the open document's workspace in place, as one undoable step.
    fn replace(&mut self, workspace: Workspace, notice: Notice) {
        Rc::make_mut(&mut self.editor).replace(workspace);
        self.revision += 1;
        self.selected = None;
        self.pending = None;
        self.filter = None;
        self.notice = Some(notice);
    }

    fn step(&mut self, f: impl FnOnce(&mut Editor) -> bool) {
        if f(Rc::make_mut(&mut self.editor)) {
            self.revision += 1;
            self.pending = None;
            self.selected = self.selected.filter(|id| self.editor.workspace().get(*id).is_some());
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SelectText(raw) => {
                s.pending = raw.and_then(|(a, b, x, y)| {
                    let range = snap_selection(s.workspace().document.text(), a, b, s.snap_words)?;
                    Some(Pending { range, x, y })
                });
            }
            Action::TagSelection { tag, id, now } => {
                let Some(pending) = s.pending.take() else {
                    return self;
                };
                s.edit(|ed| ed.add(pending.range, tag, id, &now));
                s.selected = s.workspace().get(id).map(|a| a.id);
            }
            Action::Select(id) => s.selected = id,
            Action::Retag { id, tag, now } => s.edit(|ed| ed.retag(id, tag, &now)),
            Action::EditNote { id, note, now } => s.edit(|ed| ed.set_note(id, &note, &now)),
            Action::Delete(id) => {
                s.edit(|ed| ed.delete(id));
                s.selected = s.selected.filter(|sel| *sel != id);
            }
            Action::DeleteSelected => {
                let Some(id) = s.selected.take() else {
                    return self;
                };
                s.edit(|ed| ed.delete(id));
            }
            Action::Undo => s.step(Editor::undo),
            Action::Redo => s.step(Editor::redo),
            Action::Open { id, workspace, message } => {
                s.switch(id, workspace, 0, false, Some(Notice::info(message)))
            }
            Action::SwitchDocument { id, workspace, revision } => {
                s.switch(id, workspace, revision, true, None)
            }
            Action::DeletedOpen { next, workspace, revision, stored, notice } => {
                let gone = s.doc_id;
                s.switch(next, workspace, revision, stored, Some(notice));
                s.deleted_doc = Some(gone);
            }
            Action::Rename(title) => {
                let renamed = s.workspace().renamed(&title);
                Rc::make_mut(&mut s.editor).replace(renamed);
                s.revision += 1;
            }
            Action::Import { name, raw, now, new_id } => {
                match import_any(&s.workspace().document, &name, &raw, &now) {
                    Ok(imported) => s.import(imported, &name, new_id),
                    Err(e) => s.notice = Some(Notice::error(format!("Could not import {name}: {e}"))),
                }
            }
            Action::UpdateText(document) => {
                let (workspace, summary) = update_text(s.workspace(), document);
                s.replace(
                    workspace,
                    Notice::info(format!("{summary} Undo (Ctrl+Z) brings back the old text.")),
                );
            }
            Action::Sync(workspace) => {
                Rc::make_mut(&mut s.editor).sync(workspace);
                s.revision += 1;
                s.selected = s.selected.filter(|id| s.editor.workspace().get(*id).is_some());
                s.pending = None;
            }
            Action::StorageProblem(problem) => s.storage_problem = problem,
            Action::StorageUsage(pct) => s.storage_full_pct = pct,
            Action::SetFilter(filter) => s.filter = filter,
            Action::SetSnapWords(on) => s.snap_words = on,
            Action::Notify(notice) => s.notice = Some(notice),
            Action::Dismiss => s.notice = None,
        }
        Rc::new(s)
    }
}

/// The state handle every component reads and dispatches to.
pub type StateHandle = UseReducerHandle<State>;

/// A callback that turns its event into an action and dispatches it.
pub fn callback<E: 'static>(state: &StateHandle, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
    let dispatcher = state.dispatcher();
    Callback::from(move |e: E| dispatcher.dispatch(f(e)))
}

/// Gets the state from the context `App` provides.
#[hook]
pub fn use_app_state() -> StateHandle {
    use_context::<StateHandle>().expect("components are rendered inside App")
}

#[cfg(test)]
mod tests {
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
}

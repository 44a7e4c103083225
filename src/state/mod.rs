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

/// A message in the page's banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self { kind: NoticeKind::Info, text: text.into() }
    }

    pub fn error(text: impl ToString) -> Self {
        Self { kind: NoticeKind::Error, text: text.to_string() }
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
    /// Revision of what was loaded from storage (tab sync counts on from it).
    pub loaded_revision: u64,
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
    /// Replace the workspace (a new article or an import) with a message saying so.
    Open(Workspace, String),
    /// A file to import (native, W3C or doccano), read as text; W3C anchors onto the open
    /// text. Merged into the open article when it is the same one, else opened.
    Import {
        name: String,
        raw: String,
        now: String,
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
    pub fn new(workspace: Workspace, snap_words: bool) -> Self {
        Self {
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
        }
    }

    /// Whether changes can be written to storage at all.
    pub fn can_save(&self) -> bool {
        !matches!(self.storage_problem, Some(StorageError::Unavailable | StorageError::Newer(_)))
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

    /// Merges an import into the open article when it is the same one, else opens it.
    fn import(&mut self, imported: Imported, name: &str) {
        let report = imported.summary();
        let kind = if imported.skipped.is_empty() { NoticeKind::Info } else { NoticeKind::Error };
        let (workspace, outcome) = match merge_import(self.workspace(), &imported.workspace) {
            Some((merged, summary)) => (merged, format!("{summary} Undo (Ctrl+Z) takes them out again.")),
            None => (imported.workspace, "Undo (Ctrl+Z) brings back what was open before.".to_owned()),
        };
        self.open(workspace, Notice { kind, text: format!("Imported “{name}”: {report}. {outcome}") });
    }

    fn open(&mut self, workspace: Workspace, notice: Notice) {
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
            Action::Open(workspace, message) => s.open(workspace, Notice::info(message)),
            Action::Import { name, raw, now } => match import_any(&s.workspace().document, &name, &raw, &now)
            {
                Ok(imported) => s.import(imported, &name),
                Err(e) => s.notice = Some(Notice::error(format!("Could not import {name}: {e}"))),
            },
            Action::UpdateText(document) => {
                let (workspace, summary) = update_text(s.workspace(), document);
                s.open(workspace, Notice::info(format!("{summary} Undo (Ctrl+Z) brings back the old text.")));
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

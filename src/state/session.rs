//! The open document and the library around it: which document is open, with its editor
//! (workspace + history), and the documents deleted in this visit (the storage work is in
//! `effects::documents`).

use std::rc::Rc;

use annotator_core::formats::Format;
use annotator_core::library::Deleted;
use annotator_core::text::plural;
use annotator_core::{AnnotationId, Creator, Editor, Workspace};

use super::{Notice, NoticeAction, State};

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub editor: Rc<Editor>,
    /// The open document's id in the library (its storage key).
    pub doc_id: AnnotationId,
    /// Whether the open document came from storage as it is (else it is new, unsaved).
    pub doc_from_storage: bool,
    /// Revision of what was loaded from storage (tab sync counts on from it).
    pub loaded_revision: u64,
    /// Where this editor's changes count from: past every revision of the documents open
    /// before it, so that a switch is a change too.
    base: u64,
    /// A document deleted while open: its pending save must not bring it back.
    pub deleted_doc: Option<AnnotationId>,
    /// Documents deleted from the library in this visit, latest last.
    pub trash: Vec<Trashed>,
    /// A deleted document to put back (an effect does the storage work).
    pub restoring: Option<AnnotationId>,
}

/// A document deleted from the library, kept so that it can be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Trashed {
    pub deleted: Rc<Deleted>,
    pub title: String,
    /// Whether it was the open document.
    pub was_open: bool,
    /// `State::revision` right after the deletion: while it still is, Ctrl+Z restores it.
    pub at_revision: u64,
}

/// Which document is open, and the library's changes around it.
pub enum DocAction {
    /// A new article: a new document in the library, opened with the open one's tag set,
    /// with a message saying so.
    Open { id: AnnotationId, workspace: Workspace, message: String },
    /// Open a document from the library.
    SwitchDocument { id: AnnotationId, workspace: Workspace, revision: u64 },
    /// A document was deleted from the library (its records are in `trashed`, for undo).
    /// When it was the open one, `next` opens: `(id, workspace, revision, stored)`, new
    /// when not stored.
    DocumentDeleted { trashed: Trashed, next: Option<(AnnotationId, Workspace, u64, bool)> },
    /// Put a deleted document back (the Library's or the banner's Undo).
    RestoreDocument(AnnotationId),
    /// A deleted document is back in the library; `reopen` when it was open at deletion.
    DocumentRestored { id: AnnotationId, reopen: Option<(Workspace, u64)>, notice: Notice },
    /// Who works here, as they named themselves (`None`: no name), remembered in this
    /// browser and stamped on what they make and change; with `claim`, the open document's
    /// annotations that name no one become theirs too (one undoable step).
    /// `export`: an export the name was asked for, to download once it is given.
    SetAuthor { author: Option<Creator>, claim: bool, now: String, export: Option<Format> },
    /// Take what another tab saved, joined with this tab's changes. The join was worked out
    /// `against` this tab's workspace at the time (`None`: take it whole, the other tab
    /// changed the text); edits made here since are replayed onto it.
    Sync { workspace: Workspace, against: Option<Workspace> },
}

impl Session {
    pub fn new(doc_id: AnnotationId, workspace: Workspace) -> Self {
        Self {
            editor: Rc::new(Editor::new(workspace)),
            doc_id,
            doc_from_storage: false,
            loaded_revision: 0,
            base: 0,
            deleted_doc: None,
            trash: Vec::new(),
            restoring: None,
        }
    }

    pub(super) fn revision(&self) -> u64 {
        self.base + self.editor.changes()
    }

    /// The deletion Ctrl+Z would take back: the latest, when nothing changed since.
    pub fn latest_deletion(&self) -> Option<&Trashed> {
        self.trash.last().filter(|t| t.at_revision == self.revision())
    }
}

pub(super) fn reduce(s: &mut State, action: DocAction) -> bool {
    match action {
        DocAction::Open { id, workspace, message } => {
            // A new article starts with the tags in use: a tag set is a way of working.
            let workspace = workspace.with_tagset((**s.workspace().tagset()).clone());
            switch(s, id, workspace, 0, false, Some(Notice::info(message)));
        }
        DocAction::SwitchDocument { id, workspace, revision } => {
            switch(s, id, workspace, revision, true, None)
        }
        DocAction::DocumentDeleted { trashed, next } => deleted(s, trashed, next),
        DocAction::RestoreDocument(id) => s.session.restoring = Some(id),
        DocAction::SetAuthor { author, claim, now, export } => {
            set_author(s, author, claim, &now);
            s.ui.exporting = export;
        }
        DocAction::DocumentRestored { id, reopen, notice } => restored(s, id, reopen, notice),
        DocAction::Sync { workspace, against } => {
            let workspace = match against {
                Some(against) if against != *s.workspace() => {
                    annotator_core::rebase(&against, s.workspace(), &workspace)
                }
                _ => workspace,
            };
            // A selection waiting for its tag stays, unless the other tab changed the text.
            if workspace.document.text() != s.workspace().document.text() {
                s.ui.pending = None;
            }
            Rc::make_mut(&mut s.session.editor).sync(workspace);
            s.ui.selected = s.ui.selected.filter(|id| s.session.editor.workspace().get(*id).is_some());
        }
    }
    true
}

/// Makes another document the open one, with its own undo history.
pub(super) fn switch(
    s: &mut State,
    id: AnnotationId,
    workspace: Workspace,
    revision: u64,
    stored: bool,
    notice: Option<Notice>,
) {
    let session = &mut s.session;
    // Only the switch away from a deleted document skips its last save; a document
    // restored and reopened later is saved as usual.
    session.deleted_doc = None;
    session.base = session.revision() + 1;
    let author = session.editor.author().cloned();
    session.editor = Rc::new(Editor::new(workspace));
    Rc::make_mut(&mut session.editor).set_author(author);
    session.doc_id = id;
    session.doc_from_storage = stored;
    session.loaded_revision = revision;
    s.ui.reset();
    s.feedback.notice = notice;
}

fn set_author(s: &mut State, author: Option<Creator>, claim: bool, now: &str) {
    s.ui.name_asked = true;
    let editor = Rc::make_mut(&mut s.session.editor);
    let text = match &author {
        Some(a) => format!("Your annotations are now marked as {}’s.", a.display()),
        None => "Your annotations are no longer marked with a name.".to_owned(),
    };
    editor.set_author(author);
    let claimed = if claim { editor.claim_unnamed(now) } else { 0 };
    let text = match claimed {
        0 => text,
        n => format!(
            "{text} {} made before are marked too; Undo (Ctrl+Z) takes that back.",
            plural(n, "annotation")
        ),
    };
    s.feedback.announce(text.clone());
    s.feedback.notice = Some(Notice::info(text));
}

fn deleted(s: &mut State, mut trashed: Trashed, next: Option<(AnnotationId, Workspace, u64, bool)>) {
    let notice = Notice {
        action: Some(NoticeAction::Restore(trashed.deleted.id)),
        ..Notice::info(format!("Deleted “{}”. Undo (Ctrl+Z) puts it back.", trashed.title))
    };
    s.feedback.announce(notice.text.clone());
    if let Some((next, workspace, revision, stored)) = next {
        let gone = s.session.doc_id;
        switch(s, next, workspace, revision, stored, Some(notice));
        s.session.deleted_doc = Some(gone);
    } else {
        s.feedback.notice = Some(notice);
    }
    trashed.at_revision = s.revision();
    s.session.trash.push(trashed);
}

fn restored(s: &mut State, id: AnnotationId, reopen: Option<(Workspace, u64)>, notice: Notice) {
    s.session.trash.retain(|t| t.deleted.id != id);
    s.session.restoring = None;
    s.feedback.announce(notice.text.clone());
    match reopen {
        Some((workspace, revision)) => switch(s, id, workspace, revision, true, Some(notice)),
        None => s.feedback.notice = Some(notice),
    }
}

//! The documents deleted from the library in this visit, and how the state changes when
//! one is deleted or put back (the storage work is in `documents`).

use std::rc::Rc;

use annotator_core::library::Deleted;
use annotator_core::{AnnotationId, Workspace};

use super::{Notice, State};

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

impl State {
    /// The deletion Ctrl+Z would take back: the latest, when nothing changed since.
    pub fn latest_deletion(&self) -> Option<&Trashed> {
        self.trash.last().filter(|t| t.at_revision == self.revision)
    }

    pub(super) fn deleted(
        &mut self,
        mut trashed: Trashed,
        next: Option<(AnnotationId, Workspace, u64, bool)>,
    ) {
        let notice = Notice {
            restore: Some(trashed.deleted.id),
            ..Notice::info(format!("Deleted “{}”. Undo (Ctrl+Z) puts it back.", trashed.title))
        };
        self.announce(notice.text.clone());
        if let Some((next, workspace, revision, stored)) = next {
            let gone = self.doc_id;
            self.switch(next, workspace, revision, stored, Some(notice));
            self.deleted_doc = Some(gone);
        } else {
            self.notice = Some(notice);
        }
        trashed.at_revision = self.revision;
        self.trash.push(trashed);
    }

    pub(super) fn restored(&mut self, id: AnnotationId, reopen: Option<(Workspace, u64)>, notice: Notice) {
        self.trash.retain(|t| t.deleted.id != id);
        self.restoring = None;
        self.announce(notice.text.clone());
        match reopen {
            Some((workspace, revision)) => self.switch(id, workspace, revision, true, Some(notice)),
            None => self.notice = Some(notice),
        }
    }
}

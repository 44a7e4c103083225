//! What can go wrong in the library, as typed data: the app phrases it.

use thiserror::Error;

use super::store::StoreError;
use crate::formats::ImportError;
use crate::model::AnnotationId;

/// Why a library operation failed.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum LibraryError {
    /// The store refused or failed a read or a write.
    #[error("the store failed: {0}")]
    Store(#[from] StoreError),
    /// The record under `key` holds data that cannot be read; `kept` says where it went
    /// (`None`: it was left as it is).
    #[error("{key} is unreadable: {error}")]
    Unreadable {
        /// The record's key in the store (`aa2.doc.<id>`…).
        key: String,
        /// What reading it ran into.
        error: ImportError,
        /// Where the value went; `None`: left where it was.
        kept: Option<Kept>,
    },
    /// No complete document is stored under this id (never saved, deleted, or cut short).
    #[error("no document {0} is stored")]
    Missing(AnnotationId),
    /// The document was saved by a newer version of the app: it is not read or written.
    #[error("document {id} has schema version {found}")]
    Newer {
        /// The document.
        id: AnnotationId,
        /// The schema version it was saved with, above [`crate::formats::SCHEMA_VERSION`].
        found: u64,
    },
    /// The document holds unreadable data that could not be copied aside, so nothing
    /// writes to it (that would overwrite the data).
    #[error("document {0} is not written to: it holds unreadable data that was not kept aside")]
    Blocked(AnnotationId),
    /// The records written by a move did not read back as what was moved.
    #[error("the records written for {0} did not read back the same")]
    Mismatch(AnnotationId),
}

/// Where an unreadable value went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Copied byte for byte under this backup key, then removed from where it was (a
    /// text record, which its document cannot do without, is instead rewritten by the
    /// next save without what could not be read, such as a link past the text's end).
    Aside {
        /// The backup key (`aa2.unreadable.<n>`).
        backup: String,
    },
    /// It could not be copied (`error`, e.g. no room for a second copy): it stays where it
    /// was, untouched, and nothing writes over it.
    NotKept {
        /// Why the copy failed.
        error: StoreError,
    },
}

impl Kept {
    /// Whether the value now sits under a backup key.
    pub fn is_aside(&self) -> bool {
        matches!(self, Kept::Aside { .. })
    }
}

/// Something found in storage that the app should tell the user about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The value under `key` could not be read (`error`); `kept` says where it is now.
    Unreadable {
        /// The record's key in the store (`aa2.doc.<id>`…).
        key: String,
        /// What reading it ran into.
        error: ImportError,
        /// Where the value is now.
        kept: Kept,
    },
    /// Document `id` was saved by a newer version (schema `found`): left untouched, not opened.
    Newer {
        /// The document.
        id: AnnotationId,
        /// The schema version it was saved with.
        found: u64,
    },
    /// The store reads but refuses writes (`error`: `Full` when the quota is used up,
    /// `Unavailable` when storage is blocked): nothing new is saved until that changes.
    CannotSave(StoreError),
    /// The store cannot even be read: nothing saved could be looked at.
    CannotRead(StoreError),
    /// Data of an earlier layout under `key` could not be moved to this one (`error`): it
    /// stays where it was, and the move is tried again next time.
    NotMoved {
        /// The earlier layout's key.
        key: String,
        /// Why the move failed.
        error: LibraryError,
    },
    /// A stored document could not be opened for another reason (`Blocked`, …).
    NotOpened(LibraryError),
    /// The first version's workspace (under `key`) is now document `id`.
    Adopted {
        /// The first version's key.
        key: String,
        /// The document it became.
        id: AnnotationId,
    },
    /// An earlier layout's copy of document `id` differed from the one already stored in
    /// this layout (which is kept); the old copy went where `kept` says.
    Superseded {
        /// The earlier layout's key.
        key: String,
        /// The document both copies are of.
        id: AnnotationId,
        /// Where the old copy went.
        kept: Kept,
    },
}

//! Everything that can happen to the state, as verbs.

use std::ops::Range;

use annotator_core::editor::Edge;
use annotator_core::{AnnotationId, ClaimStatus, Document, Filter, Tag, TagSet, Workspace};

use super::{Notice, StorageError, Trashed};

/// Everything that can happen, as verbs.
pub enum Action {
    /// The mouse released a selection (raw code points, either order), or cleared it.
    SelectText(Option<(usize, usize, f64, f64)>),
    /// Escape: drop the selection and stop linking.
    Cancel,
    /// Tag the pending selection.
    TagSelection {
        tag: Tag,
        id: AnnotationId,
        now: String,
    },
    /// A tag's hotkey was pressed: tag the pending selection with it, if any.
    Hotkey {
        key: String,
        id: AnnotationId,
        now: String,
    },
    Select(Option<AnnotationId>),
    /// Select the next (or previous) annotation after the selected one or `at`.
    SelectNeighbour {
        forward: bool,
        at: usize,
    },
    /// Select the annotation nearest code point `at` (the minimap).
    SelectNear(usize),
    /// A click at code point `at` in the article: links a source there when linking, else
    /// selects the innermost annotation there (`None`: clicked outside any).
    ClickText {
        at: Option<usize>,
        now: String,
    },
    SetStatus {
        id: AnnotationId,
        status: ClaimStatus,
        now: String,
    },
    SetEntityType {
        id: AnnotationId,
        kind: String,
        now: String,
    },
    /// Start (or, with `None`, stop) choosing a source for a claim.
    StartLinking(Option<AnnotationId>),
    Link {
        claim: AnnotationId,
        source: AnnotationId,
        now: String,
    },
    Unlink {
        claim: AnnotationId,
        source: AnnotationId,
        now: String,
    },
    /// Move one end of the selected annotation by a word (or grapheme when not snapping).
    Nudge {
        edge: Edge,
        forward: bool,
        now: String,
    },
    /// Move an annotation's ends to a new range (dragging a handle), snapped.
    Resize {
        id: AnnotationId,
        range: Range<usize>,
        now: String,
    },
    SetTags {
        tags: TagSet,
        now: String,
    },
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
    Delete {
        id: AnnotationId,
        now: String,
    },
    DeleteSelected {
        now: String,
    },
    /// Undo and redo are changes made `now` (so that other tabs take them as the latest).
    Undo {
        now: String,
    },
    Redo {
        now: String,
    },
    /// A new article: a new document in the library, opened with the open one's tag set,
    /// with a message saying so.
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
    Rename {
        title: String,
        now: String,
    },
    /// A document was deleted from the library (its records are in `trashed`, for undo).
    /// When it was the open one, `next` opens: `(id, workspace, revision, stored)`, new
    /// when not stored.
    DocumentDeleted {
        trashed: Trashed,
        next: Option<(AnnotationId, Workspace, u64, bool)>,
    },
    /// Put a deleted document back (the Library's or the banner's Undo).
    RestoreDocument(AnnotationId),
    /// A deleted document is back in the library; `reopen` when it was open at deletion.
    DocumentRestored {
        id: AnnotationId,
        reopen: Option<(Workspace, u64)>,
        notice: Notice,
    },
    /// Whether the browser keeps this site's data under storage pressure (`None`: unknown).
    Persisted(Option<bool>),
    /// A file to import (native, W3C or doccano), read as text; W3C anchors onto the open
    /// text. Merged into the open article when it is the same one, else opened.
    Import {
        name: String,
        raw: String,
        now: String,
        new_id: AnnotationId,
    },
    /// A new version of the article's text: annotations are re-anchored onto it.
    UpdateText {
        document: Document,
        now: String,
    },
    /// Take what another tab saved, joined with this tab's changes. The join was worked out
    /// `against` this tab's workspace at the time (`None`: take it whole, the other tab
    /// changed the text); edits made here since are replayed onto it.
    Sync {
        workspace: Workspace,
        against: Option<Workspace>,
    },
    StorageProblem(Option<StorageError>),
    StorageUsage(Option<u8>),
    SetFilter(Filter),
    /// Something screen reader users should hear.
    Announce(String),
    SetSnapWords(bool),
    Notify(Notice),
    Dismiss,
}

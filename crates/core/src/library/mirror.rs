//! What a copy of the library kept in one tab (the search index, the annotations that
//! teach suggestions) holds of each document, and what to read again to catch up with
//! storage. The reading itself is the app's (one document per task); the rule is here.

use std::collections::BTreeMap;

use super::DocSummary;
use crate::model::AnnotationId;

/// Where a copy's version of a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    /// Storage, at this saved revision.
    Stored(u64),
    /// This tab's memory, at this revision of the open document (its save may lag).
    Open(u64),
}

/// What a copy of the library holds of each document.
#[derive(Debug, Default)]
pub struct Mirror {
    seen: BTreeMap<AnnotationId, Seen>,
}

/// What catching up with storage takes.
#[derive(Debug, PartialEq, Eq)]
pub struct CatchUp<'a> {
    /// Stored documents the copy lacks or holds at another revision, to read again.
    pub read: Vec<&'a DocSummary>,
    /// Documents the copy holds that storage no longer has (deleted, here or elsewhere).
    pub gone: Vec<AnnotationId>,
}

impl Mirror {
    /// A copy holding nothing.
    pub const fn new() -> Self {
        Self { seen: BTreeMap::new() }
    }

    /// Whether the copy holds document `id` as it is open here at `revision`.
    pub fn holds_open(&self, id: AnnotationId, revision: u64) -> bool {
        self.seen.get(&id) == Some(&Seen::Open(revision))
    }

    /// The copy took the open document `id` from memory, at `revision`.
    pub fn took_open(&mut self, id: AnnotationId, revision: u64) {
        self.seen.insert(id, Seen::Open(revision));
    }

    /// The copy took document `id` from storage, saved at `revision`.
    pub fn took_stored(&mut self, id: AnnotationId, revision: u64) {
        self.seen.insert(id, Seen::Stored(revision));
    }

    /// The copy dropped document `id`.
    pub fn forget(&mut self, id: AnnotationId) {
        self.seen.remove(&id);
    }

    /// What to read and drop to match `stored` (the library's list), the open document
    /// `open` excepted: memory is its truth, and it may not be saved yet. A document once
    /// open here and since closed is read again from storage: its save has landed by the
    /// time its revision there moves, and storage holds what other tabs did since.
    /// Damaged documents are not read (their records cannot be).
    pub fn catch_up<'a>(&self, open: AnnotationId, stored: &'a [DocSummary]) -> CatchUp<'a> {
        let read = stored
            .iter()
            .filter(|d| d.id != open && !d.damaged)
            .filter(|d| self.seen.get(&d.id) != Some(&Seen::Stored(d.revision)))
            .collect();
        let gone = self
            .seen
            .keys()
            .filter(|id| **id != open && !stored.iter().any(|d| d.id == **id))
            .copied()
            .collect();
        CatchUp { read, gone }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> AnnotationId {
        AnnotationId::from_random_bytes(n.to_le_bytes())
    }

    fn doc(n: u128, revision: u64) -> DocSummary {
        let mut d = DocSummary::damaged(id(n));
        (d.damaged, d.revision) = (false, revision);
        d
    }

    fn ids(docs: &[&DocSummary]) -> Vec<AnnotationId> {
        docs.iter().map(|d| d.id).collect()
    }

    #[test]
    fn an_empty_copy_reads_every_stored_document_but_the_open_one() {
        let stored = [doc(1, 4), doc(2, 7), doc(3, 1)];
        let plan = Mirror::new().catch_up(id(2), &stored);
        assert_eq!(ids(&plan.read), [id(1), id(3)]);
        assert!(plan.gone.is_empty());
    }

    #[test]
    fn only_documents_saved_since_they_were_read_are_read_again() {
        let mut m = Mirror::new();
        m.took_stored(id(1), 4);
        m.took_stored(id(3), 1);
        let stored = [doc(1, 4), doc(3, 2)];
        assert_eq!(ids(&m.catch_up(id(9), &stored).read), [id(3)]);
    }

    #[test]
    fn a_document_once_open_here_is_read_from_storage_once_closed() {
        let mut m = Mirror::new();
        m.took_open(id(1), 12);
        assert!(m.holds_open(id(1), 12) && !m.holds_open(id(1), 13));
        let stored = [doc(1, 5)];
        assert!(m.catch_up(id(1), &stored).read.is_empty(), "open: memory is its truth");
        assert_eq!(ids(&m.catch_up(id(2), &stored).read), [id(1)], "closed: storage is");
    }

    #[test]
    fn documents_deleted_from_storage_are_dropped_except_the_open_one_not_saved_yet() {
        let mut m = Mirror::new();
        m.took_stored(id(1), 1);
        m.took_open(id(2), 3);
        m.took_stored(id(3), 1);
        let stored = [doc(3, 1)];
        assert_eq!(m.catch_up(id(2), &stored).gone, [id(1)]);
        m.forget(id(1));
        assert!(m.catch_up(id(2), &stored).gone.is_empty());
    }

    #[test]
    fn damaged_documents_are_never_read() {
        let stored = [DocSummary::damaged(id(1))];
        assert!(Mirror::new().catch_up(id(9), &stored).read.is_empty());
    }
}

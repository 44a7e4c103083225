//! The library as a list: which document opens at start-up, the summaries the Library
//! dialog shows, and renaming, deleting and restoring documents.

use std::collections::HashSet;

use super::Library;
use super::error::{LibraryError, Problem};
use super::legacy::migrate_within;
use super::read::Loaded;
use super::records::{
    self, CURRENT_KEY, DOC_PREFIX, DocSummary, META_PREFIX, MetaRecord, PROBE_KEY, ann_prefix, doc_key,
    id_after, meta_key, search_key, sync_key,
};
use super::store::{Store, StoreError, Write};
use crate::model::{AnnotationId, Document};

/// What opens at start-up.
#[derive(Debug, PartialEq)]
pub struct Opened {
    /// The document to show: the loaded one's id, or the fresh id when nothing loaded.
    pub id: AnnotationId,
    /// The stored document (its own problems moved to `problems`); `None`: open a new one.
    pub loaded: Option<Loaded>,
    /// Everything found on the way, in the order found.
    pub problems: Vec<Problem>,
}

/// A deleted document's records, held by the caller (in memory) so it can be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// The document's id in the library.
    pub id: AnnotationId,
    /// `(key, value)` of every record, the meta record last (so a restore cut short leaves
    /// an incomplete document, not a partial one).
    pub records: Vec<(String, String)>,
}

impl<S: Store> Library<S> {
    /// Learns whether the store takes writes: the answer to show while nothing is saved.
    fn probe(&mut self) -> Result<(), StoreError> {
        let probe = || PROBE_KEY.to_owned();
        self.store
            .commit(vec![Write::Put { key: probe(), value: "1".to_owned() }, Write::Delete { key: probe() }])
    }

    /// Opens the library: moves data of earlier layouts in, then loads the document marked
    /// current, else the most recently changed one that loads, else nothing (`fresh` is the
    /// id to open a new document under). A store that refuses writes is reported as such
    /// (`CannotSave(Full)` when full) and everything in it still loads.
    pub fn start(&mut self, fresh: AnnotationId) -> Opened {
        let mut problems = Vec::new();
        if let Err(e) = self.probe() {
            problems.push(Problem::CannotSave(e));
        }
        problems.extend(migrate_within(&mut self.store).problems);
        let current = match self.store.get(CURRENT_KEY) {
            Ok(raw) => raw.and_then(|raw| raw.parse().ok()),
            Err(e) => {
                problems.push(Problem::CannotRead(e));
                return Opened { id: fresh, loaded: None, problems };
            }
        };
        self.current = current;
        let listed = match self.summaries() {
            Ok(listed) => listed,
            Err(e) => {
                problems.push(Problem::CannotRead(e));
                Vec::new()
            }
        };
        let mut tried = HashSet::new();
        for id in current.into_iter().chain(listed.iter().map(|d| d.id)) {
            if !tried.insert(id) {
                continue;
            }
            match self.load(id) {
                Ok(mut loaded) => {
                    problems.append(&mut loaded.problems);
                    return Opened { id, loaded: Some(loaded), problems };
                }
                Err(e) => problems.extend(problem_of(e)),
            }
        }
        Opened { id: fresh, loaded: None, problems }
    }

    /// Every complete document, most recently changed first, read from the small meta
    /// records alone (no annotation is read or validated).
    pub fn summaries(&self) -> Result<Vec<DocSummary>, StoreError> {
        let texts: HashSet<AnnotationId> =
            self.store.keys(DOC_PREFIX)?.iter().filter_map(|k| id_after(k, DOC_PREFIX)).collect();
        let mut docs = Vec::new();
        for key in self.store.keys(META_PREFIX)? {
            let Some(id) = id_after(&key, META_PREFIX).filter(|id| texts.contains(id)) else { continue };
            let Some(raw) = self.store.get(&key)? else { continue };
            docs.push(match records::parse::<MetaRecord>(&raw) {
                Ok(meta) => DocSummary::from_meta(id, meta),
                Err(_) => DocSummary::damaged(id),
            });
        }
        records::sort_summaries(&mut docs);
        Ok(docs)
    }

    /// Renames stored document `id` (its meta record, with the revision counted up so a
    /// tab that has it open takes the change). The title is trimmed, "Untitled" if empty.
    pub fn rename(&mut self, id: AnnotationId, title: &str) -> Result<(), LibraryError> {
        if let Some(e) = self.blocked.get(&id) {
            return Err(e.clone());
        }
        let key = meta_key(id);
        let raw = self.store.get(&key)?.ok_or(LibraryError::Missing(id))?;
        let mut meta: MetaRecord = records::parse(&raw).map_err(|error| match error {
            crate::formats::ImportError::NewerSchema { found } => LibraryError::Newer { id, found },
            error => LibraryError::Unreadable { key: key.clone(), error, kept: None },
        })?;
        meta.title = Document::new(title, "").title().to_owned();
        meta.revision += 1;
        let value = records::to_json(&meta);
        self.store.commit(vec![Write::Put { key, value: value.clone() }])?;
        if let Some(cached) = self.cache.get_mut(&id) {
            cached.meta = Some(value);
        }
        Ok(())
    }

    /// Removes document `id`, returning its records for [`Library::restore`]. It is read
    /// (and so validated) first, so the records held in memory are all readable text.
    pub fn delete(&mut self, id: AnnotationId) -> Result<Deleted, LibraryError> {
        if let Some(e) = self.blocked.get(&id) {
            return Err(e.clone());
        }
        self.read(id)?;
        if let Some(e) = self.blocked.get(&id) {
            return Err(e.clone());
        }
        // The search record goes and comes back with the document: it is of the same text.
        let mut keys = vec![doc_key(id), sync_key(id), search_key(id)];
        keys.extend(self.store.keys(&ann_prefix(id))?.into_iter().filter(|k| !self.protected.contains(k)));
        keys.push(meta_key(id));
        let mut records = Vec::new();
        for key in keys {
            if let Some(value) = self.store.get(&key)? {
                records.push((key, value));
            }
        }
        // The meta record goes first: a delete cut short leaves an unlisted remainder.
        let mut writes: Vec<Write> =
            records.iter().rev().map(|(key, _)| Write::Delete { key: key.clone() }).collect();
        if self.current == Some(id) {
            writes.push(Write::Delete { key: CURRENT_KEY.to_owned() });
        }
        self.cache.remove(&id);
        self.store.commit(writes)?;
        if self.current == Some(id) {
            self.current = None;
        }
        Ok(Deleted { id, records })
    }

    /// Puts a deleted document back as it was stored.
    pub fn restore(&mut self, deleted: Deleted) -> Result<(), LibraryError> {
        self.cache.remove(&deleted.id);
        let writes = deleted.records.into_iter().map(|(key, value)| Write::Put { key, value }).collect();
        Ok(self.store.commit(writes)?)
    }

    /// Marks `id` as the document to open next time.
    pub fn set_current(&mut self, id: AnnotationId) -> Result<(), StoreError> {
        if self.current == Some(id) {
            return Ok(());
        }
        self.store.commit(vec![Write::Put { key: CURRENT_KEY.to_owned(), value: id.to_string() }])?;
        self.current = Some(id);
        Ok(())
    }

    /// What to open after document `deleted` was deleted while open: the most recently
    /// changed other document that loads (`None`: open a new one). Problems with the
    /// documents passed over come with it.
    pub fn next_after_delete(
        &mut self,
        deleted: AnnotationId,
    ) -> Result<(Option<Loaded>, Vec<Problem>), StoreError> {
        let mut problems = Vec::new();
        for doc in self.summaries()?.into_iter().filter(|d| d.id != deleted) {
            match self.load(doc.id) {
                Ok(loaded) => return Ok((Some(loaded), problems)),
                Err(e) => problems.extend(problem_of(e)),
            }
        }
        Ok((None, problems))
    }
}

/// The problem to report when a document could not be opened (`None`: it simply is not
/// there).
fn problem_of(error: LibraryError) -> Option<Problem> {
    match error {
        LibraryError::Missing(_) => None,
        LibraryError::Newer { id, found } => Some(Problem::Newer { id, found }),
        LibraryError::Unreadable { key, error, kept: Some(kept) } => {
            Some(Problem::Unreadable { key, error, kept })
        }
        LibraryError::Store(e) => Some(Problem::CannotRead(e)),
        error => Some(Problem::NotOpened(error)),
    }
}

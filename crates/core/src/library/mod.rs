//! The library of documents kept in the browser: the storage rules, written against a
//! small [`Store`] trait so the browser adapters (localStorage, IndexedDB) stay thin and
//! every rule is tested on the host with a [`MemoryStore`].
//!
//! Each document is several records (see [`records`]): saving after one edit writes the
//! one annotation that changed and the small meta record, not the whole document. Reading
//! goes through the native importer, so stored data is validated exactly as an imported
//! file is. Data that cannot be read is never written over: it is copied byte for byte to
//! a backup key of its own, or, if even that fails, left where it is and never written.

mod catalog;
mod error;
mod legacy;
mod mirror;
mod read;
pub mod records;
mod save;
mod store;
mod transfer;

use std::collections::{HashMap, HashSet};

pub use catalog::{Deleted, Opened};
pub use error::{Kept, LibraryError, Problem};
pub use legacy::{
    LEGACY_KEY, Moved, OLD_BACKUP_KEY, OLD_CURRENT_KEY, OLD_DOC_PREFIX, OLD_SYNC_PREFIX, migrate,
    migrate_within,
};
pub use mirror::{CatchUp, Mirror};
pub use read::{Loaded, back_up, backups, set_aside};
pub use records::DocSummary;
pub use store::{Failure, MemoryStore, Store, StoreError, Write, keys_with_prefix};
pub use transfer::{LIBRARY_FORMAT, LibraryExport, Usage, import_library, is_library_file, usage};

use crate::model::{AnnotationId, Workspace};
use crate::sync::Marks;
use save::Cached;

/// The library over one store. It remembers what it last wrote or read of each document
/// it opened, so that a save writes only what changed.
pub struct Library<S: Store> {
    store: S,
    cache: HashMap<AnnotationId, Cached>,
    /// Documents nothing is written to, and why (newer data, or unreadable data that
    /// could not be copied aside).
    blocked: HashMap<AnnotationId, LibraryError>,
    /// Keys of unreadable values that could not be copied aside: never written or removed.
    protected: HashSet<String>,
    /// The document `CURRENT_KEY` names, as far as this library knows.
    current: Option<AnnotationId>,
}

impl<S: Store> Library<S> {
    /// A library over `store`, knowing nothing yet (call [`Library::start`]).
    pub fn new(store: S) -> Self {
        Self {
            store,
            cache: HashMap::new(),
            blocked: HashMap::new(),
            protected: HashSet::new(),
            current: None,
        }
    }

    /// The store, for reads the library does not cover (adapter state, tests).
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The store, to change it underneath (tests making room, say). What the library
    /// remembers is then out of date: call [`Library::forget`] for changed documents.
    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Forgets what this library knows of document `id`'s records (e.g. once it is
    /// closed, or changed by someone else): its next save first looks at which records exist.
    pub fn forget(&mut self, id: AnnotationId) {
        self.cache.remove(&id);
    }

    /// The tab-sync marks stored beside document `id` (none if missing or unreadable: they
    /// only refine joining, the document is whole without them).
    pub fn marks(&self, id: AnnotationId) -> Marks {
        let raw = self.store.get(&records::sync_key(id)).ok().flatten();
        raw.and_then(|raw| records::parse_marks(&raw).ok()).unwrap_or_default()
    }

    /// Why document `id` is not written to, if it is not.
    pub fn blocked(&self, id: AnnotationId) -> Option<&LibraryError> {
        self.blocked.get(&id)
    }

    /// Reads document `id` and remembers its records for the next save.
    pub fn load(&mut self, id: AnnotationId) -> Result<Loaded, LibraryError> {
        let mut read = self.read(id)?;
        let ws = &read.loaded.workspace;
        let mut cached = Cached {
            doc: read.doc_same.then(|| ws.document.clone()),
            meta: read.meta_raw.take(),
            marks: read.loaded.marks.clone().into(),
            anns: Default::default(),
            summary: None,
        };
        let same: rustc_hash::FxHashSet<AnnotationId> = read.same.iter().copied().collect();
        for a in ws.annotations() {
            cached.anns.insert(a.id, same.contains(&a.id).then(|| a.clone()));
        }
        self.cache.insert(id, cached);
        Ok(read.loaded)
    }

    /// Reads stored document `id` as it is saved, without remembering it for saving (see
    /// [`Library::load`]): what searching and learning from the whole library read.
    pub fn peek(&mut self, id: AnnotationId) -> Result<Workspace, LibraryError> {
        Ok(self.read(id)?.loaded.workspace)
    }

    /// The stored annotations of document `id`, read from their own records alone (its
    /// text is not read, nor are they found again in it): what learning from the whole
    /// library needs, at a fraction of reading a book. One that cannot be read is left
    /// out (and left as it is: reading never moves anything aside).
    pub fn annotations(&self, id: AnnotationId) -> Result<Vec<crate::model::Annotation>, StoreError> {
        let mut out = Vec::new();
        for key in self.store.keys(&records::ann_prefix(id))? {
            let Some(ann) = records::ann_id(&key, id) else { continue };
            let parsed = self.store.get(&key)?.and_then(|raw| records::parse_annotation(&raw, ann).ok());
            out.extend(parsed);
        }
        Ok(out)
    }

    /// The stored search index record of document `id`'s text, if any (see
    /// [`crate::search`]; it says itself which text it was made from).
    pub fn search_record(&self, id: AnnotationId) -> Option<String> {
        self.store.get(&records::search_key(id)).ok().flatten()
    }

    /// Keeps `record` as the search index record of document `id`'s text.
    pub fn keep_search_record(&mut self, id: AnnotationId, record: String) -> Result<(), StoreError> {
        self.store.commit(vec![Write::Put { key: records::search_key(id), value: record }])
    }

    /// Reads document `id` without remembering it (listing, exporting), noting what must
    /// never be written.
    fn read(&mut self, id: AnnotationId) -> Result<read::Read, LibraryError> {
        let result = read::read(&mut self.store, id);
        match &result {
            Err(e @ LibraryError::Newer { .. }) => {
                self.blocked.insert(id, e.clone());
            }
            Err(LibraryError::Unreadable { kept: Some(Kept::NotKept { .. }), key, .. }) => {
                self.protected.insert(key.clone());
                self.blocked.insert(id, LibraryError::Blocked(id));
            }
            Ok(read) if !read.not_kept.is_empty() => {
                self.protected.extend(read.not_kept.iter().cloned());
                let ann = records::ann_prefix(id);
                // Saving rewrites the meta and sync records; an annotation record is only
                // written when its annotation changes, which this one no longer can.
                if read.not_kept.iter().any(|k| !k.starts_with(&ann)) {
                    self.blocked.insert(id, LibraryError::Blocked(id));
                }
            }
            _ => {}
        }
        result
    }

    /// Saves document `id` as `ws` at tab-sync `revision` with `marks`, in one commit of
    /// only the records that changed since this library last wrote or read them. On
    /// failure nothing in memory is lost and the next save writes whatever may not have
    /// landed.
    pub fn save(
        &mut self,
        id: AnnotationId,
        ws: &Workspace,
        revision: u64,
        marks: &Marks,
    ) -> Result<(), LibraryError> {
        if let Some(e) = self.blocked.get(&id) {
            return Err(e.clone());
        }
        if !self.cache.contains_key(&id) {
            let primed = Cached::primed(&self.store, id, &self.protected)?;
            self.cache.insert(id, primed);
        }
        let cached = self.cache.get_mut(&id).expect("just inserted");
        let mut plan = save::plan(cached, id, ws, revision, marks);
        if plan.writes.iter().any(|w| self.protected.contains(w.key())) {
            return Err(LibraryError::Blocked(id));
        }
        let current = self.current != Some(id);
        if current {
            plan.writes.push(Write::Put { key: records::CURRENT_KEY.to_owned(), value: id.to_string() });
        }
        let result = self.store.commit(std::mem::take(&mut plan.writes));
        plan.settle(cached, ws, marks, result.is_ok());
        if result.is_ok() {
            self.current = Some(id);
        } else if current {
            self.current = None;
        }
        Ok(result?)
    }
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod catalog_tests;
#[cfg(test)]
#[path = "conflicts_tests.rs"]
mod conflicts_tests;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
#[path = "legacy_tests.rs"]
mod legacy_tests;
#[cfg(test)]
#[path = "links_tests.rs"]
mod links_tests;
#[cfg(test)]
#[path = "meta_tests.rs"]
mod meta_tests;
#[cfg(test)]
#[path = "read_tests.rs"]
mod read_tests;
#[cfg(test)]
#[path = "save_tests.rs"]
mod save_tests;
#[cfg(test)]
#[path = "transfer_tests.rs"]
mod transfer_tests;

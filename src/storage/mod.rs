//! Where the library lives in this browser: IndexedDB, else `localStorage`, else memory
//! only. The rules (record layout, moves, backups, what opens) are the core's
//! [`Library`]; this module picks the store, moves what earlier versions left in
//! `localStorage`, and phrases what went wrong for the banner.

mod idb;
mod idb_tabs;
mod local;
mod phrase;
mod prefs;
pub mod quota;

use std::cell::RefCell;
use std::collections::BTreeSet;

use annotator_core::AnnotationId;
use annotator_core::library::{
    Library, MemoryStore, Moved, Opened, Problem, Store, StoreError, Write, migrate,
};

pub use idb::{DB_NAME, DB_VERSION, Event, IdbStore};
pub use local::LocalStore;
pub use phrase::{Found, StorageError, library_error, problem_of, store_error};
pub use prefs::{load_pref, save_pref};

/// The store the library is in.
pub enum Backend {
    Idb(IdbStore),
    Local(LocalStore),
    /// Neither IndexedDB nor `localStorage` can be used: nothing outlives the tab.
    Memory(MemoryStore),
}

impl Backend {
    fn store(&self) -> &dyn Store {
        match self {
            Backend::Idb(s) => s,
            Backend::Local(s) => s,
            Backend::Memory(s) => s,
        }
    }

    fn store_mut(&mut self) -> &mut dyn Store {
        match self {
            Backend::Idb(s) => s,
            Backend::Local(s) => s,
            Backend::Memory(s) => s,
        }
    }
}

impl Store for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store().get(key)
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        self.store().keys(prefix)
    }

    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.store_mut().commit(writes)
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        self.store_mut().copy(from, to)
    }
}

thread_local! {
    static LIBRARY: RefCell<Option<Library<Backend>>> = const { RefCell::new(None) };
}

/// Runs `f` on the library (`None` before [`boot`]).
pub fn with<R>(f: impl FnOnce(&mut Library<Backend>) -> R) -> Option<R> {
    LIBRARY.with(|lib| lib.borrow_mut().as_mut().map(f))
}

/// The IndexedDB store, when that is where the library is.
pub fn idb() -> Option<IdbStore> {
    with(|lib| match lib.store() {
        Backend::Idb(s) => Some(s.clone()),
        _ => None,
    })
    .flatten()
}

/// What start-up found.
pub struct Boot {
    pub opened: Opened,
    /// Problems of the move out of `localStorage`, then those of opening the library.
    pub problems: Vec<Problem>,
}

/// `localStorage` with its deletions held back until the move they belong to is known to
/// be on disk in IndexedDB: a move that fails half-way then loses nothing.
struct Deferred<'a> {
    inner: &'a mut LocalStore,
    deleted: BTreeSet<String>,
}

impl Store for Deferred<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.deleted.contains(key) { Ok(None) } else { self.inner.get(key) }
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(self.inner.keys(prefix)?.into_iter().filter(|k| !self.deleted.contains(k)).collect())
    }

    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        for write in writes {
            match write {
                Write::Delete { key } => {
                    self.deleted.insert(key);
                }
                put @ Write::Put { .. } => {
                    self.deleted.remove(put.key());
                    self.inner.commit(vec![put])?;
                }
            }
        }
        Ok(())
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        self.deleted.remove(to);
        self.inner.copy(from, to)
    }
}

/// Moves every earlier layout's data from `localStorage` into IndexedDB; the old keys are
/// removed only once IndexedDB holds the new records and they read back as written.
async fn move_in(local: &mut LocalStore, idb: &mut IdbStore) -> Moved {
    let mut deferred = Deferred { inner: local, deleted: BTreeSet::new() };
    let mut moved = migrate(&mut deferred, idb);
    let deleted = std::mem::take(&mut deferred.deleted);
    if deleted.is_empty() {
        return moved;
    }
    match idb.settled().await {
        Ok(()) => {
            let writes = deleted.into_iter().map(|key| Write::Delete { key }).collect();
            // The new records are safe: old keys that stay behind are moved again (and
            // found to be the same) next time.
            if let Err(e) = local.commit(writes) {
                moved.problems.push(Problem::NotMoved { key: "localStorage".to_owned(), error: e.into() });
            }
        }
        Err(e) => moved.problems.push(Problem::NotMoved { key: DB_NAME.to_owned(), error: e.into() }),
    }
    moved
}

/// Opens the library: IndexedDB if this browser lets the page use it (moving in what
/// `localStorage` holds of earlier versions), else `localStorage`, else memory. `fresh`
/// is the id a new document opens under.
pub async fn boot(fresh: AnnotationId) -> Boot {
    crate::dom::perf::mark("boot:start");
    let mut local = LocalStore::open();
    let mut problems = Vec::new();
    let backend = match IdbStore::open(phrase::show_blocked).await {
        Ok(mut idb) => {
            crate::dom::perf::mark("boot:read");
            phrase::hide_blocked();
            if let Ok(local) = &mut local {
                problems.extend(move_in(local, &mut idb).await.problems);
            }
            Backend::Idb(idb)
        }
        Err(_) => match local {
            Ok(local) => Backend::Local(local),
            Err(e) => {
                problems.push(Problem::CannotSave(e));
                Backend::Memory(MemoryStore::default())
            }
        },
    };
    crate::dom::perf::mark("boot:moved");
    let mut library = Library::new(backend);
    let opened = library.start(fresh);
    crate::dom::perf::mark("boot:opened");
    LIBRARY.with(|lib| *lib.borrow_mut() = Some(library));
    Boot { opened, problems }
}

/// The value stored under `key`: in the library's store, else in `localStorage` (where
/// the move out of it leaves the backups of what it could not read).
pub fn raw(key: &str) -> Option<String> {
    let found = with(|lib| lib.store().get(key).ok().flatten()).flatten();
    found.or_else(|| LocalStore::open().ok()?.get(key).ok().flatten())
}

/// Which store holds the library, in words for the Library dialog.
pub fn place() -> &'static str {
    with(|lib| match lib.store() {
        Backend::Idb(_) => "this browser's IndexedDB",
        Backend::Local(_) => "this browser's localStorage (IndexedDB is not available here)",
        Backend::Memory(_) => "memory only: this browser does not let the page store data",
    })
    .unwrap_or("memory only")
}

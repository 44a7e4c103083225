//! The whole library as suggestions need it: every document's workspace. Read from
//! storage in the background, one document per task so the page never stalls, then kept
//! up to date: the open document after each change (`note_open`), the others whenever a
//! document opens (`refresh`: what another tab saved or deleted is read again).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use annotator_core::{AnnotationId, Workspace};

use crate::storage;

/// One document as known. One this tab had open stays as it was in memory (another
/// tab's later changes to it are read after a reload).
pub struct KnownDoc {
    pub workspace: Rc<Workspace>,
    /// The stored revision it was read at (`None`: the open one, from memory).
    revision: Option<u64>,
}

thread_local! {
    /// Every document, the open one as it is in memory.
    static KNOWN: RefCell<BTreeMap<AnnotationId, KnownDoc>> = const { RefCell::new(BTreeMap::new()) };
    /// Whether a refresh is under way (one at a time).
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` on every known document.
pub fn with<R>(f: impl FnOnce(&BTreeMap<AnnotationId, KnownDoc>) -> R) -> R {
    KNOWN.with(|k| f(&k.borrow()))
}

/// Takes the open document `id` as it is now.
pub fn note_open(id: AnnotationId, ws: &Workspace) {
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.get(&id).is_some_and(|d| d.revision.is_none() && d.workspace.as_ref() == ws) {
            return;
        }
        k.insert(id, KnownDoc { workspace: Rc::new(ws.clone()), revision: None });
    });
}

/// Forgets document `id` (deleted here).
pub fn forget(id: AnnotationId) {
    KNOWN.with(|k| k.borrow_mut().remove(&id));
}

/// Reads again every stored document saved since it was last read (all of them the first
/// time) and drops those no longer stored; `open` is taken from memory. Yields to the page
/// between documents; `done` runs when everything is up to date.
pub fn refresh(open: (AnnotationId, Workspace), done: impl FnOnce() + 'static) {
    note_open(open.0, &open.1);
    if BUSY.with(|b| b.replace(true)) {
        return;
    }
    yew::platform::spawn_local(async move {
        let summaries = storage::with(|lib| lib.summaries().unwrap_or_default()).unwrap_or_default();
        let stale: Vec<(AnnotationId, u64)> = summaries
            .iter()
            .filter(|d| d.id != open.0 && !d.damaged)
            // One this tab had open is known as it was in memory, which its save (300 ms
            // behind) may not have reached yet: storage would give an older version.
            .filter(|d| {
                with(|k| k.get(&d.id).is_none_or(|known| known.revision.is_some_and(|r| r != d.revision)))
            })
            .map(|d| (d.id, d.revision))
            .collect();
        // Deleted elsewhere: gone from storage (one known from memory may not be saved yet).
        KNOWN.with(|k| {
            k.borrow_mut().retain(|id, d| d.revision.is_none() || summaries.iter().any(|s| s.id == *id))
        });
        for (id, revision) in stale {
            if let Some(Ok(ws)) = storage::with(|lib| lib.peek(id)) {
                KNOWN.with(|k| {
                    k.borrow_mut().insert(id, KnownDoc { workspace: Rc::new(ws), revision: Some(revision) })
                });
            }
            // One document per task: a library of books is read without a long stall.
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
        BUSY.with(|b| b.set(false));
        done();
    });
}

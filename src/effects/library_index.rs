//! The whole library as suggestions need it: every document's annotations (not its
//! text: learning needs none). Read from storage in the background, one document per
//! task so the page never stalls, then kept up to date: the open document after each
//! change (`note_open`), the others whenever a document opens (`refresh`: what another
//! tab saved or deleted is read again).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use annotator_core::{Annotation, AnnotationId, Workspace};

use crate::storage;

/// Where what is known of a document comes from.
#[derive(Clone, Copy, PartialEq)]
enum Seen {
    /// Storage, at this saved revision.
    Stored(u64),
    /// This tab's memory, at this revision of the open document. One this tab had open
    /// stays as it was here, which its save (300 ms behind) may not have reached yet;
    /// another tab's later changes to it are read after a reload.
    Open(u64),
}

/// One document as known.
pub struct KnownDoc {
    pub annotations: Vec<Rc<Annotation>>,
    seen: Seen,
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

/// Takes the open document `id` as it is at `revision` (once per revision).
pub fn note_open(id: AnnotationId, revision: u64, ws: &Workspace) {
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.get(&id).is_some_and(|d| d.seen == Seen::Open(revision)) {
            return;
        }
        k.insert(id, KnownDoc { annotations: ws.annotations().to_vec(), seen: Seen::Open(revision) });
    });
}

/// Forgets document `id` (deleted here).
pub fn forget(id: AnnotationId) {
    KNOWN.with(|k| k.borrow_mut().remove(&id));
}

/// Reads again every stored document saved since it was last read (all of them the first
/// time) and drops those no longer stored; `open` is taken from memory. Yields to the page
/// between documents; `done` runs when everything is up to date.
pub fn refresh(open: (AnnotationId, u64, &Workspace), done: impl FnOnce() + 'static) {
    note_open(open.0, open.1, open.2);
    if BUSY.with(|b| b.replace(true)) {
        return;
    }
    let open = open.0;
    yew::platform::spawn_local(async move {
        let summaries = storage::with(|lib| lib.summaries().unwrap_or_default()).unwrap_or_default();
        let stale: Vec<(AnnotationId, u64)> = summaries
            .iter()
            .filter(|d| d.id != open && !d.damaged)
            .filter(|d| {
                with(|k| {
                    k.get(&d.id).is_none_or(|known| matches!(known.seen, Seen::Stored(r) if r != d.revision))
                })
            })
            .map(|d| (d.id, d.revision))
            .collect();
        // Deleted elsewhere: gone from storage (one known from memory may not be saved yet).
        KNOWN.with(|k| {
            let stored = |id: &AnnotationId| summaries.iter().any(|s| s.id == *id);
            k.borrow_mut().retain(|id, d| matches!(d.seen, Seen::Open(_)) || stored(id));
        });
        for (id, revision) in stale {
            if let Some(Ok(found)) = storage::with(|lib| lib.annotations(id)) {
                let annotations = found.into_iter().map(Rc::new).collect();
                KNOWN.with(|k| {
                    k.borrow_mut().insert(id, KnownDoc { annotations, seen: Seen::Stored(revision) })
                });
            }
            // One document per task: a large library is read without a long stall.
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
        BUSY.with(|b| b.set(false));
        done();
    });
}

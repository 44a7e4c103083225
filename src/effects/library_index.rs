//! The whole library as suggestions need it: every document's annotations (not its
//! text: learning needs none). Read from storage in the background (`reader`), then kept
//! up to date: the open document after each change (`note_open`), the others whenever a
//! document opens (`refresh`: what another tab saved or deleted is read again).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use annotator_core::{Annotation, AnnotationId, Workspace};

use super::reader::{self, Reader};
use crate::storage;

thread_local! {
    /// Every document's annotations, the open one's as they are in memory.
    static KNOWN: RefCell<BTreeMap<AnnotationId, Vec<Rc<Annotation>>>> = const { RefCell::new(BTreeMap::new()) };
    static READER: Reader = const { Reader::new() };
}

/// Runs `f` on every known document's annotations.
pub fn with<R>(f: impl FnOnce(&BTreeMap<AnnotationId, Vec<Rc<Annotation>>>) -> R) -> R {
    KNOWN.with(|k| f(&k.borrow()))
}

/// Takes the open document `id` as it is at `revision` (once per revision).
pub fn note_open(id: AnnotationId, revision: u64, ws: &Workspace) {
    READER.with(|r| {
        r.take_open(id, revision, || {
            drop(KNOWN.with(|k| k.borrow_mut().insert(id, ws.annotations().to_vec())))
        })
    });
}

/// Forgets document `id` (deleted here).
pub fn forget(id: AnnotationId) {
    KNOWN.with(|k| k.borrow_mut().remove(&id));
    READER.with(|r| r.mirror.borrow_mut().forget(id));
}

/// Takes `open` from memory and reads again every stored document saved since it was
/// last read (all of them the first time); `done` runs when everything is up to date
/// (not when a refresh under way already is left to finish).
pub fn refresh(open: (AnnotationId, u64, &Workspace), done: impl FnOnce() + 'static) {
    note_open(open.0, open.1, open.2);
    let open = open.0;
    yew::platform::spawn_local(async move {
        let read = |d: &annotator_core::library::DocSummary| {
            let Some(Ok(found)) = storage::with(|lib| lib.annotations(d.id)) else { return false };
            KNOWN.with(|k| k.borrow_mut().insert(d.id, found.into_iter().map(Rc::new).collect()));
            true
        };
        let gone = |id| drop(KNOWN.with(|k| k.borrow_mut().remove(&id)));
        if reader::catch_up(&READER, open, read, gone, |_, _| {}).await {
            done();
        }
    });
}

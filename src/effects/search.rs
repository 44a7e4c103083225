//! Searching the whole library (Ctrl+Shift+F, the Library dialog): one index of every
//! document kept in this browser, built when the first search starts — one document per
//! task, so the page never stalls — and then kept up to date: the open document after
//! each change that shows (`note_open`), the others whenever a search starts (what
//! another tab saved or deleted is read again). With IndexedDB, each text's part of the
//! index is kept with the library, so a reload reads it instead of tokenising a book again.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use annotator_core::search::{DocResults, Field, Hit, Query, SearchIndex, TextIndexed};
use annotator_core::{AnnotationId, Workspace};
use yew::prelude::*;

use crate::dom;
use crate::state::{StateHandle, UiAction};
use crate::storage;

/// Hits listed per document (its total is counted in full).
const PER_DOC: usize = 20;

/// What the index holds of a document.
#[derive(Clone, Copy, PartialEq)]
enum Seen {
    /// Storage, at this saved revision.
    Stored(u64),
    /// This tab's memory, at this revision of the open document.
    Open(u64),
}

thread_local! {
    static INDEX: RefCell<SearchIndex> = RefCell::new(SearchIndex::default());
    static SEEN: RefCell<BTreeMap<AnnotationId, Seen>> = const { RefCell::new(BTreeMap::new()) };
    /// Whether a search has started in this tab: until then nothing is indexed.
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// When the open document last changed, as the library lists it.
fn updated(ws: &Workspace) -> String {
    ws.annotations().iter().map(|a| a.modified.as_str()).max().unwrap_or_default().to_owned()
}

/// Indexes `ws` as document `id`, from its stored text record when that is of this text,
/// and keeps a new record when it was not (IndexedDB only: `localStorage` has no room).
fn index(id: AnnotationId, title: &str, updated: &str, ws: &Workspace) {
    let stored = storage::with(|lib| lib.search_record(id)).flatten();
    let made = INDEX.with(|i| {
        let mut i = i.borrow_mut();
        let how = i.update_with_record(id, title, updated, ws, stored.as_deref());
        (how == TextIndexed::Tokenised).then(|| i.text_record(id)).flatten()
    });
    if let (Some(made), Some(_)) = (made, storage::idb()) {
        // A record that cannot be kept is made again next time: nothing is lost.
        let _ = storage::with(|lib| lib.keep_search_record(id, made));
    }
}

/// Takes the open document `id` as it is at `revision` (once per revision), once a
/// search has started.
pub fn note_open(id: AnnotationId, revision: u64, ws: &Workspace) {
    if !STARTED.get() || SEEN.with(|s| s.borrow().get(&id) == Some(&Seen::Open(revision))) {
        return;
    }
    dom::perf::measure("search:index", || {
        INDEX.with(|i| i.borrow_mut().update(id, ws.document.title(), &updated(ws), ws))
    });
    SEEN.with(|s| s.borrow_mut().insert(id, Seen::Open(revision)));
}

/// Forgets document `id` (no longer stored).
fn forget(id: AnnotationId) {
    INDEX.with(|i| i.borrow_mut().remove(id));
    SEEN.with(|s| s.borrow_mut().remove(&id));
}

/// Brings the index up to date with storage (everything the first time), the open
/// document from memory: `progress(done, of)` after each document read, `done` when
/// all are. A refresh under way already is left to finish (and `done` is not called).
pub fn refresh(
    state: &StateHandle,
    progress: impl Fn(usize, usize) + 'static,
    done: impl FnOnce() + 'static,
) {
    let (open, revision, ws) = (state.session.doc_id, state.revision(), state.workspace().clone());
    if BUSY.with(|b| b.replace(true)) {
        return;
    }
    let first = !STARTED.replace(true);
    yew::platform::spawn_local(async move {
        if first || SEEN.with(|s| s.borrow().get(&open) != Some(&Seen::Open(revision))) {
            index(open, ws.document.title(), &updated(&ws), &ws);
            SEEN.with(|s| s.borrow_mut().insert(open, Seen::Open(revision)));
        }
        let summaries = storage::with(|lib| lib.summaries().unwrap_or_default()).unwrap_or_default();
        let stale: Vec<_> = summaries
            .iter()
            .filter(|d| d.id != open && !d.damaged)
            .filter(|d| SEEN.with(|s| s.borrow().get(&d.id).is_none_or(|k| *k != Seen::Stored(d.revision))))
            .collect();
        // Deleted elsewhere: gone from storage (the open one may not be saved yet).
        let gone: Vec<AnnotationId> = SEEN.with(|s| {
            s.borrow()
                .keys()
                .filter(|id| **id != open && !summaries.iter().any(|d| d.id == **id))
                .copied()
                .collect()
        });
        gone.into_iter().for_each(forget);
        for (n, d) in stale.iter().enumerate() {
            if let Some(Ok(ws)) = storage::with(|lib| lib.peek(d.id)) {
                index(d.id, &d.title, d.updated.as_deref().unwrap_or_default(), &ws);
                SEEN.with(|s| s.borrow_mut().insert(d.id, Seen::Stored(d.revision)));
            }
            progress(n + 1, stale.len());
            // One document per task: a large library is read without a long stall.
            gloo::timers::future::TimeoutFuture::new(0).await;
        }
        BUSY.set(false);
        done();
    });
}

/// The results of `query` over the index as it is, newest document first.
pub fn search(query: &str) -> Vec<DocResults> {
    let query = Query::parse(query);
    if query.is_empty() {
        return Vec::new();
    }
    dom::perf::measure("search", || INDEX.with(|i| i.borrow().search(&query, PER_DOC)))
}

/// Opens document `doc` at `hit`: its card when the hit is in an annotation, else the
/// place in the text (a title hit just opens it).
pub fn open_at(state: &StateHandle, doc: AnnotationId, hit: &Hit) {
    super::documents::open(state, doc);
    match (hit.annotation, hit.field) {
        (Some(id), _) => {
            state.dispatch(UiAction::Select(Some(id)));
            dom::scroll_to_selected();
        }
        (None, Field::Text) => state.dispatch(UiAction::Reveal(hit.start..hit.end)),
        _ => {}
    }
}

/// What the Library's search box needs of it: how far the index has read the library,
/// a count of the times it was up to date, and what starting a search and choosing a hit do.
pub struct Searching {
    pub reading: Option<(usize, usize)>,
    pub generation: u32,
    pub onsearch: Callback<()>,
    /// Opens the hit's document at it, then `onclose`.
    pub onopen: Callback<(AnnotationId, Hit)>,
}

/// The Library's search, for a dialog closed by `onclose`.
#[hook]
pub fn use_search(state: &StateHandle, onclose: Callback<()>) -> Searching {
    let reading = use_state(|| None::<(usize, usize)>);
    let generation = use_state(|| 0u32);
    let onsearch = {
        let (state, reading, generation) = (state.clone(), reading.clone(), generation.clone());
        Callback::from(move |()| {
            let (r, reading, generation) = (reading.clone(), reading.clone(), generation.clone());
            refresh(
                &state,
                move |done, of| r.set(Some((done, of))),
                move || {
                    reading.set(None);
                    generation.set(*generation + 1);
                },
            );
        })
    };
    let onopen = {
        let state = state.clone();
        Callback::from(move |(doc, hit): (AnnotationId, Hit)| {
            open_at(&state, doc, &hit);
            onclose.emit(());
        })
    };
    Searching { reading: *reading, generation: *generation, onsearch, onopen }
}

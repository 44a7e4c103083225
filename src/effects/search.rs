//! Searching the whole library (Ctrl+Shift+F, the Library dialog): one index of every
//! document kept in this browser, built when the first search starts — one document per
//! task, so the page never stalls — and then kept up to date: the open document after
//! each change that shows (`note_open`), the others whenever a search starts (what
//! another tab saved or deleted is read again). With IndexedDB, each text's part of the
//! index is kept with the library, so a reload reads it instead of tokenising a book again.

use std::cell::{Cell, RefCell};

use annotator_core::library::DocSummary;
use annotator_core::search::{DocResults, Field, Hit, Query, SearchIndex, TextIndexed};
use annotator_core::{AnnotationId, Workspace};
use yew::prelude::*;

use super::reader::{self, Reader};
use crate::dom;
use crate::state::{StateHandle, UiAction};
use crate::storage;

/// Hits listed per document (its total is counted in full).
const PER_DOC: usize = 20;

thread_local! {
    static INDEX: RefCell<SearchIndex> = RefCell::new(SearchIndex::default());
    static READER: Reader = const { Reader::new() };
    /// Whether a search has started in this tab: until then nothing is indexed.
    static STARTED: Cell<bool> = const { Cell::new(false) };
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
    if !STARTED.get() {
        return;
    }
    READER.with(|r| {
        r.take_open(id, revision, || {
            dom::perf::measure("search:index", || {
                let updated = ws.updated().unwrap_or_default();
                INDEX.with(|i| i.borrow_mut().update(id, ws.document.title(), updated, ws))
            });
        })
    });
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
    STARTED.set(true);
    yew::platform::spawn_local(async move {
        // From its stored record when there is one (the first search after a reload).
        let updated = ws.updated().unwrap_or_default();
        READER.with(|r| r.take_open(open, revision, || index(open, ws.document.title(), updated, &ws)));
        let read = |d: &DocSummary| {
            let Some(Ok(ws)) = storage::with(|lib| lib.peek(d.id)) else { return false };
            index(d.id, &d.title, d.updated.as_deref().unwrap_or_default(), &ws);
            true
        };
        let gone = |id| {
            INDEX.with(|i| i.borrow_mut().remove(id));
        };
        if reader::catch_up(&READER, open, read, gone, progress).await {
            done();
        }
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

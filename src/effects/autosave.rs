//! Saving and tab sync. Saves are debounced after each change and flushed when the page
//! is hidden or closed; the library writes only the records that changed. Another tab's
//! save is heard (IndexedDB: a `BroadcastChannel` message; `localStorage`: the `storage`
//! event on the document's meta record, written last) and joined with this tab's state
//! (core `TabSync`), so annotations made in either tab survive.

use std::cell::RefCell;
use std::rc::Rc;

use annotator_core::library::LibraryError;
use annotator_core::library::records::{META_PREFIX, id_after};
use annotator_core::{AnnotationId, Editor, TabSync};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

use crate::dom;
use crate::state::{DocAction, FeedbackAction, HealthAction, Notice, StateHandle};
use crate::storage::{self, Event, StorageError, library_error};

const DEBOUNCE_MS: u32 = 300;

/// Whether the open document's latest change is in the browser's storage: what the
/// toolbar says, quietly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is stored (or there is nothing to store yet).
    Saved,
    /// A change waits for its save, or its save has not reached the disk yet.
    Saving,
    /// Changes cannot be stored here: only an export keeps them.
    NotSaved,
}
/// Past this share of the quota, the page warns.
const WARN_AT: f64 = 0.8;

struct Saver {
    /// The document being saved, and this tab's latest state of it.
    doc_id: AnnotationId,
    editor: Rc<Editor>,
    /// What this tab knows of the saves (its own and other tabs').
    sync: TabSync,
    /// The highest revision seen in storage or written by this tab.
    revision: u64,
    unsaved: bool,
    enabled: bool,
    timer: Option<Timeout>,
    problem: Option<StorageError>,
    warned_pct: Option<u8>,
    /// Whether persistent storage was asked for (once, after the first real save).
    asked_persist: bool,
    /// A save handed to IndexedDB whose commit has not been confirmed yet.
    in_flight: bool,
    /// Told whenever the save status may have changed (it ignores repeats).
    onstatus: Callback<SaveStatus>,
}

impl Saver {
    fn status(&self) -> SaveStatus {
        if self.problem.is_some() || !self.enabled {
            SaveStatus::NotSaved
        } else if self.unsaved || self.in_flight {
            SaveStatus::Saving
        } else {
            SaveStatus::Saved
        }
    }
}

/// Tells the toolbar how saving stands.
fn report(saver: &Shared) {
    let s = saver.borrow();
    let (onstatus, status) = (s.onstatus.clone(), s.status());
    drop(s);
    onstatus.emit(status);
}

type Shared = Rc<RefCell<Saver>>;

/// Shows (or clears) why saving fails; `None` after a good save.
fn set_problem(saver: &Shared, state: &StateHandle, problem: Option<StorageError>) {
    let mut s = saver.borrow_mut();
    if s.problem == problem {
        return;
    }
    let recovered = s.problem.is_some() && problem.is_none();
    s.problem = problem.clone();
    drop(s);
    report(saver);
    state.dispatch(HealthAction::StorageProblem(problem));
    if recovered {
        state.dispatch(FeedbackAction::Notify(Notice::info("Saved in this browser again.")));
    }
}

/// After a save reached the disk: clears a problem, asks for persistent storage once and
/// warns when the quota fills up.
fn saved(saver: &Shared, state: &StateHandle) {
    saver.borrow_mut().in_flight = false;
    set_problem(saver, state, None);
    report(saver);
    let first = !std::mem::replace(&mut saver.borrow_mut().asked_persist, true);
    let (saver, state) = (saver.clone(), state.clone());
    yew::platform::spawn_local(async move {
        if first {
            state.dispatch(HealthAction::Persisted(storage::quota::persist().await));
        }
        let Some(used) = storage::quota::used_share().await else { return };
        let pct = (used >= WARN_AT).then(|| (used * 100.0).round().min(100.0) as u8);
        let changed = {
            let mut s = saver.borrow_mut();
            std::mem::replace(&mut s.warned_pct, pct) != pct
        };
        if changed {
            state.dispatch(HealthAction::StorageUsage(pct));
        }
    });
}

fn flush(saver: &Shared, state: &StateHandle) {
    let (editor, revision, marks, timing) = {
        let mut s = saver.borrow_mut();
        s.timer = None;
        if !s.enabled || !std::mem::take(&mut s.unsaved) {
            drop(s);
            report(saver);
            return;
        }
        let editor = s.editor.clone();
        // All of a save's main-thread work, noting this tab's changes included (`make bench`).
        let timing = dom::perf::start("save");
        s.sync.observe(editor.workspace(), &dom::now_iso());
        // Storage already holds exactly this (e.g. another tab's save, taken unchanged).
        if s.sync.holds(editor.workspace()) {
            drop(s);
            report(saver);
            return;
        }
        s.revision += 1;
        (editor, s.revision, s.sync.marks().clone(), timing)
    };
    let doc_id = saver.borrow().doc_id;
    let result = storage::with(|lib| lib.save(doc_id, editor.workspace(), revision, &marks))
        .unwrap_or(Err(LibraryError::Store(annotator_core::library::StoreError::Unavailable)));
    if result.is_err() {
        dom::perf::mark("save:failed");
    }
    let mut s = saver.borrow_mut();
    match result {
        Ok(()) => {
            s.sync.wrote(editor.workspace().clone());
            drop(s);
            timing.end();
            // IndexedDB says later whether the commit reached the disk (`Event::Saved`).
            if storage::idb().is_none() {
                saved(saver, state);
            } else {
                saver.borrow_mut().in_flight = true;
                report(saver);
            }
        }
        Err(e) => {
            // Retried on the next change; the in-memory state is untouched.
            s.revision -= 1;
            s.unsaved = true;
            drop(s);
            timing.end();
            set_problem(saver, state, Some(library_error(&e)));
        }
    }
}

/// Another tab saved document `id` (or deleted it): join its save with this tab's state.
fn their_save(saver: &Shared, state: &StateHandle, id: AnnotationId) {
    catch_up(saver, state);
    if saver.borrow().doc_id != id || !saver.borrow().enabled {
        return; // another document: the Library lists it when opened
    }
    storage::with(|lib| lib.forget(id));
    let Some(Ok(remote)) = storage::with(|lib| lib.load(id)) else {
        // Deleted in the other tab while open here: kept here, and saved again whole.
        schedule(saver, state);
        return;
    };
    let mut s = saver.borrow_mut();
    // Joining is order-free, so even a save older than this tab's own is taken in: it may
    // hold changes this tab never saw.
    s.revision = s.revision.max(remote.revision);
    let local = s.editor.workspace().clone();
    let joined = s.sync.received(remote.workspace, &remote.marks, &local, &dom::now_iso());
    drop(s);
    if joined == local {
        // Nothing new here, but storage may lack what this tab has: save it again.
        schedule(saver, state);
        return;
    }
    let their_text = joined.document.text() != local.document.text();
    state.dispatch(DocAction::Sync { workspace: joined, against: Some(local) });
    if their_text {
        state.dispatch(FeedbackAction::Notify(Notice::info(
            "Another tab changed this article's text; this tab now shows its version, with this tab's annotations moved onto it.",
        )));
    }
}

fn on_store_event(saver: &Shared, state: &StateHandle, event: Event) {
    match event {
        Event::Saved => saved(saver, state),
        Event::Failed(e) => {
            saver.borrow_mut().in_flight = false;
            set_problem(saver, state, Some(storage::store_error(&e)));
        }
        Event::Changed(ids) => {
            let open = saver.borrow().doc_id;
            if ids.contains(&open) {
                their_save(saver, state, open);
            }
        }
        Event::Closed => {
            flush(saver, state);
            saver.borrow_mut().enabled = false;
            set_problem(saver, state, Some(StorageError::Closed));
            report(saver);
        }
    }
}

/// Saves ~300 ms after the last change and whenever the page goes away; joins saves
/// made by other tabs; returns how saving stands (kept out of the reducer: it changes on
/// every save, and only the toolbar shows it).
#[hook]
pub fn use_autosave(state: StateHandle) -> SaveStatus {
    let status = {
        let ok = state.can_save() && state.health.storage_problem.is_none();
        use_state_eq(move || if ok { SaveStatus::Saved } else { SaveStatus::NotSaved })
    };
    let onstatus = {
        let status = status.clone();
        Callback::from(move |s| status.set(s))
    };
    let saver: Shared = {
        let state = state.clone();
        use_mut_ref(move || Saver {
            doc_id: state.session.doc_id,
            editor: state.session.editor.clone(),
            sync: tab_sync(&state),
            revision: state.session.loaded_revision,
            unsaved: false,
            enabled: state.can_save(),
            timer: None,
            problem: state.health.storage_problem.clone(),
            warned_pct: None,
            asked_persist: false,
            in_flight: false,
            onstatus,
        })
    };
    {
        let (saver, state) = (saver.clone(), state.clone());
        use_effect_with((), move |_| {
            let on_hide = {
                let (saver, state) = (saver.clone(), state.clone());
                move |_: &web_sys::Event| {
                    catch_up(&saver, &state);
                    flush(&saver, &state);
                    if let Some(idb) = storage::idb() {
                        idb.journal();
                    }
                }
            };
            // Leaving while writes too large for the journal are still on their way (an
            // import of books, say): the browser asks the person first.
            let on_leave = {
                let (saver, state) = (saver.clone(), state.clone());
                move |e: &web_sys::Event| {
                    catch_up(&saver, &state);
                    flush(&saver, &state);
                    if storage::idb().is_some_and(|idb| !idb.journal()) {
                        e.prevent_default();
                    }
                }
            };
            if let Some(idb) = storage::idb() {
                let (saver, state) = (saver.clone(), state.clone());
                idb.set_listener(move |event| on_store_event(&saver, &state, event));
            }
            let window = gloo::utils::window();
            let listeners = [
                EventListener::new(&window, "pagehide", on_hide.clone()),
                EventListener::new_with_options(
                    &window,
                    "beforeunload",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    on_leave,
                ),
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |e| {
                    if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                        on_hide(e);
                    }
                }),
                // Without IndexedDB, the library is in `localStorage`: its meta record is
                // written last, so its event means the whole save is there.
                EventListener::new(&window, "storage", move |e| {
                    let e: &StorageEvent = e.unchecked_ref();
                    if let Some(id) = e.key().and_then(|k| id_after(&k, META_PREFIX)) {
                        their_save(&saver, &state, id);
                    }
                }),
            ];
            move || drop(listeners)
        });
    }
    use_effect_with(state.revision(), move |_| catch_up(&saver, &state));
    *status
}

/// Brings `saver` up to this tab's latest state, and schedules its save. The reducer holds
/// an edit as soon as it is dispatched, effects only after the render that follows, which
/// a slow frame delays: a tab closed, or another tab's save joined, in between must still
/// have the edit (`state` is read at the time of the call, not of its render).
fn catch_up(saver: &Shared, state: &StateHandle) {
    if saver.borrow().doc_id != state.session.doc_id {
        // Another document was opened: finish saving the previous one first, unless it
        // was just deleted.
        if state.session.deleted_doc != Some(saver.borrow().doc_id) {
            flush(saver, state);
        }
        let mut s = saver.borrow_mut();
        s.doc_id = state.session.doc_id;
        s.sync = tab_sync(state);
        s.revision = state.session.loaded_revision;
        drop(s);
        storage::with(|lib| lib.set_current(state.session.doc_id));
    }
    if Rc::ptr_eq(&saver.borrow().editor, &state.session.editor) {
        return;
    }
    saver.borrow_mut().editor = state.session.editor.clone();
    // Revision 0 is what was just loaded; saving it again would be wasted work.
    if state.revision() > 0 {
        schedule(saver, state);
    }
}

/// What tab sync starts from for the open document: what was loaded, if it was saved.
fn tab_sync(state: &StateHandle) -> TabSync {
    let marks = || storage::with(|lib| lib.marks(state.session.doc_id)).unwrap_or_default();
    let stored = state.session.doc_from_storage.then(|| (state.workspace().clone(), marks()));
    TabSync::new(state.workspace(), stored)
}

/// Saves in `DEBOUNCE_MS`, unless something else changes first.
fn schedule(saver: &Shared, state: &StateHandle) {
    let (saver2, state) = (saver.clone(), state.clone());
    let mut s = saver.borrow_mut();
    s.unsaved = true;
    s.timer = Some(Timeout::new(DEBOUNCE_MS, move || flush(&saver2, &state)));
    drop(s);
    report(saver);
}

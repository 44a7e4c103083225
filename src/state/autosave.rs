//! Saving and tab sync. Saves are debounced after each change and flushed when the page
//! is hidden or closed. Another tab's save arrives as a `storage` event and is joined with
//! this tab's state (core `TabSync`), so annotations made in either tab survive.

use std::cell::RefCell;
use std::rc::Rc;

use annotator_core::{AnnotationId, Editor, TabSync};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

use super::{Action, Notice, StateHandle};
use crate::dom;
use crate::storage::{self, StorageError};

const DEBOUNCE_MS: u32 = 300;
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
}

type Shared = Rc<RefCell<Saver>>;

fn report(saver: &Shared, state: &StateHandle, result: Result<(), StorageError>) {
    let mut s = saver.borrow_mut();
    match result {
        Ok(()) => {
            if s.problem.take().is_some() {
                state.dispatch(Action::StorageProblem(None));
                state.dispatch(Action::Notify(Notice::info("Saved in this browser again.")));
            }
            let used = storage::usage();
            let pct = (used >= WARN_AT).then(|| (used * 100.0).round().min(100.0) as u8);
            if pct != s.warned_pct {
                s.warned_pct = pct;
                state.dispatch(Action::StorageUsage(pct));
            }
        }
        Err(e) => {
            if s.problem.as_ref() != Some(&e) {
                s.problem = Some(e.clone());
                state.dispatch(Action::StorageProblem(Some(e)));
            }
        }
    }
}

fn flush(saver: &Shared, state: &StateHandle) {
    let (editor, revision, marks) = {
        let mut s = saver.borrow_mut();
        s.timer = None;
        if !s.enabled || !std::mem::take(&mut s.unsaved) {
            return;
        }
        let editor = s.editor.clone();
        s.sync.observe(editor.workspace(), &dom::now_iso());
        // Storage already holds exactly this (e.g. another tab's save, taken unchanged).
        if s.sync.holds(editor.workspace()) {
            return;
        }
        s.revision += 1;
        (editor, s.revision, s.sync.marks().clone())
    };
    let doc_id = saver.borrow().doc_id;
    let result = dom::perf::measure("save", || storage::save(doc_id, editor.workspace(), revision, &marks));
    if result.is_err() {
        dom::perf::mark("save:failed");
    }
    {
        let mut s = saver.borrow_mut();
        if result.is_ok() {
            s.sync.wrote(editor.workspace().clone());
        } else {
            // Retried on the next change; the in-memory state is untouched.
            s.revision -= 1;
            s.unsaved = true;
        }
    }
    report(saver, state, result);
}

fn on_storage_event(saver: &Shared, state: &StateHandle, e: &StorageEvent) {
    if e.key() != Some(storage::doc_key(saver.borrow().doc_id)) {
        return; // another document (or setting): the library lists it when opened
    }
    let Some(Ok(remote)) = e.new_value().map(|raw| storage::parse(&raw)) else { return };
    let mut s = saver.borrow_mut();
    if !s.enabled {
        return;
    }
    // Joining is order-free, so even a save older than this tab's own is taken in: it may
    // hold changes this tab never saw.
    s.revision = s.revision.max(remote.revision.unwrap_or(0));
    let marks = storage::load_marks(s.doc_id);
    let local = s.editor.workspace().clone();
    let joined = s.sync.received(remote.workspace, &marks, &local, &dom::now_iso());
    drop(s);
    if joined == local {
        // Nothing new here, but storage may lack what this tab has: save it again.
        schedule(saver, state);
        return;
    }
    let their_text = joined.document.text() != local.document.text();
    state.dispatch(Action::Sync { workspace: joined, against: Some(local) });
    if their_text {
        state.dispatch(Action::Notify(Notice::info(
            "Another tab changed this article's text; this tab now shows its version, with this tab's annotations moved onto it.",
        )));
    }
}

/// Saves ~300 ms after the last change and whenever the page goes away; joins saves
/// made by other tabs.
#[hook]
pub fn use_autosave(state: StateHandle) {
    let saver: Shared = {
        let state = state.clone();
        use_mut_ref(move || Saver {
            doc_id: state.doc_id,
            editor: state.editor.clone(),
            sync: tab_sync(&state),
            revision: state.loaded_revision,
            unsaved: false,
            enabled: state.can_save(),
            timer: None,
            problem: None,
            warned_pct: None,
        })
    };
    {
        let (saver, state) = (saver.clone(), state.clone());
        use_effect_with((), move |_| {
            let on_hide = {
                let (saver, state) = (saver.clone(), state.clone());
                move |_: &Event| flush(&saver, &state)
            };
            let window = gloo::utils::window();
            let listeners = [
                EventListener::new(&window, "pagehide", on_hide.clone()),
                EventListener::new(&gloo::utils::document(), "visibilitychange", move |e| {
                    if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                        on_hide(e);
                    }
                }),
                EventListener::new(&window, "storage", move |e| {
                    on_storage_event(&saver, &state, e.unchecked_ref());
                }),
            ];
            move || drop(listeners)
        });
    }
    use_effect_with(state.revision, move |revision| {
        if saver.borrow().doc_id != state.doc_id {
            // Another document was opened: finish saving the previous one first, unless it
            // was just deleted.
            if state.deleted_doc != Some(saver.borrow().doc_id) {
                flush(&saver, &state);
            }
            let mut s = saver.borrow_mut();
            s.doc_id = state.doc_id;
            s.sync = tab_sync(&state);
            s.revision = state.loaded_revision;
            storage::set_current(state.doc_id);
        }
        saver.borrow_mut().editor = state.editor.clone();
        // Revision 0 is what was just loaded; saving it again would be wasted work.
        if *revision > 0 {
            schedule(&saver, &state);
        }
    });
}

/// What tab sync starts from for the open document: what was loaded, if it was saved.
fn tab_sync(state: &StateHandle) -> TabSync {
    let stored =
        state.doc_from_storage.then(|| (state.workspace().clone(), storage::load_marks(state.doc_id)));
    TabSync::new(state.workspace(), stored)
}

/// Saves in `DEBOUNCE_MS`, unless something else changes first.
fn schedule(saver: &Shared, state: &StateHandle) {
    let (saver2, state) = (saver.clone(), state.clone());
    let mut s = saver.borrow_mut();
    s.unsaved = true;
    s.timer = Some(Timeout::new(DEBOUNCE_MS, move || flush(&saver2, &state)));
}

//! Saving: debounced after each change, and flushed when the page is hidden or closed
//! so that the last edit before closing a tab is not lost.

use std::cell::RefCell;
use std::rc::Rc;

use annotator_core::Editor;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::{Action, Notice, StateHandle};
use crate::storage;

const DEBOUNCE_MS: u32 = 300;

#[derive(Default)]
struct Saver {
    unsaved: Option<Rc<Editor>>,
    timer: Option<Timeout>,
    /// Whether the last attempt failed, so that success can be announced once.
    failing: bool,
}

fn flush(saver: &RefCell<Saver>, state: &StateHandle) {
    let Some(editor) = saver.borrow_mut().unsaved.take() else {
        return;
    };
    let result = storage::save(editor.workspace());
    let mut s = saver.borrow_mut();
    match result {
        Ok(()) if s.failing => {
            s.failing = false;
            state.dispatch(Action::Notify(Notice::info("Saved in this browser again.")));
        }
        Ok(()) => {}
        Err(e) if !s.failing => {
            s.failing = true;
            state.dispatch(Action::Notify(Notice::error(e)));
        }
        Err(_) => {}
    }
}

/// Saves the workspace ~300 ms after the last change and whenever the page goes away.
#[hook]
pub fn use_autosave(state: StateHandle) {
    let saver = use_mut_ref(Saver::default);
    {
        let (saver, state) = (saver.clone(), state.clone());
        use_effect_with((), move |_| {
            let on_hide = {
                let (saver, state) = (saver.clone(), state.clone());
                move |_: &Event| flush(&saver, &state)
            };
            let document = gloo::utils::document();
            let listeners = [
                EventListener::new(&gloo::utils::window(), "pagehide", on_hide.clone()),
                EventListener::new(&document, "visibilitychange", move |e| {
                    if gloo::utils::document().visibility_state()
                        == web_sys::VisibilityState::Hidden
                    {
                        on_hide(e);
                    }
                }),
            ];
            move || drop(listeners)
        });
    }
    use_effect_with(state.revision, move |revision| {
        // Revision 0 is what was just loaded; saving it again would be wasted work.
        if *revision > 0 {
            let mut s = saver.borrow_mut();
            s.unsaved = Some(state.editor.clone());
            let (saver2, state) = (saver.clone(), state.clone());
            s.timer = Some(Timeout::new(DEBOUNCE_MS, move || flush(&saver2, &state)));
        }
    });
}

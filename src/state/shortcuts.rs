//! Keyboard shortcuts that work anywhere on the page except while typing in a field.

use annotator_core::Tag;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::{Action, StateHandle};
use crate::dom;

fn typing_in_a_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn action_for(e: &KeyboardEvent) -> Option<Action> {
    let key = e.key();
    let command = e.ctrl_key() || e.meta_key();
    if command && !e.alt_key() {
        return match key.to_lowercase().as_str() {
            "z" if e.shift_key() => Some(Action::Redo),
            "z" => Some(Action::Undo),
            "y" => Some(Action::Redo),
            _ => None,
        };
    }
    if e.alt_key() || command {
        return None;
    }
    match key.as_str() {
        "Escape" => Some(Action::SelectText(None)),
        "Delete" | "Backspace" => Some(Action::DeleteSelected),
        _ => Tag::from_shortcut(&key).map(|tag| Action::TagSelection {
            tag,
            id: dom::random_id(),
            now: dom::now_iso(),
        }),
    }
}

/// `1`/`2`/`3` (or `c`/`s`/`e`) tag the selection; Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo
/// and redo; Delete removes the selected annotation; Escape drops the selection.
#[hook]
pub fn use_shortcuts(state: StateHandle) {
    use_effect_with((), move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
                let e: &KeyboardEvent = e.unchecked_ref();
                if typing_in_a_field(e) {
                    return;
                }
                if let Some(action) = action_for(e) {
                    // The handle captured here is a snapshot from the first render, so it is
                    // never read: the reducer ignores a tag when nothing is selected.
                    let tagging = matches!(action, Action::TagSelection { .. });
                    e.prevent_default();
                    state.dispatch(action);
                    if tagging {
                        dom::clear_selection();
                    }
                }
            });
        move || drop(listener)
    });
}

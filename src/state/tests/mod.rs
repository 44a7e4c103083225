//! The reducer, one file per action group. Positions are found in the sample text by
//! what they say, never counted by hand, so that a change of the sample breaks loudly.

mod edit;
mod session;
mod status;
mod ui;

use std::rc::Rc;

use annotator_core::AnnotationId;
use yew::Reducible;

use super::*;

fn id(n: u8) -> AnnotationId {
    AnnotationId::from_random_bytes([n; 16])
}

/// A time, later for a larger `n`.
fn now(n: u8) -> String {
    format!("2026-01-01T00:00:{n:02}Z")
}

/// The sample article, open and saved nowhere, snapping selections to words.
fn fresh() -> State {
    State::new(id(1), State::sample(), true)
}

/// The code points `needle` covers in the sample text (its first occurrence).
fn span(needle: &str) -> (usize, usize) {
    let byte = SAMPLE_TEXT.find(needle).unwrap_or_else(|| panic!("“{needle}” is in the sample"));
    let start = SAMPLE_TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn reduce(state: State, action: impl Into<Action>) -> State {
    Rc::unwrap_or_clone(Rc::new(state).reduce(action.into()))
}

/// Selects `needle` with the mouse.
fn select(state: State, needle: &str) -> State {
    let (start, end) = span(needle);
    reduce(state, UiAction::SelectText(Some((start, end, 0.0, 0.0))))
}

/// Selects `needle` and presses tag key `key`, making annotation `n`.
fn tagged(state: State, needle: &str, key: &str, n: u8) -> State {
    let selected = select(state, needle);
    reduce(selected, EditAction::Hotkey { key: key.into(), id: id(n), now: now(n) })
}

/// The quotes of the annotations, in order.
fn quotes(state: &State) -> Vec<String> {
    state.workspace().annotations().iter().map(|a| a.exact.clone()).collect()
}

//! How components reach the state: the handle `App` provides, and callbacks that dispatch.

use yew::prelude::*;

use super::{Action, State};

/// The state handle every component reads and dispatches to.
pub type StateHandle = UseReducerHandle<State>;

/// A callback that turns its event into an action and dispatches it.
pub fn callback<E: 'static>(state: &StateHandle, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
    let dispatcher = state.dispatcher();
    Callback::from(move |e: E| dispatcher.dispatch(f(e)))
}

/// Gets the state from the context `App` provides.
#[hook]
pub fn use_app_state() -> StateHandle {
    use_context::<StateHandle>().expect("components are rendered inside App")
}

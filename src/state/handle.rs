//! How components reach the state: the handle `App` provides, and callbacks that dispatch.

use annotator_core::AnnotationId;
use yew::prelude::*;

use super::{Action, State};
use crate::dom;

/// The state handle every component reads (it derefs to [`State`]) and dispatches to.
#[derive(Clone, PartialEq)]
pub struct StateHandle(UseReducerHandle<State>);

impl StateHandle {
    pub fn new(handle: UseReducerHandle<State>) -> Self {
        Self(handle)
    }

    /// Dispatches an action of any group.
    pub fn dispatch(&self, action: impl Into<Action>) {
        self.0.dispatch(action.into());
    }

    /// Dispatches from where the handle cannot go (it outlives renders).
    pub fn dispatcher(&self) -> UseReducerDispatcher<State> {
        self.0.dispatcher()
    }
}

impl std::ops::Deref for StateHandle {
    type Target = State;

    fn deref(&self) -> &State {
        &self.0
    }
}

/// A callback that turns its event into an action and dispatches it.
pub fn callback<E: 'static, A: Into<Action>>(
    state: &StateHandle,
    f: impl Fn(E) -> A + 'static,
) -> Callback<E> {
    let dispatcher = state.dispatcher();
    Callback::from(move |e: E| dispatcher.dispatch(f(e).into()))
}

/// What an action that changes the workspace needs from the world, taken when it is
/// dispatched (the reducer itself stays pure): the time, and an id for whatever it makes.
pub struct Stamp {
    /// A fresh v4 id, for an annotation the action may create.
    pub id: AnnotationId,
    /// Now, as RFC 3339.
    pub now: String,
}

impl Stamp {
    /// The time and a fresh id, now.
    pub fn take() -> Self {
        Self { id: dom::random_id(), now: dom::now_iso() }
    }
}

/// A callback that turns its event and a [`Stamp`] into an action and dispatches it: the
/// one place components get ids and times.
pub fn stamped<E: 'static, A: Into<Action>>(
    state: &StateHandle,
    f: impl Fn(E, Stamp) -> A + 'static,
) -> Callback<E> {
    let dispatcher = state.dispatcher();
    Callback::from(move |e: E| dispatcher.dispatch(f(e, Stamp::take()).into()))
}

/// Gets the state from the context `App` provides.
#[hook]
pub fn use_app_state() -> StateHandle {
    use_context::<StateHandle>().expect("components are rendered inside App")
}

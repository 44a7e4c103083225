//! The whole page: loads saved work (or the sample), provides the state, wires the
//! keyboard, saving and file drops.

use yew::prelude::*;

use super::article::Article;
use super::files::open_file;
use super::load_dialog::LoadDialog;
use super::notice::NoticeBanner;
use super::sidebar::Sidebar;
use super::tag_picker::TagPicker;
use super::toolbar::Toolbar;
use crate::dom;
use crate::state::{Action, Notice, State, StateHandle, callback, use_autosave, use_shortcuts};
use crate::storage;

const SNAP_PREF: &str = "snap_words";

fn initial_state() -> State {
    let snap = storage::load_pref(SNAP_PREF)
        .and_then(|v| v.as_bool())
        .unwrap_or(true);
    match storage::load() {
        Ok(Some(ws)) => State::new(ws, snap, None),
        Ok(None) => State::new(State::sample(), snap, None),
        Err(e) => State::new(State::sample(), snap, Some(Notice::error(e))),
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let dialog_open = use_state(|| false);
    use_autosave(state.clone());
    use_shortcuts(state.clone());
    use_effect_with(state.snap_words, |snap| {
        storage::save_pref(SNAP_PREF, (*snap).into())
    });
    // A tagged or dropped selection must not stay highlighted by the browser.
    use_effect_with(state.pending.is_some(), |pending| {
        if !pending {
            dom::clear_selection();
        }
    });

    let ondrop = {
        let state = state.clone();
        move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                open_file(file, None, state.clone());
            }
        }
    };
    let ontag = callback(&state, |tag| Action::TagSelection {
        tag,
        id: dom::random_id(),
        now: dom::now_iso(),
    });
    let set_dialog = |open: bool| {
        let dialog_open = dialog_open.clone();
        Callback::from(move |_| dialog_open.set(open))
    };

    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <div class="app" ondragover={|e: DragEvent| e.prevent_default()} {ondrop}>
                <Toolbar onnew={set_dialog(true)} />
                <NoticeBanner />
                <div class="workspace">
                    <Article />
                    <Sidebar />
                </div>
                if let Some(p) = &state.pending {
                    <TagPicker x={p.x} y={p.y} {ontag} />
                }
                if *dialog_open {
                    <LoadDialog onclose={set_dialog(false)} />
                }
            </div>
        </ContextProvider<StateHandle>>
    }
}

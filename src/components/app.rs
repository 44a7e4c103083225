//! The whole page: opens the library (or the sample), provides the state, wires the
//! keyboard, saving and file drops.

use std::rc::Rc;

use yew::prelude::*;

use super::article::Article;
use super::drop_target::DropTarget;
use super::files::open_file;
use super::help::Help;
use super::library::Library;
use super::load_dialog::{DialogMode, LoadDialog};
use super::minimap::Minimap;
use super::notice::NoticeBanner;
use super::sidebar::Sidebar;
use super::storage_banner::StorageBanner;
use super::tag_picker::TagPicker;
use super::tags_dialog::TagsDialog;
use super::toolbar::Toolbar;
use crate::dom;
use crate::state::{
    Action, SaveStatus, State, StateHandle, callback, use_autosave, use_restore, use_shortcuts,
};
use crate::storage::{self, Boot};

const SNAP_PREF: &str = "snap_words";

fn initial_state(boot: &Boot) -> State {
    let snap = storage::load_pref(SNAP_PREF).and_then(|v| v.as_bool()).unwrap_or(true);
    let opened = &boot.opened;
    let problems: Vec<_> = boot.problems.iter().chain(&opened.problems).cloned().collect();
    let found = storage::problem_of(&problems);
    let loaded = opened.loaded.as_ref();
    let workspace = loaded.map_or_else(State::sample, |l| l.workspace.clone());
    let mut state = State::new(opened.id, workspace, snap);
    state.doc_from_storage = loaded.is_some();
    state.loaded_revision = loaded.map_or(0, |l| l.revision);
    state.storage_problem = found.saving;
    state.data_problem = found.data;
    state.storage_downloads = found.downloads;
    state
}

/// What start-up found, shared (compared by identity).
#[derive(Clone)]
struct Booted(Rc<Boot>);

impl PartialEq for Booted {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Opens the library (IndexedDB is asynchronous), then draws the page.
#[function_component]
pub fn App() -> Html {
    let boot = use_state(|| None::<Booted>);
    {
        let boot = boot.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                // The sample has a fixed id, so that tabs opened before anything was saved share it.
                boot.set(Some(Booted(Rc::new(storage::boot(State::sample_id()).await))));
            });
        });
    }
    match &*boot {
        Some(boot) => html! { <Page boot={boot.clone()} /> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct PageProps {
    boot: Booted,
}

#[function_component]
fn Page(props: &PageProps) -> Html {
    let state = {
        let boot = props.boot.0.clone();
        use_reducer(move || initial_state(&boot))
    };
    let dialog = use_state(|| None::<DialogMode>);
    // Held here, not in the reducer: it changes on every save, and only the toolbar shows it.
    let save_status = {
        let ok = state.can_save() && state.storage_problem.is_none();
        use_state_eq(move || if ok { SaveStatus::Saved } else { SaveStatus::NotSaved })
    };
    use_autosave(state.clone(), {
        let save_status = save_status.clone();
        Callback::from(move |status| save_status.set(status))
    });
    use_restore(state.clone());
    let onhelp = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(Some(DialogMode::Help)))
    };
    use_shortcuts(state.clone(), onhelp);
    use_effect_with(state.workspace().tagset.clone(), |tags| {
        dom::theme::apply_tag_css(&dom::theme::tag_css(tags))
    });
    // The browser tab says which article is open.
    use_effect_with(state.workspace().document.title().to_owned(), |title| dom::set_page_title(title));
    use_effect_with(state.snap_words, |snap| storage::save_pref(SNAP_PREF, (*snap).into()));
    // A tagged or dropped selection must not stay highlighted by the browser.
    use_effect_with(state.pending.is_some(), |pending| {
        if !pending {
            dom::clear_selection();
        }
    });

    // The toolbar and messages stay at the top; the sidebar and minimap sit just below them.
    let top = use_node_ref();
    {
        let top = top.clone();
        use_effect_with((), move |_| {
            let tracking = top
                .cast::<web_sys::Element>()
                .and_then(|el| dom::track_top_height(&el, ".sidebar, .minimap, .find"));
            move || drop(tracking)
        });
    }

    let ondrop = {
        let state = state.clone();
        move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                open_file(file, None, state.clone());
            }
        }
    };
    let ontag =
        callback(&state, |tag| Action::TagSelection { tag, id: dom::random_id(), now: dom::now_iso() });
    let set_dialog = |mode: Option<DialogMode>| {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(mode))
    };

    html! {
        <ContextProvider<StateHandle> context={state.clone()}>
            <div class="app" ondragover={|e: DragEvent| e.prevent_default()} {ondrop}>
                <a class="skip" href="#article-text">{ "Skip to the article" }</a>
                <div class="top" ref={top}>
                    <Toolbar onnew={set_dialog(Some(DialogMode::New))} onupdate={set_dialog(Some(DialogMode::Update))}
                        onlibrary={set_dialog(Some(DialogMode::Library))} ontags={set_dialog(Some(DialogMode::Tags))}
                        onhelp={set_dialog(Some(DialogMode::Help))} save_status={*save_status} />
                    <StorageBanner />
                    <NoticeBanner />
                </div>
                <div class="workspace">
                    <Article />
                    <Minimap />
                    <Sidebar />
                </div>
                <DropTarget />
                if let Some(p) = &state.pending {
                    <TagPicker x={p.x} y={p.y} {ontag} />
                }
                <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
                    // A no-break space on every other message: saying the same thing twice is heard twice.
                    { format!("{}{}", state.announcement.1, if state.announcement.0 % 2 == 1 { "\u{a0}" } else { "" }) }
                </div>
                if *dialog == Some(DialogMode::Library) {
                    <Library onclose={set_dialog(None)} />
                } else if *dialog == Some(DialogMode::Tags) {
                    <TagsDialog onclose={set_dialog(None)} />
                } else if *dialog == Some(DialogMode::Help) {
                    <Help onclose={set_dialog(None)} />
                } else if let Some(mode) = *dialog {
                    <LoadDialog {mode} onclose={set_dialog(None)} />
                }
            </div>
        </ContextProvider<StateHandle>>
    }
}

//! The whole page: opens the library (or the sample), provides the state, wires the
//! keyboard, saving and file drops.

use yew::prelude::*;

use super::article::Article;
use super::dialogs::Dialogs;
use super::drop_target::DropTarget;
use super::load_dialog::DialogMode;
use super::minimap::Minimap;
use super::notice::NoticeBanner;
use super::sidebar::Sidebar;
use super::storage_banner::StorageBanner;
use super::tag_picker::TagPicker;
use super::toolbar::Toolbar;
use crate::dom;
use crate::effects::boot::{Booted, initial_state, use_boot};
use crate::effects::files::{open_file, use_pending_export};
use crate::effects::prefs::review_url;
use crate::effects::prefs::{use_saved_author, use_saved_snap};
use crate::effects::{use_autosave, use_restore, use_shortcuts, use_suggestions};
use crate::state::{EditAction, StateHandle, stamped};
use annotator_core::formats::Format;

/// Opens the library (IndexedDB is asynchronous), then draws the page.
#[function_component]
pub fn App() -> Html {
    match use_boot() {
        Some(boot) => html! { <Page {boot} /> },
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
        let boot = props.boot.clone();
        StateHandle::new(use_reducer(move || initial_state(&boot)))
    };
    let dialog = use_state(|| None::<DialogMode>);
    let save_status = use_autosave(state.clone());
    use_restore(state.clone());
    use_pending_export(state.clone());
    let onhelp = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(Some(DialogMode::Help)))
    };
    let onsearch = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(Some(DialogMode::Search)))
    };
    use_shortcuts(state.clone(), onhelp, onsearch);
    use_suggestions(state.clone());
    use_effect_with(state.workspace().tagset().clone(), |tags| {
        dom::theme::apply_tag_css(&dom::theme::tag_css(tags))
    });
    // The browser tab says which article is open.
    use_effect_with(state.workspace().document.title().to_owned(), |title| dom::set_page_title(title));
    use_saved_snap(state.ui.snap_words);
    use_saved_author(state.session.editor.author().cloned(), state.ui.name_asked);
    // A tagged or dropped selection must not stay highlighted by the browser.
    use_effect_with(state.ui.pending.is_some(), |pending| {
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
    let ontag = stamped(&state, |tag, at| EditAction::TagSelection { tag, id: at.id, now: at.now });
    // The first export, when the person's work first leaves the browser, asks for their name.
    let onask = {
        let (dialog, state) = (dialog.clone(), state.clone());
        Callback::from(move |format| {
            let review = format == Format::ClaimReview && review_url(state.session.doc_id).is_none();
            dialog.set(Some(if review { DialogMode::Review } else { DialogMode::Name(Some(format)) }))
        })
    };
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
                        onhelp={set_dialog(Some(DialogMode::Help))} onname={set_dialog(Some(DialogMode::Name(None)))} {onask} {save_status}
                        ondetails={set_dialog(Some(DialogMode::Details))} />
                    <StorageBanner />
                    <NoticeBanner />
                </div>
                <div class="workspace">
                    <Article />
                    <Minimap />
                    <Sidebar />
                </div>
                <DropTarget />
                if let Some(p) = &state.ui.pending {
                    <TagPicker x={p.x} y={p.y} tags={state.workspace().tagset().clone()} {ontag} />
                }
                <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
                    // A no-break space on every other message: saying the same thing twice is heard twice.
                    { format!("{}{}", state.feedback.announcement.1, if state.feedback.announcement.0 % 2 == 1 { "\u{a0}" } else { "" }) }
                </div>
                <Dialogs mode={*dialog} onclose={set_dialog(None)} />
            </div>
        </ContextProvider<StateHandle>>
    }
}

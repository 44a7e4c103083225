//! Top bar, in three groups: Article (a menu, and the Library), Edit (Undo, Redo) and
//! View (a menu), then the open article's title and whether it is saved. On a phone it is
//! one row: one menu with everything, Undo and Redo as symbols, and the save state.

use yew::prelude::*;

use super::hooks::use_narrow;
use super::menu::Menu;
use super::toolbar_items::{ArticleItems, ViewItems};
use crate::effects::SaveStatus;
use annotator_core::formats::Format;

use crate::effects::files::{compare_file, export_as, export_workspace, merge_file, open_file};
use crate::effects::prefs::review_url;
use crate::keymap::{self, Command};
use crate::state::{EditAction, UiAction, callback, stamped, use_app_state};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub onnew: Callback<()>,
    pub onupdate: Callback<()>,
    pub onlibrary: Callback<()>,
    pub ontags: Callback<()>,
    pub onhelp: Callback<()>,
    pub onname: Callback<()>,
    /// Called instead of exporting when the person should first be asked for their name
    /// (or, for ClaimReview, where they publish the fact check).
    pub onask: Callback<Format>,
    pub ondetails: Callback<()>,
    pub save_status: SaveStatus,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let state = use_app_state();
    let narrow = use_narrow();
    let editor = &state.session.editor;
    let (undo, redo) = if narrow { ("↶", "↷") } else { ("Undo", "Redo") };
    let edit = html! {
        <div class="group" role="group" aria-label="Edit">
            <button onclick={stamped(&state, |_: MouseEvent, at| EditAction::Undo { now: at.now })} disabled={!editor.can_undo()}
                aria-label="Undo" title="Undo (Ctrl+Z)" aria-keyshortcuts={keymap::aria(Command::Undo)}>{ undo }</button>
            <button onclick={stamped(&state, |_: MouseEvent, at| EditAction::Redo { now: at.now })} disabled={!editor.can_redo()}
                aria-label="Redo" title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-keyshortcuts={keymap::aria(Command::Redo)}>{ redo }</button>
        </div>
    };
    let onsnap = callback(&state, UiAction::SetSnapWords);
    let view = html! {
        <ViewItems snap_words={state.ui.snap_words} {onsnap} ontags={props.ontags.clone()} onhelp={props.onhelp.clone()}
            onname={props.onname.clone()} />
    };
    let onexportas = {
        let (state, onask) = (state.clone(), props.onask.clone());
        Callback::from(move |format| {
            let unnamed = state.session.editor.author().is_none() && !state.ui.name_asked;
            let review = format == Format::ClaimReview && review_url(state.session.doc_id).is_none();
            if unnamed || review {
                onask.emit(format);
            } else {
                export_as(&state, format);
            }
        })
    };
    let onimport = {
        let state = state.clone();
        Callback::from(move |file| open_file(file, None, state.clone()))
    };
    let oncompare = {
        let state = state.clone();
        Callback::from(move |file| compare_file(file, state.clone()))
    };
    let onmerge = {
        let state = state.clone();
        Callback::from(move |file| merge_file(file, state.clone()))
    };
    let title = state.workspace().document.title().to_owned();
    let onexport = {
        let state = state.clone();
        Callback::from(move |()| export_workspace(&state))
    };
    let status = html! {
        <p class="doc-state">
            <span class="bar-title" title={title.clone()}>{ title }</span>
            <SaveState status={props.save_status} {onexport} />
        </p>
    };
    html! {
        <header class={classes!("toolbar", narrow.then_some("narrow"))} role="banner">
            if narrow {
                <Menu id="main-menu" label="Menu">
                    <ArticleItems onnew={props.onnew.clone()} onupdate={props.onupdate.clone()}
                        onimport={onimport.clone()} oncompare={oncompare.clone()} onmerge={onmerge.clone()} onexport={onexportas.clone()} onlibrary={props.onlibrary.clone()}
                        ondetails={props.ondetails.clone()} />
                    <hr />
                    { view }
                </Menu>
                { edit }
            } else {
                <span class="app-name">{ "Article Annotator" }</span>
                <Menu id="article-menu" label="Article">
                    <ArticleItems onnew={props.onnew.clone()} onupdate={props.onupdate.clone()}
                        {onimport} {oncompare} {onmerge} onexport={onexportas} ondetails={props.ondetails.clone()} />
                </Menu>
                <button id="library" onclick={props.onlibrary.reform(|_: MouseEvent| ())}>{ "Library" }</button>
                { edit }
                <Menu id="view-menu" label="View">{ view }</Menu>
            }
            { status }
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct SaveStateProps {
    status: SaveStatus,
    onexport: Callback<()>,
}

/// "Saved", "Saving…", or a button that exports when this browser cannot keep the work.
#[function_component]
fn SaveState(props: &SaveStateProps) -> Html {
    match props.status {
        SaveStatus::Saved => html! {
            <span id="save-state" class="save-state" title="Every change is kept in this browser">{ "Saved" }</span>
        },
        SaveStatus::Saving => html! { <span id="save-state" class="save-state saving">{ "Saving…" }</span> },
        SaveStatus::NotSaved => html! {
            <button id="save-state" class="save-state not-saved" onclick={props.onexport.reform(|_: MouseEvent| ())}
                title="This browser is not keeping your changes: export them to a file">{ "Not saved — export" }</button>
        },
    }
}

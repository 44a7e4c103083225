//! The commands in the toolbar's menus: Article (open, update, import, export) and View.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use annotator_core::formats::Format;

use super::theme_toggle::ThemeToggle;
use crate::effects::files::{export_as, export_workspace, open_file};
use crate::keymap::{self, Command};
use crate::state::{UiAction, use_app_state};

#[derive(Properties, PartialEq)]
pub struct ArticleItemsProps {
    pub onnew: Callback<()>,
    pub onupdate: Callback<()>,
    /// Given when the Library is one of these items (the phone's single menu).
    #[prop_or_default]
    pub onlibrary: Option<Callback<()>>,
}

/// New, Update text, Import, Export JSON and the other formats.
#[function_component]
pub fn ArticleItems(props: &ArticleItemsProps) -> Html {
    let state = use_app_state();
    let onexport = {
        let state = state.clone();
        move |_| export_workspace(&state)
    };
    let onimport = {
        let state = state.clone();
        move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open_file(file, None, state.clone());
            }
            input.set_value(""); // choosing the same file again must fire again
        }
    };
    html! {
        <>
            <button id="new-article" onclick={props.onnew.reform(|_: MouseEvent| ())}>{ "New article…" }</button>
            <button id="update-text" onclick={props.onupdate.reform(|_: MouseEvent| ())}
                title="Paste a new version of this article; annotations move with their text">{ "Update text…" }</button>
            if let Some(onlibrary) = &props.onlibrary {
                <button id="library" onclick={onlibrary.reform(|_: MouseEvent| ())}>{ "Library" }</button>
            }
            <label class="button">{ "Import…" }
                <input id="import-file" type="file" class="visually-hidden" accept=".json,.jsonld,.jsonl,application/json,application/ld+json" onchange={onimport} />
            </label>
            <button id="export" onclick={onexport}>{ "Export JSON" }</button>
            <p class="menu-heading" aria-hidden="true">{ "Export as" }</p>
            { for Format::ALL.into_iter().filter(|f| *f != Format::Native).map(|format| {
                let state = state.clone();
                html! {
                    <button id={format!("export-{}", format.key())} onclick={move |_| export_as(&state, format)}
                        aria-label={format!("Export as {}", format.label())}>
                        { format.label() }
                    </button>
                }
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewItemsProps {
    pub ontags: Callback<()>,
    pub onhelp: Callback<()>,
}

/// Snap to words, the theme, the tag set and the list of shortcuts.
#[function_component]
pub fn ViewItems(props: &ViewItemsProps) -> Html {
    let state = use_app_state();
    let onsnap = {
        let state = state.clone();
        move |e: Event| {
            state.dispatch(UiAction::SetSnapWords(e.target_unchecked_into::<HtmlInputElement>().checked()))
        }
    };
    html! {
        <>
            <label class="toggle">
                <input id="snap-words" type="checkbox" checked={state.ui.snap_words} onchange={onsnap} />
                { " Snap to words" }
            </label>
            <ThemeToggle />
            <button id="tags" onclick={props.ontags.reform(|_: MouseEvent| ())}>{ "Tags…" }</button>
            <button id="help" onclick={props.onhelp.reform(|_: MouseEvent| ())} title="Keyboard shortcuts (?)"
                aria-keyshortcuts={keymap::aria(Command::Help)}>{ "Shortcuts" }</button>
        </>
    }
}

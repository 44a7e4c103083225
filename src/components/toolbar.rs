//! Top bar: open, import, export, undo/redo, word snapping.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use annotator_core::formats::Format;

use super::files::{export_as, export_workspace, open_file};
use super::theme_toggle::ThemeToggle;
use crate::dom;
use crate::state::{Action, callback, use_app_state};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub onnew: Callback<()>,
    pub onupdate: Callback<()>,
    pub onlibrary: Callback<()>,
    pub ontags: Callback<()>,
    pub onhelp: Callback<()>,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
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
    let onsnap = {
        let state = state.clone();
        move |e: Event| {
            state.dispatch(Action::SetSnapWords(e.target_unchecked_into::<HtmlInputElement>().checked()))
        }
    };
    let editor = &state.editor;
    let menu = use_node_ref();
    html! {
        <header class="toolbar" role="banner">
            <span class="app-name">{ "Article Annotator" }</span>
            <button id="library" onclick={props.onlibrary.reform(|_: MouseEvent| ())}>{ "Library" }</button>
            <button onclick={props.onnew.reform(|_: MouseEvent| ())}>{ "New article…" }</button>
            <button onclick={props.onupdate.reform(|_: MouseEvent| ())}
                title="Paste a new version of this article; annotations move with their text">{ "Update text…" }</button>
            <label class="button">{ "Import…" }
                <input id="import-file" type="file" class="visually-hidden" accept=".json,.jsonld,.jsonl,application/json,application/ld+json" onchange={onimport} />
            </label>
            <button id="export" onclick={onexport}>{ "Export JSON" }</button>
            <details class="menu" ref={menu.clone()}>
                <summary>{ "Other formats" }</summary>
                <div class="menu-items" role="group" aria-label="Export as">
                    { for Format::ALL.into_iter().filter(|f| *f != Format::Native).map(|format| {
                        let (state, menu) = (state.clone(), menu.clone());
                        let onclick = move |_| {
                            export_as(&state, format);
                            if let Some(menu) = menu.cast::<web_sys::Element>() {
                                let _ = menu.remove_attribute("open");
                            }
                        };
                        html! {
                            <button id={format!("export-{}", format.key())} {onclick}>
                                { format.label() }
                            </button>
                        }
                    }) }
                </div>
            </details>
            <span class="spacer" />
            <button onclick={callback(&state, |_: MouseEvent| Action::Undo { now: dom::now_iso() })} disabled={!editor.can_undo()}
                title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">{ "Undo" }</button>
            <button onclick={callback(&state, |_: MouseEvent| Action::Redo { now: dom::now_iso() })} disabled={!editor.can_redo()}
                title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-keyshortcuts="Control+Shift+Z Control+Y">{ "Redo" }</button>
            <label class="toggle">
                <input id="snap-words" type="checkbox" checked={state.snap_words} onchange={onsnap} />
                { " Snap to words" }
            </label>
            <button id="tags" onclick={props.ontags.reform(|_: MouseEvent| ())}>{ "Tags…" }</button>
            <ThemeToggle />
            <button id="help" onclick={props.onhelp.reform(|_: MouseEvent| ())} title="Keyboard shortcuts (?)"
                aria-keyshortcuts="?">{ "Shortcuts" }</button>
        </header>
    }
}

//! The list of keyboard shortcuts (`?`).

use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;
use crate::state::use_app_state;

/// Every shortcut but the tag keys, which come from the tag set.
pub const SHORTCUTS: [(&str, &str); 15] = [
    ("Tab", "Reach the article, then the controls"),
    ("← → (Ctrl: by word)", "Move the caret in the article"),
    ("↑ ↓ Home End", "Move the caret by line, as the window wraps it"),
    ("Ctrl+↑ ↓, Ctrl+Home End", "Move it by paragraph, to the article's start or end"),
    ("Shift + any of those", "Select text"),
    ("Enter", "Select the annotation under the caret; again to open its card"),
    ("j / k", "Next / previous annotation"),
    ("Delete", "Delete the selected annotation"),
    ("Shift+Alt+← / →", "Move the selected annotation's end by a word"),
    ("Ctrl+Shift+Alt+← / →", "Move its start by a word"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("Escape", "Drop the selection or stop linking; again, deselect the annotation; close a dialog"),
    ("Enter / Shift+Enter in Find", "Next / previous match"),
    ("?", "This list"),
];

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub onclose: Callback<()>,
}

#[function_component]
pub fn Help(props: &HelpProps) -> Html {
    let state = use_app_state();
    let close = use_node_ref();
    use_focus_on_mount(close.clone());
    let tags = state.workspace().tagset().tags.iter().filter(|d| !d.hotkey.is_empty()).map(|d| {
        html! { <tr><th scope="row"><kbd>{ &d.hotkey }</kbd></th><td>{ format!("Tag the selection (or retag the selected annotation) as {}", d.label) }</td></tr> }
    });
    html! {
        <Dialog title="Keyboard shortcuts" title_id="help-title" onclose={props.onclose.clone()}>
            <table class="shortcuts">
                <thead><tr><th scope="col">{ "Keys" }</th><th scope="col">{ "What they do" }</th></tr></thead>
                <tbody>
                    { for tags }
                    { for SHORTCUTS.iter().map(|(k, what)| html! { <tr><th scope="row"><kbd>{ *k }</kbd></th><td>{ *what }</td></tr> }) }
                </tbody>
            </table>
            <div class="dialog-actions">
                <button ref={close} class="primary" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </Dialog>
    }
}

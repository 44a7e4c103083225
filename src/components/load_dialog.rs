//! "New article": paste text or choose a file, with a title.

use annotator_core::{Workspace, article_from_text};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;

use crate::effects::files::{OPENED, open_file};
use crate::state::{DocAction, EditAction, Stamp, use_app_state};

/// A new article, or a new version of the open one's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogMode {
    New,
    Update,
    /// Not this dialog: the library, the tag set and the shortcut list (kept here so the
    /// app has one dialog at a time).
    Library,
    Tags,
    Help,
}

#[derive(Properties, PartialEq)]
pub struct LoadDialogProps {
    pub mode: DialogMode,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn LoadDialog(props: &LoadDialogProps) -> Html {
    let state = use_app_state();
    let (title, text) = (use_node_ref(), use_node_ref());
    let error = use_state(|| None::<String>);
    use_focus_on_mount(text.clone());
    let mode = props.mode;
    let onopen = {
        let (state, title, text, error, onclose) =
            (state.clone(), title.clone(), text.clone(), error.clone(), props.onclose.clone());
        move |_| {
            let title = title.cast::<HtmlInputElement>().map(|t| t.value()).unwrap_or_default();
            let body = text.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            let title = if title.trim().is_empty() {
                annotator_core::title_from_text(&body).unwrap_or_default()
            } else {
                title
            };
            match article_from_text(&title, &body) {
                Ok(doc) if mode == DialogMode::Update => {
                    state.dispatch(EditAction::UpdateText { document: doc, now: Stamp::take().now });
                    onclose.emit(());
                }
                Ok(doc) => {
                    let message = format!("Opened “{}”. {OPENED}", doc.title());
                    state.dispatch(DocAction::Open {
                        id: Stamp::take().id,
                        workspace: Workspace::new(doc),
                        message,
                    });
                    onclose.emit(());
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let onfile = {
        let (state, title, onclose) = (state.clone(), title.clone(), props.onclose.clone());
        move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let typed =
                    title.cast::<HtmlInputElement>().map(|t| t.value()).filter(|t| !t.trim().is_empty());
                open_file(file, typed, state.clone());
                onclose.emit(());
            }
        }
    };
    let oncancel = props.onclose.reform(|_: MouseEvent| ());
    let heading = if mode == DialogMode::Update { "Update the article text" } else { "Open an article" };
    html! {
        <Dialog title={heading} title_id="load-title" onclose={props.onclose.clone()}>
            if mode == DialogMode::Update {
                <p class="hint">{ "Paste the new version (re-copied or edited). Each annotation moves with its text; any whose text is gone is kept and listed as not found." }</p>
                <label>{ "Title" }<input id="load-title-input" ref={title} value={state.workspace().document.title().to_owned()} /></label>
                <label>{ "New text" }<textarea id="load-text" ref={text} rows="12" placeholder="Paste the new version here" /></label>
            } else {
                <label>{ "Title" }<input id="load-title-input" ref={title} placeholder="Taken from the first line if left empty" /></label>
                <label>{ "Text" }<textarea id="load-text" ref={text} rows="12" placeholder="Paste the article here" /></label>
            }
            <p class="hint" hidden={mode == DialogMode::Update}>
                { "Or " }
                <label class="button">{ "choose a .txt, .md or saved web page (.html)" }
                    <input type="file" class="visually-hidden" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onchange={onfile} />
                </label>
                { " — you can also drop a file anywhere on the page." }
            </p>
            if let Some(e) = &*error { <p class="form-error" role="alert">{ e }</p> }
            <div class="dialog-actions">
                <button onclick={oncancel}>{ "Cancel" }</button>
                <button class="primary" onclick={onopen}>{ if mode == DialogMode::Update { "Update" } else { "Open" } }</button>
            </div>
        </Dialog>
    }
}

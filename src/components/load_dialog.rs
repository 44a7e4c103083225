//! "New article": paste text or choose a file, with a title.

use annotator_core::formats::Format;
use annotator_core::{Document, article_from_text};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;
use super::hooks::use_initial_value;

/// A new article, or a new version of the open one's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogMode {
    New,
    Update,
    /// Not this dialog: the library, the tag set and the shortcut list (kept here so the
    /// app has one dialog at a time).
    Library,
    /// The library, opened to search it (Ctrl+Shift+F).
    Search,
    Tags,
    Help,
    /// "Your name", asked for before an export in this format (`None`: from the View menu).
    Name(Option<Format>),
    /// The article's details (Article ▸ Details…).
    Details,
    /// Where the fact check is published, asked before the first ClaimReview export.
    Review,
}

#[derive(Properties, PartialEq)]
pub struct LoadDialogProps {
    pub mode: DialogMode,
    /// The open article's title (offered when updating its text).
    pub title: String,
    /// Called with the pasted article: a new one (`New`) or the open one's new text.
    pub onload: Callback<Document>,
    /// Called with a chosen file and the title typed, if any.
    pub onfile: Callback<(web_sys::File, Option<String>)>,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn LoadDialog(props: &LoadDialogProps) -> Html {
    let (title, text) = (use_node_ref(), use_node_ref());
    let offered = if props.mode == DialogMode::Update { props.title.clone() } else { String::new() };
    use_initial_value(title.clone(), offered, false);
    let error = use_state(|| None::<String>);
    use_focus_on_mount(text.clone());
    let mode = props.mode;
    let onopen = {
        let (onload, title, text, error, onclose) =
            (props.onload.clone(), title.clone(), text.clone(), error.clone(), props.onclose.clone());
        move |_| {
            let title = title.cast::<HtmlInputElement>().map(|t| t.value()).unwrap_or_default();
            let body = text.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            let title = if title.trim().is_empty() {
                annotator_core::title_from_text(&body).unwrap_or_default()
            } else {
                title
            };
            match article_from_text(&title, &body) {
                Ok(doc) => {
                    onload.emit(doc);
                    onclose.emit(());
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let onfile = {
        let (onfile, title, onclose) = (props.onfile.clone(), title.clone(), props.onclose.clone());
        move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let typed =
                    title.cast::<HtmlInputElement>().map(|t| t.value()).filter(|t| !t.trim().is_empty());
                onfile.emit((file, typed));
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
                <label>{ "Title" }<input id="load-title-input" ref={title} /></label>
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

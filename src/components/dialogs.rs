//! The one dialog open at a time, and what each one's choices do: a container between the
//! page, which says which dialog is open, and the dialogs, which take data and callbacks.

use annotator_core::{ArticleMeta, Creator, Document, Workspace};
use yew::prelude::*;

use super::details_dialog::DetailsDialog;
use super::help::Help;
use super::library::Library;
use super::load_dialog::{DialogMode, LoadDialog};
use super::name_dialog::NameDialog;
use super::tags_dialog::TagsDialog;
use crate::effects::files::{OPENED, open_file, save_details};
use crate::effects::prefs::review_url;
use crate::state::{DocAction, EditAction, UiAction, callback, stamped, use_app_state};

#[derive(Properties, PartialEq)]
pub struct DialogsProps {
    /// The dialog to show, if any.
    pub mode: Option<DialogMode>,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn Dialogs(props: &DialogsProps) -> Html {
    let state = use_app_state();
    let onclose = props.onclose.clone();
    let Some(mode) = props.mode else { return html! {} };
    let ws = state.workspace();
    match mode {
        DialogMode::Library => html! { <Library {onclose} /> },
        DialogMode::Search => html! { <Library {onclose} search=true /> },
        DialogMode::Details | DialogMode::Review => {
            let for_review = mode == DialogMode::Review;
            let doc = state.session.doc_id;
            let onsave = {
                let state = state.clone();
                Callback::from(move |(meta, url): (ArticleMeta, String)| {
                    save_details(&state, doc, meta, &url, for_review)
                })
            };
            let meta = ws.document.meta().clone();
            let review_url = review_url(doc).unwrap_or_default();
            html! { <DetailsDialog {meta} {review_url} {for_review} {onsave} {onclose} /> }
        }
        DialogMode::Tags => {
            let onsave = stamped(&state, |tags, at| EditAction::SetTags { tags, now: at.now });
            html! { <TagsDialog editor={state.session.editor.clone()} {onsave} {onclose} /> }
        }
        DialogMode::Help => html! { <Help tags={ws.tagset().clone()} {onclose} /> },
        DialogMode::Name(export) => {
            let onsave = stamped(&state, move |(author, claim): (Option<Creator>, bool), at| {
                DocAction::SetAuthor { author, claim, now: at.now, export }
            });
            // Going on without a name still exports what was asked for.
            let onskip = export.map(|format| callback(&state, move |()| UiAction::Export(format)));
            let unnamed = ws.annotations().iter().filter(|a| a.creator.is_none()).count();
            let author = state.session.editor.author().cloned();
            html! { <NameDialog {author} {unnamed} {onsave} {onskip} {onclose} /> }
        }
        DialogMode::New | DialogMode::Update => {
            // A pasted article: a new document, or the open one's new text.
            let onload = match mode {
                DialogMode::Update => {
                    stamped(&state, |document, at| EditAction::UpdateText { document, now: at.now })
                }
                _ => stamped(&state, |doc: Document, at| {
                    let message = format!("Opened “{}”. {OPENED}", doc.title());
                    DocAction::Open { id: at.id, workspace: Workspace::new(doc), message }
                }),
            };
            let onfile = {
                let state = state.clone();
                Callback::from(move |(file, title)| open_file(file, title, state.clone()))
            };
            let title = ws.document.title().to_owned();
            html! { <LoadDialog {mode} {title} {onload} {onfile} {onclose} /> }
        }
    }
}

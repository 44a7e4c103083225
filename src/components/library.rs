//! The library: every document kept in this browser, with what it holds.

use std::rc::Rc;

use annotator_core::{AnnotationId, storage_json};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::escape::use_escape;

use crate::dom;
use crate::state::{Action, Notice, State, use_app_state};
use crate::storage::{self, DocSummary};

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub onclose: Callback<()>,
}

/// The saved list (`saved`), with the open document as it is in memory (saving lags 300 ms).
fn rows(state: &State, saved: &[DocSummary]) -> Vec<DocSummary> {
    let ws = state.workspace();
    let open = DocSummary {
        id: state.doc_id,
        title: ws.document.title().to_owned(),
        updated: ws.annotations().iter().map(|a| a.modified.clone()).max(),
        counts: ws.counts().into_iter().map(|(t, n)| (ws.tagset.label(t), n)).collect(),
    };
    let mut docs: Vec<DocSummary> = saved.iter().filter(|d| d.id != state.doc_id).cloned().collect();
    docs.insert(0, open);
    docs
}

fn counts(c: &[(String, usize)]) -> String {
    c.iter().map(|(label, n)| format!("{label} {n}")).collect::<Vec<_>>().join(" · ")
}

#[function_component]
pub fn Library(props: &LibraryProps) -> Html {
    let state = use_app_state();
    let version = use_state(|| 0u32); // bumped to re-read storage after a change
    let renaming = use_state(|| None::<AnnotationId>);
    // Storage is parsed when the dialog opens and after each of its own changes, not on
    // every render (autosave and notices re-render it while it is open).
    let saved = use_memo(*version, |_| storage::library());
    let docs = rows(&state, &saved);

    let open = |id: AnnotationId| {
        let (state, onclose) = (state.clone(), props.onclose.clone());
        move |_: MouseEvent| {
            if id != state.doc_id {
                match storage::load_document(id) {
                    Ok(storage::Loaded { workspace: Some(workspace), revision, .. }) => {
                        state.dispatch(Action::SwitchDocument { id, workspace, revision })
                    }
                    Ok(_) => state
                        .dispatch(Action::Notify(Notice::error("That document is no longer saved here."))),
                    Err((e, _)) => state.dispatch(Action::Notify(Notice::error(e))),
                }
            }
            onclose.emit(());
        }
    };
    let rename = |id: AnnotationId| {
        let (state, renaming, version) = (state.clone(), renaming.clone(), version.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let form = e.target_unchecked_into::<web_sys::Element>();
            let input = form.query_selector("input").ok().flatten();
            let title = input.and_then(|i| i.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value());
            if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
                if id == state.doc_id {
                    state.dispatch(Action::Rename { title, now: dom::now_iso() });
                } else if let Err(e) = storage::rename(id, &title) {
                    state.dispatch(Action::Notify(Notice::error(e)));
                }
            }
            renaming.set(None);
            version.set(*version + 1);
        }
    };
    let delete = |doc: &DocSummary| {
        let (state, version, doc) = (state.clone(), version.clone(), doc.clone());
        move |_: MouseEvent| {
            let is_open = doc.id == state.doc_id;
            // The open document is taken from memory: it may hold changes not yet saved.
            let raw =
                if is_open { Some(storage_json(state.workspace(), state.loaded_revision)) } else { None };
            let raw = storage::delete(doc.id).map_or(raw.clone(), |stored| raw.or(Some(stored)));
            let notice = Notice {
                restore: raw.map(|r| (doc.id, Rc::from(r))),
                ..Notice::info(format!("Deleted “{}”.", doc.title))
            };
            if is_open {
                let next = storage::library().into_iter().find_map(|d| match storage::load_document(d.id) {
                    Ok(storage::Loaded { workspace: Some(ws), revision, .. }) => Some((d.id, ws, revision)),
                    _ => None,
                });
                let (next, workspace, revision, stored) = match next {
                    Some((id, ws, revision)) => (id, ws, revision, true),
                    None => (dom::random_id(), State::sample(), 0, false),
                };
                state.dispatch(Action::DeletedOpen { next, workspace, revision, stored, notice });
            } else {
                state.dispatch(Action::Notify(notice));
            }
            version.set(*version + 1);
        }
    };
    let onexport_all = {
        let state = state.clone();
        move |_| {
            let all = storage::export_all((state.doc_id, state.workspace()));
            let _ = dom::download("library.annotations.json", "application/json", &all);
        }
    };
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    use_escape(props.onclose.clone());

    html! {
        <div class="backdrop">
            <div class="dialog library" role="dialog" aria-modal="true" aria-labelledby="library-title">
                <h2 id="library-title">{ "Library" }</h2>
                <p class="hint">{ "Every document kept in this browser. Each is saved on its own." }</p>
                <ul class="docs">
                    { for docs.iter().map(|d| html! {
                        <li key={d.id.to_string()} class={classes!("doc", (d.id == state.doc_id).then_some("open"))}>
                            if *renaming == Some(d.id) {
                                <form class="rename" onsubmit={rename(d.id)}>
                                    <input name="title" aria-label="New title" value={d.title.clone()} />
                                    <button class="primary">{ "Save" }</button>
                                </form>
                            } else {
                                <button class="doc-open" onclick={open(d.id)}>{ &d.title }</button>
                            }
                            <span class="doc-meta">
                                { d.updated.as_deref().map_or("no annotations yet".to_owned(), |t| t.get(..16).unwrap_or(t).replace('T', " ")) }
                                { " · " }{ counts(&d.counts) }
                                if d.id == state.doc_id { { " · open" } }
                            </span>
                            <span class="doc-actions">
                                <button onclick={let (renaming, id) = (renaming.clone(), d.id); move |_| renaming.set(Some(id))}>{ "Rename" }</button>
                                <button class="delete" onclick={delete(d)}>{ "Delete" }</button>
                            </span>
                        </li>
                    }) }
                </ul>
                <div class="dialog-actions">
                    <button id="export-all" onclick={onexport_all}>{ "Export all" }</button>
                    <button onclick={onclose}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}

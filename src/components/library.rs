//! The library: every document kept in this browser, with what it holds.

use annotator_core::AnnotationId;
use annotator_core::library::DocSummary;
use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;
use super::library_search::LibrarySearch;
use super::rename_field::RenameField;

use crate::effects::{documents, search};
use crate::state::{DocAction, State, use_app_state};

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub onclose: Callback<()>,
    /// Opened to search (Ctrl+Shift+F): the search box takes the focus.
    #[prop_or_default]
    pub search: bool,
}

/// The saved list (`saved`), with the open document as it is in memory (saving lags 300 ms).
fn rows(state: &State, saved: &[DocSummary]) -> Vec<DocSummary> {
    let ws = state.workspace();
    let open = DocSummary {
        id: state.session.doc_id,
        title: ws.document.title().to_owned(),
        updated: ws.updated().map(str::to_owned),
        counts: ws.counts().into_iter().map(|(t, n)| (ws.tagset().label(t), n)).collect(),
        meta: ws.document.meta().clone(),
        revision: state.revision(),
        damaged: false,
    };
    let mut docs: Vec<DocSummary> = saved.iter().filter(|d| d.id != state.session.doc_id).cloned().collect();
    docs.insert(0, open);
    docs
}

fn meta(d: &DocSummary) -> String {
    if d.damaged {
        return "its saved details could not be read: open it to see what is left".to_owned();
    }
    let updated = d
        .updated
        .as_deref()
        .map_or("no annotations yet".to_owned(), |t| t.get(..16).unwrap_or(t).replace('T', " "));
    let counts = d.counts.iter().map(|(label, n)| format!("{label} {n}")).collect::<Vec<_>>().join(" · ");
    format!("{updated} · {counts}")
}

/// Where the library is kept and whether the browser protects it.
fn kept_where(persisted: Option<bool>) -> String {
    let protection = match persisted {
        Some(true) => "The browser keeps it even when space runs low.",
        Some(false) => "The browser may clear it when space runs low: export it now and then.",
        None => "",
    };
    format!("Every document is kept in {}, each on its own. {protection}", documents::place())
}

#[function_component]
pub fn Library(props: &LibraryProps) -> Html {
    let state = use_app_state();
    let version = use_state(|| 0u32); // bumped to re-read storage after a change
    let renaming = use_state(|| None::<AnnotationId>);
    // Storage is read when the dialog opens and after each change, not on every render
    // (autosave and notices re-render it while it is open).
    let saved = use_memo((*version, state.session.trash.len()), |_| documents::summaries());
    let docs = rows(&state, &saved);

    let open = |id: AnnotationId| {
        let (state, onclose) = (state.clone(), props.onclose.clone());
        move |_: MouseEvent| {
            documents::open(&state, id);
            onclose.emit(());
        }
    };
    let rename = |id: AnnotationId| {
        let (state, renaming, version) = (state.clone(), renaming.clone(), version.clone());
        Callback::from(move |title: String| {
            if !title.trim().is_empty() {
                documents::rename(&state, id, title);
            }
            renaming.set(None);
            version.set(*version + 1);
        })
    };
    let delete = |d: &DocSummary| {
        let (state, id, title) = (state.clone(), d.id, d.title.clone());
        move |_: MouseEvent| documents::delete(&state, id, &title)
    };
    let undo = |id: AnnotationId| {
        let state = state.clone();
        move |_: MouseEvent| state.dispatch(DocAction::RestoreDocument(id))
    };
    let onexport_all = {
        let state = state.clone();
        move |_| documents::export_all(&state)
    };
    let searching = search::use_search(&state, props.onclose.clone());
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    let close = use_node_ref();
    use_focus_on_mount(if props.search { NodeRef::default() } else { close.clone() });

    html! {
        <Dialog title="Library" title_id="library-title" onclose={props.onclose.clone()} class={classes!("library")}>
            <p class="hint">{ kept_where(state.health.persisted) }</p>
            <LibrarySearch onopen={searching.onopen} focus={props.search} onsearch={searching.onsearch}
                reading={searching.reading} generation={searching.generation}>
            <ul class="docs">
                { for docs.iter().map(|d| html! {
                    <li key={d.id.to_string()} class={classes!("doc", (d.id == state.session.doc_id).then_some("open"))}>
                        if *renaming == Some(d.id) {
                            <RenameField title={d.title.clone()} onrename={rename(d.id)} />
                        } else {
                            <button class="doc-open" onclick={open(d.id)}>{ if d.damaged { "(damaged)" } else { &d.title } }</button>
                        }
                        <span class="doc-meta">
                            { meta(d) }
                            if d.id == state.session.doc_id { { " · open" } }
                        </span>
                        <span class="doc-actions">
                            <button onclick={let (renaming, id) = (renaming.clone(), d.id); move |_| renaming.set(Some(id))}>{ "Rename" }</button>
                            <button class="delete" onclick={delete(d)}>{ "Delete" }</button>
                        </span>
                    </li>
                }) }
                { for state.session.trash.iter().rev().map(|t| html! {
                    <li key={format!("deleted-{}", t.deleted.id)} class="doc deleted">
                        <span class="doc-open">{ format!("Deleted “{}”", t.title) }</span>
                        <span class="doc-actions">
                            <button class="undo-delete" onclick={undo(t.deleted.id)}>{ "Undo" }</button>
                        </span>
                    </li>
                }) }
            </ul>
            </LibrarySearch>
            <div class="dialog-actions">
                <button id="export-all" onclick={onexport_all}>{ "Export all" }</button>
                <button onclick={onclose} ref={close}>{ "Close" }</button>
            </div>
        </Dialog>
    }
}

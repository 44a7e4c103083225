//! The Library's search box, over every document kept in this browser: its hits as lines
//! of text with the match in context (keyword in context), grouped by document, newest
//! first. With no query the Library's list (`children`) shows instead.

use annotator_core::AnnotationId;
use annotator_core::search::{DocResults, Field, Hit};
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::effects::search;

#[derive(Properties, PartialEq)]
pub struct LibrarySearchProps {
    /// Called with the document and the hit chosen (click, or Enter for the first).
    pub onopen: Callback<(AnnotationId, Hit)>,
    /// What shows while there is no query: the Library's list.
    pub children: Html,
    /// Whether the box takes the focus when the Library opens (Ctrl+Shift+F).
    #[prop_or_default]
    pub focus: bool,
    /// Called when a search starts (the index is then brought up to date).
    pub onsearch: Callback<()>,
    /// While the index takes the library in: documents read, of how many.
    pub reading: Option<(usize, usize)>,
    /// Counts up each time the index is up to date (results are worked out again).
    pub generation: u32,
}

fn where_(hit: &Hit) -> &'static str {
    match hit.field {
        Field::Title => "title",
        Field::Text => "text",
        Field::Quote => "annotation",
        Field::Note => "note",
    }
}

fn summary(results: &[DocResults], reading: Option<(usize, usize)>) -> String {
    let hits: usize = results.iter().map(|d| d.total).sum();
    let found = match (hits, results.len()) {
        (0, _) => "Nothing found".to_owned(),
        (1, _) => "1 hit in 1 document".to_owned(),
        (h, 1) => format!("{h} hits in 1 document"),
        (h, d) => format!("{h} hits in {d} documents"),
    };
    match reading {
        Some((done, of)) => format!("{found} so far (reading the library: {done} of {of})"),
        None => found,
    }
}

fn hit_row(doc: AnnotationId, hit: &Hit, onopen: &Callback<(AnnotationId, Hit)>) -> Html {
    let onclick = onopen.reform({
        let hit = hit.clone();
        move |_: MouseEvent| (doc, hit.clone())
    });
    let k = &hit.kwic;
    html! {
        <li>
            <button class="hit" data-field={where_(hit)} {onclick}>
                <span class="hit-where">{ where_(hit) }</span>
                <span class="kwic">{ &k.before }<mark>{ &k.matched }</mark>{ &k.after }</span>
            </button>
        </li>
    }
}

#[function_component]
pub fn LibrarySearch(props: &LibrarySearchProps) -> Html {
    let query = use_state(String::new);
    let active = !query.trim().is_empty();
    {
        let onsearch = props.onsearch.clone();
        use_effect_with(active, move |active| {
            if *active {
                onsearch.emit(());
            }
        });
    }
    let results = use_memo(((*query).clone(), props.generation, props.reading), |(q, ..)| search::search(q));
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(props.focus, move |focus| {
            if let (true, Some(el)) = (*focus, input.cast::<HtmlInputElement>()) {
                let _ = el.focus();
            }
        });
    }
    let oninput = {
        let query = query.clone();
        move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    let onkeydown = {
        let (results, onopen) = (results.clone(), props.onopen.clone());
        move |e: KeyboardEvent| {
            let first = results.iter().find_map(|d| d.hits.first().map(|h| (d.doc, h.clone())));
            if let ("Enter", Some(first)) = (e.key().as_str(), first) {
                e.prevent_default();
                onopen.emit(first);
            }
        }
    };
    html! {
        <>
            <input type="search" id="library-search" ref={input} value={(*query).clone()} {oninput} {onkeydown}
                aria-label="Search every document" aria-describedby="library-search-help"
                placeholder="Search every document (Ctrl+Shift+F)" />
            <p id="library-search-help" class="search-help">
                { "Words, \"exact phrases\", and tag:claim status:disputed type:person note:word in:title|text|quote|note" }
            </p>
            if active {
                <p class="search-summary" role="status">{ summary(&results, props.reading) }</p>
                <ul class="search-results">
                    { for results.iter().map(|d| html! {
                        <li key={d.doc.to_string()} class="result-doc">
                            <h3>{ &d.title }<span class="doc-meta">{ format!(" · {} hit{}", d.total, if d.total == 1 { "" } else { "s" }) }</span></h3>
                            <ol class="hits">{ for d.hits.iter().map(|h| hit_row(d.doc, h, &props.onopen)) }</ol>
                        </li>
                    }) }
                </ul>
            } else {
                { props.children.clone() }
            }
        </>
    }
}

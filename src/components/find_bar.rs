//! Find in the article: every match highlighted (CSS Custom Highlight API, so the text's
//! elements are left alone), Enter and Shift+Enter step through them.

use annotator_core::find_all;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::dom;
use crate::state::use_app_state;

#[derive(Properties, PartialEq)]
pub struct FindProps {
    /// Whether every line of the article is in the page (see `fill`).
    pub complete: bool,
    /// Called with whether there is a query: the article then draws all its lines.
    pub onsearch: Callback<bool>,
}

#[function_component]
pub fn FindBar(props: &FindProps) -> Html {
    let state = use_app_state();
    let query = use_state(String::new);
    let current = use_state(|| 0usize);
    let doc = state.workspace().document.clone();
    let lines = {
        let doc = doc.clone();
        use_memo(std::rc::Rc::as_ptr(&doc) as usize, move |_| annotator_core::lines(doc.text()))
    };
    let matches = {
        let doc = doc.clone();
        use_memo(((*query).clone(), state.revision), move |(q, _)| find_all(doc.text(), q))
    };
    {
        let onsearch = props.onsearch.clone();
        use_effect_with(!query.trim().is_empty(), move |active| onsearch.emit(*active));
    }
    {
        // Ranges are rebuilt after every change: an edit re-renders the lines they were in.
        let matches = matches.clone();
        use_effect_with((matches, *current, props.complete), move |(matches, current, _)| {
            dom::find::highlight(&lines, matches, *current);
        });
    }
    let oninput = {
        let (query, current) = (query.clone(), current.clone());
        move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            current.set(0);
        }
    };
    let onkeydown = {
        let (current, n) = (current.clone(), matches.len());
        move |e: KeyboardEvent| {
            if e.key() == "Enter" && n > 0 {
                e.prevent_default();
                current.set(if e.shift_key() { (*current + n - 1) % n } else { (*current + 1) % n });
            } else if e.key() == "Escape" {
                e.target_unchecked_into::<HtmlInputElement>().set_value("");
            }
        }
    };
    let status = match (query.trim().is_empty(), matches.len()) {
        (true, _) => String::new(),
        (false, 0) => "No matches".to_owned(),
        (false, n) if n >= annotator_core::find::MATCH_LIMIT => format!("{} of {n}+", *current + 1),
        (false, n) => format!("{} of {n}", *current + 1),
    };
    html! {
        <div class="find" role="search">
            <input id="find" type="search" placeholder="Find in article" aria-label="Find in article"
                value={(*query).clone()} {oninput} {onkeydown} aria-describedby="find-status" />
            <span id="find-status" class="find-status" aria-live="polite">{ status }</span>
        </div>
    }
}

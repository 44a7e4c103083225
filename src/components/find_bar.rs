//! Find in the article: every match highlighted (CSS Custom Highlight API, so the text's
//! elements are left alone), Enter and Shift+Enter step through them, starting from the
//! first match at or after what the window shows. The bar stays in view while stepping.

use std::rc::Rc;

use annotator_core::{Document, find_all};
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::dom;
use crate::effects::press;
use crate::keymap::{self, Command, Context};

#[derive(Properties, PartialEq)]
pub struct FindProps {
    /// The open article.
    pub doc: Rc<Document>,
    /// The state's revision: every edit re-renders lines, so the highlights are redrawn.
    pub revision: u64,
    /// Whether every line of the article is in the page (see `fill`).
    pub complete: bool,
    /// Called with whether there is a query: the article then draws all its lines.
    pub onsearch: Callback<bool>,
}

#[function_component]
pub fn FindBar(props: &FindProps) -> Html {
    let query = use_state(String::new);
    // Where the search started (the first code point on screen then), and how many steps
    // were taken from the first match after it.
    let from = use_state(|| 0usize);
    let steps = use_state(|| 0isize);
    let doc = props.doc.clone();
    let lines = {
        let doc = doc.clone();
        use_memo(std::rc::Rc::as_ptr(&doc) as usize, move |_| annotator_core::lines(doc.text()))
    };
    let matches = {
        let doc = doc.clone();
        use_memo(((*query).clone(), props.revision), move |(q, _)| find_all(doc.text(), q))
    };
    {
        let onsearch = props.onsearch.clone();
        use_effect_with(!query.trim().is_empty(), move |active| onsearch.emit(*active));
    }
    let n = matches.len();
    let current = match n {
        0 => 0,
        n => (matches.partition_point(|m| m.start < *from) as isize + *steps).rem_euclid(n as isize) as usize,
    };
    {
        // Ranges are rebuilt after every change: an edit re-renders the lines they were in.
        let matches = matches.clone();
        use_effect_with((matches, current, props.complete), move |(matches, current, _)| {
            dom::find::highlight(&lines, matches, *current);
        });
    }
    let oninput = {
        let (query, from, steps) = (query.clone(), from.clone(), steps.clone());
        let len = doc.char_len();
        move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if query.trim().is_empty() {
                from.set(dom::viewport::first_shown(len)); // a new search starts where the reader is
            }
            query.set(value);
            steps.set(0);
        }
    };
    let onkeydown = {
        let (steps, query) = (steps.clone(), query.clone());
        move |e: KeyboardEvent| {
            let key = e.key();
            let step = match keymap::command(Context::Find, &press(&e, &key)) {
                Some(Command::NextMatch) => 1,
                Some(Command::PreviousMatch) => -1,
                _ => 0,
            };
            if step != 0 && n > 0 {
                e.prevent_default();
                steps.set(*steps + step);
            } else if e.key() == "Escape" {
                e.target_unchecked_into::<HtmlInputElement>().set_value("");
                query.set(String::new());
            }
        }
    };
    let status = match (query.trim().is_empty(), matches.len()) {
        (true, _) => String::new(),
        (false, 0) => "No matches".to_owned(),
        (false, n) if n >= annotator_core::find::MATCH_LIMIT => format!("{} of {n}+", current + 1),
        (false, n) => format!("{} of {n}", current + 1),
    };
    html! {
        <div class="find" role="search">
            <input id="find" type="search" placeholder="Find in article" aria-label="Find in article"
                value={(*query).clone()} {oninput} {onkeydown} aria-describedby="find-status" />
            <span id="find-status" class="find-status" aria-live="polite">{ status }</span>
        </div>
    }
}

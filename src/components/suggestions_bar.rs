//! Suggestions learned from the person's own tags: how many there are in the open
//! article, the one selected with Accept (a) and Reject (x), "Tag all N occurrences" of the
//! selected annotation, and the switches (show them, match case).

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Current {
    /// The tag's label ("Entity").
    pub what: String,
    pub exact: String,
    pub entity_type: String,
    /// How many annotations in the library taught it.
    pub count: u32,
}

#[derive(Properties, PartialEq)]
pub struct SuggestionsBarProps {
    pub count: usize,
    pub shown: bool,
    pub match_case: bool,
    pub current: Option<Current>,
    /// The selected annotation's text and how many more unannotated occurrences it has.
    pub tag_all: Option<(String, usize)>,
    pub onaccept: Callback<()>,
    pub onreject: Callback<()>,
    pub ontagall: Callback<()>,
    pub onshow: Callback<bool>,
    pub onmatchcase: Callback<bool>,
}

#[function_component]
pub fn SuggestionsBar(props: &SuggestionsBarProps) -> Html {
    let checked =
        |cb: &Callback<bool>| cb.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <section class="suggestions" aria-label="Suggestions">
            <p class="suggestions-count">
                if props.shown { { crate::state::suggestion_count(props.count) } } else { { "Suggestions hidden" } }
            </p>
            if let Some(c) = props.current.as_ref().filter(|_| props.shown) {
                <div class="suggestion-current" role="group" aria-label="Selected suggestion">
                    <p>{ format!("{} “{}”", c.what, c.exact) }
                        if !c.entity_type.is_empty() { { format!(" ({})", c.entity_type) } }
                        <span class="hint">{ format!(" · tagged {} in your library", if c.count == 1 { "once".to_owned() } else { format!("{} times", c.count) }) }</span>
                    </p>
                    <button id="suggestion-accept" class="primary" onclick={click(&props.onaccept)} aria-keyshortcuts="A">{ "Accept (a)" }</button>
                    <button id="suggestion-reject" onclick={click(&props.onreject)} aria-keyshortcuts="X">{ "Reject (x)" }</button>
                </div>
            }
            if let Some((exact, n)) = &props.tag_all {
                <button id="tag-all" onclick={click(&props.ontagall)}>
                    { if *n == 1 { format!("Tag the 1 other occurrence of “{exact}”") } else { format!("Tag all {n} other occurrences of “{exact}”") } }
                </button>
            }
            <label class="toggle"><input id="suggest-show" type="checkbox" checked={props.shown} onchange={checked(&props.onshow)} />{ " Show suggestions" }</label>
            <label class="toggle"><input id="suggest-case" type="checkbox" checked={props.match_case} onchange={checked(&props.onmatchcase)} />{ " Match case" }</label>
        </section>
    }
}

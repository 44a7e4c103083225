//! Every annotation in document order, with counts and a tag filter.
//!
//! Cards render in groups by position in the text, each group a memoised component, so an
//! edit among 10,000 annotations re-renders one group of cards, not all of them.

use std::rc::Rc;

use annotator_core::{Annotation, Tag};
use yew::prelude::*;

use super::card_group::{CardActions, CardGroup, groups};
use crate::dom;
use crate::state::{Action, callback, use_app_state};

/// Up to this many annotations every card is built at once; past it, groups are built as
/// they come near the screen.
const EAGER_CARDS: usize = 500;

#[function_component]
pub fn Sidebar() -> Html {
    let state = use_app_state();
    let ws = state.workspace();
    let counts = ws.counts();
    let actions = {
        let state = state.clone();
        use_memo((), move |_| CardActions::new(&state))
    };

    // Clicking a highlight selects its card: bring the card into view.
    use_effect_with(state.selected, |selected| {
        if let Some(id) = selected {
            dom::scroll_into_view(&format!("#card-{id}"), true);
        }
    });

    let filter_button = |filter: Option<Tag>, label: &'static str, count: usize| {
        let class = classes!("filter", filter.map(|t| format!("tag-{}", t.key())));
        html! {
            <button {class} aria-pressed={(state.filter == filter).to_string()}
                onclick={callback(&state, move |_: MouseEvent| Action::SetFilter(filter))}>
                { label } <span class="count">{ count }</span>
            </button>
        }
    };
    let total = ws.annotations().len();
    let shown = |a: &&Rc<Annotation>| state.filter.is_none_or(|t| a.tag == t);
    let eager = total <= EAGER_CARDS;
    let group = |key: String, cards: Vec<Rc<Annotation>>| {
        let selected = state.selected.filter(|id| cards.iter().any(|a| a.id == *id));
        html! { <CardGroup {key} {cards} {selected} {eager} actions={actions.clone()} /> }
    };
    let placed = groups(ws.annotations().iter().filter(|a| !a.orphan).filter(shown));
    let orphans: Vec<_> = ws.orphans().filter(shown).cloned().collect();
    let orphan_count = orphans.len();

    html! {
        <aside class="sidebar" aria-label="Annotations">
            <h2 class="sidebar-title">{ "Annotations" }</h2>
            <div class="filters" role="group" aria-label="Show">
                { filter_button(None, "All", total) }
                { for Tag::ALL.iter().zip(counts).map(|(t, n)| filter_button(Some(*t), t.label(), n)) }
            </div>
            if total == 0 {
                <p class="empty">{ "No annotations yet. Select text in the article, then choose Claim, Source or Entity — or press 1, 2 or 3." }</p>
            }
            <div class="card-groups">
                { for placed.into_iter().map(|(key, cards)| group(key.to_string(), cards)) }
            </div>
            if orphan_count > 0 {
                <section class="orphans" aria-labelledby="orphans-title">
                    <h3 class="orphans-title" id="orphans-title">{ format!("Not found in the text ({orphan_count})") }</h3>
                    <p class="hint">{ "The text changed and these quotes are no longer in it. They are kept with their notes." }</p>
                    { group("orphans".to_owned(), orphans) }
                </section>
            }
        </aside>
    }
}

//! Every annotation in document order, with counts and a tag filter.

use annotator_core::{AnnotationId, Tag};
use yew::prelude::*;

use super::card::Card;
use crate::dom;
use crate::state::{Action, callback, use_app_state};

#[function_component]
pub fn Sidebar() -> Html {
    let state = use_app_state();
    let ws = state.workspace();
    let counts = ws.counts();

    // Clicking a highlight selects its card: bring the card into view.
    use_effect_with(state.selected, |selected| {
        if let Some(id) = selected {
            dom::scroll_into_view(&format!("#card-{id}"), true);
        }
    });

    let onselect = {
        let state = state.clone();
        Callback::from(move |(id, start): (AnnotationId, usize)| {
            state.dispatch(Action::Select(Some(id)));
            dom::scroll_into_view(&format!("#article-text [data-s=\"{start}\"]"), false);
        })
    };
    let onretag = callback(&state, |(id, tag)| Action::Retag {
        id,
        tag,
        now: dom::now_iso(),
    });
    let onnote = callback(&state, |(id, note)| Action::EditNote {
        id,
        note,
        now: dom::now_iso(),
    });
    let ondelete = callback(&state, Action::Delete);
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
    let visible = ws
        .annotations()
        .iter()
        .filter(|a| state.filter.is_none_or(|t| a.tag == t));

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
            <ol class="cards">
                { for visible.map(|a| html! {
                    <Card key={a.id.to_string()} annotation={a.clone()} selected={state.selected == Some(a.id)}
                        onselect={onselect.clone()} onretag={onretag.clone()}
                        onnote={onnote.clone()} ondelete={ondelete.clone()} />
                }) }
            </ol>
        </aside>
    }
}

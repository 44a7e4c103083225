//! Every annotation in document order, with counts and a tag filter.

use annotator_core::{Annotation, AnnotationId, Tag};
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
    let onretag = callback(&state, |(id, tag)| Action::Retag { id, tag, now: dom::now_iso() });
    let onnote = callback(&state, |(id, note)| Action::EditNote { id, note, now: dom::now_iso() });
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
    let shown = |a: &&Annotation| state.filter.is_none_or(|t| a.tag == t);
    let card = |a: &Annotation| {
        html! {
            <Card key={a.id.to_string()} annotation={a.clone()} selected={state.selected == Some(a.id)}
                onselect={onselect.clone()} onretag={onretag.clone()}
                onnote={onnote.clone()} ondelete={ondelete.clone()} />
        }
    };
    let orphans: Vec<_> = ws.orphans().filter(shown).collect();
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
            <ol class="cards">
                { for ws.annotations().iter().filter(|a| !a.orphan).filter(shown).map(card) }
            </ol>
            if orphan_count > 0 {
                <section class="orphans" aria-labelledby="orphans-title">
                    <h3 class="orphans-title" id="orphans-title">{ format!("Not found in the text ({orphan_count})") }</h3>
                    <p class="hint">{ "The text changed and these quotes are no longer in it. They are kept with their notes." }</p>
                    <ol class="cards">{ for orphans.iter().copied().map(card) }</ol>
                </section>
            }
        </aside>
    }
}

//! Every annotation in document order, with counts and a tag filter.
//!
//! Cards render in groups by position in the text, each group a memoised component, so an
//! edit among 10,000 annotations re-renders one group of cards, not all of them.

use std::rc::Rc;

use annotator_core::{Annotation, AnnotationId, Tag};
use yew::prelude::*;

use super::card::Card;
use super::line::use_rows_hint;
use crate::dom;
use crate::state::{Action, StateHandle, callback, use_app_state};

/// Code points of text per group of cards: a few paragraphs.
const GROUP_SPAN: usize = 4096;
/// Up to this many annotations every card is built at once; past it, groups are built as
/// they come near the screen.
const EAGER_CARDS: usize = 500;

/// What a card can do. Made once, so that its callbacks compare equal on every render.
#[derive(PartialEq)]
struct CardActions {
    onselect: Callback<(AnnotationId, usize)>,
    onretag: Callback<(AnnotationId, Tag)>,
    onnote: Callback<(AnnotationId, String)>,
    ondelete: Callback<AnnotationId>,
}

impl CardActions {
    fn new(state: &StateHandle) -> Self {
        let dispatcher = state.dispatcher();
        Self {
            onselect: Callback::from(move |(id, start): (AnnotationId, usize)| {
                dispatcher.dispatch(Action::Select(Some(id)));
                dom::scroll_into_view(&format!("#article-text [data-s=\"{start}\"]"), false);
            }),
            onretag: callback(state, |(id, tag)| Action::Retag { id, tag, now: dom::now_iso() }),
            onnote: callback(state, |(id, note)| Action::EditNote { id, note, now: dom::now_iso() }),
            ondelete: callback(state, Action::Delete),
        }
    }
}

#[derive(Properties)]
struct GroupProps {
    cards: Vec<Rc<Annotation>>,
    /// The selected annotation, only when it is in this group.
    selected: Option<AnnotationId>,
    /// Build the cards now, not when the group comes near the screen.
    eager: bool,
    actions: Rc<CardActions>,
}

/// In long documents cards are built only once their group comes near the screen (a
/// placeholder of about the right height stands in until then): 10,000 cards are 40,000
/// elements, and building them all made opening a long document take seconds.
/// Cards compare by identity: an edit replaces the `Rc` of each annotation it changes, so
/// comparing pointers finds them without comparing 10,000 quotes and notes.
impl PartialEq for GroupProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.eager == other.eager
            && Rc::ptr_eq(&self.actions, &other.actions)
            && self.cards.len() == other.cards.len()
            && self.cards.iter().zip(&other.cards).all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

#[function_component]
fn CardGroup(props: &GroupProps) -> Html {
    let node = use_node_ref();
    use_rows_hint(node.clone(), props.cards.len());
    let near = use_state(|| false);
    {
        let (node, near) = (node.clone(), near.clone());
        use_effect_with(*near, move |seen| {
            let watch = if *seen {
                None
            } else {
                node.cast::<web_sys::Element>()
                    .and_then(|el| dom::NearScreen::watch(&el, 800, move || near.set(true)))
            };
            move || drop(watch)
        });
    }
    if !*near && !props.eager && props.selected.is_none() {
        return html! { <ol class="cards pending" ref={node} aria-busy="true"></ol> };
    }
    let a = &props.actions;
    html! {
        <ol class="cards" ref={node}>
            { for props.cards.iter().map(|card| html! {
                <Card key={card.id.to_string()} annotation={card.clone()} selected={props.selected == Some(card.id)}
                    onselect={a.onselect.clone()} onretag={a.onretag.clone()}
                    onnote={a.onnote.clone()} ondelete={a.ondelete.clone()} />
            }) }
        </ol>
    }
}

/// Splits `cards` (in document order) into groups by position; returns (key, cards) pairs.
fn groups<'a>(cards: impl Iterator<Item = &'a Rc<Annotation>>) -> Vec<(usize, Vec<Rc<Annotation>>)> {
    let mut out: Vec<(usize, Vec<Rc<Annotation>>)> = Vec::new();
    for a in cards {
        let key = a.start / GROUP_SPAN;
        match out.last_mut() {
            Some((k, group)) if *k == key => group.push(a.clone()),
            _ => out.push((key, vec![a.clone()])),
        }
    }
    out
}

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

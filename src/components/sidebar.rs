//! Every annotation in document order, with counts and a tag filter.
//!
//! Cards render in groups by position in the text, each group a memoised component, so an
//! edit among 10,000 annotations re-renders one group of cards, not all of them.

use std::rc::Rc;

use annotator_core::Annotation;
use yew::prelude::*;

use super::cards::{CardActions, CardDetail, CardGroup, groups};
use super::compare_panel::ComparePanel;
use super::conflicts::{Conflicts, conflict_rows};
use super::overview::Overview;
use super::suggestions_bar::{Current, SuggestionsBar};
use crate::dom;
use crate::state::{EditAction, StateHandle, SuggestAction, UiAction, callback, stamped, use_app_state};
use annotator_core::{Tag, text};

/// Up to this many annotations every card is built at once; past it, groups are built as
/// they come near the screen.
const EAGER_CARDS: usize = 500;

#[function_component]
pub fn Sidebar() -> Html {
    let state = use_app_state();
    let ws = state.workspace();
    let actions = {
        let state = state.clone();
        use_memo((), move |_| CardActions::new(&state))
    };

    // Clicking a highlight selects its card: bring the card into view.
    use_effect_with(state.ui.selected, |selected| {
        if let Some(id) = selected {
            dom::reveal_in(".sidebar", &format!("#card-{id}"));
            dom::keep_selected_clear_of_sheet();
        }
    });

    let total = ws.annotations().len();
    let shown = |a: &&Rc<Annotation>| state.ui.filter.keeps(ws, a);
    let eager = total <= EAGER_CARDS;
    let detail = state
        .ui
        .selected
        .and_then(|id| ws.get(id))
        .map(|a| Rc::new(CardDetail::of(ws, a, state.ui.linking == Some(a.id))));
    let tags = ws.tagset().clone();
    let group = |key: String, cards: Vec<Rc<Annotation>>| {
        let selected = state.ui.selected.filter(|id| cards.iter().any(|a| a.id == *id));
        let detail = detail.clone().filter(|_| selected.is_some());
        html! { <CardGroup {key} {cards} {selected} {eager} actions={actions.clone()} tags={tags.clone()} {detail} /> }
    };
    let placed = groups(ws.annotations().iter().filter(|a| !a.orphan).filter(shown));
    let orphans: Vec<_> = ws.orphans().filter(shown).cloned().collect();
    let orphan_count = orphans.len();

    // Worked out again after every change, so that what is taken leaves the list.
    let comparison = {
        let (ws, other) = (ws.clone(), state.ui.comparing.as_ref().map(|c| (c.other.clone(), c.spans_only)));
        use_memo((state.revision(), other), move |(_, other)| {
            let (b, spans_only) = other.as_ref()?;
            annotator_core::compare_with(&ws, b, *spans_only).ok().map(Rc::new)
        })
    };
    let ontake = stamped(&state, |entry, at| EditAction::TakeB { entry, id: at.id, now: at.now });
    let onkeep = callback(&state, UiAction::KeepA);
    let onresolve =
        stamped(&state, |(ours, resolution), at| EditAction::Resolve { ours, resolution, now: at.now });
    let suggestions = suggestions_bar(&state);
    html! {
        <aside class="sidebar" aria-label="Annotations">
            <h2 class="sidebar-title">{ "Annotations" }</h2>
            <Overview />
            <Conflicts rows={conflict_rows(ws)} {onresolve} />
            { suggestions }
            if let (Some(c), Some(comparison)) = (&state.ui.comparing, (*comparison).clone()) {
                <ComparePanel name={c.name.clone()} {comparison} doc={ws.document.clone()} kept={c.kept.clone()}
                    {ontake} {onkeep} onclose={callback(&state, |()| UiAction::StopComparing)} />
            }
            if total == 0 {
                <p class="empty">{ empty_hint(ws.tagset()) }</p>
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

/// The suggestions' bar: what is suggested, the one selected, and "Tag all" for the
/// selected annotation (not a claim: claims are one-off sentences).
fn suggestions_bar(state: &StateHandle) -> Html {
    let (ws, sg) = (state.workspace(), &state.ui.suggest);
    let current = sg.current().map(|c| Current {
        what: ws.tagset().label(c.tag),
        exact: c.exact.clone(),
        entity_type: c.entity_type.clone(),
        count: c.count,
    });
    let selected = state.ui.selected.and_then(|id| ws.get(id)).filter(|a| a.tag != Tag::Claim && !a.orphan);
    let tag_all = selected.map(|a| (a, crate::effects::other_occurrences(state, a.id)));
    let ids = tag_all.as_ref().map_or(0, |(_, n)| *n);
    let of = selected.map(|a| a.id);
    let tag_all = tag_all.filter(|(_, n)| *n > 0).map(|(a, n)| (text::shorten(&a.exact, 40), n));
    let ontagall = {
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(of) = of {
                crate::effects::tag_all(&state, of, ids);
            }
        })
    };
    html! {
        <SuggestionsBar count={sg.list.len()} shown={sg.shown} match_case={sg.match_case} {current} {tag_all}
            onaccept={stamped(state, |(), at| SuggestAction::Accept { id: at.id, now: at.now })}
            onreject={callback(state, |()| SuggestAction::Reject)} {ontagall}
            onshow={callback(state, SuggestAction::Show)} onmatchcase={callback(state, SuggestAction::MatchCase)} />
    }
}

/// What to do first, with the tag keys as they are now.
fn empty_hint(tags: &annotator_core::TagSet) -> String {
    let keys = match crate::state::tag_keys(tags) {
        keys if keys.is_empty() => String::new(),
        keys => format!(" — or press its key: {keys}"),
    };
    format!(
        "No annotations yet. Select text in the article (or press Tab to reach it and Shift+arrows), then choose a tag{keys}. Press ? for every shortcut."
    )
}

//! Counts per tag and per claim status, which double as the sidebar's filters, plus a
//! text filter, "Claims without a source" and, once people have named themselves, who
//! made them.

use annotator_core::{ClaimStatus, Filter, Tag};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::{UiAction, callback, use_app_state};

#[function_component]
pub fn Overview() -> Html {
    let state = use_app_state();
    let ws = state.workspace();
    let filter = &state.ui.filter;
    let set = |f: Filter| callback(&state, move |_: MouseEvent| UiAction::SetFilter(f.clone()));
    let toggle = |f: Filter| if *filter == f { Filter::default() } else { f };
    let total = ws.annotations().len();
    let unsourced = ws.annotations().iter().filter(|a| ws.is_unsourced(a)).count();
    let statuses = ws.status_counts();
    let ontext = {
        let (state, filter) = (state.clone(), filter.clone());
        move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            state.dispatch(UiAction::SetFilter(Filter { text, ..filter.clone() }));
        }
    };
    let creators = ws.creators();
    let onby = {
        let (state, filter) = (state.clone(), filter.clone());
        move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            // "*" is anyone; "" is no one named; anything else a person's name.
            let creator = (value != "*").then_some(value);
            state.dispatch(UiAction::SetFilter(Filter { creator, ..filter.clone() }));
        }
    };
    let by = filter.creator.clone().unwrap_or_else(|| "*".to_owned());
    html! {
        <section class="overview" aria-label="Overview and filters">
            <div class="filters" role="group" aria-label="Show tag">
                <button class="filter" aria-pressed={filter.tag.is_none().to_string()}
                    onclick={set(Filter { tag: None, ..filter.clone() })}>
                    { "All" } <span class="count">{ total }</span>
                </button>
                { for ws.counts().into_iter().map(|(tag, n)| html! {
                    <button class={classes!("filter", format!("tag-{}", tag.key()))} aria-pressed={(filter.tag == Some(tag)).to_string()}
                        onclick={set(Filter { tag: if filter.tag == Some(tag) { None } else { Some(tag) }, ..filter.clone() })}>
                        <span class="swatch" aria-hidden="true"></span>{ ws.tagset().label(tag) } <span class="count">{ n }</span>
                    </button>
                }) }
            </div>
            if ws.tagset().get(Tag::Claim).is_some() {
                <div class="filters statuses" role="group" aria-label="Show claims by status">
                    { for ClaimStatus::ALL.iter().zip(statuses).map(|(s, n)| {
                        let on = filter.status == Some(*s);
                        let next = Filter { status: (!on).then_some(*s), ..filter.clone() };
                        html! {
                            <button class={classes!("filter", format!("status-{}", s.key()))} aria-pressed={on.to_string()} onclick={set(next)}>
                                { s.label() } <span class="count">{ n }</span>
                            </button>
                        }
                    }) }
                    <button id="filter-unsourced" class="filter" aria-pressed={filter.unsourced.to_string()}
                        onclick={set(toggle(Filter { unsourced: true, ..filter.clone() }))}>
                        { "Claims without a source" } <span class="count">{ unsourced }</span>
                    </button>
                </div>
            }
            if !creators.is_empty() {
                <label class="by-filter">{ "By " }
                    <select id="filter-creator" onchange={onby}>
                        <option value="*" selected={by == "*"}>{ "anyone" }</option>
                        { for creators.iter().map(|name| html! { <option value={name.clone()} selected={by == *name}>{ name }</option> }) }
                        <option value="" selected={by.is_empty()}>{ "no one named" }</option>
                    </select>
                </label>
            }
            <input id="card-filter" type="search" class="card-filter" placeholder="Filter by text, tag, type…"
                aria-label="Filter annotations by text" value={filter.text.clone()} oninput={ontext} />
            if filter.is_active() {
                <p class="filter-status">
                    { format!("Showing {} of {total}. ", ws.annotations().iter().filter(|a| filter.keeps(ws, a)).count()) }
                    <button class="linkish" onclick={set(Filter::default())}>{ "Show all" }</button>
                </p>
            }
        </section>
    }
}

//! One annotation in the sidebar; the selected one shows its editing controls.

use std::rc::Rc;

use annotator_core::text::shorten;
use annotator_core::{Annotation, Tag, TagSet};
use yew::prelude::*;

use super::actions::CardActions;
use super::detail::CardDetail;
use super::edit::CardEdit;

pub const QUOTE_GRAPHEMES: usize = 140;

#[derive(Properties)]
pub struct CardProps {
    pub annotation: Rc<Annotation>,
    pub selected: bool,
    pub tags: Rc<TagSet>,
    pub actions: Rc<CardActions>,
    /// Links and choices, worked out only for the selected card.
    pub detail: Option<Rc<CardDetail>>,
}

/// Everything compares by identity (an edit gives the annotations it changes a new `Rc`).
impl PartialEq for CardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.annotation, &other.annotation)
            && self.selected == other.selected
            && Rc::ptr_eq(&self.tags, &other.tags)
            && Rc::ptr_eq(&self.actions, &other.actions)
            && match (&self.detail, &other.detail) {
                (Some(a), Some(b)) => a == b,
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

/// The facts a collapsed card shows besides its quote: status, type, sources, who made it.
fn chips(a: &Annotation) -> Html {
    let status = (a.tag == Tag::Claim).then(|| {
        let s = a.status;
        html! { <span class={classes!("chip", "status", format!("status-{}", s.key()))}>{ s.label() }</span> }
    });
    let kind = (!a.entity_type.is_empty()).then(|| html! { <span class="chip">{ &a.entity_type }</span> });
    let sources = (a.tag == Tag::Claim).then(|| match a.sources.len() {
        0 => html! { <span class="chip unsourced">{ "No source" }</span> },
        1 => html! { <span class="chip">{ "1 source" }</span> },
        n => html! { <span class="chip">{ format!("{n} sources") }</span> },
    });
    let by = a
        .creator
        .as_ref()
        .map(|c| html! { <span class="chip by" title={c.display()}>{ format!("by {}", c.name) }</span> });
    html! { <span class="chips">{ for status }{ for kind }{ for sources }{ for by }</span> }
}

#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let a = &props.annotation;
    let (id, start) = (a.id, a.start);
    let onclick = props.actions.onselect.reform(move |_: MouseEvent| (id, start));
    let tag_class = format!("tag-{}", a.tag.key());
    let class = classes!("card", tag_class.clone(), props.selected.then_some("sel"));
    let label = props.tags.label(a.tag);
    html! {
        <li id={format!("card-{id}")} {class}>
            <button class="card-head" {onclick} aria-current={props.selected.then_some("true")}>
                <span class={classes!("badge", tag_class)}>{ label }</span>
                <q class="quote">{ shorten(&a.exact, QUOTE_GRAPHEMES) }</q>
                { chips(a) }
                if !props.selected && !a.note.is_empty() {
                    <span class="note-preview">{ shorten(&a.note, QUOTE_GRAPHEMES) }</span>
                }
            </button>
            if props.selected {
                // Only shown where the card is a sheet over the text (a phone).
                <button class="sheet-close" aria-label="Close the card"
                    onclick={props.actions.ondeselect.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            }
            if let Some(detail) = props.detail.clone().filter(|_| props.selected) {
                <CardEdit annotation={a.clone()} tags={props.tags.clone()} actions={props.actions.clone()} {detail} />
            }
        </li>
    }
}

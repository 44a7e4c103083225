//! The selected card's controls: tag, claim status or entity type, note, links between a
//! claim and its sources, the span's ends, delete.

use std::rc::Rc;

use annotator_core::editor::Edge;
use annotator_core::{Annotation, AnnotationId, ClaimStatus, Tag, TagSet};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::actions::CardActions;
use super::detail::{CardDetail, Ref};

#[derive(Properties, PartialEq)]
pub struct CardEditProps {
    pub annotation: Rc<Annotation>,
    pub tags: Rc<TagSet>,
    pub actions: Rc<CardActions>,
    pub detail: Rc<CardDetail>,
}

fn jump_list(title: &str, refs: &[Ref], actions: &CardActions, unlink_from: Option<AnnotationId>) -> Html {
    html! {
        <div class="links">
            <span class="links-title">{ title }</span>
            <ul>
                { for refs.iter().map(|(id, quote)| {
                    let id = *id;
                    let onjump = actions.onjump.reform(move |_: MouseEvent| id);
                    let unlink = unlink_from.map(|claim| {
                        let onclick = actions.onunlink.reform(move |_: MouseEvent| (claim, id));
                        html! { <button class="unlink" {onclick} aria-label={format!("Unlink “{quote}”")}>{ "Unlink" }</button> }
                    });
                    html! { <li><button class="link-jump" onclick={onjump}>{ format!("“{quote}”") }</button>{ for unlink }</li> }
                }) }
            </ul>
        </div>
    }
}

#[function_component]
pub fn CardEdit(props: &CardEditProps) -> Html {
    let (a, actions, detail) = (&props.annotation, &props.actions, &props.detail);
    let id = a.id;
    let tags = props.tags.clone();
    let onretag = actions.onretag.reform(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        (id, tags.tags.iter().find(|d| d.key.key() == value).map_or(Tag::Claim, |d| d.key))
    });
    let onstatus = actions.onstatus.reform(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        (id, ClaimStatus::from_key(&value).unwrap_or_default())
    });
    let onentity =
        actions.onentity.reform(move |e: Event| (id, e.target_unchecked_into::<HtmlSelectElement>().value()));
    let oninput = actions
        .onnote
        .reform(move |e: InputEvent| (id, e.target_unchecked_into::<HtmlTextAreaElement>().value()));
    let picked = use_node_ref();
    let onlink = {
        let (picked, onlink) = (picked.clone(), actions.onlink.clone());
        move |_: MouseEvent| {
            if let Some(source) = picked.cast::<HtmlSelectElement>().and_then(|s| s.value().parse().ok()) {
                onlink.emit((id, source));
            }
        }
    };
    let nudge = |edge: Edge, forward: bool, text: &'static str, label: &'static str, keys: &'static str| {
        let onclick = actions.onnudge.reform(move |_: MouseEvent| (edge, forward));
        html! { <button {onclick} aria-label={label} title={format!("{label} ({keys})")}>{ text }</button> }
    };
    let claim = a.tag == Tag::Claim;
    html! {
        <div class="card-edit">
            <label>{ "Tag " }
                <select onchange={onretag}>
                    { for props.tags.tags.iter().map(|d| html! {
                        <option value={d.key.key().to_owned()} selected={d.key == a.tag}>{ &d.label }</option>
                    }) }
                </select>
            </label>
            if claim {
                <label>{ "Status" }
                    <select class="status-select" onchange={onstatus}>
                        { for ClaimStatus::ALL.iter().map(|s| html! {
                            <option value={s.key()} selected={*s == a.status}>{ s.label() }</option>
                        }) }
                    </select>
                </label>
            }
            if a.tag == Tag::Entity || !a.entity_type.is_empty() {
                <label>{ "Entity type" }
                    <select class="entity-select" onchange={onentity}>
                        <option value="" selected={a.entity_type.is_empty()}>{ "—" }</option>
                        { for props.tags.entity_types.iter().map(|t| html! {
                            <option value={t.clone()} selected={*t == a.entity_type}>{ t }</option>
                        }) }
                    </select>
                </label>
            }
            <label class="note-label">{ "Note" }
                <textarea class="note" placeholder="Why it matters, what to check…" value={a.note.clone()} {oninput} />
            </label>
            if claim {
                { jump_list("Sources", &detail.sources, actions, Some(id)) }
                if detail.linking {
                    <div class="link-picker" role="group" aria-label="Link a source">
                        <select ref={picked} aria-label="Source to link">
                            { for detail.candidates.iter().map(|(sid, q)| html! { <option value={sid.to_string()}>{ format!("“{q}”") }</option> }) }
                        </select>
                        <button class="primary" onclick={onlink} disabled={detail.candidates.is_empty()}>{ "Link" }</button>
                        <button onclick={actions.onstartlink.reform(|_: MouseEvent| None)}>{ "Cancel" }</button>
                        <p class="hint">{ "…or click a source's highlight in the article." }</p>
                    </div>
                } else {
                    <button class="start-link" onclick={actions.onstartlink.reform(move |_: MouseEvent| Some(id))}>{ "Link source…" }</button>
                }
            }
            if !detail.citing.is_empty() {
                { jump_list("Cited by", &detail.citing, actions, None) }
            }
            if !a.orphan {
                <div class="ends" role="group" aria-label="Move the ends">
                    { nudge(Edge::Start, false, "◀ Start", "Extend the start", "Ctrl+Shift+Alt+←") }
                    { nudge(Edge::Start, true, "Start ▶", "Shrink the start", "Ctrl+Shift+Alt+→") }
                    { nudge(Edge::End, false, "◀ End", "Shrink the end", "Shift+Alt+←") }
                    { nudge(Edge::End, true, "End ▶", "Extend the end", "Shift+Alt+→") }
                </div>
            }
            <button class="delete" onclick={actions.ondelete.reform(move |_: MouseEvent| id)}>{ "Delete" }</button>
        </div>
    }
}

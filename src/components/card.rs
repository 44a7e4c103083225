//! One annotation in the sidebar; the selected one shows its editing controls.

use std::rc::Rc;

use annotator_core::text::shorten;
use annotator_core::{Annotation, AnnotationId, Tag};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

const QUOTE_GRAPHEMES: usize = 140;

#[derive(Properties)]
pub struct CardProps {
    pub annotation: Rc<Annotation>,
    pub selected: bool,
    pub onselect: Callback<(AnnotationId, usize)>,
    pub onretag: Callback<(AnnotationId, Tag)>,
    pub onnote: Callback<(AnnotationId, String)>,
    pub ondelete: Callback<AnnotationId>,
}

/// The annotation compares by identity (an edit gives the annotations it changes a new `Rc`).
impl PartialEq for CardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.annotation, &other.annotation)
            && self.selected == other.selected
            && self.onselect == other.onselect
            && self.onretag == other.onretag
            && self.onnote == other.onnote
            && self.ondelete == other.ondelete
    }
}

#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let a = &props.annotation;
    let (id, start) = (a.id, a.start);
    let onclick = props.onselect.reform(move |_: MouseEvent| (id, start));
    let class = classes!("card", format!("tag-{}", a.tag.key()), props.selected.then_some("sel"));
    let editor = props.selected.then(|| {
        let onchange = props.onretag.reform(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            (id, Tag::ALL.into_iter().find(|t| t.key() == value).unwrap_or(Tag::Claim))
        });
        let oninput = props.onnote.reform(move |e: InputEvent| (id, e.target_unchecked_into::<HtmlTextAreaElement>().value()));
        let ondelete = props.ondelete.reform(move |_: MouseEvent| id);
        html! {
            <div class="card-edit">
                <label>{ "Tag " }
                    <select {onchange}>
                        { for Tag::ALL.iter().map(|t| html! {
                            <option value={t.key()} selected={*t == a.tag}>{ t.label() }</option>
                        }) }
                    </select>
                </label>
                <label class="note-label">{ "Note" }
                    <textarea class="note" placeholder="Why it matters, what to check…" value={a.note.clone()} {oninput} />
                </label>
                <button class="delete" onclick={ondelete}>{ "Delete" }</button>
            </div>
        }
    });
    html! {
        <li id={format!("card-{id}")} {class}>
            <button class="card-head" {onclick} aria-current={props.selected.then_some("true")}>
                <span class={classes!("badge", format!("tag-{}", a.tag.key()))}>{ a.tag.label() }</span>
                <q class="quote">{ shorten(&a.exact, QUOTE_GRAPHEMES) }</q>
                if !props.selected && !a.note.is_empty() {
                    <span class="note-preview">{ shorten(&a.note, QUOTE_GRAPHEMES) }</span>
                }
            </button>
            { for editor }
        </li>
    }
}

//! Editing the tag set: rename, recolour, change keys, add and remove tags, and the list
//! of entity types. Applied in one undoable step. A swatch shows a colour as soon as it is
//! chosen; removing a tag still in use is refused at once (with how many use it), so that
//! Save never fails over it and nothing else edited here has to be given up.

use std::rc::Rc;

use annotator_core::{Editor, PALETTE, TagError, TagSet};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;
use super::swatch::Swatch;

#[derive(Properties, PartialEq)]
pub struct TagsDialogProps {
    /// The open document's editor: its tag set, and the rules a new one must keep.
    pub editor: Rc<Editor>,
    /// Called with the new tag set, once the editor would take it.
    pub onsave: Callback<TagSet>,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn TagsDialog(props: &TagsDialogProps) -> Html {
    let draft = use_state(|| (**props.editor.workspace().tagset()).clone());
    let error = use_state(|| None::<String>);
    let new_label = use_node_ref();
    // Focus moves into the dialog, where a keyboard user can start typing a new tag.
    use_focus_on_mount(new_label.clone());
    let onremove = |i: usize| {
        let (editor, draft, error) = (props.editor.clone(), draft.clone(), error.clone());
        move |_: MouseEvent| {
            let mut next = (*draft).clone();
            let gone = next.tags.remove(i);
            let count = editor.workspace().uses(gone.key);
            if count > 0 {
                error.set(Some(TagError::InUse { label: gone.label, count }.to_string()));
            } else {
                draft.set(next);
                error.set(None);
            }
        }
    };
    let edit = |f: fn(&mut TagSet, usize, String), i: usize| {
        let draft = draft.clone();
        move |value: String| {
            let mut next = (*draft).clone();
            f(&mut next, i, value);
            draft.set(next);
        }
    };
    let onadd = {
        let (draft, error, input) = (draft.clone(), error.clone(), new_label.clone());
        move |_: MouseEvent| {
            let Some(input) = input.cast::<HtmlInputElement>() else { return };
            let mut next = (*draft).clone();
            match next.add(&input.value()) {
                Ok(_) => {
                    draft.set(next);
                    error.set(None);
                    input.set_value("");
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let ontypes = {
        let draft = draft.clone();
        move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*draft).clone();
            next.entity_types =
                value.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
            draft.set(next);
        }
    };
    let onsave = {
        let (editor, draft, error, onsave, onclose) =
            (props.editor.clone(), draft.clone(), error.clone(), props.onsave.clone(), props.onclose.clone());
        move |_: MouseEvent| match editor.check_tagset(&draft) {
            Ok(()) => {
                onsave.emit((*draft).clone());
                onclose.emit(());
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    html! {
        <Dialog title="Tags" title_id="tags-title" onclose={props.onclose.clone()}>
            <p class="hint">{ "Every tag has a colour from a colour-blind-safe palette and its own underline style. Removing a tag is only possible once no annotation uses it." }</p>
            <ul class="tag-rows">
                { for draft.tags.iter().enumerate().map(|(i, d)| {
                    let label = edit(|s, i, v| s.tags[i].label = v, i);
                    let colour = edit(|s, i, v| s.tags[i].colour = v, i);
                    let hotkey = edit(|s, i, v| s.tags[i].hotkey = v, i);
                    html! {
                        <li class={classes!("tag-row", format!("tag-{}", d.key))}>
                            <Swatch colour={d.colour.clone()} />
                            <input class="tag-label" aria-label="Name" value={d.label.clone()}
                                oninput={move |e: InputEvent| label(e.target_unchecked_into::<HtmlInputElement>().value())} />
                            <select class="tag-colour" aria-label={format!("Colour of {}", d.label)}
                                onchange={move |e: Event| colour(e.target_unchecked_into::<HtmlSelectElement>().value())}>
                                { for PALETTE.iter().map(|(hex, name)| html! {
                                    <option value={*hex} selected={d.colour.eq_ignore_ascii_case(hex)}>{ *name }</option>
                                }) }
                            </select>
                            <input class="tag-key" aria-label={format!("Key for {}", d.label)} maxlength="1" size="2" value={d.hotkey.clone()}
                                oninput={move |e: InputEvent| hotkey(e.target_unchecked_into::<HtmlInputElement>().value())} />
                            <button class="tag-remove" aria-label={format!("Remove {}", d.label)}
                                onclick={onremove(i)}>{ "Remove" }</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="tag-add">
                <input id="new-tag" ref={new_label} aria-label="New tag name" placeholder="New tag, e.g. Quote" />
                <button onclick={onadd}>{ "Add tag" }</button>
            </div>
            <label>{ "Entity types (comma-separated)" }
                <input id="entity-types" value={draft.entity_types.join(", ")} onchange={ontypes} />
            </label>
            if let Some(e) = &*error { <p class="form-error" role="alert">{ e }</p> }
            <div class="dialog-actions">
                <button onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                <button class="primary" id="tags-save" onclick={onsave}>{ "Save" }</button>
            </div>
        </Dialog>
    }
}

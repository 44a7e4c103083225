//! The list of keyboard shortcuts (`?`).

use std::rc::Rc;

use annotator_core::TagSet;
use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;
use crate::keymap;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// The tag set: its keys head the list.
    pub tags: Rc<TagSet>,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn Help(props: &HelpProps) -> Html {
    let close = use_node_ref();
    use_focus_on_mount(close.clone());
    let tags = props.tags.tags.iter().filter(|d| !d.hotkey.is_empty()).map(|d| {
        html! { <tr><th scope="row"><kbd>{ &d.hotkey }</kbd></th><td>{ format!("Tag the selection (or retag the selected annotation) as {}", d.label) }</td></tr> }
    });
    html! {
        <Dialog title="Keyboard shortcuts" title_id="help-title" onclose={props.onclose.clone()}>
            <table class="shortcuts">
                <thead><tr><th scope="col">{ "Keys" }</th><th scope="col">{ "What they do" }</th></tr></thead>
                <tbody>
                    { for tags }
                    { for keymap::help_rows().map(|(k, what)| html! { <tr><th scope="row"><kbd>{ k }</kbd></th><td>{ what }</td></tr> }) }
                </tbody>
            </table>
            <div class="dialog-actions">
                <button ref={close} class="primary" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close" }</button>
            </div>
        </Dialog>
    }
}

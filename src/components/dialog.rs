//! The one shell every dialog is drawn in: a backdrop, a modal dialog named by its heading,
//! and Escape to close it (wherever the focus is). Each dialog puts the focus where its
//! person starts (`use_focus_on_mount`), and it goes back where it was when it closes.

use yew::prelude::*;

use super::escape::use_escape;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// The heading, which also names the dialog for screen readers.
    pub title: AttrValue,
    /// The heading's id (tests and `aria-labelledby` find the dialog by it).
    pub title_id: AttrValue,
    pub onclose: Callback<()>,
    /// More classes for the dialog's box (`library`).
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Dialog(props: &DialogProps) -> Html {
    use_escape(props.onclose.clone());
    html! {
        <div class="backdrop">
            <div class={classes!("dialog", props.class.clone())} role="dialog" aria-modal="true"
                aria-labelledby={props.title_id.clone()}>
                <h2 id={props.title_id.clone()}>{ props.title.clone() }</h2>
                { props.children.clone() }
            </div>
        </div>
    }
}

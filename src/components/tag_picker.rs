//! The small menu that appears under a fresh selection.

use std::rc::Rc;

use annotator_core::{Tag, TagSet};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TagPickerProps {
    /// Viewport position just under the selection.
    pub x: f64,
    pub y: f64,
    /// The tags to offer, in the set's order.
    pub tags: Rc<TagSet>,
    pub ontag: Callback<Tag>,
}

#[function_component]
pub fn TagPicker(props: &TagPickerProps) -> Html {
    let tags = &props.tags;
    let node = use_node_ref();
    {
        // Placed once it has its size: inside the window, above the selection near the bottom.
        let node = node.clone();
        use_effect_with((props.x, props.y), move |(x, y)| {
            if let Some(el) = node.cast::<HtmlElement>() {
                crate::dom::place_popup(&el, *x, *y);
            }
        });
    }
    html! {
        <div class="picker" role="toolbar" aria-label="Tag the selection" ref={node}
            // Keep the text selection while a button is pressed.
            onmousedown={|e: MouseEvent| e.prevent_default()}>
            { for tags.tags.iter().map(|def| {
                let tag: Tag = def.key;
                let onclick = props.ontag.reform(move |_: MouseEvent| tag);
                let key = (!def.hotkey.is_empty()).then(|| def.hotkey.clone());
                let title = key.as_ref().map_or_else(|| def.label.clone(), |k| format!("{} (key {k})", def.label));
                html! {
                    <button class={classes!("pick", format!("tag-{}", tag.key()))} {onclick}
                        aria-keyshortcuts={key.clone()} {title}>
                        { &def.label } if let Some(k) = key { <kbd>{ k }</kbd> }
                    </button>
                }
            }) }
        </div>
    }
}

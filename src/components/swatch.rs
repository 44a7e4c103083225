//! A tag's colour, shown as a small square.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SwatchProps {
    pub colour: AttrValue,
}

/// A tag's colour as chosen in the dialog, before it is saved. Set through the CSSOM: the
/// page's CSP forbids inline `style` attributes.
#[function_component]
pub fn Swatch(props: &SwatchProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.colour.clone(), move |colour| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("--tag", colour);
            }
        });
    }
    html! { <span class="swatch" aria-hidden="true" ref={node}></span> }
}

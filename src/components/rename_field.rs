//! The Library's rename field: the title offered once, then whatever the person types
//! (a save finishing meanwhile re-renders the list, and must not put the old title back).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::hooks::use_initial_value;

#[derive(Properties, PartialEq)]
pub struct RenameFieldProps {
    /// The title now.
    pub title: String,
    /// Called with the new title on Save.
    pub onrename: Callback<String>,
}

#[function_component]
pub fn RenameField(props: &RenameFieldProps) -> Html {
    let input = use_node_ref();
    use_initial_value(input.clone(), props.title.clone(), false);
    let onsubmit = {
        let (input, onrename) = (input.clone(), props.onrename.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            onrename.emit(input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default());
        }
    };
    html! {
        <form class="rename" {onsubmit}>
            <input name="title" aria-label="New title" ref={input} />
            <button class="primary">{ "Save" }</button>
        </form>
    }
}

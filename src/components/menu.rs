//! A toolbar menu: a button that shows a group of commands below it (the disclosure
//! pattern). It closes when a command is chosen, on Escape (focus back on its button), and
//! on a press anywhere else. Its items stay in the page while closed (hidden), so a file
//! input inside keeps working and every id stays unique.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MenuProps {
    /// The button's text, also the group's name for screen readers.
    pub label: AttrValue,
    /// The button's id (its items get `<id>-items`).
    pub id: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// Whether `e`'s target is (inside) a command: a button, or a label that acts as one.
fn chose_command(e: &MouseEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("button, label.button").ok().flatten())
        .is_some()
}

#[function_component]
pub fn Menu(props: &MenuProps) -> Html {
    let open = use_state_eq(|| false);
    let node = use_node_ref();
    let button = use_node_ref();
    {
        // A press outside the open menu closes it (a press on its button toggles it instead).
        let (open, node) = (open.clone(), node.clone());
        use_effect_with(*open, move |is_open| {
            let listener = is_open.then(|| {
                EventListener::new(&gloo::utils::document(), "pointerdown", move |e| {
                    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    let inside =
                        node.cast::<web_sys::Node>().is_some_and(|menu| menu.contains(target.as_ref()));
                    if !inside {
                        open.set(false);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let ontoggle = {
        let open = open.clone();
        move |_: MouseEvent| open.set(!*open)
    };
    let onchoose = {
        let open = open.clone();
        move |e: MouseEvent| {
            if chose_command(&e) {
                open.set(false);
            }
        }
    };
    let onkeydown = {
        let (open, button) = (open.clone(), button.clone());
        move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                // Only the menu closes: the selection and dialogs are left as they are.
                e.stop_propagation();
                open.set(false);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        }
    };
    let items = format!("{}-items", props.id);
    html! {
        <div class="menu" ref={node} {onkeydown}>
            <button id={props.id.clone()} ref={button} class="menu-button" aria-expanded={(*open).to_string()}
                aria-controls={items.clone()} onclick={ontoggle}>{ props.label.clone() }</button>
            <div id={items} class="menu-items" role="group" aria-label={props.label.clone()} hidden={!*open}
                onclick={onchoose}>
                { props.children.clone() }
            </div>
        </div>
    }
}

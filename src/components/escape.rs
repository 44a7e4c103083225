//! Dialog behaviour: Escape closes the open dialog wherever the focus is, and focus moves
//! into a dialog when it opens.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Focuses the element behind `node` once, when the calling component is mounted, and
/// gives the focus back to where it was when the component goes (a dialog closing), so a
/// keyboard user carries on from the button or the article they left.
#[hook]
pub fn use_focus_on_mount(node: NodeRef) {
    use_effect_with((), move |_| {
        let before = gloo::utils::document().active_element();
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
        move || {
            if let Some(el) = before.filter(|el| el.is_connected()).and_then(shown_or_menu) {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    });
}

/// Calls `onclose` when Escape is pressed anywhere while the calling component is mounted.
#[hook]
pub fn use_escape(onclose: Callback<()>) {
    // Registered once: the keyboard shortcuts also react to Escape and re-render the app in
    // the same event, and a listener re-registered mid-event would miss it.
    let latest = use_mut_ref(|| onclose.clone());
    *latest.borrow_mut() = onclose;
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
            if e.unchecked_ref::<KeyboardEvent>().key() == "Escape" {
                let onclose = latest.borrow().clone();
                onclose.emit(());
            }
        });
        move || drop(listener)
    });
}

/// `el`, or when it is hidden now (a command in a menu that closed as it was chosen), the
/// button of the menu it is in.
fn shown_or_menu(el: web_sys::Element) -> Option<web_sys::Element> {
    if el.get_client_rects().length() > 0 {
        return Some(el);
    }
    el.closest(".menu").ok().flatten()?.query_selector(".menu-button").ok().flatten()
}

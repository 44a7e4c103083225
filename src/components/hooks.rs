//! Hooks several components share: content built only near the screen, the height hint
//! for content the browser skips, and whether the window is phone-narrow.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::dom;

/// Tells CSS roughly how tall the content is while it is skipped (`--rows`, in lines of
/// text), so the scrollbar is about right before the browser has laid it out. Set through
/// the CSSOM: the Content-Security-Policy forbids style attributes.
#[hook]
pub fn use_rows_hint(node: NodeRef, rows: usize) {
    use_effect_with(rows, move |rows| {
        if let Some(el) = node.cast::<HtmlElement>() {
            let _ = el.style().set_property("--rows", &rows.to_string());
        }
    });
}

/// Whether the element behind `node` has come within 800 px of the screen (once it has, it
/// stays so), watched only while `watch`: for content only worth building once someone
/// gets near it.
#[hook]
pub fn use_near_screen(node: NodeRef, watch: bool) -> bool {
    let near = use_state(|| false);
    {
        let near = near.clone();
        use_effect_with(watch && !*near, move |watching| {
            let watch = watching
                .then(|| node.cast::<web_sys::Element>())
                .flatten()
                .and_then(|el| dom::NearScreen::watch(&el, 800, move || near.set(true)));
            move || drop(watch)
        });
    }
    *near
}

/// Where the toolbar folds into one menu (the same width as in `styles/main.css`).
pub const NARROW: &str = "(max-width: 40rem)";

/// Whether the window is phone-narrow, following it as it changes.
#[hook]
pub fn use_narrow() -> bool {
    let narrow = use_state_eq(|| dom::matches_media(NARROW));
    {
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            let watch = dom::watch_media(NARROW, move |matches| narrow.set(matches));
            move || drop(watch)
        });
    }
    *narrow
}

/// Sets an uncontrolled field's value (and a checkbox's state) once, when it mounts. Yew
/// keeps `value` and `checked` attributes in step with its own view, so a field given
/// them is reset by any re-render (a save finishing, a tab's message) and loses what the
/// person typed; a field set here keeps it.
#[hook]
pub fn use_initial_value(node: NodeRef, value: String, checked: bool) {
    use_effect_with((), move |_| {
        if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
            input.set_value(&value);
            input.set_checked(checked);
        }
    });
}

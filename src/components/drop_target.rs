//! What the page shows while a file is dragged over it: where it can be dropped.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

/// Whether the drag carries files (not text or a link dragged from the page).
fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

/// An outline over the page and a line saying what dropping does, from the moment a file
/// is dragged into the window until it is dropped or taken out again.
#[function_component]
pub fn DropTarget() -> Html {
    let shown = use_state_eq(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on = |name: &'static str, show: fn(&DragEvent) -> bool| {
                let shown = shown.clone();
                EventListener::new(&window, name, move |e| shown.set(show(e.unchecked_ref())))
            };
            let listeners = [
                on("dragenter", carries_files),
                on("dragover", carries_files),
                // Leaving the window (no element to go to), not just moving between elements.
                on("dragleave", |e| e.related_target().is_some() && carries_files(e)),
                on("drop", |_| false),
                on("dragend", |_| false),
            ];
            move || drop(listeners)
        });
    }
    if !*shown {
        return html! {};
    }
    html! {
        <div class="drop-target" aria-hidden="true">
            <p>{ "Drop a .txt, .md or .html file to open it, or an export (.json) to import it" }</p>
        </div>
    }
}

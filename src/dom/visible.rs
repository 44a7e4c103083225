//! Whether an element has come near the screen (IntersectionObserver), for content that is
//! only worth building once someone scrolls to it.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Calls `on_near` once, when `el` first comes within `margin_px` of the visible area
/// (including inside a scrolling panel). Dropping the guard stops watching.
pub struct NearScreen {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearScreen {
    pub fn watch(el: &Element, margin_px: u32, on_near: impl Fn() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near =
                entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
            if near {
                on_near();
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(&format!("{margin_px}px 0px"));
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
        observer.observe(el);
        Some(Self { observer, _callback: callback })
    }
}

impl Drop for NearScreen {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

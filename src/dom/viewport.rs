//! Which part of the article the window shows, in code points: where Find starts, and the
//! minimap's frame.

use web_sys::Element;

use super::selection::char_at_point;

/// Pixels between probes when a probe lands between lines (a blank line's gap).
const PROBE_STEP: f64 = 12.0;

/// The code points at the top and at the bottom of what the window shows of `root` (the
/// article text), below a sticky bar `top_px` high. `None` for an end when it cannot be
/// told; the whole text above or below the window gives `0` or `len`.
pub fn shown_range(root: &Element, top_px: f64, len: usize) -> (Option<usize>, Option<usize>) {
    let Some(height) = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64()) else {
        return (None, None);
    };
    let rect = root.get_bounding_client_rect();
    let x = rect.left() + 4.0;
    // Between paragraphs there is no text under the point: look a little further in.
    let probe = |from: f64, step: f64| {
        (0..8).find_map(|i| char_at_point(root, x, from + step * f64::from(i) * PROBE_STEP))
    };
    let first = if rect.top() >= top_px { Some(0) } else { probe(top_px + 2.0, 1.0) };
    let last = if rect.bottom() <= height { Some(len) } else { probe(height - 2.0, -1.0) };
    (first, last)
}

/// How far down the window the sticky bars reach (the toolbar and messages, and Find
/// above the article), in viewport pixels.
pub fn covered_top() -> f64 {
    let bottom = |selector: &str| {
        gloo::utils::document()
            .query_selector(selector)
            .ok()
            .flatten()
            .map_or(0.0, |el| el.get_bounding_client_rect().bottom())
    };
    bottom(".top").max(bottom(".find"))
}

/// The first code point the window shows of the article (`0` when it cannot be told).
pub fn first_shown(len: usize) -> usize {
    let Some(root) = gloo::utils::document().get_element_by_id("article-text") else { return 0 };
    shown_range(&root, covered_top(), len).0.unwrap_or(0)
}

/// Calls `f` at most once per frame after the window scrolls or resizes, while the
/// returned listeners live. Passive (gloo's default): it never delays scrolling.
pub fn on_scroll_frames(f: impl Fn() + 'static) -> [gloo::events::EventListener; 2] {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;

    let (f, queued) = (Rc::new(f), Rc::new(Cell::new(false)));
    let schedule = move || {
        if queued.replace(true) {
            return;
        }
        let (f, queued) = (f.clone(), queued.clone());
        let next = wasm_bindgen::closure::Closure::once_into_js(move || {
            queued.set(false);
            f();
        });
        let _ = gloo::utils::window().request_animation_frame(next.unchecked_ref());
    };
    let schedule = Rc::new(schedule);
    let window = gloo::utils::window();
    let on = |event| {
        let schedule = schedule.clone();
        gloo::events::EventListener::new(&window, event, move |_| schedule())
    };
    [on("scroll"), on("resize")]
}

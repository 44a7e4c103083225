//! Drawing the minimap: the annotations on its canvas, and the frame round the part of the
//! text the window shows.

use annotator_core::Editor;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::viewport;

pub fn draw(el: &HtmlCanvasElement, editor: &Editor) {
    let ratio = gloo::utils::window().device_pixel_ratio();
    let (w, h) = (f64::from(el.client_width()) * ratio, f64::from(el.client_height()) * ratio);
    // Resizing reallocates the canvas: only when the strip's size changed.
    if el.width() != w as u32 || el.height() != h as u32 {
        el.set_width(w as u32);
        el.set_height(h as u32);
    }
    let Some(ctx) =
        el.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, w, h);
    let tags = &editor.workspace().tagset().tags;
    let rows = editor.workspace().minimap_rows(h as usize);
    let mut start = 0;
    for i in 1..=rows.len() {
        if i < rows.len() && rows[i] == rows[start] {
            continue;
        }
        if let Some(colour) = rows[start].and_then(|c| tags.get(c)) {
            ctx.set_fill_style_str(&colour.colour);
            ctx.fill_rect(0.0, start as f64, w, (i - start) as f64);
        }
        start = i;
    }
}

/// Moves the frame to the part of the text the window shows (as shares of the text, the
/// strip's own scale).
pub fn place_frame(frame: &web_sys::HtmlElement, len: usize) {
    let Some(root) = gloo::utils::document().get_element_by_id("article-text") else { return };
    let (first, last) = viewport::shown_range(&root, viewport::covered_top(), len);
    let (Some(first), Some(last)) = (first, last) else { return };
    let share = |at: usize| at.min(len) as f64 * 100.0 / len.max(1) as f64;
    let style = frame.style();
    let _ = style.set_property("top", &super::css_len(share(first), "%"));
    let _ = style.set_property("height", &super::css_len(share(last.max(first)) - share(first), "%"));
}

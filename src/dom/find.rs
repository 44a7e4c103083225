//! Highlights drawn with the CSS Custom Highlight API (`::highlight(find)` and
//! `::highlight(resize)` in the style sheet): "Find in article" matches, and the extent a
//! dragged handle would give. No element of the text changes.

use std::ops::Range;

use annotator_core::Line;
use annotator_core::text::line_start;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::caret::dom_point;

fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    Reflect::get(&css, &"highlights".into()).ok().filter(|h| !h.is_undefined())
}

fn set(registry: &JsValue, name: &str, ranges: &Array) -> Option<()> {
    let ctor: Function = Reflect::get(&js_sys::global(), &"Highlight".into()).ok()?.dyn_into().ok()?;
    let highlight = Reflect::construct(&ctor, ranges).ok()?;
    let setter: Function = Reflect::get(registry, &"set".into()).ok()?.dyn_into().ok()?;
    setter.call2(registry, &name.into(), &highlight).ok()?;
    Some(())
}

/// Highlights `matches` (code points) in the article and brings match `current` into view.
pub fn highlight(lines: &[Line], matches: &[Range<usize>], current: usize) {
    thread_local! {
        /// Whether any match is highlighted now: an edit with no search touches nothing.
        static SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if matches.is_empty() && !SHOWN.with(|s| s.get()) {
        return;
    }
    SHOWN.with(|s| s.set(!matches.is_empty()));
    let (Some(registry), Some(root)) =
        (registry(), gloo::utils::document().get_element_by_id("article-text"))
    else {
        return;
    };
    let (all, now) = (Array::new(), Array::new());
    for (i, m) in matches.iter().enumerate() {
        let Some(range) = dom_range(&root, lines, m) else { continue };
        if i == current {
            now.push(&range);
            if let Some(el) = range.start_container().ok().and_then(|n| n.parent_element()) {
                let opts = ScrollIntoViewOptions::new();
                opts.set_block(ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        } else {
            all.push(&range);
        }
    }
    set(&registry, "find", &all);
    set(&registry, "find-current", &now);
}

/// Shows `extent` (code points) as the span a dragged handle would make, or nothing.
/// `line_of` gives the start of the line holding a code point.
pub fn preview(root: &Element, extent: Option<Range<usize>>, line_of: impl Fn(usize) -> usize) {
    let Some(registry) = registry() else { return };
    let ranges = Array::new();
    if let Some(range) = extent.and_then(|r| range_in(root, &r, &line_of)) {
        ranges.push(&range);
    }
    set(&registry, "resize", &ranges);
}

fn dom_range(root: &Element, lines: &[Line], m: &Range<usize>) -> Option<web_sys::Range> {
    range_in(root, m, |at| line_start(lines, at))
}

fn range_in(root: &Element, m: &Range<usize>, line_of: impl Fn(usize) -> usize) -> Option<web_sys::Range> {
    let (start_node, start) = dom_point(root, line_of(m.start), m.start)?;
    let (end_node, end) = dom_point(root, line_of(m.end), m.end)?;
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(&start_node, start).ok()?;
    range.set_end(&end_node, end).ok()?;
    Some(range)
}

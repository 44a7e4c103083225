//! Highlights drawn with the CSS Custom Highlight API (`::highlight(find)` and
//! `::highlight(resize)` in the style sheet): "Find in article" matches, and the extent a
//! dragged handle would give. No element of the text changes.

use std::ops::Range;

use annotator_core::Line;
use annotator_core::text::line_start;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, StaticRange, StaticRangeInit};

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

/// Brings a match into the middle of what the sticky bars leave of the window, unless it is
/// in view already. The match itself, not its paragraph: a long paragraph is taller than
/// the window, and centring it can leave the match out of sight.
fn show_match(range: &web_sys::Range) {
    let window = gloo::utils::window();
    let Some(height) = window.inner_height().ok().and_then(|h| h.as_f64()) else { return };
    let covered = super::viewport::covered_top();
    let r = range.get_bounding_client_rect();
    if r.top() >= covered && r.bottom() <= height {
        return;
    }
    let middle = covered + (height - covered) / 2.0;
    window.scroll_by_with_x_and_y(0.0, r.top() + r.height() / 2.0 - middle);
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
        let Some(ends) = ends(&root, lines, m) else { continue };
        if i == current {
            let Some(range) = live(ends) else { continue };
            show_match(&range);
            now.push(&range);
        } else if let Some(range) = fixed(ends) {
            all.push(&range);
        }
    }
    set(&registry, "find", &all);
    set(&registry, "find-current", &now);
}

/// Marks the lines of an open comparison in the article, each under its kind's highlight
/// (`compare-only-a`, `compare-only-b`, `compare-changed`); none clears them.
pub fn mark_compared(lines: &[Line], marks: &[(&str, Range<usize>)]) {
    let (Some(registry), Some(root)) =
        (registry(), gloo::utils::document().get_element_by_id("article-text"))
    else {
        return;
    };
    for kind in ["only-a", "only-b", "changed"] {
        let ranges = Array::new();
        for (_, m) in marks.iter().filter(|(k, _)| *k == kind) {
            if let Some(range) = ends(&root, lines, m).and_then(fixed) {
                ranges.push(&range);
            }
        }
        set(&registry, &format!("compare-{kind}"), &ranges);
    }
}

/// Draws `ranges` (code points) under highlight `name`, replacing what it drew before:
/// the suggestions (`suggestion`, `suggestion-current`).
pub fn mark(name: &str, lines: &[Line], ranges: &[Range<usize>]) {
    let (Some(registry), Some(root)) =
        (registry(), gloo::utils::document().get_element_by_id("article-text"))
    else {
        return;
    };
    let all = Array::new();
    for m in ranges {
        if let Some(range) = ends(&root, lines, m).and_then(fixed) {
            all.push(&range);
        }
    }
    set(&registry, name, &all);
}

/// Highlights `hit` (code points) as the place a library search opened the article at
/// (`search-hit`) and brings it into view; `None` clears it.
pub fn reveal(lines: &[Line], hit: Option<&Range<usize>>) {
    let (Some(registry), Some(root)) =
        (registry(), gloo::utils::document().get_element_by_id("article-text"))
    else {
        return;
    };
    let ranges = Array::new();
    if let Some(range) = hit.and_then(|m| live(ends(&root, lines, m)?)) {
        show_match(&range);
        ranges.push(&range);
    }
    set(&registry, "search-hit", &ranges);
}

/// Shows `extent` (code points) as the span a dragged handle would make, or nothing.
/// `line_of` gives the start of the line holding a code point.
pub fn preview(root: &Element, extent: Option<Range<usize>>, line_of: impl Fn(usize) -> usize) {
    let Some(registry) = registry() else { return };
    let ranges = Array::new();
    if let Some(range) = extent.and_then(|r| live(ends_in(root, &r, &line_of)?)) {
        ranges.push(&range);
    }
    set(&registry, "resize", &ranges);
}

/// Where `m` (code points) is in the page: a DOM point at each end.
type Ends = ((web_sys::Node, u32), (web_sys::Node, u32));

fn ends(root: &Element, lines: &[Line], m: &Range<usize>) -> Option<Ends> {
    ends_in(root, m, |at| line_start(lines, at))
}

fn ends_in(root: &Element, m: &Range<usize>, line_of: impl Fn(usize) -> usize) -> Option<Ends> {
    Some((dom_point(root, line_of(m.start), m.start)?, dom_point(root, line_of(m.end), m.end)?))
}

/// A static range, not a live one: a live range is updated by the browser at every change
/// to the page until it is collected, and the thousands a redraw of the suggestions drops
/// made each later edit's commit slower (10 ms to 50 at book length) until a collection.
/// Every highlight is drawn again after each edit anyway.
fn fixed(((start_node, start), (end_node, end)): Ends) -> Option<StaticRange> {
    StaticRange::new(&StaticRangeInit::new(&end_node, end, &start_node, start)).ok()
}

/// A live range: for the one range drawn of a kind, which is measured on screen.
fn live(((start_node, start), (end_node, end)): Ends) -> Option<web_sys::Range> {
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(&start_node, start).ok()?;
    range.set_end(&end_node, end).ok()?;
    Some(range)
}

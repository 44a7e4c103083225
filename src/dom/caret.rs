//! The keyboard caret on screen (where it is lives in the state, `Ui::caret`): the DOM
//! selection that shows what Shift+arrows selected, and the drawn caret (the text is not
//! editable, so the browser draws none).

use annotator_core::caret::Visual;
use annotator_core::offsets::char_to_utf16;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use super::selection::boundary_to_char;

fn attr(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// The DOM point (text node and UTF-16 offset) of code point `at`, on the line that starts
/// at `line_start`.
pub(crate) fn dom_point(root: &Element, line_start: usize, at: usize) -> Option<(Node, u32)> {
    let line = root.query_selector(&format!("p.line[data-s=\"{line_start}\"]")).ok()??;
    let segments = line.children();
    let mut last = None;
    for i in 0..segments.length() {
        let seg = segments.item(i)?;
        let (s, e) = (attr(&seg, "data-s")?, attr(&seg, "data-e")?);
        if s <= at && at <= e {
            last = Some((seg, s));
            if at < e {
                break;
            }
        }
    }
    let Some((seg, s)) = last else {
        return Some((line.into(), 0)); // an empty line
    };
    let nodes = seg.child_nodes();
    let text =
        (0..nodes.length()).filter_map(|i| nodes.item(i)).find(|n| n.node_type() == Node::TEXT_NODE)?;
    let content = text.text_content().unwrap_or_default();
    Some((text, char_to_utf16(&content, at - s) as u32))
}

/// Shows `anchor..focus` as the page's selection and draws the caret at `focus`. Returns
/// where a tag picker for the selection goes (viewport coordinates), if anything is
/// selected. `line_of` gives the start of the line holding a code point.
pub fn show(
    root: &Element,
    anchor: usize,
    focus: usize,
    line_of: impl Fn(usize) -> usize,
) -> Option<(f64, f64)> {
    let (a_node, a_off) = dom_point(root, line_of(anchor), anchor)?;
    let (f_node, f_off) = dom_point(root, line_of(focus), focus)?;
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    selection.set_base_and_extent(&a_node, a_off, &f_node, f_off).ok()?;
    let caret = gloo::utils::document().create_range().ok()?;
    caret.set_start(&f_node, f_off).ok()?;
    let rect = caret.get_bounding_client_rect();
    if let Some(marker) =
        gloo::utils::document().get_element_by_id("caret").and_then(|m| m.dyn_into::<HtmlElement>().ok())
    {
        // Absolutely positioned: relative to its containing block (the article, its parent,
        // which is also where it is while hidden and has no `offsetParent`), not the page.
        let (ox, oy) = match marker.offset_parent().or_else(|| marker.parent_element()) {
            Some(parent) => {
                let r = parent.get_bounding_client_rect();
                (r.left() + f64::from(parent.client_left()), r.top() + f64::from(parent.client_top()))
            }
            None => (-window.scroll_x().unwrap_or(0.0), -window.scroll_y().unwrap_or(0.0)),
        };
        let style = marker.style();
        let _ = style.set_property("left", &super::css_len(rect.left() - ox, "px"));
        let _ = style.set_property("top", &super::css_len(rect.top() - oy, "px"));
        let _ = style.set_property("height", &super::css_len(rect.height().max(16.0), "px"));
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        marker.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    let range = selection.get_range_at(0).ok()?;
    let r = range.get_bounding_client_rect();
    (anchor != focus).then(|| (r.left() + r.width() / 2.0, r.bottom()))
}

/// Where the caret at `at` lands after a `Visual` move, found by moving a collapsed DOM
/// selection (`Selection.modify`). `None` when the browser cannot say (nothing rendered
/// there); the caller falls back to moving by paragraph.
pub fn on_screen(root: &Element, at: usize, how: Visual, line_of: impl Fn(usize) -> usize) -> Option<usize> {
    let (node, offset) = dom_point(root, line_of(at), at)?;
    let selection = web_sys::window()?.get_selection().ok()??;
    selection.collapse_with_offset(Some(&node), offset).ok()?;
    let (direction, granularity) = match how {
        Visual::LineDown => ("forward", "line"),
        Visual::LineUp => ("backward", "line"),
        Visual::LineStart => ("backward", "lineboundary"),
        Visual::LineEnd => ("forward", "lineboundary"),
    };
    selection.modify("move", direction, granularity).ok()?;
    let node = selection.focus_node()?;
    if !root.contains(Some(&node)) {
        return None;
    }
    boundary_to_char(&node, selection.focus_offset())
}

/// Where a click left the caret (a collapsed selection inside `root`).
pub fn from_selection(root: &Element) -> Option<usize> {
    let selection = web_sys::window()?.get_selection().ok()??;
    let node = selection.focus_node()?;
    if !root.contains(Some(&node)) {
        return None;
    }
    boundary_to_char(&node, selection.focus_offset())
}

/// Where the window's selection in `root` begins and ends (both the same for a caret).
pub fn selection_ends(root: &Element) -> Option<(usize, usize)> {
    match super::selected_range(root) {
        Some(r) => Some((r.anchor, r.focus)),
        None => from_selection(root).map(|at| (at, at)),
    }
}

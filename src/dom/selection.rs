//! DOM selection → code point range.

use annotator_core::offsets::utf16_to_char;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The user's current selection inside the article, in code points, with the spot on
/// screen where the tag picker should appear.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectedRange {
    /// Where the drag started and ended (either order, not yet snapped).
    pub anchor: usize,
    pub focus: usize,
    /// Viewport coordinates just below the end of the selection.
    pub x: f64,
    pub y: f64,
}

fn attr(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// Position of the start of `node`: its own `data-s`, or that of its first positioned
/// descendant.
fn start_of(node: &Node) -> Option<usize> {
    let el = node.dyn_ref::<Element>()?;
    attr(el, "data-s").or_else(|| attr(&el.query_selector("[data-s]").ok()??, "data-s"))
}

/// Position of the end of `node`: its own `data-e`, or that of its last positioned descendant.
fn end_of(node: &Node) -> Option<usize> {
    let el = node.dyn_ref::<Element>()?;
    attr(el, "data-e").or_else(|| {
        let all = el.query_selector_all("[data-e]").ok()?;
        let last = all.item(all.length().checked_sub(1)?)?;
        attr(last.dyn_ref::<Element>()?, "data-e")
    })
}

/// Maps a DOM boundary point (node + offset, as Selection and Range give them) to a
/// code point offset in the article.
pub(crate) fn boundary_to_char(node: &Node, offset: u32) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        let segment = node.parent_element()?;
        let text = node.text_content().unwrap_or_default();
        return Some(attr(&segment, "data-s")? + utf16_to_char(&text, offset as usize));
    }
    // An element boundary: `offset` counts child nodes.
    match node.child_nodes().item(offset) {
        Some(child) => start_of(&child).or_else(|| end_of(node)),
        None => end_of(node),
    }
}

/// Reads the window's selection if it is a non-empty range inside `root`.
pub fn selected_range(root: &Element) -> Option<SelectedRange> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let (anchor_node, focus_node) = (selection.anchor_node()?, selection.focus_node()?);
    if !root.contains(Some(&anchor_node)) || !root.contains(Some(&focus_node)) {
        return None;
    }
    let anchor = boundary_to_char(&anchor_node, selection.anchor_offset())?;
    let focus = boundary_to_char(&focus_node, selection.focus_offset())?;
    let rect = selection.get_range_at(selection.range_count() - 1).ok()?.get_bounding_client_rect();
    Some(SelectedRange { anchor, focus, x: rect.left() + rect.width() / 2.0, y: rect.bottom() })
}

/// The code point in `root` under viewport point `(x, y)` (where a dragged handle was let go).
pub fn char_at_point(root: &Element, x: f64, y: f64) -> Option<usize> {
    let position = gloo::utils::document().caret_position_from_point(x as f32, y as f32)?;
    let node = position.offset_node()?;
    if !root.contains(Some(&node)) {
        return None;
    }
    boundary_to_char(&node, position.offset())
}

//! Placing a small pop-up (the tag picker) beside the selection, inside the window.

use web_sys::HtmlElement;

/// Room kept between a pop-up and the window's edges or the selection, in CSS pixels.
const GAP: f64 = 6.0;

/// Where a `w`×`h` pop-up goes (its top-left corner, viewport coordinates) for a
/// selection centred on `x` whose box runs from `top` to `bottom`, in a `vw`×`vh` window
/// whose first `covered` pixels are under sticky bars (the toolbar, Find): centred under
/// the selection, moved sideways to stay inside the window, above the selection when there
/// is no room below it, and when there is room on neither side (a tall selection), over
/// its end but still inside the window and below the bars.
pub fn popup_corner(
    x: f64,
    (top, bottom): (f64, f64),
    (w, h): (f64, f64),
    (vw, vh): (f64, f64),
    covered: f64,
) -> (f64, f64) {
    let left = (x - w / 2.0).min(vw - GAP - w).max(GAP);
    let below = bottom + GAP;
    let above = top - GAP - h;
    let y = if below + h <= vh - GAP {
        below
    } else if above >= covered + GAP {
        above
    } else {
        below.min(vh - GAP - h).max(covered + GAP)
    };
    (left, y)
}

/// The box of the page's selection (viewport coordinates: top and bottom), if any.
fn selection_box() -> Option<(f64, f64)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    let range = selection.get_range_at(selection.range_count().checked_sub(1)?).ok()?;
    let r = range.get_bounding_client_rect();
    (r.height() > 0.0).then(|| (r.top(), r.bottom()))
}

/// Places `el` (absolutely positioned in the page) by [`popup_corner`] for a selection
/// centred on `x` that ends at `bottom` (viewport coordinates). Through the CSSOM: the
/// Content-Security-Policy forbids style attributes.
pub fn place_popup(el: &HtmlElement, x: f64, bottom: f64) {
    let Some(window) = web_sys::window() else { return };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let viewport = (size(window.inner_width()), size(window.inner_height()));
    // The selection's own box when there is one (a drag or the keyboard's selection).
    let (top, bottom) = selection_box().unwrap_or((bottom - 20.0, bottom));
    let size = (f64::from(el.offset_width()), f64::from(el.offset_height()));
    let (left, y) = popup_corner(x, (top, bottom), size, viewport, super::viewport::covered_top());
    let (sx, sy) = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    let style = el.style();
    let _ = style.set_property("left", &super::css_len(left + sx, "px"));
    let _ = style.set_property("top", &super::css_len(y + sy, "px"));
}

#[cfg(test)]
mod tests {
    use super::popup_corner;

    const WINDOW: (f64, f64) = (1280.0, 800.0);
    const PICKER: (f64, f64) = (300.0, 40.0);

    /// The toolbar and Find, stuck at the top.
    const BARS: f64 = 100.0;

    #[test]
    fn centred_under_the_selection_when_there_is_room() {
        assert_eq!(popup_corner(640.0, (100.0, 120.0), PICKER, WINDOW, 0.0), (490.0, 126.0));
    }

    #[test]
    fn kept_inside_the_left_and_right_edges() {
        assert_eq!(popup_corner(20.0, (100.0, 120.0), PICKER, WINDOW, 0.0).0, 6.0);
        assert_eq!(popup_corner(1270.0, (100.0, 120.0), PICKER, WINDOW, 0.0).0, 1280.0 - 6.0 - 300.0);
    }

    #[test]
    fn above_the_selection_near_the_bottom() {
        assert_eq!(popup_corner(640.0, (760.0, 780.0), PICKER, WINDOW, BARS).1, 760.0 - 6.0 - 40.0);
    }

    #[test]
    fn never_over_the_sticky_bars_nor_past_the_bottom() {
        // A tall selection, from under the bars to the bottom: over its end, inside the window.
        assert_eq!(popup_corner(640.0, (10.0, 790.0), PICKER, WINDOW, BARS).1, 800.0 - 6.0 - 40.0);
        // Just under the bars, near the bottom: not above it (that is under the bars).
        let y = popup_corner(640.0, (120.0, 790.0), PICKER, WINDOW, BARS).1;
        assert!((BARS + 6.0..=800.0 - 6.0 - 40.0).contains(&y), "{y}");
        // In a window too short for anything else, below the bars.
        assert_eq!(popup_corner(640.0, (0.0, 130.0), PICKER, (1280.0, 140.0), BARS).1, 106.0);
    }

    #[test]
    fn a_window_narrower_than_the_picker_shows_its_start() {
        assert_eq!(popup_corner(100.0, (100.0, 120.0), PICKER, (200.0, 800.0), 0.0).0, 6.0);
    }
}

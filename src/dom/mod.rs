//! The only code that talks to the browser's Selection and Range APIs and counts in
//! UTF-16. Everything it hands to the rest of the app is in code points.
//!
//! Rendered text carries its positions: every line and segment element has `data-s`
//! and `data-e` (code point offsets in the whole article), and each segment holds
//! exactly one text node. A DOM boundary point maps back through those.

mod browser;
pub mod caret;
pub mod find;
mod html_page;
pub mod minimap;
pub mod perf;
mod popup;
pub mod segment;
mod selection;
pub mod theme;
pub mod viewport;
mod visible;

pub use browser::{
    after_paint, clear_selection, download, focus_article, has_selection, keep_selected_clear_of_sheet,
    matches_media, now_iso, on_resize, random_id, reveal_in, scroll_into_view, scroll_to_selected,
    set_page_title, track_top_height, watch_media, when_idle,
};
pub use caret::selection_ends;
pub use html_page::article_from_html;
pub use popup::place_popup;
pub use selection::{SelectedRange, char_at_point, selected_range};
pub use visible::NearScreen;

/// A CSS length with two decimals (`12.50px`), written with integer formatting only: Rust's
/// float formatting would add about 10 KB to the wasm for these few numbers.
pub fn css_len(value: f64, unit: &str) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let n = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}{unit}", n / 100, n % 100)
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_lengths_are_written_with_two_decimals() {
        assert_eq!(super::css_len(12.5, "px"), "12.50px");
        assert_eq!(super::css_len(-0.004, "%"), "0.00%");
        assert_eq!(super::css_len(-3.256, "px"), "-3.26px");
        assert_eq!(super::css_len(1280.0, "px"), "1280.00px");
    }
}

//! Page-wide styling set from data: each tag's colour and cue (a constructed style sheet,
//! which the Content-Security-Policy allows where a `<style>` element would not; the core
//! writes it), and the light/dark choice.

use annotator_core::{Sheet, TagSet};
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// The page's style sheet for `tags` (the core writes it; the report's comes from the same).
pub fn tag_css(tags: &TagSet) -> String {
    annotator_core::tag_css(tags, Sheet::Page)
}

/// Replaces the page's tag style sheet.
pub fn apply_tag_css(css: &str) {
    let Ok(sheet) = CssStyleSheet::new() else { return };
    if sheet.replace_sync(css).is_err() {
        return;
    }
    let list = js_sys::Array::of1(&sheet);
    let _ = js_sys::Reflect::set(&gloo::utils::document(), &JsValue::from_str("adoptedStyleSheets"), &list);
}

/// `light`, `dark`, or anything else for the system's choice.
pub fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            "light" | "dark" => root.set_attribute("data-theme", theme),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

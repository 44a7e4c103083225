//! Page-wide styling set from data: each tag's colour and cue (a constructed style sheet,
//! which the Content-Security-Policy allows where a `<style>` element would not), and the
//! light/dark choice.

use annotator_core::TagSet;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// How many tags get their own band when they cover text under another tag.
const BANDS: usize = 6;

/// CSS for the tag set: every `tag-KEY`, `in-KEY` element gets the tag's colour (`--tag`)
/// and underline style (`--cue`); an outer tag shows as a band (`--band-N`).
pub fn tag_css(tags: &TagSet) -> String {
    let mut css = String::new();
    for (i, d) in tags.tags.iter().enumerate() {
        let (k, c, cue) = (d.key.key(), &d.colour, tags.cue(d.key));
        css.push_str(&format!(".tag-{k}, .in-{k} {{ --tag: {c}; --cue: {cue}; }}\n"));
        if i < BANDS {
            css.push_str(&format!(
                ".has-{k}:not(.in-{k}) {{ --band-{i}: inset 0 {}px 0 {c}; }}\n",
                2 * (i % 3 + 1)
            ));
        }
    }
    css
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

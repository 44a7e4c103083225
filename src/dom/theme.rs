//! Page-wide styling set from data: each tag's colour and cue (a constructed style sheet,
//! which the Content-Security-Policy allows where a `<style>` element would not), and the
//! light/dark choice.

use annotator_core::TagSet;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// How many tags get their own band when they cover text under another tag.
const BANDS: usize = 6;
/// The page's background, light and dark (as in main.css), and how much tag colour a
/// highlight mixes into it: worked out here once rather than by `color-mix()` in every
/// highlight's style, which cost about 4 ms per edit on a book.
const LIGHT: ((u8, u8, u8), f64) = ((0xff, 0xfe, 0xfb), 0.30);
const DARK: ((u8, u8, u8), f64) = ((0x1a, 0x1b, 0x1e), 0.38);

/// `colour` (`#rrggbb`) mixed into `paper` at `share`, as `#rrggbb`.
fn tint(colour: &str, (paper, share): ((u8, u8, u8), f64)) -> String {
    let channel =
        |i: usize| u8::from_str_radix(colour.get(1 + 2 * i..3 + 2 * i).unwrap_or("7f"), 16).unwrap_or(0x7f);
    let mix = |c: u8, p: u8| (f64::from(c) * share + f64::from(p) * (1.0 - share)).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(channel(0), paper.0),
        mix(channel(1), paper.1),
        mix(channel(2), paper.2)
    )
}

/// CSS for the tag set: every `tag-KEY`, `in-KEY` element gets the tag's colour (`--tag`)
/// and underline style (`--cue`); an outer tag shows as a band (`--band-N`).
pub fn tag_css(tags: &TagSet) -> String {
    let mut css = String::new();
    for (i, d) in tags.tags.iter().enumerate() {
        let (k, c, cue) = (d.key.key(), &d.colour, tags.cue(d.key));
        let (light, dark) = (tint(c, LIGHT), tint(c, DARK));
        css.push_str(&format!(".tag-{k}, .in-{k} {{ --tag: {c}; --cue: {cue}; --tag-tint: {light}; }}\n"));
        css.push_str(&format!(
            ":root[data-theme=\"dark\"] :is(.tag-{k}, .in-{k}) {{ --tag-tint: {dark}; }}\n"
        ));
        css.push_str(&format!(
            "@media (prefers-color-scheme: dark) {{ :root:not([data-theme=\"light\"]) :is(.tag-{k}, .in-{k}) {{ --tag-tint: {dark}; }} }}\n"
        ));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tints_mix_the_colour_into_the_page() {
        assert_eq!(tint("#000000", ((0xff, 0xff, 0xff), 0.5)), "#808080");
        assert_eq!(tint("#e69f00", LIGHT), "#f8e1b0");
        let css = tag_css(&TagSet::default());
        assert!(
            css.contains(".tag-claim, .in-claim { --tag: #e69f00; --cue: solid; --tag-tint: #f8e1b0; }"),
            "{css}"
        );
        assert!(css.contains(".has-source:not(.in-source) { --band-1: inset 0 4px 0 #0072b2; }"), "{css}");
    }
}

//! A saved web page, made ready for the browser's parser: its inline styles and event
//! handlers are taken out first. And what its markup says about its article (canonical
//! URL, authors, dates, site, language: [`page_meta`], in `meta`), read here rather than
//! in the browser so that the CLI and host tests read it the same way.
//!
//! The page is parsed by `DOMParser` into an inert document, but that document still
//! answers to our Content Security Policy: every `<style>` element, `style` attribute and
//! `on…` handler attribute in it is reported as a violation (`style-src`, `script-src-attr`)
//! while it is parsed, though none would ever apply or run. None of them reaches the
//! article's text, so they are removed from the markup before it is parsed. Everything
//! else is left byte for byte: text, other tags and attributes, comments, and the
//! contents of raw-text elements such as `<script>`, where `<p style=…>` is only text.

use std::borrow::Cow;
use std::ops::Range;

mod json_ld;
mod meta;
mod tags;

pub use meta::{PageMeta, page_meta};
use tags::walk;

/// `html` without its `<style>` elements (with their contents), `style` attributes and
/// event handler attributes (`onclick`, `onerror`, …), reading tags and quoted values as
/// the HTML tokenizer does; unchanged (borrowed) when it has none.
pub fn without_inline_code(html: &str) -> Cow<'_, str> {
    let cuts = style_ranges(html);
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for cut in cuts {
        out.push_str(&html[at..cut.start]);
        at = cut.end;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// The byte ranges to remove, in order and disjoint.
fn style_ranges(html: &str) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    walk(html, |element| {
        if element.text.is_some() && element.tag.name.eq_ignore_ascii_case("style") {
            cuts.push(element.start..element.end);
        } else {
            cuts.extend(element.tag.style_attributes);
        }
    });
    cuts
}

#[cfg(test)]
mod tests {
    use super::without_inline_code;

    #[test]
    fn style_elements_and_attributes_go_and_nothing_else_changes() {
        let page = "<html><head><title>T</title><STYLE media=x>p { color: red }</STYLE></head>\
                    <body><p Style=\"color: blue\" class=a>Hi <b style='x'>there</b></p>\
                    <img style=width:1px src=a.png><p>style=\"not an attribute\"</p></body></html>";
        assert_eq!(
            without_inline_code(page),
            "<html><head><title>T</title></head>\
             <body><p class=a>Hi <b>there</b></p>\
             <img src=a.png><p>style=\"not an attribute\"</p></body></html>"
        );
    }

    #[test]
    fn raw_text_comments_and_quoted_values_are_read_as_the_tokenizer_reads_them() {
        // In a script, a comment or a quoted value, `style=` is not an attribute.
        let kept = [
            "<script>var s = '<p style=\"x\">';</script>",
            "<!-- <p style=\"x\"> -->",
            "<a title='a style=\"x\" b' href=\"#\">t</a>",
            "<textarea><b style=x></textarea>",
            "text with < and style=x>",
        ];
        for html in kept {
            assert_eq!(without_inline_code(html), html, "{html}");
            assert!(matches!(without_inline_code(html), std::borrow::Cow::Borrowed(_)));
        }
        assert_eq!(without_inline_code("<p data-style=x stylex=y>t</p>"), "<p data-style=x stylex=y>t</p>");
        assert_eq!(
            without_inline_code("<img src=x onerror=\"alert(1)\" ONLOAD='x' data-on=1 on=2>"),
            "<img src=x data-on=1 on=2>"
        );
        assert_eq!(without_inline_code("<p\tstyle = \"a>b\"\n>t</p>"), "<p\n>t</p>");
        // An unquoted value runs to a space or `>`: the `/` is part of it, as in the tokenizer.
        assert_eq!(
            without_inline_code("<svg><style>circle{}</style><circle style=x/></svg>"),
            "<svg><circle></svg>"
        );
        assert_eq!(without_inline_code("<svg><circle style='x'/></svg>"), "<svg><circle/></svg>");
    }

    #[test]
    fn unfinished_markup_is_cut_to_the_end_never_past_it() {
        assert_eq!(without_inline_code("<p>a<style>never closed"), "<p>a");
        assert_eq!(without_inline_code("<p style=\"open"), "<p");
        assert_eq!(without_inline_code("<p style"), "<p");
        assert_eq!(without_inline_code("é<b style=x>ü</b>"), "é<b>ü</b>");
    }
}

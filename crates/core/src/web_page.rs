//! A saved web page, made ready for the browser's parser: its inline styles and event
//! handlers are taken out first.
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

/// Elements whose contents are text up to their end tag, never markup.
const RAW_TEXT: [&str; 8] = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

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
    let bytes = html.as_bytes();
    let mut cuts = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|n| n + i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |n| lt + n + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = rest.find('>').map_or(html.len(), |n| lt + n + 1);
        } else if bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            let tag = start_tag(html, lt);
            let raw = RAW_TEXT.iter().find(|name| tag.name.eq_ignore_ascii_case(name));
            let Some(name) = raw else {
                cuts.extend(tag.style_attributes);
                i = tag.end;
                continue;
            };
            let close = end_tag(html, tag.end, name);
            if *name == "style" {
                cuts.push(lt..close);
            } else {
                cuts.extend(tag.style_attributes);
            }
            i = close;
        } else {
            i = lt + 1;
        }
    }
    cuts
}

/// A start tag as the tokenizer reads it.
struct StartTag<'a> {
    name: &'a str,
    /// Each `style` or `on…` attribute with the white space before it.
    style_attributes: Vec<Range<usize>>,
    /// Just past its `>` (or the end of the input).
    end: usize,
}

/// Reads the start tag at `lt` (a `<` followed by a letter).
fn start_tag(html: &str, lt: usize) -> StartTag<'_> {
    let bytes = html.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = lt + 1;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = &html[lt + 1..i];
    let mut style_attributes = Vec::new();
    loop {
        let before = i;
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return StartTag { name, style_attributes, end: bytes.len() };
        }
        if bytes[i] == b'>' {
            return StartTag { name, style_attributes, end: i + 1 };
        }
        // An attribute's name may start with `=`; it runs to a space, `/`, `>` or `=`.
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attribute = &html[name_start..i];
        let mut j = i;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'=' {
            j += 1;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            i = match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    html[j + 1..].find(quote as char).map_or(bytes.len(), |n| j + 1 + n + 1)
                }
                _ => {
                    let mut k = j;
                    while k < bytes.len() && !is_space(bytes[k]) && bytes[k] != b'>' {
                        k += 1;
                    }
                    k
                }
            };
        }
        let handler = attribute.len() > 2 && attribute[..2].eq_ignore_ascii_case("on");
        if handler || attribute.eq_ignore_ascii_case("style") {
            style_attributes.push(before..i);
        }
    }
}

/// Just past the end tag `</name …>` at or after `from` (ASCII case ignored), or the end
/// of the input when there is none.
fn end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(n) = html[i..].find("</") {
        let at = i + n + 2;
        let after = at + name.len();
        let closes = html.get(at..after).is_some_and(|s| s.eq_ignore_ascii_case(name))
            && bytes
                .get(after)
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'));
        if closes {
            return html[after..].find('>').map_or(html.len(), |n| after + n + 1);
        }
        i = at;
    }
    html.len()
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

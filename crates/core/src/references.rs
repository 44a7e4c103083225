//! HTML's character references, decoded by the Markdown parser, whose table of the 2,125
//! named ones is in the build already: a second table (html-escape's decoder, 34 KB of
//! entries and their strings) would be in the wasm for a few titles and author names.
//! A reference alone is a paragraph of the character it stands for, or of itself when it
//! stands for none.

use pulldown_cmark::{Event, Parser};

/// `s` with its character references (`&amp;`, `&#169;`, `&#xA9;`) decoded; `&` that
/// starts none (`AT&T`, `&unknown;`) is kept as it is.
pub(crate) fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let name =
            rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map_or(rest.len() - 1, |n| n);
        if name == 0 || !rest[1 + name..].starts_with(';') {
            out.push('&');
            rest = &rest[1..];
            continue;
        }
        let (reference, after) = rest.split_at(name + 2);
        let mut decoded = String::new();
        for event in Parser::new(reference) {
            if let Event::Text(t) = event {
                decoded.push_str(&t);
            }
        }
        // A control char (`&#1;`) has no place in a title or a name: kept as written.
        let control = decoded.chars().any(|c| c.is_control() && !c.is_whitespace());
        out.push_str(if control { reference } else { &decoded });
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_hex_references_are_decoded_and_anything_else_kept() {
        assert_eq!(
            decode_references("Tom &amp; Jerry&rsquo;s &#169; &#xA9;&nbsp;x"),
            "Tom & Jerry’s © ©\u{a0}x"
        );
        assert_eq!(decode_references("AT&T &unknown; & &; &#;"), "AT&T &unknown; & &; &#;");
        assert_eq!(decode_references("&lt;b&gt; *not* `code`"), "<b> *not* `code`");
        // As browsers read them: no char, a surrogate or past U+10FFFF is U+FFFD.
        assert_eq!(decode_references("&#0;&#xD800;&#x110000;"), "\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(decode_references("a&#1;b&#x1F;c&#9;d"), "a&#1;b&#x1F;c\td");
    }
}

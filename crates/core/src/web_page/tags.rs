//! Reading markup as the HTML tokenizer does, as far as this module needs: start tags with
//! their attributes, and where a raw-text element (`<script>`, `<title>`…) ends. Shared by
//! the clean-up for `DOMParser` and the reading of the page's metadata.

use std::ops::Range;

/// Elements whose contents are text up to their end tag, never markup.
pub(super) const RAW_TEXT: [&str; 8] =
    ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// A start tag as the tokenizer reads it.
pub(super) struct StartTag<'a> {
    pub name: &'a str,
    /// Each attribute's name and raw value (entities not decoded; empty without one), in
    /// the tag's order.
    pub attributes: Vec<(&'a str, &'a str)>,
    /// Each `style` or `on…` attribute with the white space before it.
    pub style_attributes: Vec<Range<usize>>,
    /// Just past its `>` (or the end of the input).
    pub end: usize,
}

impl StartTag<'_> {
    /// The raw value of the first attribute called `name` (ASCII case ignored).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| *v)
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads the start tag at `lt` (a `<` followed by a letter).
pub(super) fn start_tag(html: &str, lt: usize) -> StartTag<'_> {
    let bytes = html.as_bytes();
    let mut i = lt + 1;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = &html[lt + 1..i];
    let mut tag = StartTag { name, attributes: Vec::new(), style_attributes: Vec::new(), end: bytes.len() };
    loop {
        let before = i;
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return tag;
        }
        if bytes[i] == b'>' {
            tag.end = i + 1;
            return tag;
        }
        // An attribute's name may start with `=`; it runs to a space, `/`, `>` or `=`.
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attribute = &html[name_start..i];
        let mut value = "";
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
                Some(&quote @ (b'"' | b'\'')) => match html[j + 1..].find(quote as char) {
                    Some(n) => {
                        value = &html[j + 1..j + 1 + n];
                        j + 1 + n + 1
                    }
                    None => {
                        value = &html[j + 1..];
                        bytes.len()
                    }
                },
                _ => {
                    let mut k = j;
                    while k < bytes.len() && !is_space(bytes[k]) && bytes[k] != b'>' {
                        k += 1;
                    }
                    value = &html[j..k];
                    k
                }
            };
        }
        tag.attributes.push((attribute, value));
        let handler = attribute.len() > 2 && attribute[..2].eq_ignore_ascii_case("on");
        if handler || attribute.eq_ignore_ascii_case("style") {
            tag.style_attributes.push(before..i);
        }
    }
}

/// Just past the end tag `</name …>` at or after `from` (ASCII case ignored), or the end
/// of the input when there is none; and where that end tag starts (where the element's
/// text ends).
pub(super) fn end_tag(html: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(n) = html[i..].find("</") {
        let at = i + n + 2;
        let after = at + name.len();
        let closes = html.get(at..after).is_some_and(|s| s.eq_ignore_ascii_case(name))
            && bytes.get(after).is_none_or(|&b| is_space(b) || b == b'/' || b == b'>');
        if closes {
            return (html[after..].find('>').map_or(html.len(), |n| after + n + 1), at - 2);
        }
        i = at;
    }
    (html.len(), html.len())
}

/// An element's start as [`walk`] reads it.
pub(super) struct Element<'a> {
    /// Where its start tag begins (its `<`).
    pub start: usize,
    pub tag: StartTag<'a>,
    /// A raw-text element's contents (as a byte range); `None` for any other element.
    pub text: Option<Range<usize>>,
    /// Just past its end tag for a raw-text element, else past its start tag: where the
    /// walk goes on.
    pub end: usize,
}

/// Every element's start in `html`, in order, read as the tokenizer does: comments, end
/// tags, doctypes and processing instructions skipped, raw-text elements' contents never
/// read as markup.
pub(super) fn walk<'a>(html: &'a str, mut each: impl FnMut(Element<'a>)) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|n| n + i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |n| lt + n + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            i = rest.find('>').map_or(html.len(), |n| lt + n + 1);
        } else if bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            let tag = start_tag(html, lt);
            let (text, end) = match RAW_TEXT.iter().find(|name| tag.name.eq_ignore_ascii_case(name)) {
                Some(name) => {
                    let (close, text_end) = end_tag(html, tag.end, name);
                    (Some(tag.end.min(text_end)..text_end), close)
                }
                None => (None, tag.end),
            };
            i = end;
            each(Element { start: lt, tag, text, end });
        } else {
            i = lt + 1;
        }
    }
}

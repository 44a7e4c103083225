//! The core's boundaries from the browser's own segmenter, `Intl.Segmenter` (ICU),
//! installed at start: the wasm carries no Unicode segmentation tables, and words in
//! Chinese, Japanese and Thai are found by dictionary rather than one ideograph at a time.
//! ICU counts in UTF-16; what this hands the core is in bytes.

use annotator_core::boundaries::{self, Segmenter};
use js_sys::{Array, Intl, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Text is handed to ICU in pieces of about this many bytes, so that a book's segments are
/// never all alive at once: cut just after a line break (no cluster or word crosses one),
/// else, in a text without one, where a space is followed by an ASCII letter or digit (as
/// certain a boundary of both).
const CHUNK: usize = 64 * 1024;

/// Where the piece of `text` that starts at `from` ends.
fn cut(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let Some(rest) = bytes.get(from + CHUNK..) else { return text.len() };
    let window = &rest[..rest.len().min(CHUNK)];
    // Bytes below 0x80 are whole chars: the cut is on a char boundary.
    let at = window.iter().position(|&b| b == b'\n').map(|i| i + 1).or_else(|| {
        window.windows(2).position(|w| w[0] == b' ' && w[1].is_ascii_alphanumeric()).map(|i| i + 1)
    });
    at.map_or_else(
        || rest.iter().position(|&b| b == b'\n').map_or(text.len(), |i| from + CHUNK + i + 1),
        |i| from + CHUNK + i,
    )
}

/// `Intl.Segmenter` behind the core's interface. It holds no JS objects (the core wants a
/// `Sync` segmenter): the two ICU segmenters live in a thread local, made on first use.
struct Browser(&'static str);

thread_local! {
    static ICU: [Intl::Segmenter; 2] = [granularity(Intl::SegmenterGranularity::Grapheme), granularity(Intl::SegmenterGranularity::Word)];
}

/// A segmenter of the browser's default locale (word breaks in Chinese and Japanese do
/// not depend on it).
fn granularity(g: Intl::SegmenterGranularity) -> Intl::Segmenter {
    let options = Intl::SegmenterOptions::new();
    options.set_granularity(g);
    Intl::Segmenter::new(&Array::new(), &options)
}

impl Segmenter for Browser {
    fn name(&self) -> &'static str {
        self.0
    }
    fn graphemes(&self, text: &str, out: &mut Vec<usize>) {
        starts(0, text, out);
    }
    fn words(&self, text: &str, out: &mut Vec<usize>) {
        starts(1, text, out);
    }
}

/// Appends the byte offsets where ICU segmenter `which` starts a segment of `text`.
fn starts(which: usize, text: &str, out: &mut Vec<usize>) {
    let mut from = 0;
    while from < text.len() {
        let cut = cut(text, from);
        let chunk = &text[from..cut];
        let segments = ICU.with(|icu| Array::from(&icu[which].segment(chunk)));
        let utf16: Vec<u32> =
            segments.iter().map(|s| s.unchecked_into::<Intl::SegmentData>().index()).collect();
        to_bytes(chunk, &utf16, |b| out.push(from + b));
        from = cut;
    }
}

/// Calls `each` with the byte offset in `text` of each UTF-16 offset in `utf16` (ascending,
/// on code point boundaries, as ICU's segment starts are).
fn to_bytes(text: &str, utf16: &[u32], mut each: impl FnMut(usize)) {
    let mut wanted = utf16.iter().copied().peekable();
    let mut units = 0u32;
    for (byte, c) in text.char_indices() {
        while wanted.next_if(|&u| u <= units).is_some() {
            each(byte);
        }
        units += c.len_utf16() as u32;
    }
}

/// Makes `Intl.Segmenter` the core's segmenter, where the browser has one (every browser
/// since 2024 does); without it, boundaries fall between code points.
pub fn install() {
    let has_it = Reflect::get(&js_sys::global(), &JsString::from("Intl"))
        .and_then(|intl| Reflect::has(&intl, &JsValue::from_str("Segmenter")))
        .unwrap_or(false);
    if has_it {
        // ICU's rules and dictionaries come with the browser: a search record made by
        // another version is tokenised again rather than trusted.
        let browser = web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default();
        let name: &'static str = Box::leak(format!("intl {browser}").into_boxed_str());
        boundaries::install(Box::leak(Box::new(Browser(name))));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pieces_are_cut_after_a_line_break_or_before_a_word() {
        let a = "x".repeat(super::CHUNK + 10);
        let lines = format!("{a}\n{a}\nend");
        assert_eq!(super::cut(&lines, 0), a.len() + 1);
        let words = format!("{a} {a}");
        assert_eq!(super::cut(&words, 0), a.len() + 1, "before the word after the space");
        let japanese = "日本の防衛".repeat(super::CHUNK);
        assert_eq!(super::cut(&japanese, 0), japanese.len(), "no certain place: whole");
        assert_eq!(super::cut("short", 0), 5);
    }

    #[test]
    fn utf16_offsets_become_bytes() {
        let mut got = vec![];
        // a (1 unit, 1 byte), é (1, 2), 😀 (2, 4), b.
        super::to_bytes("aé😀b", &[0, 1, 2, 4], |b| got.push(b));
        assert_eq!(got, [0, 1, 3, 7]);
    }
}

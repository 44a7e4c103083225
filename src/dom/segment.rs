//! The core's boundaries from the browser's own segmenter, `Intl.Segmenter` (ICU),
//! installed at start: the wasm carries no Unicode segmentation tables, and words in
//! Chinese, Japanese and Thai are found by dictionary rather than one ideograph at a time.
//! ICU counts in UTF-16; what this hands the core is in bytes.

use annotator_core::boundaries::{self, Segmenter};
use js_sys::{Array, Intl, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Text is handed to ICU in pieces of about this many bytes, cut just after a line break
/// (no cluster or word crosses one), so that a book's segments are never all alive at once.
const CHUNK: usize = 64 * 1024;

/// `Intl.Segmenter` behind the core's interface. It holds no JS objects (the core wants a
/// `Sync` segmenter): the two ICU segmenters live in a thread local, made on first use.
struct Browser;

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
        "intl"
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
        let cut = text[from..]
            .get(CHUNK..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |i| from + CHUNK + i + 1);
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
        boundaries::install(&Browser);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn utf16_offsets_become_bytes() {
        let mut got = vec![];
        // a (1 unit, 1 byte), é (1, 2), 😀 (2, 4), b.
        super::to_bytes("aé😀b", &[0, 1, 2, 4], |b| got.push(b));
        assert_eq!(got, [0, 1, 3, 7]);
    }
}

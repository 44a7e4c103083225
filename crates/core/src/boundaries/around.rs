//! How much of a text around a position decides its clusters or words: segmenting from a
//! boundary that is certain whatever comes before it gives the same boundaries as
//! segmenting the whole text, so a question about one position segments only the run it
//! is in (a few chars in most texts), and never the rest of a book.

use std::ops::Range;

/// Whether `c` is a grapheme cluster of its own next to any other char this is true of:
/// no rule joins two of them (none is an extending mark, a joiner, a prepended char, a
/// regional indicator, a Hangul jamo or CR). Letters of the Latin, Greek, Cyrillic, Hebrew
/// and Arabic scripts without their marks, General Punctuation, CJK punctuation, kana, Han
/// ideographs and Hangul syllables. Between two of them a boundary is certain, and a text of
/// them alone is split without asking the segmenter (in the browser, a call out of the wasm).
pub fn alone(c: char) -> bool {
    matches!(c as u32,
        0x0000..=0x000C | 0x000E..=0x02FF // Latin-1 and extensions, but CR (CR LF is one)
        | 0x0370..=0x0482 | 0x048A..=0x052F // Greek, Cyrillic (not its combining marks)
        | 0x05D0..=0x05EA | 0x05F0..=0x05F4 // Hebrew letters (not its points)
        | 0x0620..=0x064A | 0x0660..=0x066F | 0x0671..=0x06D5 // Arabic letters and digits
        | 0x1E00..=0x1FFF // Latin Extended Additional, Greek Extended
        | 0x2010..=0x205E // dashes, quotes, ellipsis
        | 0x3000..=0x3029 | 0x3030..=0x303F // CJK punctuation (not the tone marks)
        | 0x3041..=0x3096 | 0x309B..=0x30FF // kana (not the combining voicing marks)
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF // Han ideographs
        | 0xAC00..=0xD7A3 // Hangul syllables
        | 0xFF01..=0xFF9D) // full-width forms (not the half-width voicing marks)
}

/// The chars either side of `byte` (a char boundary strictly inside `text`).
fn pair(text: &str, byte: usize) -> (char, char) {
    let before = text[..byte].chars().next_back().expect("inside the text");
    let after = text[byte..].chars().next().expect("inside the text");
    (before, after)
}

/// Whether a cluster boundary at `byte` is certain from the two chars beside it: at either
/// end, after a line break, before one (unless after CR), between two [`alone`] chars.
pub fn certain_cluster(text: &str, byte: usize) -> bool {
    if byte == 0 || byte >= text.len() {
        return true;
    }
    let (a, b) = pair(text, byte);
    a == '\n' || (b == '\n' && a != '\r') || (alone(a) && alone(b))
}

/// Whether a word boundary at `byte` is certain from the two chars beside it: at either end,
/// around a line break, or after ASCII white space before an [`alone`] char that is neither
/// white space nor a soft hyphen (which word rules attach to what precedes it).
fn certain_word(text: &str, byte: usize) -> bool {
    if byte == 0 || byte >= text.len() {
        return true;
    }
    let (a, b) = pair(text, byte);
    a == '\n' || b == '\n' || (a.is_ascii_whitespace() && alone(b) && !b.is_whitespace() && b != '\u{AD}')
}

/// The bytes from the last position at or before `from` where `certain` holds to the first
/// after `to`: whatever of them is segmented, it is split as the whole text is.
fn between_certain(text: &str, from: usize, to: usize, certain: fn(&str, usize) -> bool) -> Range<usize> {
    let start = std::iter::once(from)
        .chain(text[..from].char_indices().rev().map(|(i, _)| i))
        .find(|&i| certain(text, i))
        .unwrap_or(0);
    let end = text[to..]
        .char_indices()
        .skip(1)
        .map(|(i, _)| to + i)
        .find(|&i| certain(text, i))
        .unwrap_or(text.len());
    start..end
}

/// The run around `byte` whose clusters are the whole text's: from a certain boundary at or
/// before it to one after it.
pub fn cluster_window(text: &str, byte: usize) -> Range<usize> {
    if text.is_empty() {
        return 0..0;
    }
    between_certain(text, byte, byte, certain_cluster)
}

/// How far, at least, a word window reaches each way when stepping or matching: one call
/// to the segmenter (in the browser, out of the wasm) covers a few words rather than one.
pub const WORD_REACH: usize = 256;

/// The run around `byte` whose words are the whole text's, at least `reach` bytes each way
/// where the text has them (fewer calls to the segmenter when stepping or matching).
pub fn word_window(text: &str, byte: usize, reach: usize) -> Range<usize> {
    if text.is_empty() {
        return 0..0;
    }
    let mut from = byte.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (byte + reach).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    between_certain(text, from, to, certain_word)
}

#[cfg(all(test, feature = "uax29"))]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Every alone char of the small ranges, and every 61st of the large ones.
    fn sample() -> Vec<char> {
        (0..0x10000u32)
            .filter(|&u| u < 0x3400 || (0xAC00..0xAC80).contains(&u) || u >= 0xFF00 || u % 61 == 0)
            .filter_map(char::from_u32)
            .filter(|&c| alone(c))
            .collect()
    }

    #[test]
    fn two_chars_alone_are_two_clusters_to_uax29() {
        let chars = sample();
        assert!(chars.len() > 2000 && !chars.contains(&'\u{301}') && !chars.contains(&'\u{200d}'));
        let mut pair = String::new();
        for &a in &chars {
            for &b in &chars {
                pair.clear();
                pair.extend([a, b]);
                assert_eq!(pair.graphemes(true).count(), 2, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn certain_word_boundaries_are_boundaries_whatever_comes_before() {
        for text in ["a b", "x.y z", "a  b", "日本 の", "\u{5d0}\"\u{5d1} c", "a\nb", "1, 2"] {
            let all: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
            for (i, _) in text.char_indices().skip(1) {
                if certain_word(text, i) {
                    assert!(all.contains(&i), "{text:?} at {i}");
                }
            }
        }
        assert!(!certain_word("a \u{AD}b", 2), "a soft hyphen goes with the space");
        assert!(!certain_word("a  b", 2), "spaces stay together");
    }

    #[test]
    fn windows_start_on_a_certain_boundary() {
        let flags = "🇯🇵".repeat(300);
        assert_eq!(cluster_window(&flags, 1028), 0..flags.len(), "a run of flags is one window");
        assert_eq!(cluster_window("ab c\u{301}d", 4), 3..7);
        assert_eq!(cluster_window("x\u{600} \u{301}y", 4), 0..7, "a prepended char joins the space after");
        assert_eq!(word_window("one two three", 5, 0), 4..8);
    }
}

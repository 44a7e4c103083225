//! Conversions between the three ways of counting positions in a string.
//!
//! Stored and exported positions are Unicode code points (Rust `char`s), the unit the
//! W3C Web Annotation model uses. Rust slices by UTF-8 byte and the DOM counts UTF-16
//! code units; these functions are the only bridge, so neither unit leaks into data.
//! The counting itself is `str_indices`' (SIMD-friendly, used by ropey).

/// Byte offset of the `char_idx`-th code point; past the end gives `s.len()`.
pub fn char_to_byte(s: &str, char_idx: usize) -> usize {
    str_indices::chars::to_byte_idx(s, char_idx)
}

/// Code point index of the char that contains `byte_idx` (rounds down inside a char).
pub fn byte_to_char(s: &str, byte_idx: usize) -> usize {
    str_indices::chars::from_byte_idx(s, byte_idx)
}

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    str_indices::chars::count(s)
}

/// Code point index for a DOM (UTF-16) offset. An offset that falls between the two
/// halves of a surrogate pair rounds down to the char the pair encodes.
pub fn utf16_to_char(s: &str, utf16_idx: usize) -> usize {
    byte_to_char(s, str_indices::utf16::to_byte_idx(s, utf16_idx))
}

/// UTF-16 offset for a code point index, for handing positions back to the DOM.
pub fn char_to_utf16(s: &str, char_idx: usize) -> usize {
    str_indices::utf16::from_byte_idx(s, char_to_byte(s, char_idx))
}

/// Code points between checkpoints of a `CharIndex`.
const STRIDE: usize = 64;

/// Byte offsets of every 64th code point of one text, so converting a position costs a
/// lookup and at most 64 chars of counting rather than a scan from the start (10,000
/// annotations on a book otherwise take seconds to check on load).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharIndex {
    checkpoints: Vec<usize>,
}

impl CharIndex {
    /// The index of `s`; it is only good for that very text.
    pub fn new(s: &str) -> Self {
        let checkpoints = s.char_indices().step_by(STRIDE).map(|(b, _)| b).collect();
        Self { checkpoints }
    }

    /// `char_to_byte(s, char_idx)` for the `s` this index was built from.
    pub fn char_to_byte(&self, s: &str, char_idx: usize) -> usize {
        let Some(&base) = self.checkpoints.get(char_idx / STRIDE) else { return s.len() };
        base + char_to_byte(&s[base..], char_idx % STRIDE)
    }

    /// `byte_to_char(s, byte_idx)` for the `s` this index was built from.
    pub fn byte_to_char(&self, s: &str, byte_idx: usize) -> usize {
        let i = self.checkpoints.partition_point(|&b| b <= byte_idx).saturating_sub(1);
        let base = self.checkpoints.get(i).copied().unwrap_or(0);
        i * STRIDE + byte_to_char(&s[base..], byte_idx.saturating_sub(base))
    }

    /// `slice_chars(s, start, end)` for the `s` this index was built from.
    pub fn slice<'a>(&self, s: &'a str, start: usize, end: usize) -> &'a str {
        let from = self.char_to_byte(s, start);
        &s[from..self.char_to_byte(s, end.max(start)).max(from)]
    }
}

/// The substring covering code points `[start, end)`, clamped to the string.
pub fn slice_chars(s: &str, start: usize, end: usize) -> &str {
    let from = char_to_byte(s, start);
    let to = from + char_to_byte(&s[from..], end.saturating_sub(start));
    &s[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_unit_separately() {
        let s = "a🤦🏼‍♂️b"; // 1 + (4 scalars + ZWJ + 2) + 1
        assert_eq!(char_len(s), 7);
        assert_eq!(char_to_utf16(s, 2), 3, "the face emoji is a surrogate pair");
        assert_eq!(utf16_to_char(s, 3), 2);
        assert_eq!(char_to_byte(s, 1), 1);
        assert_eq!(slice_chars(s, 6, 7), "b");
    }

    #[test]
    fn inside_a_surrogate_pair_rounds_down() {
        let s = "x😀y";
        assert_eq!(utf16_to_char(s, 2), 1);
        assert_eq!(utf16_to_char(s, 3), 2);
    }

    #[test]
    fn slice_clamps_past_the_end() {
        assert_eq!(slice_chars("日本語", 1, 99), "本語");
        assert_eq!(slice_chars("日本語", 5, 9), "");
    }
}

//! Where words start and end in the article: a suggestion starts and ends on one, so
//! "Ministry" is never suggested inside "Ministryship".
//!
//! The segmentation is the one word snapping uses (`crate::boundaries`: UAX #29 on the
//! host, the browser's `Intl.Segmenter` in the app), with one addition: an apostrophe
//! (`'` or `’`) has a boundary on each side (where that does not split a character from
//! its marks), so that "Ministry" is found in "the Ministry's statement" and "Élysée" in
//! "l’Élysée", which UAX #29 keeps as one word each.
//!
//! Segmenting a whole book takes longer than matching it, and most positions asked about
//! are between ASCII letters, digits, spaces and punctuation, where the rules are few:
//! those are answered from the bytes around (the rules UAX #29 has for ASCII), anything
//! else by segmenting the run around it that starts and ends on certain boundaries
//! (`boundaries::word_window`, so its segmentation is the whole text's).

use crate::text::is_grapheme_boundary_at_byte;

/// The apostrophes that may separate a possessive or an elision from a name.
const APOSTROPHES: [char; 2] = ['\'', '’'];

/// Asks whether positions of one text are word boundaries, remembering the last words
/// it had to segment (hits come in document order, often several in one word).
pub(super) struct Bounds<'a> {
    text: &'a str,
    /// The last window segmented (bytes) and the boundaries strictly inside it.
    window: std::ops::Range<usize>,
    inside: Vec<usize>,
}

impl<'a> Bounds<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self { text, window: 0..0, inside: Vec::new() }
    }

    /// Whether a word starts or ends at byte `p` (a char boundary).
    pub(super) fn at(&mut self, p: usize) -> bool {
        let bytes = self.text.as_bytes();
        if p == 0 || p >= bytes.len() {
            return true;
        }
        let around = &bytes[p.saturating_sub(2)..(p + 2).min(bytes.len())];
        if around.is_ascii() {
            let (before, after) = (p.checked_sub(2).map(|i| bytes[i]), bytes.get(p + 1).copied());
            if let Some(answer) = ascii_boundary(before, bytes[p - 1], bytes[p], after) {
                return answer;
            }
        }
        self.segmented(p)
    }

    /// The answer for `p` among any chars: the apostrophe rule, else the segmenter on its words.
    fn segmented(&mut self, p: usize) -> bool {
        let (head, tail) = self.text.split_at(p);
        let apostrophe = |c: Option<char>| c.is_some_and(|c| APOSTROPHES.contains(&c));
        if (apostrophe(head.chars().next_back()) || apostrophe(tail.chars().next()))
            && is_grapheme_boundary_at_byte(self.text, p)
        {
            return true;
        }
        if !(self.window.start < p && p < self.window.end) {
            let window = crate::boundaries::word_window(self.text, p, crate::boundaries::WORD_REACH);
            self.inside =
                crate::boundaries::words(&self.text[window.clone()]).map(|(i, _)| window.start + i).collect();
            self.window = window;
        }
        self.inside.binary_search(&p).is_ok()
    }
}

/// UAX #29 between ASCII chars `a` and `b`, `before` and `after` being the chars on either
/// side of them (if any). ASCII has no marks, joiners, Hebrew, Katakana or flags, so only
/// these rules are left, plus the apostrophe rule. `None` where segmenters differ: a full
/// stop or colon between letters (`e.g`, `a:b`) is inside a word to UAX #29 and a break
/// to the browser's ICU, and only the segmenter in use may say.
fn ascii_boundary(before: Option<u8>, a: u8, b: u8, after: Option<u8>) -> Option<bool> {
    let letter = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let digit = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_digit());
    let joined = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mid_letter = |c: u8| c == b':' || c == b'.';
    let mid_num = |c: u8| c == b',' || c == b';' || c == b'.';
    Some(match (a, b) {
        (b'\'', _) | (_, b'\'') => true,
        // WB3a, WB3b: around line breaks; WB3d: spaces stay together.
        (b'\n' | b'\r' | 0x0b | 0x0c, _) | (_, b'\n' | b'\r' | 0x0b | 0x0c) => true,
        (b' ', b' ') => false,
        // WB5, WB8–WB10, WB13a, WB13b: letters, digits and `_` in a row.
        _ if joined(a) && joined(b) => false,
        // WB6, WB7: `e.g`, `a:b` (MidLetter, MidNumLet between letters).
        _ if a.is_ascii_alphabetic() && mid_letter(b) && letter(after) => return None,
        _ if mid_letter(a) && letter(before) && b.is_ascii_alphabetic() => return None,
        // WB11, WB12: `3.5`, `1,000` (MidNum, MidNumLet between digits).
        _ if a.is_ascii_digit() && mid_num(b) && digit(after) => false,
        _ if mid_num(a) && digit(before) && b.is_ascii_digit() => false,
        _ => true,
    })
}

#[cfg(test)]
#[path = "bounds_tests.rs"]
mod tests;

//! Where a text may be split: between grapheme clusters (never half an emoji) and between
//! word-break segments (words, runs of space, punctuation). One interface, [`Segmenter`],
//! so that every rule above it — snapping, caret steps, suggestions' word edges, the
//! search index's words — uses the same boundaries.
//!
//! Two segmenters are meant to be behind it. The host (tests, the CLI, benchmarks) has
//! Unicode's rules compiled in (UAX #29, `unicode-segmentation`, the `uax29` feature, on
//! by default). The browser app installs the browser's own, `Intl.Segmenter` (ICU), at
//! start: it costs the wasm no tables, and it finds *words* in Chinese, Japanese and Thai
//! by dictionary (`日本|の|防衛|省|が`), where UAX #29 has no rule but one ideograph at a
//! time. Where the two differ otherwise is listed by the browser test that compares them.
//!
//! Without the feature and before anything is installed, boundaries fall between code
//! points ([`CodePoints`]): never wrong about a char, only coarse about clusters.

use std::sync::OnceLock;

mod around;

pub use around::{WORD_REACH, alone, certain_cluster, cluster_window, word_window};

/// Finds boundaries in a text: the starts of its pieces, as byte offsets.
pub trait Segmenter: Send + Sync {
    /// Names the rules, so that anything kept that depends on them (a search record) is
    /// not read by a segmenter that would have split the text otherwise.
    fn name(&self) -> &'static str;
    /// Appends the byte offset where each grapheme cluster of `text` starts, in order
    /// (`0` first unless `text` is empty).
    fn graphemes(&self, text: &str, out: &mut Vec<usize>);
    /// Appends the byte offset where each word-break segment of `text` starts, in order:
    /// words, and what lies between them, alike.
    fn words(&self, text: &str, out: &mut Vec<usize>);
}

static INSTALLED: OnceLock<&'static dyn Segmenter> = OnceLock::new();

/// Makes `segmenter` the one every boundary comes from, for the rest of the process.
/// `false` when one was installed already (that one stays: boundaries must not change
/// under a text already split).
pub fn install(segmenter: &'static dyn Segmenter) -> bool {
    INSTALLED.set(segmenter).is_ok()
}

/// The segmenter in use: the installed one, else the compiled-in default.
pub fn segmenter() -> &'static dyn Segmenter {
    match INSTALLED.get() {
        Some(s) => *s,
        None => default_segmenter(),
    }
}

#[cfg(feature = "uax29")]
fn default_segmenter() -> &'static dyn Segmenter {
    &Uax29
}

#[cfg(not(feature = "uax29"))]
fn default_segmenter() -> &'static dyn Segmenter {
    &CodePoints
}

/// Unicode's default rules (UAX #29, extended grapheme clusters), compiled in.
#[cfg(feature = "uax29")]
#[derive(Clone, Copy, Debug)]
pub struct Uax29;

#[cfg(feature = "uax29")]
impl Segmenter for Uax29 {
    fn name(&self) -> &'static str {
        "uax29"
    }
    fn graphemes(&self, text: &str, out: &mut Vec<usize>) {
        use unicode_segmentation::UnicodeSegmentation;
        out.extend(text.grapheme_indices(true).map(|(i, _)| i));
    }
    fn words(&self, text: &str, out: &mut Vec<usize>) {
        use unicode_segmentation::UnicodeSegmentation;
        out.extend(text.split_word_bound_indices().map(|(i, _)| i));
    }
}

/// Every code point a cluster of its own; a word is a run of letters and digits, a run
/// of white space is one piece, any other char one piece.
#[derive(Clone, Copy, Debug)]
pub struct CodePoints;

impl Segmenter for CodePoints {
    fn name(&self) -> &'static str {
        "code points"
    }
    fn graphemes(&self, text: &str, out: &mut Vec<usize>) {
        out.extend(text.char_indices().map(|(i, _)| i));
    }
    fn words(&self, text: &str, out: &mut Vec<usize>) {
        let class = |c: char| {
            if c.is_alphanumeric() {
                1
            } else if c.is_whitespace() {
                2
            } else {
                0
            }
        };
        let mut before = None;
        for (i, c) in text.char_indices() {
            let k = class(c);
            if k == 0 || before != Some(k) {
                out.push(i);
            }
            before = Some(k);
        }
    }
}

/// The pieces of a text between boundaries: `(byte offset, piece)`, from either end.
#[derive(Clone, Debug)]
pub struct Pieces<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The next piece from the front is `starts[front]`; from the back, `starts[back - 1]`.
    front: usize,
    back: usize,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str, find: impl FnOnce(&str, &mut Vec<usize>)) -> Self {
        let mut starts = Vec::new();
        find(text, &mut starts);
        let back = starts.len();
        Self { text, starts, front: 0, back }
    }

    fn piece(&self, k: usize) -> (usize, &'a str) {
        let end = self.starts.get(k + 1).copied().unwrap_or(self.text.len());
        (self.starts[k], &self.text[self.starts[k]..end])
    }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        (self.front < self.back).then(|| {
            self.front += 1;
            self.piece(self.front - 1)
        })
    }
}

impl DoubleEndedIterator for Pieces<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        (self.front < self.back).then(|| {
            self.back -= 1;
            self.piece(self.back)
        })
    }
}

/// Appends the byte offset where each grapheme cluster of `text` starts (as
/// [`Segmenter::graphemes`] does), from the text itself when it is all [`alone`] chars.
pub fn grapheme_starts(text: &str, out: &mut Vec<usize>) {
    if text.chars().all(alone) {
        out.extend(text.char_indices().map(|(i, _)| i));
    } else {
        segmenter().graphemes(text, out);
    }
}

/// The grapheme clusters of `text`, with their byte offsets.
pub fn graphemes(text: &str) -> Pieces<'_> {
    Pieces::new(text, grapheme_starts)
}

/// The word-break segments of `text` (words and what lies between), with byte offsets.
pub fn words(text: &str) -> Pieces<'_> {
    Pieces::new(text, |t, out| segmenter().words(t, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `|` before each piece but the first.
    fn cut(pieces: Pieces<'_>) -> String {
        pieces.map(|(_, p)| p).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn pieces_cover_the_text_from_either_end() {
        let text = "Tokyo, 🤦🏼‍♂️ said";
        assert_eq!(cut(words(text)), "Tokyo|,| |🤦🏼‍♂️| |said");
        let back: Vec<_> = words(text).rev().map(|(i, _)| i).collect();
        let mut front: Vec<_> = words(text).map(|(i, _)| i).collect();
        front.reverse();
        assert_eq!(back, front);
        assert_eq!(graphemes("e\u{301}🤦🏼‍♂️").count(), 2);
        assert_eq!(words("").count(), 0);
    }

    #[test]
    fn code_points_are_the_coarse_fallback() {
        let pieces = |text: &str, words: bool| {
            let mut out = Vec::new();
            if words {
                CodePoints.words(text, &mut out)
            } else {
                CodePoints.graphemes(text, &mut out)
            }
            out
        };
        assert_eq!(pieces("ab  c,d", true), [0, 2, 4, 5, 6]);
        assert_eq!(pieces("e\u{301}x", false), [0, 1, 3]);
        assert_eq!(pieces("", true), Vec::<usize>::new());
    }

    #[test]
    fn the_compiled_in_rules_answer_until_others_are_installed() {
        // Nothing is installed in these tests: the compiled-in rules answer.
        assert_eq!(segmenter().name(), "uax29");
    }
}

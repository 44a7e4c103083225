//! Text handling that must agree everywhere: line endings, lines and snapping a
//! selection to grapheme clusters (never half an emoji) and, optionally, whole words.

use std::ops::Range;

use crate::boundaries;

use crate::offsets::{byte_to_char, char_to_byte};

/// Turns `\r\n` and lone `\r` into `\n`, so offsets do not depend on the OS the text came from.
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// One line of the text in code points, `end` excluding its `\n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// First code point of the line.
    pub start: usize,
    /// One past its last code point, before its `\n` (half-open).
    pub end: usize,
}

/// The text's lines, in order; an empty text has one empty line.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + crate::offsets::char_len(line);
        out.push(Line { start, end });
        start = end + 1;
    }
    out
}

/// Index in `lines` of the line holding code point `at` (a line's end, where its `\n` is,
/// counts as on it).
pub fn line_at(lines: &[Line], at: usize) -> usize {
    lines.partition_point(|l| l.start <= at).saturating_sub(1)
}

/// Start (code point) of the line holding code point `at`.
pub fn line_start(lines: &[Line], at: usize) -> usize {
    lines[line_at(lines, at)].start
}

/// Whether a code point offset sits between two grapheme clusters (or at either end).
pub fn is_grapheme_boundary(text: &str, char_idx: usize) -> bool {
    is_grapheme_boundary_at_byte(text, char_to_byte(text, char_idx))
}

/// The cluster starts in the run around `byte` that decides them (offsets into `text`),
/// and where that run ends.
fn cluster_starts(text: &str, byte: usize) -> (Vec<usize>, usize) {
    let window = boundaries::cluster_window(text, byte);
    let mut starts = Vec::new();
    boundaries::grapheme_starts(&text[window.clone()], &mut starts);
    starts.iter_mut().for_each(|s| *s += window.start);
    (starts, window.end)
}

/// `is_grapheme_boundary` for a byte offset on a char boundary.
pub fn is_grapheme_boundary_at_byte(text: &str, byte: usize) -> bool {
    if byte == 0 || byte >= text.len() {
        return true;
    }
    // Between two ASCII chars only CR LF is one cluster: most positions asked about.
    let (a, b) = (text.as_bytes()[byte - 1], text.as_bytes()[byte]);
    if a.is_ascii() && b.is_ascii() {
        return (a, b) != (b'\r', b'\n');
    }
    if boundaries::certain_cluster(text, byte) {
        return true;
    }
    let (starts, end) = cluster_starts(text, byte);
    byte == end || starts.binary_search(&byte).is_ok()
}

/// The start of the cluster holding `byte` (`byte` itself on a boundary).
fn grapheme_floor(text: &str, byte: usize) -> usize {
    if is_grapheme_boundary_at_byte(text, byte) {
        return byte.min(text.len());
    }
    let (starts, _) = cluster_starts(text, byte);
    starts[..starts.partition_point(|&s| s <= byte)].last().copied().unwrap_or(0)
}

/// The end of the cluster holding `byte` (`byte` itself on a boundary).
fn grapheme_ceil(text: &str, byte: usize) -> usize {
    if is_grapheme_boundary_at_byte(text, byte) {
        return byte.min(text.len());
    }
    let (starts, end) = cluster_starts(text, byte);
    starts.get(starts.partition_point(|&s| s <= byte)).copied().unwrap_or(end)
}

/// The words and what lies between them in `text[range]`, as byte ranges of `text`.
fn segments(text: &str, range: Range<usize>) -> impl DoubleEndedIterator<Item = Range<usize>> + '_ {
    boundaries::words(&text[range.clone()]).map(move |(i, w)| (range.start + i)..(range.start + i + w.len()))
}

/// Moves `start` back to the start of the word it is inside, and `end` forward to the end
/// of the word it is inside; positions in spaces or punctuation stay where they are.
fn widen_to_words(text: &str, bytes: Range<usize>) -> Range<usize> {
    let word_around = |byte: usize| {
        segments(text, boundaries::word_window(text, byte, 0))
            .find(|w| w.start < byte && byte < w.end)
            .filter(|w| is_word(&text[w.clone()]))
    };
    let start = word_around(bytes.start).map_or(bytes.start, |w| w.start);
    let end = word_around(bytes.end).map_or(bytes.end, |w| w.end);
    start..end
}

/// Turns a raw selection (code points, either order) into the range to annotate:
/// widened to whole grapheme clusters, to whole words when `words` is on, and with
/// surrounding white space trimmed. `None` when nothing but white space is left.
pub fn snap_selection(text: &str, a: usize, b: usize, words: bool) -> Option<Range<usize>> {
    let (lo, hi) = (a.min(b), a.max(b));
    let mut bytes = grapheme_floor(text, char_to_byte(text, lo))..grapheme_ceil(text, char_to_byte(text, hi));
    if words {
        bytes = widen_to_words(text, bytes);
    }
    let kept = trim_blank_graphemes(&text[bytes.clone()]);
    (!kept.is_empty())
        .then(|| byte_to_char(text, bytes.start + kept.start)..byte_to_char(text, bytes.start + kept.end))
}

/// Byte range of `s` without leading and trailing white space, trimmed by whole grapheme
/// clusters: a space carrying a combining mark is one cluster and is kept. Only the ends
/// are segmented (a selection may be a whole book): every cluster before the one holding
/// the first char that is not white space is all white space, and so after the last.
fn trim_blank_graphemes(s: &str) -> Range<usize> {
    let Some(first) = s.find(|c: char| !c.is_whitespace()) else { return 0..0 };
    let last = s.rfind(|c: char| !c.is_whitespace()).expect("a char that is not white space");
    let last_end = last + s[last..].chars().next().map_or(0, char::len_utf8);
    grapheme_floor(s, first)..grapheme_ceil(s, last_end)
}

/// One step of a caret or of a span's end, by grapheme cluster or by word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// To the end of the grapheme cluster at the position (→).
    NextGrapheme,
    /// To the start of the grapheme cluster before the position (←).
    PrevGrapheme,
    /// To the end of the word at or after the position (Ctrl+→).
    WordEndAfter,
    /// To the start of the word at or before the position (Ctrl+←).
    WordStartBefore,
    /// To the start of the next word strictly after the position.
    WordStartAfter,
    /// To the end of the previous word strictly before the position.
    WordEndBefore,
}

fn is_word(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric)
}

/// The words (byte ranges) that end after `byte`, in order. The text is segmented a run
/// at a time, each from a certain boundary (`boundaries::word_window`), so a word that
/// `byte` is inside is split as in the whole text, and a step segments only a few words.
fn words_after(text: &str, byte: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let runs =
        std::iter::successors(Some(boundaries::word_window(text, byte, boundaries::WORD_REACH)), |r| {
            (r.end < text.len())
                .then(|| boundaries::word_window(text, r.end, boundaries::WORD_REACH))
                .map(|n| r.end..n.end)
        });
    runs.flat_map(|r| segments(text, r)).filter(move |w| w.end > byte && is_word(&text[w.clone()]))
}

/// The words (byte ranges) that start before `byte`, nearest first, a run at a time.
fn words_before(text: &str, byte: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let runs =
        std::iter::successors(Some(boundaries::word_window(text, byte, boundaries::WORD_REACH)), |r| {
            (r.start > 0)
                .then(|| boundaries::word_window(text, r.start, boundaries::WORD_REACH))
                .map(|p| p.start..r.start)
        });
    runs.flat_map(|r| segments(text, r).rev()).filter(move |w| w.start < byte && is_word(&text[w.clone()]))
}

/// The byte offset one `step` from `byte` (a char boundary); stays put at either end.
pub fn step_from(text: &str, byte: usize, step: Step) -> usize {
    let next_char = |b: usize| b + text[b..].chars().next().map_or(0, char::len_utf8);
    let prev_char = |b: usize| b - text[..b].chars().next_back().map_or(0, char::len_utf8);
    match step {
        Step::NextGrapheme => grapheme_ceil(text, next_char(byte)),
        Step::PrevGrapheme => grapheme_floor(text, prev_char(byte)),
        Step::WordEndAfter => words_after(text, byte).next().map_or(text.len(), |w| w.end),
        Step::WordStartBefore => words_before(text, byte).next().map_or(0, |w| w.start),
        Step::WordStartAfter => words_after(text, byte).map(|w| w.start).find(|i| *i > byte).unwrap_or(byte),
        Step::WordEndBefore => words_before(text, byte).map(|w| w.end).find(|e| *e < byte).unwrap_or(byte),
    }
}

/// `"1 annotation"`, `"3 annotations"`.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// At most `max` grapheme clusters of `s` with white space runs folded, with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Clusters are segmented only as far as they are kept (a quote may be a chapter):
    // `max + 1` clusters are at most this many code points unless they are pathological.
    let head = folded.char_indices().nth((max + 1) * 8).map_or(folded.as_str(), |(i, _)| &folded[..i]);
    let mut graphemes = boundaries::graphemes(head);
    let cut = graphemes.nth(max).map(|(i, _)| i);
    let cut = match cut {
        None if head.len() < folded.len() => boundaries::graphemes(&folded).nth(max).map(|(i, _)| i),
        cut => cut,
    };
    match cut {
        Some(i) => format!("{}…", &folded[..i]),
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::slice_chars;

    fn snapped(text: &str, a: usize, b: usize, words: bool) -> Option<&str> {
        snap_selection(text, a, b, words).map(|r| slice_chars(text, r.start, r.end))
    }

    #[test]
    fn shorten_cuts_between_graphemes() {
        assert_eq!(shorten("a  b\nc", 10), "a b c");
        assert_eq!(shorten("ab🤦🏼‍♂️cd", 3), "ab🤦🏼‍♂️…");
    }

    #[test]
    fn normalizes_crlf_and_lone_cr() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalize_newlines("plain"), "plain");
    }

    #[test]
    fn lines_exclude_their_newline() {
        assert_eq!(
            lines("ab\n\nc"),
            vec![Line { start: 0, end: 2 }, Line { start: 3, end: 3 }, Line { start: 4, end: 5 }]
        );
        assert_eq!(lines(""), vec![Line { start: 0, end: 0 }]);
        let three = lines("ab\n\nc");
        assert_eq!([0, 2, 3, 4, 5, 9].map(|at| line_at(&three, at)), [0, 0, 1, 2, 2, 2]);
        assert_eq!([0, 2, 3, 4, 9].map(|at| line_start(&three, at)), [0, 0, 3, 4, 4]);
    }

    #[test]
    fn never_splits_a_zwj_emoji() {
        let text = "I 🤦🏼‍♂️ know"; // the emoji is 5 code points at 2..7
        assert_eq!(snapped(text, 3, 4, false), Some("🤦🏼‍♂️"));
        assert!(!is_grapheme_boundary(text, 4));
        assert!(is_grapheme_boundary(text, 7));
    }

    #[test]
    fn keeps_combining_marks_with_their_base() {
        let text = "cafe\u{301} noir"; // e + combining acute
        assert_eq!(snapped(text, 0, 4, false), Some("cafe\u{301}"));
        let arabic = "مَرْحَبًا بِكُم"; // harakat are combining marks
        let word = snapped(arabic, 0, 1, true).unwrap();
        assert_eq!(word, "مَرْحَبًا");
    }

    #[test]
    fn word_snapping_widens_partial_words_and_trims_space() {
        let text = "The Chinese penetration was";
        assert_eq!(snapped(text, 6, 14, true), Some("Chinese penetration"));
        assert_eq!(snapped(text, 6, 14, false), Some("inese pe"));
        assert_eq!(snapped(text, 3, 4, true), None, "only a space");
        assert_eq!(snapped(text, 14, 6, true), Some("Chinese penetration"), "backwards drag");
    }

    #[test]
    fn word_snapping_leaves_punctuation_boundaries_alone() {
        let text = "said, “shockingly bad,” the";
        let start = 7; // inside "shockingly"
        assert_eq!(snapped(text, start, 19, true), Some("shockingly bad"));
    }

    #[test]
    fn japanese_and_hebrew_snap_by_grapheme() {
        assert_eq!(snapped("日本の防衛", 1, 3, true), Some("本の"));
        assert_eq!(snapped("שָׁלוֹם עולם", 0, 1, false), Some("שָׁ"));
    }

    #[test]
    fn trimming_keeps_a_space_that_carries_a_mark() {
        let text = "ab \u{64e} cd"; // " \u{64e}" is one grapheme cluster
        assert_eq!(snapped(text, 2, 4, false), Some(" \u{64e}"));
        assert_eq!(snapped(text, 2, 3, false), Some(" \u{64e}"));
    }

    /// `|` marks where each step lands, in order, from the start (forward) or end.
    fn walk(text: &str, step: Step, forward: bool) -> String {
        let mut at = if forward { 0 } else { text.len() };
        let mut stops = vec![];
        loop {
            let next = step_from(text, at, step);
            if next == at {
                break;
            }
            at = next;
            stops.push(at);
        }
        let mut out = String::new();
        for (i, c) in text.char_indices() {
            if stops.contains(&i) {
                out.push('|');
            }
            out.push(c);
        }
        if stops.contains(&text.len()) {
            out.push('|');
        }
        out
    }

    #[test]
    fn steps_by_grapheme_and_by_word() {
        let text = "Tokyo, 🤦🏼‍♂️ said “no” 日本";
        assert_eq!(walk("a🤦🏼‍♂️b", Step::NextGrapheme, true), "a|🤦🏼‍♂️|b|");
        assert_eq!(walk("a🤦🏼‍♂️b", Step::PrevGrapheme, false), "|a|🤦🏼‍♂️|b");
        assert_eq!(walk(text, Step::WordEndAfter, true), "Tokyo|, 🤦🏼‍♂️ said| “no|” 日|本|");
        assert_eq!(walk(text, Step::WordStartBefore, false), "|Tokyo, 🤦🏼‍♂️ |said “|no” |日|本");
        assert_eq!(walk(text, Step::WordStartAfter, true), "Tokyo, 🤦🏼‍♂️ |said “|no” |日|本");
        assert_eq!(walk(text, Step::WordEndBefore, false), "Tokyo|, 🤦🏼‍♂️ said| “no|” 日|本");
    }

    #[test]
    fn snapping_stays_on_its_line() {
        let text = "first line\nsecond";
        assert_eq!(snapped(text, 8, 13, true), Some("line\nsecond"));
    }
}

//! A document's text postings as one stored string, so that opening the library indexes
//! a long text by reading its record rather than by tokenising it again. The record says
//! which text it is of (its SHA-256) and which version of the tokeniser made it; any
//! other, or one that does not read cleanly to the end, is not used.
//!
//! Lines: the header `annotator-search <version> <segmenter>` (the words depend on where
//! the segmenter in use puts their bounds), the text's SHA-256 (hex), the slot and
//! word counts, then each word (folded) on a line of its own, numbered from 1 in order, then
//! one line of numbers, three per word slot (its word's number, the code points since the
//! previous word's end, its length) and one per break (0). Numbers are written in base
//! 32, lowest digit first, one printable ASCII character a digit: a word is about four
//! characters.

use super::postings::{BREAK, Terms, TextPostings};

/// Bumped whenever tokenising changes, so that no record of older words is used.
const VERSION: &str = "annotator-search 2";

/// The header a record made here has.
fn header() -> String {
    format!("{VERSION} {}", crate::boundaries::segmenter().name())
}

/// The first character of the digits; a digit is `FIRST + d` when it is the last of
/// its number, `FIRST + 32 + d` otherwise.
const FIRST: u8 = b'?';

/// The record of `text` (whose SHA-256 is `sha`), its words numbered in `terms`.
pub(super) fn write(sha: &str, terms: &Terms, text: &TextPostings) -> String {
    let words = text.words();
    let seq = text.seq();
    let mut out = String::with_capacity(64 + words * 8 + seq.len() * 4);
    out.push_str(&header());
    out.push('\n');
    out.push_str(sha);
    out.push('\n');
    out.push_str(&format!("{} {}\n", seq.len(), words));
    for w in 0..words {
        out.push_str(terms.name(w as u32));
        out.push('\n');
    }
    let mut prev_end = 0;
    let mut digits = Vec::with_capacity(seq.len() * 4);
    for (slot, &w) in seq.iter().enumerate() {
        if w == BREAK {
            push_number(&mut digits, 0);
            continue;
        }
        let (start, end) = (text.starts[slot], text.ends[slot]);
        push_number(&mut digits, w + 1);
        push_number(&mut digits, start - prev_end);
        push_number(&mut digits, end - start);
        prev_end = end;
    }
    out.push_str(std::str::from_utf8(&digits).expect("digits are ASCII"));
    out
}

/// The postings (and their words) `record` holds if it is a whole record of the text
/// whose SHA-256 is `sha` and which is `char_len` code points long; `None` otherwise.
pub(super) fn read(record: &str, sha: &str, char_len: usize) -> Option<(Terms, TextPostings)> {
    let mut lines = record.split('\n');
    if lines.next()? != header() || lines.next()? != sha {
        return None;
    }
    let (slots, words) = lines.next()?.split_once(' ')?;
    let (slots, words): (usize, usize) = (slots.parse().ok()?, words.parse().ok()?);
    let mut terms = Terms::default();
    for w in 0..words {
        let word = lines.next()?;
        // Each word once, and never an empty one: anything else is not a record of ours.
        if word.is_empty() || terms.intern(word) as usize != w {
            return None;
        }
    }
    let stream = lines.next()?.as_bytes();
    if lines.next().is_some() {
        return None;
    }
    // Bounded by the stream's length, not by what the record claims.
    let cap = slots.min(stream.len());
    let (mut seq, mut starts, mut ends) =
        (Vec::with_capacity(cap), Vec::with_capacity(cap), Vec::with_capacity(cap));
    let mut at = 0;
    let mut prev_end: u32 = 0;
    while at < stream.len() {
        let code = next_number(stream, &mut at)?;
        if code == 0 {
            seq.push(BREAK);
            starts.push(prev_end);
            ends.push(prev_end);
            continue;
        }
        let word = code - 1;
        let start = prev_end.checked_add(next_number(stream, &mut at)?)?;
        let end = start.checked_add(next_number(stream, &mut at)?)?;
        if word as usize >= words || end == start || end as usize > char_len {
            return None;
        }
        seq.push(word);
        starts.push(start);
        ends.push(end);
        prev_end = end;
    }
    (seq.len() == slots).then(|| {
        let text = TextPostings::from_slots(&seq, starts, ends, words);
        (terms, text)
    })
}

fn push_number(out: &mut Vec<u8>, mut n: u32) {
    while n >= 32 {
        out.push(FIRST + 32 + (n & 31) as u8);
        n >>= 5;
    }
    out.push(FIRST + n as u8);
}

/// The number at `*at`, moving past it; `None` for a bad digit, a cut number or one
/// too big for 32 bits.
fn next_number(stream: &[u8], at: &mut usize) -> Option<u32> {
    let mut n: u64 = 0;
    let mut shift = 0;
    loop {
        let d = stream.get(*at)?.checked_sub(FIRST).filter(|d| *d < 64)?;
        *at += 1;
        n |= u64::from(d & 31) << shift;
        if n > u64::from(u32::MAX) {
            return None;
        }
        if d < 32 {
            return u32::try_from(n).ok();
        }
        shift += 5;
        if shift > 35 {
            return None;
        }
    }
}

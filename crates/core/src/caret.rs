//! Where the keyboard caret goes in the (not editable) article: by character, word,
//! paragraph, article, and by line as wrapped on screen. Only the browser knows where
//! lines wrap, so those moves ask a `screen` function and fall back to moving by
//! paragraph (the text's own lines) when it cannot answer.

use crate::model::Document;
use crate::text::{Line, Step, line_at};

/// A caret move, as the keymap names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// One grapheme cluster forward (→).
    CharNext,
    /// One grapheme cluster back (←).
    CharPrev,
    /// To the end of the next word (Ctrl+→).
    WordNext,
    /// To the start of the previous word (Ctrl+←).
    WordPrev,
    /// To the start of the next paragraph (Ctrl+↓).
    ParagraphDown,
    /// To the start of this paragraph, or of the previous one when already there (Ctrl+↑).
    ParagraphUp,
    /// One line down as wrapped on screen (↓).
    LineDown,
    /// One line up as wrapped on screen (↑).
    LineUp,
    /// To the very start (Ctrl+Home).
    ArticleStart,
    /// To the very end (Ctrl+End).
    ArticleEnd,
    /// To the start of the line as wrapped on screen (Home).
    LineStart,
    /// To the end of the line as wrapped on screen (End).
    LineEnd,
}

/// A move that depends on where the text wraps on screen, which only the browser knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visual {
    /// The same horizontal place, one screen line down.
    LineDown,
    /// The same horizontal place, one screen line up.
    LineUp,
    /// The start of the screen line.
    LineStart,
    /// The end of the screen line.
    LineEnd,
}

/// Where the caret at `at` (code points) lands after `how`. `lines` are the document's
/// lines (paragraphs); `screen` answers `Visual` moves, or `None` when it cannot. Always
/// a grapheme boundary within the text: a move that would split a character stays put.
pub fn moved(
    doc: &Document,
    lines: &[Line],
    at: usize,
    how: Move,
    screen: impl Fn(Visual) -> Option<usize>,
) -> usize {
    let at = at.min(doc.char_len());
    let here = line_at(lines, at);
    let line = lines[here];
    let column = at - line.start;
    let next = lines.get(here + 1).map_or(doc.char_len(), |l| (l.start + column).min(l.end));
    let previous = here.checked_sub(1).map_or(0, |i| (lines[i].start + column).min(lines[i].end));
    // The browser's answer, if it stays within this paragraph and its neighbours (a
    // collapsed or hidden line can send it far away).
    let nearby = |v| {
        let from = lines[here.saturating_sub(1)].start;
        let to = lines.get(here + 1).map_or(line.end, |l| l.end);
        screen(v).filter(|p| (from..=to).contains(p))
    };
    let to = match how {
        Move::CharNext => doc.step(at, Step::NextGrapheme),
        Move::CharPrev => doc.step(at, Step::PrevGrapheme),
        Move::WordNext => doc.step(at, Step::WordEndAfter),
        Move::WordPrev => doc.step(at, Step::WordStartBefore),
        Move::ParagraphDown => lines.get(here + 1).map_or(doc.char_len(), |l| l.start),
        Move::ParagraphUp => match column {
            0 => here.checked_sub(1).map_or(0, |i| lines[i].start),
            _ => line.start,
        },
        Move::LineDown => nearby(Visual::LineDown).filter(|p| *p > at).unwrap_or(next),
        Move::LineUp => nearby(Visual::LineUp).filter(|p| *p < at).unwrap_or(previous),
        Move::ArticleStart => 0,
        Move::ArticleEnd => doc.char_len(),
        Move::LineStart => nearby(Visual::LineStart).filter(|p| *p >= line.start).unwrap_or(line.start),
        Move::LineEnd => nearby(Visual::LineEnd)
            .filter(|p| *p <= line.end)
            .map(|p| if p < line.end { before_wrap(doc, line.start, p) } else { p })
            .unwrap_or(line.end),
    };
    if doc.is_grapheme_boundary(to) { to } else { at }
}

/// The browser puts the end of a wrapped line after the space it wrapped at, which is
/// also where the next line starts (a position does not remember which line it is on):
/// stay before that space, so that the caret is drawn on this line and Home finds its start.
fn before_wrap(doc: &Document, line_start: usize, at: usize) -> usize {
    match at.checked_sub(1) {
        Some(b) if b > line_start && doc.slice(b, at).chars().all(char::is_whitespace) => b,
        _ => at,
    }
}

#[cfg(test)]
#[path = "caret_tests.rs"]
mod tests;

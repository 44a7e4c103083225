//! Spans of the text as a selection makes them: whether a range can be annotated, and
//! moving one of its ends by a word or a character. Apart from the editor so that the
//! importers and the app's keys can use them without depending on the undo history.

use std::ops::Range;

use thiserror::Error;

use crate::model::Document;
use crate::text::Step;

/// Why a range cannot be annotated. The editor hands these on as `EditError`s; importers
/// report them as `SkipReason`s.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
pub enum SpanError {
    /// The range is empty or reversed.
    #[error("Select some text first.")]
    EmptyRange,
    /// The range reaches past the end of the text.
    #[error("The selection ends at {end}, past the end of the text ({len} characters).")]
    PastEnd {
        /// The range's end, in code points.
        end: usize,
        /// The text's length, in code points.
        len: usize,
    },
    /// An end falls inside a grapheme cluster (half an emoji or a letter without its accent).
    #[error("The selection splits a character at {at}; select whole characters.")]
    SplitsGrapheme {
        /// The end that splits it, in code points.
        at: usize,
    },
}

/// Checks that `range` (code points, half-open) can be annotated in `doc`: not empty,
/// within the text, and cutting no grapheme cluster in two.
pub fn check_range(doc: &Document, range: &Range<usize>) -> Result<(), SpanError> {
    if range.start >= range.end {
        return Err(SpanError::EmptyRange);
    }
    if range.end > doc.char_len() {
        return Err(SpanError::PastEnd { end: range.end, len: doc.char_len() });
    }
    for at in [range.start, range.end] {
        if !doc.is_grapheme_boundary(at) {
            return Err(SpanError::SplitsGrapheme { at });
        }
    }
    Ok(())
}

/// Which end of a span a boundary key or handle moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The first code point of the span.
    Start,
    /// One past its last code point.
    End,
}

/// `range` with one `edge` moved one word (or one grapheme cluster when `words` is off)
/// forward or back; `None` when it cannot move or would leave nothing.
pub fn nudged(
    doc: &Document,
    range: Range<usize>,
    edge: Edge,
    forward: bool,
    words: bool,
) -> Option<Range<usize>> {
    use Step::*;
    let step = match (edge, forward, words) {
        (_, true, false) => NextGrapheme,
        (_, false, false) => PrevGrapheme,
        (Edge::End, true, true) => WordEndAfter,
        (Edge::End, false, true) => WordEndBefore,
        (Edge::Start, true, true) => WordStartAfter,
        (Edge::Start, false, true) => WordStartBefore,
    };
    let moved = match edge {
        Edge::Start => doc.step(range.start, step)..range.end,
        Edge::End => range.start..doc.step(range.end, step),
    };
    (moved != range && moved.start < moved.end).then_some(moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nudging_moves_one_edge_by_word_or_grapheme() {
        let doc = Document::new("t", "Tokyo, 🤦🏼‍♂️ took steps");
        let took = 13..17;
        assert_eq!(nudged(&doc, took.clone(), Edge::End, true, true), Some(13..23));
        assert_eq!(nudged(&doc, took.clone(), Edge::End, false, true), None, "would leave nothing");
        assert_eq!(nudged(&doc, took.clone(), Edge::Start, false, true), Some(0..17));
        assert_eq!(nudged(&doc, took.clone(), Edge::Start, false, false), Some(12..17));
        assert_eq!(nudged(&doc, 12..17, Edge::Start, false, false), Some(7..17), "the whole emoji");
        assert_eq!(nudged(&doc, 0..23, Edge::End, false, true), Some(0..17));
        assert_eq!(nudged(&doc, 0..23, Edge::Start, true, true), Some(13..23));
        assert_eq!(nudged(&doc, 0..23, Edge::End, true, true), None, "at the end");
    }
}

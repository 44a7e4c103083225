//! Finding annotations again after the text changed (as the Hypothesis client does):
//! positions are mapped through a character diff of the old and new text and checked
//! against the stored quote; failing that, the quote is searched for and its context
//! decides between repeats; failing that, the annotation becomes an orphan — kept, with
//! its quote, never dropped.

use std::ops::Range;
use std::rc::Rc;

use similar::DiffOp;
use similar::algorithms::{Capture, myers};

use crate::model::{Annotation, CONTEXT_CHARS, Conflict, Document, Workspace};

use crate::text::is_grapheme_boundary_at_byte;

/// How much of a quote must survive an edit inside it for the span to stay put.
const MIN_QUOTE_SIMILARITY: f32 = 0.5;

/// Which end of a span a position is: text inserted exactly at a span's edge stays outside.
#[derive(Clone, Copy)]
enum Edge {
    Start,
    End,
}

/// Maps code point positions in an old text to the new text.
pub struct PositionMap {
    ops: Vec<DiffOp>,
}

/// The edit script between two char sequences. One diff function for every use, called
/// directly: `similar`'s generic entry points instantiate every algorithm (~100 KB of wasm).
fn diff_ops(old: &[char], new: &[char]) -> Vec<DiffOp> {
    let mut capture = Capture::new();
    match myers::diff(&mut capture, old, 0..old.len(), new, 0..new.len()) {
        Ok(()) => capture.into_ops(),
        Err(never) => match never {},
    }
}

impl PositionMap {
    /// The map from `old` to `new`, by the shortest edit script between their code points.
    pub fn new(old: &str, new: &str) -> Self {
        let (old, new): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
        Self { ops: diff_ops(&old, &new) }
    }

    /// The new position, and whether `pos` touches text the edit left unchanged. An edge
    /// prefers the unchanged text on its inner side (so text inserted exactly at the edge
    /// stays outside), then the outer side (text deleted just inside it went with it).
    fn map(&self, pos: usize, edge: Edge) -> (usize, bool) {
        let after = |o: usize, len: usize| o <= pos && pos < o + len;
        let before = |o: usize, len: usize| o < pos && pos <= o + len;
        let sides: [&dyn Fn(usize, usize) -> bool; 2] = match edge {
            Edge::Start => [&after, &before],
            Edge::End => [&before, &after],
        };
        for touches in sides {
            for op in &self.ops {
                if let DiffOp::Equal { old_index, new_index, len } = *op {
                    if touches(old_index, len) {
                        return (new_index + pos - old_index, true);
                    }
                }
            }
        }
        // In or beside changed text: take the edge of the replacement.
        for op in &self.ops {
            let (old, new) = (op.old_range(), op.new_range());
            if old.start <= pos && pos <= old.end {
                return (if matches!(edge, Edge::Start) { new.start } else { new.end }, false);
            }
        }
        (self.ops.last().map_or(0, |op| op.new_range().end), false)
    }
}

/// Where an annotation ended up.
#[derive(Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Same quote at the mapped (or searched) place.
    Found(Range<usize>),
    /// The text inside changed a little; the span keeps its mapped place.
    Edited(Range<usize>),
    /// The quote is gone: kept as an orphan, not drawn.
    Orphan,
}

/// Share of characters the two have in common, from 0 to 1 (2 × matches / total).
fn similarity(a: &str, b: &str) -> f32 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let same: usize =
        diff_ops(&a, &b).iter().map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 }).sum();
    if a.is_empty() && b.is_empty() { 1.0 } else { 2.0 * same as f32 / (a.len() + b.len()) as f32 }
}

/// Re-anchors `a` (positioned in `old_text`) in `doc`, using `map` from old to new text.
pub fn reanchor(map: &PositionMap, doc: &Document, a: &Annotation) -> Anchor {
    let (start, start_kept) = map.map(a.start, Edge::Start);
    let (end, end_kept) = map.map(a.end, Edge::End);
    if start < end {
        let quote = doc.slice(start, end);
        if quote == a.exact {
            // A diff can pair the span with an identical quote elsewhere (text that
            // repeats); where the context no longer fits, a better-fitting copy wins.
            let here = context_score(doc, start..end, a);
            if here < a.prefix.chars().count() + a.suffix.chars().count() {
                if let Some(r) = search(doc, a, start) {
                    if context_score(doc, r.clone(), a) > here {
                        return Anchor::Found(r);
                    }
                }
            }
            return Anchor::Found(start..end);
        }
        if start_kept && end_kept && similarity(quote, &a.exact) >= MIN_QUOTE_SIMILARITY {
            // An exact copy of the quote that fits its context as well beats a fuzzy match.
            let here = context_score(doc, start..end, a);
            if let Some(r) = search(doc, a, start) {
                if context_score(doc, r.clone(), a) >= here {
                    return Anchor::Found(r);
                }
            }
            return Anchor::Edited(start..end);
        }
    }
    search(doc, a, start).map_or(Anchor::Orphan, Anchor::Found)
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// How many characters of the stored prefix and suffix surround code points `r`.
fn context_score(doc: &Document, r: Range<usize>, a: &Annotation) -> usize {
    context_score_at_bytes(doc.text(), doc.byte_of(r.start)..doc.byte_of(r.end), a)
}

/// `context_score` for the quote at bytes `at`.
fn context_score_at_bytes(text: &str, at: Range<usize>, a: &Annotation) -> usize {
    let before = &text[..at.start];
    let before = &before[before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(b, _)| b)..];
    let after = &text[at.end..];
    let after = &after[..after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(b, _)| b)];
    common_suffix(before, &a.prefix) + common_prefix(after, &a.suffix)
}

/// Finds the quote in `doc`: among repeats, the one whose surroundings best match the
/// stored prefix and suffix, then the one nearest `hint`.
pub fn search(doc: &Document, a: &Annotation, hint: usize) -> Option<Range<usize>> {
    if a.exact.is_empty() {
        return None;
    }
    // In bytes throughout: a common quote can occur thousands of times in a book.
    let text = doc.text();
    let hint = doc.byte_of(hint);
    let at = text
        .match_indices(a.exact.as_str())
        .map(|(byte, quote)| byte..byte + quote.len())
        .filter(|r| is_grapheme_boundary_at_byte(text, r.start) && is_grapheme_boundary_at_byte(text, r.end))
        .max_by_key(|r| {
            (context_score_at_bytes(text, r.clone(), a), std::cmp::Reverse(r.start.abs_diff(hint)))
        })?;
    let start = doc.char_of(at.start);
    Some(start..start + a.exact.chars().count())
}

/// What re-anchoring did to one annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Kept,
    Moved,
    Edited,
    Orphaned,
}

/// `a` (positioned in the old text of `map`) on the new text `doc`, and how it got there.
pub(crate) fn reanchored(map: &PositionMap, doc: &Document, a: &Annotation) -> (Annotation, Outcome) {
    if a.orphan {
        return (a.orphaned(doc), Outcome::Orphaned);
    }
    match reanchor(map, doc, a) {
        Anchor::Found(r) if r == a.range() => (a.anchored_at(doc, r), Outcome::Kept),
        Anchor::Found(r) => (a.anchored_at(doc, r), Outcome::Moved),
        Anchor::Edited(r) => (a.anchored_at(doc, r), Outcome::Edited),
        Anchor::Orphan => (a.orphaned(doc), Outcome::Orphaned),
    }
}

/// What re-anchoring a workspace's annotations onto a new text did: how many of each
/// outcome (they add up to the annotations).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UpdateSummary {
    /// Found at the same place.
    pub kept: usize,
    /// Found again by their quote somewhere else.
    pub moved: usize,
    /// Found, with the text inside them edited.
    pub edited: usize,
    /// No longer found: listed as orphans.
    pub orphaned: usize,
}

/// Re-anchors every annotation of `ws` onto a new version of its text.
///
/// The document becomes `new` as it is, with `new`'s links: the old text's are dropped,
/// not carried over, since their places were counted in a text that is gone and a link,
/// unlike an annotation, keeps no quote to be found again by. A new text brings its own
/// (a Markdown file's, from `article_from_markdown`); `Document::new` has none. The
/// metadata, though, is the article's, not its text's: `new` keeps `ws`'s unless it
/// brings some of its own.
pub fn update_text(ws: &Workspace, new: Document) -> (Workspace, UpdateSummary) {
    let new = if new.meta().is_empty() { new.with_shared_meta(ws.document.shared_meta()) } else { new };
    let map = PositionMap::new(ws.document.text(), new.text());
    let mut summary = UpdateSummary::default();
    let annotations: Vec<Annotation> = ws
        .annotations()
        .iter()
        .map(|a| {
            let (a, outcome) = reanchored(&map, &new, a);
            match outcome {
                Outcome::Kept => summary.kept += 1,
                Outcome::Moved => summary.moved += 1,
                Outcome::Edited => summary.edited += 1,
                Outcome::Orphaned => summary.orphaned += 1,
            }
            a
        })
        .collect();
    let conflicts = conflicts_on(&map, &new, ws.conflicts());
    (
        Workspace::with_annotations(new, annotations, (**ws.tagset()).clone()).with_conflicts(conflicts),
        summary,
    )
}

/// `conflicts` (their versions positioned in the old text of `map`) on the new text `doc`,
/// found again as annotations are, so that they stay comparable with ours.
pub(crate) fn conflicts_on(map: &PositionMap, doc: &Document, conflicts: &[Conflict]) -> Vec<Conflict> {
    let on = |c: &Conflict| Conflict { ours: c.ours, theirs: Rc::new(reanchored(map, doc, &c.theirs).0) };
    conflicts.iter().map(on).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::{byte_to_char, slice_chars};
    use crate::tagset::Tag;
    use crate::test_support::ann;

    const OLD: &str =
        "Tokyo took steps to strengthen its networks, the paper said. Still, they are not secure.";

    fn moved(old: &str, new: &str, quote: &str) -> Anchor {
        let old_doc = Document::new("t", old);
        let at = byte_to_char(old, old.find(quote).unwrap());
        let a = ann(&old_doc, at..at + quote.chars().count(), Tag::Claim, 1);
        reanchor(&PositionMap::new(old, new), &Document::new("t", new), &a)
    }

    fn span_of(new: &str, quote: &str) -> Range<usize> {
        let at = byte_to_char(new, new.find(quote).unwrap());
        at..at + quote.chars().count()
    }

    #[test]
    fn a_sentence_inserted_before_shifts_the_span() {
        let new = format!("Breaking: 日本 reacts. {OLD}");
        assert_eq!(moved(OLD, &new, "the paper said"), Anchor::Found(span_of(&new, "the paper said")));
    }

    #[test]
    fn a_word_changed_inside_keeps_the_span() {
        let new = OLD.replace("strengthen its", "harden its");
        let expected = span_of(&new, "Tokyo took steps to harden its networks");
        assert_eq!(moved(OLD, &new, "Tokyo took steps to strengthen its networks"), Anchor::Edited(expected));
    }

    #[test]
    fn deleted_text_becomes_an_orphan() {
        let new = OLD.replace(" Still, they are not secure.", "");
        assert_eq!(moved(OLD, &new, "they are not secure"), Anchor::Orphan);
    }

    #[test]
    fn text_inserted_at_the_edges_stays_outside() {
        let new = OLD.replace("the paper said", "(the paper said)");
        assert_eq!(moved(OLD, &new, "the paper said"), Anchor::Found(span_of(&new, "the paper said")));
    }

    #[test]
    fn a_diff_pairing_the_span_with_a_repeat_is_corrected_by_context() {
        // Found by proptest: the diff pairs the old "é" with the inserted one.
        let (old, new) = ("éم", "éa\néم");
        let a = ann(&Document::new("t", old), 0..1, Tag::Claim, 1);
        assert_eq!(reanchor(&PositionMap::new(old, new), &Document::new("t", new), &a), Anchor::Found(3..4));
    }

    #[test]
    fn context_decides_between_repeated_quotes() {
        let text = "The minister said no. Later the deputy said no. Then the press said yes.";
        let doc = Document::new("t", text);
        let second = byte_to_char(text, text.find("deputy said no").unwrap()) + 7;
        let a = ann(&doc, second..second + 7, Tag::Claim, 1);
        assert_eq!(slice_chars(text, a.start, a.end), "said no");
        // Without any position to go on (hint 0, nearer the first), the context wins.
        assert_eq!(search(&doc, &a, 0), Some(second..second + 7));
        // The paragraph is re-copied with a sentence in front: still the second one.
        let new = format!("Update. {text}");
        let anchor = reanchor(&PositionMap::new("unrelated", &new), &Document::new("t", &new), &a);
        assert_eq!(anchor, Anchor::Found(second + 8..second + 15));
    }
}

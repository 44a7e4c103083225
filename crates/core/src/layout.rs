//! Flattening overlapping spans into render segments (as CodeMirror's `RangeSet.spans`
//! and xi-editor's `spans.rs` do): spans stay independent ranges; the view splits the
//! text at every span boundary and every line end, and each segment knows which spans
//! cover it. Lines are the unit of re-rendering, so the output is grouped by line.

use std::borrow::Borrow;
use std::ops::Range;
use std::rc::Rc;

use crate::model::{Annotation, AnnotationId};
use crate::offsets::char_to_byte;
use crate::tagset::Tag;
use crate::text::Line;

/// A span as the layout sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cover {
    /// The annotation.
    pub id: AnnotationId,
    /// Its tag, which the segment is styled by.
    pub tag: Tag,
    /// The span starts at this segment (where its label is drawn).
    pub starts_here: bool,
}

/// A run of text covered by one unchanging set of spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// First code point, in the whole text.
    pub start: usize,
    /// One past its last code point (half-open).
    pub end: usize,
    /// Bytes within the line's text, for slicing without another count.
    pub bytes: Range<usize>,
    /// Covering spans, outermost first; the last is the innermost (the one a click picks).
    pub covers: Vec<Cover>,
}

impl Segment {
    /// The innermost span here: the one a click on the segment selects.
    pub fn innermost(&self) -> Option<AnnotationId> {
        self.covers.last().map(|c| c.id)
    }

    /// Whether annotation `id` covers this segment.
    pub fn is_covered_by(&self, id: AnnotationId) -> bool {
        self.covers.iter().any(|c| c.id == id)
    }
}

/// One line's segments; `line` is in code points of the whole text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineLayout {
    /// The line laid out.
    pub line: Line,
    /// Its text from start to end, cut at every span boundary (uncovered runs included).
    pub segments: Vec<Segment>,
    /// The spans drawn on this line, in document order. An edit replaces the `Rc` of every
    /// annotation it touches, so a line whose spans are all the same pointers is unchanged.
    pub spans: Vec<Rc<Annotation>>,
}

impl LineLayout {
    /// Whether annotation `id` is drawn on this line.
    pub fn draws(&self, id: AnnotationId) -> bool {
        self.spans.iter().any(|a| a.id == id)
    }
}

/// Lays out every line. `annotations` must be in document order (as `Workspace` keeps them);
/// `line_texts[i]` is the text of `lines[i]` (`text.split('\n')`).
pub fn layout(lines: &[Line], line_texts: &[&str], annotations: &[Rc<Annotation>]) -> Vec<Rc<LineLayout>> {
    relayout(&[], lines, line_texts, annotations)
}

/// `layout` after an edit: a line whose spans are the very same annotations as in
/// `previous` keeps its `Rc<LineLayout>`, so the view re-renders only the lines an edit
/// touched, and only those are segmented again.
pub fn relayout(
    previous: &[Rc<LineLayout>],
    lines: &[Line],
    line_texts: &[&str],
    annotations: &[Rc<Annotation>],
) -> Vec<Rc<LineLayout>> {
    let mut next = 0; // first annotation not yet seen by any line
    let mut open: Vec<&Rc<Annotation>> = Vec::new(); // seen and possibly still covering
    lines
        .iter()
        .zip(line_texts)
        .enumerate()
        .map(|(i, (line, text))| {
            while next < annotations.len() && annotations[next].start < line.end {
                if !annotations[next].orphan {
                    open.push(&annotations[next]);
                }
                next += 1;
            }
            open.retain(|a| a.end > line.start);
            match previous.get(i) {
                Some(old) if old.line == *line && same_rcs(&old.spans, &open) => old.clone(),
                _ => Rc::new(LineLayout {
                    line: *line,
                    segments: line_segments(*line, text, &open),
                    spans: open.iter().map(|a| Rc::clone(a)).collect(),
                }),
            }
        })
        .collect()
}

/// Whether two lists hold the very same shared values, in order (pointers, not contents:
/// an edit gives everything it changes a new `Rc`).
pub fn same_rcs<T, A: Borrow<Rc<T>>, B: Borrow<Rc<T>>>(a: &[A], b: &[B]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x.borrow(), y.borrow()))
}

fn line_segments(line: Line, text: &str, open: &[&Rc<Annotation>]) -> Vec<Segment> {
    if line.start == line.end {
        return Vec::new();
    }
    let clip = |p: usize| p.clamp(line.start, line.end);
    let mut cuts: Vec<usize> = vec![line.start, line.end];
    cuts.extend(open.iter().flat_map(|a| [clip(a.start), clip(a.end)]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut byte = 0;
    cuts.windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            let len = char_to_byte(&text[byte..], end - start);
            let bytes = byte..byte + len;
            byte += len;
            let mut covering: Vec<&&Rc<Annotation>> =
                open.iter().filter(|a| a.start <= start && end <= a.end).collect();
            // Outer before inner: longer first, then later start (nested deeper) last.
            covering.sort_by_key(|a| (std::cmp::Reverse(a.len()), a.start, a.id));
            let covers = covering
                .iter()
                .map(|a| Cover { id: a.id, tag: a.tag, starts_here: a.start == start })
                .collect();
            Segment { start, end, bytes, covers }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::offsets::slice_chars;
    use crate::tagset::Tag;
    use crate::test_support::{ann, id};
    use crate::text::lines;

    /// Renders a layout as `"0..5=claim 5..9=claim,source"`; uncovered segments show bare.
    fn render(text: &str, spans: &[(usize, usize, Tag)]) -> String {
        let doc = Document::new("t", text);
        let mut anns: Vec<_> =
            spans.iter().enumerate().map(|(i, &(s, e, t))| Rc::new(ann(&doc, s..e, t, i as u8))).collect();
        anns.sort_by_key(|a| a.order_key());
        let ls = lines(text);
        let texts: Vec<&str> = ls.iter().map(|l| slice_chars(text, l.start, l.end)).collect();
        layout(&ls, &texts, &anns)
            .iter()
            .flat_map(|l| {
                l.segments.iter().map(|s| {
                    let tags: Vec<_> = s.covers.iter().map(|c| c.tag.key()).collect();
                    let range = format!("{}..{}", s.start, s.end);
                    if tags.is_empty() { range } else { format!("{range}={}", tags.join(",")) }
                })
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[allow(non_upper_case_globals)]
    const Claim: Tag = Tag::Claim;
    #[allow(non_upper_case_globals)]
    const Source: Tag = Tag::Source;
    #[allow(non_upper_case_globals)]
    const Entity: Tag = Tag::Entity;

    #[test]
    fn no_spans_gives_one_segment_per_nonempty_line() {
        assert_eq!(render("abc\n\nde", &[]), "0..3 5..7");
    }

    #[test]
    fn crossing_spans_split_at_every_boundary() {
        // Where spans cross, the shorter one counts as inner: it is the one a click picks.
        assert_eq!(
            render("0123456789", &[(0, 5, Claim), (3, 9, Source)]),
            "0..3=claim 3..5=source,claim 5..9=source 9..10"
        );
    }

    #[test]
    fn nested_spans_list_outer_first() {
        assert_eq!(
            render("0123456789", &[(2, 4, Entity), (0, 10, Claim)]),
            "0..2=claim 2..4=claim,entity 4..10=claim"
        );
    }

    #[test]
    fn identical_ranges_share_segments() {
        assert_eq!(render("abcdef", &[(1, 3, Claim), (1, 3, Source)]), "0..1 1..3=claim,source 3..6");
    }

    #[test]
    fn spans_crossing_lines_are_cut_at_line_ends() {
        assert_eq!(render("ab\ncd\n\nef", &[(1, 8, Claim)]), "0..1 1..2=claim 3..5=claim 7..8=claim 8..9");
    }

    #[test]
    fn an_edit_lays_out_only_the_lines_it_touches() {
        let text = "one two\nthree four\nfive six";
        let mut ed = crate::Editor::new(crate::Workspace::new(Document::new("t", text)));
        ed.add(0..3, Claim, id(1), crate::test_support::NOW).unwrap();
        ed.add(8..13, Source, id(2), crate::test_support::NOW).unwrap();
        let (ls, texts): (_, Vec<&str>) = (lines(text), text.split('\n').collect());
        let before = layout(&ls, &texts, ed.workspace().annotations());
        ed.retag(id(2), Tag::Entity, crate::test_support::NOW).unwrap();
        let after = relayout(&before, &ls, &texts, ed.workspace().annotations());
        assert!(Rc::ptr_eq(&before[0], &after[0]) && Rc::ptr_eq(&before[2], &after[2]));
        assert!(!Rc::ptr_eq(&before[1], &after[1]));
        assert_eq!(after, layout(&ls, &texts, ed.workspace().annotations()));
    }

    #[test]
    fn segment_bytes_slice_multibyte_lines() {
        let text = "日本🤦🏼‍♂️語";
        let doc = Document::new("t", text);
        let anns = vec![Rc::new(ann(&doc, 2..7, Claim, 1))];
        let out = layout(&lines(text), &[text], &anns);
        let pieces: Vec<_> = out[0].segments.iter().map(|s| &text[s.bytes.clone()]).collect();
        assert_eq!(pieces, vec!["日本", "🤦🏼‍♂️", "語"]);
        assert_eq!(out[0].segments[1].innermost(), Some(id(1)));
        assert!(out[0].segments[1].covers[0].starts_here);
    }
}

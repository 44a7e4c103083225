//! The diff of two annotation sets on one text: each annotation paired with the other
//! side's of the same tag, start and end, or left on its own. Ids differ between two
//! people's files, so a claim's sources are compared by the span and tag of the
//! annotations they name, never by id. Who made an annotation (its creator) and when
//! are not compared: two people's files differ there by design.

use std::collections::BTreeMap;

use crate::model::{Annotation, AnnotationId, Workspace};
use crate::status::ClaimStatus;
use crate::tagset::Tag;

/// An attribute, besides span and tag, that two paired annotations can differ in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// What the person wrote.
    Note,
    /// A claim's status.
    Status,
    /// An entity's type.
    EntityType,
    /// The sources a claim is attributed to, by their spans and tags (order aside).
    Sources,
}

/// How the two sides stand on one span and tag (ids are each file's own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Both have it, alike in every [`Field`].
    Both {
        /// A's annotation.
        a: AnnotationId,
        /// B's annotation.
        b: AnnotationId,
    },
    /// Both have it, differing in `fields`.
    Changed {
        /// A's annotation.
        a: AnnotationId,
        /// B's annotation.
        b: AnnotationId,
        /// What differs, in [`Field`] order; never empty.
        fields: Vec<Field>,
    },
    /// Only A has it.
    OnlyA(AnnotationId),
    /// Only B has it.
    OnlyB(AnnotationId),
}

/// One line of the diff: a span of A's text, a tag, and how the sides stand on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffEntry {
    /// The tag.
    pub tag: Tag,
    /// First code point of the span in A's text.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// How the two sides stand on it.
    pub difference: Difference,
}

/// What a link points at, as both files can name it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    /// A placed annotation, by its tag key and span.
    At(String, usize, usize),
    /// An orphan, or an id the file lacks: no place to compare, so never alike.
    Unplaced(AnnotationId),
}

fn targets(ws: &Workspace, x: &Annotation) -> Vec<Target> {
    let mut out: Vec<Target> = x
        .sources
        .iter()
        .map(|&id| match ws.get(id) {
            Some(s) if !s.orphan => Target::At(s.tag.key().to_owned(), s.start, s.end),
            _ => Target::Unplaced(id),
        })
        .collect();
    out.sort();
    out
}

/// Where two annotations of one span and tag differ, in [`Field`] order.
fn differing(a_ws: &Workspace, x: &Annotation, b_ws: &Workspace, y: &Annotation) -> Vec<Field> {
    let unlike = [
        (Field::Note, x.note != y.note),
        (Field::Status, x.status != y.status),
        (Field::EntityType, x.entity_type != y.entity_type),
        (Field::Sources, targets(a_ws, x) != targets(b_ws, y)),
    ];
    unlike.into_iter().filter(|&(_, differs)| differs).map(|(field, _)| field).collect()
}

/// One line of the diff before it is made public: either side, or both, with what differs.
pub(super) struct Pair<'w> {
    a: Option<&'w Annotation>,
    b: Option<&'w Annotation>,
    fields: Vec<Field>,
}

impl Pair<'_> {
    fn either(&self) -> &Annotation {
        self.a.or(self.b).expect("a pair has at least one side")
    }

    /// Its tag.
    pub(super) fn tag(&self) -> Tag {
        self.either().tag
    }

    /// Whether both sides have it (an exact match, alike or not).
    pub(super) fn is_match(&self) -> bool {
        self.a.is_some() && self.b.is_some()
    }

    /// (A's status, B's) when both sides have it.
    pub(super) fn statuses(&self) -> Option<(ClaimStatus, ClaimStatus)> {
        Some((self.a?.status, self.b?.status))
    }

    pub(super) fn entry(&self) -> DiffEntry {
        let x = self.either();
        let difference = match (self.a, self.b) {
            (Some(a), Some(b)) if self.fields.is_empty() => Difference::Both { a: a.id, b: b.id },
            (Some(a), Some(b)) => Difference::Changed { a: a.id, b: b.id, fields: self.fields.clone() },
            (Some(a), None) => Difference::OnlyA(a.id),
            (None, _) => Difference::OnlyB(x.id),
        };
        DiffEntry { tag: x.tag, start: x.start, end: x.end, difference }
    }
}

/// Every placed annotation of `a` and `b` (on one text), paired one to one by tag, start
/// and end, in document order: start, then end, then tag key. Among several of one span
/// and tag on a side, alike ones are paired first, so that a repeat on one side leaves
/// over an annotation only it has rather than turning an alike pair into a changed one.
/// With `spans_only` (B's file has no room for notes, statuses, types), a pair differs in
/// nothing but its links.
pub(super) fn pair<'w>(a: &'w Workspace, b: &'w Workspace, spans_only: bool) -> Vec<Pair<'w>> {
    let differing = |a_ws, x, b_ws, y| {
        let mut fields = differing(a_ws, x, b_ws, y);
        if spans_only {
            fields.retain(|f| *f == Field::Sources);
        }
        fields
    };
    type Sides<'w> = (Vec<&'w Annotation>, Vec<&'w Annotation>);
    let mut groups: BTreeMap<(usize, usize, &str), Sides<'w>> = BTreeMap::new();
    for x in a.annotations().iter().filter(|x| !x.orphan) {
        groups.entry((x.start, x.end, x.tag.key())).or_default().0.push(&**x);
    }
    for y in b.annotations().iter().filter(|y| !y.orphan) {
        groups.entry((y.start, y.end, y.tag.key())).or_default().1.push(&**y);
    }
    let mut out = Vec::new();
    for (xs, ys) in groups.into_values() {
        let mut ys: Vec<Option<&Annotation>> = ys.into_iter().map(Some).collect();
        let mut unlike = Vec::new();
        for x in xs {
            let alike = ys.iter_mut().find(|y| y.is_some_and(|y| differing(a, x, b, y).is_empty()));
            match alike {
                Some(y) => out.push(Pair { a: Some(x), b: y.take(), fields: Vec::new() }),
                None => unlike.push(x),
            }
        }
        let mut ys = ys.into_iter().flatten();
        for x in unlike {
            let y = ys.next();
            let fields = y.map(|y| differing(a, x, b, y)).unwrap_or_default();
            out.push(Pair { a: Some(x), b: y, fields });
        }
        out.extend(ys.map(|y| Pair { a: None, b: Some(y), fields: Vec::new() }));
    }
    out
}

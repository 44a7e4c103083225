//! What a conflict between our annotation and a colleague's version of it is about, and
//! what resolving it does. The conflicts themselves are kept with the workspace
//! ([`crate::model::Conflict`], `Workspace::conflicts`); merges record them and
//! `Editor::resolve` resolves them, one undoable step each.

use std::collections::BTreeSet;

use crate::model::{Annotation, AnnotationId, Conflict, Document};
use crate::span::check_range;

/// A value in which two versions of one annotation differ. `created`, `modified`, the
/// creator and the quote's context are not compared: they say who and when, not what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Where it is (only when theirs was found in our text: an orphan has no place).
    Span,
    /// Its tag.
    Tag,
    /// Its note.
    Note,
    /// A claim's status.
    Status,
    /// An entity's type.
    EntityType,
    /// A claim's sources, as a set (the order they were linked in is not compared).
    Links,
}

/// What to do with a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Our annotation takes their values (keeping its id), their creator with them.
    TakeTheirs,
    /// Our annotation stays as it is; their version is dropped.
    KeepMine,
}

impl Conflict {
    /// The values in which `ours` (the annotation `self.ours` names) and their version
    /// differ, in [`Field`]'s order.
    pub fn fields(&self, ours: &Annotation) -> Vec<Field> {
        differences(ours, &self.theirs)
    }
}

fn links(a: &Annotation) -> BTreeSet<AnnotationId> {
    a.sources.iter().copied().collect()
}

/// The values in which `theirs` differs from `ours` (links compared by id: the caller
/// has pointed theirs at our annotations).
pub(crate) fn differences(ours: &Annotation, theirs: &Annotation) -> Vec<Field> {
    [
        (Field::Span, !theirs.orphan && (ours.orphan || ours.range() != theirs.range())),
        (Field::Tag, ours.tag != theirs.tag),
        (Field::Note, ours.note != theirs.note),
        (Field::Status, ours.status != theirs.status),
        (Field::EntityType, ours.entity_type != theirs.entity_type),
        (Field::Links, links(ours) != links(theirs)),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

/// Whether `a` and `b` are the same version: the same values and the same creator (a
/// merge of the same file again records no second conflict).
pub(crate) fn same_version(a: &Annotation, b: &Annotation) -> bool {
    a.creator == b.creator && differences(a, b).is_empty() && differences(b, a).is_empty()
}

/// `ours` with `theirs`' values, as taking theirs makes it: their tag, note, status,
/// entity type, links (to annotations that still `exist`, never to itself) and creator,
/// and their place when it differs and is still the same words of `doc` (else ours).
pub(crate) fn taken(
    ours: &Annotation,
    theirs: &Annotation,
    doc: &Document,
    exists: impl Fn(AnnotationId) -> bool,
) -> Annotation {
    let mut sources: Vec<AnnotationId> = Vec::new();
    for s in theirs.sources.iter().copied().filter(|s| *s != ours.id && exists(*s)) {
        if !sources.contains(&s) {
            sources.push(s);
        }
    }
    let after = Annotation {
        tag: theirs.tag,
        note: theirs.note.clone(),
        status: theirs.status,
        entity_type: theirs.entity_type.clone(),
        sources,
        creator: theirs.creator.clone(),
        ..ours.clone()
    };
    let place = theirs.range();
    let fits = check_range(doc, &place).is_ok() && doc.slice(place.start, place.end) == theirs.exact;
    if differences(ours, theirs).contains(&Field::Span) && fits {
        after.anchored_at(doc, place)
    } else {
        after
    }
}

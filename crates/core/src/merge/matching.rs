//! Which of a file's annotations are ours: the same annotation is the one with the same
//! id, or else (between annotations that are not orphans) the one with the same tag over
//! the same span. Of the same annotation, the same values make a duplicate and other
//! values a conflict; the rest is new.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::conflict::differences;
use crate::model::{Annotation, AnnotationId, Workspace};
use crate::tagset::Tag;

/// What one of the file's annotations is to the open workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Match {
    /// The same annotation with the same values: this one of ours.
    Duplicate(AnnotationId),
    /// The same annotation as this one of ours, with other values.
    Conflict(AnnotationId),
    /// Not one of ours.
    New,
}

type Place = (Tag, usize, usize);

fn place(a: &Annotation) -> Option<Place> {
    (!a.orphan).then_some((a.tag, a.start, a.end))
}

/// What each of `theirs` is to `ours`, in their order, worked out in passes so that the
/// result does not depend on the file's order:
/// 1. the same id is the same annotation, whatever its span and tag;
/// 2. then one with the same tag and span and the same values as one of ours is its
///    duplicate (even of one already matched: it brings nothing);
/// 3. then one with the same tag and span as one of ours not matched yet is in conflict
///    with the first such in document order;
/// 4. the rest are new (a file may have two annotations where we have one).
///
/// Their links are compared by what they point at: a linked annotation of theirs counts
/// as the one of ours with its id, else as the first of ours with its tag and span.
pub(super) fn matches(ours: &Workspace, theirs: &[Rc<Annotation>], spans_only: bool) -> Vec<Match> {
    let by_id: HashMap<AnnotationId, &Annotation> = ours.annotations().iter().map(|a| (a.id, &**a)).collect();
    let mut by_place: HashMap<Place, Vec<AnnotationId>> = HashMap::new();
    for a in ours.annotations() {
        if let Some(p) = place(a) {
            by_place.entry(p).or_default().push(a.id);
        }
    }
    let their_places: HashMap<AnnotationId, Option<Place>> =
        theirs.iter().map(|a| (a.id, place(a))).collect();
    let ours_for = |id: AnnotationId| -> AnnotationId {
        if by_id.contains_key(&id) {
            return id;
        }
        let first = their_places.get(&id).copied().flatten().and_then(|p| by_place.get(&p)?.first().copied());
        first.unwrap_or(id)
    };
    let pointed: Vec<Annotation> = theirs
        .iter()
        .map(|t| Annotation { sources: t.sources.iter().map(|s| ours_for(*s)).collect(), ..(**t).clone() })
        .collect();
    let same_values = |o: AnnotationId, t: &Annotation| spans_only || differences(by_id[&o], t).is_empty();

    let mut found: Vec<Option<Match>> = vec![None; theirs.len()];
    let mut taken: HashSet<AnnotationId> = HashSet::new();
    for (slot, t) in found.iter_mut().zip(&pointed) {
        if by_id.contains_key(&t.id) {
            taken.insert(t.id);
            *slot = Some(if same_values(t.id, t) { Match::Duplicate(t.id) } else { Match::Conflict(t.id) });
        }
    }
    let candidates = |t: &Annotation| place(t).and_then(|p| by_place.get(&p)).into_iter().flatten().copied();
    for (slot, t) in found.iter_mut().zip(&pointed).filter(|(s, _)| s.is_none()) {
        if let Some(o) = candidates(t).find(|o| same_values(*o, t)) {
            taken.insert(o);
            *slot = Some(Match::Duplicate(o));
        }
    }
    for (slot, t) in found.iter_mut().zip(&pointed).filter(|(s, _)| s.is_none()) {
        if let Some(o) = candidates(t).find(|o| !taken.contains(o)) {
            taken.insert(o);
            *slot = Some(Match::Conflict(o));
        }
    }
    found.into_iter().map(|m| m.unwrap_or(Match::New)).collect()
}

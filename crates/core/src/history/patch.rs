//! What one step changes of an annotation: its place in the text, and a patch of some of
//! its fields (the same fields before and after, so that a step can be inverted).

use crate::creator::Creator;
use crate::model::{Annotation, AnnotationId};
use crate::status::ClaimStatus;
use crate::tagset::Tag;

/// Where an annotation sits in the text: what an edit of the text or a resize moves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) exact: String,
    pub(super) prefix: String,
    pub(super) suffix: String,
    pub(super) orphan: bool,
}

impl Place {
    pub(super) fn of(a: &Annotation) -> Self {
        Self {
            start: a.start,
            end: a.end,
            exact: a.exact.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
            orphan: a.orphan,
        }
    }

    pub(super) fn put(&self, a: &mut Annotation) {
        (a.start, a.end, a.orphan) = (self.start, self.end, self.orphan);
        a.exact.clone_from(&self.exact);
        a.prefix.clone_from(&self.prefix);
        a.suffix.clone_from(&self.suffix);
    }
}

/// Some fields of one annotation (`None`: not part of the edit). `modified` is never part
/// of it: applying a patch is a change made now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Patch {
    pub(super) tag: Option<Tag>,
    pub(super) place: Option<Place>,
    pub(super) note: Option<String>,
    pub(super) status: Option<ClaimStatus>,
    pub(super) entity_type: Option<String>,
    pub(super) sources: Option<Vec<AnnotationId>>,
    /// Who made the change (or, from an import, whose version it is): undoing it gives
    /// the annotation back to whoever had it before.
    pub(super) creator: Option<Option<Creator>>,
}

impl Patch {
    /// The fields in which `a` and `b` differ: `a`'s values, then `b`'s.
    pub(crate) fn between(a: &Annotation, b: &Annotation) -> (Patch, Patch) {
        fn side(x: &Annotation, other: &Annotation) -> Patch {
            Patch {
                tag: (x.tag != other.tag).then_some(x.tag),
                place: (Place::of(x) != Place::of(other)).then(|| Place::of(x)),
                note: (x.note != other.note).then(|| x.note.clone()),
                status: (x.status != other.status).then_some(x.status),
                entity_type: (x.entity_type != other.entity_type).then(|| x.entity_type.clone()),
                sources: (x.sources != other.sources).then(|| x.sources.clone()),
                creator: (x.creator != other.creator).then(|| x.creator.clone()),
            }
        }
        (side(a, b), side(b, a))
    }

    pub(crate) fn is_empty(&self) -> bool {
        *self == Patch::default()
    }

    /// Whether only the note changes (typing a note may join the previous step).
    pub(super) fn only_note(&self) -> bool {
        self.note.is_some() && Patch { note: None, creator: None, ..self.clone() }.is_empty()
    }

    pub(super) fn apply(&self, a: &mut Annotation) {
        if let Some(tag) = self.tag {
            a.tag = tag;
        }
        if let Some(place) = &self.place {
            place.put(a);
        }
        if let Some(note) = &self.note {
            a.note.clone_from(note);
        }
        if let Some(status) = self.status {
            a.status = status;
        }
        if let Some(kind) = &self.entity_type {
            a.entity_type.clone_from(kind);
        }
        if let Some(sources) = &self.sources {
            a.sources.clone_from(sources);
        }
        if let Some(creator) = &self.creator {
            a.creator.clone_from(creator);
        }
    }

    /// `self` with every field `over` sets taken from `over`.
    pub(super) fn overlaid(self, over: Patch) -> Patch {
        Patch {
            tag: over.tag.or(self.tag),
            place: over.place.or(self.place),
            note: over.note.or(self.note),
            status: over.status.or(self.status),
            entity_type: over.entity_type.or(self.entity_type),
            sources: over.sources.or(self.sources),
            creator: over.creator.or(self.creator),
        }
    }

    /// Drops the fields in which `local` and `joined` differ: the other tab changed them.
    pub(super) fn without_changes(&mut self, local: &Annotation, joined: &Annotation) {
        fn drop_if<T>(field: &mut Option<T>, changed: bool) {
            if changed {
                *field = None;
            }
        }
        drop_if(&mut self.tag, local.tag != joined.tag);
        drop_if(&mut self.place, Place::of(local) != Place::of(joined));
        drop_if(&mut self.note, local.note != joined.note);
        drop_if(&mut self.status, local.status != joined.status);
        drop_if(&mut self.entity_type, local.entity_type != joined.entity_type);
        drop_if(&mut self.sources, local.sources != joined.sources);
        drop_if(&mut self.creator, local.creator != joined.creator);
    }
}

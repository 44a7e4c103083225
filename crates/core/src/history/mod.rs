//! The undo history's edits: targeted and invertible, never snapshots of the workspace.
//!
//! Each edit names what it changed — one annotation's fields, the tag set, the title, the
//! metadata, the text — so undoing it touches only that. Another tab's changes come in through
//! [`Edit::map`], which leaves out of the history whatever the other tab changed since
//! (as CodeMirror's history maps both branches through remote changes): an undo or redo
//! then never removes, re-adds or overwrites the other tab's work.

use std::collections::BTreeMap;
use std::rc::Rc;

mod patch;
mod stack;

pub(crate) use patch::{Patch, Place};

pub(crate) use stack::Stack;

use crate::anchor::{PositionMap, conflicts_on, reanchored};
use crate::meta::ArticleMeta;
use crate::model::{Annotation, AnnotationId, Document, Workspace};
use crate::tagset::TagSet;

/// One undoable step.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Edit {
    Insert(Rc<Annotation>),
    Remove(Rc<Annotation>),
    /// Fields of one annotation, before and after (the same fields on both sides).
    Change {
        id: AnnotationId,
        before: Box<Patch>,
        after: Box<Patch>,
    },
    Tags {
        before: Rc<TagSet>,
        after: Rc<TagSet>,
    },
    Title {
        before: String,
        after: String,
    },
    /// The article's metadata, before and after (as the title: the text is untouched).
    Meta {
        before: Rc<ArticleMeta>,
        after: Rc<ArticleMeta>,
    },
    /// A new version of the text (or of its links: `after` brings its own, `before`'s are
    /// dropped; the title and metadata stay the workspace's, changed by their own edits). The annotations in `places` go where it says; any other
    /// (one another tab added meanwhile) is re-anchored onto the text, as an update would.
    Text {
        before: Rc<Document>,
        after: Rc<Document>,
        places: BTreeMap<AnnotationId, (Place, Place)>,
    },
    /// The conflict recorded for annotation `ours`, before and after (`None`: none).
    Conflict {
        ours: AnnotationId,
        before: Option<Rc<Annotation>>,
        after: Option<Rc<Annotation>>,
    },
    /// Several edits as one step (deleting a source unlinks it from its claims).
    Batch(Vec<Edit>),
}

impl Edit {
    /// The edits that turn `from` into `to`: what a merge, an update of the text or a
    /// rename changed, as targeted edits (`None`: nothing changed).
    pub(crate) fn between(from: &Workspace, to: &Workspace) -> Option<Edit> {
        let mut edits = Vec::new();
        if from.document.title() != to.document.title() {
            edits.push(Edit::Title {
                before: from.document.title().into(),
                after: to.document.title().into(),
            });
        }
        if from.document.meta() != to.document.meta() {
            edits.push(Edit::Meta {
                before: from.document.shared_meta().clone(),
                after: to.document.shared_meta().clone(),
            });
        }
        // New links are a new version of the text too, if the same words (their own
        // `Edit::Text`, so that an undo takes them back).
        let text_changed = !from.document.same_content(&to.document);
        let mut places = BTreeMap::new();
        let olds: BTreeMap<AnnotationId, &Rc<Annotation>> =
            from.annotations().iter().map(|a| (a.id, a)).collect();
        let mut seen = std::collections::HashSet::new();
        let mut changes = Vec::new();
        for new in to.annotations() {
            seen.insert(new.id);
            match olds.get(&new.id) {
                None => changes.push(Edit::Insert(new.clone())),
                Some(old) if Rc::ptr_eq(old, new) || ***old == **new => {}
                Some(old) => {
                    let (mut before, mut after) = Patch::between(old, new);
                    if text_changed {
                        if let (Some(b), Some(a)) = (before.place.take(), after.place.take()) {
                            places.insert(new.id, (b, a));
                        }
                    }
                    if !before.is_empty() {
                        changes.push(Edit::change(new.id, before, after));
                    }
                }
            }
        }
        changes.extend(
            from.annotations().iter().filter(|a| !seen.contains(&a.id)).map(|a| Edit::Remove(a.clone())),
        );
        if text_changed {
            // Unmoved annotations keep their place across the text change, stated so that
            // an undo does not have to find them again.
            for a in from.annotations().iter().filter(|a| seen.contains(&a.id)) {
                places.entry(a.id).or_insert_with(|| (Place::of(a), Place::of(a)));
            }
            let (before, after) = (from.document.clone(), to.document.clone());
            edits.push(Edit::Text { before, after, places });
        }
        edits.extend(changes);
        edits.extend(conflicts_between(from, to));
        if **from.tagset() != **to.tagset() {
            edits.push(Edit::Tags { before: from.tagset().clone(), after: to.tagset().clone() });
        }
        match edits.len() {
            0 => None,
            1 => edits.pop(),
            _ => Some(Edit::Batch(edits)),
        }
    }

    /// A change of `id` from `before` to `after`.
    pub(crate) fn change(id: AnnotationId, before: Patch, after: Patch) -> Edit {
        Edit::Change { id, before: Box::new(before), after: Box::new(after) }
    }

    pub(crate) fn inverse(self) -> Edit {
        match self {
            Edit::Insert(a) => Edit::Remove(a),
            Edit::Remove(a) => Edit::Insert(a),
            Edit::Change { id, before, after } => Edit::Change { id, before: after, after: before },
            Edit::Tags { before, after } => Edit::Tags { before: after, after: before },
            Edit::Title { before, after } => Edit::Title { before: after, after: before },
            Edit::Meta { before, after } => Edit::Meta { before: after, after: before },
            Edit::Text { before, after, places } => Edit::Text {
                before: after,
                after: before,
                places: places.into_iter().map(|(id, (b, a))| (id, (a, b))).collect(),
            },
            Edit::Conflict { ours, before, after } => Edit::Conflict { ours, before: after, after: before },
            Edit::Batch(edits) => Edit::Batch(edits.into_iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// Applies the edit as a change made at `now` (what it changes is marked modified now,
    /// so that an undo is newer than the version it replaces, in every tab).
    pub(crate) fn apply(&self, ws: &mut Workspace, now: &str) {
        match self {
            Edit::Insert(a) => ws.insert((**a).clone()),
            Edit::Remove(a) => {
                ws.remove(a.id);
            }
            Edit::Change { id, after, .. } => {
                if let Some(current) = ws.get(*id) {
                    let mut changed = current.clone();
                    after.apply(&mut changed);
                    changed.modified = now.to_owned();
                    ws.replace(changed);
                }
            }
            Edit::Tags { after, .. } => ws.put_tagset(after.clone()),
            Edit::Title { after, .. } => ws.document = Rc::new(ws.document.retitled(after)),
            Edit::Meta { after, .. } => ws.document = Rc::new((*ws.document).clone().with_shared_meta(after)),
            Edit::Text { after, places, .. } => *ws = with_text(ws, after, places),
            Edit::Conflict { ours, after, .. } => ws.put_conflict(*ours, after.clone()),
            Edit::Batch(edits) => edits.iter().for_each(|e| e.apply(ws, now)),
        }
    }

    /// Whether this is a change of one annotation's note only, to `id`.
    pub(crate) fn note_of(&self) -> Option<AnnotationId> {
        match self {
            Edit::Change { id, after, .. } if after.only_note() => Some(*id),
            _ => None,
        }
    }

    /// This edit and `next` (a note typed right after this one) as one step.
    pub(crate) fn then_note(self, next: Edit) -> Edit {
        match (self, next) {
            // The fields the first step changed stay in it (its creator, when the first
            // keystroke made the note someone else's), the note is the latest.
            (Edit::Change { id, before, after: first }, Edit::Change { after, .. }) => {
                Edit::Change { id, before, after: Box::new(first.overlaid(*after)) }
            }
            (first, _) => first,
        }
    }

    /// This edit once another tab's changes took `local` to `joined` (the same text): what
    /// the other tab changed is left out of it; `None` when nothing of it is left.
    pub(crate) fn map(self, local: &Workspace, joined: &Workspace) -> Option<Edit> {
        let same = |id: AnnotationId| match (local.get(id), joined.get(id)) {
            (Some(a), Some(b)) => a == b,
            (None, None) => true,
            _ => false,
        };
        match self {
            Edit::Insert(ref a) | Edit::Remove(ref a) => same(a.id).then_some(self),
            Edit::Change { id, mut before, mut after } => {
                match (local.get(id), joined.get(id)) {
                    (Some(l), Some(j)) => {
                        before.without_changes(l, j);
                        after.without_changes(l, j);
                    }
                    (None, None) => {}
                    _ => return None,
                }
                (!after.is_empty()).then_some(Edit::Change { id, before, after })
            }
            // Kept only while both of its tag sets hold every tag now in use: the other
            // tab may have tagged something with a tag this step would take away.
            Edit::Tags { ref before, ref after } => {
                let holds = |set: &TagSet| joined.annotations().iter().all(|a| set.get(a.tag).is_some());
                (local.tagset() == joined.tagset() && holds(before) && holds(after)).then_some(self)
            }
            Edit::Title { .. } => (local.document.title() == joined.document.title()).then_some(self),
            // As the title: kept while the other tab left the metadata as it was.
            Edit::Meta { .. } => (local.document.meta() == joined.document.meta()).then_some(self),
            Edit::Text { before, after, mut places } => {
                places.retain(|id, _| same(*id));
                Some(Edit::Text { before, after, places })
            }
            // Kept while the other tab left this conflict as it was (its list wins in a
            // join when it changed it later, see `sync`).
            Edit::Conflict { ours, .. } => (local.conflict(ours).map(|c| &c.theirs)
                == joined.conflict(ours).map(|c| &c.theirs))
            .then_some(self),
            Edit::Batch(edits) => {
                let kept: Vec<Edit> = edits.into_iter().filter_map(|e| e.map(local, joined)).collect();
                (!kept.is_empty()).then_some(Edit::Batch(kept))
            }
        }
    }
}

/// `ws` on the text of `doc` (its own title and metadata kept): the annotations in `places` where it
/// says, the others re-anchored by their quote and context.
fn with_text(
    ws: &Workspace,
    doc: &Rc<Document>,
    places: &BTreeMap<AnnotationId, (Place, Place)>,
) -> Workspace {
    let document = Document::dressed(doc, ws.document.title(), ws.document.shared_meta());
    let mut map = None;
    let annotations: Vec<Annotation> = ws
        .annotations()
        .iter()
        .map(|a| match places.get(&a.id) {
            Some((_, place)) => {
                let mut moved = (**a).clone();
                place.put(&mut moved);
                moved
            }
            None => {
                let map = map.get_or_insert_with(|| PositionMap::new(ws.document.text(), document.text()));
                reanchored(map, &document, a).0
            }
        })
        .collect();
    let conflicts = if ws.conflicts().is_empty() {
        Vec::new()
    } else {
        let map = map.get_or_insert_with(|| PositionMap::new(ws.document.text(), document.text()));
        conflicts_on(map, &document, ws.conflicts())
    };
    Workspace::with_shared(document, annotations, (**ws.tagset()).clone()).with_conflicts(conflicts)
}

/// The conflict edits that turn `from`'s conflicts into `to`'s, by `ours`.
fn conflicts_between(from: &Workspace, to: &Workspace) -> Vec<Edit> {
    if from.conflicts() == to.conflicts() {
        return Vec::new();
    }
    let by_ours = |ws: &Workspace| -> BTreeMap<AnnotationId, Rc<Annotation>> {
        ws.conflicts().iter().map(|c| (c.ours, c.theirs.clone())).collect()
    };
    let (before, after) = (by_ours(from), by_ours(to));
    let all: std::collections::BTreeSet<AnnotationId> = before.keys().chain(after.keys()).copied().collect();
    all.into_iter()
        .filter(|ours| before.get(ours) != after.get(ours))
        .map(|ours| Edit::Conflict {
            ours,
            before: before.get(&ours).cloned(),
            after: after.get(&ours).cloned(),
        })
        .collect()
}

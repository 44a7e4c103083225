//! Every change to a workspace goes through the `Editor`, which records it so that it can
//! be undone and redone. Changes are recorded as reversible edits, not snapshots, so a
//! step costs the size of one annotation, not of the whole set.

use std::ops::Range;

use thiserror::Error;

use std::rc::Rc;

use crate::model::{Annotation, AnnotationId, ClaimStatus, Document, Tag, TagSet, Workspace};
use crate::tagset::TagError;

/// How many steps back undo can go.
pub const HISTORY_LIMIT: usize = 500;

/// Why an edit was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// The range is empty or reversed.
    #[error("Select some text first.")]
    EmptyRange,
    /// The range reaches past the end of the text.
    #[error("The selection ends at {end}, past the end of the text ({len} characters).")]
    PastEnd { end: usize, len: usize },
    /// An end falls inside a grapheme cluster (half an emoji or a letter without its accent).
    #[error("The selection splits a character at {at}; select whole characters.")]
    SplitsGrapheme { at: usize },
    /// The annotation was deleted in the meantime.
    #[error("That annotation no longer exists.")]
    NotFound,
    /// Links go from a claim to a source.
    #[error("Only a claim can be linked to a source, and only to a source.")]
    NotClaimAndSource,
    /// The tag set change would confuse or lose something.
    #[error("{0}")]
    Tags(#[from] TagError),
}

#[derive(Clone, Debug, PartialEq)]
enum Edit {
    Insert(Annotation),
    Remove(Annotation),
    Change {
        before: Box<Annotation>,
        after: Box<Annotation>,
    },
    Swap {
        before: Box<Workspace>,
        after: Box<Workspace>,
    },
    Tags {
        before: Rc<TagSet>,
        after: Rc<TagSet>,
    },
    /// Several edits as one step (deleting a source also unlinks it from its claims).
    Batch(Vec<Edit>),
}

impl Edit {
    fn inverse(self) -> Edit {
        match self {
            Edit::Insert(a) => Edit::Remove(a),
            Edit::Remove(a) => Edit::Insert(a),
            Edit::Change { before, after } => Edit::Change { before: after, after: before },
            Edit::Swap { before, after } => Edit::Swap { before: after, after: before },
            Edit::Tags { before, after } => Edit::Tags { before: after, after: before },
            Edit::Batch(edits) => Edit::Batch(edits.into_iter().rev().map(Edit::inverse).collect()),
        }
    }

    fn apply(&self, ws: &mut Workspace) {
        match self {
            Edit::Insert(a) => ws.insert(a.clone()),
            Edit::Remove(a) => {
                ws.remove(a.id);
            }
            Edit::Change { after, .. } => ws.replace((**after).clone()),
            Edit::Swap { after, .. } => *ws = (**after).clone(),
            Edit::Tags { after, .. } => ws.tagset = after.clone(),
            Edit::Batch(edits) => edits.iter().for_each(|e| e.apply(ws)),
        }
    }
}

/// A workspace plus its undo and redo stacks.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    workspace: Workspace,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl Editor {
    pub fn new(workspace: Workspace) -> Self {
        Self { workspace, undo: Vec::new(), redo: Vec::new() }
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn record(&mut self, edit: Edit) {
        edit.apply(&mut self.workspace);
        self.redo.clear();
        // Typing a note is one step, not one per keystroke.
        if let (Some(Edit::Change { before, after: last }), Edit::Change { before: b2, after }) =
            (self.undo.last_mut(), &edit)
        {
            if last.id == after.id && last == b2 && only_note_differs(before, after) {
                *last = after.clone();
                return;
            }
        }
        self.undo.push(edit);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
    }

    /// Tags `range` of the text; the id and time come from the caller.
    pub fn add(
        &mut self,
        range: Range<usize>,
        tag: Tag,
        id: AnnotationId,
        now: &str,
    ) -> Result<(), EditError> {
        let doc = &self.workspace.document;
        check_range(doc, &range)?;
        let annotation = Annotation::new(doc, range, tag, id, now);
        self.record(Edit::Insert(annotation));
        Ok(())
    }

    fn change(
        &mut self,
        id: AnnotationId,
        now: &str,
        f: impl FnOnce(&mut Annotation),
    ) -> Result<(), EditError> {
        let before = self.workspace.get(id).ok_or(EditError::NotFound)?.clone();
        let mut after = before.clone();
        f(&mut after);
        if after == before {
            return Ok(());
        }
        after.modified = now.to_owned();
        self.record(Edit::Change { before: Box::new(before), after: Box::new(after) });
        Ok(())
    }

    pub fn retag(&mut self, id: AnnotationId, tag: Tag, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.tag = tag)
    }

    pub fn set_note(&mut self, id: AnnotationId, note: &str, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.note = note.to_owned())
    }

    pub fn set_status(&mut self, id: AnnotationId, status: ClaimStatus, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.status = status)
    }

    pub fn set_entity_type(&mut self, id: AnnotationId, kind: &str, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.entity_type = kind.trim().to_owned())
    }

    /// Attributes `claim` to `source` (once).
    pub fn link(&mut self, claim: AnnotationId, source: AnnotationId, now: &str) -> Result<(), EditError> {
        let ws = &self.workspace;
        let (c, s) = (ws.get(claim).ok_or(EditError::NotFound)?, ws.get(source).ok_or(EditError::NotFound)?);
        if c.tag != Tag::Claim || s.tag != Tag::Source {
            return Err(EditError::NotClaimAndSource);
        }
        self.change(claim, now, |a| {
            if !a.sources.contains(&source) {
                a.sources.push(source);
            }
        })
    }

    pub fn unlink(&mut self, claim: AnnotationId, source: AnnotationId, now: &str) -> Result<(), EditError> {
        self.change(claim, now, |a| a.sources.retain(|s| *s != source))
    }

    /// Moves the annotation's ends to `range`, taking its quote and context from there.
    pub fn resize(&mut self, id: AnnotationId, range: Range<usize>, now: &str) -> Result<(), EditError> {
        check_range(&self.workspace.document, &range)?;
        let doc = self.workspace.document.clone();
        self.change(id, now, |a| *a = a.anchored_at(&doc, range))
    }

    /// Replaces the tag set (rename, recolour, add, remove, entity types). A tag still in
    /// use cannot be removed, so no annotation is ever left without its tag.
    pub fn set_tagset(&mut self, tagset: TagSet) -> Result<(), EditError> {
        self.check_tagset(&tagset)?;
        if *self.workspace.tagset != tagset {
            let before = self.workspace.tagset.clone();
            self.record(Edit::Tags { before, after: Rc::new(tagset) });
        }
        Ok(())
    }

    /// Whether `set_tagset` would take `tagset`, and why not.
    pub fn check_tagset(&self, tagset: &TagSet) -> Result<(), EditError> {
        tagset.check()?;
        for gone in self.workspace.tagset.tags.iter().filter(|d| tagset.get(d.key).is_none()) {
            let count = self.workspace.annotations().iter().filter(|a| a.tag == gone.key).count();
            if count > 0 {
                return Err(TagError::InUse { label: gone.label.clone(), count }.into());
            }
        }
        Ok(())
    }

    /// Deletes the annotation and, in the same undoable step, its links from claims.
    pub fn delete(&mut self, id: AnnotationId) -> Result<(), EditError> {
        let a = self.workspace.get(id).ok_or(EditError::NotFound)?.clone();
        let mut edits: Vec<Edit> = self
            .workspace
            .citing(id)
            .map(|claim| {
                let mut after = (**claim).clone();
                after.sources.retain(|s| *s != id);
                Edit::Change { before: Box::new((**claim).clone()), after: Box::new(after) }
            })
            .collect();
        edits.push(Edit::Remove(a));
        self.record(if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) });
        Ok(())
    }

    /// Replaces the whole workspace (a new article, an import); undo brings the old one back.
    pub fn replace(&mut self, workspace: Workspace) {
        let before = Box::new(self.workspace.clone());
        self.record(Edit::Swap { before, after: Box::new(workspace) });
    }

    /// Takes a workspace saved by another tab (already merged with this one's changes).
    /// Not an undo step: the history's edits are by id and still apply on top of it.
    pub fn sync(&mut self, workspace: Workspace) {
        self.workspace = workspace;
    }

    /// Returns false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        let inverse = edit.inverse();
        inverse.apply(&mut self.workspace);
        self.redo.push(inverse.inverse());
        true
    }

    /// Returns false when there was nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        edit.apply(&mut self.workspace);
        self.undo.push(edit);
        true
    }
}

fn only_note_differs(a: &Annotation, b: &Annotation) -> bool {
    *a == Annotation { note: a.note.clone(), modified: a.modified.clone(), ..b.clone() }
}

/// Which end of a span a boundary key or handle moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
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
    use crate::text::Step::*;
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

/// Checks that `range` can be annotated in `doc`.
pub fn check_range(doc: &Document, range: &Range<usize>) -> Result<(), EditError> {
    if range.start >= range.end {
        return Err(EditError::EmptyRange);
    }
    if range.end > doc.char_len() {
        return Err(EditError::PastEnd { end: range.end, len: doc.char_len() });
    }
    for at in [range.start, range.end] {
        if !doc.is_grapheme_boundary(at) {
            return Err(EditError::SplitsGrapheme { at });
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "editor_tests.rs"]
mod tests;

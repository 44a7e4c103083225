//! Every change to a workspace goes through the `Editor`, which records it so that it can
//! be undone and redone. Changes are recorded as reversible edits, not snapshots, so a
//! step costs the size of one annotation, not of the whole set.

use std::ops::Range;

use thiserror::Error;

use std::rc::Rc;

use crate::conflict::{Resolution, taken};
use crate::creator::Creator;
use crate::history::{Edit, Patch, Stack};
use crate::model::{Annotation, AnnotationId, Workspace};
use crate::span::SpanError;
use crate::span::check_range;
/// Kept here, where the app first found them; they live with the other span rules.
pub use crate::span::{Edge, nudged};
use crate::status::ClaimStatus;
use crate::tagset::{Tag, TagError, TagSet};

/// How many steps back undo can go at least.
pub const HISTORY_LIMIT: usize = 500;

/// Why an edit was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// The range cannot be annotated (empty, past the end, splitting a character), in the
    /// span rules' own words.
    #[error(transparent)]
    Span(#[from] SpanError),
    /// The annotation was deleted in the meantime.
    #[error("That annotation no longer exists.")]
    NotFound,
    /// Links go from a claim to a source.
    #[error("Only a claim can be linked to a source, and only to a source.")]
    NotClaimAndSource,
    /// No conflict is recorded for that annotation (any more).
    #[error("That conflict has already been resolved.")]
    NoConflict,
    /// The tag set change would confuse or lose something.
    #[error("{0}")]
    Tags(#[from] TagError),
}

/// One span for [`Editor::add_all`] to tag: its range, tag, new id and entity type
/// (trimmed; empty for none).
pub type NewSpan = (Range<usize>, Tag, AnnotationId, String);

/// A workspace plus its undo and redo stacks.
///
/// The core has no clock: every `now` is an RFC 3339 time from the caller (the browser's
/// `Date.toISOString()`), stamped as the `modified` time of what the edit touches.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    workspace: Workspace,
    undo: Stack,
    redo: Stack,
    changes: u64,
    author: Option<Creator>,
}

impl Editor {
    /// An editor of `workspace` with nothing to undo or redo.
    pub fn new(workspace: Workspace) -> Self {
        Self { workspace, undo: Stack::default(), redo: Stack::default(), changes: 0, author: None }
    }

    /// Who is editing: recorded as the creator of what they make or change from now on
    /// (`None`: nobody named; what they touch keeps the creator it had).
    pub fn set_author(&mut self, author: Option<Creator>) {
        self.author = author;
    }

    /// Who is editing, if they gave their name.
    pub fn author(&self) -> Option<&Creator> {
        self.author.as_ref()
    }

    /// How many times the workspace changed in this editor (edits, undo, redo, another
    /// tab's save taken): what saving and layout follow. A refused edit or one that
    /// changes nothing does not count.
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// The current state, every recorded edit applied.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Whether there is a step to take back.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone step to do again (none once anything new was done).
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps undo can go back.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    fn record(&mut self, edit: Edit, now: &str) {
        edit.apply(&mut self.workspace, now);
        self.changes += 1;
        self.redo.clear();
        // Typing a note is one step, not one per keystroke; nothing else joins a step, so
        // an edit and its reversal (False, then Supported) stay two steps.
        let typed = edit.note_of();
        if typed.is_some() && self.undo.last().and_then(Edit::note_of) == typed {
            let last = self.undo.pop().expect("just looked");
            self.undo.push(last.then_note(edit), HISTORY_LIMIT);
            return;
        }
        self.undo.push(edit, HISTORY_LIMIT);
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
        let annotation =
            Annotation { creator: self.author.clone(), ..Annotation::new(doc, range, tag, id, now) };
        self.record(Edit::Insert(Rc::new(annotation)), now);
        Ok(())
    }

    fn change(
        &mut self,
        id: AnnotationId,
        now: &str,
        f: impl FnOnce(&mut Annotation),
    ) -> Result<(), EditError> {
        let before = self.workspace.get(id).ok_or(EditError::NotFound)?;
        let mut after = before.clone();
        f(&mut after);
        if Patch::between(before, &after).1.is_empty() {
            return Ok(()); // no change, so no one to name as its maker
        }
        // The change is its maker's: recorded in the step, so an undo gives it back.
        if self.author.is_some() {
            after.creator.clone_from(&self.author);
        }
        let (before, after) = Patch::between(before, &after);
        if !after.is_empty() {
            self.record(Edit::change(id, before, after), now);
        }
        Ok(())
    }

    /// Gives the annotation another tag (its status and entity type are kept for a change back).
    pub fn retag(&mut self, id: AnnotationId, tag: Tag, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.tag = tag)
    }

    /// Replaces the annotation's note; consecutive notes on one annotation are one undo step.
    pub fn set_note(&mut self, id: AnnotationId, note: &str, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.note = note.to_owned())
    }

    /// Sets how far a claim has been checked.
    pub fn set_status(&mut self, id: AnnotationId, status: ClaimStatus, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.status = status)
    }

    /// Sets an entity's type (trimmed; empty for none).
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

    /// Takes `source` out of the claim's sources (nothing when it was not one).
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
    pub fn set_tagset(&mut self, tagset: TagSet, now: &str) -> Result<(), EditError> {
        self.check_tagset(&tagset)?;
        if **self.workspace.tagset() != tagset {
            let before = self.workspace.tagset().clone();
            self.record(Edit::Tags { before, after: Rc::new(tagset) }, now);
        }
        Ok(())
    }

    /// Whether `set_tagset` would take `tagset`, and why not.
    pub fn check_tagset(&self, tagset: &TagSet) -> Result<(), EditError> {
        tagset.check()?;
        for gone in self.workspace.tagset().tags.iter().filter(|d| tagset.get(d.key).is_none()) {
            let count = self.workspace.uses(gone.key);
            if count > 0 {
                return Err(TagError::InUse { label: gone.label.clone(), count }.into());
            }
        }
        Ok(())
    }

    /// Deletes the annotation and, in the same undoable step, its links from claims and the
    /// conflict recorded for it.
    pub fn delete(&mut self, id: AnnotationId, now: &str) -> Result<(), EditError> {
        let a = self.workspace.get(id).ok_or(EditError::NotFound)?;
        let mut edits: Vec<Edit> = self
            .workspace
            .citing(id)
            .map(|claim| {
                let mut after = (**claim).clone();
                after.sources.retain(|s| *s != id);
                let (before, after) = Patch::between(claim, &after);
                Edit::change(claim.id, before, after)
            })
            .collect();
        if let Some(c) = self.workspace.conflict(id) {
            edits.push(Edit::Conflict { ours: id, before: Some(c.theirs.clone()), after: None });
        }
        edits.push(Edit::Remove(Rc::new(a.clone())));
        self.record(if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) }, now);
        Ok(())
    }

    /// Makes the author the creator of every annotation that names none (work done here
    /// before a name was given), as one undoable step. How many it named (0 without an
    /// author).
    pub fn claim_unnamed(&mut self, now: &str) -> usize {
        let Some(author) = self.author.clone() else { return 0 };
        let mut edits: Vec<Edit> = self
            .workspace
            .annotations()
            .iter()
            .filter(|a| a.creator.is_none())
            .map(|a| {
                let named = Annotation { creator: Some(author.clone()), ..(**a).clone() };
                let (before, after) = Patch::between(a, &named);
                Edit::change(a.id, before, after)
            })
            .collect();
        let n = edits.len();
        match n {
            0 => {}
            1 => self.record(edits.remove(0), now),
            _ => self.record(Edit::Batch(edits), now),
        }
        n
    }

    /// Resolves the conflict recorded for our annotation `ours`, as one undoable step:
    /// [`Resolution::TakeTheirs`] gives it their values (see `conflict::taken`: their
    /// creator comes with them, as the work is theirs; its id stays ours; a tag of theirs
    /// the set no longer has is added back in the same step), [`Resolution::KeepMine`]
    /// leaves it as it is. Either way the conflict goes.
    pub fn resolve(
        &mut self,
        ours: AnnotationId,
        resolution: Resolution,
        now: &str,
    ) -> Result<(), EditError> {
        let ws = &self.workspace;
        let mine = ws.get(ours).ok_or(EditError::NotFound)?;
        let theirs = ws.conflict(ours).ok_or(EditError::NoConflict)?.theirs.clone();
        let mut edits = Vec::new();
        if resolution == Resolution::TakeTheirs {
            if ws.tagset().get(theirs.tag).is_none() {
                let mut tagset = (**ws.tagset()).clone();
                tagset.ensure(theirs.tag);
                edits.push(Edit::Tags { before: ws.tagset().clone(), after: Rc::new(tagset) });
            }
            let after = taken(mine, &theirs, &ws.document, |id| ws.get(id).is_some());
            let (before, after) = Patch::between(mine, &after);
            if !after.is_empty() {
                edits.push(Edit::change(ours, before, after));
            }
        }
        edits.push(Edit::Conflict { ours, before: Some(theirs), after: None });
        self.record(if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) }, now);
        Ok(())
    }

    /// Renames the document (undoable).
    pub fn rename(&mut self, title: &str, now: &str) {
        let renamed = self.workspace.renamed(title);
        self.transform(renamed, now);
    }

    /// Takes `workspace` as the new state of this document (an import merged in, the text
    /// updated), recorded as the targeted edits that lead there, so that an undo takes
    /// back exactly those and nothing another tab did meanwhile.
    pub fn transform(&mut self, workspace: Workspace, now: &str) {
        if let Some(edit) = Edit::between(&self.workspace, &workspace) {
            self.record(edit, now);
        }
    }

    /// Takes a workspace joined with another tab's save. Not an undo step: the history is
    /// mapped onto it, leaving out what the other tab changed since (an undo never takes
    /// that back); a change of the text by the other tab ends the history here.
    pub fn sync(&mut self, joined: Workspace) {
        if joined.document.text() == self.workspace.document.text() {
            self.undo.map(&self.workspace, &joined);
            self.redo.map(&self.workspace, &joined);
        } else {
            self.undo.clear();
            self.redo.clear();
        }
        self.workspace = joined;
        self.changes += 1;
    }

    /// Takes back the last step, as a change made at `now`. False when there was none.
    pub fn undo(&mut self, now: &str) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        let inverse = edit.inverse();
        inverse.apply(&mut self.workspace, now);
        self.changes += 1;
        self.redo.push(inverse.inverse(), HISTORY_LIMIT);
        true
    }

    /// Does the last undone step again, as a change made at `now`. False when there was none.
    pub fn redo(&mut self, now: &str) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        edit.apply(&mut self.workspace, now);
        self.changes += 1;
        self.undo.push(edit, HISTORY_LIMIT);
        true
    }

    /// Replaces the article's metadata (URL, authors, dates…; tidied: trimmed, authors
    /// each once) as one undoable step, recorded as a rename is. Nothing when it is
    /// already that.
    pub fn set_meta(&mut self, meta: crate::meta::ArticleMeta, now: &str) {
        let meta = meta.tidied();
        if *self.workspace.document.meta() != meta {
            let before = self.workspace.document.shared_meta().clone();
            self.record(Edit::Meta { before, after: Rc::new(meta) }, now);
        }
    }
}

mod batch;

#[cfg(test)]
#[path = "editor_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "editor_add_all_tests.rs"]
mod add_all_tests;

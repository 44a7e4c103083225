//! Every change to a workspace goes through the `Editor`, which records it so that it can
//! be undone and redone. Changes are recorded as reversible edits, not snapshots, so a
//! step costs the size of one annotation, not of the whole set.

use std::ops::Range;

use thiserror::Error;

use crate::model::{Annotation, AnnotationId, Document, Tag, Workspace};

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
}

#[derive(Clone, Debug, PartialEq)]
enum Edit {
    Insert(Annotation),
    Remove(Annotation),
    Change { before: Annotation, after: Annotation },
    Swap { before: Box<Workspace>, after: Box<Workspace> },
}

impl Edit {
    fn inverse(self) -> Edit {
        match self {
            Edit::Insert(a) => Edit::Remove(a),
            Edit::Remove(a) => Edit::Insert(a),
            Edit::Change { before, after } => Edit::Change { before: after, after: before },
            Edit::Swap { before, after } => Edit::Swap { before: after, after: before },
        }
    }

    fn apply(&self, ws: &mut Workspace) {
        match self {
            Edit::Insert(a) => ws.insert(a.clone()),
            Edit::Remove(a) => {
                ws.remove(a.id);
            }
            Edit::Change { after, .. } => ws.replace(after.clone()),
            Edit::Swap { after, .. } => *ws = (**after).clone(),
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
            if last.id == after.id && last == b2 && notes_only(before, after) {
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
        self.record(Edit::Change { before, after });
        Ok(())
    }

    pub fn retag(&mut self, id: AnnotationId, tag: Tag, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.tag = tag)
    }

    pub fn set_note(&mut self, id: AnnotationId, note: &str, now: &str) -> Result<(), EditError> {
        self.change(id, now, |a| a.note = note.to_owned())
    }

    pub fn delete(&mut self, id: AnnotationId) -> Result<(), EditError> {
        let a = self.workspace.get(id).ok_or(EditError::NotFound)?.clone();
        self.record(Edit::Remove(a));
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

fn notes_only(a: &Annotation, b: &Annotation) -> bool {
    a.tag == b.tag && a.range() == b.range()
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
mod tests {
    use super::*;
    use crate::test_support::{NOW, id};

    fn editor(text: &str) -> Editor {
        Editor::new(Workspace::new(Document::new("t", text)))
    }

    fn spans(ed: &Editor) -> Vec<(usize, usize, Tag, String)> {
        ed.workspace().annotations().iter().map(|a| (a.start, a.end, a.tag, a.note.clone())).collect()
    }

    #[test]
    fn undo_and_redo_every_kind_of_change() {
        let mut ed = editor("Tokyo took steps");
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        ed.retag(id(1), Tag::Source, "later").unwrap();
        ed.set_note(id(1), "city", "later").unwrap();
        ed.delete(id(1)).unwrap();
        assert!(spans(&ed).is_empty());
        let expected = [
            vec![(0, 5, Tag::Source, "city".to_owned())],
            vec![(0, 5, Tag::Source, String::new())],
            vec![(0, 5, Tag::Entity, String::new())],
            vec![],
        ];
        for want in &expected {
            assert!(ed.undo());
            assert_eq!(&spans(&ed), want);
        }
        assert!(!ed.undo());
        for want in expected.iter().rev().skip(1) {
            assert!(ed.redo());
            assert_eq!(&spans(&ed), want);
        }
        assert!(ed.redo());
        assert!(spans(&ed).is_empty());
        assert!(!ed.redo());
    }

    #[test]
    fn a_new_change_clears_redo() {
        let mut ed = editor("abc def");
        ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
        ed.undo();
        ed.add(4..7, Tag::Claim, id(2), NOW).unwrap();
        assert!(!ed.can_redo());
    }

    #[test]
    fn typing_a_note_is_one_step() {
        let mut ed = editor("abc");
        ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
        for note in ["d", "do", "dou", "doubt"] {
            ed.set_note(id(1), note, NOW).unwrap();
        }
        ed.undo();
        assert_eq!(spans(&ed), vec![(0, 3, Tag::Claim, String::new())]);
        ed.undo();
        assert!(spans(&ed).is_empty());
    }

    #[test]
    fn replacing_the_workspace_is_undoable() {
        let mut ed = editor("old text");
        ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
        ed.replace(Workspace::new(Document::new("New", "new text")));
        assert_eq!(ed.workspace().document.text(), "new text");
        ed.undo();
        assert_eq!(ed.workspace().document.text(), "old text");
        assert_eq!(spans(&ed).len(), 1);
        ed.redo();
        assert_eq!(ed.workspace().document.title(), "New");
    }

    #[test]
    fn refuses_bad_ranges_with_reasons() {
        let mut ed = editor("a🤦🏼‍♂️b");
        assert_eq!(ed.add(2..2, Tag::Claim, id(1), NOW), Err(EditError::EmptyRange));
        assert_eq!(ed.add(0..9, Tag::Claim, id(1), NOW), Err(EditError::PastEnd { end: 9, len: 7 }));
        assert_eq!(ed.add(0..3, Tag::Claim, id(1), NOW), Err(EditError::SplitsGrapheme { at: 3 }));
        assert_eq!(ed.delete(id(9)), Err(EditError::NotFound));
        assert!(!ed.can_undo());
    }

    #[test]
    fn history_is_bounded() {
        let mut ed = editor("abc");
        ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
        for i in 0..HISTORY_LIMIT + 10 {
            ed.set_note(id(1), &i.to_string(), NOW).unwrap();
            ed.retag(id(1), if i % 2 == 0 { Tag::Source } else { Tag::Claim }, NOW).unwrap();
        }
        let mut steps = 0;
        while ed.undo() {
            steps += 1;
        }
        assert_eq!(steps, HISTORY_LIMIT);
    }
}

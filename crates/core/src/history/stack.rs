//! The undo and redo stacks: persistent, so that cloning the editor costs one pointer.

use std::rc::Rc;

use super::Edit;
use crate::model::Workspace;

/// A persistent stack of edits: cloning it (the editor is cloned on every change the app
/// makes) copies one pointer, whatever its length.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stack {
    top: Option<Rc<Node>>,
    /// How many edits can be popped (at most the limit).
    len: usize,
    /// How many nodes hang below `top`, reachable or not yet cut off.
    stored: usize,
}

#[derive(Debug)]
struct Node {
    edit: Edit,
    below: Option<Rc<Node>>,
}

impl PartialEq for Stack {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().zip(other.iter()).all(|(a, b)| std::ptr::eq(a, b) || a == b)
    }
}

impl Stack {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn last(&self) -> Option<&Edit> {
        self.iter().next()
    }

    /// The reachable edits, top first.
    fn iter(&self) -> impl Iterator<Item = &Edit> {
        std::iter::successors(self.top.as_deref(), |n| n.below.as_deref()).map(|n| &n.edit).take(self.len)
    }

    /// Pushes `edit`, keeping the last `limit` steps reachable. Older nodes are cut off in
    /// bulk past twice that, so a push costs the same however long the history is.
    pub(crate) fn push(&mut self, edit: Edit, limit: usize) {
        self.top = Some(Rc::new(Node { edit, below: self.top.take() }));
        self.len = (self.len + 1).min(limit);
        self.stored += 1;
        if self.stored > 2 * limit {
            let kept: Vec<Edit> = self.iter().cloned().collect();
            self.rebuild(kept);
        }
    }

    pub(crate) fn pop(&mut self) -> Option<Edit> {
        if self.len == 0 {
            return None;
        }
        let node = self.top.take()?;
        self.len -= 1;
        self.stored -= 1;
        match Rc::try_unwrap(node) {
            Ok(node) => {
                self.top = node.below;
                Some(node.edit)
            }
            Err(shared) => {
                self.top = shared.below.clone();
                Some(shared.edit.clone())
            }
        }
    }

    pub(crate) fn clear(&mut self) {
        *self = Stack::default();
    }

    /// Every edit mapped through another tab's changes (see [`Edit::map`]).
    pub(crate) fn map(&mut self, local: &Workspace, joined: &Workspace) {
        let kept: Vec<Edit> = self.iter().cloned().filter_map(|e| e.map(local, joined)).collect();
        self.rebuild(kept);
    }

    /// A stack of `edits`, given top first.
    fn rebuild(&mut self, edits: Vec<Edit>) {
        self.clear();
        for edit in edits.into_iter().rev() {
            self.top = Some(Rc::new(Node { edit, below: self.top.take() }));
            self.len += 1;
            self.stored += 1;
        }
    }
}

/// Dropping a long chain of nodes one by one, not recursively.
impl Drop for Stack {
    fn drop(&mut self) {
        let mut next = self.top.take();
        while let Some(node) = next {
            next = Rc::try_unwrap(node).ok().and_then(|mut n| n.below.take());
        }
    }
}

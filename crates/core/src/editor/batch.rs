//! Tagging many spans as one step (a suggestion accepted with its type, "Tag all").

use std::rc::Rc;

use super::{Edit, EditError, Editor, NewSpan};
use crate::model::Annotation;
use crate::span::check_range;

impl Editor {
    /// Tags every span of `spans` (range, tag, id, entity type) as one undoable step: a
    /// suggestion accepted with its entity type, or "Tag all". Each is stamped with the
    /// author, as by `add`; a tag the set lacks is added to it in the same step. Nothing
    /// is tagged when one range cannot be; how many were otherwise.
    pub fn add_all(&mut self, spans: Vec<NewSpan>, now: &str) -> Result<usize, EditError> {
        let doc = &self.workspace.document;
        for (range, ..) in &spans {
            check_range(doc, range)?;
        }
        let mut tagset = (**self.workspace.tagset()).clone();
        let mut edits: Vec<Edit> = spans
            .into_iter()
            .map(|(range, tag, id, kind)| {
                tagset.ensure(tag);
                let new = Annotation::new(doc, range, tag, id, now);
                let entity_type = kind.trim().to_owned();
                Edit::Insert(Rc::new(Annotation { creator: self.author.clone(), entity_type, ..new }))
            })
            .collect();
        let n = edits.len();
        if tagset != **self.workspace.tagset() {
            edits.insert(0, Edit::Tags { before: self.workspace.tagset().clone(), after: Rc::new(tagset) });
        }
        match edits.len() {
            0 => {}
            1 => self.record(edits.remove(0), now),
            _ => self.record(Edit::Batch(edits), now),
        }
        Ok(n)
    }
}

//! The article's lines and their segments, kept across edits: lines an edit did not touch
//! keep their `Rc`, so their memoised components are skipped without comparing segments.

use std::rc::Rc;

use annotator_core::{Document, Line, LineLayout, lines, relayout};
use yew::prelude::*;

use crate::state::StateHandle;

/// Compares documents by identity: the text of a long article is never compared.
#[derive(Clone)]
pub struct SameDoc(pub Rc<Document>);

impl PartialEq for SameDoc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The open document's lines, worked out once per text.
pub struct Lines {
    pub lines: Vec<Line>,
    pub texts: Vec<Rc<str>>,
}

/// The lines of the open document and each one's layout after the latest change.
#[hook]
pub fn use_layout(state: &StateHandle) -> (Rc<Lines>, Rc<Vec<Rc<LineLayout>>>) {
    let doc = state.workspace().document.clone();
    let split = use_memo(SameDoc(doc.clone()), |d| {
        let text = d.0.text();
        Lines { lines: lines(text), texts: text.split('\n').map(Rc::from).collect() }
    });
    // The previous layout of the same document, whose untouched lines are reused.
    let previous = use_mut_ref(|| None::<(SameDoc, Vec<Rc<LineLayout>>)>);
    let laid_out = {
        let (editor, split, doc) = (state.session.editor.clone(), split.clone(), SameDoc(doc));
        use_memo((state.revision(), doc.clone()), move |_| {
            let texts: Vec<&str> = split.texts.iter().map(|t| &**t).collect();
            let mut previous = previous.borrow_mut();
            let old = previous.as_ref().filter(|(d, _)| *d == doc).map_or(&[][..], |(_, l)| &l[..]);
            let fresh = relayout(old, &split.lines, &texts, editor.workspace().annotations());
            *previous = Some((doc, fresh.clone()));
            fresh
        })
    };
    (split, laid_out)
}

//! Workspaces and stores shared by the library's tests.

use crate::editor::Editor;
use crate::model::{Annotation, AnnotationId, Document, Workspace};
use crate::tagset::{Tag, TagSet};
use crate::test_support::NOW;

use super::{Library, MemoryStore};

/// A distinct id for every `n` (annotations and documents alike).
pub fn nid(n: u32) -> AnnotationId {
    let mut bytes = [0xab; 16];
    bytes[..4].copy_from_slice(&n.to_be_bytes());
    AnnotationId::from_random_bytes(bytes)
}

/// A document of `n` words with one annotation on each (tags taking turns).
pub fn workspace(title: &str, n: u32) -> Workspace {
    let text: String = (0..n.max(1)).map(|i| format!("w{i} ")).collect();
    let doc = Document::new(title, &text);
    let mut at = 0;
    let anns: Vec<Annotation> = (0..n)
        .map(|i| {
            let len = format!("w{i}").chars().count();
            let tag = [Tag::Claim, Tag::Source, Tag::Entity][i as usize % 3];
            let a = Annotation::new(&doc, at..at + len, tag, nid(1_000_000 + i), NOW);
            at += len + 1;
            a
        })
        .collect();
    Workspace::with_annotations(doc, anns, TagSet::default())
}

/// `ws` with the note of its `i`th annotation changed (at `when`), through the editor as
/// the app does it: every other annotation keeps its `Rc`.
pub fn edited(ws: &Workspace, i: usize, note: &str, when: &str) -> Workspace {
    let mut ed = Editor::new(ws.clone());
    ed.set_note(ws.annotations()[i].id, note, when).unwrap();
    ed.workspace().clone()
}

/// A library over an empty memory store.
pub fn library() -> Library<MemoryStore> {
    Library::new(MemoryStore::new())
}

/// A fresh id for `start`.
pub fn fresh() -> AnnotationId {
    nid(999)
}

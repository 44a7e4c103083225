//! One document in the index: its text's postings, title and annotations, brought up to
//! date by doing only what an edit changed.

use std::cell::OnceCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::model::{Annotation, AnnotationId, Document, Workspace};
use crate::tagset::TagSet;

use super::postings::{FieldWords, Terms, TextPostings};
use super::tokens::fold_words;

/// One annotation's indexed words, beside the annotation itself (the latest given).
#[derive(Clone, Debug)]
pub(super) struct AnnEntry {
    /// As last given: filters, positions and context are read from it.
    pub ann: Rc<Annotation>,
    /// The words of `ann.exact`.
    pub quote: FieldWords,
    /// The words of `ann.note`.
    pub note: FieldWords,
    /// `ann.entity_type` folded, as `type:` values are.
    pub kind: String,
}

/// One document's index.
#[derive(Debug)]
pub(super) struct DocIndex {
    /// The title, as the library lists it.
    pub title: String,
    /// When it last changed (RFC 3339): results come newest first.
    pub updated: String,
    /// The text indexed (shared with the workspace it came from): context is cut from it.
    pub doc: Rc<Document>,
    /// Its tags, to read `tag:` by name.
    pub tagset: Rc<TagSet>,
    /// Every word of the text, title, quotes and notes, numbered.
    pub terms: Terms,
    /// The text's postings.
    pub text: TextPostings,
    /// The title's words.
    pub title_words: FieldWords,
    /// By id.
    pub anns: FxHashMap<AnnotationId, AnnEntry>,
    /// The annotations as last given, in the workspace's order: what an update compares.
    last: Vec<Rc<Annotation>>,
    /// The text's SHA-256, worked out once if a record is asked for or checked.
    sha: OnceCell<String>,
}

impl DocIndex {
    /// The index of `ws` with the text's postings given (`terms` numbering their words),
    /// its text's SHA-256 if already known.
    pub(super) fn new(
        title: &str,
        updated: &str,
        ws: &Workspace,
        (terms, text): (Terms, TextPostings),
        sha: Option<String>,
    ) -> Self {
        let mut d = Self {
            title: String::new(),
            updated: String::new(),
            doc: ws.document.clone(),
            tagset: ws.tagset().clone(),
            terms,
            text,
            title_words: FieldWords::default(),
            anns: FxHashMap::default(),
            last: Vec::new(),
            sha: sha.map(OnceCell::from).unwrap_or_default(),
        };
        d.title_words = FieldWords::new(title, &mut d.terms);
        d.title = title.to_owned();
        d.refresh(title, updated, ws);
        d
    }

    /// The postings of `doc`'s text, tokenised afresh.
    pub(super) fn tokenise(doc: &Document) -> (Terms, TextPostings) {
        let mut terms = Terms::default();
        let text = TextPostings::build(doc.text(), &mut terms);
        (terms, text)
    }

    /// Whether `doc` has the text this index was made of: the same shared document
    /// (what every edit but one of the text keeps), or one with equal text (a fresh read
    /// of it from storage, which costs one comparison, not a hash).
    pub(super) fn same_text(&self, doc: &Rc<Document>) -> bool {
        Rc::ptr_eq(&self.doc, doc) || self.doc.text() == doc.text()
    }

    /// The SHA-256 of the indexed text.
    pub(super) fn sha(&self) -> &str {
        self.sha.get_or_init(|| self.doc.sha256())
    }

    /// Brings title, date, tags and annotations up to `ws` (whose text is the one
    /// indexed): only annotations whose quote or note changed are tokenised again.
    pub(super) fn refresh(&mut self, title: &str, updated: &str, ws: &Workspace) {
        if self.title != title {
            self.title_words = FieldWords::new(title, &mut self.terms);
            title.clone_into(&mut self.title);
        }
        updated.clone_into(&mut self.updated);
        self.doc = ws.document.clone();
        self.tagset = ws.tagset().clone();
        // An edit changes one place of the list, or a few: the annotations before and
        // after it are the very same (shared) ones, found by pointer, with no hashing.
        let (old, new) = (std::mem::take(&mut self.last), ws.annotations());
        let same = |(a, b): &(&Rc<Annotation>, &Rc<Annotation>)| Rc::ptr_eq(a, b);
        let head = old.iter().zip(new).take_while(same).count();
        let tail = old[head..].iter().rev().zip(new[head..].iter().rev()).take_while(same).count();
        let (gone, came) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);
        for a in came {
            self.take(a);
        }
        if !gone.is_empty() {
            // Ids are unique, and those outside the changed place are unchanged: any of
            // the old place's not in the new one is deleted.
            let kept: rustc_hash::FxHashSet<AnnotationId> = came.iter().map(|a| a.id).collect();
            for a in gone.iter().filter(|a| !kept.contains(&a.id)) {
                self.anns.remove(&a.id);
            }
        }
        self.last = new.to_vec();
    }

    /// Indexes `a`, new or changed: only a quote or note that changed is tokenised again.
    fn take(&mut self, a: &Rc<Annotation>) {
        match self.anns.get_mut(&a.id) {
            Some(e) => {
                if e.ann.exact != a.exact {
                    e.quote = FieldWords::new(&a.exact, &mut self.terms);
                }
                if e.ann.note != a.note {
                    e.note = FieldWords::new(&a.note, &mut self.terms);
                }
                if e.ann.entity_type != a.entity_type {
                    e.kind = fold_words(&a.entity_type);
                }
                e.ann = a.clone();
            }
            None => {
                let entry = AnnEntry {
                    quote: FieldWords::new(&a.exact, &mut self.terms),
                    note: FieldWords::new(&a.note, &mut self.terms),
                    kind: fold_words(&a.entity_type),
                    ann: a.clone(),
                };
                self.anns.insert(a.id, entry);
            }
        }
    }
}

//! Saving a document as the records that changed since this library last wrote or read it.

use std::collections::HashSet;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::records::{self, ann_id, ann_key, ann_prefix, doc_key, meta_key, sync_key};
use super::store::{Store, StoreError, Write};
use crate::model::{Annotation, AnnotationId, Document, Workspace};
use crate::sync::Marks;

/// What this library believes one document's records hold. `None` anywhere means
/// "unknown" (never read, or a failed commit may or may not have changed it): the next
/// save writes it again.
#[derive(Debug, Default)]
pub(crate) struct Cached {
    /// The document whose text the text record holds.
    pub doc: Option<Rc<Document>>,
    /// The meta record's exact JSON.
    pub meta: Option<String>,
    pub marks: Option<Marks>,
    /// Every annotation record that exists (or may exist, if `None`), by annotation id.
    pub anns: FxHashMap<AnnotationId, Option<Rc<Annotation>>>,
}

impl Cached {
    /// Nothing known but which annotation records exist, from the store's keys, so that a
    /// first save also removes records of annotations the workspace no longer has.
    /// `protected` keys are left out: they are never written or removed.
    pub fn primed(
        store: &dyn Store,
        id: AnnotationId,
        protected: &HashSet<String>,
    ) -> Result<Self, StoreError> {
        let anns = store
            .keys(&ann_prefix(id))?
            .iter()
            .filter(|k| !protected.contains(*k))
            .filter_map(|k| ann_id(k, id))
            .map(|a| (a, None))
            .collect();
        Ok(Self { anns, ..Self::default() })
    }
}

/// The writes of one save, and what they change in the cache.
pub(crate) struct Plan {
    pub writes: Vec<Write>,
    /// Annotations written (new or changed).
    pub put: Vec<Rc<Annotation>>,
    /// Annotations whose records are removed.
    pub removed: Vec<AnnotationId>,
    pub doc: bool,
    pub meta: Option<String>,
    pub marks: bool,
}

/// Whether `cached` already holds `a` (the same `Rc`, or failing that an equal value).
fn holds(cached: Option<&Option<Rc<Annotation>>>, a: &Rc<Annotation>) -> bool {
    matches!(cached, Some(Some(c)) if Rc::ptr_eq(c, a) || **c == **a)
}

/// The writes that bring document `id`'s records from `cached` to `ws` at `revision` with
/// `marks`. Removals come first (they free room in a full store), the meta record last
/// (its presence marks a complete document). Costs pointer comparisons for annotations
/// no edit touched, and writes only what changed.
pub(crate) fn plan(cached: &Cached, id: AnnotationId, ws: &Workspace, revision: u64, marks: &Marks) -> Plan {
    // Usually nothing was removed: every cached record is one of the workspace's, and the
    // set of what is here need not be built.
    let present = ws.annotations().iter().filter(|a| cached.anns.contains_key(&a.id)).count();
    let removed: Vec<AnnotationId> = if present == cached.anns.len() {
        Vec::new()
    } else {
        let here: FxHashSet<AnnotationId> = ws.annotations().iter().map(|a| a.id).collect();
        cached.anns.keys().filter(|a| !here.contains(a)).copied().collect()
    };
    let mut writes: Vec<Write> = removed.iter().map(|a| Write::Delete { key: ann_key(id, *a) }).collect();
    let doc =
        !cached.doc.as_ref().is_some_and(|d| Rc::ptr_eq(d, &ws.document) || d.text() == ws.document.text());
    if doc {
        writes.push(Write::Put { key: doc_key(id), value: records::doc_record(ws) });
    }
    let put: Vec<Rc<Annotation>> =
        ws.annotations().iter().filter(|a| !holds(cached.anns.get(&a.id), a)).cloned().collect();
    writes.extend(put.iter().map(|a| Write::Put { key: ann_key(id, a.id), value: records::to_json(&**a) }));
    let marks_changed = cached.marks.as_ref() != Some(marks);
    if marks_changed {
        writes.push(Write::Put { key: sync_key(id), value: records::to_json(marks) });
    }
    let meta = records::to_json(&records::meta_record(ws, revision));
    let meta = (cached.meta.as_ref() != Some(&meta)).then_some(meta);
    if let Some(value) = &meta {
        writes.push(Write::Put { key: meta_key(id), value: value.clone() });
    }
    Plan { writes, put, removed, doc, meta, marks: marks_changed }
}

impl Plan {
    /// Updates `cached` after the commit: to what was written if it succeeded, else
    /// everything the commit touched becomes unknown (any part of it may have landed).
    pub fn settle(self, cached: &mut Cached, ws: &Workspace, marks: &Marks, ok: bool) {
        if self.doc {
            cached.doc = ok.then(|| ws.document.clone());
        }
        if let Some(meta) = self.meta {
            cached.meta = ok.then_some(meta);
        }
        if self.marks {
            cached.marks = ok.then(|| marks.clone());
        }
        for a in self.removed {
            if ok {
                cached.anns.remove(&a);
            } else {
                cached.anns.insert(a, None);
            }
        }
        for a in self.put {
            cached.anns.insert(a.id, ok.then_some(a.clone()));
        }
    }
}

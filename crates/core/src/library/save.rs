//! Saving a document as the records that changed since this library last wrote or read it.

use std::collections::HashSet;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::records::{self, Summary, ann_id, ann_key, ann_prefix, doc_key, meta_key, sync_key};
use super::store::{Store, StoreError, Write};
use crate::model::{Annotation, AnnotationId, Document, Workspace};
use crate::sync::Marks;

/// What this library believes one document's records hold. `None` anywhere means
/// "unknown" (never read, or a failed commit may or may not have changed it): the next
/// save writes it again.
#[derive(Debug, Default)]
pub(crate) struct Cached {
    /// The document whose text and links the text record holds.
    pub doc: Option<Rc<Document>>,
    /// The meta record's exact JSON.
    pub meta: Option<String>,
    pub marks: Option<Marks>,
    /// Every annotation record that exists (or may exist, if `None`), by annotation id.
    pub anns: FxHashMap<AnnotationId, Option<Rc<Annotation>>>,
    /// The summary in the meta record last written, to update rather than count again.
    pub summary: Option<Summary>,
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
    pub summary: Summary,
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
    // One lookup per annotation: whether its record holds it, and whether it has one.
    // Usually nothing was removed (every cached record is one of the workspace's), and the
    // set of what is here need not be built.
    let mut present = 0;
    let mut put: Vec<Rc<Annotation>> = Vec::new();
    for a in ws.annotations() {
        let cached_a = cached.anns.get(&a.id);
        present += usize::from(cached_a.is_some());
        if !holds(cached_a, a) {
            put.push(a.clone());
        }
    }
    let removed: Vec<AnnotationId> = if present == cached.anns.len() {
        Vec::new()
    } else {
        let here: FxHashSet<AnnotationId> = ws.annotations().iter().map(|a| a.id).collect();
        cached.anns.keys().filter(|a| !here.contains(a)).copied().collect()
    };
    let mut writes: Vec<Write> = removed.iter().map(|a| Write::Delete { key: ann_key(id, *a) }).collect();
    // Links are kept in the text record too: new ones (the same text) rewrite it as well.
    let doc =
        !cached.doc.as_ref().is_some_and(|d| Rc::ptr_eq(d, &ws.document) || d.same_content(&ws.document));
    if doc {
        writes.push(Write::Put { key: doc_key(id), value: records::doc_record(ws) });
    }
    writes.extend(put.iter().map(|a| Write::Put { key: ann_key(id, a.id), value: records::to_json(&**a) }));
    let marks_changed = cached.marks.as_ref() != Some(marks);
    if marks_changed {
        writes.push(Write::Put { key: sync_key(id), value: records::to_json(marks) });
    }
    // Counting every annotation again was most of a save on a book.
    let summary = cached
        .summary
        .as_ref()
        .and_then(|before| summary_after(before, cached, ws, &put, &removed))
        .unwrap_or_else(|| Summary::of(ws));
    let meta = records::to_json(&records::meta_record_with(ws, revision, summary.clone()));
    let meta = (cached.meta.as_ref() != Some(&meta)).then_some(meta);
    if let Some(value) = &meta {
        writes.push(Write::Put { key: meta_key(id), value: value.clone() });
    }
    Plan { writes, put, removed, doc, meta, marks: marks_changed, summary }
}

/// The summary after `put` and `removed`, from the one `before` them: `None` when the
/// change alone cannot tell (an annotation whose record is unknown, a tag not counted, the
/// latest change removed or made older, which may make another one the latest).
fn summary_after(
    before: &Summary,
    cached: &Cached,
    ws: &Workspace,
    put: &[Rc<Annotation>],
    removed: &[AnnotationId],
) -> Option<Summary> {
    if before.counts.len() != ws.tagset().tags.len()
        || before.counts.iter().zip(&ws.tagset().tags).any(|((t, _), d)| *t != d.key)
    {
        return None;
    }
    let mut counts = before.counts.clone();
    let mut count = |tag, up: bool| -> Option<()> {
        let slot = counts.iter_mut().find(|(t, _)| *t == tag)?;
        slot.1 = if up { slot.1 + 1 } else { slot.1.checked_sub(1)? };
        Some(())
    };
    let old = |id: &AnnotationId| cached.anns.get(id).map(|a| a.as_ref().ok_or(()));
    for a in put {
        if let Some(old) = old(&a.id) {
            let old = old.ok()?;
            // The latest change made older: some other annotation may now be the latest.
            if Some(&old.modified) == before.updated.as_ref() && a.modified < old.modified {
                return None;
            }
            count(old.tag, false)?;
        }
        count(a.tag, true)?;
    }
    for id in removed {
        let old = old(id)?.ok()?;
        if Some(&old.modified) == before.updated.as_ref() {
            return None;
        }
        count(old.tag, false)?;
    }
    let newest = put.iter().map(|a| &a.modified).max();
    let updated = before.updated.as_ref().max(newest).cloned();
    Some(Summary { updated, counts })
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
        cached.summary = ok.then_some(self.summary);
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

//! The document and its annotations. Positions are code points, half-open `[start, end)`.

use std::ops::Range;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::creator::Creator;
/// Kept here, where the rest of the core and the app first found it.
pub use crate::document::Document;
/// Kept here, where the rest of the core and the app first found it.
pub use crate::id::AnnotationId;
use crate::status::ClaimStatus;
use crate::tagset::{Tag, TagSet};

/// How many code points of context are kept on each side of a quote (as Hypothesis does).
pub const CONTEXT_CHARS: usize = 32;

/// One tagged span, with its position and, redundantly, the quote and context around it
/// so it can be found again if the text changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique within its workspace, and kept through every edit, export and import.
    pub id: AnnotationId,
    /// Its tag: a key of the workspace's tag set.
    pub tag: Tag,
    /// First code point of the span in the document's text.
    pub start: usize,
    /// One past its last code point: `start < end <=` the text's length, half-open.
    pub end: usize,
    /// The text of `start..end` when it was anchored (the W3C `TextQuoteSelector`'s `exact`).
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points of text just before the span.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points of text just after the span.
    pub suffix: String,
    /// What the person wrote about it; empty for none.
    pub note: String,
    /// How far a claim has been checked (meaningful on claims).
    #[serde(default)]
    pub status: ClaimStatus,
    /// Person, organisation… from the document's list (meaningful on entities); empty if unset.
    #[serde(default)]
    pub entity_type: String,
    /// Sources a claim is attributed to, by id, in the order they were linked.
    #[serde(default)]
    pub sources: Vec<AnnotationId>,
    /// When it was made: an RFC 3339 time, as the browser's `Date.toISOString()` gives
    /// it (UTC, milliseconds). Times are compared as strings, which orders them in time.
    pub created: String,
    /// When an edit last touched it, written like `created`.
    pub modified: String,
    /// Its quote could not be found after the text changed: kept and listed, not drawn.
    /// `start..end` is then only where it was last seen.
    #[serde(default)]
    pub orphan: bool,
    /// Who made it or last changed it (since schema 5; none for work from before, or made
    /// before a name was given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<Creator>,
}

impl Annotation {
    /// A new annotation over `range` of `doc`, quote and context taken from the text.
    pub fn new(doc: &Document, range: Range<usize>, tag: Tag, id: AnnotationId, now: &str) -> Self {
        let ctx_start = range.start.saturating_sub(CONTEXT_CHARS);
        Self {
            id,
            tag,
            start: range.start,
            end: range.end,
            exact: doc.slice(range.start, range.end).to_owned(),
            prefix: doc.slice(ctx_start, range.start).to_owned(),
            suffix: doc.slice(range.end, range.end + CONTEXT_CHARS).to_owned(),
            note: String::new(),
            status: ClaimStatus::Unchecked,
            entity_type: String::new(),
            sources: Vec::new(),
            created: now.to_owned(),
            modified: now.to_owned(),
            orphan: false,
            creator: None,
        }
    }

    /// Moves the annotation to `range` of `doc`, taking quote and context from there.
    pub fn anchored_at(&self, doc: &Document, range: Range<usize>) -> Self {
        let fresh = Self::new(doc, range, self.tag, self.id, "");
        Self {
            start: fresh.start,
            end: fresh.end,
            exact: fresh.exact,
            prefix: fresh.prefix,
            suffix: fresh.suffix,
            orphan: false,
            ..self.clone()
        }
    }

    /// The same annotation as an orphan: its quote and context are kept as they were.
    pub fn orphaned(&self, doc: &Document) -> Self {
        let at = self.start.min(doc.char_len());
        Self { start: at, end: self.end.clamp(at, doc.char_len()), orphan: true, ..self.clone() }
    }

    /// `start..end`, in code points.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in code points.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it covers nothing: never a drawn span, only an orphan clamped to a shorter text.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Document order: by start, longer (outer) spans first, then by id for stability.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, AnnotationId) {
        (self.start, std::cmp::Reverse(self.end), self.id)
    }
}

/// A colleague's version of one of our annotations, with other values, that a merge kept
/// beside it rather than overwrite ours (see [`crate::merge_import`]): until someone
/// resolves it (`Editor::resolve`), ours keeps its values. Saved and exported with the
/// workspace (a native file's `conflicts`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The id of our annotation.
    pub ours: AnnotationId,
    /// Their whole version, with its creator: on our text, its links to our annotations,
    /// its id as their file had it (which may be ours).
    pub theirs: Rc<Annotation>,
}

/// A document with its annotations in document order: what is saved, exported and undone.
/// Beside them, the conflicts merges recorded, one per annotation of ours at most.
///
/// Annotations are shared (`Rc`): cloning a workspace for undo or saving copies pointers,
/// and an annotation no edit touched keeps its identity, which is how the view finds the
/// few lines and cards an edit changed among thousands.
#[derive(Clone, Debug, Eq)]
pub struct Workspace {
    /// The article; shared, as undo steps and saves copy the workspace.
    pub document: Rc<Document>,
    annotations: Vec<Rc<Annotation>>,
    /// The document's tags. Private, as it must hold every tag an annotation uses: read
    /// it with [`Workspace::tagset`], change it through the `Editor`.
    tagset: Rc<TagSet>,
    /// By `ours`, one per annotation; each `ours` one of `annotations` (see
    /// [`Workspace::with_conflicts`]), unless an edit took it away since.
    conflicts: Rc<Vec<Conflict>>,
}

/// Shared parts are equal without looking inside: checking whether storage already holds
/// this workspace then costs pointer comparisons for everything no edit touched.
impl PartialEq for Workspace {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Rc<Annotation>, b: &Rc<Annotation>| Rc::ptr_eq(a, b) || a == b;
        (Rc::ptr_eq(&self.document, &other.document) || self.document == other.document)
            && self.tagset == other.tagset
            && self.annotations.len() == other.annotations.len()
            && self.annotations.iter().zip(&other.annotations).all(|(a, b)| same(a, b))
            && (Rc::ptr_eq(&self.conflicts, &other.conflicts) || self.conflicts == other.conflicts)
    }
}

impl Workspace {
    /// A workspace of `document` with no annotations and the default tags.
    pub fn new(document: Document) -> Self {
        Self {
            document: Rc::new(document),
            annotations: Vec::new(),
            tagset: Rc::default(),
            conflicts: Rc::default(),
        }
    }

    /// The conflicts merges recorded and no one resolved yet, by `ours`' id.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The conflict recorded for our annotation `ours`, if there is one.
    pub fn conflict(&self, ours: AnnotationId) -> Option<&Conflict> {
        self.conflicts.binary_search_by_key(&ours, |c| c.ours).ok().map(|at| &self.conflicts[at])
    }

    /// The same workspace with `conflicts` as its conflicts: one per annotation (a later
    /// one for the same `ours` replaces an earlier), each of whose `ours` is one of its
    /// annotations (the others are dropped).
    pub(crate) fn with_conflicts(mut self, conflicts: impl IntoIterator<Item = Conflict>) -> Self {
        let here: std::collections::HashSet<AnnotationId> = self.annotations.iter().map(|a| a.id).collect();
        let mut by_ours = std::collections::BTreeMap::new();
        for c in conflicts.into_iter().filter(|c| here.contains(&c.ours)) {
            by_ours.insert(c.ours, c);
        }
        self.conflicts = Rc::new(by_ours.into_values().collect());
        self
    }

    /// Records `theirs` as the conflict of `ours` (`None`: takes it away): for the history.
    pub(crate) fn put_conflict(&mut self, ours: AnnotationId, theirs: Option<Rc<Annotation>>) {
        let list = Rc::make_mut(&mut self.conflicts);
        match (list.binary_search_by_key(&ours, |c| c.ours), theirs) {
            (Ok(at), Some(theirs)) => list[at].theirs = theirs,
            (Ok(at), None) => {
                list.remove(at);
            }
            (Err(at), Some(theirs)) => list.insert(at, Conflict { ours, theirs }),
            (Err(_), None) => {}
        }
    }

    /// The document's tags and entity types; every tag an annotation uses is among them.
    pub fn tagset(&self) -> &Rc<TagSet> {
        &self.tagset
    }

    /// The same workspace with another tag set (the caller checked it): a tag in use that
    /// `tagset` lacks is added to it, so that no annotation is left without its tag.
    pub fn with_tagset(&self, mut tagset: TagSet) -> Self {
        for a in &self.annotations {
            tagset.ensure(a.tag);
        }
        Self { tagset: Rc::new(tagset), ..self.clone() }
    }

    /// Takes `tagset` as the tag set: for the history, whose edits were checked when made.
    pub(crate) fn put_tagset(&mut self, tagset: Rc<TagSet>) {
        self.tagset = tagset;
    }

    /// Builds a workspace from annotations that were already validated against `document`;
    /// a tag they use that `tagset` lacks is added to it.
    pub(crate) fn with_annotations<A: Into<Rc<Annotation>>>(
        document: Document,
        annotations: impl IntoIterator<Item = A>,
        tagset: TagSet,
    ) -> Self {
        Self::with_shared(Rc::new(document), annotations, tagset)
    }

    /// `with_annotations` on a document already shared (a long text is not copied).
    pub(crate) fn with_shared<A: Into<Rc<Annotation>>>(
        document: Rc<Document>,
        annotations: impl IntoIterator<Item = A>,
        mut tagset: TagSet,
    ) -> Self {
        let mut annotations: Vec<Rc<Annotation>> = annotations.into_iter().map(Into::into).collect();
        annotations.sort_by_key(|a| a.order_key());
        for a in &annotations {
            tagset.ensure(a.tag);
        }
        Self { document, annotations, tagset: Rc::new(tagset), conflicts: Rc::default() }
    }

    /// Names the tags an import brought (`(tag, its label there)`) that were not ours.
    pub(crate) fn with_labels(mut self, labels: Vec<(Tag, String)>) -> Self {
        let tagset = Rc::make_mut(&mut self.tagset);
        for (tag, label) in labels {
            if let Some(def) = tagset.tags.iter_mut().find(|d| d.key == tag && d.label == tag.default_label())
            {
                if !Tag::DEFAULTS.contains(&tag) && !label.is_empty() {
                    def.label = label;
                }
            }
        }
        self
    }

    /// Every annotation, orphans included, in document order ([`Annotation::order_key`]).
    pub fn annotations(&self) -> &[Rc<Annotation>] {
        &self.annotations
    }

    /// The same workspace under another title (the text, and so every offset, unchanged).
    pub fn renamed(&self, title: &str) -> Self {
        Self { document: Rc::new(self.document.retitled(title)), ..self.clone() }
    }

    /// Annotations whose quote could not be found after the text changed.
    pub fn orphans(&self) -> impl Iterator<Item = &Rc<Annotation>> {
        self.annotations.iter().filter(|a| a.orphan)
    }

    /// The annotation with this id, if there is one.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id).map(|a| &**a)
    }

    /// Keeps the invariant that every tag in use is in the tag set, whatever put `tag`
    /// here: a redo or an undone deletion after another tab's set went without it.
    fn keep_tag(&mut self, tag: Tag) {
        if self.tagset.get(tag).is_none() {
            Rc::make_mut(&mut self.tagset).ensure(tag);
        }
    }

    /// Adds `annotation`, replacing one with the same id (so a redo never duplicates).
    pub(crate) fn insert(&mut self, annotation: Annotation) {
        self.keep_tag(annotation.tag);
        self.remove(annotation.id);
        let key = annotation.order_key();
        let at = self.annotations.partition_point(|a| a.order_key() < key);
        self.annotations.insert(at, Rc::new(annotation));
    }

    pub(crate) fn remove(&mut self, id: AnnotationId) -> Option<Rc<Annotation>> {
        let at = self.annotations.iter().position(|a| a.id == id)?;
        Some(self.annotations.remove(at))
    }

    /// Replaces the annotation with the same id, moving it if its range changed.
    pub(crate) fn replace(&mut self, annotation: Annotation) {
        self.keep_tag(annotation.tag);
        let Some(slot) = self.annotations.iter_mut().find(|a| a.id == annotation.id) else {
            return;
        };
        if slot.range() == annotation.range() {
            *slot = Rc::new(annotation);
        } else {
            self.insert(annotation);
        }
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;

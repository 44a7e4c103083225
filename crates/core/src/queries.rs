//! Questions the views ask of a workspace: counts for the overview, which annotations
//! cover a point, which comes next, which claims lack a source.

use std::rc::Rc;

use crate::model::{Annotation, AnnotationId, Workspace};
use crate::status::ClaimStatus;
use crate::tagset::Tag;

impl Workspace {
    /// How many annotations carry each tag of the tag set, in its order.
    pub fn counts(&self) -> Vec<(Tag, usize)> {
        let mut counts: Vec<(Tag, usize)> = self.tagset().tags.iter().map(|d| (d.key, 0)).collect();
        for a in self.annotations() {
            if let Some(slot) = counts.iter_mut().find(|(t, _)| *t == a.tag) {
                slot.1 += 1;
            }
        }
        counts
    }

    /// When an annotation last changed (the latest `modified`, RFC 3339), `None` without
    /// annotations: the document's "updated" in the Library and in search results.
    pub fn updated(&self) -> Option<&str> {
        self.annotations().iter().map(|a| a.modified.as_str()).max()
    }

    /// The names of the people who made annotations here, sorted, each once (for the
    /// sidebar's "by" filter); empty when no one gave a name.
    pub fn creators(&self) -> Vec<String> {
        let names: std::collections::BTreeSet<&str> =
            self.annotations().iter().filter_map(|a| a.creator.as_ref()).map(|c| c.name.as_str()).collect();
        names.into_iter().map(str::to_owned).collect()
    }

    /// How many annotations carry `tag` (removing it from the tag set must wait until none).
    pub fn uses(&self, tag: Tag) -> usize {
        self.annotations().iter().filter(|a| a.tag == tag).count()
    }

    /// How many claims have each status, in `ClaimStatus::ALL` order.
    pub fn status_counts(&self) -> [usize; 5] {
        let mut counts = [0; 5];
        for a in self.annotations().iter().filter(|a| a.tag == Tag::Claim) {
            counts[ClaimStatus::ALL.iter().position(|s| *s == a.status).unwrap_or(0)] += 1;
        }
        counts
    }

    /// Claims that no source is linked to: what a fact-checker still has to trace. (Links
    /// never dangle: deleting a source unlinks it and imports drop links to what is absent.)
    pub fn is_unsourced(&self, a: &Annotation) -> bool {
        a.tag == Tag::Claim && a.sources.is_empty()
    }

    /// Claims that cite `source`.
    pub fn citing(&self, source: AnnotationId) -> impl Iterator<Item = &Rc<Annotation>> {
        self.annotations().iter().filter(move |a| a.sources.contains(&source))
    }

    /// Sources that claim `claim` could still be linked to (not yet among its sources), in
    /// document order; none when it is not a claim.
    pub fn link_candidates<'a>(&'a self, claim: &'a Annotation) -> impl Iterator<Item = &'a Rc<Annotation>> {
        let is_claim = claim.tag == Tag::Claim;
        self.annotations()
            .iter()
            .filter(move |s| is_claim && s.tag == Tag::Source && !claim.sources.contains(&s.id))
    }

    /// The minimap's picture of the text in `height` rows: for each row, the tag-set position
    /// (colour) of the last drawn annotation starting or running there, `None` for none.
    /// Rows stand for equal shares of the text's code points; a span gets at least two rows
    /// (a short one would vanish), cut at the last row.
    pub fn minimap_rows(&self, height: usize) -> Vec<Option<usize>> {
        let len = self.document.char_len().max(1);
        let mut rows = vec![None; height];
        for a in self.annotations().iter().filter(|a| !a.orphan) {
            let colour = self.tagset().position(a.tag).unwrap_or(0);
            let top = a.start * height / len;
            let bottom = (a.end * height / len).max(top + 2);
            for row in &mut rows[top.min(height)..bottom.min(height)] {
                *row = Some(colour);
            }
        }
        rows
    }

    /// Drawn annotations covering code point `at`, innermost (shortest) first.
    pub fn covering(&self, at: usize) -> Vec<&Rc<Annotation>> {
        let mut out: Vec<_> =
            self.annotations().iter().filter(|a| !a.orphan && a.start <= at && at < a.end).collect();
        out.sort_by_key(|a| a.len());
        out
    }

    /// The drawn annotation closest to code point `at` (the minimap's click).
    pub fn nearest(&self, at: usize) -> Option<AnnotationId> {
        let distance =
            |a: &Annotation| if at < a.start { a.start - at } else { at.saturating_sub(a.end - 1) };
        self.annotations().iter().filter(|a| !a.orphan).min_by_key(|a| (distance(a), a.len())).map(|a| a.id)
    }

    /// The next (or previous) drawn annotation in document order after `from` (an annotation)
    /// or, with none, after code point `at`; wraps around.
    pub fn neighbour(&self, from: Option<AnnotationId>, at: usize, forward: bool) -> Option<AnnotationId> {
        let drawn: Vec<&Rc<Annotation>> = self.annotations().iter().filter(|a| !a.orphan).collect();
        let here = from.and_then(|id| drawn.iter().position(|a| a.id == id));
        let index = match (here, forward) {
            (Some(i), true) => (i + 1) % drawn.len().max(1),
            (Some(i), false) => i.checked_sub(1).unwrap_or(drawn.len().saturating_sub(1)),
            (None, true) => drawn.iter().position(|a| a.start >= at).unwrap_or(0),
            (None, false) => {
                drawn.iter().rposition(|a| a.start < at).unwrap_or(drawn.len().saturating_sub(1))
            }
        };
        drawn.get(index).map(|a| a.id)
    }
}

#[cfg(test)]
#[path = "queries_tests.rs"]
mod tests;

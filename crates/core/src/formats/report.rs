//! The one report every importer (native, W3C, doccano) fills in: which ids it has seen,
//! what it kept (as it was, moved, or orphaned), what it left out and why; and, at the
//! end, links between annotations that point at one left out are dropped.

use std::collections::HashSet;

use super::imported::{FileTags, Imported, SkipReason, Skipped};
use crate::model::{Annotation, AnnotationId, Workspace};

/// An import under way (see the module's doc).
#[derive(Default)]
pub(crate) struct ImportReport {
    seen: HashSet<AnnotationId>,
    kept: Vec<Annotation>,
    skipped: Vec<Skipped>,
    moved: usize,
    orphaned: usize,
}

impl ImportReport {
    /// Leaves something out.
    pub fn skip(&mut self, what: Skipped) {
        self.skipped.push(what);
    }

    /// Leaves annotation number `index` (from 1) out for `reason`.
    pub fn skip_annotation(&mut self, index: usize, reason: SkipReason) {
        self.skip(Skipped::Annotation { index, reason });
    }

    /// Whether `id` is new to this import; if not, the item is the one that repeats it.
    pub fn first_sight(&mut self, id: AnnotationId) -> Result<(), SkipReason> {
        if self.seen.insert(id) { Ok(()) } else { Err(SkipReason::RepeatsId(id)) }
    }

    /// Keeps `a` where the file put it.
    pub fn keep(&mut self, a: Annotation) {
        self.kept.push(a);
    }

    /// Keeps `a`, found again by its quote somewhere else than the file said.
    pub fn keep_moved(&mut self, a: Annotation) {
        self.moved += 1;
        self.kept.push(a);
    }

    /// Keeps `a` as an orphan (its quote is not in the text).
    pub fn keep_orphan(&mut self, a: Annotation) {
        self.orphaned += 1;
        self.kept.push(a);
    }

    /// What was kept so far, in the order kept (doccano links them afterwards).
    pub fn kept_mut(&mut self) -> &mut [Annotation] {
        &mut self.kept
    }

    /// How many have been kept so far.
    pub fn kept_len(&self) -> usize {
        self.kept.len()
    }

    /// The import's result, its workspace made by `workspace` from the annotations kept,
    /// each of whose sources is one of them: a link to an annotation that did not come
    /// in would point nowhere.
    pub fn finish(
        mut self,
        tags: FileTags,
        revision: Option<u64>,
        workspace: impl FnOnce(Vec<Annotation>) -> Workspace,
    ) -> Imported {
        let ids: HashSet<AnnotationId> = self.kept.iter().map(|a| a.id).collect();
        for a in &mut self.kept {
            a.sources.retain(|s| ids.contains(s));
        }
        Imported {
            workspace: workspace(self.kept),
            tags,
            revision,
            skipped: self.skipped,
            moved: self.moved,
            orphaned: self.orphaned,
            spans_only: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::tagset::Tag;
    use crate::test_support::{NOW, id};

    fn ann(doc: &Document, n: u8, sources: &[u8]) -> Annotation {
        let mut a = Annotation::new(doc, 0..5, Tag::Claim, id(n), NOW);
        a.sources = sources.iter().map(|&s| id(s)).collect();
        a
    }

    #[test]
    fn counts_what_it_keeps_and_reports_repeats_and_skips_in_order() {
        let doc = Document::new("t", "Tokyo said so");
        let mut r = ImportReport::default();
        assert_eq!(r.first_sight(id(1)), Ok(()));
        r.keep(ann(&doc, 1, &[]));
        assert_eq!(r.first_sight(id(1)), Err(SkipReason::RepeatsId(id(1))));
        r.skip_annotation(2, SkipReason::RepeatsId(id(1)));
        r.keep_moved(ann(&doc, 3, &[]));
        r.keep_orphan(ann(&doc, 4, &[]).orphaned(&doc));
        r.skip(Skipped::LinksOnEarlierText { count: 2 });
        assert_eq!(r.kept_len(), 3);
        let got = r.finish(FileTags::Named, Some(7), |kept| {
            Workspace::with_annotations(doc.clone(), kept, Default::default())
        });
        assert_eq!((got.moved, got.orphaned, got.revision, got.tags), (1, 1, Some(7), FileTags::Named));
        assert_eq!(got.workspace.annotations().len(), 3);
        assert_eq!(
            got.skipped,
            vec![
                Skipped::Annotation { index: 2, reason: SkipReason::RepeatsId(id(1)) },
                Skipped::LinksOnEarlierText { count: 2 },
            ]
        );
    }

    #[test]
    fn sources_left_out_are_dropped_and_the_rest_kept() {
        let doc = Document::new("t", "Tokyo said so");
        let mut r = ImportReport::default();
        r.keep(ann(&doc, 1, &[2, 9]));
        r.keep(ann(&doc, 2, &[]));
        let got = r.finish(FileTags::Defined, None, |kept| {
            Workspace::with_annotations(doc.clone(), kept, Default::default())
        });
        let claim = got.workspace.annotations().iter().find(|a| a.id == id(1)).unwrap();
        assert_eq!(claim.sources, vec![id(2)], "9 never came in");
    }
}

//! Helpers shared by this crate's unit tests.

use std::ops::Range;

use crate::model::{Annotation, AnnotationId, Document};
use crate::tagset::Tag;

pub const NOW: &str = "2026-11-26T12:00:00.000Z";

pub fn id(n: u8) -> AnnotationId {
    AnnotationId::from_random_bytes([n; 16])
}

pub fn ann(doc: &Document, range: Range<usize>, tag: Tag, n: u8) -> Annotation {
    Annotation::new(doc, range, tag, id(n), NOW)
}

/// Each item `imported` skipped, in the words a damaged record is kept aside with (the
/// same words the app's reports use).
pub fn skipped_lines(imported: &crate::formats::Imported) -> Vec<String> {
    imported.skipped.iter().map(ToString::to_string).collect()
}

//! Which schema a native file or a library record says it follows: the oldest that holds
//! what it has, so that a release that cannot read a newer field refuses the file by
//! name ("update the app") instead of taking it for damage, while a file with nothing
//! new stays byte for byte what that release wrote.

use crate::model::{Document, Workspace};

/// The oldest schema that is the current one but for fields it lacks (which then read as
/// empty): read straight into the current types.
pub(crate) const CURRENT_SHAPE_SINCE: u32 = 3;

/// The schema a file or record of `doc` says it follows: the oldest that holds all it
/// has. This app reads unknown fields as damage (`deny_unknown_fields`), and so does the
/// release before it; a document without links is therefore still written as schema 3,
/// the very bytes that release wrote and reads, while one with links says 4, so that
/// release refuses it by name ("update the app") rather than as damaged, and, in the
/// browser's storage, leaves it untouched instead of setting its text record aside.
pub(crate) fn schema_of(doc: &Document) -> u32 {
    if doc.links().is_empty() { CURRENT_SHAPE_SINCE } else { LINKS_SINCE }
}

/// The schema a file of `ws` says it follows: as [`schema_of`] its document, and 5 once
/// an annotation names its creator (the release before reads an unknown annotation field
/// without a word and would drop it when saving; version 5 makes it refuse the file) or
/// a merge left conflicts (`conflicts`, which schema 5 added too); 6 once the article has
/// metadata (which the release before would take for damage).
pub(crate) fn schema_of_file(ws: &Workspace) -> u32 {
    if !ws.document.meta().is_empty() {
        META_SINCE
    } else if ws.annotations().iter().any(|a| a.creator.is_some()) || !ws.conflicts().is_empty() {
        CREATORS_SINCE
    } else {
        schema_of(&ws.document)
    }
}

/// The schema that added annotations' creators and the workspace's conflicts.
pub(crate) const CREATORS_SINCE: u32 = 5;

/// The schema that added the article's metadata.
pub(crate) const META_SINCE: u32 = 6;

/// The schema that added the document's links.
const LINKS_SINCE: u32 = 4;

//! The article annotator's model and logic, free of any browser dependency so that it
//! is tested on the host: offsets, snapping, segmenting overlapping spans, undo history,
//! the file formats and the storage rules.
//!
//! Conventions every module keeps:
//! - positions are Unicode code points into the document's text, ranges half-open
//!   `[start, end)` as in the W3C model (`offsets` converts to bytes and UTF-16);
//! - times are RFC 3339 strings from the caller's clock (the browser's
//!   `Date.toISOString()`; the core has none), compared as strings, which orders them;
//! - ids of annotations and documents are v4 UUIDs, from random bytes the caller draws
//!   (a foreign file's annotations get ones derived from its content).
//!
//! Searching the whole library (`search`) keeps an index beside the library rather than
//! in it: it is fed one document at a time, off the edit path, and each text's postings
//! can be kept as that document's search record, so that a later start reads them
//! instead of tokenising the text again.

#![warn(missing_docs)]

pub mod anchor;
pub mod article;
pub mod boundaries;
pub mod caret;
pub mod compare;
pub mod conflict;
pub mod creator;
pub mod doc_link;
mod document;
pub mod editor;
pub mod filter;
pub mod find;
pub mod formats;
mod history;
mod id;
pub mod layout;
pub mod library;
pub mod markdown;
pub mod merge;
pub mod meta;
pub mod model;
pub mod offsets;
mod queries;
mod references;
/// Full-text search over the whole library: titles, texts, quotes and notes, with filters.
pub mod search;
pub mod span;
pub mod status;
pub mod suggest;
pub mod sync;
pub mod tag_style;
pub mod tagset;
pub mod text;
pub mod web_page;

#[cfg(test)]
mod test_support;

pub use anchor::{UpdateSummary, update_text};
pub use article::{ArticleError, article_from_bytes, article_from_text, title_from_text};
pub use compare::{CompareError, Comparison, compare, compare_with};
pub use conflict::Resolution;
pub use creator::Creator;
pub use doc_link::DocLink;
pub use editor::{EditError, Editor, NewSpan};
pub use filter::Filter;
pub use find::find_all;
pub use formats::{
    ExportFile, FileKind, FileTags, ImportError, Imported, SkipReason, Skipped, export_file_name,
    export_json, file_kind, import_json, storage_json, title_from_file_name,
};
pub use layout::{Cover, LineLayout, Segment, layout, relayout, same_rcs};
pub use library::{Library, LibraryError, MemoryStore, Store, StoreError};
pub use markdown::{MarkdownArticle, article_from_markdown, article_from_markdown_bytes};
pub use merge::{GaveWay, MergeSummary, TagsMerged, merge_import};
pub use meta::ArticleMeta;
pub use model::{Annotation, AnnotationId, Conflict, Document, Workspace};
pub use span::{Edge, SpanError, check_range, nudged};
pub use status::ClaimStatus;
pub use sync::{Marks, TabSync, rebase};
pub use tag_style::{Sheet, tag_css};
pub use tagset::{PALETTE, RESERVED_HOTKEYS, Tag, TagDef, TagError, TagSet};
pub use text::{Line, lines, snap_selection};

//! What an import brought in and what it left out: the result every importer (native,
//! W3C, doccano) hands back. Counts and typed reasons; each reason carries its one line
//! (`#4 end 9812 is past the text length 9800`) as an error enum does, because the same
//! line is also stored in the message of damaged data kept aside. The report's sentence
//! around them is the app's (and the CLI's).

use thiserror::Error;

use crate::model::{AnnotationId, Workspace};
use crate::span::SpanError;
use crate::tagset::TagError;

/// What a file said about its tags, which decides how they join an open article's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileTags {
    /// Its own tag set (a native export): tags are known by key, and the file's labels,
    /// colours, hotkeys and entity types are what the person chose.
    Defined,
    /// Names only (other tools' labels, an export without a tag set): the workspace's tag
    /// details beyond those names are the defaults, not the file's.
    Named,
}

/// Why one annotation (or link) of a file was left out. Positions are code points, as
/// the file gave them.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum SkipReason {
    /// It could not be read as one: the JSON reader's own account (`missing field `tag``).
    #[error("{0}")]
    Unreadable(String),
    /// An item before it had this id.
    #[error("repeats id {0}")]
    RepeatsId(AnnotationId),
    /// A time field (`"created"`, `"modified"`) that is not RFC 3339.
    #[error("{field} {value:?} is not an RFC 3339 time")]
    NotATime {
        /// The field's name in the file.
        field: &'static str,
        /// Its value as given.
        value: String,
    },
    /// `start` is not before `end`.
    #[error("start {start} is not before end {end}")]
    EmptyRange {
        /// The item's start.
        start: usize,
        /// The item's end.
        end: usize,
    },
    /// `end` is past the text's length `len`.
    #[error("end {end} is past the text length {len}")]
    PastEnd {
        /// The item's end.
        end: usize,
        /// The text's length.
        len: usize,
    },
    /// Offset `at` falls inside a character (a grapheme cluster).
    #[error("offset {at} splits a character")]
    SplitsCharacter {
        /// The offending offset.
        at: usize,
    },
    /// The quote is not the text at `start..end`.
    #[error("quote does not match the text at {start}..{end}")]
    QuoteMismatch {
        /// The item's start.
        start: usize,
        /// The item's end.
        end: usize,
    },
    /// A range refused as the editor refuses a selection (doccano's spans).
    #[error("{0}")]
    Span(SpanError),
    /// W3C: no tagging or classifying body.
    #[error("has no tag (a tagging or classifying body)")]
    NoTag,
    /// W3C: neither a quote nor a position inside the text.
    #[error("has no quote and no position inside the text")]
    NoQuoteOrPosition,
    /// doccano: an empty label.
    #[error("has an empty label")]
    EmptyLabel,
    /// A conflict names an annotation the file does not have (or left out).
    #[error("names annotation {0}, which is not in the file")]
    NoSuchAnnotation(AnnotationId),
}

/// Something of a file that an import left out.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum Skipped {
    /// Annotation number `index` (from 1, in the file's order).
    #[error("#{index} {reason}")]
    Annotation {
        /// Its number in the file, from 1.
        index: usize,
        /// Why it was left out.
        reason: SkipReason,
    },
    /// Link number `index` (from 1) of the document.
    #[error("link {index} {reason}")]
    Link {
        /// Its number in the file, from 1.
        index: usize,
        /// Why it was left out.
        reason: SkipReason,
    },
    /// Conflict number `index` (from 1) of the file's `conflicts`.
    #[error("conflict #{index} {reason}")]
    Conflict {
        /// Its number in the file, from 1.
        index: usize,
        /// Why it was left out.
        reason: SkipReason,
    },
    /// All `count` links, as the text had been edited since they were counted in it.
    #[error("links ({count}) were on an earlier version of the text")]
    LinksOnEarlierText {
        /// How many links the file had.
        count: usize,
    },
    /// The article's metadata (a native file's `meta`), unreadable for this reason (the
    /// JSON reader's own account): the article comes without it.
    #[error("the article's details ({0})")]
    Meta(String),
    /// The file's tag set, refused for this reason: the default tags are used.
    #[error("the tag set ({0} The default tags are used.)")]
    TagSet(TagError),
    /// doccano: relation number `index` (from 1) is not a claim → source link.
    #[error("relation #{index} is not a link from a claim to a source")]
    Relation {
        /// Its number in the file, from 1.
        index: usize,
    },
    /// doccano: only the first document was read; `count` more lines were not.
    #[error("only the first document was read; {count} more line(s) were not")]
    MoreDocuments {
        /// How many lines were not read.
        count: usize,
    },
}

/// Every item's line, joined by `; ` (the detail of damaged data kept aside).
pub(crate) fn skipped_lines(skipped: &[Skipped]) -> String {
    skipped.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// What an import brought in, and what it could not.
#[derive(Debug, PartialEq)]
pub struct Imported {
    /// The document and the annotations that passed the checks, in document order.
    pub workspace: Workspace,
    /// Whether `workspace.tagset` is the file's own or made up around the names it used.
    pub tags: FileTags,
    /// The tab-sync counter of a browser save (`None` for an export or a foreign file).
    pub revision: Option<u64>,
    /// What was left out, in the order found: the tag set, annotations, links, then
    /// conflicts.
    pub skipped: Vec<Skipped>,
    /// Annotations found again by their quote because the text had been edited.
    pub moved: usize,
    /// Annotations whose quote is no longer in the text: kept as orphans.
    pub orphaned: usize,
    /// The file carries only spans and tags (doccano): a merge never takes its silence on
    /// notes, statuses, types and links for other values, so its spans never conflict.
    pub spans_only: bool,
}

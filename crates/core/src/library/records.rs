//! The record layout: which key holds what, and the records' shapes.
//!
//! Every key of this layout starts with `aa2.`, which no key of the earlier layouts
//! (`article-annotator.…`) does, so a move from an old layout can never write over the
//! data it is moving, and both can sit side by side while a move is under way.
//!
//! | key | value |
//! |---|---|
//! | `aa2.doc.<doc id>` | [`DocRecord`]: the article text, its SHA-256 and its links (large, rarely written) |
//! | `aa2.meta.<doc id>` | [`MetaRecord`]: title, revision, tag set, the list's summary (small, every save), the conflicts merges left (usually none) and the article's metadata |
//! | `aa2.ann.<doc id>.<annotation id>` | one [`Annotation`] as in a native export |
//! | `aa2.sync.<doc id>` | the tab-sync [`Marks`] |
//! | `aa2.search.<doc id>` | the search index of the document's text (`crate::search`): postings only, rebuilt when missing or made from another text |
//! | `aa2.current` | the id of the document open last |
//! | `aa2.unreadable.<n>` | a byte-for-byte copy of a value that could not be read |
//!
//! A save writes the meta record last, so a document whose meta record is missing was
//! never completely written (a move or first save cut short) and is not listed.

use serde::{Deserialize, Serialize};

use crate::doc_link::DocLink;
use crate::formats::native::{CREATORS_SINCE, CURRENT_SHAPE_SINCE, META_SINCE, schema_of};
use crate::formats::{FORMAT, ImportError, SCHEMA_VERSION};
use crate::meta::ArticleMeta;
use crate::model::{Annotation, AnnotationId, Conflict, Workspace};
use crate::sync::Marks;
use crate::tagset::{Tag, TagSet};

/// Starts every key of this layout.
pub const PREFIX: &str = "aa2.";
/// Prefix of the document (text) records.
pub const DOC_PREFIX: &str = "aa2.doc.";
/// Prefix of the meta records.
pub const META_PREFIX: &str = "aa2.meta.";
/// Prefix of the annotation records.
pub const ANN_PREFIX: &str = "aa2.ann.";
/// Prefix of the tab-sync records.
pub const SYNC_PREFIX: &str = "aa2.sync.";
/// Prefix of the search index records (one per document, of its text).
pub const SEARCH_PREFIX: &str = "aa2.search.";
/// The id of the document this browser had open last.
pub const CURRENT_KEY: &str = "aa2.current";
/// Prefix of the backups of unreadable values, each under its own number.
pub const BACKUP_PREFIX: &str = "aa2.unreadable.";
/// Written and removed at start-up to learn whether the store takes writes.
pub const PROBE_KEY: &str = "aa2.probe";

/// The key of document `id`'s text record.
pub fn doc_key(id: AnnotationId) -> String {
    format!("{DOC_PREFIX}{id}")
}

/// The key of document `id`'s meta record.
pub fn meta_key(id: AnnotationId) -> String {
    format!("{META_PREFIX}{id}")
}

/// The key of document `id`'s tab-sync marks.
pub fn sync_key(id: AnnotationId) -> String {
    format!("{SYNC_PREFIX}{id}")
}

/// The key of the search index record of document `id`'s text.
pub fn search_key(id: AnnotationId) -> String {
    format!("{SEARCH_PREFIX}{id}")
}

/// What every annotation key of document `id` starts with.
pub fn ann_prefix(id: AnnotationId) -> String {
    format!("{ANN_PREFIX}{id}.")
}

/// The key of annotation `ann` of document `id`.
pub fn ann_key(id: AnnotationId, ann: AnnotationId) -> String {
    format!("{ANN_PREFIX}{id}.{ann}")
}

/// The key of backup number `n` (zero-padded, so the keys sort in the order they were made).
pub fn backup_key(n: u64) -> String {
    format!("{BACKUP_PREFIX}{n:06}")
}

/// The document id a key of `prefix` names (`None`: not such a key, or not an id).
pub fn id_after(key: &str, prefix: &str) -> Option<AnnotationId> {
    key.strip_prefix(prefix)?.parse().ok()
}

/// The annotation id in an annotation key of document `id`.
pub fn ann_id(key: &str, id: AnnotationId) -> Option<AnnotationId> {
    id_after(key, &ann_prefix(id))
}

/// The article: written when a document is first saved or its text (or links) change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocRecord {
    /// The native format's schema version this record follows: the oldest that holds it,
    /// 4 with links, else 3, as a native file says (so the release before links, which
    /// takes an unknown field for damage, leaves a record with links alone as newer).
    pub schema_version: u32,
    /// The article's text, with `\n` line endings.
    pub text: String,
    /// Hex SHA-256 of the UTF-8 text, as in a native export.
    pub sha256: String,
    /// The article's links, as in a native export's document (since schema 4; left out
    /// when there are none, and none when missing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<DocLink>,
}

/// What changes on every save, kept small: the title, the tab-sync revision, the tag set,
/// and what the Library list shows (derived from the annotations when saved, and the
/// article's metadata, kept here beside the title it belongs with); and the
/// conflicts a merge left until they are resolved (a few, and then none: kept here rather
/// than in records of their own, so that renaming, deleting, restoring and moving a
/// document carry them without knowing of them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaRecord {
    /// The oldest schema that holds this record: 3, as its shape has not changed since,
    /// so the release before links still lists, renames and reads it; 5 with conflicts
    /// or creators; 6 with metadata.
    pub schema_version: u32,
    /// The tab-sync counter: higher is newer.
    pub revision: u64,
    /// The document's title.
    pub title: String,
    /// The document's tags and entity types.
    pub tagset: TagSet,
    /// The latest `modified` time of any annotation (RFC 3339), `None` without annotations.
    pub updated: Option<String>,
    /// Annotations per tag key, in the tag set's order.
    pub counts: Vec<(Tag, usize)>,
    /// The workspace's conflicts, as in a native export (since schema 5; left out when
    /// there are none, and none when missing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// The article's metadata, as a native export's document's `meta` (since schema 6;
    /// left out when there is none, and none when missing).
    #[serde(default, skip_serializing_if = "ArticleMeta::is_empty")]
    pub article: ArticleMeta,
}

/// Just the schema version, read before anything else so a newer record is never
/// mistaken for a damaged one.
#[derive(Deserialize)]
struct Version {
    schema_version: u64,
}

/// Reads a record's schema version: `NewerSchema` when it is past this app's.
pub fn check_version(raw: &str) -> Result<(), ImportError> {
    let v: Version = serde_json::from_str(raw).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if v.schema_version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerSchema { found: v.schema_version });
    }
    Ok(())
}

/// Parses a record of type `T`, after checking its schema version.
pub fn parse<T: for<'de> Deserialize<'de>>(raw: &str) -> Result<T, ImportError> {
    check_version(raw)?;
    serde_json::from_str(raw).map_err(|e| ImportError::Shape(e.to_string()))
}

/// `ws`'s text record.
pub fn doc_record(ws: &Workspace) -> String {
    let record = DocRecord {
        schema_version: schema_of(&ws.document),
        text: ws.document.text().to_owned(),
        sha256: ws.document.sha256(),
        links: ws.document.links().to_vec(),
    };
    serde_json::to_string(&record).expect("plain data always serialises")
}

/// What the Library's list shows of a document's annotations: the latest change and the
/// count per tag (part of the meta record).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The latest `modified` time of any annotation (RFC 3339), `None` without annotations.
    pub updated: Option<String>,
    /// Annotations per tag key, in the tag set's order.
    pub counts: Vec<(Tag, usize)>,
}

impl Summary {
    /// Counted from every annotation of `ws`.
    pub fn of(ws: &Workspace) -> Self {
        Self { updated: ws.updated().map(str::to_owned), counts: ws.counts() }
    }
}

/// `ws`'s meta record as of `revision`.
pub fn meta_record(ws: &Workspace, revision: u64) -> MetaRecord {
    meta_record_with(ws, revision, Summary::of(ws))
}

/// `ws`'s meta record as of `revision`, with its summary already worked out.
pub fn meta_record_with(ws: &Workspace, revision: u64, summary: Summary) -> MetaRecord {
    let conflicts: Vec<Conflict> =
        ws.conflicts().iter().filter(|c| ws.get(c.ours).is_some()).cloned().collect();
    MetaRecord {
        // 5 once a creator or a conflict is here: the release before would read the
        // annotations' creators without a word and drop them as it saved; a newer record
        // it leaves alone.
        // 6 with metadata, for the same reason: the release before would set the record
        // aside as damaged.
        schema_version: if !ws.document.meta().is_empty() {
            META_SINCE
        } else if conflicts.is_empty() && ws.annotations().iter().all(|a| a.creator.is_none()) {
            CURRENT_SHAPE_SINCE
        } else {
            CREATORS_SINCE
        },
        revision,
        title: ws.document.title().to_owned(),
        tagset: (**ws.tagset()).clone(),
        updated: summary.updated,
        counts: summary.counts,
        conflicts,
        article: ws.document.meta().clone(),
    }
}

/// Serialises any record.
pub fn to_json<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).expect("plain data always serialises")
}

/// A native export (`storage_json`'s shape) put together from records, for the native
/// importer to validate: `annotations` are annotation records already known to parse, so
/// splicing them in keeps the file one JSON value.
pub fn native_json(meta: &MetaRecord, doc: &DocRecord, annotations: &[&str]) -> String {
    let mut document = serde_json::json!({ "title": meta.title, "text": doc.text, "sha256": doc.sha256 });
    if !doc.links.is_empty() {
        document["links"] = serde_json::json!(doc.links);
    }
    if !meta.article.is_empty() {
        document["meta"] = serde_json::json!(meta.article);
    }
    let head = serde_json::json!({
        "format": FORMAT,
        "schema_version": doc.schema_version.min(meta.schema_version),
        "revision": meta.revision,
        "document": document,
        "tagset": meta.tagset,
    });
    let mut head = head;
    if !meta.conflicts.is_empty() {
        head["conflicts"] = serde_json::json!(meta.conflicts);
    }
    let head = head.to_string();
    let mut out =
        String::with_capacity(head.len() + annotations.iter().map(|a| a.len() + 1).sum::<usize>() + 20);
    out.push_str(head.strip_suffix('}').expect("an object ends with }"));
    out.push_str(",\"annotations\":[");
    out.push_str(&annotations.join(","));
    out.push_str("]}");
    out
}

/// Parses an annotation record found under the key of annotation `expected`.
pub fn parse_annotation(raw: &str, expected: AnnotationId) -> Result<Annotation, ImportError> {
    let a: Annotation = serde_json::from_str(raw).map_err(|e| ImportError::Shape(e.to_string()))?;
    if a.id != expected {
        return Err(ImportError::Shape(format!("the annotation's id {} is not its key's {expected}", a.id)));
    }
    Ok(a)
}

/// Parses tab-sync marks (`Shape` when damaged).
pub fn parse_marks(raw: &str) -> Result<Marks, ImportError> {
    serde_json::from_str(raw).map_err(|e| ImportError::Shape(e.to_string()))
}

/// A document in the library, as the Library list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSummary {
    /// The document's id in the library.
    pub id: AnnotationId,
    /// Empty when `damaged`.
    pub title: String,
    /// The latest change to any annotation (RFC 3339), `None` without annotations.
    pub updated: Option<String>,
    /// Annotations per tag, by the tag's label, in the tag set's order.
    pub counts: Vec<(String, usize)>,
    /// The article's metadata (its site, authors, date, URL, when it was added; empty
    /// when unknown or `damaged`).
    pub meta: ArticleMeta,
    /// The tab-sync revision it was saved at: it changes with every save of it, so a
    /// reader of the whole library (search) knows what to read again.
    pub revision: u64,
    /// Its meta record could not be read: title and counts are unknown until it is opened
    /// (which keeps the record aside).
    pub damaged: bool,
}

impl DocSummary {
    /// The list's row for a meta record.
    pub fn from_meta(id: AnnotationId, meta: MetaRecord) -> Self {
        let counts = meta.counts.iter().map(|(tag, n)| (meta.tagset.label(*tag), *n)).collect();
        let (title, updated, revision) = (meta.title, meta.updated, meta.revision);
        Self { id, title, updated, counts, meta: meta.article, revision, damaged: false }
    }

    /// The list's row for a document whose meta record is unreadable.
    pub fn damaged(id: AnnotationId) -> Self {
        Self {
            id,
            title: String::new(),
            updated: None,
            counts: Vec::new(),
            meta: ArticleMeta::default(),
            revision: 0,
            damaged: true,
        }
    }
}

/// Most recently changed first (no annotations last), then by title: the list's order.
pub fn sort_summaries(docs: &mut [DocSummary]) {
    docs.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.title.cmp(&b.title)));
}

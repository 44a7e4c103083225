//! The native JSON format: what is exported, imported, and saved in the browser.
//! One format for all three, so what the app saves is always something it can import.
//!
//! Export is deterministic (fixed field order, document order, pretty-printed), so
//! export → import → export gives the same bytes. Import checks each annotation on its
//! own: bad ones are skipped and reported, the rest still come in.

use super::error::{FORMAT, ImportError, SCHEMA_VERSION};
use super::imported::{FileTags, Imported, SkipReason, Skipped};
use super::report::ImportReport;
use super::schema::schema_of_file;
/// Kept here, where the library first found them.
pub(crate) use super::schema::{CREATORS_SINCE, CURRENT_SHAPE_SINCE, META_SINCE, schema_of};
use super::{migrate, without_bom};
use crate::anchor::search;
use crate::doc_link::DocLink;
use crate::meta::ArticleMeta;
use crate::model::{Annotation, AnnotationId, Conflict, Document, Workspace};
use crate::span::{SpanError, check_range};
use crate::tagset::TagSet;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;
use std::rc::Rc;

/// `L` and `M`: a link and the metadata as read (`DocLink` and `ArticleMeta`, or `Value`s
/// to check on their own).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDocument<L, M> {
    title: String,
    text: String,
    sha256: String,
    /// Since schema 4, and left out when there are none (see `schema_of`). (`Vec::new`
    /// rather than `default`, which would ask every `L` to have a default.)
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    links: Vec<L>,
    /// Since schema 6, and left out when there is none.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    meta: Option<M>,
}

/// `A`, `L` and `C`: annotations, links and conflicts as read (typed, or `Value`s to check
/// one by one).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File<A, L, C, M> {
    format: String,
    schema_version: u32,
    /// Only in what the browser saves: a counter that lets tabs tell newer from older.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    document: FileDocument<L, M>,
    /// The document's tags (names, colours, keys) and entity types. Files from before
    /// schema 3, and hand-written ones, have none: they name tags by key only.
    #[serde(default)]
    tagset: Option<TagSet>,
    annotations: Vec<A>,
    /// Since schema 5, and left out when there are none: what merges recorded where a
    /// colleague's version of an annotation differs (`{"ours": id, "theirs": annotation}`).
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<C>,
}

fn to_json(ws: &Workspace, revision: Option<u64>) -> String {
    // Exports are pretty for people and diffs; storage is compact, as it counts against a
    // ~5 M character quota (10,000 spans: 3.9 M compact, 5.0 M pretty).
    let doc = &ws.document;
    let file = File {
        format: FORMAT.to_owned(),
        schema_version: schema_of_file(ws),
        revision,
        document: FileDocument {
            title: doc.title().to_owned(),
            text: doc.text().to_owned(),
            sha256: doc.sha256(),
            links: doc.links().to_vec(),
            meta: Some(doc.meta()).filter(|m| !m.is_empty()),
        },
        tagset: Some((**ws.tagset()).clone()),
        annotations: ws.annotations().to_vec(),
        conflicts: ws.conflicts().iter().filter(|c| ws.get(c.ours).is_some()).collect(),
    };
    if revision.is_some() {
        return serde_json::to_string(&file).expect("plain data always serialises");
    }
    let mut out = serde_json::to_string_pretty(&file).expect("plain data always serialises");
    out.push('\n');
    out
}

/// Serialises a workspace as a native export.
pub fn export_json(ws: &Workspace) -> String {
    to_json(ws, None)
}

/// Serialises a workspace for browser storage, with the tab-sync revision.
pub fn storage_json(ws: &Workspace, revision: u64) -> String {
    to_json(ws, Some(revision))
}

/// Reads a native export (of this or an older schema version).
pub fn import_json(input: &str) -> Result<Imported, ImportError> {
    let input = without_bom(input);
    // The usual case, a sound file of the current schema, is read straight into its types
    // (twice as fast on a book with 10,000 annotations). Anything else takes the path
    // through `Value`, which upgrades old schemas and reports each bad item on its own.
    if let Ok(file) = serde_json::from_str::<File<Annotation, DocLink, Conflict, ArticleMeta>>(input) {
        if file.format == FORMAT && (CURRENT_SHAPE_SINCE..=SCHEMA_VERSION).contains(&file.schema_version) {
            let FileDocument { title, text, sha256, links, meta } = file.document;
            let mut report = Report::for_document(&title, &text, &sha256, file.tagset);
            report.add_meta(meta, Ok);
            for (i, a) in file.annotations.into_iter().enumerate() {
                report.add_checked(i + 1, a);
            }
            report.add_links(links, Ok);
            report.add_conflicts(file.conflicts, Ok);
            return Ok(report.finish(file.revision));
        }
    }
    let mut value: Value = serde_json::from_str(input).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::Foreign);
    }
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError::Shape("`schema_version` is missing or not a whole number".to_owned()))?;
    migrate::upgrade(&mut value, version)?;
    let file: File<Value, Value, Value, Value> =
        serde_json::from_value(value).map_err(|e| ImportError::Shape(e.to_string()))?;
    let FileDocument { title, text, sha256, links, meta } = file.document;
    let mut report = Report::for_document(&title, &text, &sha256, file.tagset);
    report.add_meta(meta, |m| serde_json::from_value(m).map_err(|e| e.to_string()));
    for (i, item) in file.annotations.into_iter().enumerate() {
        report.add(i + 1, item);
    }
    report.add_links(links, |link| serde_json::from_value(link).map_err(|e| e.to_string()));
    report.add_conflicts(file.conflicts, |c| serde_json::from_value(c).map_err(|e| e.to_string()));
    Ok(report.finish(file.revision))
}

/// A document already read into its parts (the library's records, each parsed on its
/// own, of the current shape), to be checked exactly as a native file of them is, without
/// writing that file and reading it again: on a book that round trip was most of a reopen.
pub(crate) struct Parts<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub sha256: &'a str,
    pub links: Vec<DocLink>,
    pub meta: ArticleMeta,
    pub tagset: TagSet,
    pub annotations: Vec<Annotation>,
    pub conflicts: Vec<Conflict>,
    pub revision: u64,
}

/// Checks `parts` as `import_json` checks a file of them (see [`Parts`]).
pub(crate) fn import_parts(parts: Parts) -> Imported {
    let mut report = Report::for_document(parts.title, parts.text, parts.sha256, Some(parts.tagset));
    report.add_meta(Some(parts.meta), Ok);
    for (i, a) in parts.annotations.into_iter().enumerate() {
        report.add_checked(i + 1, a);
    }
    report.add_links(parts.links, Ok);
    report.add_conflicts(parts.conflicts, Ok);
    report.finish(Some(parts.revision))
}

/// A native file's import: the shared [`ImportReport`], and what only this format has
/// (its own document, tag set and links, and whether positions can be trusted).
struct Report {
    document: Document,
    tagset: TagSet,
    tags: FileTags,
    intact: bool,
    links: Vec<DocLink>,
    meta: ArticleMeta,
    conflicts: Vec<Conflict>,
    report: ImportReport,
}

impl Report {
    fn for_document(title: &str, text: &str, sha256: &str, tagset: Option<TagSet>) -> Self {
        let document = Document::new(title, text);
        // Positions are only trusted for the very text they were made on.
        let intact = document.text() == text && document.sha256() == sha256;
        let mut report = Self {
            document,
            tagset: TagSet::default(),
            tags: FileTags::Named,
            intact,
            links: Vec::new(),
            meta: ArticleMeta::default(),
            conflicts: Vec::new(),
            report: ImportReport::default(),
        };
        match tagset.map(|t| t.check().map(|()| t)) {
            Some(Ok(tagset)) => (report.tagset, report.tags) = (tagset, FileTags::Defined),
            Some(Err(why)) => report.report.skip(Skipped::TagSet(why)),
            None => {}
        }
        report
    }

    /// Takes the article's metadata, read by `read`; when it cannot be, the article comes
    /// in without it, and the report says so.
    fn add_meta<M>(&mut self, meta: Option<M>, read: impl Fn(M) -> Result<ArticleMeta, String>) {
        match meta.map(read) {
            Some(Ok(meta)) => self.meta = meta,
            Some(Err(why)) => self.report.skip(Skipped::Meta(why)),
            None => {}
        }
    }

    fn add(&mut self, n: usize, item: Value) {
        match serde_json::from_value(item) {
            Ok(a) => self.add_checked(n, a),
            Err(why) => self.report.skip_annotation(n, SkipReason::Unreadable(why.to_string())),
        }
    }

    fn add_checked(&mut self, n: usize, a: Annotation) {
        if let Err(why) = self.check(a) {
            self.report.skip_annotation(n, why);
        }
    }

    /// Keeps `a` (as it is, moved or orphaned) or says why not.
    fn check(&mut self, a: Annotation) -> Result<(), SkipReason> {
        self.report.first_sight(a.id)?;
        match self.place(a)? {
            (a, Placed::There) => self.report.keep(a),
            (a, Placed::Moved) => self.report.keep_moved(a),
            (a, Placed::Orphan) => self.report.keep_orphan(a),
        }
        Ok(())
    }

    /// `a` where it is in the text (as the file says, found again by its quote, or an
    /// orphan), or why it cannot be kept.
    fn place(&self, a: Annotation) -> Result<(Annotation, Placed), SkipReason> {
        for (field, value) in [("created", &a.created), ("modified", &a.modified)] {
            if humantime::parse_rfc3339_weak(value).is_err() {
                return Err(SkipReason::NotATime { field, value: value.clone() });
            }
        }
        let doc = &self.document;
        if a.orphan {
            return Ok((a.orphaned(doc), Placed::Orphan));
        }
        if !self.intact {
            return Ok(match search(doc, &a, a.start) {
                Some(r) if r == a.range() => (a, Placed::There),
                Some(r) => (a.anchored_at(doc, r), Placed::Moved),
                None => (a.orphaned(doc), Placed::Orphan),
            });
        }
        let (start, end) = (a.start, a.end);
        check_range(doc, &a.range()).map_err(|e| match e {
            SpanError::EmptyRange => SkipReason::EmptyRange { start, end },
            SpanError::PastEnd { end, len } => SkipReason::PastEnd { end, len },
            SpanError::SplitsGrapheme { at } => SkipReason::SplitsCharacter { at },
        })?;
        if doc.slice(start, end) != a.exact {
            return Err(SkipReason::QuoteMismatch { start, end });
        }
        Ok((a, Placed::There))
    }

    /// Checks the conflicts, each read by `read` (numbered from 1 in the report), once the
    /// annotations are in: each must name one of them, once, and their version must fit
    /// the text as an annotation must (found again by its quote on an edited text).
    fn add_conflicts<C>(&mut self, conflicts: Vec<C>, read: impl Fn(C) -> Result<Conflict, String>) {
        if conflicts.is_empty() {
            return;
        }
        let kept: HashSet<AnnotationId> = self.report.kept_mut().iter().map(|a| a.id).collect();
        let mut named = HashSet::new();
        for (i, c) in conflicts.into_iter().enumerate() {
            let checked = read(c).map_err(SkipReason::Unreadable).and_then(|c| {
                if !kept.contains(&c.ours) {
                    return Err(SkipReason::NoSuchAnnotation(c.ours));
                }
                if !named.insert(c.ours) {
                    return Err(SkipReason::RepeatsId(c.ours));
                }
                let (theirs, _) = self.place(Rc::unwrap_or_clone(c.theirs))?;
                Ok(Conflict { ours: c.ours, theirs: Rc::new(theirs) })
            });
            match checked {
                Ok(c) => self.conflicts.push(c),
                Err(reason) => self.report.skip(Skipped::Conflict { index: i + 1, reason }),
            }
        }
    }

    /// Checks the document's links, each read by `read` (numbered from 1 in the report).
    /// Unlike an annotation, a link has no quote to be found again by: on a text edited
    /// since (not `intact`) none of them is kept, as their places are unknown.
    fn add_links<L>(&mut self, links: Vec<L>, read: impl Fn(L) -> Result<DocLink, String>) {
        if links.is_empty() {
            return;
        }
        if !self.intact {
            self.report.skip(Skipped::LinksOnEarlierText { count: links.len() });
            return;
        }
        let len = self.document.char_len();
        for (i, link) in links.into_iter().enumerate() {
            let checked = read(link).map_err(SkipReason::Unreadable).and_then(|l| {
                if l.start >= l.end {
                    Err(SkipReason::EmptyRange { start: l.start, end: l.end })
                } else if l.end > len {
                    Err(SkipReason::PastEnd { end: l.end, len })
                } else {
                    Ok(l)
                }
            });
            match checked {
                Ok(link) => self.links.push(link),
                Err(reason) => self.report.skip(Skipped::Link { index: i + 1, reason }),
            }
        }
    }

    fn finish(self, revision: Option<u64>) -> Imported {
        let Self { document, tagset, tags, links, meta, conflicts, report, .. } = self;
        report.finish(tags, revision, |kept| {
            let ids: HashSet<AnnotationId> = kept.iter().map(|a| a.id).collect();
            // Their links, as the annotations', only to annotations that came in.
            let conflicts = conflicts.into_iter().map(|mut c| {
                if c.theirs.sources.iter().any(|s| !ids.contains(s)) {
                    Rc::make_mut(&mut c.theirs).sources.retain(|s| ids.contains(s));
                }
                c
            });
            let document = document.with_links(links).with_meta(meta);
            Workspace::with_annotations(document, kept, tagset).with_conflicts(conflicts)
        })
    }
}

/// Where [`Report::place`] put an annotation.
enum Placed {
    /// Where the file says.
    There,
    /// Found again by its quote elsewhere.
    Moved,
    /// Its quote is not in the text.
    Orphan,
}

#[cfg(test)]
#[path = "native_conflict_tests.rs"]
mod conflict_tests;
#[cfg(test)]
#[path = "native_creator_tests.rs"]
mod creator_tests;
#[cfg(test)]
#[path = "native_links_tests.rs"]
mod links_tests;
#[cfg(test)]
#[path = "native_meta_tests.rs"]
mod meta_tests;
#[cfg(test)]
#[path = "native_tests.rs"]
mod tests;

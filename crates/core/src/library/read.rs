//! Reading a document back from its records, through the native importer's validation,
//! and keeping unreadable values aside on the way.

use std::collections::{HashMap, HashSet};

use super::error::{Kept, LibraryError, Problem};
use super::records::{
    self, BACKUP_PREFIX, DocRecord, MetaRecord, ann_id, ann_prefix, backup_key, doc_key, meta_key, sync_key,
};
use super::store::{Store, StoreError, Write};
use crate::formats::native::{CURRENT_SHAPE_SINCE, Parts, import_parts};
use crate::formats::skipped_lines;
use crate::formats::{ImportError, SCHEMA_VERSION, Skipped, import_json};
use crate::meta::ArticleMeta;
use crate::model::{Annotation, AnnotationId, Workspace};
use crate::sync::Marks;
use crate::tagset::TagSet;

/// A document read from storage.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    /// The document's id in the library (a v4 UUID, like an annotation's).
    pub id: AnnotationId,
    /// What was saved, checked as an import is.
    pub workspace: Workspace,
    /// The tab-sync revision it was saved as (0 if never counted).
    pub revision: u64,
    /// The tab-sync marks saved beside it (empty if none were).
    pub marks: Marks,
    /// What was found on the way (unreadable records kept aside or left in place).
    pub problems: Vec<Problem>,
    /// Annotations found again by their quote because the stored text differed.
    pub moved: usize,
    /// Annotations whose quote is no longer in the text, kept as orphans.
    pub orphaned: usize,
}

/// A read, with what the library needs to save the document later.
pub(crate) struct Read {
    pub loaded: Loaded,
    /// The stored annotations that the workspace holds unchanged (the rest differ from
    /// their records, which the next save rewrites).
    pub same: Vec<AnnotationId>,
    /// Whether the text record holds the workspace's text and links as they are.
    pub doc_same: bool,
    /// The meta record as read, if it was readable.
    pub meta_raw: Option<String>,
    /// Keys of unreadable values that could not be copied aside: never to be written.
    pub not_kept: Vec<String>,
}

/// The next free backup number in `store`.
fn next_backup(store: &dyn Store) -> Result<u64, StoreError> {
    let taken = store.keys(BACKUP_PREFIX)?;
    Ok(taken
        .iter()
        .filter_map(|k| k.strip_prefix(BACKUP_PREFIX)?.parse::<u64>().ok())
        .max()
        .map_or(0, |n| n + 1))
}

/// Copies the value under `key` byte for byte to a backup key of its own, never one
/// already used; the original is left where it is. Returns the backup's key.
pub fn back_up(store: &mut dyn Store, key: &str) -> Result<String, StoreError> {
    let backup = backup_key(next_backup(store)?);
    store.copy(key, &backup)?;
    Ok(backup)
}

/// Moves the value under `key` to a backup key of its own: the original is removed only
/// once the copy is made. Reports where it is.
pub fn set_aside(store: &mut dyn Store, key: &str) -> Kept {
    match back_up(store, key) {
        Ok(backup) => {
            // If this removal fails the value is simply found (and copied) again next time.
            let _ = store.commit(vec![Write::Delete { key: key.to_owned() }]);
            Kept::Aside { backup }
        }
        Err(error) => Kept::NotKept { error },
    }
}

/// Every backup key in `store`, oldest first (for the app to offer them for download).
pub fn backups(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    store.keys(BACKUP_PREFIX)
}

/// Sets aside an unreadable value, noting the problem and, if it could not be copied,
/// its key as one never to write.
struct Damage<'a> {
    store: &'a mut dyn Store,
    problems: Vec<Problem>,
    not_kept: Vec<String>,
}

impl Damage<'_> {
    fn found(&mut self, key: &str, error: ImportError) -> bool {
        let kept = set_aside(self.store, key);
        let aside = kept.is_aside();
        if !aside {
            self.not_kept.push(key.to_owned());
        }
        self.problems.push(Problem::Unreadable { key: key.to_owned(), error, kept });
        aside
    }

    /// `found` for a record that stays where it is (the text record: the document cannot
    /// do without it) and that the next save rewrites without what could not be read:
    /// copied aside first, or, if it cannot be, never written.
    fn copied(&mut self, key: &str, error: ImportError) {
        let kept = match back_up(self.store, key) {
            Ok(backup) => Kept::Aside { backup },
            Err(error) => {
                self.not_kept.push(key.to_owned());
                Kept::NotKept { error }
            }
        };
        self.problems.push(Problem::Unreadable { key: key.to_owned(), error, kept });
    }
}

/// The meta record of a document whose own one was unreadable.
fn default_meta() -> MetaRecord {
    MetaRecord {
        schema_version: SCHEMA_VERSION,
        revision: 0,
        title: String::new(),
        tagset: TagSet::default(),
        updated: None,
        counts: Vec::new(),
        conflicts: Vec::new(),
        article: ArticleMeta::default(),
    }
}

/// Reads document `id` from `store`, setting aside (byte for byte, each under its own
/// backup key) every record it cannot read. A document saved by a newer version is not
/// touched at all.
pub(crate) fn read(store: &mut dyn Store, id: AnnotationId) -> Result<Read, LibraryError> {
    let (meta_k, doc_k) = (meta_key(id), doc_key(id));
    let meta_raw = store.get(&meta_k)?.ok_or(LibraryError::Missing(id))?;
    let doc_raw = store.get(&doc_k)?.ok_or(LibraryError::Missing(id))?;
    for raw in [&meta_raw, &doc_raw] {
        if let Err(ImportError::NewerSchema { found }) = records::check_version(raw) {
            return Err(LibraryError::Newer { id, found });
        }
    }
    let mut damage = Damage { store, problems: Vec::new(), not_kept: Vec::new() };
    let doc: DocRecord = match records::parse(&doc_raw) {
        Ok(doc) => doc,
        Err(error) => {
            // Without its text a document cannot be shown; its annotations stay stored.
            let kept = set_aside(damage.store, &doc_k);
            return Err(LibraryError::Unreadable { key: doc_k, error, kept: Some(kept) });
        }
    };
    let (meta, mut meta_ok) = match records::parse::<MetaRecord>(&meta_raw) {
        Ok(meta) => (meta, true),
        Err(error) => {
            damage.found(&meta_k, error);
            (default_meta(), false)
        }
    };
    let mut anns: Vec<(String, String, Annotation)> = Vec::new();
    for key in damage.store.keys(&ann_prefix(id))? {
        let Some(raw) = damage.store.get(&key)? else { continue };
        let parsed = match ann_id(&key, id) {
            Some(ann) => records::parse_annotation(&raw, ann),
            None => Err(ImportError::Shape("the key names no annotation id".to_owned())),
        };
        match parsed {
            Ok(a) => anns.push((key, raw, a)),
            Err(error) => {
                damage.found(&key, error);
            }
        }
    }
    let current = |v: u32| v >= CURRENT_SHAPE_SINCE; // `check_version` refused newer ones
    let imported = if current(doc.schema_version) && current(meta.schema_version) {
        import_parts(Parts {
            title: &meta.title,
            text: &doc.text,
            sha256: &doc.sha256,
            links: doc.links.clone(),
            meta: meta.article.clone(),
            tagset: meta.tagset.clone(),
            annotations: anns.iter().map(|(_, _, a)| a.clone()).collect(),
            conflicts: meta.conflicts.clone(),
            revision: meta.revision,
        })
    } else {
        // Records of an older schema: the native importer upgrades them as it would a file.
        let raws: Vec<&str> = anns.iter().map(|(_, raw, _)| raw.as_str()).collect();
        let native = records::native_json(&meta, &doc, &raws);
        import_json(&native).map_err(|error| LibraryError::Unreadable {
            key: doc_k.clone(),
            error,
            kept: None,
        })?
    };
    let kept_ids: HashSet<AnnotationId> = imported.workspace.annotations().iter().map(|a| a.id).collect();
    let (link_items, other_items): (Vec<Skipped>, Vec<Skipped>) = imported
        .skipped
        .iter()
        .cloned()
        .partition(|s| matches!(s, Skipped::Link { .. } | Skipped::LinksOnEarlierText { .. }));
    if !link_items.is_empty() {
        // The links left out are in the text record, which the next save rewrites.
        damage.copied(&doc_k, ImportError::Shape(skipped_lines(&link_items)));
    }
    let (conflict_items, other_items): (Vec<Skipped>, Vec<Skipped>) =
        other_items.into_iter().partition(|s| matches!(s, Skipped::Conflict { .. }));
    if !conflict_items.is_empty() && meta_ok {
        // As the links: the meta record holding them stays, copied aside first, as the
        // next save rewrites it without them (a conflict whose annotation was left out,
        // most often, which then has nothing to be resolved against).
        damage.copied(&meta_k, ImportError::Shape(skipped_lines(&conflict_items)));
    }
    for item in &other_items {
        let line = item.to_string();
        let index = match item {
            Skipped::Annotation { index, .. } => Some(*index),
            _ => None,
        };
        match index.and_then(|n| anns.get(n.wrapping_sub(1))) {
            Some((key, _, _)) => {
                let key = key.clone();
                damage.found(&key, ImportError::Shape(line));
            }
            // Not an annotation: the tag set, replaced by the defaults. The meta record
            // holding it is kept aside before the next save rewrites it.
            None if meta_ok => {
                meta_ok = false;
                damage.found(&meta_k, ImportError::Shape(line));
            }
            None => {}
        }
    }
    let marks = match damage.store.get(&sync_key(id))? {
        None => Marks::default(),
        Some(raw) => records::parse_marks(&raw).unwrap_or_else(|error| {
            damage.found(&sync_key(id), error);
            Marks::default()
        }),
    };
    let ws = &imported.workspace;
    // By id, not `Workspace::get` (a scan): a book has thousands of annotations.
    let loaded: HashMap<AnnotationId, &Annotation> = ws.annotations().iter().map(|a| (a.id, &**a)).collect();
    let same = anns
        .iter()
        .filter(|(_, _, a)| kept_ids.contains(&a.id) && loaded.get(&a.id) == Some(&a))
        .map(|(_, _, a)| a.id)
        .collect();
    let Damage { problems, not_kept, .. } = damage;
    Ok(Read {
        doc_same: ws.document.text() == doc.text && ws.document.links() == doc.links,
        same,
        meta_raw: meta_ok.then_some(meta_raw),
        not_kept,
        loaded: Loaded {
            id,
            revision: meta.revision,
            workspace: imported.workspace,
            marks,
            problems,
            moved: imported.moved,
            orphaned: imported.orphaned,
        },
    })
}

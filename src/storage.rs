//! The `localStorage` adapter: versioned (the saved value is a native export with
//! `schema_version`, plus a `revision` for tab sync) and failure-aware — it never
//! overwrites data it could not read, and says why a save failed.

use annotator_core::{
    AnnotationId, ImportError, Imported, Marks, Tag, TagSet, Workspace, import_json, storage_json,
};
use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// Each document is kept under this prefix and its id, so saving one never rewrites another.
pub const DOC_PREFIX: &str = "article-annotator.doc.";
/// Beside each document, what tab sync needs: which annotations were deleted, and when.
pub const SYNC_PREFIX: &str = "article-annotator.sync.";
/// The id of the document this browser had open last.
pub const CURRENT_KEY: &str = "article-annotator.current";
/// Where the first version of the app kept its single workspace (moved into the library).
pub const LEGACY_KEY: &str = "article-annotator.workspace";
/// Where unreadable data found under a document's key is moved, so it is never overwritten.
pub const BACKUP_KEY: &str = "article-annotator.workspace.unreadable";
/// Small preferences (word snapping).
pub const PREFS_KEY: &str = "article-annotator.prefs";
const PROBE_KEY: &str = "article-annotator.probe";
/// Browsers give an origin about 5 million UTF-16 characters of `localStorage`.
pub const QUOTA_CHARS: f64 = 5_000_000.0;

/// Why saving or loading failed.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum StorageError {
    /// The browser refuses storage (private mode, blocked site data, a `file:` page).
    #[error("Not saved in this browser — it does not let this page store data. Export to keep your work.")]
    Unavailable,
    /// The quota is used up; what was saved before is still there.
    #[error("Browser storage is full, so your latest changes are not saved. Export to keep your work.")]
    Full,
    /// What was saved could not be read; it was moved aside and kept.
    #[error(
        "Saved work could not be read ({0}). It was kept aside: download it below; this tab started afresh."
    )]
    Unreadable(ImportError),
    /// Some saved annotations could not be read; the whole saved value was kept aside.
    #[error(
        "{0} saved annotation(s) could not be read and were left out. The saved data was kept aside: download it below."
    )]
    PartlyUnreadable(usize),
    /// Saved by a newer version of the app: left alone, and this tab does not save.
    #[error(
        "Saved work here comes from a newer version of the app (schema {0}). This tab will not save, so it cannot overwrite it. Export to keep what you do here."
    )]
    Newer(u64),
}

/// The storage key of a document.
pub fn doc_key(id: AnnotationId) -> String {
    format!("{DOC_PREFIX}{id}")
}

fn sync_key(id: AnnotationId) -> String {
    format!("{SYNC_PREFIX}{id}")
}

/// The tab-sync marks saved beside document `id` (none if missing or unreadable: they
/// only refine merging, the document itself is whole without them).
pub fn load_marks(id: AnnotationId) -> Marks {
    local_storage()
        .ok()
        .and_then(|s| s.get_item(&sync_key(id)).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// What was found in storage at start-up: the document to open (`None`: nothing saved yet).
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub id: AnnotationId,
    pub workspace: Option<Workspace>,
    pub revision: u64,
}

fn local_storage() -> Result<Storage, StorageError> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).ok_or(StorageError::Unavailable)
}

/// Checks that storage can actually be written (some browsers hand out a storage object
/// that throws on every write).
pub fn probe() -> Result<(), StorageError> {
    let storage = local_storage()?;
    storage.set_item(PROBE_KEY, "1").map_err(|_| StorageError::Unavailable)?;
    let _ = storage.remove_item(PROBE_KEY);
    Ok(())
}

/// Parses a saved value (also what another tab saved).
pub fn parse(raw: &str) -> Result<Imported, ImportError> {
    import_json(raw)
}

/// Moves the first version's single workspace into the library as document `id`.
fn adopt_legacy(storage: &Storage, id: AnnotationId) -> Option<AnnotationId> {
    let raw = storage.get_item(LEGACY_KEY).ok()??;
    storage.set_item(&doc_key(id), &raw).ok()?;
    let _ = storage.remove_item(LEGACY_KEY);
    Some(id)
}

/// The document to open: the one this browser had open last, else the most recently saved,
/// else `fresh` (a new id, nothing saved). Unreadable data is moved to `BACKUP_KEY` first;
/// data from a newer version is left where it is.
pub fn load(fresh: AnnotationId) -> Result<Loaded, (StorageError, Option<Loaded>)> {
    let storage = local_storage().map_err(|e| (e, None))?;
    let legacy = adopt_legacy(&storage, fresh);
    let id = storage
        .get_item(CURRENT_KEY)
        .ok()
        .flatten()
        .and_then(|id| id.parse().ok())
        .filter(|id| storage.get_item(&doc_key(*id)).ok().flatten().is_some())
        .or(legacy)
        .or_else(|| library().first().map(|d| d.id))
        .unwrap_or(fresh);
    load_doc(&storage, id)
}

/// Reads document `id` (see `load`).
pub fn load_document(id: AnnotationId) -> Result<Loaded, (StorageError, Option<Loaded>)> {
    load_doc(&local_storage().map_err(|e| (e, None))?, id)
}

fn load_doc(storage: &Storage, id: AnnotationId) -> Result<Loaded, (StorageError, Option<Loaded>)> {
    let key = doc_key(id);
    let Some(raw) = storage.get_item(&key).map_err(|_| (StorageError::Unavailable, None))? else {
        return Ok(Loaded { id, workspace: None, revision: 0 });
    };
    let loaded = |workspace, revision: Option<u64>| Loaded { id, workspace, revision: revision.unwrap_or(0) };
    match parse(&raw) {
        Ok(imported) if imported.skipped.is_empty() => {
            Ok(loaded(Some(imported.workspace), imported.revision))
        }
        Ok(imported) => {
            let _ = storage.set_item(BACKUP_KEY, &raw);
            let problem = StorageError::PartlyUnreadable(imported.skipped.len());
            Err((problem, Some(loaded(Some(imported.workspace), imported.revision))))
        }
        Err(ImportError::NewerSchema { found }) => {
            Err((StorageError::Newer(found), Some(loaded(None, None))))
        }
        Err(e) => {
            // Copy first; only remove the original once the copy is certainly there.
            if storage.set_item(BACKUP_KEY, &raw).is_ok() {
                let _ = storage.remove_item(&key);
            }
            Err((StorageError::Unreadable(e), Some(loaded(None, None))))
        }
    }
}

fn is_quota_error(e: &wasm_bindgen::JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22)
}

/// Saves document `id` as `revision`, with its tab-sync marks. `setItem` replaces the
/// value whole or not at all, so a failed save leaves the previous one intact. The marks
/// go first: a tab that hears of the document's save reads them.
pub fn save(id: AnnotationId, ws: &Workspace, revision: u64, marks: &Marks) -> Result<(), StorageError> {
    let storage = local_storage()?;
    let failed = |e: wasm_bindgen::JsValue| {
        if is_quota_error(&e) { StorageError::Full } else { StorageError::Unavailable }
    };
    if *marks != Marks::default() {
        let raw = serde_json::to_string(marks).expect("plain data always serialises");
        storage.set_item(&sync_key(id), &raw).map_err(failed)?;
    }
    storage.set_item(&doc_key(id), &storage_json(ws, revision)).map_err(failed)?;
    let _ = storage.set_item(CURRENT_KEY, &id.to_string());
    Ok(())
}

/// Remembers which document this browser has open, for the next visit.
pub fn set_current(id: AnnotationId) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(CURRENT_KEY, &id.to_string());
    }
}

/// A document in the library, as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct DocSummary {
    pub id: AnnotationId,
    pub title: String,
    /// Latest change to any annotation (or none yet).
    pub updated: Option<String>,
    /// Annotations per tag, by the tag's name, in the tag set's order.
    pub counts: Vec<(String, usize)>,
}

#[derive(serde::Deserialize)]
struct Peek {
    document: PeekDoc,
    /// Absent before schema 3: the default tags.
    #[serde(default)]
    tagset: TagSet,
    annotations: Vec<PeekAnnotation>,
}

#[derive(serde::Deserialize)]
struct PeekDoc {
    title: String,
}

#[derive(serde::Deserialize)]
struct PeekAnnotation {
    tag: Tag,
    modified: String,
}

/// Every saved document, most recently changed first (read without validating each one).
pub fn library() -> Vec<DocSummary> {
    let Ok(storage) = local_storage() else { return Vec::new() };
    let keys: Vec<String> =
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
    let mut docs: Vec<DocSummary> = keys
        .iter()
        .filter_map(|key| {
            let id = key.strip_prefix(DOC_PREFIX)?.parse().ok()?;
            let peek: Peek = serde_json::from_str(&storage.get_item(key).ok()??).ok()?;
            let mut tagset = peek.tagset;
            peek.annotations.iter().for_each(|a| tagset.ensure(a.tag));
            let counts = tagset
                .tags
                .iter()
                .map(|d| (d.label.clone(), peek.annotations.iter().filter(|a| a.tag == d.key).count()))
                .collect();
            let updated = peek.annotations.iter().map(|a| a.modified.clone()).max();
            Some(DocSummary { id, title: peek.document.title, updated, counts })
        })
        .collect();
    docs.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.title.cmp(&b.title)));
    docs
}

/// Removes a document, returning what was stored so that the deletion can be undone.
pub fn delete(id: AnnotationId) -> Option<String> {
    let storage = local_storage().ok()?;
    let raw = storage.get_item(&doc_key(id)).ok()??;
    storage.remove_item(&doc_key(id)).ok()?;
    let _ = storage.remove_item(&sync_key(id));
    Some(raw)
}

/// Puts back a deleted document.
pub fn restore(id: AnnotationId, raw: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(&doc_key(id), raw).map_err(|_| StorageError::Full)
}

/// Renames a saved document that is not open (the open one is renamed through its editor).
pub fn rename(id: AnnotationId, title: &str) -> Result<(), StorageError> {
    let storage = local_storage()?;
    let Some(raw) = storage.get_item(&doc_key(id)).map_err(|_| StorageError::Unavailable)? else {
        return Ok(());
    };
    let mut value: serde_json::Value = serde_json::from_str(&raw).map_err(|_| StorageError::Unavailable)?;
    value["document"]["title"] = title.trim().into();
    storage.set_item(&doc_key(id), &value.to_string()).map_err(|_| StorageError::Full)
}

/// Every document, each as a native export, in one file; the open one (`open`) is taken
/// as it is in memory, since its last change may not be saved yet.
pub fn export_all(open: (AnnotationId, &Workspace)) -> String {
    let saved = local_storage().map(|storage| {
        library()
            .iter()
            .filter(|d| d.id != open.0)
            .filter_map(|d| storage.get_item(&doc_key(d.id)).ok().flatten())
            .filter_map(|raw| import_json(&raw).ok())
            .map(|imported| imported.workspace)
            .collect::<Vec<_>>()
    });
    let docs: Vec<serde_json::Value> = std::iter::once(open.1)
        .chain(saved.iter().flatten())
        .filter_map(|ws| serde_json::from_str(&annotator_core::export_json(ws)).ok())
        .collect();
    let all = serde_json::json!({ "format": "article-annotator-library", "documents": docs });
    serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
}

/// How much of the origin's storage is used, from 0 to 1 (an estimate: keys and values
/// in UTF-16 units against the usual 5 million).
pub fn usage() -> f64 {
    let Ok(storage) = local_storage() else { return 0.0 };
    let n = storage.length().unwrap_or(0);
    let used: usize = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .map(|k| {
            k.encode_utf16().count()
                + storage.get_item(&k).ok().flatten().map_or(0, |v| v.encode_utf16().count())
        })
        .sum();
    used as f64 / QUOTA_CHARS
}

/// The data that was moved aside as unreadable, if any.
pub fn backup() -> Option<String> {
    local_storage().ok()?.get_item(BACKUP_KEY).ok()?
}

/// Reads a preference, `None` when unset or storage is unavailable.
pub fn load_pref(name: &str) -> Option<serde_json::Value> {
    let raw = local_storage().ok()?.get_item(PREFS_KEY).ok()??;
    let prefs: serde_json::Value = serde_json::from_str(&raw).ok()?;
    prefs.get(name).cloned()
}

/// Stores a preference; preferences are best-effort and never worth an error message.
pub fn save_pref(name: &str, value: serde_json::Value) {
    let Ok(storage) = local_storage() else { return };
    let mut prefs = storage
        .get_item(PREFS_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str::<serde_json::Map<_, _>>(&raw).ok())
        .unwrap_or_default();
    prefs.insert(name.to_owned(), value);
    let _ = storage.set_item(PREFS_KEY, &serde_json::Value::Object(prefs).to_string());
}

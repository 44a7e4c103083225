//! The `localStorage` adapter: versioned (the saved value is a native export with
//! `schema_version`, plus a `revision` for tab sync) and failure-aware — it never
//! overwrites data it could not read, and says why a save failed.

use annotator_core::{ImportError, Imported, Workspace, import_json, storage_json};
use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// Where the workspace is kept.
pub const KEY: &str = "article-annotator.workspace";
/// Where unreadable data found under `KEY` is moved, so that it is never overwritten.
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

/// What was found in storage at start-up.
#[derive(Debug, PartialEq)]
pub struct Loaded {
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

/// The saved workspace. Unreadable data is moved to `BACKUP_KEY` first; data from a newer
/// version is left where it is.
pub fn load() -> Result<Loaded, (StorageError, Option<Loaded>)> {
    let storage = local_storage().map_err(|e| (e, None))?;
    let Some(raw) = storage.get_item(KEY).map_err(|_| (StorageError::Unavailable, None))? else {
        return Ok(Loaded { workspace: None, revision: 0 });
    };
    match parse(&raw) {
        Ok(imported) if imported.skipped.is_empty() => {
            Ok(Loaded { workspace: Some(imported.workspace), revision: imported.revision.unwrap_or(0) })
        }
        Ok(imported) => {
            let _ = storage.set_item(BACKUP_KEY, &raw);
            let loaded =
                Loaded { workspace: Some(imported.workspace), revision: imported.revision.unwrap_or(0) };
            Err((StorageError::PartlyUnreadable(imported.skipped.len()), Some(loaded)))
        }
        Err(ImportError::NewerSchema { found }) => Err((StorageError::Newer(found), None)),
        Err(e) => {
            // Copy first; only remove the original once the copy is certainly there.
            if storage.set_item(BACKUP_KEY, &raw).is_ok() {
                let _ = storage.remove_item(KEY);
            }
            Err((StorageError::Unreadable(e), None))
        }
    }
}

fn is_quota_error(e: &wasm_bindgen::JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22)
}

/// Saves the workspace as `revision`. `setItem` replaces the value whole or not at all,
/// so a failed save leaves the previous one intact.
pub fn save(ws: &Workspace, revision: u64) -> Result<(), StorageError> {
    local_storage()?
        .set_item(KEY, &storage_json(ws, revision))
        .map_err(|e| if is_quota_error(&e) { StorageError::Full } else { StorageError::Unavailable })
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

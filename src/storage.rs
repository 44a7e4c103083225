//! The `localStorage` adapter. The saved value is a native export (see
//! `annotator_core::format`), so it carries `schema_version` and is validated on load
//! exactly like an imported file.

use annotator_core::{ImportError, Workspace, export_json, import_json};
use thiserror::Error;
use web_sys::Storage;

/// Where the workspace is kept.
pub const KEY: &str = "article-annotator.workspace";
/// Where unreadable data found under `KEY` is moved, so that it is never overwritten.
pub const BACKUP_KEY: &str = "article-annotator.workspace.unreadable";
/// Small preferences (word snapping).
pub const PREFS_KEY: &str = "article-annotator.prefs";

/// Why saving or loading failed.
#[derive(Debug, Error)]
pub enum StorageError {
    /// The browser refuses storage (private mode, blocked cookies, a `file:` page).
    #[error(
        "This browser does not let the page store data, so work is not saved here. Export to keep your work."
    )]
    Unavailable,
    /// The quota is used up.
    #[error(
        "Browser storage is full, so the latest changes are not saved. Export to keep your work."
    )]
    Full,
    /// What was saved could not be read; it was moved aside and kept.
    #[error(
        "Saved work could not be read ({0}). It was kept in this browser under \"{BACKUP_KEY}\"; starting with the sample article."
    )]
    Unreadable(ImportError),
}

fn local_storage() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// The saved workspace, `Ok(None)` when nothing was saved yet.
pub fn load() -> Result<Option<Workspace>, StorageError> {
    let storage = local_storage()?;
    let Some(raw) = storage
        .get_item(KEY)
        .map_err(|_| StorageError::Unavailable)?
    else {
        return Ok(None);
    };
    import_json(&raw).map(Some).map_err(|e| {
        // Move it aside before anything can overwrite it.
        let _ = storage.set_item(BACKUP_KEY, &raw);
        let _ = storage.remove_item(KEY);
        StorageError::Unreadable(e)
    })
}

/// Saves the workspace. On failure the previous saved value stays as it was.
pub fn save(ws: &Workspace) -> Result<(), StorageError> {
    local_storage()?
        .set_item(KEY, &export_json(ws))
        .map_err(|_| StorageError::Full)
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

//! Small preferences (word snapping, theme), kept in `localStorage`: synchronous, read
//! before the first frame, and never worth an error message.

const PREFS_KEY: &str = "article-annotator.prefs";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a preference, `None` when unset or storage is unavailable.
pub fn load_pref(name: &str) -> Option<serde_json::Value> {
    let raw = local_storage()?.get_item(PREFS_KEY).ok()??;
    let prefs: serde_json::Value = serde_json::from_str(&raw).ok()?;
    prefs.get(name).cloned()
}

/// Stores a preference (best effort).
pub fn save_pref(name: &str, value: serde_json::Value) {
    let Some(storage) = local_storage() else { return };
    let mut prefs = storage
        .get_item(PREFS_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str::<serde_json::Map<_, _>>(&raw).ok())
        .unwrap_or_default();
    prefs.insert(name.to_owned(), value);
    let _ = storage.set_item(PREFS_KEY, &serde_json::Value::Object(prefs).to_string());
}

//! Preferences remembered in this browser (not per document): word snapping, the theme,
//! the person's name and whether they were asked for it.

use annotator_core::Creator;
use yew::prelude::*;

use crate::{dom, storage};

const SNAP_PREF: &str = "snap_words";
const THEME_PREF: &str = "theme";
const AUTHOR_PREF: &str = "author";
const NAME_ASKED_PREF: &str = "name_asked";
/// Where each document's fact check is published, by document id (ClaimReview's `url`).
const REVIEW_URLS_PREF: &str = "review_urls";

/// Where the fact check of document `doc` is published, as the person gave it (`Some("")`:
/// asked, and left empty); `None` until they were asked.
pub fn review_url(doc: annotator_core::AnnotationId) -> Option<String> {
    let urls = storage::load_pref(REVIEW_URLS_PREF)?;
    urls.get(doc.to_string())?.as_str().map(str::to_owned)
}

/// Remembers where the fact check of document `doc` is published.
pub fn set_review_url(doc: annotator_core::AnnotationId, url: &str) {
    let mut urls =
        storage::load_pref(REVIEW_URLS_PREF).and_then(|v| v.as_object().cloned()).unwrap_or_default();
    urls.insert(doc.to_string(), url.trim().into());
    storage::save_pref(REVIEW_URLS_PREF, serde_json::Value::Object(urls));
}

/// Who works in this browser, as they named themselves (none until they do).
pub fn author() -> Option<Creator> {
    storage::load_pref(AUTHOR_PREF).and_then(|v| serde_json::from_value(v).ok())
}

/// Whether the person was already asked for their name (asked once, on their first annotation).
pub fn name_asked() -> bool {
    storage::load_pref(NAME_ASKED_PREF).and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Remembers the person's name and whether they were asked, whenever either changes.
#[hook]
pub fn use_saved_author(author: Option<Creator>, asked: bool) {
    use_effect_with(author, |author| {
        let value = author.as_ref().map_or(serde_json::Value::Null, |a| serde_json::json!(a));
        storage::save_pref(AUTHOR_PREF, value);
    });
    use_effect_with(asked, |asked| storage::save_pref(NAME_ASKED_PREF, (*asked).into()));
}

/// Whether selections snap to words, as last chosen (on the first visit: yes).
pub fn snap_words() -> bool {
    storage::load_pref(SNAP_PREF).and_then(|v| v.as_bool()).unwrap_or(true)
}

/// Remembers the snapping choice whenever it changes.
#[hook]
pub fn use_saved_snap(snap: bool) {
    use_effect_with(snap, |snap| storage::save_pref(SNAP_PREF, (*snap).into()));
}

/// The theme (`"auto"`, `"light"` or `"dark"`), applied to the page and remembered, and a
/// callback to choose another.
#[hook]
pub fn use_theme() -> (AttrValue, Callback<String>) {
    let theme = use_state(|| {
        storage::load_pref(THEME_PREF)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "auto".into())
    });
    use_effect_with((*theme).clone(), |theme| {
        dom::theme::apply_theme(theme);
        storage::save_pref(THEME_PREF, theme.as_str().into());
    });
    let choose = {
        let theme = theme.clone();
        Callback::from(move |value: String| theme.set(value))
    };
    (AttrValue::from((*theme).clone()), choose)
}

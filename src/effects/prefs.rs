//! Preferences remembered in this browser (not per document): word snapping and the theme.

use yew::prelude::*;

use crate::{dom, storage};

const SNAP_PREF: &str = "snap_words";
const THEME_PREF: &str = "theme";

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

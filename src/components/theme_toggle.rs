//! Light, dark, or as the system says (`prefers-color-scheme`); remembered.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::{dom, storage};

const THEME_PREF: &str = "theme";

#[function_component]
pub fn ThemeToggle() -> Html {
    let theme = use_state(|| {
        storage::load_pref(THEME_PREF)
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "auto".into())
    });
    use_effect_with((*theme).clone(), |theme| {
        dom::theme::apply_theme(theme);
        storage::save_pref(THEME_PREF, theme.as_str().into());
    });
    let onchange = {
        let theme = theme.clone();
        move |e: Event| theme.set(e.target_unchecked_into::<HtmlSelectElement>().value())
    };
    html! {
        <label class="toggle">{ "Theme " }
            <select id="theme" {onchange}>
                { for [("auto", "System"), ("light", "Light"), ("dark", "Dark")].into_iter().map(|(v, label)| html! {
                    <option value={v} selected={*theme == v}>{ label }</option>
                }) }
            </select>
        </label>
    }
}

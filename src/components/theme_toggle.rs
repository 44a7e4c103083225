//! Light, dark, or as the system says (`prefers-color-scheme`); remembered.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::effects::prefs::use_theme;

#[function_component]
pub fn ThemeToggle() -> Html {
    let (theme, choose) = use_theme();
    let onchange = move |e: Event| choose.emit(e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <label class="toggle">{ "Theme " }
            <select id="theme" {onchange}>
                { for [("auto", "System"), ("light", "Light"), ("dark", "Dark")].into_iter().map(|(v, label)| html! {
                    <option value={v} selected={theme == v}>{ label }</option>
                }) }
            </select>
        </label>
    }
}

//! The commands in the toolbar's menus: Article (open, update, import, export) and View.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use annotator_core::formats::Format;

use super::theme_toggle::ThemeToggle;
use crate::keymap::{self, Command};

#[derive(Properties, PartialEq)]
pub struct ArticleItemsProps {
    pub onnew: Callback<()>,
    pub onupdate: Callback<()>,
    /// Called with a file to import.
    pub onimport: Callback<web_sys::File>,
    /// Called with a colleague's file to compare the open document with.
    pub oncompare: Callback<web_sys::File>,
    /// Called with a colleague's file to merge into the open document.
    pub onmerge: Callback<web_sys::File>,
    /// Called with the format to export the open document in.
    pub onexport: Callback<Format>,
    /// Opens the article's details.
    pub ondetails: Callback<()>,
    /// Given when the Library is one of these items (the phone's single menu).
    #[prop_or_default]
    pub onlibrary: Option<Callback<()>>,
}

/// New, Update text, Import, Export JSON and the other formats.
#[function_component]
pub fn ArticleItems(props: &ArticleItemsProps) -> Html {
    let onimport = {
        let onimport = props.onimport.clone();
        move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                onimport.emit(file);
            }
            input.set_value(""); // choosing the same file again must fire again
        }
    };
    // A picked file goes to `to`; the input forgets it, so that the same file fires again.
    let picked = |to: Callback<web_sys::File>| {
        move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                to.emit(file);
            }
            input.set_value("");
        }
    };
    let (oncompare, onmerge) = (picked(props.oncompare.clone()), picked(props.onmerge.clone()));
    html! {
        <>
            <button id="new-article" onclick={props.onnew.reform(|_: MouseEvent| ())}>{ "New article…" }</button>
            <button id="update-text" onclick={props.onupdate.reform(|_: MouseEvent| ())}
                title="Paste a new version of this article; annotations move with their text">{ "Update text…" }</button>
            if let Some(onlibrary) = &props.onlibrary {
                <button id="library" onclick={onlibrary.reform(|_: MouseEvent| ())}>{ "Library" }</button>
            }
            <button id="article-details" onclick={props.ondetails.reform(|_: MouseEvent| ())}>{ "Details…" }</button>
            <label class="button">{ "Import…" }
                <input id="import-file" type="file" class="visually-hidden" accept=".json,.jsonld,.jsonl,application/json,application/ld+json" onchange={onimport} />
            </label>
            <label class="button">{ "Merge…" }
                <input id="merge-file" type="file" class="visually-hidden" accept=".json,.jsonld,.jsonl,application/json,application/ld+json" onchange={onmerge} />
            </label>
            <label class="button">{ "Compare with…" }
                <input id="compare-file" type="file" class="visually-hidden" accept=".json,.jsonld,.jsonl,application/json,application/ld+json" onchange={oncompare} />
            </label>
            <button id="export" onclick={props.onexport.reform(|_: MouseEvent| Format::Native)}>{ "Export JSON" }</button>
            <p class="menu-heading" aria-hidden="true">{ "Export as" }</p>
            { for Format::ALL.into_iter().filter(|f| *f != Format::Native).map(|format| {
                html! {
                    <button id={format!("export-{}", format.key())} onclick={props.onexport.reform(move |_: MouseEvent| format)}
                        aria-label={format!("Export as {}", format.label())}>
                        { format.label() }
                    </button>
                }
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewItemsProps {
    pub snap_words: bool,
    pub onsnap: Callback<bool>,
    pub ontags: Callback<()>,
    pub onhelp: Callback<()>,
    /// Opens "Your name".
    pub onname: Callback<()>,
}

/// Snap to words, the theme, the tag set and the list of shortcuts.
#[function_component]
pub fn ViewItems(props: &ViewItemsProps) -> Html {
    let onsnap = props.onsnap.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    html! {
        <>
            <label class="toggle">
                <input id="snap-words" type="checkbox" checked={props.snap_words} onchange={onsnap} />
                { " Snap to words" }
            </label>
            <ThemeToggle />
            <button id="tags" onclick={props.ontags.reform(|_: MouseEvent| ())}>{ "Tags…" }</button>
            <button id="your-name" onclick={props.onname.reform(|_: MouseEvent| ())}
                title="The name your annotations are marked with">{ "Your name…" }</button>
            <button id="help" onclick={props.onhelp.reform(|_: MouseEvent| ())} title="Keyboard shortcuts (?)"
                aria-keyshortcuts={keymap::aria(Command::Help)}>{ "Shortcuts" }</button>
        </>
    }
}

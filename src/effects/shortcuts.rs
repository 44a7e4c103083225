//! Keyboard shortcuts that work anywhere on the page except while typing in a field, as
//! the keymap (`crate::keymap`) binds them. The article's caret keys live with the article
//! (`components::caret_keys`).

use annotator_core::editor::Edge;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::dom;
use crate::keymap::{self, Command, Context, Press};
use crate::state::{Action, EditAction, StateHandle, UiAction};

fn target(e: &KeyboardEvent) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

fn typing_in_a_field(e: &KeyboardEvent) -> bool {
    target(e).is_some_and(|el| match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        // A checkbox or a button takes no text: shortcuts still work there.
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit" | "file" | "range" | "color")
        ),
        _ => false,
    })
}

/// Escape in a card's controls returns to the article, where the caret was.
fn back_to_article(e: &KeyboardEvent) -> bool {
    let in_card = target(e).and_then(|t| t.closest(".card").ok().flatten()).is_some();
    let article = gloo::utils::document().get_element_by_id("article-text");
    match (in_card, article.and_then(|a| a.dyn_into::<HtmlElement>().ok())) {
        (true, Some(article)) => {
            e.prevent_default();
            article.focus().is_ok()
        }
        _ => false,
    }
}

/// What a key does, when it is a shortcut.
enum Shortcut {
    Act(Action),
    /// Show the list of shortcuts.
    Help,
    /// Search the whole library.
    Search,
    /// Open the selected annotation's card (focus its controls).
    Open,
}

/// The key press `e` (whose `key()` is `key`) as the keymap sees it.
pub fn press<'a>(e: &KeyboardEvent, key: &'a str) -> Press<'a> {
    Press { key, ctrl: e.ctrl_key() || e.meta_key(), alt: e.alt_key(), shift: e.shift_key() }
}

fn shortcut_for(e: &KeyboardEvent) -> Option<Shortcut> {
    let key = e.key();
    let press = press(e, &key);
    let now = dom::now_iso;
    let on_page = target(e).is_none_or(|t| t.tag_name() == "BODY" || t.id() == "article-text");
    let action = match keymap::command(Context::Page, &press) {
        Some(Command::Help) => return Some(Shortcut::Help),
        Some(Command::Search) => return Some(Shortcut::Search),
        Some(Command::Open) if on_page => return Some(Shortcut::Open),
        Some(Command::Undo) => EditAction::Undo { now: now() }.into(),
        Some(Command::Redo) => EditAction::Redo { now: now() }.into(),
        Some(Command::DeleteSelected) => EditAction::DeleteSelected { now: now() }.into(),
        Some(Command::Cancel) => UiAction::Cancel.into(),
        Some(Command::Next) => UiAction::SelectNeighbour { forward: true }.into(),
        Some(Command::Previous) => UiAction::SelectNeighbour { forward: false }.into(),
        Some(Command::NudgeEnd(forward)) => EditAction::Nudge { edge: Edge::End, forward, now: now() }.into(),
        Some(Command::NudgeStart(forward)) => {
            EditAction::Nudge { edge: Edge::Start, forward, now: now() }.into()
        }
        // Any other single letter or digit may be a tag's key (the tag set's, not the keymap's).
        None if !press.ctrl
            && !press.alt
            && on_page
            && key.chars().count() == 1
            && key.chars().all(char::is_alphanumeric) =>
        {
            EditAction::Hotkey { key: key.clone(), id: dom::random_id(), now: now() }.into()
        }
        _ => return None,
    };
    Some(Shortcut::Act(action))
}

/// Tag keys (1/2/3 by default) tag the selection or retag the selected annotation;
/// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo; Delete removes the selected annotation;
/// j/k move between annotations and Enter opens one; Shift+Alt+←/→ move its end (with
/// Ctrl, its start); Escape drops the selection; `?` lists them all (`onhelp`);
/// Ctrl+Shift+F searches the library (`onsearch`).
#[hook]
pub fn use_shortcuts(state: StateHandle, onhelp: Callback<()>, onsearch: Callback<()>) {
    use_effect_with((), move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
                let e: &KeyboardEvent = e.unchecked_ref();
                if e.key() == "Escape" && back_to_article(e) {
                    return;
                }
                if typing_in_a_field(e) || e.default_prevented() {
                    return;
                }
                match shortcut_for(e) {
                    None => {}
                    Some(Shortcut::Help) => {
                        e.prevent_default();
                        onhelp.emit(());
                    }
                    Some(Shortcut::Search) => {
                        e.prevent_default();
                        onsearch.emit(());
                    }
                    Some(Shortcut::Open) => {
                        let card = gloo::utils::document()
                            .query_selector(".card.sel .card-edit select")
                            .ok()
                            .flatten();
                        if let Some(card) = card.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
                            e.prevent_default();
                            let _ = card.focus();
                        }
                    }
                    Some(Shortcut::Act(action)) => {
                        // The handle captured here is a snapshot from the first render, so it
                        // is never read: the reducer ignores what does not apply.
                        // A tagged selection is cleared by the app once it is no longer
                        // pending; a key that is no tag's leaves it as it is.
                        let moving = matches!(action, Action::Ui(UiAction::SelectNeighbour { .. }));
                        e.prevent_default();
                        state.dispatch(action);
                        if moving {
                            dom::scroll_to_selected();
                        }
                    }
                }
            });
        move || drop(listener)
    });
}

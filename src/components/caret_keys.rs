//! Caret mode: with the article focused, arrow keys move a caret by character (Ctrl: by
//! word), ↑/↓ by line as wrapped on screen (Ctrl: by paragraph), Home/End to the ends of
//! that line (Ctrl: of the article); Shift extends a selection that the tag keys then tag;
//! Enter selects the annotation under the caret, or opens it if selected.

use annotator_core::caret::moved;
use annotator_core::text::line_start;
use annotator_core::{Document, Line};
use web_sys::{Element, KeyboardEvent};

use crate::dom;
use crate::effects::press;
use crate::keymap::{self, Command, Context};
use crate::state::{StateHandle, UiAction};

/// Handles a key pressed in the focused article; returns whether it was a caret key.
pub fn on_caret_key(
    e: &KeyboardEvent,
    root: &Element,
    doc: &Document,
    lines: &[Line],
    state: &StateHandle,
) -> bool {
    if e.alt_key() {
        return false; // Shift+Alt+arrows move an annotation's ends (global shortcuts)
    }
    let (anchor, focus) = state.ui.caret;
    let focus = focus.min(doc.char_len());
    let key = e.key();
    if keymap::command(Context::Article, &press(e, &key)) == Some(Command::SelectUnderCaret) {
        let covering = state.workspace().covering(focus);
        if state.ui.selected.is_some_and(|id| covering.iter().any(|a| a.id == id)) {
            return false; // the page's Enter opens the selected card
        }
        let Some(innermost) = covering.first() else { return false };
        state.dispatch(UiAction::Select(Some(innermost.id)));
        return true;
    }
    let Some(Command::Caret(how)) = keymap::command(Context::Article, &press(e, &key)) else {
        return false;
    };
    let line_of = |at| line_start(lines, at);
    let screen = |v| dom::caret::on_screen(root, focus, v, line_of);
    let to = moved(doc, lines, focus, how, screen);
    let anchor = if e.shift_key() { anchor.min(doc.char_len()) } else { to };
    let picker = dom::caret::show(root, anchor, to, line_of);
    state.dispatch(UiAction::PlaceCaret { anchor, focus: to, picker });
    true
}

//! Caret mode: with the article focused, arrow keys move a caret by character (Ctrl: by
//! word), ↑/↓ by line, Home/End to the line's ends; Shift extends a selection that the tag
//! keys then tag; Enter selects the annotation under the caret, or opens it if selected.

use annotator_core::text::{Step, line_at};
use annotator_core::{Document, Line};
use web_sys::{Element, KeyboardEvent};

use crate::dom;
use crate::state::{Action, StateHandle};

/// Where a caret key moves the caret from `at`, or `None` for other keys.
fn moved(e: &KeyboardEvent, doc: &Document, lines: &[Line], at: usize) -> Option<usize> {
    let word = e.ctrl_key() || e.meta_key();
    let here = line_at(lines, at);
    let column = at - lines[here].start;
    Some(match e.key().as_str() {
        "ArrowRight" => doc.step(at, if word { Step::WordEndAfter } else { Step::NextGrapheme }),
        "ArrowLeft" => doc.step(at, if word { Step::WordStartBefore } else { Step::PrevGrapheme }),
        "ArrowDown" => lines.get(here + 1).map_or(doc.char_len(), |l| (l.start + column).min(l.end)),
        "ArrowUp" => here.checked_sub(1).map_or(0, |i| (lines[i].start + column).min(lines[i].end)),
        "Home" => lines[here].start,
        "End" => lines[here].end,
        _ => return None,
    })
}

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
    let (anchor, focus) = dom::caret::get();
    let focus = focus.min(doc.char_len());
    if e.key() == "Enter" {
        let covering = state.workspace().covering(focus);
        if state.selected.is_some_and(|id| covering.iter().any(|a| a.id == id)) {
            return false; // the page's Enter opens the selected card
        }
        let Some(innermost) = covering.first() else { return false };
        state.dispatch(Action::Select(Some(innermost.id)));
        return true;
    }
    let Some(to) = moved(e, doc, lines, focus) else {
        return false;
    };
    let to = if doc.is_grapheme_boundary(to) { to } else { focus };
    let anchor = if e.shift_key() { anchor.min(doc.char_len()) } else { to };
    let picker = dom::caret::show(root, anchor, to, |at| lines[line_at(lines, at)].start);
    let selection = picker.map(|(x, y)| (anchor, to, x, y));
    if selection.is_some() || state.pending.is_some() {
        state.dispatch(Action::SelectText(selection));
    }
    true
}

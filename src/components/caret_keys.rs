//! Caret mode: with the article focused, arrow keys move a caret by character (Ctrl: by
//! word), ↑/↓ by line as wrapped on screen (Ctrl: by paragraph), Home/End to the ends of
//! that line (Ctrl: of the article); Shift extends a selection that the tag keys then tag;
//! Enter selects the annotation under the caret, or opens it if selected.

use annotator_core::text::{Step, line_at, line_start};
use annotator_core::{Document, Line};
use web_sys::{Element, KeyboardEvent};

use crate::dom;
use crate::dom::caret::Visual;
use crate::effects::press;
use crate::keymap::{self, Command, Context};
use crate::state::{Action, StateHandle};

/// Where a caret key moves the caret from `at`, or `None` for other keys. `screen` answers
/// moves that depend on where lines wrap; when it cannot, they go by paragraph.
fn moved(
    e: &KeyboardEvent,
    doc: &Document,
    lines: &[Line],
    at: usize,
    screen: impl Fn(Visual) -> Option<usize>,
) -> Option<usize> {
    let here = line_at(lines, at);
    let column = at - lines[here].start;
    let next = lines.get(here + 1).map_or(doc.char_len(), |l| (l.start + column).min(l.end));
    let previous = here.checked_sub(1).map_or(0, |i| (lines[i].start + column).min(lines[i].end));
    // The browser's answer, if it stays within this paragraph and its neighbours.
    let nearby = |how| {
        let (from, to) =
            (lines[here.saturating_sub(1)].start, lines.get(here + 1).map_or(lines[here].end, |l| l.end));
        screen(how).filter(|p| (from..=to).contains(p))
    };
    let key = e.key();
    Some(match keymap::command(Context::Article, &press(e, &key))? {
        Command::CharNext => doc.step(at, Step::NextGrapheme),
        Command::CharPrev => doc.step(at, Step::PrevGrapheme),
        Command::WordNext => doc.step(at, Step::WordEndAfter),
        Command::WordPrev => doc.step(at, Step::WordStartBefore),
        Command::ParagraphDown => lines.get(here + 1).map_or(doc.char_len(), |l| l.start),
        Command::ParagraphUp => match column {
            0 => here.checked_sub(1).map_or(0, |i| lines[i].start),
            _ => lines[here].start,
        },
        Command::LineDown => nearby(Visual::LineDown).filter(|p| *p > at).unwrap_or(next),
        Command::LineUp => nearby(Visual::LineUp).filter(|p| *p < at).unwrap_or(previous),
        Command::ArticleStart => 0,
        Command::ArticleEnd => doc.char_len(),
        Command::LineStart => {
            nearby(Visual::LineStart).filter(|p| *p >= lines[here].start).unwrap_or(lines[here].start)
        }
        Command::LineEnd => nearby(Visual::LineEnd)
            .filter(|p| *p <= lines[here].end)
            .map(|p| if p < lines[here].end { before_wrap(doc, lines[here].start, p) } else { p })
            .unwrap_or(lines[here].end),
        _ => return None,
    })
}

/// The browser puts the end of a wrapped line after the space it wrapped at, which is
/// also where the next line starts (a position does not remember which line it is on):
/// stay before that space, so that the caret is drawn on this line and Home finds its start.
fn before_wrap(doc: &Document, line_start: usize, at: usize) -> usize {
    match at.checked_sub(1) {
        Some(b) if b > line_start && doc.slice(b, at).chars().all(char::is_whitespace) => b,
        _ => at,
    }
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
    let key = e.key();
    if keymap::command(Context::Article, &press(e, &key)) == Some(Command::SelectUnderCaret) {
        let covering = state.workspace().covering(focus);
        if state.selected.is_some_and(|id| covering.iter().any(|a| a.id == id)) {
            return false; // the page's Enter opens the selected card
        }
        let Some(innermost) = covering.first() else { return false };
        state.dispatch(Action::Select(Some(innermost.id)));
        return true;
    }
    let line_of = |at| line_start(lines, at);
    let screen = |how| dom::caret::on_screen(root, focus, how, line_of);
    let Some(to) = moved(e, doc, lines, focus, screen) else {
        return false;
    };
    let to = if doc.is_grapheme_boundary(to) { to } else { focus };
    let anchor = if e.shift_key() { anchor.min(doc.char_len()) } else { to };
    let picker = dom::caret::show(root, anchor, to, line_of);
    let selection = picker.map(|(x, y)| (anchor, to, x, y));
    if selection.is_some() || state.pending.is_some() {
        state.dispatch(Action::SelectText(selection));
    }
    true
}

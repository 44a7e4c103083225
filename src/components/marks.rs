//! What the article draws over its text without changing it (CSS highlights): the
//! suggestions learned from the person's tags, and the selected one. Only those near what
//! the window shows are drawn, again as it scrolls: a book can hold a hundred thousand,
//! and a highlight costs a DOM range each.

use std::ops::Range;
use std::rc::Rc;

use annotator_core::suggest::Suggestion;
use yew::prelude::*;

use super::layout::Lines;
use super::line::BLOCK_LINES;
use crate::dom;
use crate::state::StateHandle;

/// Code points drawn beyond each end of what the window shows (a few screens of text).
const MARGIN: usize = 6_000;
/// At most this many are drawn at once (a window full of short suggestions).
const MOST: usize = 2_000;

/// The suggestions of `list` (in text order) that touch `shown`, widened by `MARGIN`.
fn near(list: &[Suggestion], shown: Range<usize>) -> Vec<Range<usize>> {
    let (from, to) = (shown.start.saturating_sub(MARGIN), shown.end.saturating_add(MARGIN));
    let first = list.partition_point(|s| s.end <= from);
    list[first..].iter().take_while(|s| s.start < to).take(MOST).map(|s| s.start..s.end).collect()
}

#[hook]
pub fn use_marks(state: &StateHandle, split: Rc<Lines>, shown_blocks: usize) {
    let sg = &state.ui.suggest;
    let list = if sg.shown { sg.list.clone() } else { Rc::from([]) };
    let len = state.workspace().document.char_len();
    // The list by identity: a book's list is never compared item by item.
    let key = (Rc::as_ptr(&list) as *const () as usize, sg.selected, shown_blocks, state.revision());
    // What the window showed when last measured: an edit draws there without measuring
    // (that would lay the page out on the edit's path); scrolling measures again.
    let window = use_mut_ref(|| None::<Range<usize>>);
    use_effect_with(key, move |(_, selected, ..)| {
        let current: Vec<_> =
            selected.and_then(|i| list.get(i)).map(|s| s.start..s.end).into_iter().collect();
        dom::find::mark("suggestion-current", &split.lines, &current);
        let known = window.borrow().is_some();
        let draw = Rc::new(move |measure: bool| {
            if list.is_empty() {
                dom::find::mark("suggestion", &split.lines, &[]);
                return;
            }
            if measure || window.borrow().is_none() {
                let Some(root) = gloo::utils::document().get_element_by_id("article-text") else { return };
                let (first, last) = dom::viewport::shown_range(&root, 0.0, len);
                *window.borrow_mut() = Some(first.unwrap_or(0)..last.unwrap_or(len));
            }
            let shown = window.borrow().clone().unwrap_or(0..len);
            dom::perf::measure("suggestions:drawn", || {
                dom::find::mark("suggestion", &split.lines, &near(&list, shown))
            });
        });
        // After the paint: an edit's frame shows the edit, not a redraw of a few thousand
        // suggestion ranges (15-30 ms at book length).
        let later = draw.clone();
        dom::after_paint(move || later(!known));
        let listeners = dom::viewport::on_scroll_frames(move || draw(true));
        move || drop(listeners)
    });
}

/// The block holding the place a library search opened the article at (drawn at once,
/// however far into a book), highlighted and brought into view once it is in the page.
#[hook]
pub fn use_reveal(state: &StateHandle, split: Rc<Lines>) -> Option<usize> {
    let revealed = state.ui.revealed.clone();
    let block = revealed.as_ref().map(|r| split.lines.partition_point(|l| l.end < r.start) / BLOCK_LINES);
    use_effect_with((revealed, state.revision()), move |(revealed, _)| {
        let revealed = revealed.clone();
        dom::after_paint(move || dom::find::reveal(&split.lines, revealed.as_ref()));
    });
    block
}

//! What the article draws over its text without changing it (CSS highlights): the
//! suggestions learned from the person's tags, and the selected one. Drawn again when the list changes and when more of the text is in the
//! page (long articles fill in block by block).

use std::rc::Rc;

use yew::prelude::*;

use super::layout::Lines;
use crate::dom;
use crate::state::StateHandle;

#[hook]
pub fn use_marks(state: &StateHandle, split: Rc<Lines>, shown_blocks: usize) {
    let sg = &state.ui.suggest;
    let list = if sg.shown { sg.list.clone() } else { Rc::from([]) };
    // The list by identity: a book's list is never compared item by item.
    let key = (Rc::as_ptr(&list) as *const () as usize, sg.selected, shown_blocks, state.revision());
    use_effect_with(key, move |(_, selected, ..)| {
        let ranges: Vec<_> = list.iter().map(|s| s.start..s.end).collect();
        let current: Vec<_> = selected.and_then(|i| ranges.get(i).cloned()).into_iter().collect();
        dom::find::mark("suggestion", &split.lines, &ranges);
        dom::find::mark("suggestion-current", &split.lines, &current);
    });
}

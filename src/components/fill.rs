//! Drawing a long text a few blocks at a time. The first blocks are drawn at once, so the
//! first screen of any text appears in one frame; the rest follow in idle time after that
//! paint (`requestIdleCallback`), a few blocks per callback, so the page answers input
//! while a book is still being drawn. A block that is needed sooner is drawn at once: near
//! the screen (a restored scroll position, a fast scroll), holding the selected annotation
//! (a card's jump), or everything when Find has a query.

use yew::prelude::*;

use crate::dom;

/// Blocks drawn in the first frame (each `BLOCK_LINES` lines: far more than one screen).
const FIRST: usize = 2;
/// Blocks drawn per idle callback: about 20 ms of work at book length.
const STEP: usize = 3;

/// How many leading blocks of `doc` (compared by identity) to draw, out of `total`;
/// `all` draws them all at once.
#[hook]
pub fn use_fill<D: PartialEq + Clone + 'static>(doc: D, total: usize, all: bool) -> usize {
    let progress = use_mut_ref(|| (doc.clone(), FIRST));
    if progress.borrow().0 != doc {
        // Another document: start again from its first blocks.
        *progress.borrow_mut() = (doc.clone(), FIRST);
    }
    if all {
        progress.borrow_mut().1 = total;
    }
    let shown = progress.borrow().1.min(total);
    let update = use_force_update();
    use_effect_with((doc, shown, total), move |(doc, shown, total)| {
        if shown >= total {
            // `make bench`: the whole text is in the page.
            dom::perf::mark("article:drawn");
        } else {
            let (doc, shown) = (doc.clone(), *shown);
            dom::when_idle(move || {
                let mut p = progress.borrow_mut();
                // A callback left from another document or step does nothing.
                if p.0 == doc && p.1 == shown {
                    p.1 = shown + STEP;
                    drop(p);
                    update.force_update();
                }
            });
        }
    });
    shown
}

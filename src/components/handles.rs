//! Dragging the selected annotation's ends (its handles), and selecting with touch.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use annotator_core::editor::Edge;
use annotator_core::snap_selection;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::dom;
use crate::state::{EditAction, Stamp, use_app_state};

/// A key press in the article and where the selection was (its ends) as it went down.
pub type KeyDown = (KeyboardEvent, Option<(usize, usize)>);

/// What the article needs to know about the last pointer (and key).
#[derive(Default)]
pub struct Pointer {
    /// It was a finger.
    pub touch: Cell<bool>,
    /// It just dropped a handle (so the click that follows is not a click).
    pub dragged: Cell<bool>,
    /// It went down on the article's text (not on a handle) and has not been let go yet.
    pub pressed: Cell<bool>,
    /// The last key pressed in the article, and where the selection was as it went down.
    pub key_down: RefCell<Option<KeyDown>>,
}

/// A pointer-down handler for the article: on a handle, it follows the drag (showing the
/// extent the drop would give) and, when the pointer is let go, moves that end of the
/// selected annotation there (snapped like a selection). It also remembers whether the
/// last pointer was a finger (`touch`). `line_of` gives the start of a code point's line.
#[hook]
pub fn use_handles(
    root: NodeRef,
    pointer: Rc<Pointer>,
    line_of: Rc<dyn Fn(usize) -> usize>,
) -> Callback<PointerEvent> {
    let state = use_app_state();
    let drag = use_mut_ref(Vec::<EventListener>::new);
    Callback::from(move |e: PointerEvent| {
        pointer.touch.set(e.pointer_type() == "touch");
        let handle = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest(".handle").ok().flatten());
        let (Some(handle), Some(a), Some(el)) =
            (handle, state.ui.selected.and_then(|id| state.workspace().get(id)), root.cast::<Element>())
        else {
            pointer.pressed.set(true);
            return;
        };
        e.prevent_default(); // no text selection while dragging a handle
        // Keep hearing the pointer when it leaves the handle (a finger always does).
        let _ = handle.set_pointer_capture(e.pointer_id());
        let edge = if handle.get_attribute("data-edge").as_deref() == Some("start") {
            Edge::Start
        } else {
            Edge::End
        };
        let (id, range, doc, snap) =
            (a.id, a.range(), state.workspace().document.clone(), state.ui.snap_words);
        // The raw extent under the pointer (the reducer snaps it), and its snapped preview.
        let extent = {
            let el = el.clone();
            move |e: &PointerEvent| {
                let at = dom::char_at_point(&el, e.client_x().into(), e.client_y().into())?;
                Some(match edge {
                    Edge::Start => at.min(range.end)..range.end,
                    Edge::End => range.start..at.max(range.start),
                })
            }
        };
        let shown = {
            let (el, line_of) = (el.clone(), line_of.clone());
            move |r: Option<std::ops::Range<usize>>| {
                let snapped = r.and_then(|r| snap_selection(doc.text(), r.start, r.end, snap));
                dom::find::preview(&el, snapped, &*line_of);
            }
        };
        let on_move = {
            let (extent, shown) = (extent.clone(), shown.clone());
            move |e: &Event| shown(extent(e.unchecked_ref()))
        };
        let on_up = {
            let (dispatcher, pointer, slot) = (state.dispatcher(), pointer.clone(), drag.clone());
            move |e: &Event| {
                shown(None);
                if e.type_() == "pointerup" {
                    if let Some(range) = extent(e.unchecked_ref()) {
                        dispatcher
                            .dispatch((EditAction::Resize { id, range, now: Stamp::take().now }).into());
                    }
                    pointer.dragged.set(true); // the click that follows is the drop, not a click
                }
                slot.borrow_mut().clear(); // stop listening
            }
        };
        let document = gloo::utils::document();
        *drag.borrow_mut() = vec![
            EventListener::new(&document, "pointermove", on_move),
            EventListener::new(&document, "pointerup", on_up.clone()),
            EventListener::new(&document, "pointercancel", on_up),
        ];
    })
}

/// With a finger, text is selected by a long press and its handles, with no mouseup:
/// follow the selection as it changes and offer the tag picker for it.
#[hook]
pub fn use_touch_selection(pointer: Rc<Pointer>, on_select_end: Callback<()>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
            if pointer.touch.get() {
                on_select_end.emit(());
            }
        });
        move || drop(listener)
    });
}

/// A drag that starts in the article often ends outside it (past the end of a line, over
/// the margin or the sidebar), where the article never hears the mouseup: listen for the
/// release on the whole document, but only after a press that started in the article.
#[hook]
pub fn use_release(pointer: Rc<Pointer>, on_select_end: Callback<()>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::document(), "mouseup", move |_| {
            if pointer.pressed.replace(false) {
                on_select_end.emit(());
            }
        });
        move || drop(listener)
    });
}

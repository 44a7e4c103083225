//! The article text with its highlights. Lines are memoised components, so an edit
//! re-renders only the lines whose segments changed.

use std::rc::Rc;

use annotator_core::text::line_start;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

use super::caret_keys::on_caret_key;
use super::fill::use_fill;
use super::find_bar::FindBar;
use super::handles::{Pointer, use_handles, use_release, use_touch_selection};
use super::layout::{SameDoc, use_layout};
use super::line::{BLOCK_LINES, Block};
use super::marks::{use_marks, use_reveal};
use crate::dom;
use crate::state::{Stamp, UiAction, use_app_state};

#[function_component]
pub fn Article() -> Html {
    let state = use_app_state();
    let root = use_node_ref();
    let doc = state.workspace().document.clone();
    let (split, laid_out) = use_layout(&state);
    let on_select_end = {
        let (state, root) = (state.clone(), root.clone());
        Callback::from(move |_: ()| {
            let Some(el) = root.cast::<Element>() else {
                return;
            };
            match dom::selected_range(&el) {
                Some(r) => state.dispatch(UiAction::SelectText(Some((r.anchor, r.focus, r.x, r.y)))),
                // A click leaves the caret where it was pressed.
                None => match dom::caret::from_selection(&el) {
                    Some(at) => state.dispatch(UiAction::PlaceCaret { anchor: at, focus: at, picker: None }),
                    None => state.dispatch(UiAction::SelectText(None)),
                },
            }
        })
    };
    // A key's release ends a keyboard selection (or reports one made otherwise), but not
    // after a key that acted (a shortcut) and left the selection where it was: a tag key's
    // release may come before the tagged selection is cleared from the page (a slow
    // frame), and Escape's after it let go of a suggestion the caret is still in; either
    // would otherwise select again what the key had just dealt with.
    let pointer = use_memo((), |_| Pointer::default());
    let onkeyup = {
        let (on_select_end, root, pointer) = (on_select_end.clone(), root.clone(), pointer.clone());
        move |_: KeyboardEvent| {
            let Some(el) = root.cast::<Element>() else { return };
            match pointer.key_down.take() {
                Some((down, from)) if down.default_prevented() && from == dom::selection_ends(&el) => {}
                _ => on_select_end.emit(()),
            }
        }
    };
    let onclick = {
        let (state, pointer) = (state.clone(), pointer.clone());
        move |e: MouseEvent| {
            if pointer.dragged.replace(false) || dom::has_selection() {
                return; // the end of a drag, not a click
            }
            let at = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("mark[data-s]").ok().flatten())
                .and_then(|mark| mark.get_attribute("data-s")?.parse().ok());
            state.dispatch(UiAction::ClickText { at, now: Stamp::take().now });
        }
    };
    let onkeydown = {
        let (state, root, split, doc, pointer) =
            (state.clone(), root.clone(), split.clone(), doc.clone(), pointer.clone());
        move |e: KeyboardEvent| {
            let Some(el) = root.cast::<Element>() else { return };
            pointer.key_down.replace(Some((e.clone(), dom::selection_ends(&el))));
            if on_caret_key(&e, &el, &doc, &split.lines, &state) {
                e.prevent_default();
            }
        }
    };
    let line_of: Rc<dyn Fn(usize) -> usize> = {
        let split = split.clone();
        Rc::new(move |at| line_start(&split.lines, at))
    };
    let onfocus = {
        let (root, line_of, (anchor, focus)) = (root.clone(), line_of.clone(), state.ui.caret);
        move |_: FocusEvent| {
            let Some(el) = root.cast::<Element>() else { return };
            // Only when focus came from the keyboard: a mouse press is starting a selection.
            if anchor == focus && !dom::has_selection() && el.matches(":focus-visible").unwrap_or(false) {
                dom::caret::show(&el, focus, focus, &*line_of);
            }
        }
    };
    let on_handles = use_handles(root.clone(), pointer.clone(), line_of);
    let onpointerdown = {
        let state = state.clone();
        Callback::from(move |e: PointerEvent| {
            // A new press starts a new selection: the last one's picker goes at once, so it
            // never stands in the way of the drag (it may cover the next line).
            if state.ui.pending.is_some() && e.button() == 0 && !e.shift_key() {
                state.dispatch(UiAction::SelectText(None));
            }
            on_handles.emit(e);
        })
    };
    use_touch_selection(pointer.clone(), on_select_end.clone());
    use_release(pointer.clone(), on_select_end.clone());

    // After every commit: `make bench` times edits up to here and to the paint after.
    use_effect(|| dom::perf::mark("article:rendered"));

    // Find needs every line in the page to highlight and step through its matches.
    let searching = use_state_eq(|| false);
    let blocks = laid_out.len().div_ceil(BLOCK_LINES);
    let shown = use_fill(SameDoc(doc.clone()), blocks, *searching);
    use_marks(&state, split.clone(), shown);
    let revealed = use_reveal(&state, split.clone());
    let onsearch = Callback::from(move |active| searching.set(active));
    let selected = state.ui.selected;
    let tags = state.workspace().tagset().clone();
    html! {
        <main class="article" aria-label="Article" id="main">
            <h1 class="doc-title">{ doc.title() }</h1>
            <FindBar doc={doc.clone()} revision={state.revision()} complete={shown == blocks} {onsearch} />
            if state.ui.linking.is_some() {
                <p class="linking-hint" role="status">{ "Click a source’s highlight to link it to the claim — Escape cancels." }</p>
            }
            <p id="caret-help" class="visually-hidden">
                { "Arrow keys move a caret (with Ctrl, by word); Shift selects; a tag's key tags the selection; Enter selects the annotation under the caret; j and k move between annotations; ? lists every shortcut." }
            </p>
            <div class={classes!("text", state.ui.linking.is_some().then_some("linking"))} id="article-text" ref={root}
                tabindex="0" role="document" aria-label="Article text" aria-describedby="caret-help"
                data-filling={(shown < blocks).then_some("")}
                {onkeyup} {onclick} {onkeydown} {onfocus} {onpointerdown}>
                { for laid_out.chunks(BLOCK_LINES).zip(split.texts.chunks(BLOCK_LINES)).enumerate().map(|(i, (layouts, texts))| {
                    let selected = selected.filter(|id| layouts.iter().any(|l| l.draws(*id)));
                    let lines = texts.iter().cloned().zip(layouts.iter().cloned()).collect::<Vec<_>>();
                    html! { <Block key={i} {lines} {selected} tags={tags.clone()} pending={i >= shown && revealed != Some(i)} /> }
                }) }
            </div>
            <div id="caret" class="caret" aria-hidden="true"></div>
        </main>
    }
}

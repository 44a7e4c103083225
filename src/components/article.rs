//! The article text with its highlights. Lines are memoised components, so an edit
//! re-renders only the lines whose segments changed.

use std::rc::Rc;

use annotator_core::{Document, LineLayout, lines, relayout};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::line::{BLOCK_LINES, Block};
use crate::dom;
use crate::state::{Action, use_app_state};

/// Compares documents by identity: the text of a long article is never compared.
#[derive(Clone)]
struct SameDoc(Rc<Document>);

impl PartialEq for SameDoc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

struct Lines {
    lines: Vec<annotator_core::Line>,
    texts: Vec<Rc<str>>,
}

#[function_component]
pub fn Article() -> Html {
    let state = use_app_state();
    let root = use_node_ref();
    let doc = state.workspace().document.clone();
    let split = use_memo(SameDoc(doc.clone()), |d| {
        let text = d.0.text();
        Lines { lines: lines(text), texts: text.split('\n').map(Rc::from).collect() }
    });
    // The previous layout of the same document: lines an edit did not touch keep their
    // `Rc`, so their memoised `Line`s are skipped without comparing segments.
    let previous = use_mut_ref(|| None::<(SameDoc, Vec<Rc<LineLayout>>)>);
    let laid_out: Rc<Vec<Rc<LineLayout>>> = {
        let (editor, split, doc) = (state.editor.clone(), split.clone(), SameDoc(doc.clone()));
        use_memo((state.revision, doc.clone()), move |_| {
            let texts: Vec<&str> = split.texts.iter().map(|t| &**t).collect();
            let mut previous = previous.borrow_mut();
            let old = previous.as_ref().filter(|(d, _)| *d == doc).map_or(&[][..], |(_, l)| &l[..]);
            let fresh = relayout(old, &split.lines, &texts, editor.workspace().annotations());
            *previous = Some((doc, fresh.clone()));
            fresh
        })
    };

    let on_select_end = {
        let (state, root) = (state.clone(), root.clone());
        Callback::from(move |_: ()| {
            let Some(el) = root.cast::<Element>() else {
                return;
            };
            let raw = dom::selected_range(&el).map(|r| (r.anchor, r.focus, r.x, r.y));
            state.dispatch(Action::SelectText(raw));
        })
    };
    let onmouseup = on_select_end.reform(|_: MouseEvent| ());
    let onkeyup = on_select_end.reform(|_: KeyboardEvent| ());
    let onclick = {
        let state = state.clone();
        move |e: MouseEvent| {
            if dom::has_selection() {
                return; // the end of a drag, not a click
            }
            let picked = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("mark[data-id]").ok().flatten())
                .and_then(|mark| mark.get_attribute("data-id")?.parse().ok());
            state.dispatch(Action::Select(picked));
        }
    };

    // After every commit: `make bench` times edits up to here and to the paint after.
    use_effect(|| dom::perf::mark("article:rendered"));

    let selected = state.selected;
    html! {
        <main class="article" aria-label="Article">
            <h1 class="doc-title">{ doc.title() }</h1>
            <div class="text" id="article-text" ref={root} {onmouseup} {onkeyup} {onclick}>
                { for laid_out.chunks(BLOCK_LINES).zip(split.texts.chunks(BLOCK_LINES)).enumerate().map(|(i, (layouts, texts))| {
                    let selected = selected.filter(|id| layouts.iter().any(|l| l.draws(*id)));
                    let lines = texts.iter().cloned().zip(layouts.iter().cloned()).collect::<Vec<_>>();
                    html! { <Block key={i} {lines} {selected} /> }
                }) }
            </div>
        </main>
    }
}

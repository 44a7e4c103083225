//! The article text with its highlights. Lines are memoised components, so an edit
//! re-renders only the lines whose segments changed.

use std::rc::Rc;

use annotator_core::offsets::slice_chars;
use annotator_core::{Document, LineLayout, layout, lines};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::line::Line;
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
        let lines = lines(d.0.text());
        let texts = lines.iter().map(|l| Rc::from(slice_chars(d.0.text(), l.start, l.end))).collect();
        Lines { lines, texts }
    });
    let laid_out: Rc<Vec<Rc<LineLayout>>> = {
        let (editor, split) = (state.editor.clone(), split.clone());
        use_memo(state.revision, move |_| {
            let texts: Vec<&str> = split.texts.iter().map(|t| &**t).collect();
            layout(&split.lines, &texts, editor.workspace().annotations()).into_iter().map(Rc::new).collect()
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
                { for laid_out.iter().zip(split.texts.iter()).map(|(line, text)| {
                    let selected = selected.filter(|id| line.segments.iter().any(|s| s.is_covered_by(*id)));
                    html! { <Line key={line.line.start} text={text.clone()} layout={line.clone()} {selected} /> }
                }) }
            </div>
        </main>
    }
}

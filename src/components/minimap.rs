//! A strip along the article showing where annotations are in the whole text, coloured by
//! tag, with a frame round the part the window shows; clicking it jumps to the annotation
//! nearest that point. (j/k do the same from the keyboard, so the strip is hidden from
//! assistive technology.)

use std::rc::Rc;

use annotator_core::Editor;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::dom;
use crate::state::{UiAction, use_app_state};

/// Keeps `frame` on what the window shows: after each scroll and resize, once per frame.
#[hook]
fn use_frame(frame: NodeRef, len: usize) {
    let latest = use_mut_ref(|| len);
    *latest.borrow_mut() = len;
    // Also when another text opens: its length changes what the window shows of it.
    let relayout = use_mut_ref(|| None::<Rc<dyn Fn()>>);
    {
        let relayout = relayout.clone();
        use_effect_with(len, move |_| {
            if let Some(update) = relayout.borrow().clone() {
                update();
            }
        });
    }
    use_effect_with((), move |_| {
        let queued = Rc::new(std::cell::Cell::new(false));
        let update = move || {
            if queued.replace(true) {
                return;
            }
            let (queued, frame, latest) = (queued.clone(), frame.clone(), latest.clone());
            let next = wasm_bindgen::closure::Closure::once_into_js(move || {
                queued.set(false);
                if let Some(el) = frame.cast::<web_sys::HtmlElement>() {
                    dom::minimap::place_frame(&el, *latest.borrow());
                }
            });
            let _ = gloo::utils::window().request_animation_frame(next.unchecked_ref());
        };
        let update = Rc::new(update);
        *relayout.borrow_mut() = Some(update.clone());
        let window = gloo::utils::window();
        // Passive (gloo's default): never delays scrolling.
        let listeners = [
            EventListener::new(&window, "scroll", {
                let update = update.clone();
                move |_| update()
            }),
            EventListener::new(&window, "resize", {
                let update = update.clone();
                move |_| update()
            }),
        ];
        update();
        move || drop(listeners)
    });
}

#[function_component]
pub fn Minimap() -> Html {
    let state = use_app_state();
    let canvas = use_node_ref();
    // Drawn when the browser is idle: the strip never delays an edit reaching the screen,
    // nor the frames after it.
    let redraw = {
        let (canvas, latest) = (canvas.clone(), use_mut_ref(|| state.session.editor.clone()));
        *latest.borrow_mut() = state.session.editor.clone();
        move || {
            let (canvas, editor): (NodeRef, Rc<Editor>) = (canvas.clone(), latest.borrow().clone());
            dom::when_idle(move || {
                if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                    dom::minimap::draw(&el, &editor);
                }
            });
        }
    };
    use_effect_with(state.revision(), {
        let redraw = redraw.clone();
        move |_| redraw()
    });
    // And when its size changes (the window, or the toolbar above it growing a row).
    {
        let canvas = canvas.clone();
        use_effect_with((), move |_| {
            let resizing = canvas.cast::<web_sys::Element>().and_then(|el| dom::on_resize(&el, redraw));
            move || drop(resizing)
        });
    }
    let onclick = {
        let state = state.clone();
        move |e: MouseEvent| {
            let el: HtmlCanvasElement = e.target_unchecked_into();
            let fraction = f64::from(e.offset_y()) / f64::from(el.client_height().max(1));
            let at = (fraction * state.workspace().document.char_len() as f64) as usize;
            state.dispatch(UiAction::SelectNear(at));
            dom::scroll_to_selected();
        }
    };
    let frame = use_node_ref();
    use_frame(frame.clone(), state.workspace().document.char_len());
    html! {
        <div class="minimap" aria-hidden="true">
            <canvas id="minimap" ref={canvas} {onclick} title="Where the annotations are: click to jump"></canvas>
            <div class="minimap-window" ref={frame}></div>
        </div>
    }
}

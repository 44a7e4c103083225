//! A strip along the article showing where annotations are in the whole text, coloured by
//! tag, with a frame round the part the window shows; clicking it jumps to the annotation
//! nearest that point. (j/k do the same from the keyboard, so the strip is hidden from
//! assistive technology.)

use std::rc::Rc;

use annotator_core::Editor;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

use crate::dom;
use crate::state::{Action, use_app_state};

/// For each pixel row of the strip, the colour of the last annotation starting or running
/// there (`None`: none): one rectangle per run of rows, not one per annotation.
fn rows(editor: &Editor, height: usize) -> Vec<Option<usize>> {
    let ws = editor.workspace();
    let len = ws.document.char_len().max(1);
    let mut rows = vec![None; height];
    for a in ws.annotations().iter().filter(|a| !a.orphan) {
        let colour = ws.tagset.position(a.tag).unwrap_or(0);
        let (top, bottom) = (a.start * height / len, (a.end * height / len).max(a.start * height / len + 2));
        for row in &mut rows[top.min(height)..bottom.min(height)] {
            *row = Some(colour);
        }
    }
    rows
}

fn draw(el: &HtmlCanvasElement, editor: &Editor) {
    let ratio = gloo::utils::window().device_pixel_ratio();
    let (w, h) = (f64::from(el.client_width()) * ratio, f64::from(el.client_height()) * ratio);
    // Resizing reallocates the canvas: only when the strip's size changed.
    if el.width() != w as u32 || el.height() != h as u32 {
        el.set_width(w as u32);
        el.set_height(h as u32);
    }
    let Some(ctx) =
        el.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, w, h);
    let tags = &editor.workspace().tagset.tags;
    let rows = rows(editor, h as usize);
    let mut start = 0;
    for i in 1..=rows.len() {
        if i < rows.len() && rows[i] == rows[start] {
            continue;
        }
        if let Some(colour) = rows[start].and_then(|c| tags.get(c)) {
            ctx.set_fill_style_str(&colour.colour);
            ctx.fill_rect(0.0, start as f64, w, (i - start) as f64);
        }
        start = i;
    }
}

/// Moves the frame to the part of the text the window shows (as shares of the text, the
/// strip's own scale).
fn place_frame(frame: &web_sys::HtmlElement, len: usize) {
    let Some(root) = gloo::utils::document().get_element_by_id("article-text") else { return };
    let (first, last) = dom::viewport::shown_range(&root, dom::viewport::covered_top(), len);
    let (Some(first), Some(last)) = (first, last) else { return };
    let share = |at: usize| at.min(len) as f64 * 100.0 / len.max(1) as f64;
    let style = frame.style();
    let _ = style.set_property("top", &format!("{:.2}%", share(first)));
    let _ = style.set_property("height", &format!("{:.2}%", share(last.max(first)) - share(first)));
}

/// Keeps `frame` on what the window shows: after each scroll and resize, once per frame.
#[hook]
fn use_frame(frame: NodeRef, len: usize) {
    let latest = use_mut_ref(|| len);
    *latest.borrow_mut() = len;
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
                    place_frame(&el, *latest.borrow());
                }
            });
            let _ = gloo::utils::window().request_animation_frame(next.unchecked_ref());
        };
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
        let (canvas, latest) = (canvas.clone(), use_mut_ref(|| state.editor.clone()));
        *latest.borrow_mut() = state.editor.clone();
        move || {
            let (canvas, editor): (NodeRef, Rc<Editor>) = (canvas.clone(), latest.borrow().clone());
            dom::when_idle(move || {
                if let Some(el) = canvas.cast::<HtmlCanvasElement>() {
                    draw(&el, &editor);
                }
            });
        }
    };
    use_effect_with(state.revision, {
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
            state.dispatch(Action::SelectNear(at));
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

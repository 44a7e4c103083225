//! A strip along the article showing where annotations are in the whole text, coloured by
//! tag; clicking it jumps to the annotation nearest that point. (j/k do the same from the
//! keyboard, so the strip is hidden from assistive technology.)

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

use crate::state::{Action, use_app_state};

#[function_component]
pub fn Minimap() -> Html {
    let state = use_app_state();
    let canvas = use_node_ref();
    {
        let (canvas, editor) = (canvas.clone(), state.editor.clone());
        use_effect_with(state.revision, move |_| {
            let Some(el) = canvas.cast::<HtmlCanvasElement>() else { return };
            let ratio = gloo::utils::window().device_pixel_ratio();
            let (w, h) = (f64::from(el.client_width()) * ratio, f64::from(el.client_height()) * ratio);
            el.set_width(w as u32);
            el.set_height(h as u32);
            let Some(ctx) = el
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            ctx.clear_rect(0.0, 0.0, w, h);
            let ws = editor.workspace();
            let len = ws.document.char_len().max(1) as f64;
            for a in ws.annotations().iter().filter(|a| !a.orphan) {
                let colour = ws.tagset.get(a.tag).map_or("#7f7f7f", |d| d.colour.as_str());
                ctx.set_fill_style_str(colour);
                let (top, bottom) = (a.start as f64 / len * h, a.end as f64 / len * h);
                ctx.fill_rect(0.0, top, w, (bottom - top).max(2.0 * ratio));
            }
        });
    }
    let onclick = {
        let state = state.clone();
        move |e: MouseEvent| {
            let el: HtmlCanvasElement = e.target_unchecked_into();
            let fraction = f64::from(e.offset_y()) / f64::from(el.client_height().max(1));
            let at = (fraction * state.workspace().document.char_len() as f64) as usize;
            state.dispatch(Action::SelectNear(at));
            crate::dom::scroll_to_selected();
        }
    };
    html! {
        <div class="minimap" aria-hidden="true">
            <canvas id="minimap" ref={canvas} {onclick} title="Where the annotations are: click to jump"></canvas>
        </div>
    }
}

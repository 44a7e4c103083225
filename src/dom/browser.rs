//! Small browser services: time, randomness, scrolling, downloads.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use annotator_core::AnnotationId;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{
    Blob, BlobPropertyBag, HtmlAnchorElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
    Url,
};

/// The current time as RFC 3339 (`2026-11-26T12:00:00.000Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh random annotation id from the browser's cryptographic generator.
pub fn random_id() -> AnnotationId {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if crypto.is_none_or(|c| c.get_random_values_with_u8_array(&mut bytes).is_err()) {
        // No Web Crypto (very old browser): fall back to Math.random, still unique enough
        // for ids that only need to differ within one person's workspace.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    AnnotationId::from_random_bytes(bytes)
}

/// Names the browser tab after the open article.
pub fn set_page_title(title: &str) {
    let title = if title.trim().is_empty() {
        "Article Annotator".to_owned()
    } else {
        format!("{title} — Article Annotator")
    };
    gloo::utils::document().set_title(&title);
}

/// Removes any text selection in the page.
pub fn clear_selection() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}

/// Scrolls the first element matching `selector` to the middle of the view.
///
/// Deferred until the next frame has been painted: scrolling forces a layout, and the
/// change that asked for it should reach the screen first (the scroll is animated anyway).
pub fn scroll_into_view(selector: &str) {
    let selector = selector.to_owned();
    after_paint(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
        else {
            return;
        };
        let opts = ScrollIntoViewOptions::new();
        opts.set_behavior(ScrollBehavior::Smooth);
        opts.set_block(ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    });
}

/// Scrolls `container` (a scroll box such as the sidebar) just enough to show the element
/// matching `selector` inside it — and nothing else. `scrollIntoView` would also scroll the
/// page whenever the box reaches below the window, moving the text under the reader's
/// pointer right after they tagged it.
pub fn reveal_in(container: &str, selector: &str) {
    let (container, selector) = (container.to_owned(), selector.to_owned());
    after_paint(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let (Some(boxed), Some(el)) =
            (doc.query_selector(&container).ok().flatten(), doc.query_selector(&selector).ok().flatten())
        else {
            return;
        };
        if boxed.scroll_height() <= boxed.client_height() {
            return; // not scrolling (the narrow layout): the page is the reader's to move
        }
        let (outer, inner) = (boxed.get_bounding_client_rect(), el.get_bounding_client_rect());
        // Of the parts of the box the window shows, the card should be inside.
        let height = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64()).unwrap_or(f64::INFINITY);
        let (top, bottom) = (outer.top().max(0.0), outer.bottom().min(height));
        let delta = if inner.top() < top {
            inner.top() - top
        } else if inner.bottom() > bottom {
            (inner.bottom() - bottom).min(inner.top() - top)
        } else {
            return;
        };
        let opts = web_sys::ScrollToOptions::new();
        opts.set_top(delta);
        opts.set_behavior(ScrollBehavior::Smooth);
        boxed.scroll_by_with_scroll_to_options(&opts);
    });
}

/// Gives the focus back to the article text without scrolling (after its card's Delete or
/// Close: the button is gone, and the focus would fall to the page's start).
pub fn focus_article() {
    let Some(el) = gloo::utils::document().get_element_by_id("article-text") else { return };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else { return };
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
}

/// Brings the selected annotation's highlight into view (after it has been drawn), then
/// flashes it once the scroll has stopped, so the eye finds it after a jump.
pub fn scroll_to_selected() {
    const SELECTED: &str = "#article-text mark.sel";
    JUMPING.set(true);
    scroll_into_view(SELECTED);
    after_paint(|| {
        let window = gloo::utils::window();
        let state = Rc::new(RefCell::new((false, Vec::<EventListener>::new())));
        let flash_once = {
            let state = state.clone();
            move || {
                let mut s = state.borrow_mut();
                if !std::mem::replace(&mut s.0, true) {
                    s.1.clear(); // stop listening
                    JUMPING.set(false);
                    flash(SELECTED);
                }
            }
        };
        let moving = Rc::new(Cell::new(false));
        let (on_end, on_scroll) = (flash_once.clone(), moving.clone());
        state.borrow_mut().1 = vec![
            EventListener::new(&window, "scrollend", move |_| on_end()),
            EventListener::new(&window, "scroll", move |_| on_scroll.set(true)),
        ];
        // Nothing had to move (it was in view already): no `scrollend` will come.
        Timeout::new(120, move || {
            if !moving.get() {
                flash_once();
            }
        })
        .forget();
    });
}

thread_local! {
    /// A jump's scroll is under way: it places the highlight itself (above the sheet).
    static JUMPING: Cell<bool> = const { Cell::new(false) };
}

/// On a phone the selected card is a sheet over the bottom of the window (`position:
/// fixed`): scrolls the selected highlight up until the sheet leaves it clear. Nothing
/// happens where the card sits in the sidebar.
pub fn keep_selected_clear_of_sheet() {
    after_paint(|| {
        if JUMPING.get() {
            return;
        }
        let doc = gloo::utils::document();
        let (Some(sheet), Some(mark)) = (
            doc.query_selector(".card.sel").ok().flatten(),
            doc.query_selector("#article-text mark.sel").ok().flatten(),
        ) else {
            return;
        };
        let window = gloo::utils::window();
        let fixed = window
            .get_computed_style(&sheet)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("position").ok())
            .is_some_and(|p| p == "fixed");
        let (top, below) = (sheet.get_bounding_client_rect().top(), mark.get_bounding_client_rect().bottom());
        if fixed && below > top - 8.0 {
            let opts = web_sys::ScrollToOptions::new();
            opts.set_top(below - top + 32.0);
            opts.set_behavior(ScrollBehavior::Smooth);
            window.scroll_by_with_scroll_to_options(&opts);
        }
    });
}

/// Plays the `flash` animation (`styles/main.css`) on every element matching `selector`.
fn flash(selector: &str) {
    let Ok(found) = gloo::utils::document().query_selector_all(selector) else { return };
    let els: Vec<web_sys::Element> =
        (0..found.length()).filter_map(|i| found.item(i)?.dyn_into().ok()).collect();
    for el in &els {
        let _ = el.class_list().add_1("flash");
    }
    Timeout::new(1300, move || {
        for el in &els {
            let _ = el.class_list().remove_1("flash");
        }
    })
    .forget();
}

/// Runs `f` in a task after the next frame: the animation frame callback runs just before
/// the paint, and a timeout set there runs after it.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
    // In a hidden tab the frame, and so `f`, waits until the tab is shown again.
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Calls a function whenever an element's size changes (and once at the start). Stops
/// when dropped.
pub struct Resizing {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for Resizing {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `f` now and whenever `el`'s size changes, while the returned guard lives.
pub fn on_resize(el: &web_sys::Element, f: impl FnMut() + 'static) -> Option<Resizing> {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el); // also reports the first size at once
    Some(Resizing { observer, _callback: callback })
}

/// Keeps the elements that sit below the sticky top (each matching `below`: the sidebar,
/// the minimap, Find) and the page's scroll padding (which Find's height adds to) in step
/// with `top`'s height, which changes
/// when the toolbar wraps or a message comes and goes. Set there, not as a variable on the
/// root: that is inherited by, and restyles, every element of a long article.
pub fn track_top_height(top: &web_sys::Element, below: &'static str) -> Option<Resizing> {
    let doc = web_sys::window()?.document()?;
    let root = doc.document_element()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    let measured = top.clone();
    on_resize(top, move || {
        let top = measured.get_bounding_client_rect().height();
        let height = super::css_len(top, "px");
        // Find sticks under the top too: what a scroll brings into view must clear both.
        let find =
            doc.query_selector(".find").ok().flatten().map_or(0.0, |f| f.get_bounding_client_rect().height());
        let _ = root.style().set_property("scroll-padding-top", &super::css_len(top + find, "px"));
        let Ok(targets) = doc.query_selector_all(below) else { return };
        for el in
            (0..targets.length()).filter_map(|i| targets.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.style().set_property("--top-h", &height);
        }
    })
}

/// Runs `f` when the browser is idle (at the latest after 1 s): for work nobody waits for,
/// such as redrawing the minimap, which must not delay the frames after an edit.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window.request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let props = BlobPropertyBag::new();
    props.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &props)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoke later: some browsers read the URL after the click handler returns.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Whether the page has a non-empty text selection (a drag just ended).
pub fn has_selection() -> bool {
    web_sys::window().and_then(|w| w.get_selection().ok().flatten()).is_some_and(|s| !s.is_collapsed())
}

/// Watches a media query (`"(max-width: 40rem)"`): calls `f` whenever whether it matches
/// changes, while the returned listener lives. `None` (and no calls) when the browser
/// cannot evaluate it; the first value is [`matches_media`].
pub fn watch_media(query: &str, mut f: impl FnMut(bool) + 'static) -> Option<gloo::events::EventListener> {
    let list = web_sys::window()?.match_media(query).ok()??;
    let watched = list.clone();
    Some(gloo::events::EventListener::new(&list, "change", move |_| f(watched.matches())))
}

/// Whether a media query matches now (`false` when it cannot be evaluated).
pub fn matches_media(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|l| l.matches())
}

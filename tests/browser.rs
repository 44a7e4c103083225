//! Runs in headless Chromium (`make browser`): the parts of the app that only exist in a
//! browser — DOM selections in UTF-16, the localStorage and IndexedDB adapters, and
//! mounting the whole app.
#![cfg(target_arch = "wasm32")]

use annotator_core::library::{
    LEGACY_KEY, Library, OLD_CURRENT_KEY, OLD_DOC_PREFIX, Store, StoreError, Write,
};
use annotator_core::{Document, Editor, Tag, Workspace, export_json};
use article_annotator::{App, dom, storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// A container with the markup `Line` renders: one text node per positioned element.
fn rendered(lines: &[&[(&str, usize)]]) -> Element {
    let root = document().create_element("div").unwrap();
    for segments in lines {
        let p = document().create_element("p").unwrap();
        let start = segments.first().map_or(0, |s| s.1);
        let mut end = start;
        for (text, s) in *segments {
            let span = document().create_element("span").unwrap();
            end = s + text.chars().count();
            span.set_attribute("data-s", &s.to_string()).unwrap();
            span.set_attribute("data-e", &end.to_string()).unwrap();
            span.set_text_content(Some(text));
            p.append_child(&span).unwrap();
        }
        p.set_attribute("data-s", &start.to_string()).unwrap();
        p.set_attribute("data-e", &end.to_string()).unwrap();
        root.append_child(&p).unwrap();
    }
    document().body().unwrap().append_child(&root).unwrap();
    root
}

fn select(start: (&web_sys::Node, u32), end: (&web_sys::Node, u32)) {
    let range = document().create_range().unwrap();
    range.set_start(start.0, start.1).unwrap();
    range.set_end(end.0, end.1).unwrap();
    let sel = gloo::utils::window().get_selection().unwrap().unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
}

/// The first element under `root` matching `selector`; panics with the selector if none.
fn find(root: &Element, selector: &str) -> Element {
    let found = root.query_selector(selector).unwrap();
    found.unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn text_node(root: &Element, selector: &str) -> web_sys::Node {
    find(root, selector).first_child().unwrap()
}

#[wasm_bindgen_test]
fn utf16_dom_offsets_become_code_points() {
    // "a🤦🏼‍♂️ 日本" then a second segment "語!": the emoji is 5 code points, 7 UTF-16 units.
    let root = rendered(&[&[("a🤦🏼‍♂️ 日本", 0), ("語!", 9)]]);
    let first = text_node(&root, "span[data-s='0']");
    let second = text_node(&root, "span[data-s='9']");
    // UTF-16 offset 9 is after "a", the 7-unit emoji and the space: code point 7.
    select((&first, 9), (&second, 1));
    let r = dom::selected_range(&root).expect("a selection inside the root");
    assert_eq!((r.anchor, r.focus), (7, 10));
    root.remove();
}

#[wasm_bindgen_test]
fn element_boundaries_map_to_their_children() {
    let root = rendered(&[&[("ab", 0), ("cd", 2)], &[("ef", 5)]]);
    let line1 = root.first_element_child().unwrap();
    let line2 = root.last_element_child().unwrap();
    // (line, 1) is before the second segment; (line2, childCount) is the end of line 2.
    select((&line1, 1), (&line2, 1));
    let r = dom::selected_range(&root).unwrap();
    assert_eq!((r.anchor, r.focus), (2, 7));
    root.remove();
}

#[wasm_bindgen_test]
fn selections_outside_the_article_are_ignored() {
    let root = rendered(&[&[("inside", 0)]]);
    let outside = rendered(&[&[("outside", 0)]]);
    let node = text_node(&outside, "span");
    select((&node, 0), (&node, 3));
    assert_eq!(dom::selected_range(&root), None);
    root.remove();
    outside.remove();
}

fn local_storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

/// Empties both stores (a test's app may still hold the database open: it lets go on
/// `versionchange`).
async fn clear_storage() {
    local_storage().clear().unwrap();
    let factory = idb::Factory::new().unwrap();
    factory.delete(storage::DB_NAME).unwrap().await.unwrap();
}

fn saved_workspace() -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("Saved", "Tokyo took steps")));
    ed.add(0..5, Tag::Entity, dom::random_id(), &dom::now_iso()).unwrap();
    ed.workspace().clone()
}

const DOC: &str = "00000000-0000-4000-8000-0000000000d1";

fn doc_id() -> annotator_core::AnnotationId {
    DOC.parse().unwrap()
}

/// `value` as JS sees it under `key` in localStorage (no Rust `String` in between).
fn raw_local(key: &str) -> JsValue {
    let get: js_sys::Function = js_sys::Reflect::get(&local_storage(), &"getItem".into()).unwrap().into();
    get.call1(&local_storage(), &key.into()).unwrap()
}

/// A string with a lone surrogate, as a save cut mid-emoji leaves it.
fn cut_mid_emoji() -> JsValue {
    js_sys::JSON::parse(r#""{\"format\": \"article-annotator\", \"annotations\": [\"\ud83e""#).unwrap()
}

#[wasm_bindgen_test]
fn local_storage_copies_byte_for_byte_and_names_a_full_quota() {
    local_storage().clear().unwrap();
    let set: js_sys::Function = js_sys::Reflect::get(&local_storage(), &"setItem".into()).unwrap().into();
    set.call2(&local_storage(), &"cut".into(), &cut_mid_emoji()).unwrap();
    let mut store = storage::LocalStore::open().unwrap();
    store.copy("cut", "copy").unwrap();
    assert!(js_sys::Object::is(&raw_local("copy"), &cut_mid_emoji()), "the lone surrogate is kept");
    assert!(matches!(store.copy("missing", "x"), Err(StoreError::Failed(_))));
    let huge = "x".repeat(6_000_000);
    let full = store.commit(vec![Write::Put { key: "huge".into(), value: huge }]);
    assert_eq!(full, Err(StoreError::Full));
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn indexed_db_commits_reach_the_disk_and_read_back() {
    clear_storage().await;
    let mut store = storage::IdbStore::open(|| panic!("nothing else holds it")).await.unwrap();
    store.commit(vec![Write::Put { key: "aa2.a".into(), value: "1".into() }]).unwrap();
    store
        .commit(vec![
            Write::Put { key: "aa2.b".into(), value: "2".into() },
            Write::Delete { key: "aa2.a".into() },
        ])
        .unwrap();
    store.copy("aa2.b", "aa2.c").unwrap();
    assert_eq!(store.settled().await, Ok(()));
    let again = storage::IdbStore::open(|| panic!("nothing else holds it")).await.unwrap();
    assert_eq!(again.keys("aa2.").unwrap(), ["aa2.b", "aa2.c"]);
    assert_eq!(again.get("aa2.c").unwrap().as_deref(), Some("2"));
    clear_storage().await;
}

/// Mounts the app, as `main` does, and waits until it has drawn the article (it opens
/// the library first).
async fn mount() -> Element {
    dom::segment::install();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<App>::with_root(host.clone()).render();
    let drawn = host.clone();
    let appeared = js_sys::Promise::new(&mut |resolve, _| {
        let watched = drawn.clone();
        let check =
            wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
                move |_, observer: web_sys::MutationObserver| {
                    if watched.query_selector(".doc-title").ok().flatten().is_some() {
                        observer.disconnect();
                        resolve.call0(&JsValue::NULL).unwrap();
                    }
                },
            );
        let observer = web_sys::MutationObserver::new(check.as_ref().unchecked_ref()).unwrap();
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        observer.observe_with_options(&drawn, &options).unwrap();
        check.forget();
    });
    wasm_bindgen_futures::JsFuture::from(appeared).await.unwrap();
    host
}

#[wasm_bindgen_test]
async fn app_restores_saved_work() {
    clear_storage().await;
    let store = storage::IdbStore::open(|| ()).await.unwrap();
    let mut library = Library::new(store.clone());
    library.save(doc_id(), &saved_workspace(), 1, &Default::default()).unwrap();
    assert_eq!(store.settled().await, Ok(()));
    let host = mount().await;
    assert_eq!(text_of(&host, "mark.in-entity"), "Tokyo");
    assert_eq!(text_of(&host, ".doc-title"), "Saved");
    host.remove();
    clear_storage().await;
}

#[wasm_bindgen_test]
async fn the_first_versions_single_workspace_moves_into_indexed_db() {
    clear_storage().await;
    local_storage().set_item(LEGACY_KEY, &export_json(&saved_workspace())).unwrap();
    let host = mount().await;
    assert_eq!(text_of(&host, ".doc-title"), "Saved");
    assert_eq!(local_storage().get_item(LEGACY_KEY).unwrap(), None, "moved, then removed");
    let store = storage::IdbStore::open(|| ()).await.unwrap();
    assert_eq!(Library::new(store).summaries().unwrap().len(), 1);
    host.remove();
    clear_storage().await;
}

#[wasm_bindgen_test]
async fn app_moves_unreadable_data_aside_byte_for_byte_and_says_so() {
    clear_storage().await;
    let set: js_sys::Function = js_sys::Reflect::get(&local_storage(), &"setItem".into()).unwrap().into();
    local_storage().set_item(OLD_CURRENT_KEY, DOC).unwrap();
    set.call2(&local_storage(), &format!("{OLD_DOC_PREFIX}{DOC}").into(), &cut_mid_emoji()).unwrap();
    let host = mount().await;
    let text = text_of(&host, ".storage-banner.error");
    assert!(text.contains("Saved work could not be read"), "{text}");
    assert!(find(&host, ".download-backup").text_content().unwrap().contains("Download"));
    let backup = annotator_core::library::records::backup_key(0);
    assert!(js_sys::Object::is(&raw_local(&backup), &cut_mid_emoji()), "kept byte for byte");
    assert!(raw_local(&format!("{OLD_DOC_PREFIX}{DOC}")).is_null(), "removed once copied");
    assert!(text_of(&host, ".doc-title").contains("China reached Japan"));
    host.remove();
    clear_storage().await;
}

#[wasm_bindgen_test]
async fn app_leaves_data_from_a_newer_version_alone() {
    clear_storage().await;
    // Whatever version an export writes (3 without links, 4 with), a later one says 9.
    let mut value: serde_json::Value = serde_json::from_str(&export_json(&saved_workspace())).unwrap();
    value["schema_version"] = 9.into();
    let future = serde_json::to_string_pretty(&value).unwrap();
    local_storage().set_item(OLD_CURRENT_KEY, DOC).unwrap();
    local_storage().set_item(&format!("{OLD_DOC_PREFIX}{DOC}"), &future).unwrap();
    let host = mount().await;
    let text = text_of(&host, ".storage-banner.error");
    assert!(text.contains("newer version of the app (schema 9)"), "{text}");
    assert_eq!(
        local_storage().get_item(&format!("{OLD_DOC_PREFIX}{DOC}")).unwrap(),
        Some(future),
        "not moved, not overwritten"
    );
    host.remove();
    clear_storage().await;
}

//! Runs in headless Chromium (`make browser`): the parts of the app that only exist in a
//! browser — DOM selections in UTF-16, localStorage, and mounting the whole app.
#![cfg(target_arch = "wasm32")]

use annotator_core::{Document, Editor, Tag, Workspace, export_json};
use article_annotator::{App, dom, storage};
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

fn clear_storage() {
    local_storage().clear().unwrap();
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

#[wasm_bindgen_test]
fn storage_round_trips_a_document_with_its_revision() {
    clear_storage();
    let fresh = dom::random_id();
    assert_eq!(storage::load(fresh).unwrap(), storage::Loaded { id: fresh, workspace: None, revision: 0 });
    let ws = saved_workspace();
    storage::save(doc_id(), &ws, 7, &Default::default()).unwrap();
    assert_eq!(
        storage::load(fresh).unwrap(),
        storage::Loaded { id: doc_id(), workspace: Some(ws), revision: 7 }
    );
    assert_eq!(
        storage::library().iter().map(|d| (d.title.clone(), d.counts.clone())).collect::<Vec<_>>(),
        [(
            "Saved".to_owned(),
            vec![("Claim".to_owned(), 0), ("Source".to_owned(), 0), ("Entity".to_owned(), 1)]
        )]
    );
    clear_storage();
}

#[wasm_bindgen_test]
fn the_first_versions_single_workspace_moves_into_the_library() {
    clear_storage();
    let ws = saved_workspace();
    local_storage().set_item(storage::LEGACY_KEY, &export_json(&ws)).unwrap();
    let loaded = storage::load(doc_id()).unwrap();
    assert_eq!(loaded.workspace, Some(ws));
    assert_eq!(local_storage().get_item(storage::LEGACY_KEY).unwrap(), None);
    assert!(local_storage().get_item(&storage::doc_key(doc_id())).unwrap().is_some());
    clear_storage();
}

async fn mount() -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<App>::with_root(host.clone()).render();
    yew::scheduler::flush().await;
    host
}

#[wasm_bindgen_test]
async fn app_restores_saved_work() {
    clear_storage();
    storage::save(doc_id(), &saved_workspace(), 1, &Default::default()).unwrap();
    let host = mount().await;
    assert_eq!(text_of(&host, "mark.in-entity"), "Tokyo");
    assert_eq!(text_of(&host, ".doc-title"), "Saved");
    host.remove();
    clear_storage();
}

#[wasm_bindgen_test]
async fn app_moves_unreadable_data_aside_and_says_so() {
    clear_storage();
    let garbage = "{\"format\": \"article-annotator\", \"schema_version\": 2, \"document\": 5}";
    local_storage().set_item(storage::CURRENT_KEY, DOC).unwrap();
    local_storage().set_item(&storage::doc_key(doc_id()), garbage).unwrap();
    let host = mount().await;
    let text = text_of(&host, ".storage-banner.error");
    assert!(text.contains("Saved work could not be read"), "{text}");
    assert!(find(&host, ".download-backup").text_content().unwrap().contains("Download"));
    assert_eq!(
        local_storage().get_item(storage::BACKUP_KEY).unwrap().as_deref(),
        Some(garbage),
        "kept byte for byte"
    );
    assert_eq!(local_storage().get_item(&storage::doc_key(doc_id())).unwrap(), None);
    assert!(text_of(&host, ".doc-title").contains("China reached Japan"));
    host.remove();
    clear_storage();
}

#[wasm_bindgen_test]
async fn app_leaves_data_from_a_newer_version_alone() {
    clear_storage();
    let future = export_json(&saved_workspace()).replace(
        &format!("\"schema_version\": {}", annotator_core::format::SCHEMA_VERSION),
        "\"schema_version\": 9",
    );
    local_storage().set_item(storage::CURRENT_KEY, DOC).unwrap();
    local_storage().set_item(&storage::doc_key(doc_id()), &future).unwrap();
    let host = mount().await;
    let text = text_of(&host, ".storage-banner.error");
    assert!(text.contains("newer version of the app (schema 9)"), "{text}");
    assert_eq!(
        local_storage().get_item(&storage::doc_key(doc_id())).unwrap(),
        Some(future),
        "not moved, not overwritten"
    );
    assert_eq!(local_storage().get_item(storage::BACKUP_KEY).unwrap(), None);
    host.remove();
    clear_storage();
}

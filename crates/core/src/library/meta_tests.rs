//! The article's metadata in the library: kept in the meta record beside the title (the
//! text record untouched), read back, listed, kept by a rename and Export all, and the
//! records of the release before metadata still read.

use super::fixtures::{library, nid, workspace};
use super::records::{doc_key, meta_key};
use super::*;
use crate::editor::Editor;
use crate::meta::ArticleMeta;
use crate::test_support::NOW;

const LATER: &str = "2026-11-27T09:00:00.000Z";

fn meta() -> ArticleMeta {
    ArticleMeta {
        url: "https://news.test/2024/taxes".into(),
        authors: vec!["Ana Díaz".into()],
        published: "2024-03-05".into(),
        site: "News Test".into(),
        language: "en".into(),
        added: NOW.into(),
    }
}

/// `ws` with `meta` set through the editor, as the app's Article details panel does.
fn with_meta(ws: &Workspace, meta: ArticleMeta) -> Workspace {
    let mut ed = Editor::new(ws.clone());
    ed.set_meta(meta, LATER);
    ed.workspace().clone()
}

fn stored(lib: &Library<MemoryStore>, key: &str) -> String {
    lib.store().get(key).unwrap().unwrap()
}

#[test]
fn a_document_with_metadata_reopens_with_it_and_the_list_shows_it() {
    let mut lib = library();
    let ws = with_meta(&workspace("Taxes", 3), meta());
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    let record: records::MetaRecord = records::parse(&stored(&lib, &meta_key(nid(1)))).unwrap();
    assert_eq!((record.schema_version, &record.article), (6, &meta()));
    let doc: records::DocRecord = records::parse(&stored(&lib, &doc_key(nid(1)))).unwrap();
    assert_eq!(doc.schema_version, 3, "the text record's shape is unchanged");
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert_eq!((got.workspace.document.meta(), got.problems), (&meta(), vec![]));
    assert_eq!(got.workspace, ws);
    let listed = lib.summaries().unwrap();
    assert_eq!((listed[0].title.as_str(), &listed[0].meta), ("Taxes", &meta()));
}

/// Setting the metadata rewrites the small meta record alone: the text and the
/// annotations are as they were.
#[test]
fn new_metadata_writes_only_the_meta_record() {
    let mut lib = library();
    let ws = workspace("Taxes", 3);
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    lib.store_mut().clear_written();
    let dressed = with_meta(&ws, meta());
    lib.save(nid(1), &dressed, 2, &Marks::default()).unwrap();
    assert_eq!(lib.store().written(), [meta_key(nid(1))]);
    assert_eq!(Library::new(lib.store().clone()).load(nid(1)).unwrap().workspace, dressed);
    // And taken away again: the record is as the release before wrote it.
    lib.store_mut().clear_written();
    lib.save(nid(1), &with_meta(&dressed, ArticleMeta::default()), 3, &Marks::default()).unwrap();
    assert_eq!(lib.store().written(), [meta_key(nid(1))]);
    let record: records::MetaRecord = records::parse(&stored(&lib, &meta_key(nid(1)))).unwrap();
    assert_eq!(record.schema_version, 3);
    assert!(!stored(&lib, &meta_key(nid(1))).contains("\"article\""));
}

/// A meta record the release before wrote has no `article`: it reads with none, and is
/// listed with none.
#[test]
fn records_without_metadata_are_as_before_and_still_read() {
    let mut lib = library();
    let ws = workspace("Plain", 2);
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    let raw = stored(&lib, &meta_key(nid(1)));
    assert!(raw.starts_with("{\"schema_version\":3,") && !raw.contains("article"), "{raw}");
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert!(got.workspace.document.meta().is_empty());
    assert_eq!((got.workspace, got.problems), (ws, vec![]));
    assert!(lib.summaries().unwrap()[0].meta.is_empty());
}

#[test]
fn a_rename_and_export_all_keep_the_metadata() {
    let mut lib = library();
    let ws = with_meta(&workspace("Taxes", 2), meta());
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    lib.rename(nid(1), "Fuel taxes").unwrap();
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap().workspace;
    assert_eq!((got.document.title(), got.document.meta()), ("Fuel taxes", &meta()));
    let open = Workspace::new(crate::model::Document::new("Open", "Another article."));
    let all = lib.export_all((nid(2), &open)).unwrap();
    let back = import_library(&all.file).unwrap();
    let taxes = back.iter().flatten().find(|i| i.workspace.document.title() == "Fuel taxes").unwrap();
    assert_eq!(taxes.workspace.document.meta(), &meta());
}

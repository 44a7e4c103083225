//! A document's links in the library: kept in its text record, read back, not written
//! again while unchanged, and the records of the release before links still read.

use super::fixtures::{edited, library, nid};
use super::records::{doc_key, meta_key};
use super::*;
use crate::doc_link::DocLink;
use crate::formats::ImportError;
use crate::model::Document;
use crate::tagset::Tag;
use crate::test_support::NOW;

const LATER: &str = "2026-11-27T09:00:00.000Z";

/// A Markdown article with its links and two annotations.
fn linked() -> Workspace {
    let md = "# Rain\n\nThe [Met](https://met.test \"Forecasts\") says rain; [others](https://x.test) agree.";
    let mut ed = crate::Editor::new(Workspace::new(crate::article_from_markdown("t", md).unwrap().document));
    ed.add(6..9, Tag::Source, nid(10), NOW).unwrap();
    ed.add(6..19, Tag::Claim, nid(11), NOW).unwrap();
    ed.workspace().clone()
}

fn stored(lib: &Library<MemoryStore>, key: &str) -> String {
    lib.store().get(key).unwrap().unwrap()
}

#[test]
fn a_saved_markdown_article_reopens_with_its_links() {
    let mut lib = library();
    let ws = linked();
    assert_eq!(ws.document.links().len(), 2);
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    let doc: records::DocRecord = records::parse(&stored(&lib, &doc_key(nid(1)))).unwrap();
    assert_eq!((doc.schema_version, &doc.links[..]), (4, ws.document.links()));
    let meta: records::MetaRecord = records::parse(&stored(&lib, &meta_key(nid(1)))).unwrap();
    assert_eq!(meta.schema_version, 3, "the meta record's shape is unchanged");
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert_eq!((got.problems, got.moved, got.orphaned), (vec![], 0, 0));
    assert_eq!(got.workspace.document.links(), ws.document.links());
    assert_eq!(got.workspace, ws);
}

/// The text record, the largest, is written only when the text or its links change.
#[test]
fn an_unchanged_document_with_links_is_not_written_again() {
    let mut lib = library();
    let ws = linked();
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    lib.store_mut().clear_written();
    let noted = edited(&ws, 0, "check", LATER);
    lib.save(nid(1), &noted, 2, &Marks::default()).unwrap();
    let note = records::ann_key(nid(1), noted.annotations()[0].id);
    assert_eq!(lib.store().written(), [note.clone(), meta_key(nid(1))]);

    // Read back in another library (the links compared, not the same `Rc`), the same.
    let mut other = Library::new(lib.store().clone());
    let loaded = other.load(nid(1)).unwrap().workspace;
    other.store_mut().clear_written();
    other.save(nid(1), &edited(&loaded, 0, "again", LATER), 3, &Marks::default()).unwrap();
    assert!(!other.store().written().contains(&doc_key(nid(1))), "{:?}", other.store().written());

    // The same words with other links: the text record holds them, so it is written.
    let relinked = Workspace::with_annotations(
        (*loaded.document).clone().with_links([DocLink { start: 0, end: 4, url: "u".into(), title: None }]),
        loaded.annotations().iter().cloned(),
        (**loaded.tagset()).clone(),
    );
    other.store_mut().clear_written();
    other.save(nid(1), &relinked, 4, &Marks::default()).unwrap();
    assert!(other.store().written().contains(&doc_key(nid(1))));
    assert_eq!(Library::new(other.store().clone()).load(nid(1)).unwrap().workspace, relinked);
}

/// Without links a text record is what the release before links wrote (schema 3, no
/// `links`), and such a record, written by it, reads with none.
#[test]
fn records_without_links_are_as_before_and_still_read() {
    let mut lib = library();
    let ws = Workspace::new(Document::new("Plain", "No links in here."));
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    let sha = ws.document.sha256();
    let before = format!("{{\"schema_version\":3,\"text\":\"No links in here.\",\"sha256\":\"{sha}\"}}");
    assert_eq!(stored(&lib, &doc_key(nid(1))), before);
    lib.store_mut().put(&doc_key(nid(1)), &before);
    let got = Library::new(lib.store().clone()).load(nid(1)).unwrap();
    assert!(got.workspace.document.links().is_empty());
    assert_eq!((got.workspace, got.problems), (ws, vec![]));
}

/// A link the text cannot hold is dropped as an import drops it; its record is copied
/// aside first, since the next save rewrites it without that link.
#[test]
fn a_stored_link_past_the_text_is_kept_aside_and_dropped() {
    let mut lib = library();
    let ws = linked();
    lib.save(nid(1), &ws, 1, &Marks::default()).unwrap();
    let raw = stored(&lib, &doc_key(nid(1)));
    let damaged = raw.replace("\"links\":[", "\"links\":[{\"start\":3,\"end\":999,\"url\":\"x\"},");
    assert_ne!(raw, damaged);
    lib.store_mut().put(&doc_key(nid(1)), &damaged);

    let mut other = Library::new(lib.store().clone());
    let got = other.load(nid(1)).unwrap();
    assert_eq!(got.workspace, ws, "the good links and every annotation still come in");
    let [Problem::Unreadable { key, error: ImportError::Shape(why), kept: Kept::Aside { backup } }] =
        &got.problems[..]
    else {
        panic!("{:?}", got.problems)
    };
    assert_eq!(key, &doc_key(nid(1)));
    assert!(why.starts_with("link 1 end 999 is past the text length"), "{why}");
    assert_eq!(other.store().get(backup).unwrap(), Some(damaged), "byte for byte");
    assert_eq!(other.store().get(&meta_key(nid(1))).unwrap(), Some(stored(&lib, &meta_key(nid(1)))));

    other.save(nid(1), &got.workspace, 2, &Marks::default()).unwrap();
    assert_eq!(other.store().get(&doc_key(nid(1))).unwrap(), Some(raw), "rewritten without it");
    let again = Library::new(other.store().clone()).load(nid(1)).unwrap();
    assert_eq!(again.problems, vec![]);
}

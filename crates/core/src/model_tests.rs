use super::*;
use crate::doc_link::DocLink;
use crate::test_support::id;

#[test]
fn new_annotation_keeps_quote_and_context() {
    let doc = Document::new("t", &format!("{}Tokyo took steps{}", "x".repeat(40), "y".repeat(40)));
    let a = Annotation::new(&doc, 40..45, Tag::Entity, id(1), "2026-01-01T00:00:00.000Z");
    assert_eq!(a.exact, "Tokyo");
    assert_eq!(a.prefix, "x".repeat(32));
    assert_eq!(a.suffix, format!(" took steps{}", "y".repeat(21)));
}

#[test]
fn document_normalizes_text_and_title() {
    let doc = Document::new("  ", "a\r\nb");
    assert_eq!(doc.text(), "a\nb");
    assert_eq!(doc.title(), "Untitled");
    assert_eq!(doc.char_len(), 3);
    assert_eq!(
        Document::new("", "abc").sha256(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn workspace_keeps_document_order() {
    let doc = Document::new("t", "abcdefghij");
    let mut ws = Workspace::new(doc.clone());
    for (n, r) in [(1, 5..7), (2, 0..3), (3, 0..9)] {
        ws.insert(Annotation::new(&doc, r, Tag::Claim, id(n), "now"));
    }
    let order: Vec<_> = ws.annotations().iter().map(|a| (a.start, a.end)).collect();
    assert_eq!(order, vec![(0, 9), (0, 3), (5, 7)]);
    assert_eq!(ws.counts(), vec![(Tag::Claim, 3), (Tag::Source, 0), (Tag::Entity, 0)]);
    let ids = |v: Vec<&Rc<Annotation>>| v.iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(ws.covering(1)), vec![id(2), id(3)], "innermost first");
    assert_eq!(ws.nearest(4), Some(id(3)), "inside 0..9 only");
    assert_eq!(ws.nearest(6), Some(id(1)), "inside 5..7 and 0..9: the shorter");
    assert_eq!(Workspace::new(doc.clone()).nearest(3), None);
    assert_eq!(ws.neighbour(Some(id(3)), 0, true), Some(id(2)));
    assert_eq!(ws.neighbour(Some(id(1)), 0, true), Some(id(3)), "wraps around");
    assert_eq!(ws.neighbour(None, 4, true), Some(id(1)));
    assert_eq!(ws.neighbour(None, 4, false), Some(id(2)));
}

fn link(start: usize, end: usize, url: &str) -> DocLink {
    DocLink { start, end, url: url.to_owned(), title: None }
}

#[test]
fn links_out_of_the_text_or_empty_are_dropped_and_the_rest_sorted() {
    // "日本 said so": 10 code points, more bytes; ranges count code points.
    let doc = Document::new("t", "日本 said so").with_links([
        link(3, 7, "https://b.test"),
        link(0, 2, "https://a.test"),
        link(4, 4, "empty"),
        link(5, 3, "backwards"),
        link(8, 11, "past the end"),
        link(8, 10, "javascript:alert(1)"),
    ]);
    let kept: Vec<_> = doc.links().iter().map(|l| (l.start, l.end, l.url.as_str())).collect();
    assert_eq!(
        kept,
        vec![(0, 2, "https://a.test"), (3, 7, "https://b.test"), (8, 10, "javascript:alert(1)")]
    );
    assert!(Document::new("t", "abc").links().is_empty(), "a new document has none");
    let replaced = doc.clone().with_links([link(0, 1, "x")]);
    assert_eq!(replaced.links(), &[link(0, 1, "x")], "with_links replaces, never adds");
}

#[test]
fn links_are_metadata_kept_by_equality_and_titles_not_by_the_hash() {
    let plain = Document::new("t", "abc");
    let linked = plain.clone().with_links([link(0, 3, "https://a.test")]);
    assert_eq!(linked.sha256(), plain.sha256(), "the hash is the text's alone");
    assert_eq!(linked.sha256(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_ne!(linked, plain, "but the documents differ");
    assert!(!linked.same_content(&plain));
    let renamed = linked.retitled("Another");
    assert_eq!(renamed.links(), linked.links());
    assert!(renamed.same_content(&linked), "a title is not content");
    let ws = Workspace::new(linked.clone()).renamed("Again");
    assert_eq!(ws.document.links(), linked.links());
}

/// Whatever tag set is handed over, the workspace's holds every tag in use: it cannot be
/// assigned past that any more (the field is private), and `with_tagset` adds what lacks.
#[test]
fn the_tag_set_always_holds_the_tags_in_use() {
    let doc = Document::new("t", "Tokyo took steps");
    let ws = Workspace::with_annotations(
        doc.clone(),
        [Annotation::new(&doc, 0..5, Tag::Entity, id(1), "now")],
        TagSet::default(),
    );
    let mut only_claims = TagSet::default();
    only_claims.tags.retain(|d| d.key == Tag::Claim);
    let swapped = ws.with_tagset(only_claims);
    let keys: Vec<Tag> = swapped.tagset().tags.iter().map(|d| d.key).collect();
    assert_eq!(keys, [Tag::Claim, Tag::Entity], "the entity's tag is kept, after the given ones");
    let unused = Workspace::new(doc).with_tagset(TagSet { tags: Vec::new(), entity_types: Vec::new() });
    assert!(unused.tagset().tags.is_empty(), "nothing in use, nothing added");
}

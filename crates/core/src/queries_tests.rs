use crate::editor::Editor;
use crate::model::{Document, Workspace};
use crate::tagset::Tag;
use crate::test_support::{NOW, id};

/// A 100-code-point text with claims at 0..10 and 50..60, sources at 20..30 and 80..90,
/// the first claim linked to the first source.
fn desk() -> Editor {
    let mut editor = Editor::new(Workspace::new(Document::new("Desk", &"x".repeat(100))));
    for (n, (range, tag)) in
        [(0..10, Tag::Claim), (20..30, Tag::Source), (50..60, Tag::Claim), (80..90, Tag::Source)]
            .into_iter()
            .enumerate()
    {
        editor.add(range, tag, id(n as u8 + 1), NOW).unwrap();
    }
    editor.link(id(1), id(2), NOW).unwrap();
    editor
}

#[test]
fn a_claim_can_be_linked_to_the_sources_it_lacks_and_only_a_claim() {
    let editor = desk();
    let ws = editor.workspace();
    let ids = |a| ws.link_candidates(ws.get(a).unwrap()).map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(id(1)), vec![id(4)], "its own source is not offered again");
    assert_eq!(ids(id(3)), vec![id(2), id(4)], "in document order");
    assert_eq!(ids(id(2)), vec![], "a source links to nothing");
}

#[test]
fn minimap_rows_place_each_span_by_its_share_of_the_text() {
    let editor = desk();
    let ws = editor.workspace();
    let rows = ws.minimap_rows(10);
    let claim = ws.tagset().position(Tag::Claim);
    let source = ws.tagset().position(Tag::Source);
    assert_eq!(rows, vec![claim, claim, source, source, None, claim, claim, None, source, source]);
    // Shorter than a row, a span still shows; at the end it is cut at the last row.
    let mut editor = Editor::new(Workspace::new(Document::new("Tiny", &"x".repeat(1000))));
    editor.add(995..1000, Tag::Entity, id(9), NOW).unwrap();
    let rows = editor.workspace().minimap_rows(10);
    assert_eq!(rows.iter().filter(|r| r.is_some()).count(), 1);
    assert_eq!(rows[9], editor.workspace().tagset().position(Tag::Entity));
    assert!(Workspace::new(Document::new("Empty", "x")).minimap_rows(0).is_empty());
}

use annotator_core::{AnnotationId, Document, Editor, Workspace, export_json, import_json, merge_import};

use super::*;

#[test]
fn two_conflicts_on_annotations_that_start_together_are_both_listed() {
    let text = "Tokyo said no.";
    let id = |n| AnnotationId::from_random_bytes([n; 16]);
    let mut ours = Editor::new(Workspace::new(Document::new("t", text)));
    ours.add(0..5, Tag::Entity, id(1), "2026-01-01T00:00:00Z").unwrap();
    ours.add(0..10, Tag::Claim, id(2), "2026-01-01T00:00:00Z").unwrap();
    let mut theirs = ours.clone();
    theirs.set_note(id(1), "a city", "2026-01-01T00:00:00Z").unwrap();
    theirs.set_note(id(2), "a quote", "2026-01-01T00:00:00Z").unwrap();
    let file = import_json(&export_json(theirs.workspace())).unwrap();
    let (merged, summary) = merge_import(ours.workspace(), &file).unwrap();
    assert_eq!(summary.conflicts, 2, "{summary:?}");
    let rows = conflict_rows(&merged);
    assert_eq!(rows.iter().map(|r| r.ours).collect::<Vec<_>>(), [id(1), id(2)], "both, in document order");
    assert_eq!(rows[1].fields, [("Note", "none".to_owned(), "“a quote”".to_owned())]);
}

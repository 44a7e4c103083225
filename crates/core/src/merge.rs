//! Adding an import's annotations to the open article (matched by id). Two tabs that both
//! edited it are joined in `sync`.

use std::collections::HashSet;
use std::rc::Rc;

use crate::anchor::update_text;
use crate::model::{Annotation, AnnotationId, Workspace};
use crate::text::plural;

fn same_text(a: &Workspace, b: &Workspace) -> bool {
    a.document.text() == b.document.text()
}

fn same_article(a: &Workspace, b: &Workspace) -> bool {
    a.document.title().to_lowercase() == b.document.title().to_lowercase()
}

/// Adds to `current` the annotations of `incoming` it does not have yet, when both are on
/// the same article: the same text, or the same title with a re-copied or edited text, in
/// which case the incoming annotations are first re-anchored onto the open text. `None`
/// for another article. Importing the same file twice adds nothing.
pub fn merge_import(current: &Workspace, incoming: &Workspace) -> Option<(Workspace, String)> {
    if same_text(current, incoming) {
        return Some(add_new(current, incoming, String::new()));
    }
    if !same_article(current, incoming) {
        return None;
    }
    let (moved, summary) = update_text(incoming, (*current.document).clone());
    let note =
        summary.replacen("Text updated:", "Their text differs from this one, so they were re-anchored:", 1);
    Some(add_new(current, &moved, format!(" {note}")))
}

/// Adds what `current` lacks: an annotation is already here if its id is, or (for formats
/// without ids, like doccano) the same tag over the same text.
fn add_new(current: &Workspace, incoming: &Workspace, note: String) -> (Workspace, String) {
    let ids: HashSet<AnnotationId> = current.annotations().iter().map(|a| a.id).collect();
    let spans: HashSet<_> =
        current.annotations().iter().filter(|a| !a.orphan).map(|a| (a.tag, a.start, a.end)).collect();
    let new: Vec<Rc<Annotation>> = incoming
        .annotations()
        .iter()
        .filter(|a| !ids.contains(&a.id) && (a.orphan || !spans.contains(&(a.tag, a.start, a.end))))
        .cloned()
        .collect();
    let summary = format!(
        "{} added to this article, {} already here.{note}",
        plural(new.len(), "annotation"),
        incoming.annotations().len() - new.len()
    );
    let mut all = current.annotations().to_vec();
    all.extend(new);
    let mut tagset = (*current.tagset).clone();
    for def in incoming.tagset.tags.iter().filter(|d| all.iter().any(|a| a.tag == d.key)) {
        if tagset.get(def.key).is_none() {
            tagset.ensure(def.key);
            tagset.tags.last_mut().expect("just added").label = def.label.clone();
        }
    }
    (Workspace::with_annotations((*current.document).clone(), all, tagset), summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::{Document, Tag};
    use crate::test_support::{NOW, id};

    fn base() -> Editor {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "one two three four five")));
        ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
        ed.add(4..7, Tag::Claim, id(2), NOW).unwrap();
        ed
    }

    #[test]
    fn importing_the_same_file_twice_adds_nothing() {
        let mut theirs = base();
        theirs.add(8..13, Tag::Source, id(3), NOW).unwrap();
        let (once, summary) = merge_import(base().workspace(), theirs.workspace()).unwrap();
        assert_eq!(summary, "1 annotation added to this article, 2 already here.");
        let (twice, summary) = merge_import(&once, theirs.workspace()).unwrap();
        assert_eq!(summary, "0 annotations added to this article, 3 already here.");
        assert_eq!(twice, once);
        let mut same_spans = Editor::new(Workspace::new(Document::new("t", "one two three four five")));
        same_spans.add(0..3, Tag::Claim, id(9), NOW).unwrap();
        let (_, summary) = merge_import(&twice, same_spans.workspace()).unwrap();
        assert_eq!(
            summary, "0 annotations added to this article, 1 already here.",
            "same tag and range, other id"
        );
        let other = Workspace::new(Document::new("Another article", "another text"));
        assert_eq!(merge_import(&once, &other), None);
    }

    #[test]
    fn an_import_made_on_an_edited_copy_is_reanchored_onto_the_open_text() {
        let mut theirs = Editor::new(Workspace::new(Document::new("T", "Intro. one two three four five")));
        theirs.add(15..20, Tag::Source, id(3), NOW).unwrap(); // "three"
        theirs.add(0..6, Tag::Entity, id(4), NOW).unwrap(); // "Intro." is not in our copy
        let (merged, summary) = merge_import(base().workspace(), theirs.workspace()).unwrap();
        assert_eq!(merged.document.text(), "one two three four five");
        let three = merged.get(id(3)).unwrap();
        assert_eq!((three.start, three.end, three.orphan), (8, 13, false));
        assert!(merged.get(id(4)).unwrap().orphan, "kept, as an orphan");
        assert_eq!(
            summary,
            "2 annotations added to this article, 0 already here. Their text differs from this one, so they were \
             re-anchored: 0 annotations kept, 1 moved, 0 with edited text inside, 1 no longer found (listed as orphans)."
        );
    }

    #[test]
    fn an_import_brings_its_tags() {
        let start = base();
        let mut other = start.clone();
        let mut tags = (*other.workspace().tagset).clone();
        let quote = tags.add("Quote").unwrap();
        other.set_tagset(tags, NOW).unwrap();
        other.add(14..18, quote, id(5), NOW).unwrap();
        let (imported, _) = merge_import(start.workspace(), other.workspace()).unwrap();
        assert_eq!(imported.tagset.label(quote), "Quote");
    }
}

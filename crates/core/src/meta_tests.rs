use super::*;
use crate::editor::Editor;
use crate::model::{Document, Workspace};
use crate::tagset::Tag;
use crate::test_support::{NOW, id, span};

const TEXT: &str = "The minister said taxes will fall.";

fn meta() -> ArticleMeta {
    ArticleMeta {
        url: "https://news.example/2024/taxes".into(),
        authors: vec!["Ana Díaz".into(), "Kenji Sato".into()],
        published: "2024-03-05".into(),
        site: "The Example Times".into(),
        language: "en-GB".into(),
        added: NOW.into(),
    }
}

#[test]
fn nothing_known_is_empty_and_any_field_is_something() {
    assert!(ArticleMeta::default().is_empty());
    assert!(!meta().is_empty());
    let only_added = ArticleMeta { added: NOW.into(), ..ArticleMeta::default() };
    assert!(!only_added.is_empty(), "the date it was added is metadata too");
}

#[test]
fn dates_are_made_regular_where_they_can_be_read() {
    let cases = [
        ("2024-03-05", "2024-03-05"),
        (" 2024/03/05 ", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("2024-03-05T10:22:00+01:00", "2024-03-05T10:22:00+01:00"),
        ("2024-03-05T10:22:00.123Z", "2024-03-05T10:22:00.123Z"),
        ("2024-03-05 10:22+0100", "2024-03-05T10:22:00+01:00"),
        ("2024-03-05T10:22:00-05:00", "2024-03-05T10:22:00-05:00"),
        ("2024-03-05T10:22:00", "2024-03-05"),
        ("2024-03-05T25:00Z", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("5 Mar. 2024", "2024-03-05"),
        ("Sept 21st, 2023", "2023-09-21"),
    ];
    for (raw, want) in cases {
        assert_eq!(normalise_date(raw), want, "{raw}");
    }
    for kept in ["yesterday", "2024-13-05", "Spring 2024", ""] {
        assert_eq!(normalise_date(kept), kept, "kept as found");
    }
}

#[test]
fn languages_become_bcp_47_tags_in_their_usual_case() {
    assert_eq!(normalise_language("en_GB"), "en-GB");
    assert_eq!(normalise_language(" EN-us "), "en-US");
    assert_eq!(normalise_language("zh-hant-tw"), "zh-Hant-TW");
    // Not a tag, from a careless page: kept, never a panic on a char of two bytes.
    assert_eq!(normalise_language("x-éab-ÉÉ"), "x-éab-ÉÉ");
    assert_eq!(normalise_language("fr"), "fr");
    assert_eq!(normalise_language(""), "");
}

#[test]
fn tidied_trims_and_keeps_each_author_once() {
    let messy = ArticleMeta {
        url: " https://x.test/a ".into(),
        authors: vec![" Ana  Díaz".into(), "".into(), "ana díaz".into(), "Kenji\nSato".into()],
        site: "  The   Times ".into(),
        ..ArticleMeta::default()
    };
    let tidy = messy.tidied();
    assert_eq!(tidy.url, "https://x.test/a");
    assert_eq!(tidy.authors, ["Ana Díaz", "Kenji Sato"]);
    assert_eq!(tidy.site, "The Times");
}

#[test]
fn the_published_day_is_the_start_of_a_regular_date() {
    let at = |published: &str| ArticleMeta { published: published.into(), ..ArticleMeta::default() };
    assert_eq!(at("2024-03-05T10:22:00+01:00").published_day(), Some("2024-03-05"));
    assert_eq!(at("2024-03-05").published_day(), Some("2024-03-05"));
    assert_eq!(at("yesterday").published_day(), None);
    assert_eq!(at("").published_day(), None);
}

#[test]
fn metadata_is_kept_by_the_document_but_is_not_its_identity() {
    let plain = Document::new("t", TEXT);
    let dressed = Document::new("t", TEXT).with_meta(meta());
    assert_eq!(dressed.meta(), &meta());
    assert!(plain.meta().is_empty());
    assert_eq!(plain.sha256(), dressed.sha256());
    assert!(plain.same_content(&dressed), "the same text and links");
    assert_ne!(plain, dressed);
    assert_eq!(dressed.retitled("Other").meta(), &meta(), "a rename keeps it");
}

#[test]
fn setting_the_metadata_is_one_undoable_step() {
    let mut ed = Editor::new(Workspace::new(Document::new("t", TEXT)));
    ed.add(span(TEXT, "taxes will fall"), Tag::Claim, id(1), NOW).unwrap();
    let steps = ed.undo_len();
    ed.set_meta(ArticleMeta { site: " The Example Times ".into(), ..meta() }, NOW);
    assert_eq!(ed.workspace().document.meta(), &meta(), "tidied");
    assert_eq!(ed.undo_len(), steps + 1);
    let changes = ed.changes();
    ed.set_meta(meta(), NOW);
    assert_eq!((ed.undo_len(), ed.changes()), (steps + 1, changes), "the same again is no step");
    assert!(ed.undo(NOW));
    assert!(ed.workspace().document.meta().is_empty());
    assert_eq!(ed.workspace().annotations().len(), 1, "only the metadata went back");
    assert!(ed.redo(NOW));
    assert_eq!(ed.workspace().document.meta(), &meta());
}

#[test]
fn a_rename_a_new_text_and_an_import_leave_the_metadata_alone() {
    let mut ed = Editor::new(Workspace::new(Document::new("t", TEXT)));
    ed.set_meta(meta(), NOW);
    ed.rename("Taxes", NOW);
    let (updated, _) = crate::update_text(ed.workspace(), Document::new("Taxes", &format!("Update: {TEXT}")));
    assert_eq!(updated.document.meta(), &meta(), "a new version of the text keeps it");
    ed.transform(updated, NOW);
    assert_eq!(ed.workspace().document.meta(), &meta());
    assert!(ed.undo(NOW), "the new text");
    assert_eq!((ed.workspace().document.text(), ed.workspace().document.meta()), (TEXT, &meta()));
    assert!(ed.undo(NOW) && ed.undo(NOW), "the rename, then the metadata");
    assert!(ed.workspace().document.meta().is_empty());
}

#[test]
fn a_workspace_with_other_metadata_is_reached_by_a_metadata_edit() {
    // `transform` (an import, a text update) records what changed: new metadata is its
    // own step inside it, undone with it.
    let mut ed = Editor::new(Workspace::new(Document::new("t", TEXT)));
    let other = Workspace::new(Document::new("t", TEXT).with_meta(meta()));
    ed.transform(other.clone(), NOW);
    assert_eq!(ed.workspace(), &other);
    assert!(ed.undo(NOW));
    assert!(ed.workspace().document.meta().is_empty());
}

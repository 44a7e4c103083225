use super::*;
use crate::editor::Editor;
use crate::formats::{Imported, export_json, import_json};
use crate::formats::{doccano, w3c};
use crate::model::Document;
use crate::tagset::PALETTE;
use crate::tagset::{Tag, TagDef, TagSet};
use crate::test_support::{NOW, id};

/// `added` added, `here` already here, nothing else.
fn counts(added: usize, here: usize) -> MergeSummary {
    MergeSummary { added, already_here: here, ..MergeSummary::default() }
}

const TEXT: &str = "one two three four five";

/// `ws` exported as native JSON and read back, as a person importing the file gets it.
fn native(ws: &Workspace) -> Imported {
    import_json(&export_json(ws)).unwrap()
}

fn def(key: &str, label: &str, colour: &str, hotkey: &str) -> TagDef {
    TagDef {
        key: Tag::parse(key).unwrap(),
        label: label.into(),
        colour: colour.into(),
        hotkey: hotkey.into(),
    }
}

fn with_tags(ed: &mut Editor, tags: Vec<TagDef>, entity_types: &[&str]) {
    let entity_types = entity_types.iter().map(|t| t.to_string()).collect();
    ed.set_tagset(TagSet { tags, entity_types }, NOW).unwrap();
}

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
    let (once, summary) = merge_import(base().workspace(), &native(theirs.workspace())).unwrap();
    assert_eq!(summary, counts(1, 2));
    let (twice, summary) = merge_import(&once, &native(theirs.workspace())).unwrap();
    assert_eq!(summary, counts(0, 3));
    assert_eq!(twice, once);
    let mut same_spans = Editor::new(Workspace::new(Document::new("t", "one two three four five")));
    same_spans.add(0..3, Tag::Claim, id(9), NOW).unwrap();
    let (_, summary) = merge_import(&twice, &native(same_spans.workspace())).unwrap();
    assert_eq!(summary, counts(0, 1), "same tag and range, other id");
    let other = Workspace::new(Document::new("Another article", "another text"));
    assert_eq!(merge_import(&once, &native(&other)), None);
}

#[test]
fn an_import_made_on_an_edited_copy_is_reanchored_onto_the_open_text() {
    let mut theirs = Editor::new(Workspace::new(Document::new("T", "Intro. one two three four five")));
    theirs.add(15..20, Tag::Source, id(3), NOW).unwrap(); // "three"
    theirs.add(0..6, Tag::Entity, id(4), NOW).unwrap(); // "Intro." is not in our copy
    let (merged, summary) = merge_import(base().workspace(), &native(theirs.workspace())).unwrap();
    assert_eq!(merged.document.text(), "one two three four five");
    let three = merged.get(id(3)).unwrap();
    assert_eq!((three.start, three.end, three.orphan), (8, 13, false));
    assert!(merged.get(id(4)).unwrap().orphan, "kept, as an orphan");
    let reanchored = Some(UpdateSummary { kept: 0, moved: 1, edited: 0, orphaned: 1 });
    assert_eq!(summary, MergeSummary { reanchored, ..counts(2, 0) });
}

#[test]
fn an_import_brings_its_tags() {
    let start = base();
    let mut other = start.clone();
    let mut tags = (**other.workspace().tagset()).clone();
    let quote = tags.add("Quote").unwrap();
    other.set_tagset(tags, NOW).unwrap();
    other.add(14..18, quote, id(5), NOW).unwrap();
    let (imported, _) = merge_import(start.workspace(), &native(other.workspace())).unwrap();
    assert_eq!(imported.tagset().label(quote), "Quote");
}

/// Renamed, recoloured and re-keyed in one browser, exported, imported in a fresh one with
/// the same article open: the tags are the file's.
#[test]
fn a_native_export_brings_its_tag_set_onto_the_same_article() {
    let mut theirs = Editor::new(Workspace::new(Document::new("t", TEXT)));
    let mut tags = TagSet::default().tags;
    tags[2] = def("entity", "Name", PALETTE[5].0, "n");
    tags.push(def("quote", "Quote", PALETTE[3].0, "4"));
    with_tags(&mut theirs, tags, &["person", "organisation", "place", "other", "vessel"]);
    theirs.add(8..13, Tag::Entity, id(3), NOW).unwrap();
    let fresh = Workspace::new(Document::new("t", TEXT));
    let file = native(theirs.workspace());
    let (merged, _) = merge_import(&fresh, &file).unwrap();
    assert_eq!(**merged.tagset(), **theirs.workspace().tagset(), "every tag, the unused Quote too");
    assert_eq!(merged.annotations(), theirs.workspace().annotations());
}

/// A tag both have takes the file's label, colour and key; one only the file has is added
/// after ours; one only we have keeps its place and gives way where the file now uses its
/// key (it takes the first free digit) or its name (it gets a number).
#[test]
fn the_files_tags_win_and_ours_give_way_deterministically() {
    let mut ours = base();
    let mut tags = TagSet::default().tags;
    tags.push(def("quote", "Quote", PALETTE[3].0, "4"));
    tags.push(def("name", "Name", PALETTE[4].0, "5"));
    with_tags(&mut ours, tags, &["person", "ship"]);
    let mut theirs = Editor::new(Workspace::new(Document::new("t", TEXT)));
    let mut tags = TagSet::default().tags;
    tags[0].label = "Assertion".into();
    tags[2] = def("entity", "Name", PALETTE[5].0, "4");
    tags.push(def("extra", "Extra", PALETTE[6].0, "5"));
    with_tags(&mut theirs, tags, &["person", "organisation", "place", "other", "vessel"]);
    theirs.add(8..13, Tag::Entity, id(3), NOW).unwrap();
    let file = native(theirs.workspace());
    let (merged, summary) = merge_import(ours.workspace(), &file).unwrap();
    let expected = vec![
        def("claim", "Assertion", PALETTE[0].0, "1"),
        def("source", "Source", PALETTE[1].0, "2"),
        def("entity", "Name", PALETTE[5].0, "4"),
        def("quote", "Quote", PALETTE[3].0, "3"),
        def("name", "Name (2)", PALETTE[4].0, "6"),
        def("extra", "Extra", PALETTE[6].0, "5"),
    ];
    assert_eq!(merged.tagset().tags, expected);
    assert_eq!(merged.tagset().entity_types, ["person", "ship", "organisation", "place", "other", "vessel"]);
    assert_eq!(merged.tagset().check(), Ok(()));
    let gave = |label_before: &str, label: &str, hotkey_before: &str, hotkey: &str| GaveWay {
        label_before: label_before.to_owned(),
        label: label.to_owned(),
        hotkey_before: hotkey_before.to_owned(),
        hotkey: hotkey.to_owned(),
    };
    let tags = TagsMerged {
        added: 1,
        changed: 2,
        entity_types_added: 4,
        gave_way: vec![gave("Quote", "Quote", "4", "3"), gave("Name", "Name (2)", "5", "6")],
    };
    assert_eq!(summary, MergeSummary { tags, ..counts(1, 0) });
    let (again, summary) = merge_import(&merged, &file).unwrap();
    assert_eq!(again, merged, "a second import changes nothing");
    assert_eq!(summary, counts(0, 1));
}

/// A file with no tag set of its own (an export from before tag sets, or hand-written)
/// names its tags but defines none: the open article's stay as they are.
#[test]
fn a_file_without_a_tag_set_leaves_ours() {
    let mut ours = base();
    let mut tags = TagSet::default().tags;
    tags[0] = def("claim", "Assertion", PALETTE[6].0, "a");
    with_tags(&mut ours, tags, &["ship"]);
    let mut theirs = base();
    theirs.add(8..13, Tag::Entity, id(3), NOW).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&export_json(theirs.workspace())).unwrap();
    v.as_object_mut().unwrap().remove("tagset");
    for version in [3, 2] {
        v["schema_version"] = version.into();
        let file = import_json(&v.to_string()).unwrap();
        let (merged, _) = merge_import(ours.workspace(), &file).unwrap();
        assert_eq!(merged.tagset(), ours.workspace().tagset(), "schema {version}");
        assert_eq!(merged.annotations().len(), 3, "schema {version}");
    }
}

/// doccano carries labels and W3C keys, no colours or keys: a label names the open
/// article's tag (by key or label), so a renamed tag is not duplicated or reset.
#[test]
fn labels_from_other_tools_find_our_tags() {
    let mut ours = base();
    let mut tags = TagSet::default().tags;
    tags[0] = def("claim", "Assertion", PALETTE[6].0, "a");
    with_tags(&mut ours, tags.clone(), &["ship"]);
    let mut theirs = base();
    tags.push(def("direct-quote", "Direct quote", PALETTE[3].0, "4"));
    with_tags(&mut theirs, tags, &["ship"]);
    theirs.add(14..18, Tag::parse("direct-quote").unwrap(), id(5), NOW).unwrap();
    let text = Document::new("t", TEXT);
    for (format, file) in [
        ("doccano", doccano::import(&doccano::export(theirs.workspace()), "t", NOW).unwrap()),
        ("w3c", w3c::import(&text, &w3c::export(theirs.workspace()), NOW).unwrap()),
    ] {
        let (merged, summary) = merge_import(ours.workspace(), &file).unwrap();
        assert_eq!((summary.added, summary.already_here), (1, 2), "{format}: {summary:?}");
        assert_eq!(merged.tagset().check(), Ok(()), "{format}");
        assert_eq!(merged.tagset().tags[..3], ours.workspace().tagset().tags[..], "{format}: ours untouched");
        assert_eq!(merged.tagset().tags.len(), 4, "{format}: the new tag added");
        assert_eq!(merged.tagset().entity_types, ["ship"], "{format}: no defaults brought back");
        let quote = merged.annotations().iter().find(|a| a.start == 14).unwrap();
        assert_eq!(quote.tag.key(), "direct-quote", "{format}");
    }
}

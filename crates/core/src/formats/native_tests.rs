use serde_json::json;

use super::*;
use crate::anchor::UpdateSummary;
use crate::anchor::update_text;
use crate::editor::Editor;
use crate::tagset::{Tag, TagError};
use crate::test_support::{NOW, id, skipped_lines};

fn sample() -> Workspace {
    let text = "I 🤦🏼‍♂️ 日本の防衛 said \"x\"\n<script>";
    let mut ed = Editor::new(Workspace::new(Document::new("Tokyo <b>", text)));
    ed.add(2..7, Tag::Entity, id(1), NOW).unwrap();
    ed.add(8..13, Tag::Claim, id(2), NOW).unwrap();
    ed.add(0..13, Tag::Source, id(3), NOW).unwrap();
    ed.set_note(id(2), "needs\na source", NOW).unwrap();
    ed.set_status(id(2), crate::status::ClaimStatus::Disputed, NOW).unwrap();
    ed.set_entity_type(id(1), "person", NOW).unwrap();
    ed.link(id(2), id(3), NOW).unwrap();
    let mut tags = (**ed.workspace().tagset()).clone();
    tags.add("Quote").unwrap();
    tags.tags[0].label = "Assertion".into();
    ed.set_tagset(tags, NOW).unwrap();
    ed.workspace().clone()
}

fn sample_json() -> Value {
    serde_json::from_str(&export_json(&sample())).unwrap()
}

fn import(v: &Value) -> Imported {
    import_json(&v.to_string()).unwrap()
}

#[test]
fn round_trip_is_byte_identical() {
    let first = export_json(&sample());
    let back = import_json(&first).unwrap();
    assert_eq!(back.workspace, sample());
    assert_eq!(export_json(&back.workspace), first);
    assert_eq!(
        (back.workspace.annotations().len(), back.skipped.len(), back.moved, back.orphaned),
        (3, 0, 0, 0)
    );
}

#[test]
fn export_carries_code_point_offsets_and_context() {
    let v = sample_json();
    let anns = v["annotations"].as_array().unwrap();
    let jp = anns.iter().find(|a| a["tag"] == "claim").unwrap();
    assert_eq!((jp["start"].as_u64(), jp["end"].as_u64()), (Some(8), Some(13)));
    assert_eq!(jp["exact"], "日本の防衛");
    assert_eq!(jp["prefix"], "I 🤦🏼‍♂️ ");
    assert_eq!(jp["orphan"], false);
    assert_eq!(v["schema_version"], CURRENT_SHAPE_SINCE, "no links: the shape of schema 3");
    assert!(v.get("revision").is_none(), "exports carry no tab revision");
    assert_eq!(v["document"]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn storage_keeps_the_revision() {
    let back = import_json(&storage_json(&sample(), 41)).unwrap();
    assert_eq!(back.revision, Some(41));
}

#[test]
fn refuses_what_is_not_an_export() {
    assert!(matches!(import_json("not json"), Err(ImportError::NotJson(_))));
    assert!(matches!(import_json("\u{0}\u{1}PK"), Err(ImportError::NotJson(_))));
    assert_eq!(import_json("[1,2]"), Err(ImportError::Foreign));
    assert_eq!(import_json(r#"{"rows": []}"#), Err(ImportError::Foreign));
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let e = import_json(&deep).unwrap_err();
    assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
    let huge = r#"{"format": "article-annotator", "schema_version": 2, "n": 1e309}"#;
    assert!(import_json(huge).unwrap_err().to_string().contains("number out of range"));
}

#[test]
fn refuses_unknown_schema_versions_by_name() {
    let mut v = sample_json();
    v["schema_version"] = 7.into();
    let e = import_json(&v.to_string()).unwrap_err();
    assert_eq!(e, ImportError::NewerSchema { found: 7 });
    assert!(e.to_string().contains("schema version 7"));
    v["schema_version"] = 0.into();
    assert!(import_json(&v.to_string()).unwrap_err().to_string().contains("schema_version 0"));
    v["schema_version"] = "2".into();
    assert!(matches!(import_json(&v.to_string()), Err(ImportError::Shape(_))));
}

#[test]
fn a_damaged_document_part_is_refused() {
    let mut v = sample_json();
    v["document"].as_object_mut().unwrap().remove("text");
    assert!(import_json(&v.to_string()).unwrap_err().to_string().contains("missing field `text`"));
}

#[test]
fn bad_items_are_skipped_one_by_one_with_reasons() {
    let mut v = sample_json();
    let good = v["annotations"][0].clone(); // the source over 0..13
    let edits: [(&str, Value); 9] = [
        ("start", json!("5")),
        ("start", json!(-1)),
        ("start", json!(2.5)),
        ("end", json!(9_007_199_254_740_993_u64)),
        ("end", json!(0)),
        ("tag", json!("No Way")),
        ("start", json!(4)), // inside the ZWJ emoji
        ("exact", json!("nope")),
        ("created", json!("yesterday")),
    ];
    let mut items = vec![good.clone()];
    for (n, (field, value)) in edits.into_iter().enumerate() {
        let mut a = good.clone();
        a["id"] = json!(format!("00000000-0000-4000-8000-{n:012}"));
        a[field] = value;
        items.push(a);
    }
    let mut untagged = good.clone();
    untagged["id"] = json!("00000000-0000-4000-8000-000000000099");
    untagged.as_object_mut().unwrap().remove("tag");
    items.push(untagged);
    items.push(good.clone());
    v["annotations"] = Value::Array(items);

    let got = import(&v);
    assert_eq!(got.workspace.annotations().len(), 1);
    assert_eq!(
        skipped_lines(&got),
        vec![
            "#2 invalid type: string \"5\", expected usize",
            "#3 invalid value: integer `-1`, expected usize",
            "#4 invalid type: floating point `2.5`, expected usize",
            "#5 end 9007199254740993 is past the text length 31",
            "#6 start 0 is not before end 0",
            "#7 “No Way” is not a tag key (1–24 of a–z, 0–9, - and _).",
            "#8 offset 4 splits a character",
            "#9 quote does not match the text at 0..13",
            "#10 created \"yesterday\" is not an RFC 3339 time",
            "#11 missing field `tag`",
            "#12 repeats id 03030303-0303-4303-8303-030303030303",
        ]
    );
    assert_eq!(
        got.skipped[0],
        Skipped::Annotation {
            index: 2,
            reason: SkipReason::Unreadable("invalid type: string \"5\", expected usize".to_owned())
        }
    );
}

#[test]
fn duplicate_ids_and_offsets_are_checked_per_item() {
    let mut v = sample_json();
    v["annotations"][1]["start"] = json!(4); // inside the emoji
    v["annotations"][2]["exact"] = json!("nope");
    let got = import(&v);
    assert_eq!(
        got.skipped,
        vec![
            Skipped::Annotation { index: 2, reason: SkipReason::SplitsCharacter { at: 4 } },
            Skipped::Annotation { index: 3, reason: SkipReason::QuoteMismatch { start: 8, end: 13 } },
        ]
    );
    let mut v = sample_json();
    v["annotations"][1]["id"] = v["annotations"][0]["id"].clone();
    assert_eq!(import(&v).skipped.len(), 1);
}

#[test]
fn edited_text_is_reanchored_by_quote_and_the_rest_kept_as_orphans() {
    let mut v = sample_json();
    v["document"]["text"] =
        json!("Added line.\nI 🤦🏼‍♂️ 日本の防衛 said \"x\"\n<script>".replace("日本の防衛", "日本"));
    let got = import(&v);
    let anns = got.workspace.annotations();
    assert_eq!(got.skipped, Vec::<Skipped>::new());
    let entity = anns.iter().find(|a| a.tag == Tag::Entity).unwrap();
    assert_eq!((entity.start, entity.end, entity.orphan), (14, 19, false));
    assert_eq!(anns.iter().filter(|a| a.orphan).count(), 2, "the quotes with 日本の防衛 are gone");
    assert_eq!((got.moved, got.orphaned), (1, 2));
    // Orphans survive the next round trip as orphans.
    let again = import_json(&export_json(&got.workspace)).unwrap();
    assert_eq!(again.workspace, got.workspace);
}

#[test]
fn every_old_schema_version_has_a_fixture_that_loads() {
    for version in 1..SCHEMA_VERSION {
        let path = format!("{}/tests/fixtures/schema-v{version}.json", env!("CARGO_MANIFEST_DIR"));
        let raw = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing fixture {path}"));
        let got = import_json(&raw).unwrap();
        assert!(got.skipped.is_empty(), "{:?}", got.skipped);
        let ws = &got.workspace;
        assert_eq!(ws.annotations().len(), 4);
        assert!(ws.annotations().iter().all(|a| !a.orphan));
        assert!(ws.document.meta().is_empty(), "metadata came in 6");
        let v: Value = serde_json::from_str(&export_json(ws)).unwrap();
        // Written again as the oldest schema that holds it: links came in 4, creators and
        // conflicts in 5.
        let links = !ws.document.links().is_empty();
        let creators = ws.annotations().iter().any(|a| a.creator.is_some());
        assert_eq!(links, version >= 4, "version 4's and 5's fixtures have a link");
        assert_eq!((creators, ws.conflicts().len()), (version == 5, usize::from(version == 5)));
        let expected = if creators {
            5
        } else if links {
            4
        } else {
            CURRENT_SHAPE_SINCE
        };
        assert_eq!(v["schema_version"], expected, "version {version}");
    }
}

#[test]
fn updating_the_text_moves_keeps_and_orphans() {
    let ws = sample();
    let new = Document::new("Tokyo <b>", "New start. I 🤦🏼‍♂️ 日本 said \"x\"\n<script>");
    let (after, summary) = update_text(&ws, new);
    assert_eq!(summary, UpdateSummary { kept: 0, moved: 1, edited: 2, orphaned: 0 });
    let quote = |tag| after.annotations().iter().find(|a| a.tag == tag).map(|a| (a.start, a.exact.clone()));
    assert_eq!(quote(Tag::Entity), Some((13, "🤦🏼‍♂️".to_owned())));
    assert_eq!(quote(Tag::Claim), Some((19, "日本".to_owned())), "the claim lost its deleted tail");
    assert_eq!(quote(Tag::Source), Some((11, "I 🤦🏼‍♂️ 日本".to_owned())));
}

#[test]
fn attributes_links_and_tags_are_in_the_export() {
    let v = sample_json();
    let claim = v["annotations"].as_array().unwrap().iter().find(|a| a["tag"] == "claim").unwrap();
    assert_eq!(claim["status"], "disputed");
    assert_eq!(claim["sources"], json!([id(3).to_string()]));
    assert_eq!(
        v["tagset"]["tags"][0],
        json!({"key": "claim", "label": "Assertion", "colour": "#e69f00", "hotkey": "1"})
    );
    assert_eq!(v["tagset"]["tags"][3]["key"], "quote");
    assert_eq!(v["tagset"]["entity_types"], json!(["person", "organisation", "place", "other"]));
}

#[test]
fn links_to_annotations_left_out_are_dropped_and_a_bad_tag_set_is_reported() {
    let mut v = sample_json();
    let list = v["annotations"].as_array_mut().unwrap();
    let source = list.iter().position(|a| a["tag"] == "source").unwrap();
    list[source]["end"] = json!(999);
    v["tagset"]["tags"][1]["colour"] = json!("javascript:alert(1)");
    let got = import(&v);
    let claim = got.workspace.annotations().iter().find(|a| a.tag == Tag::Claim).unwrap();
    assert!(claim.sources.is_empty(), "the source was skipped, so its link goes too");
    assert_eq!(got.skipped.len(), 2, "{:?}", got.skipped);
    assert!(skipped_lines(&got)[0].contains("is not a colour"), "{:?}", got.skipped);
    assert!(matches!(got.skipped[0], Skipped::TagSet(TagError::BadColour(_))), "{:?}", got.skipped);
    assert_eq!(got.workspace.tagset().label(Tag::Claim), "Claim", "default tags used");
    assert!(got.workspace.tagset().check().is_ok());
}

/// Notepad and PowerShell start a UTF-8 file with U+FEFF; what follows is still our export.
#[test]
fn a_file_saved_with_a_byte_order_mark_imports_as_without() {
    let plain = export_json(&sample());
    assert_eq!(import_json(&format!("\u{feff}{plain}")), import_json(&plain));
    let old = format!("{}/tests/fixtures/schema-v1.json", env!("CARGO_MANIFEST_DIR"));
    let old = std::fs::read_to_string(old).unwrap();
    let got = import_json(&format!("\u{feff}{old}")).expect("an old schema takes the slower path");
    assert_eq!(got, import_json(&old).unwrap());
    assert!(matches!(import_json("\u{feff}"), Err(ImportError::NotJson(_))), "only a mark is no file");
}

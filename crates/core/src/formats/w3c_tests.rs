use crate::offsets::slice_chars;
use serde_json::{Value, json};

use super::*;
use crate::editor::Editor;
use crate::formats::{SkipReason, Skipped};
use crate::tagset::Tag;
use crate::test_support::{NOW, id};

const TEXT: &str = "I 🤦🏼‍♂️ 日本の防衛 said the minister. The minister said no.";

fn sample() -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("Defence", TEXT)));
    ed.add(2..7, Tag::Entity, id(1), NOW).unwrap();
    ed.add(8..13, Tag::Claim, id(2), NOW).unwrap();
    ed.add(14..31, Tag::Source, id(3), NOW).unwrap();
    ed.set_note(id(2), "check <this>", NOW).unwrap();
    ed.add(32..44, Tag::Claim, id(4), NOW).unwrap();
    ed.set_status(id(4), crate::status::ClaimStatus::Disputed, NOW).unwrap();
    ed.set_entity_type(id(1), "person", NOW).unwrap();
    ed.link(id(4), id(3), NOW).unwrap();
    ed.workspace().clone()
}

fn exported() -> Value {
    serde_json::from_str(&export(&sample())).unwrap()
}

#[test]
fn exports_a_collection_with_both_selectors() {
    let v = exported();
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 4);
    assert_eq!(v["label"], "Defence");
    let items = v["first"]["items"].as_array().unwrap();
    let claim = items.iter().find(|a| a["body"][0]["value"] == "claim").unwrap();
    assert_eq!(claim["id"], format!("urn:uuid:{}", id(2)));
    assert_eq!(claim["motivation"], json!(["classifying", "commenting"]));
    assert_eq!(
        claim["body"][1],
        json!({"type": "TextualBody", "purpose": "commenting", "value": "check <this>", "format": "text/plain"})
    );
    let selectors = claim["target"]["selector"].as_array().unwrap();
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(selectors[0]["exact"], "日本の防衛");
    assert_eq!(selectors[1], json!({"type": "TextPositionSelector", "start": 8, "end": 13}));
    assert_eq!(claim["target"]["source"], format!("urn:sha256:{}", sample().document.sha256()));
    let checked = items.iter().find(|a| a["id"] == format!("urn:uuid:{}", id(4))).unwrap();
    assert_eq!(checked["motivation"], json!(["classifying", "assessing", "linking"]));
    assert_eq!(checked["body"][1]["value"], "disputed");
    assert_eq!(
        checked["body"][2],
        json!({"type": "SpecificResource", "purpose": "linking", "source": format!("urn:uuid:{}", id(3))})
    );
    let entity = items.iter().find(|a| a["id"] == format!("urn:uuid:{}", id(1))).unwrap();
    assert_eq!(entity["body"][1]["purpose"], "identifying");
}

#[test]
fn our_own_export_imports_back_unchanged() {
    let back = import(&sample().document, &export(&sample()), "2000-01-01T00:00:00Z").unwrap();
    assert_eq!(back.workspace, sample());
    assert_eq!((back.skipped.len(), back.moved, back.orphaned), (0, 0, 0));
}

#[test]
fn hypothesis_style_utf16_positions_are_corrected_by_the_quote() {
    // Hypothesis counts JavaScript (UTF-16) positions: 日本の防衛 starts at 13, not 8.
    let hypothesis = json!([{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/Xy12ab",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Claim"}, {"type": "TextualBody", "purpose": "commenting", "value": "Is this sourced?"}],
        "target": [{"source": "https://example.org/article", "selector": [
            {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[1]"}},
            {"type": "TextPositionSelector", "start": 13, "end": 18},
            {"type": "TextQuoteSelector", "exact": "日本の防衛", "prefix": "🤦🏼‍♂️ ", "suffix": " said"}
        ]}]
    }]);
    let doc = Document::new("Defence", TEXT);
    let got = import(&doc, &hypothesis.to_string(), NOW).unwrap();
    let a = &got.workspace.annotations()[0];
    assert_eq!((a.start, a.end, a.tag, a.note.as_str()), (8, 13, Tag::Claim, "Is this sourced?"));
    assert_eq!(got.moved, 1);
    // The same foreign id always maps to the same id: importing twice adds nothing.
    let again = import(&doc, &hypothesis.to_string(), NOW).unwrap();
    assert_eq!(again.workspace.annotations()[0].id, a.id);
}

#[test]
fn repeated_quotes_are_told_apart_by_context() {
    let recogito = json!({"type": "Annotation", "id": "#a1",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "source"},
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "minister", "prefix": "The ", "suffix": " said no"}}});
    let got = import(&Document::new("t", TEXT), &recogito.to_string(), NOW).unwrap();
    let a = &got.workspace.annotations()[0];
    assert_eq!(slice_chars(TEXT, a.start, a.end + 8), "minister said no");
}

#[test]
fn orphans_export_their_quote_only_and_come_back_as_orphans() {
    let gone = Document::new("Defence", "Nothing in common.");
    let got = import(&gone, &export(&sample()), NOW).unwrap();
    assert_eq!(got.orphaned, 4);
    assert!(got.workspace.annotations().iter().all(|a| a.orphan && !a.exact.is_empty()));
    let v: Value = serde_json::from_str(&export(&got.workspace)).unwrap();
    for item in v["first"]["items"].as_array().unwrap() {
        assert_eq!(item["target"]["selector"].as_array().unwrap().len(), 1, "no position for an orphan");
    }
}

#[test]
fn bad_items_are_skipped_with_reasons_and_other_json_refused() {
    let doc = Document::new("t", TEXT);
    let list = json!([
        {"type": "Annotation", "body": {"purpose": "commenting", "value": "no tag"}, "target": {}},
        {"type": "Annotation", "body": {"purpose": "tagging", "value": "claim"}, "target": {"selector": {"type": "TextPositionSelector", "start": 5, "end": 999}}},
    ]);
    let got = import(&doc, &list.to_string(), NOW).unwrap();
    assert_eq!(
        got.skipped,
        vec![
            Skipped::Annotation { index: 1, reason: SkipReason::NoTag },
            Skipped::Annotation { index: 2, reason: SkipReason::NoQuoteOrPosition },
        ]
    );
    assert_eq!(
        crate::test_support::skipped_lines(&got),
        vec![
            "#1 has no tag (a tagging or classifying body)",
            "#2 has no quote and no position inside the text"
        ]
    );
    assert!(matches!(import(&doc, r#"{"rows": 1}"#, NOW), Err(ImportError::Unrecognised(_))));
    assert!(matches!(import(&doc, "nope", NOW), Err(ImportError::NotJson(_))));
}

#[test]
fn a_file_saved_with_a_byte_order_mark_imports_as_without() {
    let doc = Document::new("Defence", TEXT);
    let plain = export(&sample());
    let got = import(&doc, &format!("\u{feff}{plain}"), NOW).unwrap();
    assert_eq!(got.workspace.annotations().len(), 4);
    assert_eq!(got, import(&doc, &plain, NOW).unwrap());
}

fn with_url(url: &str) -> Workspace {
    let mut ed = Editor::new(sample());
    ed.set_meta(crate::meta::ArticleMeta { url: url.into(), ..Default::default() }, NOW);
    ed.workspace().clone()
}

#[test]
fn the_target_is_the_articles_url_scoped_to_the_text_annotated() {
    let ws = with_url("https://news.test/2024/defence?id=7");
    let v: Value = serde_json::from_str(&export(&ws)).unwrap();
    let urn = format!("urn:sha256:{}", ws.document.sha256());
    for item in v["first"]["items"].as_array().unwrap() {
        assert_eq!(item["target"]["source"], "https://news.test/2024/defence?id=7");
        assert_eq!(item["target"]["scope"], urn, "the exact text stays identified");
        assert!(item["target"]["selector"].is_array());
    }
    assert_eq!(v["id"], exported()["id"], "the collection is the same text's");
    let back = import(&ws.document, &export(&ws), NOW).unwrap();
    assert_eq!(back.workspace.annotations(), ws.annotations());
}

#[test]
fn without_a_url_that_is_a_uri_the_target_is_the_text_alone() {
    let urn = format!("urn:sha256:{}", sample().document.sha256());
    for ws in
        [sample(), with_url("news.test/no scheme"), with_url("https://x.test/<a>"), with_url("1http://x")]
    {
        let v: Value = serde_json::from_str(&export(&ws)).unwrap();
        let target = &v["first"]["items"][0]["target"];
        assert_eq!((&target["source"], target.get("scope")), (&json!(urn), None), "{:?}", ws.document.meta());
    }
}

use super::*;
use crate::editor::Editor;
use crate::model::Document;
use crate::test_support::{NOW, id, span};

/// A workspace of `text` with each `(needle, tag, entity type)` tagged where it first is.
fn tagged(text: &str, tags: &[(&str, Tag, &str)]) -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("t", text)));
    for (n, (needle, tag, kind)) in tags.iter().enumerate() {
        ed.add(span(text, needle), *tag, id(n as u8 + 1), NOW).unwrap();
        ed.set_entity_type(id(n as u8 + 1), kind, NOW).unwrap();
    }
    ed.workspace().clone()
}

/// The library's lessons: "Defense Ministry" a source, "Defense" an organisation twice.
fn library() -> Dictionary {
    let a = tagged(
        "The Defense Ministry said. Defense spending rose.",
        &[("Defense Ministry", Tag::Source, ""), ("Defense spending", Tag::Entity, "")],
    );
    let b = tagged("Defense and Defense.", &[("Defense", Tag::Entity, "organisation")]);
    let c = tagged("Defense, again.", &[("Defense", Tag::Entity, "organisation")]);
    Dictionary::from_workspaces([&a, &b, &c])
}

fn suggester(dict: &Dictionary, options: Options) -> Suggester {
    Suggester::new(dict, &Rejections::default(), options)
}

/// Each suggestion as (its text, tag) — positions checked against the text they cover.
fn found(s: &Suggester, ws: &Workspace) -> Vec<(String, Tag)> {
    s.suggest(ws)
        .into_iter()
        .map(|g| {
            assert_eq!(ws.document.slice(g.start, g.end), g.exact, "positions are code points");
            (g.exact, g.tag)
        })
        .collect()
}

/// The code point ranges of every `needle` in `text`, in order.
fn every(text: &str, needle: &str) -> Vec<Range<usize>> {
    text.match_indices(needle)
        .map(|(at, _)| {
            let start = text[..at].chars().count();
            start..start + needle.chars().count()
        })
        .collect()
}

fn open(text: &str) -> Workspace {
    Workspace::new(Document::new("open", text))
}

fn pairs(items: &[(&str, Tag)]) -> Vec<(String, Tag)> {
    items.iter().map(|(t, tag)| ((*t).to_owned(), *tag)).collect()
}

#[test]
fn what_one_document_taught_is_suggested_in_another_longest_first() {
    let dict = library();
    let learned = dict.get("Defense").unwrap();
    assert_eq!((learned.tag, learned.entity_type.as_str(), learned.count), (Tag::Entity, "organisation", 2));
    let text = "Yesterday the Defense Ministry denied it; Defense officials agreed.";
    let s = suggester(&dict, Options::default());
    let all = s.suggest(&open(text));
    assert_eq!(
        all.iter().map(|g| (g.start..g.end, g.tag)).collect::<Vec<_>>(),
        [(span(text, "Defense Ministry"), Tag::Source), (every(text, "Defense")[1].clone(), Tag::Entity)]
    );
    assert_eq!((all[1].entity_type.as_str(), all[1].count), ("organisation", 2));
}

#[test]
fn claims_do_not_teach_and_the_most_frequent_tag_wins() {
    let ws = tagged(
        "Prices fell. Reuters said Reuters and Reuters.",
        &[("Prices fell.", Tag::Claim, ""), ("Reuters", Tag::Source, "")],
    );
    let mut dict = Dictionary::from_workspaces([&ws]);
    assert_eq!(
        (dict.len(), dict.get("Prices fell."), dict.get("Reuters").unwrap().tag),
        (1, None, Tag::Source)
    );
    let entity = tagged("Reuters x", &[("Reuters", Tag::Entity, "organisation")]);
    dict.learn(&entity);
    dict.learn(&entity);
    let learned = dict.get("Reuters").unwrap();
    assert_eq!((learned.tag, learned.entity_type.as_str(), learned.count), (Tag::Entity, "organisation", 3));
    dict.unlearn(&entity);
    let learned = dict.get("Reuters").unwrap();
    assert_eq!((learned.tag, learned.count), (Tag::Entity, 2), "on a tie, the first tag alphabetically");
    dict.unlearn(&entity);
    dict.unlearn(&ws);
    assert!(dict.is_empty(), "unlearning everything forgets the text");
}

#[test]
fn the_dictionary_and_rejections_round_trip_through_json() {
    let dict = library();
    let json = serde_json::to_string(&dict).unwrap();
    assert!(json.contains(r#""Defense":{"entity":{"count":2,"types":{"organisation":2}}}"#), "{json}");
    assert_eq!(serde_json::from_str::<Dictionary>(&json).unwrap(), dict);
    let mut rejected = Rejections::default();
    rejected.reject("  Defense\nMinistry ");
    let json = serde_json::to_string(&rejected).unwrap();
    assert_eq!(json, r#"["Defense Ministry"]"#);
    assert_eq!(serde_json::from_str::<Rejections>(&json).unwrap(), rejected);
}

#[test]
fn only_whole_words_and_a_shorter_match_when_the_longest_ends_inside_one() {
    let s = suggester(&library(), Options::default());
    let text = "Defensemen, the Defense Ministryship and UnDefense.";
    assert_eq!(found(&s, &open(text)), pairs(&[("Defense", Tag::Entity)]));
    assert_eq!(s.suggest(&open(text))[0].start, span(text, "Defense Ministryship").start);
}

#[test]
fn a_possessive_or_an_elision_does_not_hide_a_name() {
    let dict = Dictionary::from_workspaces([&tagged("Élysée", &[("Élysée", Tag::Entity, "place")])]);
    let s = suggester(&dict, Options::default());
    assert_eq!(found(&s, &open("l’Élysée’s view")), pairs(&[("Élysée", Tag::Entity)]));
}

#[test]
fn never_across_a_line_break_but_across_other_white_space() {
    let s = suggester(&library(), Options::default());
    let split = "the Defense\nMinistry said";
    assert_eq!(found(&s, &open(split)), pairs(&[("Defense", Tag::Entity)]));
    let spaced = "the Defense \u{a0}Ministry said";
    assert_eq!(found(&s, &open(spaced)), pairs(&[("Defense \u{a0}Ministry", Tag::Source)]));
}

#[test]
fn case_is_ignored_on_request_beyond_ascii() {
    let ws =
        tagged("Élysée and Zürich", &[("Élysée", Tag::Entity, "place"), ("Zürich", Tag::Entity, "place")]);
    let dict = Dictionary::from_workspaces([&ws, &tagged("ZÜRICH", &[("ZÜRICH", Tag::Source, "")])]);
    let text = "L'ÉLYSÉE et élysée; zürich, ZÜRICH.";
    let sensitive = suggester(&dict, Options::default());
    assert_eq!(found(&sensitive, &open(text)), pairs(&[("ZÜRICH", Tag::Source)]));
    let ignoring = suggester(&dict, Options { case_sensitive: false, ..Options::default() });
    assert_eq!(
        found(&ignoring, &open(text)),
        pairs(&[
            ("ÉLYSÉE", Tag::Entity),
            ("élysée", Tag::Entity),
            ("zürich", Tag::Entity),
            ("ZÜRICH", Tag::Entity)
        ])
    );
    let zurich = ignoring.suggest(&open(text)).pop().unwrap();
    assert_eq!(zurich.count, 2, "Zürich and ZÜRICH are one text, their counts joined");
}

#[test]
fn a_rejected_text_is_never_suggested_again() {
    let dict = library();
    let mut rejected = Rejections::default();
    rejected.reject("Defense");
    assert!(rejected.is_rejected(" Defense ") && !rejected.is_rejected("defense"));
    let text = "Defense and the Defense Ministry";
    let s = Suggester::new(&dict, &rejected, Options::default());
    assert_eq!(found(&s, &open(text)), pairs(&[("Defense Ministry", Tag::Source)]));
    // Ignoring case, the rejection takes every case of it.
    let lower = tagged("defense", &[("defense", Tag::Entity, "")]);
    let mut dict = dict;
    dict.learn(&lower);
    let s = Suggester::new(&dict, &rejected, Options { case_sensitive: false, ..Options::default() });
    assert_eq!(found(&s, &open("defense, DEFENSE")), pairs(&[]));
    rejected.unreject("Defense");
    assert!(rejected.is_empty());
}

#[test]
fn stop_words_numbers_and_short_texts_are_not_suggested() {
    let taught = "The EU said 2025 was the year of the Euro.";
    let ws = tagged(
        taught,
        &[
            ("The", Tag::Entity, ""),
            ("EU", Tag::Entity, ""),
            ("2025", Tag::Entity, ""),
            ("of the", Tag::Source, ""),
            ("Euro", Tag::Entity, ""),
        ],
    );
    let dict = Dictionary::from_workspaces([&ws]);
    let text = "The EU in 2025: the Euro, of the EU.";
    assert_eq!(found(&suggester(&dict, Options::default()), &open(text)), pairs(&[("Euro", Tag::Entity)]));
    let short = suggester(&dict, Options { min_chars: 2, ..Options::default() });
    assert_eq!(
        found(&short, &open(text)),
        pairs(&[("EU", Tag::Entity), ("Euro", Tag::Entity), ("EU", Tag::Entity)])
    );
}

#[test]
fn an_occurrence_already_tagged_with_that_tag_is_not_suggested() {
    let s = suggester(&library(), Options::default());
    let text = "Defense, Defense and the Defense Ministry.";
    let first = span(text, "Defense");
    let mut ws = open(text);
    let mut ed = Editor::new(ws.clone());
    ed.add(first.start..first.end + 1, Tag::Entity, id(1), NOW).unwrap(); // "Defense," overlaps
    ed.add(span(text, "the Defense Ministry"), Tag::Claim, id(2), NOW).unwrap();
    ws = ed.workspace().clone();
    // The claim has another tag: the source inside it is still suggested.
    assert_eq!(found(&s, &ws), pairs(&[("Defense", Tag::Entity), ("Defense Ministry", Tag::Source)]));
    assert_eq!(s.suggest(&ws)[0].start, first.end + 2);
}

#[test]
fn positions_are_code_points_after_emoji_and_accents() {
    let s = suggester(&library(), Options { case_sensitive: false, ..Options::default() });
    let text = "🤦🏼‍♂️ café naïve 日本 — DEFENSE ministry 📉 said";
    let all = s.suggest(&open(text));
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].start..all[0].end, all[0].exact.as_str()),
        (span(text, "DEFENSE ministry"), "DEFENSE ministry")
    );
}

#[test]
fn occurrences_finds_every_other_untagged_place_of_a_cards_text() {
    let text = "Reuters said. reuters, Reutersville and REUTERS.\nReuters again, Reuters.";
    let mut ed = Editor::new(open(text));
    ed.add(span(text, "Reuters"), Tag::Source, id(1), NOW).unwrap();
    let reuters = every(text, "Reuters");
    ed.add(reuters[reuters.len() - 1].clone(), Tag::Source, id(2), NOW).unwrap();
    ed.add(span(text, "Reuters again"), Tag::Claim, id(3), NOW).unwrap();
    let ws = ed.workspace();
    let again = reuters[2].clone();
    assert_eq!(occurrences(ws, id(1), &Options::default()), std::slice::from_ref(&again));
    let ignoring = Options { case_sensitive: false, min_chars: 99 };
    let at = |needle: &str| span(text, needle);
    assert_eq!(occurrences(ws, id(1), &ignoring), [at("reuters"), at("REUTERS"), again]);
    assert!(occurrences(ws, id(9), &ignoring).is_empty(), "no such annotation");
}

/// The matches of a text are kept across edits and filtered per edit: the same as a
/// whole pass after each. And learning from a document's annotations alone is learning
/// from the document.
#[test]
fn matches_kept_across_edits_filter_to_what_a_whole_pass_gives() {
    let dict = library();
    let s = suggester(&dict, Options::default());
    let text = "Yesterday the Defense Ministry denied it; Defense officials agreed.";
    let mut ed = Editor::new(open(text));
    let matches = s.matches(&ed.workspace().document);
    assert_eq!(s.unannotated(&matches, ed.workspace()), s.suggest(ed.workspace()));
    ed.add(span(text, "Defense Ministry"), Tag::Source, id(9), NOW).unwrap();
    assert_eq!(s.unannotated(&matches, ed.workspace()), s.suggest(ed.workspace()));
    assert_eq!(s.suggest(ed.workspace()).len(), 1, "the tagged one is left out");

    let ws = tagged("Defense and Defense.", &[("Defense", Tag::Entity, "organisation")]);
    let mut from_records = Dictionary::default();
    from_records.learn_from(ws.annotations().iter().map(|a| &**a));
    assert_eq!(from_records, Dictionary::from_workspaces([&ws]));
}

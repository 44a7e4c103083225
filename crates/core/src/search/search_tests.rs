use super::*;
use crate::editor::Editor;
use crate::model::Document;
use crate::status::ClaimStatus;
use crate::tagset::Tag;
use crate::test_support::{NOW, id, span};

/// Document ids, apart from the annotations' `id(1..)`.
fn doc_id(n: u8) -> AnnotationId {
    id(200 + n)
}

const A_TEXT: &str = "日本の防衛省が発表した\nThe Défense Ministry said the budget rose.\n\
    Critics disputed the defense figures, the Washington Post reported.";
const B_TEXT: &str = "The defense ministry budget fell. Ministry of defense officials said nothing.";
const C_TEXT: &str = "Rain fell in Ōsaka all week.";

/// Tokyo (March): a disputed claim with a note, an organisation, a source.
fn a() -> Editor {
    let mut ed = Editor::new(Workspace::new(Document::new("Tokyo ministry", A_TEXT)));
    ed.add(span(A_TEXT, "The Défense Ministry said the budget rose"), Tag::Claim, id(1), NOW).unwrap();
    ed.set_status(id(1), ClaimStatus::Disputed, NOW).unwrap();
    ed.set_note(id(1), "WaPo says otherwise:\ncheck the MoF table", NOW).unwrap();
    ed.add(span(A_TEXT, "Washington Post"), Tag::Entity, id(2), NOW).unwrap();
    ed.set_entity_type(id(2), "Organisation", NOW).unwrap();
    ed.add(span(A_TEXT, "Critics"), Tag::Source, id(3), NOW).unwrap();
    ed
}

/// Budget (May): a supported claim, a person.
fn b() -> Editor {
    let mut ed = Editor::new(Workspace::new(Document::new("Budget review", B_TEXT)));
    ed.add(span(B_TEXT, "defense ministry budget fell"), Tag::Claim, id(4), NOW).unwrap();
    ed.set_status(id(4), ClaimStatus::Supported, NOW).unwrap();
    ed.add(span(B_TEXT, "officials"), Tag::Entity, id(5), NOW).unwrap();
    ed.set_entity_type(id(5), "person", NOW).unwrap();
    ed
}

/// Weather (January): "defense" only in its title.
fn c() -> Editor {
    let mut ed = Editor::new(Workspace::new(Document::new("A defense of rain", C_TEXT)));
    ed.add(span(C_TEXT, "Ōsaka"), Tag::Entity, id(6), NOW).unwrap();
    ed.set_entity_type(id(6), "place", NOW).unwrap();
    ed
}

const DATES: [&str; 3] = ["2026-03-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"];

fn library() -> SearchIndex {
    let mut index = SearchIndex::new();
    for (n, (ed, title)) in
        [(a(), "Tokyo ministry"), (b(), "Budget review"), (c(), "A defense of rain")].iter().enumerate()
    {
        assert_eq!(index.update(doc_id(n as u8), title, DATES[n], ed.workspace()), TextIndexed::Tokenised);
    }
    index
}

fn find(index: &SearchIndex, q: &str) -> Vec<DocResults> {
    index.search(&Query::parse(q), 100)
}

/// Each document's title with its hits as (field, matched text).
fn summary(results: &[DocResults]) -> Vec<(String, Vec<(Field, String)>)> {
    results
        .iter()
        .map(|r| {
            assert_eq!(r.total, r.hits.len().max(r.total));
            (r.title.clone(), r.hits.iter().map(|h| (h.field, h.kwic.matched.clone())).collect())
        })
        .collect()
}

fn titles(results: &[DocResults]) -> Vec<&str> {
    results.iter().map(|r| r.title.as_str()).collect()
}

#[test]
fn free_words_are_found_everywhere_newest_first() {
    let index = library();
    let found = find(&index, "DEFENSE");
    assert_eq!(titles(&found), ["Budget review", "Tokyo ministry", "A defense of rain"]);
    let tokyo = &found[1];
    assert_eq!(
        summary(std::slice::from_ref(tokyo))[0].1,
        [
            (Field::Text, "Défense".to_owned()),
            (Field::Quote, "Défense".to_owned()),
            (Field::Text, "defense".to_owned()),
        ]
    );
    assert_eq!(tokyo.hits[0].start..tokyo.hits[0].end, span(A_TEXT, "Défense"));
    assert_eq!(
        (tokyo.hits[1].start, tokyo.hits[1].annotation),
        (4, Some(id(1))),
        "in the quote's own code points"
    );
    assert_eq!(found[2].hits[0].field, Field::Title);
    assert!(find(&index, "defense nowhere").is_empty(), "every word must be in the document");
    assert!(find(&index, "").is_empty());
}

#[test]
fn context_is_cut_at_words_and_spaced() {
    let index = library();
    let found = find(&index, "\"defense ministry\" in:text");
    let hit = &found.iter().find(|r| r.title == "Tokyo ministry").unwrap().hits[0];
    assert_eq!(hit.kwic.matched, "Défense Ministry");
    assert_eq!(hit.kwic.before, "日本の防衛省が発表した The ", "the line break is a space");
    assert_eq!(hit.kwic.after, " said the budget rose. Critics disputed");
    let post = &find(&index, "reported in:text")[0].hits[0];
    assert_eq!(post.kwic.before, "defense figures, the Washington Post ", "the cut \"e\" of \"the\" dropped");
    assert_eq!(post.kwic.after, ".");
    // A quote's context goes on into the text around it.
    let quote = &find(&index, "rose in:quote")[0].hits[0];
    assert_eq!(
        (quote.kwic.before.as_str(), quote.kwic.after.as_str()),
        ("The Défense Ministry said the budget ", ". Critics disputed the defense figures,")
    );
}

#[test]
fn context_already_cut_loses_its_partial_words() {
    // An orphan's prefix and suffix are all its context, cut at 32 code points.
    let k = Kwic::within("xyz said that ", "hit", " and then mi", [true, true]);
    assert_eq!((k.before.as_str(), k.after.as_str()), ("said that ", " and then"));
    let whole = Kwic::within("Xyz said that ", "hit", " and then mi", [false, false]);
    assert_eq!((whole.before.as_str(), whole.after.as_str()), ("Xyz said that ", " and then mi"));
    let long = "word ".repeat(20);
    let k = Kwic::new(&long, "hit", &long);
    assert!(k.before.chars().count() <= WINDOW && k.before.starts_with("word") && k.before.ends_with(' '));
    assert!(k.after.chars().count() <= WINDOW && k.after.starts_with("word ") && k.after.ends_with(" word"));
    let unbroken = "x".repeat(100);
    assert_eq!(Kwic::new(&unbroken, "hit", "").before.chars().count(), WINDOW, "no word boundary to cut at");
}

#[test]
fn cjk_phrases_and_line_breaks() {
    let index = library();
    let found = find(&index, "防衛省");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].hits[0].start..found[0].hits[0].end, span(A_TEXT, "防衛省"));
    assert!(find(&index, "\"した the\"").is_empty(), "never across a line break");
    assert!(!find(&index, "\"した\"").is_empty());
}

#[test]
fn filters_list_annotations() {
    let index = library();
    let disputed = find(&index, "tag:claim status:disputed");
    assert_eq!(titles(&disputed), ["Tokyo ministry"]);
    let hit = &disputed[0].hits[0];
    assert_eq!((hit.field, hit.annotation, hit.start), (Field::Quote, Some(id(1)), 0));
    assert_eq!(hit.kwic.matched, "The Défense Ministry said the budget rose");
    assert_eq!(titles(&find(&index, "tag:CLAIM")), ["Budget review", "Tokyo ministry"]);
    assert_eq!(
        summary(&find(&index, "type:organisation"))[0].1,
        [(Field::Quote, "Washington Post".to_owned())]
    );
    assert_eq!(titles(&find(&index, "type:person tag:entity")), ["Budget review"]);
    assert_eq!(titles(&find(&index, "status:supported")), ["Budget review"]);
    assert!(find(&index, "status:unchecked").is_empty(), "a status is a claim's");
    assert!(find(&index, "status:maybe").is_empty() && find(&index, "tag:nothing").is_empty());
    assert!(find(&index, "tag:source type:person").is_empty(), "filters combine with AND");
}

#[test]
fn notes_are_filters_and_fields() {
    let index = library();
    let wapo = find(&index, "note:wapo");
    assert_eq!(
        summary(&wapo)[0].1,
        [(Field::Note, "WaPo".to_owned())],
        "alone, a note filter's hit is in the note"
    );
    let with_words = find(&index, "note:wapo budget");
    assert_eq!(summary(&with_words)[0].1, [(Field::Quote, "budget".to_owned())], "with words, theirs");
    assert_eq!(titles(&find(&index, r#"note:"check the mof""#)), ["Tokyo ministry"]);
    assert!(find(&index, r#"note:"otherwise check""#).is_empty(), "a note's line break parts its phrases");
    let in_notes = find(&index, "table in:note");
    let hit = &in_notes[0].hits[0];
    assert_eq!(
        (hit.field, hit.annotation, hit.kwic.before.as_str()),
        (Field::Note, Some(id(1)), "WaPo says otherwise: check the MoF ")
    );
}

#[test]
fn filters_with_free_text_look_in_those_annotations() {
    let index = library();
    let found = find(&index, r#"tag:claim status:disputed "defense ministry""#);
    assert_eq!(
        summary(&found),
        [("Tokyo ministry".to_owned(), vec![(Field::Quote, "Défense Ministry".to_owned())])]
    );
    assert_eq!((found[0].hits[0].start, found[0].hits[0].end), (4, 20));
    // Every word in the same annotation, quote or note.
    assert_eq!(summary(&find(&index, "tag:claim rose wapo"))[0].1.len(), 2);
    assert!(find(&index, "tag:claim rose officials").is_empty());
    assert!(find(&index, "tag:claim wapo in:quote").is_empty());
    assert_eq!(titles(&find(&index, "tag:claim fell in:text")), ["Budget review"], "in:text is the quote");
    assert!(find(&index, "tag:claim fell in:title").is_empty());
}

#[test]
fn in_title_and_in_text() {
    let index = library();
    assert_eq!(
        summary(&find(&index, "in:title defense")),
        [("A defense of rain".to_owned(), vec![(Field::Title, "defense".to_owned())])]
    );
    assert_eq!(titles(&find(&index, "in:text defense")), ["Budget review", "Tokyo ministry"]);
    assert!(find(&index, "in:title").is_empty());
    assert_eq!(titles(&find(&index, "osaka in:quote")), ["A defense of rain"], "accents fold in quotes too");
}

#[test]
fn a_limit_keeps_the_first_hits_and_counts_them_all() {
    let index = library();
    let all = &find(&index, "the in:text")[1];
    assert_eq!((all.title.as_str(), all.total, all.hits.len()), ("Tokyo ministry", 4, 4));
    let some = &index.search(&Query::parse("the in:text"), 2)[1];
    assert_eq!((some.total, some.hits.len()), (4, 2));
    assert_eq!(some.hits, all.hits[..2], "the first two in text order");
    assert!(all.hits.windows(2).all(|w| w[0].start < w[1].start));
    assert_eq!(index.search(&Query::parse("the in:text"), 0)[0].hits.len(), 0);
}

/// The results of a few queries, to compare two indexes.
fn everything(index: &SearchIndex) -> Vec<Vec<DocResults>> {
    [
        "defense",
        "the",
        "tag:claim",
        "note:wapo",
        "note:reuters",
        "防衛省",
        "type:place",
        "rose in:quote",
        "budget",
    ]
    .iter()
    .map(|q| find(index, q))
    .collect()
}

#[test]
fn an_edit_of_one_annotation_is_indexed_as_a_fresh_index_would() {
    let mut index = library();
    let mut ed = a();
    ed.set_note(id(1), "Reuters has the table", NOW).unwrap();
    ed.set_entity_type(id(2), "person", NOW).unwrap();
    ed.delete(id(3), NOW).unwrap();
    ed.add(span(A_TEXT, "budget"), Tag::Entity, id(7), NOW).unwrap();
    ed.rename("Tokyo budget", NOW);
    let ws = ed.workspace();
    assert_eq!(index.update(doc_id(0), "Tokyo budget", DATES[0], ws), TextIndexed::Kept);
    assert!(find(&index, "note:wapo").is_empty());
    assert_eq!(titles(&find(&index, "note:reuters")), ["Tokyo budget"]);
    assert_eq!(titles(&find(&index, "type:person")), ["Budget review", "Tokyo budget"]);
    assert!(find(&index, "tag:source").is_empty());
    let mut fresh = SearchIndex::new();
    fresh.update(doc_id(1), "Budget review", DATES[1], b().workspace());
    fresh.update(doc_id(2), "A defense of rain", DATES[2], c().workspace());
    fresh.update(doc_id(0), "Tokyo budget", DATES[0], ws);
    assert_eq!(everything(&index), everything(&fresh));
}

#[test]
fn a_fresh_read_of_the_same_text_keeps_its_postings() {
    let mut index = library();
    // As the library reads it again: another document, the same text.
    let reread =
        crate::formats::import_json(&crate::formats::export_json(a().workspace())).unwrap().workspace;
    assert!(!std::rc::Rc::ptr_eq(&reread.document, &a().workspace().document));
    assert_eq!(index.update(doc_id(0), "Tokyo ministry", DATES[0], &reread), TextIndexed::Kept);
    assert_eq!(everything(&index), everything(&library()));
}

#[test]
fn a_new_text_is_indexed_again() {
    let mut index = library();
    let ws = Workspace::new(Document::new("Tokyo ministry", "Nothing about ministries now."));
    assert_eq!(index.update(doc_id(0), "Tokyo ministry", DATES[0], &ws), TextIndexed::Tokenised);
    assert_eq!(titles(&find(&index, "defense in:text")), ["Budget review"]);
    assert_eq!(titles(&find(&index, "ministries")), ["Tokyo ministry"]);
    assert!(find(&index, "tag:claim status:disputed").is_empty());
}

#[test]
fn records_restore_the_text_of_their_own_text_only() {
    let index = library();
    let record = index.text_record(doc_id(0)).unwrap();
    let mut restored = SearchIndex::new();
    let (ws_a, ws_b, ws_c) = (a(), b(), c());
    assert_eq!(
        restored.update_with_record(doc_id(0), "Tokyo ministry", DATES[0], ws_a.workspace(), Some(&record)),
        TextIndexed::FromRecord
    );
    // B's text with A's record: not used.
    let (b_title, c_title) = ("Budget review", "A defense of rain");
    assert_eq!(
        restored.update_with_record(doc_id(1), b_title, DATES[1], ws_b.workspace(), Some(&record)),
        TextIndexed::Tokenised
    );
    let damaged = &record[..record.len() - 3];
    assert_eq!(
        restored.update_with_record(doc_id(2), c_title, DATES[2], ws_c.workspace(), Some(damaged)),
        TextIndexed::Tokenised
    );
    assert_eq!(everything(&restored), everything(&index));
    assert_eq!(restored.text_record(doc_id(0)).as_deref(), Some(record.as_str()), "the same record again");
    // Indexed already: the record is not even read.
    assert_eq!(
        restored.update_with_record(doc_id(0), "Tokyo ministry", DATES[0], ws_a.workspace(), Some("junk")),
        TextIndexed::Kept
    );
    assert_eq!(index.text_record(doc_id(9)), None);
}

#[test]
fn removed_documents_are_not_found() {
    let mut index = library();
    assert_eq!((index.docs(), index.contains(doc_id(1))), (3, true));
    assert!(index.remove(doc_id(1)));
    assert!(!index.remove(doc_id(1)));
    assert_eq!((index.docs(), index.contains(doc_id(1))), (2, false));
    assert_eq!(titles(&find(&index, "defense")), ["Tokyo ministry", "A defense of rain"]);
}

#[test]
fn tags_are_found_by_key_or_name() {
    let mut ed = a();
    let mut tags = (**ed.workspace().tagset()).clone();
    let quote = tags.add("Direct quote").unwrap();
    ed.set_tagset(tags, NOW).unwrap();
    ed.add(span(A_TEXT, "the Washington Post reported"), quote, id(8), NOW).unwrap();
    let mut index = SearchIndex::new();
    index.update(doc_id(0), "Tokyo ministry", DATES[0], ed.workspace());
    for q in [r#"tag:"direct quote""#, "tag:direct-quote", "tag:Direct-Quote"] {
        let found = find(&index, q);
        assert_eq!(found[0].hits.iter().map(|h| h.annotation).collect::<Vec<_>>(), [Some(id(8))], "{q}");
    }
}

#[test]
fn an_orphan_is_found_by_its_quote_with_the_context_it_kept() {
    let text = "Long before that, officials said the reservoir was full to the brim in May of that year.";
    let mut ed = Editor::new(Workspace::new(Document::new("Water", text)));
    ed.add(span(text, "the reservoir was full"), Tag::Claim, id(1), NOW).unwrap();
    let (ws, _) =
        crate::anchor::update_text(ed.workspace(), Document::new("Water", "Nothing of it is left."));
    assert!(ws.annotations()[0].orphan);
    let mut index = SearchIndex::new();
    index.update(doc_id(0), "Water", NOW, &ws);
    let hit = &find(&index, "reservoir")[0].hits[0];
    assert_eq!((hit.field, hit.start, hit.end), (Field::Quote, 4, 13));
    // Its prefix and suffix were cut at 32 code points: "ong" and "year" are left out.
    assert_eq!(hit.kwic.before, "before that, officials said the ");
    assert_eq!(hit.kwic.after, " was full to the brim in May of that");
}

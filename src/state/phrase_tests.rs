//! The words are the ones the app has always shown (the e2e tests look for some of them).

use annotator_core::{
    AnnotationId, Document, Editor, FileTags, GaveWay, Imported, MergeSummary, SkipReason, Skipped,
    SpanError, Tag, TagError, TagsMerged, UpdateSummary, Workspace, export_json, import_json, merge_import,
};

use super::*;

/// One skipped item's line, as every report writes it (the item's own `Display`).
fn skipped(s: &Skipped) -> String {
    s.to_string()
}

const NOW: &str = "2026-11-26T12:00:00.000Z";
const TEXT: &str = "one two three four five";

fn id(n: u8) -> AnnotationId {
    AnnotationId::from_random_bytes([n; 16])
}

fn one_claim() -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("t", TEXT)));
    ed.add(0..3, Tag::Claim, id(1), NOW).unwrap();
    ed.workspace().clone()
}

fn counts(added: usize, already_here: usize) -> MergeSummary {
    MergeSummary { added, already_here, ..MergeSummary::default() }
}

#[test]
fn an_annotation_past_the_end_reads_as_the_e2e_test_expects() {
    let file = export_json(&one_claim()).replace("\"end\": 3", "\"end\": 99999");
    let got = import_json(&file).unwrap();
    let len = TEXT.chars().count();
    assert_eq!(
        import_summary(&got),
        format!("0 imported, 1 skipped: #1 end 99999 is past the text length {len}")
    );
    assert_eq!(import_summary(&import_json(&export_json(&one_claim())).unwrap()), "1 imported");
}

#[test]
fn each_skipped_item_in_its_words() {
    let item = |index, reason| skipped(&Skipped::Annotation { index, reason });
    let cases = [
        (
            item(2, SkipReason::Unreadable("invalid type: string \"5\", expected usize".into())),
            "#2 invalid type: string \"5\", expected usize",
        ),
        (item(5, SkipReason::PastEnd { end: 9, len: 5 }), "#5 end 9 is past the text length 5"),
        (item(6, SkipReason::EmptyRange { start: 0, end: 0 }), "#6 start 0 is not before end 0"),
        (item(8, SkipReason::SplitsCharacter { at: 4 }), "#8 offset 4 splits a character"),
        (
            item(9, SkipReason::QuoteMismatch { start: 0, end: 13 }),
            "#9 quote does not match the text at 0..13",
        ),
        (
            item(10, SkipReason::NotATime { field: "created", value: "yesterday".into() }),
            "#10 created \"yesterday\" is not an RFC 3339 time",
        ),
        (item(12, SkipReason::RepeatsId(id(3))), "#12 repeats id 03030303-0303-4303-8303-030303030303"),
        (item(1, SkipReason::NoTag), "#1 has no tag (a tagging or classifying body)"),
        (item(2, SkipReason::NoQuoteOrPosition), "#2 has no quote and no position inside the text"),
        (item(3, SkipReason::EmptyLabel), "#3 has an empty label"),
        (
            item(2, SkipReason::Span(SpanError::PastEnd { end: 9, len: 5 })),
            "#2 The selection ends at 9, past the end of the text (5 characters).",
        ),
        (
            skipped(&Skipped::Link { index: 3, reason: SkipReason::EmptyRange { start: 12, end: 12 } }),
            "link 3 start 12 is not before end 12",
        ),
        (
            skipped(&Skipped::LinksOnEarlierText { count: 3 }),
            "links (3) were on an earlier version of the text",
        ),
        (
            skipped(&Skipped::TagSet(TagError::BadColour("x".into()))),
            "the tag set (“x” is not a colour (#rrggbb). The default tags are used.)",
        ),
        (skipped(&Skipped::Relation { index: 1 }), "relation #1 is not a link from a claim to a source"),
        (
            skipped(&Skipped::MoreDocuments { count: 1 }),
            "only the first document was read; 1 more line(s) were not",
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

#[test]
fn a_long_list_of_skipped_items_is_cut_after_five() {
    let skipped: Vec<Skipped> = (2..13)
        .map(|index| Skipped::Annotation { index, reason: SkipReason::EmptyRange { start: 0, end: 0 } })
        .collect();
    let imported = Imported {
        workspace: one_claim(),
        tags: FileTags::Defined,
        revision: None,
        skipped,
        moved: 2,
        orphaned: 1,
        spans_only: false,
    };
    let got = import_summary(&imported);
    assert!(
        got.starts_with(
            "1 imported, 2 found again by quote (the text had been edited), 1 no longer found in the text (kept as \
             orphans), 11 skipped: #2 start 0 is not before end 0; #3"
        ),
        "{got}"
    );
    assert!(got.ends_with("#6 start 0 is not before end 0; and 6 more"), "{got}");
}

#[test]
fn a_new_text_and_a_merge_in_their_words() {
    let u = UpdateSummary { kept: 0, moved: 1, edited: 2, orphaned: 0 };
    assert_eq!(
        update_summary(&u),
        "Text updated: 0 annotations kept, 1 moved, 2 with edited text inside, 0 no longer found (listed as orphans)."
    );
    assert_eq!(merge_summary(&counts(1, 2)), "1 annotation added to this article, 2 already here.");
    assert_eq!(merge_summary(&counts(0, 3)), "0 annotations added to this article, 3 already here.");
    assert_eq!(
        merge_summary(&MergeSummary { conflicts: 1, ..counts(0, 1) }),
        "0 annotations added to this article, 1 already here. 1 differs from yours: yours is kept, and theirs waits \
         under “To resolve”."
    );
    assert!(
        merge_summary(&MergeSummary { conflicts: 3, ..counts(0, 0) })
            .contains(" 3 differ from yours: yours are kept")
    );
    let reanchored = Some(UpdateSummary { kept: 0, moved: 1, edited: 0, orphaned: 1 });
    assert_eq!(
        merge_summary(&MergeSummary { reanchored, ..counts(2, 0) }),
        "2 annotations added to this article, 0 already here. Their text differs from this one, so they were \
         re-anchored: 0 annotations kept, 1 moved, 0 with edited text inside, 1 no longer found (listed as orphans)."
    );
    let gave = |label_before: &str, label: &str, hotkey_before: &str, hotkey: &str| GaveWay {
        label_before: label_before.into(),
        label: label.into(),
        hotkey_before: hotkey_before.into(),
        hotkey: hotkey.into(),
    };
    let tags = TagsMerged {
        added: 1,
        changed: 2,
        entity_types_added: 4,
        gave_way: vec![
            gave("Quote", "Quote", "4", "3"),
            gave("Name", "Name (2)", "5", "6"),
            gave("X", "X", "7", ""),
        ],
    };
    assert_eq!(
        merge_summary(&MergeSummary { tags, ..counts(1, 0) }),
        "1 annotation added to this article, 0 already here. Tags from the file: 1 added, 2 changed, 4 entity types \
         added. To keep keys and names apart, “Quote” is now on key 3; “Name” is now “Name (2)” on key 6; “X” is now \
         with no key."
    );
    let named = TagsMerged { added: 1, ..TagsMerged::default() };
    assert_eq!(
        merge_summary(&MergeSummary { tags: named, ..counts(1, 2) }),
        "1 annotation added to this article, 2 already here. Tags from the file: 1 added."
    );
}

#[test]
fn importing_the_open_article_again_adds_nothing() {
    let file = import_json(&export_json(&one_claim())).unwrap();
    let (_, summary) = merge_import(&one_claim(), &file).unwrap();
    assert_eq!(merge_summary(&summary), "0 annotations added to this article, 1 already here.");
}

/// The ClaimReview export says what it wrote and why the rest was left out, from the
/// core's own counts for a workspace with one claim of each status.
#[test]
fn claim_reviews_say_what_was_written_and_what_was_left_out() {
    use annotator_core::ClaimStatus;
    use annotator_core::formats::{Review, claim_reviews as reviews_of};
    let text = "alpha beta gamma delta epsilon";
    let mut ed = Editor::new(Workspace::new(Document::new("t", text)));
    let statuses = [ClaimStatus::Supported, ClaimStatus::False, ClaimStatus::Opinion, ClaimStatus::Unchecked];
    for (n, (word, status)) in ["alpha", "beta", "gamma", "delta"].iter().zip(statuses).enumerate() {
        let start = text.find(word).unwrap();
        ed.add(start..start + word.len(), Tag::Claim, id(n as u8 + 1), NOW).unwrap();
        ed.set_status(id(n as u8 + 1), status, NOW).unwrap();
    }
    let reviews = reviews_of(ed.workspace(), &Review::at(NOW));
    assert_eq!(
        super::claim_reviews(&reviews),
        "Wrote 2 ClaimReviews. Left out 2 claims: 1 opinion, 1 unchecked."
    );
    let none = reviews_of(&one_claim(), &Review::at(NOW));
    assert!(
        super::claim_reviews(&none).starts_with("No claim has a verdict"),
        "{}",
        super::claim_reviews(&none)
    );
}

use std::ops::Range;

use super::*;
use crate::model::Document;
use crate::offsets::{byte_to_char, char_len};
use crate::tagset::TagSet;
use crate::test_support::{ann, id};

/// The code-point range of `needle`'s first occurrence in `text`: offsets are found,
/// never counted by hand.
fn span(text: &str, needle: &str) -> Range<usize> {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in {text:?}"));
    let start = byte_to_char(text, at);
    start..start + char_len(needle)
}

/// An annotation `n` over `quote`'s first occurrence; its quote proves the offsets are
/// the code points `Annotation::new` slices by.
fn mark(doc: &Document, tag: Tag, quote: &str, n: u8) -> Annotation {
    let a = ann(doc, span(doc.text(), quote), tag, n);
    assert_eq!(a.exact, quote);
    a
}

fn side_of(title: &str, text: &str, annotations: impl FnOnce(&Document) -> Vec<Annotation>) -> Workspace {
    let doc = Document::new(title, text);
    let annotations = annotations(&doc);
    Workspace::with_annotations(doc, annotations, TagSet::default())
}

/// A workspace of `text` with one plain annotation per `(tag, quote, n)`.
fn side(text: &str, marks: &[(Tag, &str, u8)]) -> Workspace {
    side_of("Budget", text, |doc| marks.iter().map(|&(t, q, n)| mark(doc, t, q, n)).collect())
}

fn approx(got: f64, expected: f64, what: &str) {
    assert!((got - expected).abs() < 1e-12, "{what}: got {got}, expected {expected}");
}

/// Checks exact and overlap F1 (and through them precision and recall) of one agreement.
fn check(g: &Agreement, exact: (f64, f64, f64), overlap: (f64, f64, f64), what: &str) {
    approx(g.exact.precision, exact.0, &format!("{what} exact precision"));
    approx(g.exact.recall, exact.1, &format!("{what} exact recall"));
    approx(g.exact.f1, exact.2, &format!("{what} exact F1"));
    approx(g.overlap.precision, overlap.0, &format!("{what} overlap precision"));
    approx(g.overlap.recall, overlap.1, &format!("{what} overlap recall"));
    approx(g.overlap.f1, overlap.2, &format!("{what} overlap F1"));
}

const SPEECH: &str = "The minister said taxes will fall by 2027, but the opposition said they would rise.";

#[test]
fn crossing_and_nested_spans_per_tag_and_overall() {
    let a = side(
        SPEECH,
        &[
            (Tag::Claim, "taxes will fall by 2027", 1),
            (Tag::Claim, "they would rise", 2),
            (Tag::Source, "The minister", 3),
            (Tag::Source, "the opposition", 4),
        ],
    );
    let b = side(
        SPEECH,
        &[
            (Tag::Claim, "taxes will fall by 2027", 11), // exactly a1
            (Tag::Claim, "said they would", 12),         // crosses a2 ("they would")
            (Tag::Claim, "but the", 15),                 // overlaps only a source: no claim
            (Tag::Source, "minister", 13),               // nested in a3
            (Tag::Entity, "the opposition", 14),         // a4's span, another tag
        ],
    );
    let c = compare(&a, &b).unwrap();
    let tags: Vec<_> = c.per_tag.iter().map(|t| (t.tag, t.label.as_str())).collect();
    assert_eq!(tags, [(Tag::Claim, "Claim"), (Tag::Source, "Source"), (Tag::Entity, "Entity")]);
    let [claim, source, entity] = [0, 1, 2].map(|i| &c.per_tag[i].agreement);
    // Claim: |A| 2, |B| 3, 1 exact. P 1/3, R 1/2, F1 = 2·(1/6)/(5/6) = 2/5.
    // Overlap: A 2 of 2 (a1–b1, a2–b2), B 2 of 3 (not "but the"): P 2/3, R 1,
    // F1 = 2·(2/3)/(5/3) = 4/5.
    assert_eq!((claim.a, claim.b, claim.exact_matches, claim.overlap_a, claim.overlap_b), (2, 3, 1, 2, 2));
    check(claim, (1.0 / 3.0, 0.5, 0.4), (2.0 / 3.0, 1.0, 0.8), "claim");
    // Source: |A| 2, |B| 1, no exact match: all 0. Overlap: A 1 of 2 ("The minister"),
    // B 1 of 1: P 1, R 1/2, F1 = 2·(1/2)/(3/2) = 2/3.
    assert_eq!((source.a, source.b, source.exact_matches), (2, 1, 0));
    check(source, (0.0, 0.0, 0.0), (1.0, 0.5, 2.0 / 3.0), "source");
    // Entity: A has none, so nothing agrees (not 1: only two empty sides agree).
    assert_eq!((entity.a, entity.b), (0, 1));
    check(entity, (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), "entity");
    // Overall pools the counts: |A| 4, |B| 5, 1 exact: P 1/5, R 1/4,
    // F1 = 2·(1/20)/(9/20) = 2/9 (the mean of the per-tag F1s would be 0.4/3).
    // Overlap: A 2+1+0 = 3 of 4, B 2+1+0 = 3 of 5: F1 = 2·(9/20)/(27/20) = 2/3.
    assert_eq!((c.overall.a, c.overall.b, c.overall.exact_matches), (4, 5, 1));
    check(&c.overall, (0.2, 0.25, 2.0 / 9.0), (0.6, 0.75, 2.0 / 3.0), "overall");
    assert_eq!((c.not_anchored.len(), c.reanchored), (0, None));
}

#[test]
fn offsets_are_code_points_through_emoji_and_cjk() {
    let text = "東京の発表：👩‍👩‍👧家族は減税を歓迎した。";
    // The family is one grapheme, 18 bytes and 8 UTF-16 units, but 5 code points.
    assert_eq!(span(text, "👩‍👩‍👧").len(), 5);
    let a = side(
        text,
        &[
            (Tag::Claim, "👩‍👩‍👧家族", 1),
            (Tag::Claim, "減税を歓迎した", 2),
            (Tag::Claim, "。", 3), // starts where b2 ends: touches, shares nothing
        ],
    );
    let b = side(
        text,
        &[
            (Tag::Claim, "👩‍👩‍👧", 11),             // nested in a1, same start
            (Tag::Claim, "減税を歓迎した", 12), // exactly a2
            (Tag::Claim, "東京の発表：", 13),   // ends where a1 starts: touches, shares nothing
            (Tag::Claim, "族は減", 14),         // crosses a1 (族) and a2 (減)
        ],
    );
    assert_eq!(span(text, "東京の発表：").end, span(text, "👩‍👩‍👧").start);
    assert_eq!(span(text, "減税を歓迎した").end, span(text, "。").start);
    let c = compare(&a, &b).unwrap();
    let claim = &c.per_tag[0].agreement;
    // Exact: 1 of |A| 3, |B| 4: P 1/4, R 1/3, F1 = 2·(1/12)/(7/12) = 2/7.
    // Overlap: A 2 of 3, B 3 of 4 (neither touching one): P 3/4, R 2/3,
    // F1 = 2·(1/2)/(17/12) = 12/17.
    assert_eq!((claim.exact_matches, claim.overlap_a, claim.overlap_b), (1, 2, 3));
    check(claim, (0.25, 1.0 / 3.0, 2.0 / 7.0), (0.75, 2.0 / 3.0, 12.0 / 17.0), "claim");
}

#[test]
fn one_side_empty_agrees_on_nothing() {
    let full = side(SPEECH, &[(Tag::Claim, "taxes will fall", 1), (Tag::Source, "The minister", 2)]);
    let empty = side(SPEECH, &[]);
    for (a, b) in [(&full, &empty), (&empty, &full)] {
        let c = compare(a, b).unwrap();
        assert_eq!(c.per_tag.len(), 2);
        for t in &c.per_tag {
            check(&t.agreement, (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), t.tag.key());
        }
        check(&c.overall, (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), "overall");
        assert_eq!(c.status, StatusAgreement { kappa: None, pairs: 0, agreeing: 0 });
        assert_eq!(c.diff.len(), 2);
    }
    let only_a = compare(&full, &empty).unwrap();
    assert!(only_a.diff.iter().all(|e| matches!(e.difference, Difference::OnlyA(_))));
}

#[test]
fn two_empty_sides_agree_fully() {
    let c = compare(&side(SPEECH, &[]), &side(SPEECH, &[])).unwrap();
    assert!(c.per_tag.is_empty() && c.diff.is_empty());
    assert_eq!((c.overall.a, c.overall.b), (0, 0));
    check(&c.overall, (1.0, 1.0, 1.0), (1.0, 1.0, 1.0), "overall");
    assert_eq!(c.status.kappa, None);
}

const WORDS: [&str; 6] = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];

/// The status agreement of claims on the first words, A's `a` and B's `b` statuses.
fn kappa_of(a: &[ClaimStatus], b: &[ClaimStatus]) -> StatusAgreement {
    let text = WORDS.join(" ");
    let claims = |statuses: &[ClaimStatus], first: u8| {
        let statuses = statuses.to_vec();
        side_of("K", &text, move |doc| {
            (statuses.iter().zip(WORDS).enumerate())
                .map(|(i, (&status, word))| {
                    let mut x = mark(doc, Tag::Claim, word, first + i as u8);
                    x.status = status;
                    x
                })
                .collect()
        })
    };
    compare(&claims(a, 1), &claims(b, 101)).unwrap().status
}

use ClaimStatus::{Disputed as D, False as F, Supported as S, Unchecked as U};

#[test]
fn kappa_of_perfect_agreement_is_one() {
    // po = 1; pe = 3 × (1/3 · 1/3) = 1/3; κ = (1 − 1/3) / (1 − 1/3) = 1.
    let k = kappa_of(&[S, F, D], &[S, F, D]);
    assert_eq!((k.pairs, k.agreeing), (3, 3));
    approx(k.kappa.unwrap(), 1.0, "κ");
}

#[test]
fn kappa_of_a_two_by_two_table() {
    //            B: S   F
    //   A: S        3   1     A's margins: S 4, F 2
    //      F        0   2     B's margins: S 3, F 3
    // po = 5/6; pe = (4/6)(3/6) + (2/6)(3/6) = 18/36 = 1/2; κ = (5/6 − 1/2)/(1/2) = 2/3.
    let k = kappa_of(&[S, S, S, S, F, F], &[S, S, S, F, F, F]);
    assert_eq!((k.pairs, k.agreeing), (6, 5));
    approx(k.kappa.unwrap(), 2.0 / 3.0, "κ");
    // Swapped every time: po = 0, pe = 1/2, κ = (0 − 1/2)/(1/2) = −1.
    approx(kappa_of(&[S, F], &[F, S]).kappa.unwrap(), -1.0, "κ swapped");
}

#[test]
fn kappa_is_not_available_with_fewer_than_two_pairs_or_one_shared_status() {
    let text = WORDS.join(" ");
    // One claim matched; the matched sources and the unmatched claims are not pairs.
    let a = side(&text, &[(Tag::Claim, "alpha", 1), (Tag::Source, "bravo", 2), (Tag::Claim, "charlie", 3)]);
    let b = side(&text, &[(Tag::Claim, "alpha", 11), (Tag::Source, "bravo", 12), (Tag::Claim, "delta", 13)]);
    assert_eq!(compare(&a, &b).unwrap().status, StatusAgreement { kappa: None, pairs: 1, agreeing: 1 });
    // One pair that disagrees: its κ would be 0 by accident (pe = 0); still not available.
    assert_eq!(kappa_of(&[U], &[F]), StatusAgreement { kappa: None, pairs: 1, agreeing: 0 });
    // Everything Unchecked on both sides: pe = 1, κ = 0/0.
    assert_eq!(kappa_of(&[U, U, U], &[U, U, U]), StatusAgreement { kappa: None, pairs: 3, agreeing: 3 });
    // One status per side, but not the same one: pe = 0, po = 0, so κ is 0, not undefined.
    assert_eq!(kappa_of(&[S, S, S], &[F, F, F]).kappa, Some(0.0));
}

#[test]
fn the_diff_classifies_every_annotation_in_document_order() {
    let text = "Taxes will fall, the minister said, citing the budget office and the bank.";
    let a = side_of("Budget", text, |doc| {
        let mut taxes = mark(doc, Tag::Claim, "Taxes will fall", 1);
        (taxes.note, taxes.status, taxes.sources) = ("check".into(), S, vec![id(2), id(3)]);
        let mut bank = mark(doc, Tag::Entity, "the bank", 4);
        bank.entity_type = "organisation".into();
        let mut said = mark(doc, Tag::Claim, "the minister said", 6);
        (said.status, said.sources) = (D, vec![id(2)]);
        let minister = mark(doc, Tag::Source, "the minister", 2);
        let office = mark(doc, Tag::Source, "the budget office", 3);
        let citing = mark(doc, Tag::Claim, "citing", 5);
        vec![taxes, minister, office, bank, citing, said, mark(doc, Tag::Source, "the bank", 7)]
    });
    let b = side_of("Budget", text, |doc| {
        // Same note, status and sources: by span, as the ids are B's own, and linked
        // in another order, which is not a difference.
        let mut taxes = mark(doc, Tag::Claim, "Taxes will fall", 11);
        (taxes.note, taxes.status, taxes.sources) = ("check".into(), S, vec![id(13), id(12)]);
        let mut bank = mark(doc, Tag::Entity, "the bank", 14);
        bank.entity_type = "place".into();
        // Another status, a note, and attributed to the budget office instead.
        let mut said = mark(doc, Tag::Claim, "the minister said", 16);
        (said.note, said.status, said.sources) = ("no".into(), F, vec![id(13)]);
        let minister = mark(doc, Tag::Source, "the minister", 12);
        let office = mark(doc, Tag::Source, "the budget office", 13);
        vec![taxes, minister, office, bank, said, mark(doc, Tag::Claim, "minister said", 15)]
    });
    let at = |tag, quote, difference| {
        let r = span(text, quote);
        DiffEntry { tag, start: r.start, end: r.end, difference }
    };
    let both = |x, y| Difference::Both { a: id(x), b: id(y) };
    let changed =
        |x, y, fields: &[Field]| Difference::Changed { a: id(x), b: id(y), fields: fields.to_vec() };
    let expected = [
        at(Tag::Claim, "Taxes will fall", both(1, 11)),
        at(Tag::Source, "the minister", both(2, 12)),
        at(Tag::Claim, "the minister said", changed(6, 16, &[Field::Note, Field::Status, Field::Sources])),
        at(Tag::Claim, "minister said", Difference::OnlyB(id(15))),
        at(Tag::Claim, "citing", Difference::OnlyA(id(5))),
        at(Tag::Source, "the budget office", both(3, 13)),
        // One span, two tags: by tag key, "entity" before "source".
        at(Tag::Entity, "the bank", changed(4, 14, &[Field::EntityType])),
        at(Tag::Source, "the bank", Difference::OnlyA(id(7))),
    ];
    assert_eq!(compare(&a, &b).unwrap().diff, expected);
}

#[test]
fn a_source_without_a_place_is_never_the_same_source() {
    let linked = |doc: &Document, n: u8, source_orphaned: bool| {
        let mut claim = mark(doc, Tag::Claim, "taxes will fall", n);
        claim.sources = vec![id(n + 1)];
        let source = mark(doc, Tag::Source, "The minister", n + 1);
        vec![claim, if source_orphaned { source.orphaned(doc) } else { source }]
    };
    let a = side_of("Budget", SPEECH, |doc| linked(doc, 1, false));
    // B's source lost its place; where it was last seen is no place to compare.
    let b = side_of("Budget", SPEECH, |doc| linked(doc, 11, true));
    let c = compare(&a, &b).unwrap();
    let claim = Difference::Changed { a: id(1), b: id(11), fields: vec![Field::Sources] };
    let kinds: Vec<_> = c.diff.into_iter().map(|e| e.difference).collect();
    assert_eq!(kinds, [Difference::OnlyA(id(2)), claim], "\"The minister\" comes first");
    assert_eq!((c.not_anchored.len(), c.not_anchored[0].side), (1, Side::B));
}

#[test]
fn repeats_of_one_span_pair_the_alike_ones_first() {
    let a = side_of("Budget", SPEECH, |doc| {
        let mut noted = mark(doc, Tag::Claim, "taxes will fall", 1);
        noted.note = "a second look".into();
        vec![noted, mark(doc, Tag::Claim, "taxes will fall", 2)]
    });
    let b = side(SPEECH, &[(Tag::Claim, "taxes will fall", 11)]);
    let c = compare(&a, &b).unwrap();
    let kinds: Vec<_> = c.diff.into_iter().map(|e| e.difference).collect();
    assert_eq!(kinds, [Difference::Both { a: id(2), b: id(11) }, Difference::OnlyA(id(1))]);
    assert_eq!(c.per_tag[0].agreement.exact_matches, 1, "one to one");
}

#[test]
fn labels_come_from_a_then_b_and_tags_only_b_has_come_last() {
    let mut a_tags = TagSet::default();
    a_tags.tags[0].label = "Assertion".into();
    let mut b_tags = TagSet::default();
    b_tags.tags[0].label = "Statement".into();
    let quote = b_tags.add("Direct quote").unwrap();
    let doc = Document::new("Budget", SPEECH);
    let a = Workspace::with_annotations(doc.clone(), [mark(&doc, Tag::Claim, "taxes", 1)], a_tags);
    let b_marks = [mark(&doc, quote, "they would rise", 11), mark(&doc, Tag::Claim, "taxes", 12)];
    let b = Workspace::with_annotations(doc, b_marks, b_tags);
    let c = compare(&a, &b).unwrap();
    let labels: Vec<&str> = c.per_tag.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Assertion", "Direct quote"]);
}

const OPEN: &str = "東京 said taxes will fall. The bank agreed.";

#[test]
fn another_copy_of_the_text_is_reanchored_by_quote() {
    let a = side_of("Budget", OPEN, |doc| {
        let mut gone = mark(doc, Tag::Claim, "agreed", 3);
        gone.exact = "a sentence deleted since".into();
        vec![
            mark(doc, Tag::Claim, "taxes will fall", 1),
            mark(doc, Tag::Source, "The bank", 2),
            gone.orphaned(doc),
        ]
    });
    let copy = "Update: 東京 said taxes will fall. A line only this copy has. The bank agreed.";
    let marks = [
        (Tag::Claim, "taxes will fall", 11),
        (Tag::Source, "The bank", 12),
        (Tag::Claim, "A line only this copy has", 13),
    ];
    // The title is matched ignoring case, as the import matches it.
    let b = side_of("BUDGET", copy, |doc| marks.iter().map(|&(t, q, n)| mark(doc, t, q, n)).collect());
    let c = compare(&a, &b).unwrap();
    assert_eq!(c.reanchored, Some(UpdateSummary { kept: 0, moved: 2, edited: 0, orphaned: 1 }));
    let placed: Vec<_> = c.diff.iter().map(|e| (e.start..e.end, e.difference.clone())).collect();
    assert_eq!(
        placed,
        [
            (span(OPEN, "taxes will fall"), Difference::Both { a: id(1), b: id(11) }),
            (span(OPEN, "The bank"), Difference::Both { a: id(2), b: id(12) }),
        ]
    );
    check(&c.overall, (1.0, 1.0, 1.0), (1.0, 1.0, 1.0), "overall");
    let left_out = |side, n, tag, quote: &str| NotAnchored { side, id: id(n), tag, quote: quote.into() };
    assert_eq!(
        c.not_anchored,
        [
            left_out(Side::A, 3, Tag::Claim, "a sentence deleted since"),
            left_out(Side::B, 13, Tag::Claim, "A line only this copy has"),
        ]
    );
}

#[test]
fn another_article_or_nothing_found_is_an_error() {
    let a = side(OPEN, &[(Tag::Claim, "taxes will fall", 1)]);
    let weather = side_of("Weather", "Rain tomorrow.", |doc| vec![mark(doc, Tag::Claim, "Rain", 11)]);
    let e = compare(&a, &weather).unwrap_err();
    assert_eq!(e, CompareError::NotSameArticle { a: "Budget".into(), b: "Weather".into() });
    assert!(e.to_string().contains("“Budget” and “Weather”"), "{e}");
    let rewritten = "An entirely new text under the old title.";
    let nothing = side(rewritten, &[(Tag::Claim, "entirely new", 11), (Tag::Source, "title", 12)]);
    assert_eq!(compare(&a, &nothing).unwrap_err(), CompareError::NothingAnchored { count: 2 });
    // Nothing to anchor is not a failure to anchor: A against an empty B.
    let c = compare(&a, &side(rewritten, &[])).unwrap();
    assert_eq!((c.overall.a, c.overall.b), (1, 0));
}

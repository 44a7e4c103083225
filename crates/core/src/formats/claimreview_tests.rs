use serde_json::json;

use super::*;
use crate::doc_link::DocLink;
use crate::editor::Editor;
use crate::meta::ArticleMeta;
use crate::model::Document;
use crate::test_support::{NOW, id, span};

const TEXT: &str = "Taxes will fall by 5%, the finance minister Aso Taro said. \
                    Prices rose, according to the Statistics Bureau. Rain is wet, the paper said. \
                    Japan is the best country. Exports doubled, sources said.";

fn meta() -> ArticleMeta {
    ArticleMeta {
        url: "https://news.test/2024/taxes".into(),
        authors: vec!["Ana Díaz".into()],
        published: "2024-03-05".into(),
        site: "News Test".into(),
        language: "en".into(),
        added: NOW.into(),
    }
}

/// Claims 1–5 with every status, sources 11–14 (a person, an organisation, a wording, a
/// place), and the article's links inside two of the sources.
fn editor(meta: ArticleMeta) -> Editor {
    let links = [("Statistics Bureau", "https://stat.test/cpi"), ("the paper", "javascript:alert(1)")];
    let doc = Document::new("Taxes to fall", TEXT)
        .with_links(links.map(|(words, url)| {
            let r = span(TEXT, words);
            DocLink { start: r.start, end: r.end, url: url.into(), title: None }
        }))
        .with_meta(meta);
    let mut ed = Editor::new(Workspace::new(doc));
    let claims = [
        ("Taxes will fall by 5%", ClaimStatus::False),
        ("Prices rose", ClaimStatus::Supported),
        ("Rain is wet", ClaimStatus::Disputed),
        ("Japan is the best country", ClaimStatus::Opinion),
        ("Exports doubled", ClaimStatus::Unchecked),
    ];
    for (n, (quote, status)) in (1..).zip(claims) {
        ed.add(span(TEXT, quote), Tag::Claim, id(n), NOW).unwrap();
        ed.set_status(id(n), status, NOW).unwrap();
    }
    let sources = [
        (11, "the finance minister Aso Taro"),
        (12, "the Statistics Bureau"),
        (13, "the paper"),
        (14, "sources"),
    ];
    for (n, quote) in sources {
        ed.add(span(TEXT, quote), Tag::Source, id(n), NOW).unwrap();
    }
    for (n, quote, kind) in
        [(21, "Aso Taro", "person"), (22, "Statistics Bureau", "Organization"), (23, "paper", "place")]
    {
        ed.add(span(TEXT, quote), Tag::Entity, id(n), NOW).unwrap();
        ed.set_entity_type(id(n), kind, NOW).unwrap();
    }
    ed.link(id(1), id(11), NOW).unwrap();
    ed.link(id(2), id(12), NOW).unwrap();
    ed.link(id(2), id(11), NOW).unwrap();
    ed.link(id(3), id(13), NOW).unwrap();
    ed
}

fn review() -> Review {
    Review {
        author: Creator::new("Kenji Sato", "Fact Check Desk"),
        url: Some("https://factcheck.test/taxes".into()),
        date: "2026-11-26T12:00:00.000Z".into(),
    }
}

fn parsed(ws: &Workspace, review: &Review) -> Vec<Value> {
    serde_json::from_str(&claim_reviews(ws, review).json).unwrap()
}

#[test]
fn a_review_per_claim_with_a_verdict_and_the_rest_counted() {
    let ed = editor(meta());
    let got = claim_reviews(ed.workspace(), &review());
    assert_eq!((got.written, got.left_out, got.opinions), (3, 2, 1));
    let all: Vec<Value> = serde_json::from_str(&got.json).unwrap();
    let quotes: Vec<&str> = all.iter().map(|r| r["claimReviewed"].as_str().unwrap()).collect();
    assert_eq!(quotes, ["Taxes will fall by 5%", "Prices rose", "Rain is wet"], "in document order");
    assert!(got.json.ends_with("]\n"));
}

#[test]
fn every_field_of_a_review() {
    let ed = editor(meta());
    let all = parsed(ed.workspace(), &review());
    let r = &all[0];
    assert_eq!((&r["@context"], &r["@type"]), (&json!("https://schema.org"), &json!("ClaimReview")));
    assert_eq!(r["claimReviewed"], "Taxes will fall by 5%");
    assert_eq!(
        r["reviewRating"],
        json!({"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"})
    );
    assert_eq!(
        r["itemReviewed"],
        json!({
            "@type": "Claim",
            "appearance": {
                "@type": "CreativeWork",
                "url": "https://news.test/2024/taxes",
                "headline": "Taxes to fall",
                "publisher": {"@type": "Organization", "name": "News Test"},
            },
            "author": {"@type": "Person", "name": "Aso Taro"},
            "datePublished": "2024-03-05",
        })
    );
    assert_eq!(r["author"], json!({"@type": "Organization", "name": "Fact Check Desk"}));
    assert_eq!(r["datePublished"], "2026-11-26", "the review's day");
    assert_eq!(r["url"], "https://factcheck.test/taxes");
    assert_eq!(r["citation"], json!([{"@type": "CreativeWork", "text": "the finance minister Aso Taro"}]));
    let ratings: Vec<(i64, &str)> = all
        .iter()
        .map(|r| {
            (
                r["reviewRating"]["ratingValue"].as_i64().unwrap(),
                r["reviewRating"]["alternateName"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(ratings, [(1, "False"), (5, "Supported"), (3, "Disputed")]);
}

#[test]
fn the_speaker_is_a_person_or_organisation_inside_the_first_source_and_citations_carry_links() {
    let ed = editor(meta());
    let all = parsed(ed.workspace(), &review());
    let supported = &all[1];
    assert_eq!(
        supported["itemReviewed"]["author"],
        json!({"@type": "Organization", "name": "Statistics Bureau"})
    );
    assert_eq!(
        supported["citation"],
        json!([
            {"@type": "CreativeWork", "text": "the Statistics Bureau", "url": "https://stat.test/cpi"},
            {"@type": "CreativeWork", "text": "the finance minister Aso Taro"},
        ]),
        "each linked source, in link order; the link within it"
    );
    // A source whose only entity is a place, and whose link is not a web page's.
    let disputed = &all[2];
    assert!(disputed["itemReviewed"].get("author").is_none(), "no speaker guessed from 'the paper'");
    assert_eq!(disputed["citation"], json!([{"@type": "CreativeWork", "text": "the paper"}]));
}

#[test]
fn without_metadata_or_a_reviewer_the_fields_are_left_out_not_empty() {
    let mut ed = editor(ArticleMeta::default());
    ed.unlink(id(1), id(11), NOW).unwrap();
    let all = parsed(ed.workspace(), &Review::at(NOW));
    let r = &all[0];
    assert_eq!(
        r["itemReviewed"],
        json!({"@type": "Claim", "appearance": {"@type": "CreativeWork", "headline": "Taxes to fall"}})
    );
    for key in ["author", "url", "citation"] {
        assert!(r.get(key).is_none(), "{key}: {r}");
    }
    assert_eq!(r["datePublished"], "2026-11-26");
    assert!(!claim_reviews(ed.workspace(), &Review::at(NOW)).json.contains("\"\""), "no empty strings");
    // A person with no organisation reviews in their own name; an empty URL is none.
    let by_person =
        Review { author: Creator::new("Ana", ""), url: Some(" ".into()), date: "2026-01-02".into() };
    let r = &parsed(ed.workspace(), &by_person)[0];
    assert_eq!(
        (&r["author"], r.get("url"), &r["datePublished"]),
        (&json!({"@type": "Person", "name": "Ana"}), None, &json!("2026-01-02"))
    );
}

#[test]
fn an_article_url_that_is_not_a_web_page_is_left_out() {
    let ed = editor(ArticleMeta { url: "news.test/no-scheme".into(), ..meta() });
    assert!(parsed(ed.workspace(), &review())[0]["itemReviewed"]["appearance"].get("url").is_none());
}

#[test]
fn no_claim_with_a_verdict_gives_an_empty_list() {
    let mut ed = Editor::new(Workspace::new(Document::new("t", TEXT)));
    ed.add(span(TEXT, "Exports doubled"), Tag::Claim, id(1), NOW).unwrap();
    let got = claim_reviews(ed.workspace(), &review());
    assert_eq!((got.json.as_str(), got.written, got.left_out, got.opinions), ("[]\n", 0, 1, 0));
}

#[test]
fn the_format_writes_the_reviews_as_given_or_anonymous_at_now() {
    let ed = editor(meta());
    let ws = ed.workspace();
    assert_eq!(
        super::super::Format::ClaimReview.export_with(ws, &review()),
        claim_reviews(ws, &review()).json
    );
    let files = super::super::Format::ClaimReview.files(ws, NOW);
    assert_eq!(
        (files[0].name.as_str(), files[0].mime),
        ("Taxes to fall.claimreview.jsonld", "application/ld+json")
    );
    assert_eq!(files[0].body, claim_reviews(ws, &Review::at(NOW)).json);
}

#[test]
fn script_safe_json_means_the_same_and_cannot_end_a_script() {
    let json = r#"["</script><!-- a & b >"]"#;
    let safe = script_safe(json);
    assert!(!safe.contains(['<', '>', '&']), "{safe}");
    assert_eq!(serde_json::from_str::<Value>(&safe).unwrap(), serde_json::from_str::<Value>(json).unwrap());
}

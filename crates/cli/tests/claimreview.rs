//! `annotations convert --to claimreview`, run as a user would on a native export made
//! with the core.

use std::path::PathBuf;
use std::process::{Command, Output};

use annotator_core::{AnnotationId, ArticleMeta, ClaimStatus, Document, Editor, Tag, Workspace, export_json};

const NOW: &str = "2026-11-26T12:00:00.000Z";
const TEXT: &str = "Taxes will fall, the minister Aso Taro said. Japan is the best. Prices rose </script>.";

fn annotations(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annotations")).args(args).output().expect("the binary runs")
}

fn id(n: u8) -> AnnotationId {
    AnnotationId::from_random_bytes([n; 16])
}

fn at(needle: &str) -> std::ops::Range<usize> {
    let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
    start..start + needle.chars().count()
}

/// An export with a false claim attributed to a person, an opinion and an unchecked claim.
fn export(name: &str) -> PathBuf {
    let meta = ArticleMeta {
        url: "https://news.test/taxes".into(),
        published: "2024-03-05".into(),
        ..ArticleMeta::default()
    };
    let mut ed = Editor::new(Workspace::new(Document::new("Taxes", TEXT).with_meta(meta)));
    ed.add(at("Taxes will fall"), Tag::Claim, id(1), NOW).unwrap();
    ed.set_status(id(1), ClaimStatus::False, NOW).unwrap();
    ed.add(at("the minister Aso Taro"), Tag::Source, id(2), NOW).unwrap();
    ed.add(at("Aso Taro"), Tag::Entity, id(3), NOW).unwrap();
    ed.set_entity_type(id(3), "person", NOW).unwrap();
    ed.link(id(1), id(2), NOW).unwrap();
    ed.add(at("Japan is the best"), Tag::Claim, id(4), NOW).unwrap();
    ed.set_status(id(4), ClaimStatus::Opinion, NOW).unwrap();
    ed.add(at("Prices rose </script>"), Tag::Claim, id(5), NOW).unwrap();
    let dir = std::env::temp_dir().join(format!("annotations-cli-claimreview-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("taxes.annotations.json");
    std::fs::write(&path, export_json(ed.workspace())).unwrap();
    path
}

fn ok(out: &Output) -> (String, String) {
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(out.status.success(), "failed: {err}");
    (String::from_utf8(out.stdout.clone()).unwrap(), err)
}

#[test]
fn writes_a_review_per_verdict_by_the_named_organisation() {
    let input = export("named");
    let out = annotations(&[
        "convert",
        "--to",
        "claimreview",
        "--review-url",
        "https://factcheck.test/taxes",
        "--author",
        "Fact Check Desk",
        input.to_str().unwrap(),
    ]);
    let (stdout, stderr) = ok(&out);
    let reviews: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let [review] = reviews.as_array().unwrap().as_slice() else { panic!("{stdout}") };
    assert_eq!(review["claimReviewed"], "Taxes will fall");
    assert_eq!(review["reviewRating"]["alternateName"], "False");
    assert_eq!(review["author"], serde_json::json!({"@type": "Organization", "name": "Fact Check Desk"}));
    assert_eq!(review["url"], "https://factcheck.test/taxes");
    assert_eq!(review["itemReviewed"]["author"]["name"], "Aso Taro");
    assert_eq!(review["itemReviewed"]["appearance"]["url"], "https://news.test/taxes");
    assert_eq!(review["itemReviewed"]["datePublished"], "2024-03-05");
    assert!(
        stderr.contains("1 claim review written; 2 claims left out (1 opinion, 1 unchecked)"),
        "{stderr}"
    );
}

#[test]
fn without_a_name_or_url_they_are_left_out_and_an_output_file_is_written() {
    let input = export("anonymous");
    let target = input.with_file_name("reviews.jsonld");
    let out = annotations(&[
        "convert",
        "--to",
        "claimreview",
        "-o",
        target.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    let (stdout, _) = ok(&out);
    assert!(stdout.is_empty());
    let reviews: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert!(reviews[0].get("author").is_none() && reviews[0].get("url").is_none(), "{reviews}");
    assert!(reviews[0]["datePublished"].as_str().unwrap().len() == 10, "today's date");
}

#[test]
fn the_html_report_embeds_the_same_reviews() {
    let input = export("html");
    let args = ["convert", "--to", "html", "--author", "Fact Check Desk", input.to_str().unwrap()];
    let (html, stderr) = ok(&annotations(&args));
    assert!(html.contains("<script type=\"application/ld+json\">"));
    assert!(html.contains("\"name\": \"Fact Check Desk\""), "{html}");
    assert!(!stderr.contains("claim review"), "the counts are the ClaimReview export's");
}

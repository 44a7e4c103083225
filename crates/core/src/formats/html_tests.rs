use super::*;
use crate::editor::Editor;
use crate::model::Document;
use crate::tagset::Tag;
use crate::test_support::{NOW, id};

#[test]
fn escapes_everything_and_carries_no_script() {
    let evil = "<script>alert(1)</script> & <img src=x onerror=alert(2)>";
    let mut ed = Editor::new(Workspace::new(Document::new("\"><svg onload=x>", &format!("{evil}\nplain"))));
    ed.add(0..8, Tag::Claim, id(1), NOW).unwrap();
    ed.set_note(id(1), "</p><script>bad()</script>", NOW).unwrap();
    let out = export(ed.workspace(), NOW);
    // Its one claim is unchecked: no ClaimReview block either.
    for tag in ["<script", "<img", "<svg"] {
        assert!(!out.contains(tag), "{tag} must only appear escaped");
    }
    let article = out.lines().find(|l| l.starts_with("<p class=\"line\"")).unwrap();
    assert_eq!(
        article,
        "<p class=\"line\" id=\"p-1\"><mark class=\"claim\" title=\"Claim\">&lt;script&gt;</mark>alert(1)&lt;/script&gt; \
         &amp; &lt;img src=x onerror=alert(2)&gt;</p>"
    );
    assert!(out.contains("<p class=\"note\">&lt;/p&gt;&lt;script&gt;bad()&lt;/script&gt;</p>"));
    assert!(out.contains("<title>\"&gt;&lt;svg onload=x&gt; — annotations</title>"));
    assert!(out.contains("<h2>Claim (1)</h2>"));
    assert!(out.contains("mark.claim{background:#f8e1b0;border-bottom:2px solid #e69f00}"));
    assert!(out.contains("default-src 'none'"));
}

#[test]
fn claims_link_to_their_sources_and_back() {
    let mut ed = Editor::new(Workspace::new(Document::new("t", "Rain is wet, the <Met> said.")));
    ed.add(0..11, Tag::Claim, id(1), NOW).unwrap();
    ed.add(13..22, Tag::Source, id(2), NOW).unwrap();
    ed.link(id(1), id(2), NOW).unwrap();
    ed.set_status(id(1), crate::ClaimStatus::Disputed, NOW).unwrap();
    ed.set_entity_type(id(2), "organisation", NOW).unwrap();
    let out = export(ed.workspace(), NOW);
    let (claim, source) = (id(1), id(2));
    assert!(
        out.contains(&format!(
            "<small><a href=\"#p-1\">paragraph 1</a> · Disputed · sources: <a href=\"#a-{source}\">the &lt;Met&gt;</a></small>"
        )),
        "{out}"
    );
    assert!(out.contains(&format!(
        "<li id=\"a-{source}\"><blockquote>the &lt;Met&gt;</blockquote><small><a href=\"#p-1\">paragraph 1</a> · cited by: <a href=\"#a-{claim}\">Rain is wet</a> · organisation</small>"
    )));
}

#[test]
fn says_when_it_was_made_for_which_text_and_where_each_span_is_without_offsets() {
    let text = "Title line\n\nFirst paragraph says rain.\n\nSecond paragraph quotes the Met.";
    let mut ed = Editor::new(Workspace::new(Document::new("t", text)));
    let met = text.find("the Met").unwrap();
    ed.add(met..met + 7, Tag::Source, id(1), NOW).unwrap();
    let out = export(ed.workspace(), "2026-12-02T09:30:15.000Z");
    let sha = ed.workspace().document.sha256();
    assert!(
        out.contains(&format!(
            "<p class=\"made\"><small>Made 2026-12-02 09:30 UTC · text version {} (3 paragraphs) · 1 annotation</small></p>",
            &sha[..12]
        )),
        "{out}"
    );
    assert!(out.contains("<p class=\"line\" id=\"p-3\">Second paragraph quotes <mark"));
    assert!(out.contains("<small><a href=\"#p-3\">paragraph 3</a></small>"), "{out}");
    assert!(!out.contains(&format!("{met}–")), "no raw offsets");
    assert!(!out.contains("Links in the article"), "no links, no list");
}

#[test]
fn links_are_listed_as_plain_text_never_live() {
    let md = "# T\n\nSee [the &lt;Met&gt;](javascript:alert(1) \"a \\\"title\\\"\") and\n\n[this](https://x.test/?a=1&b=<2>).";
    let doc = crate::article_from_markdown("t", md).unwrap().document;
    let out = export(&Workspace::new(doc), NOW);
    let list = &out[out.find("<h2>Links in the article (2)</h2>").expect("listed")..];
    assert!(
        list.contains(
            "<li>the &lt;Met&gt; — <span class=\"url\">javascript:alert(1)</span>\
             <small> · <a href=\"#p-2\">paragraph 2</a> · “a \"title\"”</small></li>"
        ),
        "{list}"
    );
    assert!(
        list.contains("<li>this — <span class=\"url\">https://x.test/?a=1&amp;b=&lt;2&gt;</span>"),
        "{list}"
    );
    assert!(!out.contains("href=\"javascript") && !out.contains("href=\"https"), "never a live link");
}

fn with_meta(meta: crate::meta::ArticleMeta) -> Workspace {
    let mut ed = Editor::new(Workspace::new(Document::new("Taxes", "Tokyo said taxes will fall.")));
    ed.set_meta(meta, NOW);
    ed.workspace().clone()
}

#[test]
fn the_header_says_where_when_and_by_whom_it_was_published() {
    let out = export(
        &with_meta(crate::meta::ArticleMeta {
            url: "https://news.test/a?b=1&c=\"2\"".into(),
            authors: vec!["Ana <Díaz>".into(), "Kenji Satō".into()],
            published: "2024-03-05T10:22:00+01:00".into(),
            site: "News & Test".into(),
            language: "ja".into(),
            added: NOW.into(),
        }),
        NOW,
    );
    assert!(
        out.contains(
            "<h1>Taxes</h1>\n<p class=\"byline\"><span class=\"site\">News &amp; Test</span> · by Ana &lt;Díaz&gt;, Kenji Satō \
             · published 2024-03-05 · <a class=\"url\" href=\"https://news.test/a?b=1&amp;c=&quot;2&quot;\" rel=\"noreferrer\">\
             https://news.test/a?b=1&amp;c=\"2\"</a></p>\n"
        ),
        "{out}"
    );
    assert!(out.contains("<article lang=\"ja\">"));
    assert!(out.contains("default-src 'none'"), "still no script");
}

#[test]
fn without_metadata_there_is_no_byline_and_an_odd_url_is_only_text() {
    let plain = export(&with_meta(Default::default()), NOW);
    assert!(!plain.contains("class=\"byline\"") && plain.contains("<article>\n"));
    let odd = export(
        &with_meta(crate::meta::ArticleMeta { url: "javascript:alert(1)".into(), ..Default::default() }),
        NOW,
    );
    assert!(odd.contains("<p class=\"byline\"><span class=\"url\">javascript:alert(1)</span></p>"), "{odd}");
    assert!(!odd.contains("href=\"javascript"));
    let day = export(
        &with_meta(crate::meta::ArticleMeta { published: "Spring 2024".into(), ..Default::default() }),
        NOW,
    );
    assert!(day.contains("<p class=\"byline\">published Spring 2024</p>"), "as found when not a date");
}

#[test]
fn claim_reviews_are_embedded_as_data_with_no_way_out_of_the_block() {
    let text = "He said </script><script>alert(1)</script> is fine. Rain is wet.";
    let mut ed = Editor::new(Workspace::new(Document::new("t", text)));
    ed.add(crate::test_support::span(text, "</script><script>alert(1)</script>"), Tag::Claim, id(1), NOW)
        .unwrap();
    ed.add(crate::test_support::span(text, "Rain is wet"), Tag::Claim, id(2), NOW).unwrap();
    let unreviewed = export(ed.workspace(), NOW);
    assert!(!unreviewed.contains("<script"), "no verdict, no block");
    ed.set_status(id(1), crate::ClaimStatus::False, NOW).unwrap();
    let review = Review { author: crate::Creator::new("Ana", "Desk"), url: None, date: NOW.into() };
    let out = export_with(ed.workspace(), &review);
    let open = "<script type=\"application/ld+json\">\n";
    assert_eq!(out.matches("<script").count(), 1, "the one data block, nothing else: {out}");
    let start = out.find(open).expect("embedded") + open.len();
    let end = start + out[start..].find("</script>").unwrap();
    let block = &out[start..end];
    assert!(out[..start].contains("</style>") && out[end..].starts_with("</script>\n</head>"), "in the head");
    let embedded: serde_json::Value = serde_json::from_str(block).unwrap();
    let file: serde_json::Value = serde_json::from_str(&claim_reviews(ed.workspace(), &review).json).unwrap();
    assert_eq!(embedded, file, "the same reviews as the ClaimReview file");
    assert_eq!(embedded[0]["claimReviewed"], "</script><script>alert(1)</script>");
    assert!(block.contains("\\u003c/script\\u003e"), "{block}");
    assert!(out.contains("default-src 'none'"), "the CSP still allows no script");
}

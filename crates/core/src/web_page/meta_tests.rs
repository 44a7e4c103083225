use super::*;

/// A newspaper's saved article page: a head full of Open Graph, Twitter and JSON-LD (a
/// Yoast-style `@graph`), scripts and styles that mention other values, inline handlers.
const NEWS: &str = include_str!("../../tests/fixtures/news-page.html");

fn page(head: &str) -> PageMeta {
    page_meta(&format!("<!doctype html><html><head>{head}</head><body><p>Text</p></body></html>"))
}

#[test]
fn a_newspapers_page_gives_its_canonical_url_authors_date_site_and_language() {
    let got = page_meta(NEWS);
    let meta = &got.meta;
    assert_eq!(
        meta.url, "https://www.example-times.test/world/2024/mar/05/tokyo-fuel-taxes",
        "rel=canonical"
    );
    assert_eq!(meta.authors, ["Ana Díaz", "Kenji Satō"], "JSON-LD's, not the byline's one string");
    assert_eq!(meta.published, "2024-03-05T06:12:44.000Z", "article:published_time");
    assert_eq!(meta.site, "The Example Times", "og:site_name over the publisher's legal name");
    assert_eq!(meta.language, "en-GB");
    assert_eq!(meta.added, "", "the caller's to set");
    assert_eq!(got.page_title.as_deref(), Some("Tokyo to cut fuel taxes & tolls, minister says"));
}

#[test]
fn nothing_in_a_script_style_or_comment_is_read_as_markup() {
    let got = page_meta(NEWS);
    assert!(!got.meta.url.contains("wrong.test"));
    assert_ne!(got.meta.site, "Wrong Site");
    // And the page is still cleaned for the parser as before.
    let cleaned = crate::web_page::without_inline_code(NEWS);
    assert!(!cleaned.contains("onload=") && !cleaned.contains("<style>") && !cleaned.contains("style=\""));
    assert_eq!(page_meta(&cleaned), got, "cleaning keeps every fact");
}

#[test]
fn a_page_without_metadata_or_no_page_at_all_gives_nothing() {
    assert_eq!(page_meta(""), PageMeta::default());
    assert_eq!(page_meta("Just some text, no markup."), PageMeta::default());
    assert_eq!(
        page("<meta charset=utf-8><meta name=viewport content='width=device-width'>"),
        PageMeta::default()
    );
    assert!(page("<title>  </title>").page_title.is_none());
    assert_eq!(page("<title>A\n  title</title>").page_title.as_deref(), Some("A title"), "<title> last");
}

#[test]
fn attribute_values_have_their_entities_decoded_however_they_are_quoted() {
    let got = page(
        "<meta property=og:site_name content=Tom&amp;Jerry>\
         <meta name='author' content='O&#39;Brien &amp; &quot;Co&quot;'>\
         <META NAME=\"DC.Language\" CONTENT=\"fr&#x5f;CA\">\
         <link rel=\"alternate canonical\" href=\"https://x.test/a?b=1&amp;c=2\">",
    );
    assert_eq!(got.meta.site, "Tom&Jerry");
    assert_eq!(got.meta.authors, ["O'Brien & \"Co\""]);
    assert_eq!(got.meta.language, "fr-CA");
    assert_eq!(got.meta.url, "https://x.test/a?b=1&c=2");
}

#[test]
fn scholarly_citation_tags_come_first() {
    let got = page(
        "<meta name=citation_title content='On Taxes'>\
         <meta name=citation_author content='Sato, Kenji'>\
         <meta name=citation_author content='Díaz, Ana'>\
         <meta name=citation_publication_date content='2023/11/02'>\
         <meta name=citation_journal_title content='Journal of Fuel'>\
         <meta name=citation_public_url content='https://journal.test/article/7'>\
         <meta name=author content='Someone Else'>\
         <meta property=article:published_time content='2024-01-01'>\
         <meta name=dc.identifier content='doi:10.1234/abc'>",
    );
    assert_eq!(got.meta.authors, ["Sato, Kenji", "Díaz, Ana"]);
    assert_eq!(got.meta.published, "2023-11-02");
    assert_eq!(got.meta.site, "Journal of Fuel");
    assert_eq!(got.meta.url, "https://journal.test/article/7");
    assert_eq!(got.page_title.as_deref(), Some("On Taxes"));
}

#[test]
fn open_graph_and_dublin_core_fill_in_without_json_ld() {
    let got = page(
        "<meta property=og:url content='https://blog.test/post'>\
         <meta property=article:author content='https://facebook.test/someone'>\
         <meta name=author content='By Ana Díaz'>\
         <meta name=DC.creator content='ana díaz'>\
         <meta name=DCTERMS:created content='March 5, 2024'>\
         <meta property=og:locale content=en_US>",
    );
    assert_eq!(got.meta.url, "https://blog.test/post");
    assert_eq!(got.meta.authors, ["Ana Díaz"], "no URL, no 'By', each once");
    assert_eq!(got.meta.published, "2024-03-05");
    assert_eq!(got.meta.language, "en-US");
}

#[test]
fn a_relative_canonical_url_is_made_absolute_by_the_pages_own_url() {
    let got =
        page("<link rel=canonical href=/news/7><meta property=og:url content='https://news.test/x/y?z'>");
    assert_eq!(got.meta.url, "https://news.test/news/7");
    let got =
        page("<link rel=canonical href=//cdn.test/news/7><meta property=og:url content='http://news.test/'>");
    assert_eq!(got.meta.url, "http://cdn.test/news/7");
    assert_eq!(page("<link rel=canonical href=/news/7>").meta.url, "", "no base to make it absolute");
    assert_eq!(page("<link rel=canonical href='javascript:alert(1)'>").meta.url, "", "not a page's URL");
}

fn ld(json: &str) -> PageMeta {
    page(&format!("<script type=\"application/ld+json\">{json}</script>"))
}

#[test]
fn json_ld_authors_come_as_a_string_a_node_or_a_list_of_either() {
    let one = ld(r#"{"@type": "NewsArticle", "author": "Ana Díaz"}"#);
    assert_eq!(one.meta.authors, ["Ana Díaz"]);
    let node = ld(r#"{"@type": "Article", "author": {"@type": "Person", "name": "Kenji &amp; co"}}"#);
    assert_eq!(node.meta.authors, ["Kenji & co"], "entities in JSON-LD strings decoded");
    let mixed = ld(
        r#"{"@type": "BlogPosting", "author": ["Ana Díaz", {"name": "Kenji Sato"}, {"url": "https://x.test"}]}"#,
    );
    assert_eq!(mixed.meta.authors, ["Ana Díaz", "Kenji Sato"]);
}

#[test]
fn json_ld_in_a_list_or_a_graph_with_references_is_followed() {
    let list = ld(r#"[{"@type": "WebSite", "name": "Not this"},
        {"@type": ["ReportageNewsArticle"], "headline": "Headline", "url": "https://news.test/a",
         "datePublished": "2024-03-05T10:22:00+01:00", "inLanguage": "de",
         "publisher": {"@type": "Organization", "name": "News Test"}}]"#);
    let m = &list.meta;
    assert_eq!((m.url.as_str(), m.published.as_str()), ("https://news.test/a", "2024-03-05T10:22:00+01:00"));
    assert_eq!((m.site.as_str(), m.language.as_str()), ("News Test", "de"));
    assert_eq!(list.page_title.as_deref(), Some("Headline"));
    let graph = ld(r##"{"@context": "https://schema.org", "@graph": [
        {"@type": "Person", "@id": "#ana", "name": "Ana Díaz"},
        {"@type": "Organization", "@id": "#org", "name": "Org Name"},
        {"@type": "Article", "author": {"@id": "#ana"}, "publisher": {"@id": "#org"},
         "mainEntityOfPage": "https://org.test/p"}]}"##);
    assert_eq!(graph.meta.authors, ["Ana Díaz"]);
    assert_eq!(graph.meta.site, "Org Name");
    assert_eq!(graph.meta.url, "https://org.test/p");
}

#[test]
fn broken_or_wrapped_json_ld_and_other_types_are_handled_as_a_browser_would() {
    assert_eq!(ld("{not json").meta, ArticleMeta::default());
    assert_eq!(ld(r#"{"@type": "Recipe", "author": "Chef"}"#).meta, ArticleMeta::default());
    let wrapped = ld("<!-- {\"@type\": \"NewsArticle\", \"author\": \"Ana\"} -->");
    assert_eq!(wrapped.meta.authors, ["Ana"]);
    let other_type =
        page("<script type='text/ld+json'>{\"@type\": \"NewsArticle\", \"author\": \"X\"}</script>");
    assert!(other_type.meta.authors.is_empty(), "only application/ld+json is JSON-LD");
    let with_params = page(
        "<script type='Application/LD+JSON; charset=utf-8'>{\"@type\": \"NewsArticle\", \"author\": \"Y\"}</script>",
    );
    assert_eq!(with_params.meta.authors, ["Y"]);
}

#[test]
fn the_first_source_in_each_list_wins() {
    let got = page(
        "<meta property=og:url content='https://og.test/a'>\
         <link rel=canonical href='https://canonical.test/a'>\
         <meta property=og:site_name content='OG Site'>\
         <meta property=og:locale content=en_GB>\
         <script type=application/ld+json>{\"@type\": \"NewsArticle\", \"url\": \"https://ld.test/a\",\
           \"publisher\": {\"name\": \"LD Site\"}, \"datePublished\": \"2020-01-01\", \"author\": \"LD Author\"}</script>\
         <meta name=author content='Meta Author'>\
         <meta name=dc.date content='2019-01-01'>",
    );
    let m = &got.meta;
    assert_eq!(m.url, "https://canonical.test/a");
    assert_eq!(m.site, "OG Site");
    assert_eq!(m.published, "2020-01-01", "JSON-LD before Dublin Core");
    assert_eq!(m.authors, ["LD Author"], "JSON-LD before the author meta");
    assert_eq!(m.language, "en-GB");
    let lang = page_meta("<html lang=pt-br><head><meta property=og:locale content=en_GB></head></html>");
    assert_eq!(lang.meta.language, "pt-BR", "<html lang> first");
}

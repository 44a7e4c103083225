use proptest::prelude::*;

use super::*;
use crate::article::TITLE_CHARS;

fn read(markdown: &str) -> MarkdownArticle {
    article_from_markdown("Given", markdown).unwrap()
}

fn text(markdown: &str) -> String {
    read(markdown).document.text().to_owned()
}

/// A link's text, sliced from the article by code points.
fn slice(article: &MarkdownArticle, link: &DocLink) -> String {
    article.document.text().chars().skip(link.start).take(link.end - link.start).collect()
}

#[test]
fn headings_paragraphs_and_inline_marks_become_plain_text() {
    assert_eq!(
        text("# Title #\n\nSome *em*, __strong__, ~~struck~~ and `co de`\nsoft\nbreak.  \nhard\\\nagain"),
        "Title\n\nSome em, strong, struck and co de soft break.\nhard\nagain"
    );
    assert_eq!(text("Setext\n======\n\npara one\n\n\n\npara two"), "Setext\n\npara one\n\npara two");
    assert_eq!(
        text("one\n\n---\n\n![alt *text*](a.png) \\*not em\\* &amp; &copy;"),
        "one\n\nalt text *not em* & ©"
    );
}

#[test]
fn list_items_keep_a_readable_bullet() {
    assert_eq!(
        text("- one\n- two\n  - nested\n\n3. three\n4. four\n"),
        "• one\n\n• two\n\n• nested\n\n3. three\n\n4. four"
    );
    assert_eq!(text("1. a\n\n   more\n2. b"), "1. a\n\nmore\n\n2. b", "a loose list");
    assert_eq!(text("* \n* x\n*\n"), "• x", "empty items leave nothing");
    assert_eq!(text("- > quoted item"), "• quoted item");
}

#[test]
fn quotes_code_blocks_and_table_rows_are_paragraphs() {
    assert_eq!(text("> quoted\n> still\n>\n> > deeper\n\nafter"), "quoted still\n\ndeeper\n\nafter");
    assert_eq!(
        text("```rust\nfn main() {}\n\n  let x = a<b && c>d;\n```\n\n    indented\n\n```\n```"),
        "fn main() {}\n\n  let x = a<b && c>d;\n\nindented",
        "code keeps its layout and its text, an empty block leaves nothing"
    );
    assert_eq!(
        text("| a | *b* |\n|---|:-:|\n| 1 | 2 |\n|   | 4 |\n| 5 |   |\n"),
        "a\tb\n\n1\t2\n\n\t4\n\n5",
        "cells split by a tab, no trailing tab"
    );
}

#[test]
fn links_are_data_with_code_point_ranges() {
    let md = "Ünïcødé 😀 [here](https://x.test \"The title\"), <https://auto.test/a?b&c>, \
              [ref][r] and <me@mail.test>.\n\n[r]: javascript:alert(1)";
    let article = read(md);
    assert_eq!(article.document.text(), "Ünïcødé 😀 here, https://auto.test/a?b&c, ref and me@mail.test.");
    let got: Vec<_> = article
        .document
        .links()
        .iter()
        .map(|l| (slice(&article, l), l.url.as_str(), l.title.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("here".to_owned(), "https://x.test", Some("The title")),
            ("https://auto.test/a?b&c".to_owned(), "https://auto.test/a?b&c", None),
            ("ref".to_owned(), "javascript:alert(1)", None),
            ("me@mail.test".to_owned(), "mailto:me@mail.test", None),
        ]
    );
    // Code points, not bytes or UTF-16 units: "Ünïcødé 😀 " is 10 of them.
    assert_eq!((article.document.links()[0].start, article.document.links()[0].end), (10, 14));
}

#[test]
fn a_link_starts_at_its_text_not_at_the_break_or_bullet_before_it() {
    let article = read("- [first](u1)\r\n\r\n[**bold** link](u2)\n\n[![logo](l.png)](u3) [](u4) [a\nb](u5)");
    assert_eq!(article.document.text(), "• first\n\nbold link\n\nlogo  a b");
    let got: Vec<_> = article
        .document
        .links()
        .iter()
        .map(|l| (l.start, l.end, slice(&article, l), l.url.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, 7, "first".to_owned(), "u1"),
            (9, 18, "bold link".to_owned(), "u2"),
            (20, 24, "logo".to_owned(), "u3"),
            (26, 29, "a b".to_owned(), "u5"),
        ],
        "a link with no text has no range and is left out"
    );
}

#[test]
fn the_title_is_the_first_headings_else_the_callers() {
    let article = read("intro words\n\n## Budget *speech*  \n\n# Later");
    assert_eq!(
        (article.document.title(), article.heading.as_deref()),
        ("Budget speech", Some("Budget speech"))
    );
    let article = read("no heading here");
    assert_eq!((article.document.title(), article.heading), ("Given", None));
    assert_eq!(read("#\n\n# Real one").document.title(), "Real one", "an empty heading names nothing");
    assert_eq!(read("Two\\\nlines\n===").document.title(), "Two lines");
    let long = read(&format!("# {}", "word ".repeat(30)));
    let title = long.document.title();
    assert!(title.chars().count() <= TITLE_CHARS && title.ends_with("word…"), "{title}");
}

#[test]
fn markdown_with_no_text_is_empty() {
    for md in
        ["", " \n\t", "---", "***\n___", "![](a.png)", "- \n-", "<!-- a comment -->", "[r]: https://x.test"]
    {
        assert_eq!(article_from_markdown("t", md), Err(ArticleError::Empty), "{md:?}");
    }
    assert_eq!(article_from_markdown("t", "<script>alert(1)</script>"), Err(ArticleError::Empty));
    assert_eq!(article_from_markdown("t", "<img src=x onerror=alert(1)>"), Err(ArticleError::Empty));
}

#[test]
fn raw_html_is_never_kept_but_its_text_is() {
    let hello = text("<script>alert(1)</script>hello");
    assert!(!hello.contains("<script") && !hello.contains("alert"), "{hello}");
    assert_eq!(hello, "hello");
    assert_eq!(
        text(
            "<div class=\"a>b\">\n  <p>one &amp; two</p><!-- a\n comment -->\n<style>\np { }\n</style>\n</div>\n\n\
             text with <b>inline</b> tags<br/> and <SCRIPT>bad()</SCRIPT>more"
        ),
        "one & two\n\ntext with inline tags and more"
    );
    assert_eq!(
        text("a <script>hidden\n\nafter the paragraph"),
        "a \n\nafter the paragraph",
        "an unclosed inline script ends with its paragraph"
    );
    assert_eq!(text("x < y and 1<2 > 0"), "x < y and 1<2 > 0", "a lone < is text");
    assert_eq!(
        text("<p>&lt;b&gt; &copy;&#169;&#xA9; &nope; & &amp &#35; AT&T;</p>"),
        "<b> ©©© &nope; & &amp # AT&T;",
        "references in raw HTML are text, the parser's own table decodes them"
    );
}

#[test]
fn bytes_are_refused_as_article_from_bytes_refuses_them() {
    let article = article_from_markdown_bytes("t", b"\xEF\xBB\xBF# T\r\n\r\nsee [it](u)").unwrap();
    assert_eq!((article.document.title(), article.document.text()), ("T", "T\n\nsee it"));
    assert_eq!((article.document.links()[0].start, article.document.links()[0].end), (7, 9));
    assert_eq!(article_from_markdown_bytes("t", b"# a\x00b"), Err(ArticleError::Binary));
    assert_eq!(article_from_markdown_bytes("t", &[b'#', b' ', 0xff, 0xfe]), Err(ArticleError::Binary));
    let huge = vec![b'a'; MAX_ARTICLE_BYTES + 1];
    let too_large = Err(ArticleError::TooLarge { size: MAX_ARTICLE_BYTES + 1 });
    assert_eq!(article_from_markdown_bytes("t", &huge), too_large);
    assert_eq!(article_from_markdown("t", std::str::from_utf8(&huge).unwrap()), too_large);
}

/// A piece of generated Markdown: a word, a link of words, or a line or paragraph break.
#[derive(Clone, Debug)]
enum Piece {
    Word(String),
    Link(Vec<String>, String),
    Line,
    Paragraph,
}

fn word() -> impl Strategy<Value = String> {
    "[a-zA-ZÜéø😀日]{1,8}"
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => word().prop_map(Piece::Word),
        2 => (prop::collection::vec(word(), 1..4), "(https|javascript)://[a-z]{1,6}\\.test/[a-z0-9]{0,4}")
            .prop_map(|(words, url)| Piece::Link(words, url)),
        1 => Just(Piece::Line),
        1 => Just(Piece::Paragraph),
    ]
}

proptest! {
    /// Whatever words and links make up the Markdown, none of the link syntax is left in
    /// the text, and every link's range lies in the text and holds exactly its words.
    #[test]
    fn links_leave_no_syntax_and_their_ranges_hold_their_text(
        first in word(),
        pieces in prop::collection::vec(piece(), 0..30),
        bullets in any::<bool>(),
    ) {
        // A first word, so that there is always some text.
        let mut md = format!("{first} ");
        let mut expected = Vec::new();
        for piece in &pieces {
            match piece {
                Piece::Word(w) => md.push_str(w),
                Piece::Link(words, url) => {
                    md.push_str(&format!("[{}]({url})", words.join(" ")));
                    expected.push((words.join(" "), url.clone()));
                }
                Piece::Line => md.push('\n'),
                Piece::Paragraph => md.push_str(if bullets { "\n\n- " } else { "\n\n" }),
            }
            md.push(' ');
        }
        let article = read(&md);
        let text = article.document.text();
        prop_assert!(!text.contains("]("), "{text:?} from {md:?}");
        let got: Vec<_> = article.document.links().iter().map(|l| (slice(&article, l), l.url.clone())).collect();
        prop_assert_eq!(got, expected);
        let len = text.chars().count();
        for pair in article.document.links().windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for link in article.document.links() {
            prop_assert!(link.start < link.end && link.end <= len, "{link:?} in {len}");
        }
    }
}

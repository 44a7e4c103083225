//! Markdown read as Markdown: a `.md` file becomes the text a reader of the rendered page
//! sees, one paragraph per block, its links kept as the document's metadata. Nothing in it is
//! ever interpreted as HTML or made a live link.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

mod raw_html;

use raw_html::HtmlText;

use crate::article::{ArticleError, MAX_ARTICLE_BYTES, article_from_text, decode_text, title_from_line};
use crate::doc_link::DocLink;
use crate::model::Document;
use crate::offsets::char_len;
use crate::references::decode_references;
use crate::text::normalize_newlines;

/// An article made from Markdown: its document, links included, and where its title came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkdownArticle {
    /// The article: Markdown's text without its syntax, blocks separated by a blank line.
    /// Its [`Document::links`] are every link with some text, in the order of their text,
    /// ranges in its code points; they never overlap (Markdown does not nest links). An
    /// e-mail autolink (`<a@b.test>`) gets `mailto:` in front of its address.
    pub document: Document,
    /// The first heading's text as a title (already `document`'s title), `None` when the
    /// Markdown has no heading with words, so the caller can tell whose title it holds.
    pub heading: Option<String>,
}

/// Makes an article of Markdown text: headings, paragraphs, list items ("• item",
/// "1. item"), block quotes, table rows (cells split by a tab) and code blocks each become
/// a paragraph, separated by `"\n\n"`; emphasis, code and links keep only their text; a
/// soft break is a space, a hard break a newline; an image keeps its alt text. Raw HTML
/// loses its tags (and script and style contents), keeping its ordinary text.
///
/// The title is the first heading's (cut as [`crate::title_from_text`] cuts), else `title`.
/// Refused as [`ArticleError::TooLarge`] over `MAX_ARTICLE_BYTES`, and as
/// [`ArticleError::Empty`] when nothing but syntax is left (`---`, `![](a.png)`).
pub fn article_from_markdown(title: &str, markdown: &str) -> Result<MarkdownArticle, ArticleError> {
    if markdown.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { size: markdown.len() });
    }
    // The same line endings as `Document` keeps, so that the ranges found here hold there.
    let Plain { text, links, heading } = plain_text(&normalize_newlines(markdown));
    let document = article_from_text(heading.as_deref().unwrap_or(title), &text)?;
    debug_assert_eq!(document.text(), text);
    // Kept with the document, so that whatever keeps it (saving, exports) keeps them.
    Ok(MarkdownArticle { document: document.with_links(links), heading })
}

/// [`article_from_markdown`] for a file's bytes, refused as [`crate::article_from_bytes`]
/// refuses them (too large, NUL bytes, not UTF-8); a byte-order mark is dropped.
pub fn article_from_markdown_bytes(title: &str, bytes: &[u8]) -> Result<MarkdownArticle, ArticleError> {
    article_from_markdown(title, decode_text(bytes)?)
}

/// What Markdown reads as: text, links in it, the first heading as a title.
struct Plain {
    text: String,
    links: Vec<DocLink>,
    heading: Option<String>,
}

fn plain_text(markdown: &str) -> Plain {
    // Tables are common in articles; strikethrough is otherwise left as `~~` marks.
    // Footnotes, task lists, math and the rest stay off: their text reads as written.
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut w = Writer::default();
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    Plain { text: w.text, links: w.links, heading: w.heading }
}

/// A link whose text is being written; `start` is set by its first character, as the
/// paragraph break and bullet before it are only written then.
struct OpenLink {
    start: Option<usize>,
    url: String,
    title: Option<String>,
}

/// Writes the article's text from the parser's events. Everything that goes before a
/// text (a paragraph break, a bullet, cell tabs) waits for that text, so that empty
/// blocks, items and trailing cells leave nothing behind.
#[derive(Default)]
struct Writer {
    text: String,
    /// `text`'s length in code points.
    chars: usize,
    /// A block began: the next text starts a paragraph.
    new_block: bool,
    /// The current item's bullet, until its first text.
    bullet: String,
    /// Tabs between the current row's cells, until the next cell's text.
    cells: String,
    /// Cells begun in the current table row.
    cell: usize,
    /// The next number of each open list, `None` for a bulleted one.
    lists: Vec<Option<u64>>,
    /// A code block's text, written whole at its end without its last newline.
    code: Option<String>,
    /// Where the current HTML block's text began, in bytes of `text`.
    html_from: usize,
    html: HtmlText,
    open: Vec<OpenLink>,
    links: Vec<DocLink>,
    /// The first heading's text while it is read.
    heading_text: Option<String>,
    heading: Option<String>,
}

impl Writer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            // Script and style contents are code, even between inline tags.
            Event::Text(_) if self.html.in_raw() => {}
            Event::Text(s) => match &mut self.code {
                Some(code) => code.push_str(&s),
                None => self.push(&s),
            },
            Event::Code(s) | Event::InlineMath(s) | Event::DisplayMath(s) => self.push(&s),
            // Inline HTML is whole tags or comments: markup only, never text.
            Event::InlineHtml(s) => drop(self.html.feed(&s)),
            Event::Html(s) => {
                let kept = self.html.feed(&s);
                self.push_html(&decode_references(&kept));
            }
            // A break at a paragraph's start (after dropped markup) would only be blank.
            Event::SoftBreak if !self.new_block => self.push(" "),
            Event::HardBreak if !self.new_block => self.push("\n"),
            Event::Rule => self.begin_block(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { .. } => {
                self.begin_block();
                if self.heading.is_none() {
                    self.heading_text = Some(String::new());
                }
            }
            Tag::Item => {
                self.begin_block();
                self.bullet = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let bullet = format!("{n}. ");
                        *n = n.saturating_add(1);
                        bullet
                    }
                    _ => "• ".to_owned(),
                };
            }
            Tag::List(first) => {
                self.lists.push(first);
                self.begin_block();
            }
            Tag::CodeBlock(_) => {
                self.begin_block();
                self.code = Some(String::new());
            }
            Tag::HtmlBlock => {
                self.begin_block();
                self.html_from = self.text.len();
            }
            Tag::TableHead | Tag::TableRow => {
                self.begin_block();
                self.cell = 0;
            }
            Tag::TableCell => {
                if self.cell > 0 {
                    self.cells.push('\t');
                }
                self.cell += 1;
            }
            Tag::Link { link_type, dest_url, title, .. } => {
                let url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                let title = Some(title.into_string()).filter(|t| !t.is_empty());
                self.open.push(OpenLink { start: None, url, title });
            }
            // Inline marks (emphasis, strong, images whose alt text follows) add nothing.
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::Table(_)
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.begin_block(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if let Some(words) = self.heading_text.take() {
                    // A heading's hard breaks and runs of spaces are one line in a title.
                    self.heading = title_from_line(&words.split_whitespace().collect::<Vec<_>>().join(" "));
                }
                self.begin_block();
            }
            TagEnd::Item => {
                self.bullet.clear();
                self.begin_block();
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.begin_block();
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                self.push(code.trim_start_matches('\n').trim_end_matches('\n'));
                self.begin_block();
            }
            TagEnd::HtmlBlock => {
                // Collapsed spaces may leave one at the block's end; never one before it.
                while self.text.len() > self.html_from && self.text.ends_with(' ') {
                    self.text.pop();
                    self.chars -= 1;
                }
                self.begin_block();
            }
            TagEnd::Link => {
                if let Some(OpenLink { start: Some(start), url, title }) = self.open.pop() {
                    self.links.push(DocLink { start, end: self.chars, url, title });
                }
            }
            TagEnd::TableCell
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Image => {}
            _ => self.begin_block(),
        }
    }

    /// The next text starts a paragraph; a script left open by inline HTML ends with its
    /// block, so that an unclosed `<script>` cannot hide the rest of the article.
    fn begin_block(&mut self) {
        self.new_block = true;
        self.cells.clear();
        self.html = HtmlText::default();
    }

    /// Writes `s` and, before it, whatever was waiting for the next text.
    fn push(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if std::mem::take(&mut self.new_block) && !self.text.is_empty() {
            self.append("\n\n");
        }
        let bullet = std::mem::take(&mut self.bullet);
        self.append(&bullet);
        let cells = std::mem::take(&mut self.cells);
        self.append(&cells);
        for link in self.open.iter_mut().filter(|l| l.start.is_none()) {
            link.start = Some(self.chars);
        }
        self.append(s);
        if let Some(heading) = &mut self.heading_text {
            heading.push_str(s);
        }
    }

    fn append(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += char_len(s);
    }

    /// Text from an HTML block: its layout is HTML's, so each run of white space is one
    /// space, and none starts a paragraph.
    fn push_html(&mut self, s: &str) {
        let mut space = self.new_block || self.text.is_empty() || self.text.ends_with(char::is_whitespace);
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if !c.is_whitespace() {
                out.push(c);
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        }
        self.push(&out);
    }
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;

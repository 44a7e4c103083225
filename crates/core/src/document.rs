//! The article being annotated: its text (with `\n` line endings), title, links and
//! metadata, and the conversions between code points and bytes it answers. Positions are
//! code points.

use std::rc::Rc;

use sha2::{Digest, Sha256};

use crate::doc_link::DocLink;
use crate::meta::ArticleMeta;
use crate::offsets::{CharIndex, char_len};
use crate::text::normalize_newlines;

fn clean_title(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() { "Untitled".to_owned() } else { title.to_owned() }
}

/// The article being annotated. Text is normalised to `\n` line endings on the way in.
///
/// Its links are metadata of this very text: equality and every copy (`retitled`) keep
/// them, but they are not part of the text's identity ([`Document::sha256`]), and a new
/// version of the text comes with its own (see [`crate::update_text`]). Its metadata
/// ([`ArticleMeta`]: URL, authors, dates…) is kept the same way, outside the hash, but
/// belongs to the article rather than to one version of its text: a new version keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    title: String,
    text: String,
    char_len: usize,
    index: CharIndex,
    /// In document order; shared, as a document is cloned for every title change and
    /// undo step while its links never change.
    links: Rc<[DocLink]>,
    /// Shared for the same reason; changed only by its own edit (`Editor::set_meta`).
    meta: Rc<ArticleMeta>,
}

impl Document {
    /// A document without links.
    pub fn new(title: &str, text: &str) -> Self {
        let text = normalize_newlines(text);
        Self {
            title: clean_title(title),
            char_len: char_len(&text),
            index: CharIndex::new(&text),
            text,
            links: Rc::default(),
            meta: Rc::default(),
        }
    }

    /// The same document with `links` as its links (any it had are replaced): each one
    /// empty or past the end of the text is dropped, and the rest
    /// sorted by start, then end (then destination, so the order never depends on the
    /// caller's and an export is the same bytes every time).
    pub fn with_links(self, links: impl IntoIterator<Item = DocLink>) -> Self {
        let mut links: Vec<DocLink> = links.into_iter().filter(|l| l.fits(self.char_len)).collect();
        links.sort();
        Self { links: links.into(), ..self }
    }

    /// The article's links, in document order (code points, half-open, each within the
    /// text and not empty). Empty for a document made by [`Document::new`].
    pub fn links(&self) -> &[DocLink] {
        &self.links
    }

    /// The same document with `meta` as its metadata (taken as given: see
    /// [`ArticleMeta::tidied`] for what a person means).
    pub fn with_meta(self, meta: ArticleMeta) -> Self {
        Self { meta: Rc::new(meta), ..self }
    }

    /// The article's metadata; empty for a document made by [`Document::new`].
    pub fn meta(&self) -> &ArticleMeta {
        &self.meta
    }

    /// The metadata as shared, for the history and tab sync to keep one copy.
    pub(crate) fn shared_meta(&self) -> &Rc<ArticleMeta> {
        &self.meta
    }

    /// The same document with `meta` (shared) as its metadata.
    pub(crate) fn with_shared_meta(self, meta: &Rc<ArticleMeta>) -> Self {
        Self { meta: meta.clone(), ..self }
    }

    /// This document under `title` with `meta` (shared), the same `Rc` when it already
    /// has both: what a version of the text becomes in a workspace whose title and
    /// metadata are changed by edits of their own.
    pub(crate) fn dressed(doc: &Rc<Document>, title: &str, meta: &Rc<ArticleMeta>) -> Rc<Document> {
        let same_meta = Rc::ptr_eq(&doc.meta, meta) || doc.meta == *meta;
        match (doc.title() == title, same_meta) {
            (true, true) => doc.clone(),
            (true, false) => Rc::new((**doc).clone().with_shared_meta(meta)),
            (false, true) => Rc::new(doc.retitled(title)),
            (false, false) => Rc::new(doc.retitled(title).with_shared_meta(meta)),
        }
    }

    /// Whether `other` has the same text and links (its title and metadata aside): whether storage or
    /// another tab holding one of them holds the other's content.
    pub fn same_content(&self, other: &Document) -> bool {
        self.text == other.text && (Rc::ptr_eq(&self.links, &other.links) || self.links == other.links)
    }

    /// The title: trimmed, "Untitled" when empty.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The same text under another title (trimmed; "Untitled" when empty), without
    /// working out the text's index again.
    pub fn retitled(&self, title: &str) -> Self {
        Self { title: clean_title(title), ..self.clone() }
    }

    /// The text, with `\n` line endings.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The text of code points `[start, end)`, clamped to the text.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.index.slice(&self.text, start, end)
    }

    /// Byte offset of code point `char_idx` (the text's length past the end).
    pub fn byte_of(&self, char_idx: usize) -> usize {
        self.index.char_to_byte(&self.text, char_idx)
    }

    /// Code point index of the char containing byte `byte_idx`.
    pub fn char_of(&self, byte_idx: usize) -> usize {
        self.index.byte_to_char(&self.text, byte_idx)
    }

    /// Whether code point `char_idx` sits between two grapheme clusters (or at either end).
    pub fn is_grapheme_boundary(&self, char_idx: usize) -> bool {
        crate::text::is_grapheme_boundary_at_byte(&self.text, self.byte_of(char_idx))
    }

    /// The code point one `step` from `at`.
    pub fn step(&self, at: usize, step: crate::text::Step) -> usize {
        self.char_of(crate::text::step_from(&self.text, self.byte_of(at.min(self.char_len)), step))
    }

    /// Hex SHA-256 of the UTF-8 text: lets an export be matched to its article. Of the
    /// text alone: the title, links and metadata are not the article's words.
    pub fn sha256(&self) -> String {
        Sha256::digest(self.text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
    }
}

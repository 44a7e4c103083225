//! A document's links, kept as data about its text: where each link's words are and
//! where it points. Apart from `model` so that readers of links (Markdown, the formats,
//! the library) can name them without the rest of the model.

use serde::{Deserialize, Serialize};

/// A link of the article, kept as metadata and never made live: the place of its text in
/// the article and where it points. A destination is never checked, changed or followed.
/// Ordered by place (start, then end), then destination and title: the order a
/// document keeps them in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocLink {
    /// First code point of the link's text in the document's text.
    pub start: usize,
    /// One past the link text's last code point: `start < end <= ` the text's length in
    /// code points, half-open like every position.
    pub end: usize,
    /// The destination as written (a Markdown link's after its escapes and entities):
    /// `javascript:` stays as given, as it is only ever shown as text.
    pub url: String,
    /// The link's title (`[text](url "title")`), `None` when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl DocLink {
    /// Whether this link can be one of a text of `len` code points: not empty, and not
    /// past its end. `Document::with_links` drops by it.
    pub(crate) fn fits(&self, len: usize) -> bool {
        self.start < self.end && self.end <= len
    }
}

//! What a search finds: per document, its hits in text order.

use crate::model::AnnotationId;

use super::kwic::Kwic;

/// Where in a document a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The document's title (as the library lists it).
    Title,
    /// The article's text.
    Text,
    /// An annotation's quote (the text it was anchored on).
    Quote,
    /// An annotation's note.
    Note,
}

impl Field {
    /// Every field, in the order a document's hits of one place are listed.
    pub const ALL: [Field; 4] = [Field::Title, Field::Text, Field::Quote, Field::Note];

    /// The name `in:` gives it (`"quote"`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Quote => "quote",
            Field::Note => "note",
        }
    }

    /// The field `in:` names (case-insensitive); `None` for any other word.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key().eq_ignore_ascii_case(key))
    }
}

/// One place a query was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Which field it is in.
    pub field: Field,
    /// First code point of the hit in that field's string: the title, the document's
    /// text, the annotation's quote (`exact`) or its note.
    pub start: usize,
    /// One past its last code point (half-open).
    pub end: usize,
    /// The annotation of a quote or note hit; `None` for the title and the text.
    pub annotation: Option<AnnotationId>,
    /// The hit with its context, for the result list.
    pub kwic: Kwic,
}

/// One document's share of a search's results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocResults {
    /// The document's id in the library.
    pub doc: AnnotationId,
    /// Its title, as given to the index.
    pub title: String,
    /// When it last changed, as given to the index (results come newest first).
    pub updated: String,
    /// How many hits it has in all, `hits` being at most the limit asked for.
    pub total: usize,
    /// Its first hits in text order: the title's, then the text's, quotes' and notes' by
    /// where they are in the text (a quote or note where its annotation starts).
    pub hits: Vec<Hit>,
}

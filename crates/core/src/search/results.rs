//! Where in a document a query looks and finds.

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

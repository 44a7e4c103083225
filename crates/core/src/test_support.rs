//! Helpers shared by this crate's unit tests.

use std::ops::Range;

use crate::model::{Annotation, AnnotationId, Document};
use crate::tagset::Tag;

pub const NOW: &str = "2026-11-26T12:00:00.000Z";

pub fn id(n: u8) -> AnnotationId {
    AnnotationId::from_random_bytes([n; 16])
}

pub fn ann(doc: &Document, range: Range<usize>, tag: Tag, n: u8) -> Annotation {
    Annotation::new(doc, range, tag, id(n), NOW)
}

/// Each item `imported` skipped, in the words a damaged record is kept aside with (the
/// same words the app's reports use).
pub fn skipped_lines(imported: &crate::formats::Imported) -> Vec<String> {
    imported.skipped.iter().map(ToString::to_string).collect()
}

/// The code point range of the first `needle` in `text`: offsets are found, never counted
/// by hand.
pub fn span(text: &str, needle: &str) -> Range<usize> {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    let start = text[..at].chars().count();
    start..start + needle.chars().count()
}

/// Two fact-checkers on one article, for the tests of merging a colleague's work: Ana's
/// workspace and Kenji's, made on the same text with ids of their own.
pub mod colleagues {
    use crate::creator::Creator;
    use crate::editor::Editor;
    use crate::formats::{Imported, export_json, import_json};
    use crate::model::{Document, Workspace};
    use crate::status::ClaimStatus;
    use crate::tagset::Tag;

    use super::{NOW, id, span};

    /// Emoji (one of them five code points), CJK, and spans that nest and cross.
    pub const TEXT: &str =
        "Tokyo: 日本 exports fell 5% 📉 in 2025, says the Ministry of Finance. Critics 🤦🏼‍♂️ disagree.";

    /// The code point range of `needle` in [`TEXT`].
    pub fn at(needle: &str) -> std::ops::Range<usize> {
        span(TEXT, needle)
    }

    pub fn doc() -> Document {
        Document::new("Exports", TEXT)
    }

    /// Ana's: a claim (1) linked to its source (2), and a place (3).
    pub fn ana() -> Editor {
        let mut ed = Editor::new(Workspace::new(doc()));
        ed.set_author(Creator::new("Ana Díaz", "AFP"));
        ed.add(at("日本 exports fell 5% 📉"), Tag::Claim, id(1), NOW).unwrap();
        ed.set_note(id(1), "check the MoF table", NOW).unwrap();
        ed.set_status(id(1), ClaimStatus::Disputed, NOW).unwrap();
        ed.add(at("Ministry of Finance"), Tag::Source, id(2), NOW).unwrap();
        ed.link(id(1), id(2), NOW).unwrap();
        ed.add(at("Tokyo"), Tag::Entity, id(3), NOW).unwrap();
        ed.set_entity_type(id(3), "place", NOW).unwrap();
        ed
    }

    /// Kenji's, with ids of his own: the same claim (11) linked to the same source (12),
    /// Tokyo (13) as an organisation, and two new ones: 日本 (14) inside the claim, and a
    /// claim (15) crossing it, linked to his source.
    pub fn kenji() -> Editor {
        let mut ed = Editor::new(Workspace::new(doc()));
        ed.set_author(Creator::new("Kenji Sato", ""));
        ed.add(at("日本 exports fell 5% 📉"), Tag::Claim, id(11), NOW).unwrap();
        ed.set_note(id(11), "check the MoF table", NOW).unwrap();
        ed.set_status(id(11), ClaimStatus::Disputed, NOW).unwrap();
        ed.add(at("Ministry of Finance"), Tag::Source, id(12), NOW).unwrap();
        ed.link(id(11), id(12), NOW).unwrap();
        ed.add(at("Tokyo"), Tag::Entity, id(13), NOW).unwrap();
        ed.set_entity_type(id(13), "organisation", NOW).unwrap();
        ed.add(at("日本"), Tag::Entity, id(14), NOW).unwrap();
        ed.add(at("fell 5% 📉 in 2025"), Tag::Claim, id(15), NOW).unwrap();
        ed.link(id(15), id(12), NOW).unwrap();
        ed
    }

    /// `ws` as a colleague's native export reads when imported.
    pub fn file(ws: &Workspace) -> Imported {
        import_json(&export_json(ws)).unwrap()
    }
}

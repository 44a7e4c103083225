//! Formats other tools read. Each is a pure function of the workspace; the importable
//! ones (W3C, doccano) come back through the same checks as native imports.
//!
//! What each cannot carry is said in its module, and in the README.

pub mod brat;
pub mod csv;
pub mod doccano;
pub mod html;
pub mod w3c;

use crate::model::{AnnotationId, Tag};

/// An export target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Native,
    W3c,
    Doccano,
    Brat,
    Csv,
    Html,
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::Native, Format::W3c, Format::Doccano, Format::Brat, Format::Csv, Format::Html];

    /// Name shown in menus.
    pub fn label(self) -> &'static str {
        match self {
            Format::Native => "Article Annotator JSON",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Doccano => "doccano JSONL",
            Format::Brat => "brat standoff (.ann + .txt)",
            Format::Csv => "CSV for spreadsheets",
            Format::Html => "HTML report",
        }
    }

    /// The name used on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::W3c => "w3c",
            Format::Doccano => "doccano",
            Format::Brat => "brat",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    pub fn from_key(key: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.key() == key)
    }

    /// File name ending, after the title (`<title>.<suffix>`).
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Native => "annotations.json",
            Format::W3c => "w3c.jsonld",
            Format::Doccano => "doccano.jsonl",
            Format::Brat => "ann",
            Format::Csv => "annotations.csv",
            Format::Html => "report.html",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Native | Format::Doccano => "application/json",
            Format::W3c => "application/ld+json",
            Format::Brat => "text/plain",
            Format::Csv => "text/csv",
            Format::Html => "text/html",
        }
    }
}

/// A tag from another tool's label, case-insensitively (`"CLAIM"`, `"claim"`, `"Claim"`).
pub(crate) fn tag_from_label(label: &str) -> Option<Tag> {
    Tag::ALL.into_iter().find(|t| t.key().eq_ignore_ascii_case(label.trim()))
}

/// A stable id for an annotation that came with a foreign id (or none): the same input
/// always gives the same id, so importing a file twice adds nothing.
pub(crate) fn derived_id(seed: &str) -> AnnotationId {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(seed.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    AnnotationId::from_random_bytes(bytes)
}

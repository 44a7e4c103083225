//! Every file format: our own (`native`, with its schema upgrades in `migrate`) and those
//! other tools read. Each export is a pure function of the workspace; the importable ones
//! (native, W3C, doccano) report alike (`Imported`, `ImportError`).
//!
//! What each cannot carry is said in its module, and in the README.

pub mod brat;
pub mod claimreview;
pub mod csv;
pub mod doccano;
mod error;
mod file_kind;
mod files;
pub mod html;
mod imported;
mod migrate;
pub mod native;
mod report;
mod schema;
pub mod w3c;

pub use claimreview::{ClaimReviews, Review, claim_reviews};
pub use error::{FORMAT, ImportError, SCHEMA_VERSION};
pub use file_kind::{FileKind, file_kind};
pub use files::ExportFile;
pub(crate) use imported::skipped_lines;
pub use imported::{FileTags, Imported, SkipReason, Skipped};
pub use native::{export_json, import_json, storage_json};

use crate::model::{AnnotationId, Document, Workspace};
use crate::tagset::Tag;

/// An export target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Our own JSON (`native`): everything, and the only one read back in full.
    Native,
    /// W3C Web Annotation JSON-LD, quote and position selectors (`w3c`).
    W3c,
    /// doccano JSONL, sequence labelling with relations (`doccano`).
    Doccano,
    /// brat standoff: the `.ann` beside the text as `.txt` (`brat`).
    Brat,
    /// A row per annotation, safe to open in a spreadsheet (`csv`).
    Csv,
    /// A self-contained, printable report of the highlighted article (`html`).
    Html,
    /// schema.org `ClaimReview` JSON-LD, one per claim with a verdict (`claimreview`).
    ClaimReview,
}

impl Format {
    /// Every format, in the order the export menu lists them.
    pub const ALL: [Format; 7] = [
        Format::Native,
        Format::W3c,
        Format::Doccano,
        Format::Brat,
        Format::Csv,
        Format::Html,
        Format::ClaimReview,
    ];

    /// Name shown in menus.
    pub fn label(self) -> &'static str {
        match self {
            Format::Native => "Article Annotator JSON",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Doccano => "doccano JSONL",
            Format::Brat => "brat standoff (.ann + .txt)",
            Format::Csv => "CSV for spreadsheets",
            Format::Html => "HTML report",
            Format::ClaimReview => "ClaimReview (JSON-LD)",
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
            Format::ClaimReview => "claimreview",
        }
    }

    /// The format a command-line `key` names; `None` for any other.
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
            Format::ClaimReview => "claimreview.jsonld",
        }
    }

    /// The workspace written in this format: its main file's body (for brat, the `.ann`;
    /// `files` gives every file, the `.txt` too). `now` (RFC 3339) dates the HTML report
    /// and the claim reviews, which name no reviewer (see [`Format::export_with`]).
    pub fn export(self, ws: &Workspace, now: &str) -> String {
        self.export_with(ws, &Review::at(now))
    }

    /// [`Format::export`], with the claim reviews (of the ClaimReview file and the HTML
    /// report's embedded ones) by `review`'s author, at its URL, dated by it.
    pub fn export_with(self, ws: &Workspace, review: &Review) -> String {
        match self {
            Format::Native => native::export_json(ws),
            Format::W3c => w3c::export(ws),
            Format::Doccano => doccano::export(ws),
            Format::Brat => brat::export(ws),
            Format::Csv => csv::export(ws),
            Format::Html => html::export_with(ws, review),
            Format::ClaimReview => claim_reviews(ws, review).json,
        }
    }

    /// The download name for `title` in this format.
    pub fn file_name(self, title: &str) -> String {
        format!("{}.{}", safe_file_stem(title), self.suffix())
    }

    /// The media type a download of it is given.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Native | Format::Doccano => "application/json",
            Format::W3c | Format::ClaimReview => "application/ld+json",
            Format::Brat => "text/plain",
            Format::Csv => "text/csv",
            Format::Html => "text/html",
        }
    }
}

/// The title made safe as a file name on every file system.
pub fn safe_file_stem(title: &str) -> String {
    let safe: String = title
        .chars()
        .map(|c| if c.is_control() || r#"/\:*?"<>|"#.contains(c) { '_' } else { c })
        .take(100)
        .collect();
    let safe = safe.trim().trim_matches('.');
    if safe.is_empty() { "article".to_owned() } else { safe.to_owned() }
}

/// A title from a file name: `"Budget speech.md"` → `"Budget speech"`.
pub fn title_from_file_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.replace(['_'], " ").trim().to_owned()
}

/// The download name for a native export.
pub fn export_file_name(title: &str) -> String {
    Format::Native.file_name(title)
}

/// Whether `url` is an absolute URI as JSON-LD readers and the W3C test suite's `format:
/// uri` take one: a scheme, then no white space and none of the characters a URI never
/// holds as such.
pub(crate) fn is_absolute_uri(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        && !rest.is_empty()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
}

/// Whether `url` is a web page's address: an absolute `http(s)` URI.
pub(crate) fn is_web_url(url: &str) -> bool {
    let web =
        ["http://", "https://"].iter().any(|s| url.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)));
    web && is_absolute_uri(url)
}

/// A file's text without the byte-order mark (U+FEFF) that Notepad and PowerShell put
/// at the start of UTF-8 files: JSON forbids it, so every importer reads through this.
pub(crate) fn without_bom(input: &str) -> &str {
    input.strip_prefix('\u{feff}').unwrap_or(input)
}

/// Reads whatever a person picked: doccano JSONL (`.jsonl`), our own export, or W3C
/// annotations, which carry no text and so are anchored onto `current`.
pub fn import_any(
    current: &Document,
    file_name: &str,
    raw: &str,
    now: &str,
) -> Result<Imported, ImportError> {
    if file_name.to_lowercase().ends_with(".jsonl") {
        return doccano::import(raw, &title_from_file_name(file_name), now);
    }
    match import_json(raw) {
        Err(ImportError::Foreign) => w3c::import(current, raw, now).map_err(|e| match e {
            ImportError::Unrecognised(_) => ImportError::Unrecognised(
                "an Article Annotator export, W3C Web Annotation JSON or doccano JSONL",
            ),
            e => e,
        }),
        other => other,
    }
}

/// A tag from another tool's label: ours case-insensitively (`"CLAIM"`, `"claim"`), any
/// other becomes a tag of its own (`"PER"` → `per`), so no label is lost.
pub(crate) fn tag_from_label(label: &str) -> Option<Tag> {
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    Tag::DEFAULTS
        .into_iter()
        .find(|t| t.key().eq_ignore_ascii_case(label))
        .or_else(|| Some(Tag::from_label(label, |_| false)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::test_support::{NOW, id};

    #[test]
    fn import_any_recognises_each_format() {
        let mut ed =
            Editor::new(Workspace::new(Document::new("Budget", "Taxes will fall, the minister said.")));
        ed.add(0..15, Tag::Claim, id(1), NOW).unwrap();
        let ws = ed.workspace();
        let open = Document::new("Open", ws.document.text());
        let native = import_any(&open, "a.json", &export_json(ws), NOW).unwrap();
        assert_eq!(native.workspace.document.title(), "Budget");
        let w3c = import_any(&open, "a.jsonld", &w3c::export(ws), NOW).unwrap();
        assert_eq!((w3c.workspace.document.title(), w3c.workspace.annotations().len()), ("Open", 1));
        let doccano = import_any(&open, "budget_2026.jsonl", &doccano::export(ws), NOW).unwrap();
        assert_eq!(doccano.workspace.document.title(), "budget 2026");
        let e = import_any(&open, "x.json", "{\"rows\": 1}", NOW).unwrap_err();
        assert_eq!(
            e.to_string(),
            "This file is not an Article Annotator export, W3C Web Annotation JSON or doccano JSONL."
        );
    }

    /// The picker hands over whatever the file holds; each format it recognises is
    /// recognised with a byte-order mark too (W3C is only tried once the native reader
    /// has parsed the JSON and found it foreign).
    #[test]
    fn import_any_reads_each_format_saved_with_a_byte_order_mark() {
        let mut ed =
            Editor::new(Workspace::new(Document::new("Budget", "Taxes will fall, the minister said.")));
        ed.add(0..15, Tag::Claim, id(1), NOW).unwrap();
        let ws = ed.workspace();
        let open = Document::new("Open", ws.document.text());
        let exports =
            [("a.json", export_json(ws)), ("a.jsonld", w3c::export(ws)), ("a.jsonl", doccano::export(ws))];
        for (name, plain) in exports {
            let marked = import_any(&open, name, &format!("\u{feff}{plain}"), NOW);
            assert_eq!(marked, import_any(&open, name, &plain, NOW), "{name}");
            assert_eq!(marked.unwrap().workspace.annotations().len(), 1, "{name}");
        }
    }

    #[test]
    fn file_names_become_titles_and_back() {
        assert_eq!(title_from_file_name("Budget_speech.md"), "Budget speech");
        assert_eq!(title_from_file_name("notes"), "notes");
        assert_eq!(export_file_name("China: \"US paper\"/2023"), "China_ _US paper__2023.annotations.json");
        assert_eq!(export_file_name("..."), "article.annotations.json");
        assert_eq!(export_file_name("日本の防衛"), "日本の防衛.annotations.json");
    }

    #[test]
    fn file_names_per_format() {
        assert_eq!(Format::W3c.file_name("A/B: c"), "A_B_ c.w3c.jsonld");
        assert_eq!(Format::Brat.file_name(""), "article.ann");
        assert_eq!(Format::from_key("csv"), Some(Format::Csv));
        assert_eq!(Format::ClaimReview.file_name("Taxes"), "Taxes.claimreview.jsonld");
        assert_eq!(Format::from_key("claimreview"), Some(Format::ClaimReview));
    }
}

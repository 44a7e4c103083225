//! The whole library in one file ("Export all", and Import reading that file back), and
//! how much of a quota the records use.

use serde_json::Value;

use super::Library;
use super::error::LibraryError;
use super::store::{Store, StoreError};
use crate::formats::{FORMAT, ImportError, Imported, export_json, import_json};
use crate::model::{AnnotationId, Workspace};

/// The `format` of an "Export all" file: `{"format": LIBRARY_FORMAT, "documents": [native exports…]}`.
pub const LIBRARY_FORMAT: &str = "article-annotator-library";

/// An "Export all" file, and the documents it had to leave out.
#[derive(Debug, PartialEq)]
pub struct LibraryExport {
    /// The file: pretty JSON, ending in a newline.
    pub file: String,
    /// Stored documents that could not be read, and why (they stay stored as they are).
    pub left_out: Vec<(AnnotationId, LibraryError)>,
}

impl<S: Store> Library<S> {
    /// Every document, each as a native export, in one file, the open one first. `open`
    /// is taken as it is in memory, since its last change may not be saved yet.
    pub fn export_all(&mut self, open: (AnnotationId, &Workspace)) -> Result<LibraryExport, StoreError> {
        let mut saved = Vec::new();
        let mut left_out = Vec::new();
        for doc in self.summaries()?.into_iter().filter(|d| d.id != open.0) {
            match self.read(doc.id) {
                Ok(read) => saved.push(read.loaded.workspace),
                Err(e) => left_out.push((doc.id, e)),
            }
        }
        // Each document exactly as its own export writes it (key order included), put
        // together as text rather than through `serde_json::Value`, which would sort keys.
        let documents: Vec<String> =
            std::iter::once(open.1).chain(&saved).map(|ws| export_json(ws).trim_end().to_owned()).collect();
        let format = serde_json::to_string(LIBRARY_FORMAT).expect("a string always serialises");
        let file = format!("{{\n\"format\": {format},\n\"documents\": [\n{}\n]\n}}\n", documents.join(",\n"));
        Ok(LibraryExport { file, left_out })
    }
}

/// Reads an "Export all" file (each document on its own: one bad document does not keep
/// out the others), or a single native export as a library of one.
/// Whether `raw` is an "Export all" file (read without building the documents).
pub fn is_library_file(raw: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
    }
    serde_json::from_str::<Head>(crate::formats::without_bom(raw)).is_ok_and(|h| h.format == LIBRARY_FORMAT)
}

/// Reads an "Export all" file as one import per document, each checked on its own (a
/// single native export reads as a library of one); `Err` when it is neither.
pub fn import_library(raw: &str) -> Result<Vec<Result<Imported, ImportError>>, ImportError> {
    // Saved by Notepad or PowerShell, it starts with a byte-order mark, as other imports may.
    let raw = crate::formats::without_bom(raw);
    let value: Value = serde_json::from_str(raw).map_err(|e| ImportError::NotJson(e.to_string()))?;
    match value.get("format").and_then(Value::as_str) {
        Some(LIBRARY_FORMAT) => {}
        Some(FORMAT) => return Ok(vec![import_json(raw)]),
        _ => return Err(ImportError::Foreign),
    }
    let documents = value
        .get("documents")
        .and_then(Value::as_array)
        .ok_or_else(|| ImportError::Shape("`documents` is missing or not a list".to_owned()))?;
    Ok(documents.iter().map(|doc| import_json(&doc.to_string())).collect())
}

/// How much of a quota the store's keys and values use, in UTF-16 units (what
/// localStorage counts against its ~5 million).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// UTF-16 units the keys and values take.
    pub used: u64,
    /// UTF-16 units the store allows.
    pub quota: u64,
}

impl Usage {
    /// `used / quota`, from 0 (and past 1 if the quota given is below the real one).
    pub fn fraction(&self) -> f64 {
        if self.quota == 0 { 1.0 } else { self.used as f64 / self.quota as f64 }
    }
}

/// Counts every key and value in `store` (not only the library's: the quota is shared)
/// against `quota` UTF-16 units.
pub fn usage(store: &dyn Store, quota: u64) -> Result<Usage, StoreError> {
    let mut used = 0u64;
    for key in store.keys("")? {
        let value = store.get(&key)?.map_or(0, |v| v.encode_utf16().count());
        used += (key.encode_utf16().count() + value) as u64;
    }
    Ok(Usage { used, quota })
}

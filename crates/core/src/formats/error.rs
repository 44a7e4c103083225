//! Why a file could not be imported, and the two constants those reasons name: the tag
//! that marks our files and the newest schema. Kept apart from the native format so that
//! its migrations and every other importer can name them without depending on it.

use thiserror::Error;

/// Identifies our files among other JSON.
pub const FORMAT: &str = "article-annotator";
/// The newest schema this app reads and writes. Bumped whenever the shape changes;
/// `migrate` upgrades older files. Version 4 added the document's links, 5 the
/// annotations' creators and the conflicts merges leave, 6 the article's metadata.
pub const SCHEMA_VERSION: u32 = 6;

/// Why a file could not be imported at all. Nothing is changed when any of these is returned.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all (or nested deeper than 128 levels).
    #[error("This file is not valid JSON ({0}).")]
    NotJson(String),
    /// JSON, but not one of our exports.
    #[error("This JSON is not an Article Annotator export (it has no \"format\": \"{FORMAT}\").")]
    Foreign,
    /// Written by a newer version of the app.
    #[error(
        "This file uses schema version {found}; this app reads up to {SCHEMA_VERSION}. Update the app to open it."
    )]
    NewerSchema {
        /// The schema version the file says it follows.
        found: u64,
    },
    /// Our format, but the document part is missing or has the wrong type.
    #[error("This export is damaged: {0}.")]
    Shape(String),
    /// Not the kind of file that was expected.
    #[error("This file is not {0}.")]
    Unrecognised(&'static str),
}

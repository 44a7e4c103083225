//! What an import brought in and what it left out: the result every importer (native,
//! W3C, doccano) hands back, and the one-line report a person reads.

use crate::model::Workspace;

/// How many skipped items a report lists before summarising the rest.
const LISTED_PROBLEMS: usize = 5;

/// What a file said about its tags, which decides how they join an open article's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileTags {
    /// Its own tag set (a native export): tags are known by key, and the file's labels,
    /// colours, hotkeys and entity types are what the person chose.
    Defined,
    /// Names only (other tools' labels, an export without a tag set): the workspace's tag
    /// details beyond those names are the defaults, not the file's.
    Named,
}

/// What an import brought in, and what it could not.
#[derive(Debug, PartialEq)]
pub struct Imported {
    /// The document and the annotations that passed the checks, in document order.
    pub workspace: Workspace,
    /// Whether `workspace.tagset` is the file's own or made up around the names it used.
    pub tags: FileTags,
    /// The tab-sync counter of a browser save (`None` for an export or a foreign file).
    pub revision: Option<u64>,
    /// One line per annotation left out, e.g. `#4 end 9812 is past the text length 9800`,
    /// then one per link (`link 2 end 40 is past the text length 31`, or one line
    /// `links (3) were on an earlier version of the text` when the text was edited).
    pub skipped: Vec<String>,
    /// Annotations found again by their quote because the text had been edited.
    pub moved: usize,
    /// Annotations whose quote is no longer in the text: kept as orphans.
    pub orphaned: usize,
}

impl Imported {
    /// `"12 imported, 3 skipped: #4 end 9812 is past the text length 9800; …"`.
    pub fn summary(&self) -> String {
        let mut out = format!("{} imported", self.workspace.annotations().len());
        if self.moved > 0 {
            out.push_str(&format!(", {} found again by quote (the text had been edited)", self.moved));
        }
        if self.orphaned > 0 {
            out.push_str(&format!(", {} no longer found in the text (kept as orphans)", self.orphaned));
        }
        if !self.skipped.is_empty() {
            out.push_str(&format!(", {} skipped: ", self.skipped.len()));
            out.push_str(&self.skipped.iter().take(LISTED_PROBLEMS).cloned().collect::<Vec<_>>().join("; "));
            if self.skipped.len() > LISTED_PROBLEMS {
                out.push_str(&format!("; and {} more", self.skipped.len() - LISTED_PROBLEMS));
            }
        }
        out
    }
}

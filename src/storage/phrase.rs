//! What went wrong with storage, in the words the banner uses. The core reports typed
//! problems; they are phrased here, and only here.

use annotator_core::library::{Kept, LibraryError, Problem, StoreError};
use thiserror::Error;

/// Why work is not being saved, or saved data was not read, as the standing banner says it.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum StorageError {
    /// The browser refuses storage (private mode, blocked site data, a `file:` page).
    #[error("Not saved in this browser — it does not let this page store data. Export to keep your work.")]
    Unavailable,
    /// The quota is used up; what was saved before is still there.
    #[error("Browser storage is full, so your latest changes are not saved. Export to keep your work.")]
    Full,
    /// A write failed for another reason (the browser's words), or did not read back as
    /// written; it is tried again with the next change.
    #[error(
        "Your latest changes could not be saved ({0}). They are still here: export to keep them; saving is tried again with each change."
    )]
    Failed(String),
    /// Another tab opened a newer version of the database, so this tab let go of it.
    #[error(
        "This app was updated in another tab, so this tab stopped saving. Nothing here is lost while it stays open: export, or reload this tab to go on."
    )]
    Closed,
    /// Saved data could not be read (`reason`); every copy of it was kept aside.
    #[error(
        "Saved work could not be read ({0}). It was kept aside: download it below; this tab started afresh."
    )]
    Unreadable(String),
    /// Some saved annotations could not be read; they were kept aside.
    #[error(
        "{0} saved annotation(s) could not be read and were left out. They were kept aside: download them below."
    )]
    PartlyUnreadable(usize),
    /// Saved data could not be read nor copied aside (no room for a copy): it stays where it
    /// is, and nothing writes over it.
    #[error(
        "Saved work could not be read ({0}), and there was no room to copy it aside, so it was left where it is and nothing will write over it. Download it below; this tab started afresh."
    )]
    UnreadableLeft(String),
    /// Saved by a newer version of the app: left alone, and this tab does not save.
    #[error(
        "Saved work here comes from a newer version of the app (schema {0}). This tab will not save, so it cannot overwrite it. Export to keep what you do here."
    )]
    Newer(u64),
}

impl StorageError {
    /// Whether there is unreadable data to download.
    pub fn has_download(&self) -> bool {
        matches!(self, Self::Unreadable(_) | Self::PartlyUnreadable(_) | Self::UnreadableLeft(_))
    }
}

/// An error's words inside the banner's parentheses (without their closing full stop).
fn reason(e: &impl std::fmt::Display) -> String {
    e.to_string().trim_end_matches('.').to_owned()
}

/// A store's failure, as the banner says it.
pub fn store_error(e: &StoreError) -> StorageError {
    match e {
        StoreError::Unavailable => StorageError::Unavailable,
        StoreError::Full => StorageError::Full,
        StoreError::Failed(why) => StorageError::Failed(why.clone()),
    }
}

/// The library's failure to save, as the banner says it.
pub fn library_error(e: &LibraryError) -> StorageError {
    match e {
        LibraryError::Store(e) => store_error(e),
        LibraryError::Newer { found, .. } => StorageError::Newer(*found),
        LibraryError::Unreadable { error, kept: Some(Kept::Aside { .. }), .. } => {
            StorageError::Unreadable(reason(error))
        }
        LibraryError::Unreadable { error, .. } => StorageError::UnreadableLeft(reason(error)),
        LibraryError::Blocked(_) => StorageError::UnreadableLeft("it holds damaged data".into()),
        LibraryError::Missing(_) | LibraryError::Mismatch(_) => StorageError::Failed(e.to_string()),
    }
}

/// What start-up found, for the banner.
#[derive(Debug, Default, PartialEq)]
pub struct Found {
    /// Why saving does not work (yet): cleared by the first save that does.
    pub saving: Option<StorageError>,
    /// The gravest problem with the saved data itself: shown for the whole visit.
    pub data: Option<StorageError>,
    /// Keys of the unreadable data a person can download.
    pub downloads: Vec<String>,
}

/// Sorts what start-up found into problems of saving and problems of the saved data.
pub fn problem_of(problems: &[Problem]) -> Found {
    let mut downloads = Vec::new();
    let mut saving = None;
    let mut worst: Option<(u8, StorageError)> = None;
    let mut consider = |rank: u8, e: StorageError| {
        if worst.as_ref().is_none_or(|(r, _)| rank > *r) {
            worst = Some((rank, e));
        }
    };
    let unreadable_annotations = problems
        .iter()
        .filter(|p| matches!(p, Problem::Unreadable { key, .. } if key.starts_with("aa2.ann.")))
        .count();
    for p in problems {
        match p {
            Problem::CannotSave(e) => saving = Some(store_error(e)),
            Problem::CannotRead(e) => consider(5, store_error(e)),
            Problem::Newer { found, .. } => consider(4, StorageError::Newer(*found)),
            Problem::Unreadable { key, error, kept } => {
                match kept {
                    Kept::Aside { backup } => downloads.push(backup.clone()),
                    Kept::NotKept { .. } => downloads.push(key.clone()),
                }
                if !kept.is_aside() {
                    consider(3, StorageError::UnreadableLeft(reason(error)));
                } else if key.starts_with("aa2.ann.") {
                    consider(1, StorageError::PartlyUnreadable(unreadable_annotations));
                } else {
                    consider(2, StorageError::Unreadable(reason(error)));
                }
            }
            Problem::NotMoved { error, .. } | Problem::NotOpened(error) => consider(2, library_error(error)),
            Problem::Superseded { kept: Kept::Aside { backup }, .. } => downloads.push(backup.clone()),
            Problem::Adopted { .. } | Problem::Superseded { .. } => {}
        }
    }
    Found { saving, data: worst.map(|(_, e)| e), downloads }
}

const BLOCKED_ID: &str = "storage-blocked";

/// Another tab holds an older version of the database open and does not let go: say so on
/// the page (the app itself is not drawn yet; it starts once that tab closes).
pub fn show_blocked() {
    let document = gloo::utils::document();
    if document.get_element_by_id(BLOCKED_ID).is_some() {
        return;
    }
    let Ok(note) = document.create_element("p") else { return };
    note.set_id(BLOCKED_ID);
    let _ = note.set_attribute("role", "alert");
    note.set_text_content(Some(
        "Another tab of this app is open with an older version of your library. Close the other tabs of this app to go on; this page starts as soon as they are closed.",
    ));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&note);
    }
}

/// The database opened after all: take the note away.
pub fn hide_blocked() {
    if let Some(note) = gloo::utils::document().get_element_by_id(BLOCKED_ID) {
        note.remove();
    }
}

//! The library's documents: opening, renaming, deleting, restoring, exporting and
//! importing them. Each does its storage work here, then dispatches what happened; the
//! reducer stays pure.

use std::rc::Rc;

pub use annotator_core::library::is_library_file;
use annotator_core::library::{Loaded, import_library};
use annotator_core::{AnnotationId, Marks, export_json};
use yew::prelude::*;

use crate::dom;
use crate::state::{DocAction, EditAction, FeedbackAction, Notice, State, StateHandle, Trashed};
use crate::storage::{self, library_error};

/// Every document in the library, latest change first (none when it cannot be read).
pub fn summaries() -> Vec<annotator_core::library::DocSummary> {
    storage::with(|lib| lib.summaries().unwrap_or_default()).unwrap_or_default()
}

/// Where the library is kept, in words ("this browser's IndexedDB").
pub fn place() -> &'static str {
    storage::place()
}

/// Offers each unreadable value found at start-up (by its storage key) as a download,
/// byte for byte as it was stored.
pub fn download_unreadable(keys: &[String]) {
    for (n, raw) in keys.iter().filter_map(|key| storage::raw(key)).enumerate() {
        let name = if n == 0 {
            "unreadable-saved-work.json".to_owned()
        } else {
            format!("unreadable-saved-work-{}.json", n + 1)
        };
        let _ = dom::download(&name, "application/json", &raw);
    }
}

fn failed(state: &StateHandle, what: &str, e: impl std::fmt::Display) {
    state.dispatch(FeedbackAction::Notify(Notice::error(format!("{what}: {e}"))));
}

/// Opens stored document `id`.
pub fn open(state: &StateHandle, id: AnnotationId) {
    if id == state.session.doc_id {
        return;
    }
    match storage::with(|lib| lib.load(id)) {
        Some(Ok(Loaded { workspace, revision, .. })) => {
            state.dispatch(DocAction::SwitchDocument { id, workspace, revision })
        }
        Some(Err(e)) => failed(state, "That document could not be opened", library_error(&e)),
        None => failed(state, "That document could not be opened", "storage is not ready"),
    }
}

/// Renames document `id` (the open one through its editor, so the rename is undoable).
pub fn rename(state: &StateHandle, id: AnnotationId, title: String) {
    if id == state.session.doc_id {
        state.dispatch(EditAction::Rename { title, now: dom::now_iso() });
    } else if let Some(Err(e)) = storage::with(|lib| lib.rename(id, &title)) {
        failed(state, "It could not be renamed", library_error(&e));
    }
}

/// Deletes document `id`, keeping its records in memory so that Undo (in the Library,
/// in the banner, or Ctrl+Z) puts it back.
pub fn delete(state: &StateHandle, id: AnnotationId, title: &str) {
    let was_open = id == state.session.doc_id;
    let result = storage::with(|lib| {
        if was_open {
            // The open document may hold changes not saved yet: they go into the trash too.
            let marks = lib.marks(id);
            lib.save(id, state.workspace(), state.session.loaded_revision + 1, &marks)?;
        }
        lib.delete(id)
    });
    let deleted = match result {
        Some(Ok(deleted)) => deleted,
        Some(Err(e)) => return failed(state, "It could not be deleted", library_error(&e)),
        None => return failed(state, "It could not be deleted", "storage is not ready"),
    };
    // Suggestions forget it now (search at its next refresh); a restore brings it back.
    super::library_index::forget(id);
    let next = was_open.then(|| next_after(id));
    let trashed = Trashed { deleted: Rc::new(deleted), title: title.to_owned(), was_open, at_revision: 0 };
    state.dispatch(DocAction::DocumentDeleted { trashed, next });
}

/// What opens once the open document `gone` is deleted: the most recent other one, else
/// the sample article under a new id.
fn next_after(gone: AnnotationId) -> (AnnotationId, annotator_core::Workspace, u64, bool) {
    match storage::with(|lib| lib.next_after_delete(gone)) {
        Some(Ok((Some(loaded), _))) => (loaded.id, loaded.workspace, loaded.revision, true),
        _ => (dom::random_id(), State::sample(), 0, false),
    }
}

/// Puts deleted document `id` back, and reopens it if it was open.
fn restore(state: &StateHandle, id: AnnotationId) {
    let Some(trashed) = state.session.trash.iter().find(|t| t.deleted.id == id).cloned() else { return };
    match storage::with(|lib| lib.restore((*trashed.deleted).clone())) {
        Some(Ok(())) => {
            let reopen = trashed
                .was_open
                .then(|| storage::with(|lib| lib.load(id)).and_then(Result::ok))
                .flatten()
                .map(|l| (l.workspace, l.revision));
            let notice = Notice::info(format!("Restored “{}”. It is back in the Library.", trashed.title));
            state.dispatch(DocAction::DocumentRestored { id, reopen, notice });
        }
        Some(Err(e)) => failed(state, "It could not be put back", library_error(&e)),
        None => failed(state, "It could not be put back", "storage is not ready"),
    }
}

/// Does the storage work of a restore the reducer asked for (Undo, Ctrl+Z).
#[hook]
pub fn use_restore(state: StateHandle) {
    use_effect_with(state.session.restoring, move |id| {
        if let Some(id) = *id {
            restore(&state, id);
        }
    });
}

/// Downloads every document (the open one as it is in memory) in one file.
pub fn export_all(state: &StateHandle) {
    let open = (state.session.doc_id, state.workspace());
    match storage::with(|lib| lib.export_all(open)) {
        Some(Ok(export)) => {
            let _ = dom::download("library.annotations.json", "application/json", &export.file);
            if !export.left_out.is_empty() {
                let n = export.left_out.len();
                failed(state, "Exported, but some documents could not be read", format!("{n} left out"));
            }
        }
        Some(Err(e)) => failed(state, "The library could not be exported", storage::store_error(&e)),
        None => {
            let file = export_json(state.workspace());
            let _ = dom::download("library.annotations.json", "application/json", &file);
        }
    }
}

/// Adds every document of a library file to the library, each as a new document, and
/// says how many came in.
pub fn import_library_file(state: &StateHandle, name: &str, raw: &str) {
    let documents = match import_library(raw) {
        Ok(documents) => documents,
        Err(e) => return failed(state, &format!("Could not import {name}"), e),
    };
    let (mut added, mut refused, mut first) = (0, 0, None);
    for (n, imported) in documents.into_iter().enumerate() {
        let problem = match imported {
            Err(e) => Some(e.to_string()),
            Ok(imported) => {
                match storage::with(|lib| {
                    lib.save(dom::random_id(), &imported.workspace, 0, &Marks::default())
                }) {
                    Some(Ok(_)) => None,
                    Some(Err(e)) => Some(library_error(&e).to_string()),
                    None => Some("storage is not ready".to_owned()),
                }
            }
        };
        match problem {
            None => added += 1,
            Some(why) => {
                refused += 1;
                first.get_or_insert((n + 1, why));
            }
        }
    }
    // The first refusal's reason, so that a damaged file can be mended.
    let refusals = match first {
        Some((n, why)) => {
            format!(", {refused} could not be read or saved (document {n}: {})", why.trim_end_matches('.'))
        }
        None => String::new(),
    };
    let text = format!("Imported “{name}”: {added} document(s) added to the Library{refusals}.");
    let notice = if refused > 0 { Notice::error(text) } else { Notice::info(text) };
    state.dispatch(FeedbackAction::Notify(notice));
}

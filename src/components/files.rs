//! Opening a file the person picked or dropped: an export (`.json`) or an article.

use annotator_core::article::MAX_ARTICLE_BYTES;
use annotator_core::{
    ArticleError, Workspace, article_from_bytes, export_file_name, export_json, import_json,
    title_from_file_name,
};
use gloo::file::File;

use crate::dom;
use crate::state::{Action, Notice, StateHandle};

async fn open(file: File, title: Option<String>) -> Result<Action, String> {
    let name = file.name();
    // Checked before reading, so a huge file is never loaded into memory.
    if file.size() > MAX_ARTICLE_BYTES as u64 {
        return Err(ArticleError::TooLarge { size: file.size() as usize }.to_string());
    }
    let bytes =
        gloo::file::futures::read_as_bytes(&file).await.map_err(|e| format!("Could not read {name}: {e}"))?;
    if name.to_lowercase().ends_with(".json") {
        let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not a text file."))?;
        let imported = import_json(&text).map_err(|e| format!("Could not import {name}: {e}"))?;
        Ok(Action::Import { imported: Box::new(imported), name })
    } else {
        let title = title.unwrap_or_else(|| title_from_file_name(&name));
        let doc = article_from_bytes(&title, &bytes).map_err(|e| format!("Could not open {name}: {e}"))?;
        let message = format!("Opened “{name}”. Undo (Ctrl+Z) brings back what was open before.");
        Ok(Action::Open(Workspace::new(doc), message))
    }
}

/// Reads `file` in the background and opens it, or explains why not. An article takes
/// `title` when given, else a title made from the file name.
pub fn open_file(file: web_sys::File, title: Option<String>, state: StateHandle) {
    yew::platform::spawn_local(async move {
        match open(File::from(file), title).await {
            Ok(action) => state.dispatch(action),
            Err(message) => state.dispatch(Action::Notify(Notice::error(message))),
        }
    });
}

/// Downloads the open workspace as `<title>.annotations.json`.
pub fn export_workspace(state: &StateHandle) {
    let ws = state.workspace();
    let name = export_file_name(ws.document.title());
    if let Err(e) = dom::download(&name, "application/json", &export_json(ws)) {
        state.dispatch(Action::Notify(Notice::error(format!("The download could not start: {e:?}"))));
    }
}

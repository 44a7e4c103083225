//! Opening a file the person picked or dropped: an export (`.json`) or an article.

use annotator_core::article::MAX_ARTICLE_BYTES;
use annotator_core::text::plural;
use annotator_core::{
    ArticleError, Workspace, article_from_bytes, import_json, title_from_file_name,
};
use gloo::file::File;

use crate::state::{Action, Notice, StateHandle};

async fn open(file: File, title: Option<String>) -> Result<(Workspace, String), String> {
    let name = file.name();
    // Checked before reading, so a huge file is never loaded into memory.
    if file.size() > MAX_ARTICLE_BYTES as u64 {
        return Err(ArticleError::TooLarge {
            size: file.size() as usize,
        }
        .to_string());
    }
    let bytes = gloo::file::futures::read_as_bytes(&file)
        .await
        .map_err(|e| format!("Could not read {name}: {e}"))?;
    if name.to_lowercase().ends_with(".json") {
        let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not a text file."))?;
        let ws = import_json(&text).map_err(|e| format!("Could not import {name}: {e}"))?;
        let n = ws.annotations().len();
        Ok((
            ws,
            format!(
                "Imported “{name}” with {}. Undo (Ctrl+Z) brings back what was open before.",
                plural(n, "annotation")
            ),
        ))
    } else {
        let title = title.unwrap_or_else(|| title_from_file_name(&name));
        let doc = article_from_bytes(&title, &bytes)
            .map_err(|e| format!("Could not open {name}: {e}"))?;
        Ok((
            Workspace::new(doc),
            format!("Opened “{name}”. Undo (Ctrl+Z) brings back what was open before."),
        ))
    }
}

/// Reads `file` in the background and opens it, or explains why not. An article takes
/// `title` when given, else a title made from the file name.
pub fn open_file(file: web_sys::File, title: Option<String>, state: StateHandle) {
    yew::platform::spawn_local(async move {
        match open(File::from(file), title).await {
            Ok((ws, message)) => state.dispatch(Action::Open(ws, message)),
            Err(message) => state.dispatch(Action::Notify(Notice::error(message))),
        }
    });
}

//! Opening a file the person picked or dropped: an export (`.json`) or an article.

use annotator_core::article::MAX_ARTICLE_BYTES;
use annotator_core::article::safe_file_stem;
use annotator_core::formats::{Format, brat};
use annotator_core::{
    ArticleError, Workspace, article_from_bytes, article_from_markdown_bytes, article_from_text,
    title_from_file_name, title_from_text,
};
use gloo::file::File;

use super::documents;
use crate::dom;
use crate::state::{Action, DocAction, EditAction, FeedbackAction, Notice, StateHandle};

/// Said whenever a new document opens.
pub const OPENED: &str = "It is a new document; the previous one is in the Library.";

async fn open(file: File, title: Option<String>) -> Result<Action, String> {
    let name = file.name();
    // Checked before reading, so a huge file is never loaded into memory.
    if file.size() > MAX_ARTICLE_BYTES as u64 {
        return Err(ArticleError::TooLarge { size: file.size() as usize }.to_string());
    }
    let bytes =
        gloo::file::futures::read_as_bytes(&file).await.map_err(|e| format!("Could not read {name}: {e}"))?;
    let lower = name.to_lowercase();
    if [".json", ".jsonld", ".jsonl"].iter().any(|ext| lower.ends_with(ext)) {
        let raw = String::from_utf8(bytes).map_err(|_| format!("{name} is not a text file."))?;
        Ok(EditAction::Import { name, raw, now: dom::now_iso(), new_id: dom::random_id() }.into())
    } else if lower.ends_with(".html") || lower.ends_with(".htm") {
        let html = String::from_utf8_lossy(&bytes);
        // Its inline styles and handlers would only be reported by our CSP while it is parsed.
        let (page_title, text) =
            dom::article_from_html(&annotator_core::web_page::without_inline_code(&html))
                .map_err(|e| format!("Could not open {name}: {e}"))?;
        let title = title
            .or(Some(page_title).filter(|t| !t.is_empty()))
            .unwrap_or_else(|| title_from_file_name(&name));
        let doc = article_from_text(&title, &text).map_err(|e| format!("Could not open {name}: {e}"))?;
        let message =
            format!("Opened the article in “{name}” (page menus, scripts and links left out). {OPENED}");
        Ok(DocAction::Open { id: dom::random_id(), workspace: Workspace::new(doc), message }.into())
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
        let article = article_from_markdown_bytes(&title_from_file_name(&name), &bytes)
            .map_err(|e| format!("Could not open {name}: {e}"))?;
        // Named by the person, else by its first heading, else by its first line.
        let doc = match title.or(article.heading).or_else(|| title_from_text(article.document.text())) {
            Some(title) => article.document.retitled(&title),
            None => article.document,
        };
        let links = match doc.links().len() {
            0 => String::new(),
            1 => " Its link is kept with the article, not as a live link.".to_owned(),
            n => format!(" Its {n} links are kept with the article, not as live links."),
        };
        let message = format!("Opened “{name}” as Markdown.{links} {OPENED}");
        Ok(DocAction::Open { id: dom::random_id(), workspace: Workspace::new(doc), message }.into())
    } else {
        let doc = article_from_bytes(&title_from_file_name(&name), &bytes)
            .map_err(|e| format!("Could not open {name}: {e}"))?;
        // Named as a person would: by its first heading or line, else by the file's name.
        let doc = match title.or_else(|| title_from_text(doc.text())) {
            Some(title) => doc.retitled(&title),
            None => doc,
        };
        let message = format!("Opened “{name}”. {OPENED}");
        Ok(DocAction::Open { id: dom::random_id(), workspace: Workspace::new(doc), message }.into())
    }
}

/// Reads `file` in the background and opens it, or explains why not. An article takes
/// `title` when given, else its first heading or line, else its file name.
pub fn open_file(file: web_sys::File, title: Option<String>, state: StateHandle) {
    dom::perf::mark("open:start");
    yew::platform::spawn_local(async move {
        match open(File::from(file), title).await {
            // What Export all writes: every document joins the library.
            Ok(Action::Edit(EditAction::Import { name, raw, .. })) if documents::is_library_file(&raw) => {
                documents::import_library_file(&state, &name, &raw)
            }
            Ok(action) => state.dispatch(action),
            Err(message) => state.dispatch(FeedbackAction::Notify(Notice::error(message))),
        }
    });
}

/// Downloads the open workspace in `format` (brat: the `.ann` and the `.txt` it refers to).
pub fn export_as(state: &StateHandle, format: Format) {
    let ws = state.workspace();
    let title = ws.document.title();
    let now = dom::now_iso();
    let body = dom::perf::measure("export", || format.export(ws, &now));
    let mut result = dom::download(&format.file_name(title), format.mime(), &body);
    if format == Format::Brat && result.is_ok() {
        result = dom::download(&format!("{}.txt", safe_file_stem(title)), "text/plain", &brat::text(ws));
    }
    if let Err(e) = result {
        state.dispatch(FeedbackAction::Notify(Notice::error(format!("The download could not start: {e:?}"))));
    }
}

/// Downloads the open workspace as `<title>.annotations.json`.
pub fn export_workspace(state: &StateHandle) {
    export_as(state, Format::Native);
}

//! Opening a file the person picked or dropped: an export (`.json`) or an article.

use annotator_core::article::MAX_ARTICLE_BYTES;
use annotator_core::formats::{Format, Review, claim_reviews, import_any};
use annotator_core::{
    AnnotationId, ArticleError, ArticleMeta, Document, FileKind, Workspace, article_from_bytes,
    article_from_markdown_bytes, article_from_text, file_kind, title_from_file_name, title_from_text,
};
use gloo::file::File;

use super::documents;
use crate::dom;
use crate::state::{Action, DocAction, EditAction, FeedbackAction, Notice, StateHandle, UiAction};
use yew::prelude::*;

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
    match file_kind(&name) {
        FileKind::Export => {
            let raw = String::from_utf8(bytes).map_err(|_| format!("{name} is not a text file."))?;
            Ok(EditAction::Import { name, raw, now: dom::now_iso(), new_id: dom::random_id() }.into())
        }
        FileKind::WebPage => web_page(&name, &bytes, title),
        FileKind::Markdown => markdown(&name, &bytes, title),
        FileKind::Text => plain_text(&name, &bytes, title),
    }
}

fn opened(doc: Document, message: String) -> Result<Action, String> {
    Ok(DocAction::Open { id: dom::random_id(), workspace: Workspace::new(doc), message }.into())
}

fn web_page(name: &str, bytes: &[u8], title: Option<String>) -> Result<Action, String> {
    let html = String::from_utf8_lossy(bytes);
    // Its inline styles and handlers would only be reported by our CSP while it is parsed.
    let (page_title, text) = dom::article_from_html(&annotator_core::web_page::without_inline_code(&html))
        .map_err(|e| format!("Could not open {name}: {e}"))?;
    let title =
        title.or(Some(page_title).filter(|t| !t.is_empty())).unwrap_or_else(|| title_from_file_name(name));
    let doc = article_from_text(&title, &text).map_err(|e| format!("Could not open {name}: {e}"))?;
    // Its canonical URL, authors, date, site and language, from the page's head.
    let meta = annotator_core::web_page::page_meta(&html).meta;
    let doc = doc.with_meta(annotator_core::ArticleMeta { added: dom::now_iso(), ..meta });
    opened(doc, format!("Opened the article in “{name}” (page menus, scripts and links left out). {OPENED}"))
}

fn markdown(name: &str, bytes: &[u8], title: Option<String>) -> Result<Action, String> {
    let article = article_from_markdown_bytes(&title_from_file_name(name), bytes)
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
    opened(doc, format!("Opened “{name}” as Markdown.{links} {OPENED}"))
}

fn plain_text(name: &str, bytes: &[u8], title: Option<String>) -> Result<Action, String> {
    let doc = article_from_bytes(&title_from_file_name(name), bytes)
        .map_err(|e| format!("Could not open {name}: {e}"))?;
    // Named as a person would: by its first heading or line, else by the file's name.
    let doc = match title.or_else(|| title_from_text(doc.text())) {
        Some(title) => doc.retitled(&title),
        None => doc,
    };
    opened(doc, format!("Opened “{name}”. {OPENED}"))
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

/// Downloads the open workspace in `format`: each of the format's files (brat: the `.ann`
/// and the `.txt` it refers to), stopping at the first that cannot start.
pub fn export_as(state: &StateHandle, format: Format) {
    // Claim reviews (their own file, and the HTML report's) are by the person, at the
    // page where they publish this fact check, reviewed today.
    let review = Review {
        author: state.session.editor.author().cloned(),
        url: super::prefs::review_url(state.session.doc_id).filter(|u| !u.is_empty()),
        date: dom::now_iso(),
    };
    let files = dom::perf::measure("export", || format.files_with(state.workspace(), &review));
    if let Err(e) = files.iter().try_for_each(|f| dom::download(&f.name, f.mime, &f.body)) {
        state.dispatch(FeedbackAction::Notify(Notice::error(format!("The download could not start: {e:?}"))));
    } else if format == Format::ClaimReview {
        let reviews = claim_reviews(state.workspace(), &review);
        let notice = crate::state::phrase::claim_reviews(&reviews);
        state.dispatch(FeedbackAction::Notify(Notice::info(notice)));
    }
}

/// Takes the article's details from the Details dialog (one undoable change) and where
/// the fact check is published (kept in this browser); `export`: then writes ClaimReview.
pub fn save_details(
    state: &StateHandle,
    doc: AnnotationId,
    meta: ArticleMeta,
    review_url: &str,
    export: bool,
) {
    super::prefs::set_review_url(doc, review_url);
    state.dispatch(EditAction::SetMeta { meta, now: dom::now_iso() });
    if export {
        export_as(state, Format::ClaimReview);
    }
}

/// Merges `file`, a colleague's export of the open article, into it (as an import of the
/// same article does), or says why not: another article is refused here, not opened.
pub fn merge_file(file: web_sys::File, state: StateHandle) {
    yew::platform::spawn_local(async move {
        let file = File::from(file);
        let name = file.name();
        let raw = match gloo::file::futures::read_as_text(&file).await {
            Ok(raw) => raw,
            Err(e) => {
                return state
                    .dispatch(FeedbackAction::Notify(Notice::error(format!("Could not read {name}: {e}"))));
            }
        };
        let now = dom::now_iso();
        let same = import_any(&state.workspace().document, &name, &raw, &now)
            .map(|imported| annotator_core::merge_import(state.workspace(), &imported).is_some());
        match same {
            Ok(true) => state.dispatch(EditAction::Import { name, raw, now, new_id: dom::random_id() }),
            Ok(false) => state.dispatch(FeedbackAction::Notify(Notice::error(format!(
                "{name} is another article: Merge brings in a colleague’s file of the open one. Import… opens it as its own document."
            )))),
            Err(e) => state.dispatch(FeedbackAction::Notify(Notice::error(format!("Could not merge {name}: {e}")))),
        }
    });
}

/// Reads `file` (an export of this article, native, W3C or doccano) and opens the
/// comparison with it, or says why it cannot be compared.
pub fn compare_file(file: web_sys::File, state: StateHandle) {
    yew::platform::spawn_local(async move {
        let file = File::from(file);
        let name = file.name();
        let result = async {
            let raw = gloo::file::futures::read_as_text(&file).await.map_err(|e| e.to_string())?;
            let ws = state.workspace();
            let other = import_any(&ws.document, &name, &raw, &dom::now_iso()).map_err(|e| e.to_string())?;
            annotator_core::compare_with(ws, &other.workspace, other.spans_only)
                .map_err(|e| e.to_string())?;
            Ok::<_, String>((other.workspace, other.spans_only))
        };
        match result.await {
            Ok((other, spans_only)) => state.dispatch(UiAction::Compare { name, other, spans_only }),
            Err(e) => state.dispatch(FeedbackAction::Notify(Notice::error(format!(
                "Could not compare with {name}: {e}"
            )))),
        }
    });
}

/// Downloads the export the state asks for (`Ui::exporting`), once it has settled: after
/// a name was given, the download carries it.
#[hook]
pub fn use_pending_export(state: StateHandle) {
    use_effect_with(state.ui.exporting, move |exporting| {
        if let Some(format) = *exporting {
            export_as(&state, format);
            state.dispatch(UiAction::Exported);
        }
    });
}

/// Downloads the open workspace as `<title>.annotations.json`.
pub fn export_workspace(state: &StateHandle) {
    export_as(state, Format::Native);
}

//! What a picked or dropped file is, decided by its name alone: the browser hands over
//! a name and bytes, and the name is all a person chose it by, so the rule lives here,
//! tested on the host, rather than in the app's file handling.

/// What a file is opened as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An export to import (`.json`, `.jsonld`, `.jsonl`): ours, W3C, doccano or the
    /// library's Export all (see `import_any`).
    Export,
    /// A saved web page (`.html`, `.htm`), whose article is read out of the page.
    WebPage,
    /// Markdown (`.md`, `.markdown`), read as article text with its links kept as data.
    Markdown,
    /// Anything else: read as a plain-text article.
    Text,
}

/// The kind of file `name` is, by its last extension, in any case: `archive.JSON` is an
/// export, `notes.md.txt` is text, and so is a name without an extension.
pub fn file_kind(name: &str) -> FileKind {
    let Some((_, extension)) = name.rsplit_once('.') else { return FileKind::Text };
    // Unicode lower case, as the app compared names before this moved here: the Kelvin
    // sign in `.MARKDOWN` still reads as a `k`.
    match extension.to_lowercase().as_str() {
        "json" | "jsonld" | "jsonl" => FileKind::Export,
        "html" | "htm" => FileKind::WebPage,
        "md" | "markdown" => FileKind::Markdown,
        _ => FileKind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_extension_in_any_case() {
        let cases = [
            ("a.annotations.json", FileKind::Export),
            ("archive.JSON", FileKind::Export),
            ("a.w3c.jsonld", FileKind::Export),
            ("a.doccano.JsonL", FileKind::Export),
            ("Saved page.html", FileKind::WebPage),
            ("PAGE.HTM", FileKind::WebPage),
            ("Budget speech.md", FileKind::Markdown),
            ("notes.Markdown", FileKind::Markdown),
            ("notes.MAR\u{212A}DOWN", FileKind::Markdown),
            ("article.txt", FileKind::Text),
            ("speech.docx", FileKind::Text),
        ];
        for (name, kind) in cases {
            assert_eq!(file_kind(name), kind, "{name}");
        }
    }

    /// Only the last extension counts, and only an extension: a name that merely ends in
    /// the letters is text.
    #[test]
    fn only_the_last_extension() {
        assert_eq!(file_kind("notes.md.txt"), FileKind::Text);
        assert_eq!(file_kind("export.json.bak"), FileKind::Text);
        assert_eq!(file_kind("notes.txt.md"), FileKind::Markdown);
        assert_eq!(file_kind("json"), FileKind::Text);
        assert_eq!(file_kind("markdown"), FileKind::Text);
        assert_eq!(file_kind("page-html"), FileKind::Text);
        assert_eq!(file_kind(""), FileKind::Text);
        assert_eq!(file_kind(".json"), FileKind::Export);
    }
}

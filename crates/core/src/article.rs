//! Turning what a person hands us (a file's bytes, pasted text) into an article, with a
//! message they can act on when it is not one.

use thiserror::Error;

use crate::model::Document;

/// Largest article accepted, in bytes (about 3 million words of English).
pub const MAX_ARTICLE_BYTES: usize = 20 * 1024 * 1024;

/// Why some input cannot become an article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ArticleError {
    /// Nothing but white space.
    #[error("There is no text to annotate. Paste some text or choose a .txt or .md file.")]
    Empty,
    /// Bigger than `MAX_ARTICLE_BYTES`.
    #[error("This text is {size} bytes; the limit is {MAX_ARTICLE_BYTES} bytes. Split it into parts.")]
    TooLarge {
        /// The input's size, in bytes.
        size: usize,
    },
    /// A file with NUL bytes or that is not UTF-8: an image, a PDF, a Word file.
    #[error(
        "This file is not plain text (it looks like a binary file such as a PDF, image or Word document). Save it as .txt first."
    )]
    Binary,
}

/// Checks pasted text and makes a document of it. Every character is kept, control
/// characters included: they are shown, never interpreted.
pub fn article_from_text(title: &str, text: &str) -> Result<Document, ArticleError> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { size: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ArticleError::Empty);
    }
    Ok(Document::new(title, text))
}

/// Decodes a file's bytes (UTF-8, with or without a byte-order mark) into an article.
pub fn article_from_bytes(title: &str, bytes: &[u8]) -> Result<Document, ArticleError> {
    article_from_text(title, decode_text(bytes)?)
}

/// A file's bytes as text: refused when over [`MAX_ARTICLE_BYTES`] or not UTF-8 text,
/// without its byte-order mark. Shared by every file reader so that they refuse alike.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<&str, ArticleError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { size: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Text files do not contain NUL; images, PDFs and UTF-16 files do.
    if bytes.contains(&0) {
        return Err(ArticleError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|_| ArticleError::Binary)
}

/// Longest title made from an article's first line, in characters.
pub const TITLE_CHARS: usize = 80;

/// A title from an article's own text, as a person would name it: its first line that
/// is not blank, without Markdown's heading marks (`## Budget` → `Budget`), cut at a word
/// (with "…") when longer than [`TITLE_CHARS`]. `None` for text with no words.
pub fn title_from_text(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let heading = line.trim_start_matches('#');
    let line = if heading.len() < line.len() && (heading.is_empty() || heading.starts_with(' ')) {
        heading.trim().trim_end_matches('#').trim()
    } else {
        line
    };
    title_from_line(line)
}

/// A title from one line of words (already without any markup): trimmed, cut at a word
/// (with "…") when longer than [`TITLE_CHARS`]; `None` when blank. Shared with Markdown's
/// headings so that both name an article alike.
pub(crate) fn title_from_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    if line.chars().count() <= TITLE_CHARS {
        return Some(line.to_owned());
    }
    let cut: String = line.chars().take(TITLE_CHARS - 1).collect();
    let at_word = cut.rfind(char::is_whitespace).filter(|&i| i > cut.len() / 2).unwrap_or(cut.len());
    Some(format!("{}…", cut[..at_word].trim_end()))
}

/// Kept here, where the app first found it; it lives with the file formats.
pub use crate::formats::safe_file_stem;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_utf8_with_bom_and_crlf() {
        let doc = article_from_bytes("t", b"\xEF\xBB\xBFline one\r\nline two").unwrap();
        assert_eq!(doc.text(), "line one\nline two");
    }

    #[test]
    fn refuses_binary_empty_and_huge_input() {
        assert_eq!(article_from_bytes("t", b"%PDF-1.4\n\x00\x01\xff"), Err(ArticleError::Binary));
        assert_eq!(article_from_bytes("t", &[0x89, b'P', b'N', b'G', 0xff, 0xfe]), Err(ArticleError::Binary));
        assert_eq!(article_from_text("t", " \n\t "), Err(ArticleError::Empty));
        assert_eq!(article_from_text("t", "pasted\0nul").unwrap().text(), "pasted\0nul");
        assert_eq!(
            article_from_bytes(
                "t",
                "UTF-16".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>().as_slice()
            ),
            Err(ArticleError::Binary)
        );
        let huge = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        let e = article_from_bytes("t", &huge).unwrap_err();
        assert!(e.to_string().contains(&format!("{} bytes", MAX_ARTICLE_BYTES + 1)));
    }

    #[test]
    fn a_title_is_the_first_line_or_heading_cut_at_a_word() {
        assert_eq!(
            title_from_text("\n\n  Budget speech  \nThe minister said").as_deref(),
            Some("Budget speech")
        );
        assert_eq!(title_from_text("## The budget ##\n\ntext").as_deref(), Some("The budget"));
        assert_eq!(
            title_from_text("#hashtag is not a heading").as_deref(),
            Some("#hashtag is not a heading")
        );
        assert_eq!(title_from_text("#\n\nFirst words").as_deref(), None, "an empty heading names nothing");
        assert_eq!(title_from_text(" \n\t"), None);
        let long = "word ".repeat(30);
        let title = title_from_text(&long).unwrap();
        assert!(title.chars().count() <= TITLE_CHARS && title.ends_with("word…"), "{title}");
        let unbroken = "日".repeat(100);
        assert_eq!(title_from_text(&unbroken).unwrap().chars().count(), TITLE_CHARS);
    }
}

//! What an import left out, in words for the terminal: the core hands back typed
//! reasons, and the CLI words them as the app does. And quoting a text on one line.

use annotator_core::Imported;

/// How many skipped items the report lists before summarising the rest.
const LISTED_PROBLEMS: usize = 5;

/// `"12 imported, 3 skipped: #4 end 9812 is past the text length 9800; …"`.
pub fn summary(imported: &Imported) -> String {
    let mut out = format!("{} imported", imported.workspace.annotations().len());
    if imported.moved > 0 {
        out.push_str(&format!(", {} found again by quote (the text had been edited)", imported.moved));
    }
    if imported.orphaned > 0 {
        out.push_str(&format!(", {} no longer found in the text (kept as orphans)", imported.orphaned));
    }
    let all = &imported.skipped;
    if !all.is_empty() {
        out.push_str(&format!(", {} skipped: ", all.len()));
        out.push_str(
            &all.iter().take(LISTED_PROBLEMS).map(ToString::to_string).collect::<Vec<_>>().join("; "),
        );
        if all.len() > LISTED_PROBLEMS {
            out.push_str(&format!("; and {} more", all.len() - LISTED_PROBLEMS));
        }
    }
    out
}

/// `text` in double quotes, on one line: backslashes, quotes and line breaks escaped, the
/// rest as it is (an emoji's joiners included, which `{:?}` would spell out).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{Document, FileTags, Workspace};
    use annotator_core::{SkipReason, Skipped};

    #[test]
    fn quotes_stay_on_one_line_and_keep_emoji_whole() {
        assert_eq!(quoted("a \"b\"\nc\\ 🤦🏼‍♂️"), r#""a \"b\"\nc\\ 🤦🏼‍♂️""#);
    }

    #[test]
    fn lists_five_then_counts_the_rest() {
        let skipped = (1..8).map(|index| Skipped::Annotation { index, reason: SkipReason::NoTag }).collect();
        let imported = Imported {
            workspace: Workspace::new(Document::new("t", "text")),
            tags: FileTags::Named,
            revision: None,
            skipped,
            moved: 0,
            orphaned: 1,
            spans_only: false,
        };
        assert_eq!(
            summary(&imported),
            "0 imported, 1 no longer found in the text (kept as orphans), 7 skipped: \
             #1 has no tag (a tagging or classifying body); #2 has no tag (a tagging or classifying body); \
             #3 has no tag (a tagging or classifying body); #4 has no tag (a tagging or classifying body); \
             #5 has no tag (a tagging or classifying body); and 2 more"
        );
    }
}

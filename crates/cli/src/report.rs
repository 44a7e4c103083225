//! What an import left out, and what a ClaimReview export left out, in words for the
//! terminal: the core hands back typed reasons and counts, and the CLI words them as the
//! app does. And quoting a text on one line.

use annotator_core::Imported;
use annotator_core::formats::ClaimReviews;

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

/// `"3 claim reviews written; 2 claims left out (1 opinion, 1 unchecked): only a supported,
/// disputed or false claim has a verdict to review"`.
pub fn claim_reviews(reviews: &ClaimReviews) -> String {
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let written = count(reviews.written, "claim review written", "claim reviews written");
    if reviews.left_out == 0 {
        return written;
    }
    let unchecked = reviews.left_out - reviews.opinions;
    let why: Vec<String> = [(reviews.opinions, "opinion", "opinions"), (unchecked, "unchecked", "unchecked")]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
    format!(
        "{written}; {} left out ({}): only a supported, disputed or false claim has a verdict to review",
        count(reviews.left_out, "claim", "claims"),
        why.join(", ")
    )
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
    fn claim_reviews_say_how_many_and_why_the_rest_were_left_out() {
        let reviews =
            |written, left_out, opinions| ClaimReviews { json: String::new(), written, left_out, opinions };
        assert_eq!(claim_reviews(&reviews(1, 0, 0)), "1 claim review written");
        assert_eq!(
            claim_reviews(&reviews(3, 2, 1)),
            "3 claim reviews written; 2 claims left out (1 opinion, 1 unchecked): \
             only a supported, disputed or false claim has a verdict to review"
        );
        assert_eq!(
            claim_reviews(&reviews(0, 1, 0)),
            "0 claim reviews written; 1 claim left out (1 unchecked): \
             only a supported, disputed or false claim has a verdict to review"
        );
    }

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

//! What an import left out, in words for the terminal: the core hands back typed
//! reasons, and the CLI words them as the app does.

use annotator_core::{Imported, SkipReason, Skipped};

/// How many skipped items the report lists before summarising the rest.
const LISTED_PROBLEMS: usize = 5;

fn reason(r: &SkipReason) -> String {
    match r {
        SkipReason::Unreadable(why) => why.clone(),
        SkipReason::RepeatsId(id) => format!("repeats id {id}"),
        SkipReason::NotATime { field, value } => format!("{field} {value:?} is not an RFC 3339 time"),
        SkipReason::EmptyRange { start, end } => format!("start {start} is not before end {end}"),
        SkipReason::PastEnd { end, len } => format!("end {end} is past the text length {len}"),
        SkipReason::SplitsCharacter { at } => format!("offset {at} splits a character"),
        SkipReason::QuoteMismatch { start, end } => {
            format!("quote does not match the text at {start}..{end}")
        }
        SkipReason::Span(e) => e.to_string(),
        SkipReason::NoTag => "has no tag (a tagging or classifying body)".to_owned(),
        SkipReason::NoQuoteOrPosition => "has no quote and no position inside the text".to_owned(),
        SkipReason::EmptyLabel => "has an empty label".to_owned(),
    }
}

/// One thing left out: `#4 end 9812 is past the text length 9800`.
pub fn skipped(s: &Skipped) -> String {
    match s {
        Skipped::Annotation { index, reason: r } => format!("#{index} {}", reason(r)),
        Skipped::Link { index, reason: r } => format!("link {index} {}", reason(r)),
        Skipped::LinksOnEarlierText { count } => {
            format!("links ({count}) were on an earlier version of the text")
        }
        Skipped::TagSet(why) => format!("the tag set ({why} The default tags are used.)"),
        Skipped::Relation { index } => format!("relation #{index} is not a link from a claim to a source"),
        Skipped::MoreDocuments { count } => {
            format!("only the first document was read; {count} more line(s) were not")
        }
    }
}

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
        out.push_str(&all.iter().take(LISTED_PROBLEMS).map(skipped).collect::<Vec<_>>().join("; "));
        if all.len() > LISTED_PROBLEMS {
            out.push_str(&format!("; and {} more", all.len() - LISTED_PROBLEMS));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::{Document, FileTags, Workspace};

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

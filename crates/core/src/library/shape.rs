//! The detail of the `ImportError::Shape` that a damaged record is kept aside with: the
//! items the native importer left out of it, one line each. This is an error's message,
//! stored with the damage; the import reports a person reads are worded by the app
//! (`src/state/phrase.rs`) from the same typed `Skipped`, in the same words.

use crate::formats::{SkipReason, Skipped};

/// One line per item: `#4 end 9812 is past the text length 9800`.
pub(crate) fn line(s: &Skipped) -> String {
    match s {
        Skipped::Annotation { index, reason } => format!("#{index} {}", reason_words(reason)),
        Skipped::Link { index, reason } => format!("link {index} {}", reason_words(reason)),
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

/// Every item's line, joined by `; `.
pub(crate) fn lines(skipped: &[Skipped]) -> String {
    skipped.iter().map(line).collect::<Vec<_>>().join("; ")
}

fn reason_words(r: &SkipReason) -> String {
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

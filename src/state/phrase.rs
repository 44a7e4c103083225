//! The core's reports in words: what an import brought in and left out, what a new text
//! did to the annotations, what a merge added. The core hands back counts and typed
//! reasons (`Skipped`, `UpdateSummary`, `MergeSummary`); every sentence is made here, around
//! each skipped item's own line (its `Display`, as for the core's error enums).

use annotator_core::{GaveWay, Imported, MergeSummary, TagsMerged, UpdateSummary};

/// How many skipped items a report lists before summarising the rest.
const LISTED_PROBLEMS: usize = 5;

/// "1 annotation", "3 annotations".
fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// `"12 imported, 3 skipped: #4 end 9812 is past the text length 9800; …"`.
pub fn import_summary(imported: &Imported) -> String {
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

/// `0 annotations kept, 1 moved, … (listed as orphans).`
fn update_counts(u: &UpdateSummary) -> String {
    format!(
        "{} kept, {} moved, {} with edited text inside, {} no longer found (listed as orphans).",
        plural(u.kept, "annotation"),
        u.moved,
        u.edited,
        u.orphaned
    )
}

/// What a new version of the text did: `Text updated: 3 annotations kept, …`.
pub fn update_summary(u: &UpdateSummary) -> String {
    format!("Text updated: {}", update_counts(u))
}

/// `“Name” is now “Name (2)” on key 6`.
fn gave_way(g: &GaveWay) -> String {
    let key = if g.hotkey.is_empty() { "with no key".to_owned() } else { format!("on key {}", g.hotkey) };
    match (g.label_before != g.label, g.hotkey_before != g.hotkey) {
        (true, true) => format!("“{}” is now “{}” {key}", g.label_before, g.label),
        (true, false) => format!("“{}” is now “{}”", g.label_before, g.label),
        _ => format!("“{}” is now {key}", g.label_before),
    }
}

/// ` Tags from the file: 1 added, 2 changed. To keep keys and names apart, …` (with its
/// leading space), or nothing when the tags did not change.
fn tags_note(t: &TagsMerged) -> String {
    let mut counts = Vec::new();
    if t.added > 0 {
        counts.push(format!("{} added", t.added));
    }
    if t.changed > 0 {
        counts.push(format!("{} changed", t.changed));
    }
    if t.entity_types_added > 0 {
        counts.push(format!("{} added", plural(t.entity_types_added, "entity type")));
    }
    let mut note = String::new();
    if !counts.is_empty() {
        note = format!(" Tags from the file: {}.", counts.join(", "));
    }
    if !t.gave_way.is_empty() {
        let each: Vec<String> = t.gave_way.iter().map(gave_way).collect();
        note.push_str(&format!(" To keep keys and names apart, {}.", each.join("; ")));
    }
    note
}

/// What merging an import into the open article did:
/// `1 annotation added to this article, 2 already here.` and what happened on the way.
pub fn merge_summary(m: &MergeSummary) -> String {
    let reanchored = m.reanchored.as_ref().map_or_else(String::new, |u| {
        format!(" Their text differs from this one, so they were re-anchored: {}", update_counts(u))
    });
    let conflicts = match m.conflicts {
        0 => String::new(),
        1 => " 1 differs from yours: yours is kept, and theirs waits under “To resolve”.".to_owned(),
        n => format!(" {n} differ from yours: yours are kept, and theirs wait under “To resolve”."),
    };
    format!(
        "{} added to this article, {} already here.{conflicts}{reanchored}{}",
        plural(m.added, "annotation"),
        m.already_here,
        tags_note(&m.tags)
    )
}

#[cfg(test)]
#[path = "phrase_tests.rs"]
mod tests;

/// "Wrote 2 ClaimReviews. Left out 3 claims with no verdict: 1 opinion, 2 unchecked."
pub fn claim_reviews(r: &annotator_core::formats::ClaimReviews) -> String {
    let wrote = match r.written {
        0 => "No claim has a verdict (supported, disputed or false) yet: the file is empty.".to_owned(),
        1 => "Wrote 1 ClaimReview.".to_owned(),
        n => format!("Wrote {n} ClaimReviews."),
    };
    if r.left_out == 0 {
        return wrote;
    }
    let unchecked = r.left_out - r.opinions;
    let why = match (r.opinions, unchecked) {
        (0, u) => format!("{u} unchecked"),
        (o, 0) => plural(o, "opinion"),
        (o, u) => format!("{}, {u} unchecked", plural(o, "opinion")),
    };
    format!("{wrote} Left out {}: {why}.", plural(r.left_out, "claim"))
}

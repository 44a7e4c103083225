//! `annotations merge A.json B.json -o OUT.json`: a colleague's export (B) merged into
//! ours (A), as the app's import does it (`annotator_core::merge_import`): duplicates left
//! out, new annotations added, and where B has one of A's annotations with other values,
//! A's kept and B's recorded as a conflict in OUT.json, for the app to resolve. The counts
//! and the conflicts are worded here.

use std::path::Path;

use annotator_core::conflict::Field;
use annotator_core::{
    Annotation, Conflict, Creator, Imported, MergeSummary, Workspace, import_json, merge_import,
};

use crate::report::quoted;
use crate::{CliError, read};

/// Both files as read, and what merging them made.
pub struct Merged {
    /// The first file (A): the article B is merged into.
    pub a: Imported,
    /// The second file (B).
    pub b: Imported,
    /// A with B merged in.
    pub workspace: Workspace,
    /// What the merge did.
    pub summary: MergeSummary,
}

impl Merged {
    /// The conflicts this merge recorded (A may have had some already), in A's order.
    pub fn new_conflicts(&self) -> Vec<&Conflict> {
        let before = self.a.workspace.conflicts();
        let mut new: Vec<&Conflict> =
            self.workspace.conflicts().iter().filter(|c| !before.contains(c)).collect();
        new.sort_by_key(|c| self.workspace.get(c.ours).map(Annotation::order_key));
        new
    }
}

/// Reads two native exports and merges B into A; `OtherArticle` when B is not of A's
/// article (neither the same text nor the same title, so nothing can be placed).
pub fn merge_files(a: &Path, b: &Path) -> Result<Merged, CliError> {
    let import = |path: &Path| {
        import_json(&read(path)?).map_err(|source| CliError::Import { path: path.to_owned(), source })
    };
    let (a_file, b_file) = (import(a)?, import(b)?);
    let (workspace, summary) = merge_import(&a_file.workspace, &b_file)
        .ok_or_else(|| CliError::OtherArticle { a: a.to_owned(), b: b.to_owned() })?;
    Ok(Merged { a: a_file, b: b_file, workspace, summary })
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `"2 added, 3 duplicates, 1 conflict"`, and how B's annotations were placed when its
/// text differed. A conflict A already recorded counts as a duplicate.
pub fn summary(s: &MergeSummary) -> String {
    let mut out = format!(
        "{} added, {}, {}",
        s.added,
        count(s.already_here, "duplicate", "duplicates"),
        count(s.conflicts, "conflict", "conflicts")
    );
    if let Some(u) = &s.reanchored {
        out.push_str(&format!(
            " (B's text differs: {} found in place, {} moved, {} with edited text, {} no longer found)",
            u.kept, u.moved, u.edited, u.orphaned
        ));
    }
    out
}

fn creator(c: &Option<Creator>) -> String {
    c.as_ref().map_or_else(|| "nobody named".to_owned(), Creator::display)
}

/// The quotes of `a`'s sources in `ws`, or `none`.
fn links(ws: &Workspace, a: &Annotation) -> String {
    let quotes: Vec<String> = a.sources.iter().filter_map(|s| ws.get(*s)).map(|s| quoted(&s.exact)).collect();
    if quotes.is_empty() { "none".to_owned() } else { quotes.join(", ") }
}

/// One conflict of `ws` on one line: where, which tag, the quote, each value that
/// differs as A's vs B's, and who made each version:
/// `7..9 Entity "Tokyo": entity type "place" vs "organisation" (A: Ana Díaz (AFP), B: Kenji Sato)`.
pub fn conflict_line(ws: &Workspace, c: &Conflict) -> String {
    let Some(ours) = ws.get(c.ours) else { return format!("{}: no longer in A", c.ours) };
    let theirs = &c.theirs;
    let label = |a: &Annotation| ws.tagset().label(a.tag);
    let values: Vec<String> = c
        .fields(ours)
        .into_iter()
        .map(|field| match field {
            Field::Span => {
                format!(
                    "span {}..{} vs {}..{} {}",
                    ours.start,
                    ours.end,
                    theirs.start,
                    theirs.end,
                    quoted(&theirs.exact)
                )
            }
            Field::Tag => format!("tag {} vs {}", label(ours), label(theirs)),
            Field::Note => format!("note {} vs {}", quoted(&ours.note), quoted(&theirs.note)),
            Field::Status => format!("status {} vs {}", ours.status.label(), theirs.status.label()),
            Field::EntityType => {
                format!("entity type {} vs {}", quoted(&ours.entity_type), quoted(&theirs.entity_type))
            }
            Field::Links => format!("links {} vs {}", links(ws, ours), links(ws, theirs)),
        })
        .collect();
    format!(
        "{}..{} {} {}: {} (A: {}, B: {})",
        ours.start,
        ours.end,
        label(ours),
        quoted(&ours.exact),
        values.join("; "),
        creator(&ours.creator),
        creator(&theirs.creator)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::UpdateSummary;

    #[test]
    fn counts_are_worded_with_their_plurals() {
        let s = MergeSummary { added: 2, already_here: 1, conflicts: 3, ..MergeSummary::default() };
        assert_eq!(summary(&s), "2 added, 1 duplicate, 3 conflicts");
        let reanchored = Some(UpdateSummary { kept: 1, moved: 2, edited: 0, orphaned: 1 });
        let s = MergeSummary { added: 1, conflicts: 1, reanchored, ..MergeSummary::default() };
        assert_eq!(
            summary(&s),
            "1 added, 0 duplicates, 1 conflict \
             (B's text differs: 1 found in place, 2 moved, 0 with edited text, 1 no longer found)"
        );
    }
}

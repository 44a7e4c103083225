//! Adding an import's annotations and tags to the open article: a colleague's export of
//! the same article brings what we lack, leaves out what we have, and records where the
//! same annotation has other values as a conflict, never overwriting ours (`matching`
//! says which are the same). Two tabs that both edited it are joined in `sync`.

use std::collections::HashMap;
use std::rc::Rc;

mod matching;
mod tags;

use crate::anchor::{UpdateSummary, update_text};
use crate::conflict::{differences, same_version};
use crate::formats::{FileTags, Imported};
use crate::model::{Annotation, AnnotationId, Conflict, Workspace};
use matching::{Match, matches};
use tags::{adopt_tags, name_tags};

/// What `merge_import` did, as counts; the app words it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Annotations of the file added to the article.
    pub added: usize,
    /// Annotations of the file the article already had: duplicates (the same values), and
    /// conflicts an earlier merge recorded as they are.
    pub already_here: usize,
    /// Annotations of the file that are one of the article's with other values: the
    /// article's kept, theirs recorded as a conflict (`Workspace::conflicts`).
    pub conflicts: usize,
    /// When the file's text differed from the article's: how its annotations were
    /// re-anchored onto the article's text before being added.
    pub reanchored: Option<UpdateSummary>,
    /// What happened to the tags.
    pub tags: TagsMerged,
}

/// How a file's tags joined the article's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagsMerged {
    /// Tags the article did not have.
    pub added: usize,
    /// Tags both had, that the file gave another label, colour or hotkey.
    pub changed: usize,
    /// Entity types the article did not have.
    pub entity_types_added: usize,
    /// Tags only the article had that gave way to the file's (a hotkey or a label the
    /// file now uses), in the set's order.
    pub gave_way: Vec<GaveWay>,
}

/// A tag of ours that gave way to one of the file's: its label and hotkey before and
/// after (an empty hotkey: none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GaveWay {
    /// The label before.
    pub label_before: String,
    /// The label after (the same unless the file now uses it).
    pub label: String,
    /// The hotkey before.
    pub hotkey_before: String,
    /// The hotkey after (empty: none).
    pub hotkey: String,
}

fn same_text(a: &Workspace, b: &Workspace) -> bool {
    a.document.text() == b.document.text()
}

fn same_article(a: &Workspace, b: &Workspace) -> bool {
    a.document.title().to_lowercase() == b.document.title().to_lowercase()
}

/// Adds to `current` the annotations of `incoming` it does not have yet, when both are on
/// the same article: the same text, or the same title with a re-copied or edited text, in
/// which case the incoming annotations are first re-anchored onto the open text. `None`
/// for another article. Where the file has one of our annotations with other values, ours
/// is kept and theirs recorded as a conflict (see `add_new`). Importing the same file
/// twice adds nothing and records nothing.
///
/// The file's tags come too (see `adopt_tags` and `name_tags`), with the annotations and
/// conflicts in the same workspace, so undoing the import (one step of
/// `Editor::transform`) takes all of them out.
pub fn merge_import(current: &Workspace, incoming: &Imported) -> Option<(Workspace, MergeSummary)> {
    let file = &incoming.workspace;
    if same_text(current, file) {
        return Some(add_new(current, file, incoming.tags, incoming.spans_only, None));
    }
    if !same_article(current, file) {
        return None;
    }
    let (moved, summary) = update_text(file, (*current.document).clone());
    Some(add_new(current, &moved, incoming.tags, incoming.spans_only, Some(summary)))
}

/// Adds what `current` lacks and records what differs (see [`matching::matches`] for
/// which of the file's annotations are ours): a duplicate is left out; a new one is added
/// as the file has it (its creator too); a conflict keeps ours and records theirs, unless
/// that very version is already recorded. Links of what comes in are pointed at the
/// annotations they now are: a link to their duplicate of our source is a link to ours.
fn add_new(
    current: &Workspace,
    incoming: &Workspace,
    tags: FileTags,
    spans_only: bool,
    reanchored: Option<UpdateSummary>,
) -> (Workspace, MergeSummary) {
    let (tagset, retag, tags) = match tags {
        // `import_json` only says `Defined` of a set that passed `check`; a hand-made
        // `Imported` that breaks it is not allowed to break ours.
        FileTags::Defined if incoming.tagset().check().is_ok() => {
            let (tagset, merged) = adopt_tags(current.tagset(), incoming.tagset());
            (tagset, HashMap::new(), merged)
        }
        _ => name_tags(current.tagset(), incoming),
    };
    let theirs: Vec<Rc<Annotation>> = incoming
        .annotations()
        .iter()
        .map(|a| match retag.get(&a.tag) {
            Some(&tag) => Rc::new(Annotation { tag, ..(**a).clone() }),
            None => a.clone(),
        })
        .collect();
    let found = matches(current, &theirs, spans_only);
    let now_is: HashMap<AnnotationId, AnnotationId> = theirs
        .iter()
        .zip(&found)
        .filter_map(|(t, m)| match m {
            Match::Duplicate(o) | Match::Conflict(o) => Some((t.id, *o)),
            Match::New => None,
        })
        .collect();
    let pointed = |t: &Annotation| -> Rc<Annotation> {
        let mut sources: Vec<AnnotationId> = Vec::new();
        for s in t.sources.iter().map(|s| now_is.get(s).copied().unwrap_or(*s)) {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        Rc::new(Annotation { sources, ..t.clone() })
    };
    let mut summary = MergeSummary { reanchored, tags, ..MergeSummary::default() };
    let mut all = current.annotations().to_vec();
    let mut conflicts: Vec<Conflict> = current.conflicts().to_vec();
    for (t, m) in theirs.iter().zip(found) {
        match m {
            Match::New => {
                all.push(if t.sources.iter().any(|s| now_is.contains_key(s)) {
                    pointed(t)
                } else {
                    t.clone()
                });
                summary.added += 1;
            }
            Match::Duplicate(_) => summary.already_here += 1,
            Match::Conflict(o) => {
                let theirs = pointed(t);
                let ours = current.get(o).expect("matched to one of ours");
                let known = current.conflict(o).is_some_and(|c| same_version(&c.theirs, &theirs));
                if known || spans_only || differences(ours, &theirs).is_empty() {
                    summary.already_here += 1;
                } else {
                    conflicts.push(Conflict { ours: o, theirs });
                    summary.conflicts += 1;
                }
            }
        }
    }
    let merged = Workspace::with_annotations((*current.document).clone(), all, tagset);
    (merged.with_conflicts(conflicts), summary)
}

#[cfg(test)]
#[path = "merge_conflict_tests.rs"]
mod conflict_tests;
#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;

//! Taking B's side of one line of a comparison into A: what "Take B's" does, as the
//! workspace A becomes (the editor records it as one undoable step, `Editor::transform`).

use crate::anchor::update_text;
use crate::model::{Annotation, AnnotationId, Workspace};

use super::{DiffEntry, Difference};

/// B's annotations placed on A's text (re-anchored by quote when the texts differ, as
/// `compare` does), so that B's ids in a diff and its links can be found on A's text.
fn placed(a: &Workspace, b: &Workspace) -> Workspace {
    if a.document.text() == b.document.text() { b.clone() } else { update_text(b, (*a.document).clone()).0 }
}

/// B's sources of `theirs`, as A's annotations with the same tag and span (links to
/// annotations A lacks are left out: there is nothing of A's to point at).
fn sources_in_a(a: &Workspace, b: &Workspace, theirs: &Annotation) -> Vec<AnnotationId> {
    theirs
        .sources
        .iter()
        .filter_map(|id| b.get(*id).filter(|s| !s.orphan))
        .filter_map(|s| {
            a.annotations().iter().find(|x| !x.orphan && x.tag == s.tag && x.range() == s.range())
        })
        .map(|x| x.id)
        .collect()
}

/// `a` with B's side of `entry` taken from `b`: B's values (note, status, entity type,
/// sources, creator) onto A's annotation when they differ; B's annotation added as
/// `new_id` (made `now`) when only B has it; A's taken out, with its links from claims,
/// when only A has it. Alike in both: `a` as it is.
pub fn take_b(a: &Workspace, b: &Workspace, entry: &DiffEntry, new_id: AnnotationId, now: &str) -> Workspace {
    let b = placed(a, b);
    let mut out = a.clone();
    let with_theirs = |mine: Annotation, theirs: &Annotation| Annotation {
        note: theirs.note.clone(),
        status: theirs.status,
        entity_type: theirs.entity_type.clone(),
        sources: sources_in_a(a, &b, theirs),
        creator: theirs.creator.clone(),
        ..mine
    };
    match &entry.difference {
        Difference::Both { .. } => {}
        Difference::Changed { a: mine, b: theirs, .. } => {
            if let (Some(mine), Some(theirs)) = (a.get(*mine), b.get(*theirs)) {
                out.replace(with_theirs(mine.clone(), theirs));
            }
        }
        Difference::OnlyB(theirs) => {
            if let Some(theirs) = b.get(*theirs) {
                let fresh = Annotation::new(&a.document, entry.start..entry.end, entry.tag, new_id, now);
                let mut tagset = (**out.tagset()).clone();
                tagset.ensure(entry.tag);
                out.put_tagset(std::rc::Rc::new(tagset));
                out.insert(with_theirs(fresh, theirs));
            }
        }
        Difference::OnlyA(mine) => {
            let citing: Vec<Annotation> = a.citing(*mine).map(|c| (**c).clone()).collect();
            for mut claim in citing {
                claim.sources.retain(|s| s != mine);
                out.replace(claim);
            }
            out.remove(*mine);
            // Its conflict goes with it, as a deletion takes it.
            let kept: Vec<_> = out.conflicts().iter().filter(|c| c.ours != *mine).cloned().collect();
            out = out.with_conflicts(kept);
        }
    }
    out
}

#[cfg(test)]
#[path = "take_tests.rs"]
mod tests;

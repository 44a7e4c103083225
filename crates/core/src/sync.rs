//! Keeping browser tabs on the same document in step.
//!
//! Each tab saves its whole workspace; the others hear of it (the browser's `storage`
//! event) and join it with their own state. A three-way merge needs the state both sides
//! last shared, which two tabs saving at once cannot know (each save crosses the other's,
//! and then a tab takes the other's missing annotations for deletions). So the join needs
//! no base: annotations are matched by id, the later edit of one wins, and deletions are
//! remembered as *marks* (which id, when, deleted or brought back by an undo), saved next
//! to the document. Joining is order-free and repeatable, so however the saves interleave,
//! the tabs end up the same and nothing either made is lost unless one deleted it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::anchor::{PositionMap, conflicts_on, reanchored};
use crate::model::{Annotation, AnnotationId, Document, Workspace};

/// Marks kept per document; the oldest are forgotten past this (a deletion older than
/// a thousand others is long known to every tab, and each save writes them all).
const KEPT_MARKS: usize = 1_000;

/// What happened to one annotation last: deleted, or brought back (undo), and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// When: an RFC 3339 time from the caller, compared as a string (the later mark wins).
    pub at: String,
    /// Deleted (`true`) or brought back (`false`).
    pub gone: bool,
}

/// The sync state saved beside a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// The last deletion or restoration of each annotation that had one.
    #[serde(default)]
    pub annotations: BTreeMap<AnnotationId, Mark>,
    /// When the tag set was last changed (the later change wins).
    #[serde(default)]
    pub tagset_at: Option<String>,
    /// When the title was last changed (the later change wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_at: Option<String>,
    /// When the article's metadata was last changed (the later change wins, as the
    /// title's does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta_at: Option<String>,
    /// When the text itself was last changed, by Update text (the later text wins, and
    /// the other side's annotations are re-anchored onto it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_at: Option<String>,
    /// When the list of conflicts was last changed, by a merge, a resolution or the
    /// deletion of an annotation in conflict (the later list wins, as the tag set does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts_at: Option<String>,
}

impl Marks {
    /// Both tabs' marks: for each annotation, the later one (a deletion on a tie).
    fn join(&mut self, other: &Marks) {
        for (id, mark) in &other.annotations {
            let later = self.annotations.get(id).is_none_or(|m| (&mark.at, mark.gone) > (&m.at, m.gone));
            if later {
                self.annotations.insert(*id, mark.clone());
            }
        }
        self.tagset_at = self.tagset_at.clone().max(other.tagset_at.clone());
        self.title_at = self.title_at.clone().max(other.title_at.clone());
        self.meta_at = self.meta_at.clone().max(other.meta_at.clone());
        self.text_at = self.text_at.clone().max(other.text_at.clone());
        self.conflicts_at = self.conflicts_at.clone().max(other.conflicts_at.clone());
        if self.annotations.len() > KEPT_MARKS {
            let mut by_age: Vec<_> = self.annotations.iter().map(|(id, m)| (m.at.clone(), *id)).collect();
            by_age.sort();
            for (_, id) in &by_age[..by_age.len() - KEPT_MARKS] {
                self.annotations.remove(id);
            }
        }
    }

    fn gone(&self, id: &AnnotationId) -> bool {
        self.annotations.get(id).is_some_and(|m| m.gone)
    }
}

fn ids(ws: &Workspace) -> FxHashSet<AnnotationId> {
    ws.annotations().iter().map(|a| a.id).collect()
}

/// The ids of `old` and of `new` that the other list lacks at the same place, for two
/// lists in `order_key` order: an annotation removed, added, or moved (then in both).
fn unmatched(
    old: &[Rc<Annotation>],
    new: &[Rc<Annotation>],
) -> (HashSet<AnnotationId>, HashSet<AnnotationId>) {
    let (mut gone, mut came) = (HashSet::new(), HashSet::new());
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        let (a, b) = (&old[i], &new[j]);
        let (ka, kb) = (a.order_key(), b.order_key());
        if Rc::ptr_eq(a, b) || ka == kb {
            (i, j) = (i + 1, j + 1);
        } else if ka < kb {
            gone.insert(a.id);
            i += 1;
        } else {
            came.insert(b.id);
            j += 1;
        }
    }
    gone.extend(old[i..].iter().map(|a| a.id));
    came.extend(new[j..].iter().map(|a| a.id));
    (gone, came)
}

/// Whether `a` is the later of two versions of one annotation. Every tab must pick the same
/// one, so versions edited in the same millisecond are ordered by their content.
fn later(a: &Annotation, b: &Annotation) -> bool {
    a.modified > b.modified || (a.modified == b.modified && format!("{a:?}") > format!("{b:?}"))
}

/// What one tab knows: the marks, and its own state when it last looked.
#[derive(Debug)]
pub struct TabSync {
    marks: Marks,
    /// This tab's workspace when its changes were last noted.
    seen: Workspace,
    /// The ids of `seen`'s annotations, kept up to date by what each change adds or takes.
    seen_ids: FxHashSet<AnnotationId>,
    /// What storage holds, as far as this tab knows.
    stored: Option<(Workspace, Marks)>,
}

impl TabSync {
    /// Starts from what was loaded: the saved workspace and marks (`None`: nothing saved).
    pub fn new(current: &Workspace, stored: Option<(Workspace, Marks)>) -> Self {
        let marks = stored.as_ref().map(|(_, m)| m.clone()).unwrap_or_default();
        Self { marks, seen: current.clone(), seen_ids: ids(current), stored }
    }

    /// The marks as they stand, to be saved beside the document.
    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    /// Notes what this tab changed since it last looked: annotations deleted, or back
    /// after an undo, and a changed tag set, as of `now`.
    pub fn observe(&mut self, local: &Workspace, now: &str) {
        if *local == self.seen {
            return;
        }
        // Run after every edit, so it must not cost a book's worth of hashing: both lists
        // are in `order_key` order, and a walk through them leaves aside only what differs.
        let (before, after) = unmatched(self.seen.annotations(), local.annotations());
        for id in before.iter().filter(|id| !after.contains(id)) {
            self.marks.annotations.insert(*id, Mark { at: now.to_owned(), gone: true });
        }
        for id in &before {
            self.seen_ids.remove(id);
        }
        self.seen_ids.extend(after.iter().copied());
        // Marked gone but here again (an undone delete, a re-import).
        let back: Vec<AnnotationId> = self
            .marks
            .annotations
            .iter()
            .filter(|(id, m)| m.gone && self.seen_ids.contains(*id))
            .map(|(id, _)| *id)
            .collect();
        for id in back {
            self.marks.annotations.insert(id, Mark { at: now.to_owned(), gone: false });
        }
        if local.tagset() != self.seen.tagset() {
            self.marks.tagset_at = Some(now.to_owned());
        }
        if local.conflicts() != self.seen.conflicts() {
            self.marks.conflicts_at = Some(now.to_owned());
        }
        if local.document.title() != self.seen.document.title() {
            self.marks.title_at = Some(now.to_owned());
        }
        if local.document.meta() != self.seen.document.meta() {
            self.marks.meta_at = Some(now.to_owned());
        }
        // New links come with a version of the text (the same words or not): one mark.
        if !local.document.same_content(&self.seen.document) {
            self.marks.text_at = Some(now.to_owned());
        }
        self.seen = local.clone();
    }

    /// Whether storage already holds exactly `ws` and this tab's marks (saving them again
    /// would be wasted work).
    pub fn holds(&self, ws: &Workspace) -> bool {
        self.stored.as_ref().is_some_and(|(stored, marks)| stored == ws && *marks == self.marks)
    }

    /// Records that this tab saved `ws` with `marks()`.
    pub fn wrote(&mut self, ws: Workspace) {
        self.stored = Some((ws, self.marks.clone()));
    }

    /// Another tab saved `remote` with `marks`; `local` is what this tab has now. Returns
    /// both together: each annotation's later version unless it was deleted, the later
    /// title, metadata, tag set, text and list of conflicts (less those of annotations gone); annotations made on an older text are re-anchored onto
    /// the newer one, so a text update racing an addition loses neither.
    pub fn received(&mut self, remote: Workspace, marks: &Marks, local: &Workspace, now: &str) -> Workspace {
        self.observe(local, now);
        let (ours, theirs) = (&self.marks, marks);
        let tags_ours = ours_later(&ours.tagset_at, &theirs.tagset_at, || {
            format!("{:?}", local.tagset()) > format!("{:?}", remote.tagset())
        });
        let title_ours =
            ours_later(&ours.title_at, &theirs.title_at, || local.document.title() > remote.document.title());
        let meta_ours = ours_later(&ours.meta_at, &theirs.meta_at, || {
            format!("{:?}", local.document.meta()) > format!("{:?}", remote.document.meta())
        });
        let text_ours = ours_later(&ours.text_at, &theirs.text_at, || {
            (local.document.text(), local.document.links())
                > (remote.document.text(), remote.document.links())
        });
        let conflicts_ours = ours_later(&ours.conflicts_at, &theirs.conflicts_at, || {
            format!("{:?}", local.conflicts()) > format!("{:?}", remote.conflicts())
        });
        self.marks.join(marks);
        self.stored = Some((remote.clone(), marks.clone()));

        let (newer, older) = if text_ours { (local, &remote) } else { (&remote, local) };
        let title = if title_ours { local.document.title() } else { remote.document.title() };
        let meta = if meta_ours { local.document.shared_meta() } else { remote.document.shared_meta() };
        let document = Document::dressed(&newer.document, title, meta);
        let map = (older.document.text() != document.text())
            .then(|| PositionMap::new(older.document.text(), document.text()));
        let mut all: HashMap<AnnotationId, (&Rc<Annotation>, bool)> = HashMap::new();
        let sides = [(newer, false), (older, true)];
        for (a, on_older) in
            sides.iter().flat_map(|(ws, old)| ws.annotations().iter().map(move |a| (a, *old)))
        {
            if !all.get(&a.id).is_some_and(|(b, _)| later(b, a)) {
                all.insert(a.id, (a, on_older));
            }
        }
        let tagset = if tags_ours { local.tagset() } else { remote.tagset() };
        let kept: Vec<Rc<Annotation>> = all
            .into_values()
            .filter(|(a, _)| !self.marks.gone(&a.id))
            .map(|(a, on_older)| match &map {
                Some(map) if on_older => Rc::new(reanchored(map, &document, a).0),
                _ => a.clone(),
            })
            .collect();
        let conflicts = if conflicts_ours { local.conflicts() } else { remote.conflicts() };
        let conflicts = match &map {
            Some(map) if conflicts_ours != text_ours => conflicts_on(map, &document, conflicts),
            _ => conflicts.to_vec(),
        };
        let joined = Workspace::with_shared(document, kept, (**tagset).clone()).with_conflicts(conflicts);
        self.seen = joined.clone();
        self.seen_ids = ids(&joined);
        joined
    }
}

/// Whether our change (at `ours`) is the later one; on a tie every tab must pick the same
/// side, so `tie` decides by content.
fn ours_later(ours: &Option<String>, theirs: &Option<String>, tie: impl FnOnce() -> bool) -> bool {
    match ours.cmp(theirs) {
        std::cmp::Ordering::Equal => tie(),
        order => order == std::cmp::Ordering::Greater,
    }
}

/// `theirs` with what `mine` changed since `base` replayed onto it: for a join worked out
/// against `base` that arrives after this tab already moved on to `mine` (an edit made in
/// between must not be undone by it). `base` is exactly what both started from, so a
/// three-way replay is sound here.
pub fn rebase(base: &Workspace, mine: &Workspace, theirs: &Workspace) -> Workspace {
    let title_here = mine.document.title() != base.document.title();
    let text_here = !mine.document.same_content(&base.document);
    let title = if title_here { mine.document.title() } else { theirs.document.title() };
    let meta_here = mine.document.meta() != base.document.meta();
    let meta = if meta_here { mine.document.shared_meta() } else { theirs.document.shared_meta() };
    let document = Document::dressed(if text_here { &mine.document } else { &theirs.document }, title, meta);
    // Their annotations sit on their text; on the text just updated here, found again.
    let map = (theirs.document.text() != document.text())
        .then(|| PositionMap::new(theirs.document.text(), document.text()));
    let mut all: HashMap<AnnotationId, Rc<Annotation>> = theirs
        .annotations()
        .iter()
        .map(|a| (a.id, map.as_ref().map_or_else(|| a.clone(), |m| Rc::new(reanchored(m, &document, a).0))))
        .collect();
    for a in mine.annotations() {
        if base.get(a.id) != Some(&**a) {
            all.insert(a.id, a.clone()); // added or changed here
        }
    }
    let here: HashSet<AnnotationId> = mine.annotations().iter().map(|a| a.id).collect();
    for a in base.annotations().iter().filter(|a| !here.contains(&a.id)) {
        all.remove(&a.id); // deleted here
    }
    let tagset = if mine.tagset() != base.tagset() { mine.tagset() } else { theirs.tagset() };
    let conflicts = match &map {
        _ if mine.conflicts() != base.conflicts() => mine.conflicts().to_vec(),
        Some(map) => conflicts_on(map, &document, theirs.conflicts()),
        None => theirs.conflicts().to_vec(),
    };
    Workspace::with_shared(document, all.into_values(), (**tagset).clone()).with_conflicts(conflicts)
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;

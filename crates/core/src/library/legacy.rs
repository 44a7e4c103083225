//! Moving data of the earlier layouts into this one, possibly from one store into another
//! (localStorage → IndexedDB):
//!
//! - the first version's single key [`LEGACY_KEY`], a native export;
//! - the layout before this one: [`OLD_DOC_PREFIX`]`<id>` holding a whole native export
//!   with `revision`, [`OLD_SYNC_PREFIX`]`<id>` its marks, [`OLD_CURRENT_KEY`], and the one
//!   backup key [`OLD_BACKUP_KEY`].
//!
//! Every move writes the new records, reads them back and compares them with what was
//! moved, and only then removes the old keys: a failure anywhere leaves the old keys as
//! they were, and running the move again finishes it. Values that cannot be read are set
//! aside in the store they are in (the only place they can be copied byte for byte).

use std::collections::HashSet;

use sha2::{Digest, Sha256};

use super::error::{LibraryError, Problem};
use super::read::{self, back_up, set_aside};
use super::records::{self, CURRENT_KEY, DOC_PREFIX, DocRecord, META_PREFIX, id_after, meta_key};
use super::save::{self, Cached};
use super::store::{Store, StoreError, Write};
use crate::formats::{ImportError, Imported, import_json};
use crate::model::{AnnotationId, Workspace};
use crate::sync::Marks;

/// Where the first version kept its single workspace.
pub const LEGACY_KEY: &str = "article-annotator.workspace";
/// The previous layout: one whole native export per document.
pub const OLD_DOC_PREFIX: &str = "article-annotator.doc.";
/// The previous layout: each document's tab-sync marks.
pub const OLD_SYNC_PREFIX: &str = "article-annotator.sync.";
/// The previous layout: the document open last.
pub const OLD_CURRENT_KEY: &str = "article-annotator.current";
/// The previous layout's single backup of unreadable data.
pub const OLD_BACKUP_KEY: &str = "article-annotator.workspace.unreadable";

/// What a move did.
#[derive(Debug, Default, PartialEq)]
pub struct Moved {
    /// Documents now stored in this layout (and gone from the old one).
    pub moved: Vec<AnnotationId>,
    /// What was found on the way, or could not be moved.
    pub problems: Vec<Problem>,
}

/// The old layout's store and the new one's, which may be the same.
enum Stores<'a> {
    One(&'a mut dyn Store),
    Two { from: &'a mut dyn Store, to: &'a mut dyn Store },
}

impl Stores<'_> {
    fn from(&mut self) -> &mut dyn Store {
        match self {
            Stores::One(s) => *s,
            Stores::Two { from, .. } => *from,
        }
    }

    fn to(&mut self) -> &mut dyn Store {
        match self {
            Stores::One(s) => *s,
            Stores::Two { to, .. } => *to,
        }
    }
}

/// Moves every earlier layout's data in `from` into this layout in `to`.
pub fn migrate(from: &mut dyn Store, to: &mut dyn Store) -> Moved {
    run(Stores::Two { from, to })
}

/// Moves every earlier layout's data in `store` into this layout in the same store.
pub fn migrate_within(store: &mut dyn Store) -> Moved {
    run(Stores::One(store))
}

fn run(mut stores: Stores) -> Moved {
    let mut out = Moved::default();
    move_old_backup(&mut stores, &mut out);
    match stores.from().keys(OLD_DOC_PREFIX) {
        Ok(keys) => keys.iter().for_each(|key| move_old_document(&mut stores, key, &mut out)),
        Err(e) => out.problems.push(not_moved(OLD_DOC_PREFIX, e.into())),
    }
    adopt_first_version(&mut stores, &mut out);
    move_current(&mut stores, &mut out);
    out
}

fn not_moved(key: &str, error: LibraryError) -> Problem {
    Problem::NotMoved { key: key.to_owned(), error }
}

/// The old single backup goes under a backup key of its own, like every other.
fn move_old_backup(stores: &mut Stores, out: &mut Moved) {
    let from = stores.from();
    if !matches!(from.get(OLD_BACKUP_KEY), Ok(Some(_))) {
        return;
    }
    let moved = back_up(from, OLD_BACKUP_KEY)
        .and_then(|_| from.commit(vec![Write::Delete { key: OLD_BACKUP_KEY.to_owned() }]));
    if let Err(e) = moved {
        out.problems.push(not_moved(OLD_BACKUP_KEY, e.into()));
    }
}

/// How a document landed in the new layout.
#[derive(Debug, PartialEq)]
enum Placed {
    /// Written now, and read back the same.
    Written,
    /// The new layout already held exactly this.
    Same,
    /// The new layout already holds a different complete document under this id (saved
    /// there since): it is kept, and the old value is not written over it.
    Differs,
}

/// Writes document `id` as `ws` into the new layout, unless a complete one is there, and
/// checks that it reads back the same.
fn place(
    to: &mut dyn Store,
    id: AnnotationId,
    ws: &Workspace,
    revision: u64,
    marks: &Marks,
) -> Result<Placed, LibraryError> {
    let same = |loaded: &read::Loaded| loaded.workspace == *ws && loaded.marks == *marks;
    match read::read(to, id) {
        Ok(there) => return Ok(if same(&there.loaded) { Placed::Same } else { Placed::Differs }),
        Err(LibraryError::Missing(_)) => {}
        Err(e) => return Err(e),
    }
    // Primed from the keys, so records of an earlier attempt cut short are replaced.
    let plan = save::plan(&Cached::primed(to, id, &HashSet::new())?, id, ws, revision, marks);
    let written =
        to.commit(plan.writes).map_err(LibraryError::from).and_then(|()| match read::read(to, id) {
            Ok(back) if same(&back.loaded) && back.loaded.revision == revision => Ok(Placed::Written),
            Ok(_) => Err(LibraryError::Mismatch(id)),
            Err(e) => Err(e),
        });
    if written.is_err() {
        // Unlisted again, so the next attempt starts over; the old keys are untouched.
        let _ = to.commit(vec![Write::Delete { key: meta_key(id) }]);
    }
    written
}

/// The readable part of an old value goes on; the whole value is first copied aside.
fn keep_whole(from: &mut dyn Store, key: &str, imported: &Imported, out: &mut Moved) -> bool {
    if imported.skipped.is_empty() {
        return true;
    }
    let error = ImportError::Shape(crate::formats::skipped_lines(&imported.skipped));
    let kept = match back_up(from, key) {
        Ok(backup) => super::Kept::Aside { backup },
        Err(error) => super::Kept::NotKept { error },
    };
    let aside = kept.is_aside();
    out.problems.push(Problem::Unreadable { key: key.to_owned(), error, kept });
    aside
}

/// Removes old keys once their data is safely in the new layout.
fn remove(from: &mut dyn Store, keys: &[String]) -> Result<(), StoreError> {
    from.commit(keys.iter().map(|key| Write::Delete { key: key.clone() }).collect())
}

/// Moves one document of the previous layout.
fn move_old_document(stores: &mut Stores, key: &str, out: &mut Moved) {
    let Some(id) = id_after(key, OLD_DOC_PREFIX) else { return };
    let sync = format!("{OLD_SYNC_PREFIX}{id}");
    let raw = match stores.from().get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return,
        Err(e) => return out.problems.push(not_moved(key, e.into())),
    };
    let imported = match import_json(&raw) {
        Ok(imported) => imported,
        Err(ImportError::NewerSchema { found }) => return out.problems.push(Problem::Newer { id, found }),
        Err(error) => {
            let kept = set_aside(stores.from(), key);
            if kept.is_aside() {
                let _ = remove(stores.from(), &[sync]);
            }
            return out.problems.push(Problem::Unreadable { key: key.to_owned(), error, kept });
        }
    };
    // Marks only refine merging; unreadable ones are dropped, as the old layout did.
    let marks = match stores.from().get(&sync) {
        Ok(raw) => raw.and_then(|raw| records::parse_marks(&raw).ok()).unwrap_or_default(),
        Err(e) => return out.problems.push(not_moved(&sync, e.into())),
    };
    let revision = imported.revision.unwrap_or(0);
    match place(stores.to(), id, &imported.workspace, revision, &marks) {
        Ok(Placed::Differs) => {
            let kept = set_aside(stores.from(), key);
            if kept.is_aside() {
                let _ = remove(stores.from(), &[sync]);
            }
            out.problems.push(Problem::Superseded { key: key.to_owned(), id, kept });
        }
        Ok(_) => {
            if keep_whole(stores.from(), key, &imported, out) {
                match remove(stores.from(), &[key.to_owned(), sync]) {
                    Ok(()) => out.moved.push(id),
                    Err(e) => out.problems.push(not_moved(key, e.into())),
                }
            }
        }
        Err(error) => out.problems.push(not_moved(key, error)),
    }
}

/// The id the first version's workspace gets: derived from its content, so that a move
/// tried again after a failure lands on the same document.
fn legacy_id(raw: &str) -> AnnotationId {
    let digest = Sha256::digest(format!("{LEGACY_KEY}\n{raw}").as_bytes());
    let mut bytes = [0; 16];
    bytes.copy_from_slice(&digest[..16]);
    AnnotationId::from_random_bytes(bytes)
}

/// A complete document in `store` with exactly `ws`'s content, if any.
fn same_content(store: &mut dyn Store, ws: &Workspace) -> Result<Option<AnnotationId>, LibraryError> {
    let texts: HashSet<AnnotationId> =
        store.keys(DOC_PREFIX)?.iter().filter_map(|k| id_after(k, DOC_PREFIX)).collect();
    let sha = ws.document.sha256();
    for id in store.keys(META_PREFIX)?.iter().filter_map(|k| id_after(k, META_PREFIX)) {
        let Some(raw) = texts.contains(&id).then(|| store.get(&records::doc_key(id))).transpose()?.flatten()
        else {
            continue;
        };
        if records::parse::<DocRecord>(&raw).is_ok_and(|d| d.sha256 == sha)
            && read::read(store, id).is_ok_and(|r| r.loaded.workspace == *ws)
        {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// The first version's workspace becomes a document of its own (or is recognised as one
/// already stored); it never replaces another document.
fn adopt_first_version(stores: &mut Stores, out: &mut Moved) {
    let key = LEGACY_KEY;
    let raw = match stores.from().get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return,
        Err(e) => return out.problems.push(not_moved(key, e.into())),
    };
    let id = legacy_id(&raw);
    let imported = match import_json(&raw) {
        Ok(imported) => imported,
        Err(ImportError::NewerSchema { found }) => return out.problems.push(Problem::Newer { id, found }),
        Err(error) => {
            let kept = set_aside(stores.from(), key);
            return out.problems.push(Problem::Unreadable { key: key.to_owned(), error, kept });
        }
    };
    let ws = &imported.workspace;
    let placed = match same_content(stores.to(), ws) {
        Ok(Some(existing)) => Ok((existing, Placed::Same)),
        Ok(None) => {
            place(stores.to(), id, ws, imported.revision.unwrap_or(0), &Marks::default()).map(|p| (id, p))
        }
        Err(e) => Err(e),
    };
    match placed {
        Ok((id, Placed::Differs)) => {
            let kept = set_aside(stores.from(), key);
            out.problems.push(Problem::Superseded { key: key.to_owned(), id, kept });
        }
        Ok((id, _)) => {
            if keep_whole(stores.from(), key, &imported, out) {
                match remove(stores.from(), &[key.to_owned()]) {
                    Ok(()) => {
                        out.moved.push(id);
                        out.problems.push(Problem::Adopted { key: key.to_owned(), id });
                    }
                    Err(e) => out.problems.push(not_moved(key, e.into())),
                }
            }
        }
        Err(error) => out.problems.push(not_moved(key, error)),
    }
}

/// The old "open last" mark moves once the document it names is moved (or gone).
fn move_current(stores: &mut Stores, out: &mut Moved) {
    let Ok(Some(raw)) = stores.from().get(OLD_CURRENT_KEY) else { return };
    let id: Option<AnnotationId> = raw.parse().ok();
    let still_old =
        id.is_some_and(|id| matches!(stores.from().get(&format!("{OLD_DOC_PREFIX}{id}")), Ok(Some(_))));
    if still_old {
        return; // its document is not moved yet: the mark moves with it, next time
    }
    let to = stores.to();
    let moved = match (id, to.get(CURRENT_KEY)) {
        (Some(id), Ok(None)) if matches!(to.get(&meta_key(id)), Ok(Some(_))) => {
            to.commit(vec![Write::Put { key: CURRENT_KEY.to_owned(), value: id.to_string() }])
        }
        (_, Err(e)) => Err(e),
        _ => Ok(()),
    };
    let moved = moved.and_then(|()| remove(stores.from(), &[OLD_CURRENT_KEY.to_owned()]));
    if let Err(e) = moved {
        out.problems.push(not_moved(OLD_CURRENT_KEY, e.into()));
    }
}

//! Changes to the open document, as the reducer applies them: each goes through the
//! editor (so it can be undone), says what it did (announcements, notices) and keeps the
//! selection consistent.

use std::ops::Range;
use std::rc::Rc;

use annotator_core::compare::{DiffEntry, take_b};
use annotator_core::conflict::Resolution;
use annotator_core::formats::import_any;
use annotator_core::span::Edge;
use annotator_core::{
    AnnotationId, ClaimStatus, Document, Editor, Imported, Tag, TagSet, Workspace, merge_import, nudged,
    snap_selection, update_text,
};

use super::session::switch;
use super::{Notice, NoticeKind, State, notice, phrase};

/// A change to the open document. Each carries `now`, the time it is recorded as made
/// (other tabs take the latest), and those that create an annotation carry its id.
pub enum EditAction {
    /// Tag the pending selection.
    TagSelection {
        tag: Tag,
        id: AnnotationId,
        now: String,
    },
    /// A tag's hotkey was pressed: tag the pending selection with it, else retag the
    /// selected annotation.
    Hotkey {
        key: String,
        id: AnnotationId,
        now: String,
    },
    SetStatus {
        id: AnnotationId,
        status: ClaimStatus,
        now: String,
    },
    SetEntityType {
        id: AnnotationId,
        kind: String,
        now: String,
    },
    Link {
        claim: AnnotationId,
        source: AnnotationId,
        now: String,
    },
    Unlink {
        claim: AnnotationId,
        source: AnnotationId,
        now: String,
    },
    /// Move one end of the selected annotation by a word (or grapheme when not snapping).
    Nudge {
        edge: Edge,
        forward: bool,
        now: String,
    },
    /// Move an annotation's ends to a new range (dragging a handle), snapped.
    Resize {
        id: AnnotationId,
        range: Range<usize>,
        now: String,
    },
    SetTags {
        tags: TagSet,
        now: String,
    },
    Retag {
        id: AnnotationId,
        tag: Tag,
        now: String,
    },
    EditNote {
        id: AnnotationId,
        note: String,
        now: String,
    },
    Delete {
        id: AnnotationId,
        now: String,
    },
    DeleteSelected {
        now: String,
    },
    /// Undo and redo are changes made `now` (so that other tabs take them as the latest).
    /// Right after a document's deletion, undo asks for it back instead.
    Undo {
        now: String,
    },
    Redo {
        now: String,
    },
    /// Take `meta` as the article's details (Article ▸ Details…).
    SetMeta {
        meta: annotator_core::ArticleMeta,
        now: String,
    },
    /// Rename the open document.
    Rename {
        title: String,
        now: String,
    },
    /// A file to import (native, W3C or doccano), read as text; W3C anchors onto the open
    /// text. Merged into the open article when it is the same one, else opened as `new_id`.
    Import {
        name: String,
        raw: String,
        now: String,
        new_id: AnnotationId,
    },
    /// Settle the conflict a merge recorded for our annotation `ours`.
    Resolve {
        ours: AnnotationId,
        resolution: Resolution,
        now: String,
    },
    /// Take B's side of one line of the open comparison (`id`: for an annotation only B has).
    TakeB {
        entry: DiffEntry,
        id: AnnotationId,
        now: String,
    },
    /// A new version of the article's text: annotations are re-anchored onto it.
    UpdateText {
        document: Document,
        now: String,
    },
}

pub(super) fn reduce(s: &mut State, action: EditAction) -> bool {
    match action {
        EditAction::TagSelection { tag, id, now } => tag_selection(s, tag, id, &now),
        // With a suggestion selected, a and x are its keys before any tag's.
        EditAction::Hotkey { key, id, now }
            if s.ui.suggest.current().is_some() && matches!(key.as_str(), "a" | "A") =>
        {
            return super::suggest::reduce(s, super::SuggestAction::Accept { id, now });
        }
        EditAction::Hotkey { key, .. }
            if s.ui.suggest.current().is_some() && matches!(key.as_str(), "x" | "X") =>
        {
            return super::suggest::reduce(s, super::SuggestAction::Reject);
        }
        EditAction::Hotkey { key, id, now } => {
            let tags = s.workspace().tagset();
            match (tags.by_hotkey(&key), s.ui.selected) {
                (Some(tag), _) if s.ui.pending.is_some() => tag_selection(s, tag, id, &now),
                (Some(tag), Some(selected)) => {
                    let now_a = format!("Now {}", notice::a_or_an(&tags.label(tag)));
                    edit(s, |ed| ed.retag(selected, tag, &now));
                    s.feedback.announce(now_a);
                }
                // Not a tag's key: the selection stays, and the page says which keys tag.
                (None, _) if s.ui.pending.is_some() => {
                    let text = format!("“{key}” is not a tag’s key. {}", notice::how_to_tag(tags));
                    s.feedback.announce(text.clone());
                    s.feedback.notice = Some(Notice::info(text));
                }
                _ => return false,
            }
        }
        EditAction::SetStatus { id, status, now } => edit(s, |ed| ed.set_status(id, status, &now)),
        EditAction::SetEntityType { id, kind, now } => edit(s, |ed| ed.set_entity_type(id, &kind, &now)),
        EditAction::Link { claim, source, now } => link(s, claim, source, &now),
        EditAction::Unlink { claim, source, now } => {
            edit(s, |ed| ed.unlink(claim, source, &now));
            s.feedback.announce("Source unlinked");
        }
        EditAction::Nudge { edge, forward, now } => {
            let ws = s.workspace();
            let Some(a) = s.ui.selected.and_then(|id| ws.get(id)).filter(|a| !a.orphan) else {
                return false;
            };
            let Some(range) = nudged(&ws.document, a.range(), edge, forward, s.ui.snap_words) else {
                return false;
            };
            let id = a.id;
            edit(s, |ed| ed.resize(id, range, &now));
            let quote = s.workspace().get(id).map(|a| annotator_core::text::shorten(&a.exact, 80));
            s.feedback.announce(format!("Now “{}”", quote.unwrap_or_default()));
        }
        EditAction::Resize { id, range, now } => {
            let text = s.workspace().document.text();
            let Some(range) = snap_selection(text, range.start, range.end, s.ui.snap_words) else {
                return false;
            };
            edit(s, |ed| ed.resize(id, range, &now));
        }
        EditAction::SetTags { tags, now } => {
            edit(s, |ed| ed.set_tagset(tags, &now));
            let tags = s.session.editor.workspace().tagset();
            s.ui.filter.tag = s.ui.filter.tag.filter(|t| tags.get(*t).is_some());
        }
        EditAction::Retag { id, tag, now } => edit(s, |ed| ed.retag(id, tag, &now)),
        EditAction::EditNote { id, note, now } => edit(s, |ed| ed.set_note(id, &note, &now)),
        EditAction::Delete { id, now } => delete(s, id, &now),
        EditAction::DeleteSelected { now } => match s.ui.selected {
            Some(id) => delete(s, id, &now),
            None => return false,
        },
        EditAction::Undo { now } => match s.session.latest_deletion() {
            Some(t) => s.session.restoring = Some(t.deleted.id),
            None => {
                step(s, Editor::undo, &now);
                s.feedback.announce("Undone");
            }
        },
        EditAction::Redo { now } => {
            step(s, Editor::redo, &now);
            s.feedback.announce("Redone");
        }
        EditAction::SetMeta { meta, now } => {
            Rc::make_mut(&mut s.session.editor).set_meta(meta, &now);
            s.feedback.announce("Article details saved");
        }
        EditAction::Rename { title, now } => Rc::make_mut(&mut s.session.editor).rename(&title, &now),
        EditAction::Import { name, raw, now, new_id } => {
            match import_any(&s.workspace().document, &name, &raw, &now) {
                Ok(imported) => import(s, imported, &name, new_id, &now),
                Err(e) => s.feedback.notice = Some(Notice::error(format!("Could not import {name}: {e}"))),
            }
        }
        EditAction::Resolve { ours, resolution, now } => {
            edit(s, |ed| ed.resolve(ours, resolution, &now));
            s.feedback.announce(match resolution {
                Resolution::TakeTheirs => "Their version taken",
                Resolution::KeepMine => "Yours kept",
            });
        }
        EditAction::TakeB { entry, id, now } => {
            let Some(other) = s.ui.comparing.as_ref().map(|c| c.other.clone()) else { return false };
            let taken = take_b(s.workspace(), &other, &entry, id, &now);
            Rc::make_mut(&mut s.session.editor).transform(taken, &now);
            s.feedback.announce("B’s taken");
        }
        EditAction::UpdateText { document, now } => {
            let (workspace, summary) = update_text(s.workspace(), document);
            let summary = phrase::update_summary(&summary);
            let notice = Notice::info(format!("{summary} Undo (Ctrl+Z) brings back the old text."));
            transform(s, workspace, &now, notice);
        }
    }
    true
}

/// Applies an edit; a refused one becomes an error notice and changes nothing.
pub(super) fn edit<E: ToString>(s: &mut State, f: impl FnOnce(&mut Editor) -> Result<(), E>) {
    if let Err(e) = f(Rc::make_mut(&mut s.session.editor)) {
        s.feedback.notice = Some(Notice::error(e));
    }
}

/// Merges an import into the open article when it is the same one (undoable), else
/// opens it as a new document `new_id`.
fn import(s: &mut State, imported: Imported, name: &str, new_id: AnnotationId, now: &str) {
    let report = phrase::import_summary(&imported);
    let kind = if imported.skipped.is_empty() { NoticeKind::Info } else { NoticeKind::Error };
    match merge_import(s.workspace(), &imported) {
        Some((merged, summary)) => {
            let summary = phrase::merge_summary(&summary);
            let text = format!("Imported “{name}”: {report}. {summary} Undo (Ctrl+Z) takes them out again.");
            transform(s, merged, now, Notice { kind, text, action: None });
        }
        None => {
            let text = format!(
                "Imported “{name}”: {report}. It is a new document; the previous one is in the Library."
            );
            switch(s, new_id, imported.workspace, 0, false, Some(Notice { kind, text, action: None }));
        }
    }
}

/// Takes `workspace` as the open document's new state, as one undoable step.
fn transform(s: &mut State, workspace: Workspace, now: &str, notice: Notice) {
    Rc::make_mut(&mut s.session.editor).transform(workspace, now);
    let (caret, comparing) = (s.ui.caret, s.ui.comparing.take());
    s.ui.reset();
    (s.ui.caret, s.ui.comparing) = (caret, comparing);
    s.feedback.notice = Some(notice);
}

fn label(s: &State, id: AnnotationId) -> String {
    let ws = s.workspace();
    ws.get(id).map_or_else(|| "Annotation".to_owned(), |a| ws.tagset().label(a.tag))
}

fn tag_selection(s: &mut State, tag: Tag, id: AnnotationId, now: &str) {
    let Some(pending) = s.ui.pending.take() else {
        return;
    };
    edit(s, |ed| ed.add(pending.range, tag, id, now));
    s.ui.selected = s.workspace().get(id).map(|a| a.id);
    if s.ui.selected.is_some() {
        s.feedback.announce(format!("{} added", label(s, id)));
    }
}

fn delete(s: &mut State, id: AnnotationId, now: &str) {
    let label = label(s, id);
    edit(s, |ed| ed.delete(id, now));
    if s.workspace().get(id).is_none() {
        s.feedback.announce(format!("{label} deleted. Ctrl+Z undoes."));
    }
    s.ui.selected = s.ui.selected.filter(|sel| *sel != id);
    s.ui.linking = s.ui.linking.filter(|c| *c != id);
}

pub(super) fn link(s: &mut State, claim: AnnotationId, source: AnnotationId, now: &str) {
    edit(s, |ed| ed.link(claim, source, now));
    s.ui.linking = None;
    s.ui.selected = Some(claim);
    s.feedback.announce("Source linked to the claim");
}

fn step(s: &mut State, f: impl FnOnce(&mut Editor, &str) -> bool, now: &str) {
    if f(Rc::make_mut(&mut s.session.editor), now) {
        s.ui.pending = None;
        let ws = s.session.editor.workspace();
        s.ui.selected = s.ui.selected.filter(|id| ws.get(*id).is_some());
    }
}

//! The state's edits as the reducer applies them: each stamps the history, says what it
//! did (announcements, notices) and keeps the selection consistent.

use super::*;

impl State {
    /// Applies an edit; a refused one becomes an error notice and changes nothing.
    pub(super) fn edit<E: ToString>(&mut self, f: impl FnOnce(&mut Editor) -> Result<(), E>) {
        match f(Rc::make_mut(&mut self.editor)) {
            Ok(()) => self.revision += 1,
            Err(e) => self.notice = Some(Notice::error(e)),
        }
    }

    /// Merges an import into the open article when it is the same one (undoable), else
    /// opens it as a new document `new_id`.
    pub(super) fn import(&mut self, imported: Imported, name: &str, new_id: AnnotationId, now: &str) {
        let report = phrase::import_summary(&imported);
        let kind = if imported.skipped.is_empty() { NoticeKind::Info } else { NoticeKind::Error };
        match merge_import(self.workspace(), &imported) {
            Some((merged, summary)) => {
                let summary = phrase::merge_summary(&summary);
                let text =
                    format!("Imported “{name}”: {report}. {summary} Undo (Ctrl+Z) takes them out again.");
                self.transform(merged, now, Notice { kind, text, restore: None });
            }
            None => {
                let text = format!(
                    "Imported “{name}”: {report}. It is a new document; the previous one is in the Library."
                );
                self.switch(new_id, imported.workspace, 0, false, Some(Notice { kind, text, restore: None }));
            }
        }
    }

    /// Makes another document the open one, with its own undo history.
    pub(super) fn switch(
        &mut self,
        id: AnnotationId,
        workspace: Workspace,
        revision: u64,
        stored: bool,
        notice: Option<Notice>,
    ) {
        // Only the switch away from a deleted document skips its last save; a document
        // restored and reopened later is saved as usual.
        self.deleted_doc = None;
        self.editor = Rc::new(Editor::new(workspace));
        self.doc_id = id;
        self.doc_from_storage = stored;
        self.loaded_revision = revision;
        self.revision += 1;
        self.selected = None;
        self.pending = None;
        self.filter = Filter::default();
        self.linking = None;
        self.notice = notice;
    }

    /// Takes `workspace` as the open document's new state, as one undoable step.
    pub(super) fn transform(&mut self, workspace: Workspace, now: &str, notice: Notice) {
        Rc::make_mut(&mut self.editor).transform(workspace, now);
        self.revision += 1;
        self.selected = None;
        self.pending = None;
        self.filter = Filter::default();
        self.linking = None;
        self.notice = Some(notice);
    }

    pub(super) fn announce(&mut self, text: impl Into<String>) {
        self.announcement = (self.announcement.0 + 1, text.into());
    }

    pub(super) fn label(&self, id: AnnotationId) -> String {
        self.workspace()
            .get(id)
            .map_or_else(|| "Annotation".to_owned(), |a| self.workspace().tagset().label(a.tag))
    }

    pub(super) fn tag_selection(&mut self, tag: Tag, id: AnnotationId, now: &str) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        self.edit(|ed| ed.add(pending.range, tag, id, now));
        self.selected = self.workspace().get(id).map(|a| a.id);
        if self.selected.is_some() {
            self.announce(format!("{} added", self.label(id)));
        }
    }

    pub(super) fn delete(&mut self, id: AnnotationId, now: &str) {
        let label = self.label(id);
        self.edit(|ed| ed.delete(id, now));
        if self.workspace().get(id).is_none() {
            self.announce(format!("{label} deleted. Ctrl+Z undoes."));
        }
        self.selected = self.selected.filter(|sel| *sel != id);
        self.linking = self.linking.filter(|c| *c != id);
    }

    pub(super) fn link(&mut self, claim: AnnotationId, source: AnnotationId, now: &str) {
        self.edit(|ed| ed.link(claim, source, now));
        self.linking = None;
        self.selected = Some(claim);
        self.announce("Source linked to the claim");
    }

    pub(super) fn step(&mut self, f: impl FnOnce(&mut Editor, &str) -> bool, now: &str) {
        if f(Rc::make_mut(&mut self.editor), now) {
            self.revision += 1;
            self.pending = None;
            self.selected = self.selected.filter(|id| self.editor.workspace().get(*id).is_some());
        }
    }
}

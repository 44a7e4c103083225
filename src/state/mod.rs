//! App state, by concern: the open document and the library around it (`session`), what
//! the person is doing with it (`ui`), what the page says (`feedback`) and whether work is
//! being kept (`health`). Actions come in the same groups, each reduced in its own file.
//! The reducer is pure: ids and times arrive inside actions, and saving, files and the
//! keyboard are effects (`crate::effects`), never here.

mod action;
mod edit;
mod feedback;
mod handle;
mod health;
mod notice;
pub mod phrase;
mod session;
mod suggest;
mod ui;

use std::rc::Rc;

use annotator_core::{AnnotationId, Document, Workspace};
use yew::prelude::*;

pub use action::Action;
pub use edit::EditAction;
pub use feedback::{Feedback, FeedbackAction};
pub use handle::{Stamp, StateHandle, callback, stamped, use_app_state};
pub use health::{Health, HealthAction};
pub use notice::{Notice, NoticeAction, NoticeKind, tag_keys};
pub use session::{DocAction, Session, Trashed};
pub use suggest::{SuggestAction, Suggestions, count as suggestion_count};
pub use ui::{Comparing, Pending, Ui, UiAction};

/// The article shown when nothing has been saved yet (kept byte for byte).
pub const SAMPLE_TEXT: &str = include_str!("../../assets/seed-article.txt");
pub const SAMPLE_TITLE: &str = "China reached Japan’s sensitive defense networks: US paper";

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The open document, its editor, and the documents deleted in this visit.
    pub session: Session,
    /// Selection, linking, filter, caret and snapping.
    pub ui: Ui,
    /// The live region and the banner.
    pub feedback: Feedback,
    /// Whether storage works, how full it is, what start-up found wrong.
    pub health: Health,
}

impl State {
    pub fn new(doc_id: AnnotationId, workspace: Workspace, snap_words: bool) -> Self {
        Self {
            session: Session::new(doc_id, workspace),
            ui: Ui::new(snap_words),
            feedback: Feedback::default(),
            health: Health::default(),
        }
    }

    /// The sample article's document id: the same in every tab and every browser.
    pub fn sample_id() -> AnnotationId {
        "5a3b1e00-0000-4000-8000-5a3b1e5a3b1e".parse().expect("a valid UUID")
    }

    pub fn sample() -> Workspace {
        Workspace::new(Document::new(SAMPLE_TITLE, SAMPLE_TEXT))
    }

    pub fn workspace(&self) -> &Workspace {
        self.session.editor.workspace()
    }

    /// Changes with every change to the open document, and when another one opens: what
    /// saving and layout follow. 0 is the document as start-up found it. Derived from the
    /// editor, never bumped by hand.
    pub fn revision(&self) -> u64 {
        self.session.revision()
    }

    /// Whether changes can be written to storage at all.
    pub fn can_save(&self) -> bool {
        self.health.can_save()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let changed = match action {
            Action::Edit(a) => edit::reduce(&mut s, a),
            Action::Doc(a) => session::reduce(&mut s, a),
            Action::Ui(a) => ui::reduce(&mut s, a),
            Action::Suggest(a) => suggest::reduce(&mut s, a),
            Action::Feedback(a) => s.feedback.reduce(a),
            Action::Health(a) => s.health.reduce(a),
        };
        if !changed {
            return self;
        }
        if s.ui.selected != self.ui.selected {
            s.ui.caret_to_selected(s.session.editor.workspace());
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;

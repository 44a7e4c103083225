//! Everything that can happen to the state, as verbs, in the state's groups.

use super::{DocAction, EditAction, FeedbackAction, HealthAction, SuggestAction, UiAction};

/// Everything that can happen: one group per part of the state, each reduced in its file.
pub enum Action {
    /// A change to the open document (undoable), and what it says.
    Edit(EditAction),
    /// Which document is open: opening, switching, deleting, restoring, another tab's save.
    Doc(DocAction),
    /// Selecting, linking, filtering and the caret: nothing that is saved.
    Ui(UiAction),
    /// Suggestions learned from the person's tags: found, selected, accepted, rejected.
    Suggest(SuggestAction),
    /// What the page says.
    Feedback(FeedbackAction),
    /// What storage reported.
    Health(HealthAction),
}

impl From<EditAction> for Action {
    fn from(a: EditAction) -> Self {
        Action::Edit(a)
    }
}

impl From<DocAction> for Action {
    fn from(a: DocAction) -> Self {
        Action::Doc(a)
    }
}

impl From<UiAction> for Action {
    fn from(a: UiAction) -> Self {
        Action::Ui(a)
    }
}

impl From<SuggestAction> for Action {
    fn from(a: SuggestAction) -> Self {
        Action::Suggest(a)
    }
}

impl From<FeedbackAction> for Action {
    fn from(a: FeedbackAction) -> Self {
        Action::Feedback(a)
    }
}

impl From<HealthAction> for Action {
    fn from(a: HealthAction) -> Self {
        Action::Health(a)
    }
}

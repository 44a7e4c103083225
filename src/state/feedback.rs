//! What the page says: the screen reader's live region and the banner.

use super::Notice;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feedback {
    /// What the screen reader's live region last said, and a counter so that saying the
    /// same thing twice is heard twice.
    pub announcement: (u64, String),
    pub notice: Option<Notice>,
}

/// Saying something, or taking the banner down.
pub enum FeedbackAction {
    /// Something screen reader users should hear.
    Announce(String),
    /// Show a message in the banner.
    Notify(Notice),
    /// Take the banner down.
    Dismiss,
}

impl Feedback {
    pub fn announce(&mut self, text: impl Into<String>) {
        self.announcement = (self.announcement.0 + 1, text.into());
    }

    pub(super) fn reduce(&mut self, action: FeedbackAction) -> bool {
        match action {
            FeedbackAction::Announce(text) => self.announce(text),
            FeedbackAction::Notify(notice) => self.notice = Some(notice),
            FeedbackAction::Dismiss => self.notice = None,
        }
        true
    }
}

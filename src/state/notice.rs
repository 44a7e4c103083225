//! Messages for the page's banner.

use annotator_core::{AnnotationId, TagSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message in the page's banner, possibly with a way to undo what it reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    /// What its button does, if it has one. Such a notice stays until dismissed: the
    /// choice is there for as long as the person is.
    pub action: Option<NoticeAction>,
}

/// A notice's button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// "Undo": puts back a deleted document (kept in the state's trash).
    Restore(AnnotationId),
}

impl Notice {
    /// The deleted document this notice's Undo puts back.
    pub fn restores(&self) -> Option<AnnotationId> {
        self.action.map(|NoticeAction::Restore(id)| id)
    }
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self { kind: NoticeKind::Info, text: text.into(), action: None }
    }

    pub fn error(text: impl ToString) -> Self {
        Self { kind: NoticeKind::Error, text: text.to_string(), action: None }
    }
}

/// The tags that have keys, as a person would read them: "1 Claim, 2 Source, 3 Entity".
pub fn tag_keys(tags: &TagSet) -> String {
    let keyed: Vec<String> = tags
        .tags
        .iter()
        .filter(|d| !d.hotkey.is_empty())
        .map(|d| format!("{} {}", d.hotkey, d.label))
        .collect();
    keyed.join(", ")
}

/// What to press to tag a selection, with the current keys.
pub fn how_to_tag(tags: &TagSet) -> String {
    match tag_keys(tags) {
        keys if keys.is_empty() => "No tag has a key: choose one in the menu under the selection.".to_owned(),
        keys => format!("Press {keys}, or choose in the menu under the selection."),
    }
}

/// `label` after "a" or "an", by how it starts ("a Claim", "an Entity").
pub fn a_or_an(label: &str) -> String {
    let vowel = label.chars().next().is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {label}", if vowel { "an" } else { "a" })
}

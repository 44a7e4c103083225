//! Messages for the page's banner.

use annotator_core::AnnotationId;

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
    /// A deleted document that "Undo" puts back (kept in the state's trash). Such a notice
    /// stays until dismissed: the undo is there for as long as the person is.
    pub restore: Option<AnnotationId>,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self { kind: NoticeKind::Info, text: text.into(), restore: None }
    }

    pub fn error(text: impl ToString) -> Self {
        Self { kind: NoticeKind::Error, text: text.to_string(), restore: None }
    }
}

//! Suggestions learned from the person's own tags: the list worked out for the open
//! text (off the edit path, by `effects::suggest`), the one selected, and accepting,
//! rejecting or tagging every occurrence at once. Accepting is an ordinary edit (one undo
//! step; "Tag all" is one step too); a rejection is remembered in this browser.

use std::rc::Rc;

use annotator_core::AnnotationId;
use annotator_core::suggest::{Options, Rejections, Suggestion, occurrences};

use super::{Notice, State, edit, notice};

/// What is suggested in the open document, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestions {
    /// In document order, for the text at `revision`; empty until worked out.
    pub list: Rc<[Suggestion]>,
    /// The state's revision the list was worked out for.
    pub revision: u64,
    /// The one the person clicked (or reached with the caret): `a` accepts it, `x` rejects it.
    pub selected: Option<usize>,
    /// Whether suggestions are drawn at all (View ▸ Suggestions).
    pub shown: bool,
    /// Whether the learned text must match case (the default).
    pub match_case: bool,
    /// What the person rejected: never suggested again.
    pub rejected: Rc<Rejections>,
}

impl Default for Suggestions {
    fn default() -> Self {
        Self {
            list: Rc::from([]),
            revision: 0,
            selected: None,
            shown: true,
            match_case: true,
            rejected: Rc::default(),
        }
    }
}

impl Suggestions {
    /// The suggestion at code point `at`, if the list holds one there and was worked out
    /// for `revision`, the text as it is: one of an earlier revision may lie on text
    /// annotated since (an undo that brings back its annotation), and a click there means
    /// that annotation. It is worked out again right after the change's paint.
    pub fn at(&self, at: usize, revision: u64) -> Option<usize> {
        if self.revision != revision {
            return None;
        }
        // In text order and never overlapping: a book's list is searched, not scanned.
        let i = self.list.partition_point(|s| s.end <= at);
        self.list.get(i).filter(|s| self.shown && s.start <= at).map(|_| i)
    }

    pub fn options(&self) -> Options {
        Options { case_sensitive: self.match_case, ..Options::default() }
    }

    /// The selected suggestion.
    pub fn current(&self) -> Option<&Suggestion> {
        self.selected.and_then(|i| self.list.get(i))
    }

    /// Forgets the list (the text changed, or another document opened); the settings stay.
    pub(super) fn clear(&mut self) {
        self.list = Rc::from([]);
        self.selected = None;
    }

    /// Drops the suggestions `gone` says are taken care of, keeping the rest in place.
    fn drop_where(&mut self, gone: impl Fn(&Suggestion) -> bool) {
        self.list = self.list.iter().filter(|s| !gone(s)).cloned().collect();
        self.selected = None;
    }
}

/// Suggestions: what the background pass found, and what the person does with them.
pub enum SuggestAction {
    /// The suggestions for the text at `revision` (ignored when the state moved on since).
    Found { revision: u64, list: Rc<[Suggestion]> },
    /// Select the suggestion at index `at` in the list (`None`: none).
    Select(Option<usize>),
    /// Tag the selected suggestion as it suggests (one undo step).
    Accept { id: AnnotationId, now: String },
    /// Never suggest the selected suggestion's text again.
    Reject,
    /// Tag every other unannotated occurrence of annotation `of`'s text with its tag and
    /// type, taking the new annotations' ids from `ids` (one undo step).
    TagAll { of: AnnotationId, ids: Vec<AnnotationId>, now: String },
    /// Show or hide suggestions.
    Show(bool),
    /// Whether learned text must match case.
    MatchCase(bool),
}

pub(super) fn reduce(s: &mut State, action: SuggestAction) -> bool {
    let sg = &mut s.ui.suggest;
    match action {
        SuggestAction::Found { revision, list } => {
            if revision != s.session.revision() {
                return false;
            }
            if *list == *sg.list {
                // The same list, now known to hold for this revision too (a click in it
                // reaches it again); its identity is kept, so nothing is drawn again.
                sg.revision = revision;
                return true;
            }
            let (before, after) = (sg.list.len(), list.len());
            sg.list = list;
            sg.revision = revision;
            sg.selected = None;
            if sg.shown && before != after {
                s.feedback.announce(count(after));
            }
        }
        SuggestAction::Select(at) => return select(s, at),
        SuggestAction::Accept { id, now } => return accept(s, id, &now),
        SuggestAction::Reject => {
            let Some(current) = sg.current().cloned() else { return false };
            Rc::make_mut(&mut sg.rejected).reject(&current.exact);
            let rejected = sg.rejected.clone();
            sg.drop_where(|s| rejected.is_rejected(&s.exact));
            s.feedback.announce(format!("“{}” will not be suggested again", current.exact));
        }
        SuggestAction::TagAll { of, ids, now } => tag_all(s, of, ids, &now),
        SuggestAction::Show(on) => {
            sg.shown = on;
            sg.selected = None;
        }
        SuggestAction::MatchCase(on) => sg.match_case = on,
    }
    true
}

/// Selects suggestion `at` (an index in the list), or none, and says what it is.
pub(super) fn select(s: &mut State, at: Option<usize>) -> bool {
    let sg = &mut s.ui.suggest;
    if sg.selected == at {
        return false;
    }
    sg.selected = at.filter(|i| *i < sg.list.len());
    let tags = s.session.editor.workspace().tagset();
    if let Some(text) = sg.current().map(|c| describe(c, &tags.label(c.tag))) {
        s.ui.selected = None;
        s.ui.pending = None;
        s.feedback.announce(format!("{text}. a accepts it, x rejects it."));
    }
    true
}

/// "Suggested: an entity “Kihara” (person), tagged 3 times in your library".
fn describe(s: &Suggestion, label: &str) -> String {
    let kind = if s.entity_type.is_empty() { String::new() } else { format!(" ({})", s.entity_type) };
    let times = if s.count == 1 { "once".to_owned() } else { format!("{} times", s.count) };
    format!("Suggested: {} “{}”{kind}, tagged {times} in your library", notice::a_or_an(label), s.exact)
}

/// "3 suggestions from your tags".
pub fn count(n: usize) -> String {
    match n {
        0 => "No suggestions from your tags".to_owned(),
        1 => "1 suggestion from your tags".to_owned(),
        n => format!("{n} suggestions from your tags"),
    }
}

fn accept(s: &mut State, id: AnnotationId, now: &str) -> bool {
    let Some(current) = s.ui.suggest.current().cloned() else { return false };
    let span = (current.start..current.end, current.tag, id, current.entity_type.clone());
    edit::edit(s, |ed| ed.add_all(vec![span], now).map(|_| ()));
    if s.workspace().get(id).is_none() {
        return true; // refused: the notice says why
    }
    s.ui.suggest.drop_where(|s| s.start < current.end && current.start < s.end);
    s.ui.selected = Some(id);
    s.feedback.announce(format!("“{}” tagged. Ctrl+Z undoes.", current.exact));
    true
}

fn tag_all(s: &mut State, of: AnnotationId, ids: Vec<AnnotationId>, now: &str) {
    let ws = s.workspace();
    let Some(a) = ws.get(of) else { return };
    let (tag, kind, exact) = (a.tag, a.entity_type.clone(), a.exact.clone());
    let ranges = occurrences(ws, of, &s.ui.suggest.options());
    if ranges.len() > ids.len() {
        // The caller counted what the card showed; the text cannot have changed since.
        s.feedback.notice = Some(Notice::error("The occurrences changed: try again."));
        return;
    }
    let spans: Vec<_> = ranges.iter().zip(ids).map(|(r, id)| (r.clone(), tag, id, kind.clone())).collect();
    let n = spans.len();
    edit::edit(s, |ed| ed.add_all(spans, now).map(|_| ()));
    s.ui.suggest.drop_where(|sg| ranges.iter().any(|r| sg.start < r.end && r.start < sg.end));
    let what = if n == 1 { "1 more occurrence".to_owned() } else { format!("{n} more occurrences") };
    s.feedback.announce(format!("Tagged {what} of “{exact}”. Ctrl+Z undoes them all."));
}

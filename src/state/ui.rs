//! What the person is doing with the open document, none of it saved: the selection
//! waiting for a tag, the selected annotation, linking, the sidebar's filter, the keyboard
//! caret and whether selections snap to words.

use std::ops::Range;
use std::rc::Rc;

use annotator_core::compare::Difference;
use annotator_core::formats::Format;
use annotator_core::{AnnotationId, Filter, Tag, Workspace, snap_selection};

use super::{State, Suggestions, edit};

/// A selection waiting for a tag, already snapped.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub range: Range<usize>,
    /// Where the tag picker goes (viewport coordinates).
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ui {
    pub selected: Option<AnnotationId>,
    pub pending: Option<Pending>,
    pub filter: Filter,
    /// A claim whose card asked for a source: the next source clicked is linked to it.
    pub linking: Option<AnnotationId>,
    /// The keyboard caret (code points): where Shift+arrows started, and where it is.
    /// j/k look for the next annotation from its focus.
    pub caret: (usize, usize),
    pub snap_words: bool,
    /// Whether the person was asked for their name (once per browser: on their first
    /// export, when their work first leaves it).
    pub name_asked: bool,
    /// Another file of this article being compared with it, while the comparison is open.
    pub comparing: Option<Rc<Comparing>>,
    /// An export to download once the state has settled (after a name was given, so that
    /// it carries it); an effect does it.
    pub exporting: Option<Format>,
    /// Suggestions learned from the person's tags, for the open text.
    pub suggest: Suggestions,
    /// A place a library search opened the document at (code points), shown until the
    /// next click, Escape or document.
    pub revealed: Option<Range<usize>>,
}

/// Selecting, linking, filtering and moving the caret.
pub enum UiAction {
    /// The mouse released a selection (raw code points, either order, and where its picker
    /// goes), or cleared it. The caret goes to the selection.
    SelectText(Option<(usize, usize, f64, f64)>),
    /// The caret moved to `anchor..focus` (a click, or the caret keys); a non-empty one is
    /// a selection to tag, its picker at `picker` (viewport coordinates).
    PlaceCaret {
        anchor: usize,
        focus: usize,
        picker: Option<(f64, f64)>,
    },
    /// Escape: one step back per press.
    Cancel,
    Select(Option<AnnotationId>),
    /// Select the next (or previous) annotation after the selected one or the caret.
    SelectNeighbour {
        forward: bool,
    },
    /// Select the annotation nearest code point `at` (the minimap).
    SelectNear(usize),
    /// A click at code point `at` in the article: links a source there when linking, else
    /// selects the innermost annotation there (`None`: clicked outside any).
    ClickText {
        at: Option<usize>,
        now: String,
    },
    /// Start (or, with `None`, stop) choosing a source for a claim.
    StartLinking(Option<AnnotationId>),
    SetFilter(Filter),
    SetSnapWords(bool),
    /// Download the open document in this format (the person was asked for a name and
    /// went on without giving one).
    Export(Format),
    /// The export asked for is downloaded.
    Exported,
    /// Compare the open document (A) with `other` (B), from the file `name` (`spans_only`:
    /// a file with no room for notes, statuses and types).
    Compare {
        name: String,
        other: Workspace,
        spans_only: bool,
    },
    /// Keep A's side of the comparison's line that stands so: it leaves the list.
    KeepA(Difference),
    /// Close the comparison.
    StopComparing,
    /// Show `range` of the text: a library search's hit, opened (drawn, scrolled to and
    /// highlighted until the next click or Escape).
    Reveal(Range<usize>),
}

/// A comparison in progress: B's file and the lines whose A side was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparing {
    pub name: String,
    pub other: Rc<Workspace>,
    pub spans_only: bool,
    /// Lines whose A side was kept, by the annotations they pair (ids stay put when
    /// offsets move, and two lines on one span stay apart).
    pub kept: Vec<Difference>,
}

impl Ui {
    pub fn new(snap_words: bool) -> Self {
        Self {
            selected: None,
            pending: None,
            filter: Filter::default(),
            linking: None,
            caret: (0, 0),
            snap_words,
            name_asked: false,
            exporting: None,
            comparing: None,
            suggest: Suggestions::default(),
            revealed: None,
        }
    }

    /// Forgets what belonged to the previous text (another document, an update).
    pub(super) fn reset(&mut self) {
        let mut suggest = std::mem::take(&mut self.suggest);
        suggest.clear();
        *self =
            Self { snap_words: self.snap_words, name_asked: self.name_asked, suggest, ..Self::new(false) };
    }

    /// The caret follows the selected annotation (j/k, cards, the minimap), so that Enter
    /// opens it.
    pub(super) fn caret_to_selected(&mut self, ws: &Workspace) {
        let range = self.selected.and_then(|id| ws.get(id)).map(|a| a.range());
        if let Some(range) = range.filter(|r| !r.contains(&self.caret.1)) {
            self.caret = (range.start, range.start);
        }
    }

    fn select_text(&mut self, text: &str, anchor: usize, focus: usize, (x, y): (f64, f64)) {
        self.caret = (anchor, focus);
        self.pending =
            snap_selection(text, anchor, focus, self.snap_words).map(|range| Pending { range, x, y });
    }
}

pub(super) fn reduce(s: &mut State, action: UiAction) -> bool {
    let text = s.session.editor.workspace().document.text();
    match action {
        UiAction::Cancel if s.ui.revealed.is_some() => s.ui.revealed = None,
        UiAction::Cancel => {
            if s.ui.pending.is_none() && s.ui.linking.is_none() {
                s.ui.selected = None;
            }
            // A selected suggestion is let go at once (the caret in it is not a selection).
            s.ui.suggest.selected = None;
            s.ui.pending = None;
            s.ui.linking = None;
        }
        UiAction::SelectText(None) => s.ui.pending = None,
        UiAction::SelectText(Some((a, b, x, y))) => s.ui.select_text(text, a, b, (x, y)),
        UiAction::PlaceCaret { anchor, focus, picker: Some(at) } => s.ui.select_text(text, anchor, focus, at),
        UiAction::PlaceCaret { anchor, focus, picker: None } => {
            // A caret put in a suggestion (a click, or the caret keys) selects it.
            let suggested = (anchor == focus).then(|| s.ui.suggest.at(focus, s.session.revision())).flatten();
            let picked = suggested != s.ui.suggest.selected && super::suggest::select(s, suggested);
            if s.ui.caret == (anchor, focus) && s.ui.pending.is_none() && !picked {
                return false;
            }
            s.ui.caret = (anchor, focus);
            s.ui.pending = None;
        }
        UiAction::Select(id) => {
            s.ui.selected = id;
            if id.is_some() {
                s.ui.suggest.selected = None;
            }
        }
        UiAction::SelectNeighbour { forward } => {
            let ws = s.session.editor.workspace();
            s.ui.selected = ws.neighbour(s.ui.selected, s.ui.caret.1, forward).or(s.ui.selected);
            if let Some(a) = s.ui.selected.and_then(|id| ws.get(id)) {
                let text =
                    format!("{}: {}", ws.tagset().label(a.tag), annotator_core::text::shorten(&a.exact, 80));
                s.feedback.announce(text);
            }
        }
        UiAction::SelectNear(at) => s.ui.selected = s.workspace().nearest(at),
        UiAction::ClickText { at, now } => {
            s.ui.revealed = None;
            let ws = s.workspace();
            let covering = at.map(|at| ws.covering(at)).unwrap_or_default();
            let source = covering.iter().find(|a| a.tag == Tag::Source).map(|a| a.id);
            // A suggestion is drawn over what it lies in (a claim's sentence): a click on
            // its dashed word means the suggestion.
            // (A click in plain text reaches a suggestion as the caret placed there.)
            let suggested = at.and_then(|at| s.ui.suggest.at(at, s.session.revision()));
            match (s.ui.linking, source) {
                (Some(claim), Some(source)) => edit::link(s, claim, source, &now),
                _ if suggested.is_some() => {
                    super::suggest::select(s, suggested);
                }
                _ => s.ui.selected = covering.first().map(|a| a.id),
            }
        }
        UiAction::StartLinking(claim) => {
            s.ui.linking = claim;
            if claim.is_some() {
                s.feedback.announce(
                    "Choose a source: click its highlight, or pick it from the list. Escape cancels.",
                );
            }
        }
        UiAction::SetFilter(filter) => s.ui.filter = filter,
        UiAction::SetSnapWords(on) => s.ui.snap_words = on,
        UiAction::Export(format) => {
            s.ui.name_asked = true;
            s.ui.exporting = Some(format);
        }
        UiAction::Exported => s.ui.exporting = None,
        UiAction::Compare { name, other, spans_only } => {
            let other = Rc::new(other);
            s.ui.comparing = Some(Rc::new(Comparing { name, other, spans_only, kept: Vec::new() }));
        }
        UiAction::KeepA(line) => {
            if let Some(c) = &mut s.ui.comparing {
                Rc::make_mut(c).kept.push(line);
            }
        }
        UiAction::StopComparing => s.ui.comparing = None,
        UiAction::Reveal(range) => {
            let len = s.workspace().document.char_len();
            let range = range.start.min(len)..range.end.min(len);
            // The caret keys, j and k go on from the hit.
            s.ui.caret = (range.start, range.start);
            s.ui.revealed = Some(range);
        }
    }
    true
}

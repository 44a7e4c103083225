//! Every keyboard shortcut in one table, in the manner of CodeMirror's keymaps: its keys,
//! where it works, the command it runs and how the `?` list describes it. The page's
//! shortcut handler (`effects::shortcuts`), the article's caret keys
//! (`components::caret_keys`), the `?` list, `aria-keyshortcuts` and the keys a tag may not
//! take (`annotator_core::RESERVED_HOTKEYS`, held to this table by a test) all read it.
//! The tag keys themselves come from the tag set.

use annotator_core::caret::Move;
/// Where a binding works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Anywhere but while typing in a field.
    Page,
    /// In the focused article text (caret mode).
    Article,
    /// In the Find box.
    Find,
    /// With a suggestion selected (its keys come before any tag's).
    Suggestion,
}

/// What a binding does. The handlers turn commands into actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Undo,
    Redo,
    DeleteSelected,
    Next,
    Previous,
    /// Open the selected annotation's card (Enter on the page).
    Open,
    /// One step back: the selection or linking, then the selected annotation; a dialog.
    Cancel,
    Help,
    /// Move the selected annotation's end (`true`: forward) or start by a word.
    NudgeEnd(bool),
    NudgeStart(bool),
    /// A caret move in the article (Shift extends the selection); the core says where to.
    Caret(Move),
    /// Select the annotation under the caret (again: open it).
    SelectUnderCaret,
    /// Next / previous match in Find.
    NextMatch,
    PreviousMatch,
    /// Accept / reject the selected suggestion.
    AcceptSuggestion,
    RejectSuggestion,
    /// Search every document of the library.
    Search,
}

/// One key with its modifiers. `shift: None` accepts either (Shift extends caret moves).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chord {
    /// `KeyboardEvent.key`, compared without case for letters.
    pub key: &'static str,
    /// Ctrl, or ⌘ on a Mac.
    pub ctrl: bool,
    pub alt: bool,
    pub shift: Option<bool>,
}

const fn key(key: &'static str) -> Chord {
    Chord { key, ctrl: false, alt: false, shift: None }
}

const fn ctrl(key: &'static str) -> Chord {
    Chord { key, ctrl: true, alt: false, shift: None }
}

const fn exact(key: &'static str, ctrl: bool, alt: bool, shift: bool) -> Chord {
    Chord { key, ctrl, alt, shift: Some(shift) }
}

/// A row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub context: Context,
    pub command: Command,
    pub chords: &'static [Chord],
    /// How the `?` list writes the keys; empty when another row describes them together.
    pub keys: &'static str,
    pub description: &'static str,
}

const fn bind(
    context: Context,
    command: Command,
    chords: &'static [Chord],
    keys: &'static str,
    description: &'static str,
) -> Binding {
    Binding { context, command, chords, keys, description }
}

use Command as C;
use Context::{Article, Find, Page, Suggestion};

/// The table, in the order the `?` list shows it.
pub const KEYMAP: &[Binding] = &[
    bind(
        Article,
        C::Caret(Move::CharNext),
        &[key("ArrowRight")],
        "← → (Ctrl: by word)",
        "Move the caret in the article",
    ),
    bind(Article, C::Caret(Move::CharPrev), &[key("ArrowLeft")], "", ""),
    bind(Article, C::Caret(Move::WordNext), &[ctrl("ArrowRight")], "", ""),
    bind(Article, C::Caret(Move::WordPrev), &[ctrl("ArrowLeft")], "", ""),
    bind(
        Article,
        C::Caret(Move::LineDown),
        &[key("ArrowDown")],
        "↑ ↓ Home End",
        "Move the caret by line, as the window wraps it",
    ),
    bind(Article, C::Caret(Move::LineUp), &[key("ArrowUp")], "", ""),
    bind(Article, C::Caret(Move::LineStart), &[key("Home")], "", ""),
    bind(Article, C::Caret(Move::LineEnd), &[key("End")], "", ""),
    bind(
        Article,
        C::Caret(Move::ParagraphDown),
        &[ctrl("ArrowDown")],
        "Ctrl+↑ ↓, Ctrl+Home End",
        "Move it by paragraph, to the article's start or end",
    ),
    bind(Article, C::Caret(Move::ParagraphUp), &[ctrl("ArrowUp")], "", ""),
    bind(Article, C::Caret(Move::ArticleStart), &[ctrl("Home")], "", ""),
    bind(Article, C::Caret(Move::ArticleEnd), &[ctrl("End")], "", ""),
    bind(
        Article,
        C::SelectUnderCaret,
        &[exact("Enter", false, false, false)],
        "Enter",
        "Select the annotation under the caret; again to open its card",
    ),
    bind(Page, C::Open, &[exact("Enter", false, false, false)], "", ""),
    bind(Page, C::Next, &[key("j")], "j / k", "Next / previous annotation"),
    bind(Page, C::Previous, &[key("k")], "", ""),
    bind(
        Page,
        C::DeleteSelected,
        &[key("Delete"), key("Backspace")],
        "Delete",
        "Delete the selected annotation",
    ),
    bind(
        Page,
        C::NudgeEnd(true),
        &[exact("ArrowRight", false, true, true)],
        "Shift+Alt+← / →",
        "Move the selected annotation's end by a word",
    ),
    bind(Page, C::NudgeEnd(false), &[exact("ArrowLeft", false, true, true)], "", ""),
    bind(
        Page,
        C::NudgeStart(true),
        &[exact("ArrowRight", true, true, true)],
        "Ctrl+Shift+Alt+← / →",
        "Move its start by a word",
    ),
    bind(Page, C::NudgeStart(false), &[exact("ArrowLeft", true, true, true)], "", ""),
    bind(Page, C::Undo, &[exact("z", true, false, false)], "Ctrl+Z", "Undo"),
    bind(
        Page,
        C::Redo,
        &[exact("z", true, false, true), exact("y", true, false, false)],
        "Ctrl+Shift+Z, Ctrl+Y",
        "Redo",
    ),
    bind(
        Page,
        C::Cancel,
        &[key("Escape")],
        "Escape",
        "Drop the selection, a suggestion or linking; again, deselect the annotation; close a dialog",
    ),
    bind(
        Find,
        C::NextMatch,
        &[exact("Enter", false, false, false)],
        "Enter / Shift+Enter in Find",
        "Next / previous match",
    ),
    bind(Find, C::PreviousMatch, &[exact("Enter", false, false, true)], "", ""),
    bind(
        Suggestion,
        C::AcceptSuggestion,
        &[key("a")],
        "a / x",
        "Accept / reject the selected suggestion (click a dashed word to select it)",
    ),
    bind(Suggestion, C::RejectSuggestion, &[key("x")], "", ""),
    bind(
        Page,
        C::Search,
        &[exact("f", true, false, true)],
        "Ctrl+Shift+F",
        "Search every document in the Library",
    ),
    bind(Page, C::Help, &[key("?")], "?", "This list"),
];

/// Rows of the help list that are no binding of their own: Tab (the browser's) first, and
/// Shift (which extends every caret move) after the caret keys.
const TAB: (&str, &str) = ("Tab", "Reach the article, then the controls");
const SHIFT: (&str, &str) = ("Shift + any of those", "Select text");

/// A key press as the table sees it.
#[derive(Clone, Copy, Debug)]
pub struct Press<'a> {
    pub key: &'a str,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Chord {
    fn matches(&self, p: &Press) -> bool {
        let key = if self.key.chars().count() == 1 {
            p.key.eq_ignore_ascii_case(self.key)
        } else {
            p.key == self.key
        };
        key && self.ctrl == p.ctrl && self.alt == p.alt && self.shift.is_none_or(|s| s == p.shift)
    }

    /// As `aria-keyshortcuts` writes it (`Control+Shift+Z`).
    fn aria(&self) -> String {
        let mut out = String::new();
        for (on, name) in [(self.ctrl, "Control+"), (self.alt, "Alt+"), (self.shift == Some(true), "Shift+")]
        {
            if on {
                out.push_str(name);
            }
        }
        out.push_str(&if self.key.chars().count() == 1 {
            // Keys are ASCII; Unicode's upper-case table would be in the wasm for this alone.
            self.key.to_ascii_uppercase()
        } else {
            self.key.to_owned()
        });
        out
    }
}

/// The command `press` runs in `context`, if any.
pub fn command(context: Context, press: &Press) -> Option<Command> {
    KEYMAP
        .iter()
        .find(|b| b.context == context && b.chords.iter().any(|c| c.matches(press)))
        .map(|b| b.command)
}

/// `aria-keyshortcuts` for a command: each of its chords, space-separated.
pub fn aria(command: Command) -> String {
    let chords = KEYMAP.iter().filter(|b| b.command == command).flat_map(|b| b.chords);
    chords.map(Chord::aria).collect::<Vec<_>>().join(" ")
}

/// The rows of the `?` list: keys and what they do (continuation rows left out).
pub fn help_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    let rows = KEYMAP.iter().filter(|b| !b.keys.is_empty()).flat_map(|b| {
        let shift = (b.command == C::Caret(Move::ParagraphDown)).then_some(SHIFT);
        std::iter::once((b.keys, b.description)).chain(shift)
    });
    std::iter::once(TAB).chain(rows)
}

/// The single characters the page's shortcuts take without a modifier (`?`, `j`, `k`):
/// no tag may have them as its key.
pub fn taken_characters() -> Vec<String> {
    let chords = KEYMAP.iter().filter(|b| b.context == Page).flat_map(|b| b.chords);
    let mut out: Vec<String> = chords
        .filter(|c| !c.ctrl && !c.alt && c.key.chars().count() == 1)
        .map(|c| c.key.to_owned())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn press(key: &str, ctrl: bool, alt: bool, shift: bool) -> Press<'_> {
        Press { key, ctrl, alt, shift }
    }

    #[test]
    fn presses_find_their_commands_in_their_context() {
        assert_eq!(command(Page, &press("z", true, false, false)), Some(C::Undo));
        assert_eq!(command(Page, &press("Z", true, false, true)), Some(C::Redo));
        assert_eq!(command(Page, &press("y", true, false, false)), Some(C::Redo));
        assert_eq!(command(Page, &press("J", false, false, true)), Some(C::Next));
        assert_eq!(command(Page, &press("ArrowRight", true, true, true)), Some(C::NudgeStart(true)));
        assert_eq!(command(Page, &press("ArrowLeft", false, true, true)), Some(C::NudgeEnd(false)));
        assert_eq!(
            command(Article, &press("ArrowRight", false, false, true)),
            Some(C::Caret(Move::CharNext)),
            "Shift extends"
        );
        assert_eq!(command(Article, &press("Home", true, false, false)), Some(C::Caret(Move::ArticleStart)));
        assert_eq!(command(Find, &press("Enter", false, false, true)), Some(C::PreviousMatch));
        assert_eq!(command(Page, &press("x", false, false, false)), None, "a tag's key is the tag set's");
        assert_eq!(
            command(Article, &press("ArrowRight", false, true, true)),
            None,
            "Alt belongs to the page"
        );
    }

    #[test]
    fn aria_help_and_reserved_keys_come_from_the_table() {
        assert_eq!(aria(C::Undo), "Control+Z");
        assert_eq!(aria(C::Redo), "Control+Shift+Z Control+Y");
        assert_eq!(aria(C::Help), "?");
        assert_eq!(aria(C::Search), "Control+Shift+F");
        assert_eq!(aria(C::AcceptSuggestion), "A");
        assert_eq!(command(Suggestion, &press("x", false, false, false)), Some(C::RejectSuggestion));
        let rows: Vec<_> = help_rows().map(|(keys, _)| keys).collect();
        assert_eq!(
            rows,
            [
                "Tab",
                "← → (Ctrl: by word)",
                "↑ ↓ Home End",
                "Ctrl+↑ ↓, Ctrl+Home End",
                "Shift + any of those",
                "Enter",
                "j / k",
                "Delete",
                "Shift+Alt+← / →",
                "Ctrl+Shift+Alt+← / →",
                "Ctrl+Z",
                "Ctrl+Shift+Z, Ctrl+Y",
                "Escape",
                "Enter / Shift+Enter in Find",
                "a / x",
                "Ctrl+Shift+F",
                "?",
            ]
        );
        assert_eq!(taken_characters(), ["?", "j", "k"]);
        // The tag set refuses exactly these (its check lives in the core).
        assert_eq!(annotator_core::RESERVED_HOTKEYS, ["?", "j", "k"]);
    }
}

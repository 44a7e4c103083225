//! Keyword in context: a hit with a few words either side, for a result list.

/// About how many code points of context a hit gets on each side.
pub const WINDOW: usize = 40;

/// A hit as a result list shows it: the matched text with some context either side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kwic {
    /// Up to about [`WINDOW`] code points just before the hit, cut at a word boundary
    /// where there is one, white space runs as single spaces.
    pub before: String,
    /// The field's text of the hit, as it is.
    pub matched: String,
    /// Up to about [`WINDOW`] code points just after it, cut and spaced like `before`.
    pub after: String,
}

impl Kwic {
    /// The hit `matched` between `before` and `after`: all of the field's text on either
    /// side, or more than [`WINDOW`] code points of it (twice as many lets the cut fall
    /// between words).
    pub(super) fn new(before: &str, matched: &str, after: &str) -> Self {
        Self::within(before, matched, after, [false, false])
    }

    /// [`Kwic::new`] with sides that may be cut already (`cut`: before's start, after's
    /// end), such as an orphan's prefix and suffix, which are all that is left of its
    /// context: a word the cut may have split there is left out.
    pub(super) fn within(before: &str, matched: &str, after: &str, cut: [bool; 2]) -> Self {
        Self { before: tail(before, cut[0]), matched: matched.to_owned(), after: head(after, cut[1]) }
    }
}

/// The last [`WINDOW`] code points of `s`, less the partial word the cut made (`cut`:
/// `s` itself starts where a cut was made, so its first word may be partial).
fn tail(s: &str, cut: bool) -> String {
    let from = s.char_indices().rev().nth(WINDOW - 1).map_or(0, |(i, _)| i);
    let kept = &s[from..];
    let partial = if from > 0 { !s[..from].ends_with(char::is_whitespace) } else { cut };
    let kept = match kept.find(char::is_whitespace) {
        Some(space) if partial => &kept[space..],
        _ => kept,
    };
    spaced(kept, true)
}

/// The first [`WINDOW`] code points of `s`, less the partial word the cut made (`cut`:
/// `s` itself ends where a cut was made, so its last word may be partial).
fn head(s: &str, cut: bool) -> String {
    let to = s.char_indices().nth(WINDOW).map_or(s.len(), |(i, _)| i);
    let kept = &s[..to];
    let partial = if to < s.len() { !s[to..].starts_with(char::is_whitespace) } else { cut };
    let kept = match kept.rfind(char::is_whitespace) {
        Some(space) if partial => &kept[..space],
        _ => kept,
    };
    spaced(kept, false)
}

/// `s` with each run of white space (line breaks too) as one space, and the outer side
/// (the start of a `before`, the end of an `after`) trimmed: the side next to the hit
/// keeps its space, which tells whether the hit is a whole word.
fn spaced(s: &str, before: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split(char::is_whitespace).enumerate() {
        if i > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(part);
    }
    let trimmed = if before { out.trim_start() } else { out.trim_end() };
    trimmed.to_owned()
}

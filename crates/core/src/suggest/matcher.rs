//! Finding keys in the article: one Aho–Corasick automaton over every key, searched
//! leftmost-longest, keeping only the matches that start and end on word boundaries.
//!
//! The longest match at a place may end inside a word ("Defense Ministry" in "Defense
//! Ministryship") while a shorter one at the same place does not ("Defense"): that one is
//! looked for then, by an anchored search that must end before. A match that starts
//! inside a word is passed over by one char, so a match inside it is still found.
//! Together: among the matches on word boundaries, leftmost-longest and not overlapping.

use std::ops::Range;

// The contiguous NFA itself rather than `AhoCorasick`, which picks a kind at run time and so
// brings every kind's code into the wasm (the DFA's above all); at 20,000 keys it picks
// this one anyway.
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, Input, Match, MatchKind};

use crate::model::Document;
use crate::offsets::char_len;

use super::bounds::Bounds;
use super::haystack::Haystack;

/// One place a key was found.
pub(super) struct Hit {
    /// Where, in bytes of the text.
    pub(super) bytes: Range<usize>,
    /// Where, in code points.
    pub(super) chars: Range<usize>,
    /// Which key: its index in the list the matcher was made of.
    pub(super) key: usize,
}

/// An automaton over a list of keys (already in [`super::haystack::key`] form).
#[derive(Clone, Debug)]
pub(super) struct Matcher {
    /// `None` for no keys (the crate refuses an empty automaton with no error to show).
    automaton: Option<NFA>,
    fold: bool,
}

impl Matcher {
    /// The automaton of `keys`, whose index is what a hit names; `fold`: the keys are
    /// folded and the article is to be read folded too.
    pub(super) fn new<K: AsRef<[u8]>>(keys: &[K], fold: bool) -> Self {
        let automaton = (!keys.is_empty()).then(|| {
            NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(keys)
                .expect("a dictionary's keys are far below the automaton's size limits")
        });
        Self { automaton, fold }
    }

    /// The hits in `doc`, in document order: each starts and ends on a word boundary, none
    /// crosses a line break (keys have none), and where hits overlap the one that starts
    /// first wins, then the longest.
    pub(super) fn find(&self, doc: &Document) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let text = doc.text();
        let hay = Haystack::new(text, self.fold);
        let mut words = Words { automaton, hay: &hay, bounds: Bounds::new(text) };
        let mut chosen = Vec::new();
        // Byte offsets to code points by counting on from the last one: the hits are in
        // order, so the whole pass counts the text once.
        let (mut byte, mut char) = (0, 0);
        let mut to_char = |at: usize| {
            char += char_len(&text[byte..at]);
            byte = at;
            char
        };
        let mut from = 0;
        while let Some(m) = found(automaton, Input::new(hay.text()).range(from..)) {
            match words.on_words(m) {
                Some(m) => {
                    let bytes = hay.original(m.start())..hay.original(m.end());
                    let chars = to_char(bytes.start)..to_char(bytes.end);
                    chosen.push(Hit { bytes, chars, key: m.pattern().as_usize() });
                    from = m.end();
                }
                None => from = m.start() + hay.text()[m.start()..].chars().next().map_or(1, char::len_utf8),
            }
        }
        chosen
    }
}

/// The leftmost(-longest) match in `input`: an NFA answers every search (unanchored or
/// anchored, any haystack), so there is no error to give.
fn found(automaton: &NFA, input: Input) -> Option<Match> {
    automaton.try_find(&input).expect("an NFA runs every search")
}

/// One search's view of where words start and end in the haystack.
struct Words<'a> {
    automaton: &'a NFA,
    hay: &'a Haystack<'a>,
    bounds: Bounds<'a>,
}

impl Words<'_> {
    /// `m` if it starts and ends on word boundaries, else the longest shorter match at its
    /// start that does; `None` when it starts inside a word or no match there ends on one.
    fn on_words(&mut self, mut m: Match) -> Option<Match> {
        if !self.bounds.at(self.hay.original(m.start())) {
            return None;
        }
        while !self.bounds.at(self.hay.original(m.end())) {
            let shorter = Input::new(self.hay.text()).range(m.start()..m.end() - 1).anchored(Anchored::Yes);
            m = found(self.automaton, shorter)?;
        }
        Some(m)
    }
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;

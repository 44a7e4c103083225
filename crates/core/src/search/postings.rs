//! Where each word is: a document's dictionary of words (as numbers), the text's postings
//! (for each word, the positions it is at) and the short fields (title, quotes, notes)
//! kept as their words in order. Positions are slots: one per word, and one more for each
//! line break between two words, which no word fills, so that a phrase (words at
//! consecutive slots) is never found across a paragraph.

use rustc_hash::FxHashMap;

use super::tokens::scan;

/// The slot of a line break: no word.
pub(super) const BREAK: u32 = u32::MAX;

/// One document's words, numbered in the order first seen.
#[derive(Clone, Debug, Default)]
pub(super) struct Terms {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Terms {
    /// The number of `word`, given it one if it is new.
    pub(super) fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// The number of `word`, if this document has it anywhere.
    pub(super) fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The word numbered `id`.
    pub(super) fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// How many words are numbered.
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }
}

/// A short field's words in order (title, quote, note): small enough to scan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct FieldWords {
    /// `(word, start, end)` per slot; a break is `(BREAK, at, at)`.
    slots: Vec<(u32, u32, u32)>,
    /// Bit `w % 64` set for each word `w` it has: most fields are passed over on one test
    /// (a query looks through every quote and note of the library).
    mask: u64,
}

fn bit(w: u32) -> u64 {
    1 << (w % 64)
}

impl FieldWords {
    /// The words of `s`, numbered in `terms`.
    pub(super) fn new(s: &str, terms: &mut Terms) -> Self {
        let mut slots = Vec::new();
        scan(s, |p| {
            if p.after_break {
                if let Some(&(_, _, at)) = slots.last() {
                    slots.push((BREAK, at, at));
                }
            }
            slots.push((terms.intern(p.folded), p.start as u32, p.end as u32));
        });
        let mask = slots.iter().filter(|s| s.0 != BREAK).fold(0, |m, s| m | bit(s.0));
        Self { slots, mask }
    }

    /// Whether each word of `phrase` may be in the field (`false`: surely not all are).
    fn may_have(&self, phrase: &[u32]) -> bool {
        phrase.iter().all(|&w| self.mask & bit(w) != 0)
    }

    /// Appends the code point range of every place `phrase` (words, in order) is at.
    pub(super) fn find(&self, phrase: &[u32], out: &mut Vec<(usize, usize)>) {
        let n = phrase.len();
        if n == 0 || n > self.slots.len() || !self.may_have(phrase) {
            return;
        }
        for w in self.slots.windows(n) {
            if w.iter().zip(phrase).all(|(s, p)| s.0 == *p) {
                out.push((w[0].1 as usize, w[n - 1].2 as usize));
            }
        }
    }

    /// Whether `phrase` is anywhere in the field.
    pub(super) fn contains(&self, phrase: &[u32]) -> bool {
        let n = phrase.len();
        n > 0
            && self.may_have(phrase)
            && self.slots.windows(n).any(|w| w.iter().zip(phrase).all(|(s, p)| s.0 == *p))
    }
}

/// The text's postings: for each word, its slots in order, and each slot's code points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct TextPostings {
    /// First code point of each slot's word (a break: where the word before it ends).
    pub(super) starts: Vec<u32>,
    /// One past its last code point.
    pub(super) ends: Vec<u32>,
    /// `positions[offsets[w]..offsets[w + 1]]` are word `w`'s slots, ascending; words
    /// numbered after the text's (words only annotations have) have none.
    offsets: Vec<u32>,
    positions: Vec<u32>,
}

impl TextPostings {
    /// Indexes `text`, numbering its words in `terms`.
    pub(super) fn build(text: &str, terms: &mut Terms) -> Self {
        let mut seq = Vec::new();
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        scan(text, |p| {
            if p.after_break && !seq.is_empty() {
                // A break sits where the word before it ends (so a record need not say).
                let at = ends.last().copied().unwrap_or(0);
                seq.push(BREAK);
                starts.push(at);
                ends.push(at);
            }
            seq.push(terms.intern(p.folded));
            starts.push(p.start as u32);
            ends.push(p.end as u32);
        });
        Self::from_slots(&seq, starts, ends, terms.len())
    }

    /// The postings of slots `seq` (a word's number, or [`BREAK`]) at `starts..ends`,
    /// for words numbered below `words`.
    pub(super) fn from_slots(seq: &[u32], starts: Vec<u32>, ends: Vec<u32>, words: usize) -> Self {
        // A counting sort: slots come in order, so each word's list is sorted as filled.
        let mut offsets = vec![0u32; words + 1];
        for &w in seq.iter().filter(|&&w| w != BREAK) {
            offsets[w as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut positions = vec![0u32; offsets[words] as usize];
        for (slot, &w) in seq.iter().enumerate().filter(|(_, w)| **w != BREAK) {
            positions[fill[w as usize] as usize] = slot as u32;
            fill[w as usize] += 1;
        }
        Self { starts, ends, offsets, positions }
    }

    /// How many words have postings: those numbered when the text was indexed.
    pub(super) fn words(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Each slot's word ([`BREAK`] for a break), for writing the record.
    pub(super) fn seq(&self) -> Vec<u32> {
        let mut seq = vec![BREAK; self.starts.len()];
        for w in 0..self.words() {
            for &slot in self.of(w as u32) {
                seq[slot as usize] = w as u32;
            }
        }
        seq
    }

    /// The slots of word `w`, ascending.
    fn of(&self, w: u32) -> &[u32] {
        let w = w as usize;
        if w + 1 >= self.offsets.len() {
            return &[];
        }
        &self.positions[self.offsets[w] as usize..self.offsets[w + 1] as usize]
    }

    /// Appends the code point range of every place `phrase` is at, in text order.
    pub(super) fn find(&self, phrase: &[u32], out: &mut Vec<(usize, usize)>) {
        let lists: Vec<&[u32]> = phrase.iter().map(|&w| self.of(w)).collect();
        // Walk the rarest word's slots and look the others up around each.
        let Some((k, rarest)) = lists.iter().enumerate().min_by_key(|(_, l)| l.len()) else { return };
        for &slot in *rarest {
            let Some(first) = (slot as usize).checked_sub(k) else { continue };
            let fits = lists
                .iter()
                .enumerate()
                .all(|(j, l)| j == k || l.binary_search(&((first + j) as u32)).is_ok());
            if fits {
                out.push((self.starts[first] as usize, self.ends[first + phrase.len() - 1] as usize));
            }
        }
    }
}

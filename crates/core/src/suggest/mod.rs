//! Suggestions learned from the person's own tags: every entity and source they tagged,
//! in any document of the library, teaches a [`Dictionary`] (text → tag, entity type,
//! count); the [`Suggester`] finds those texts again in the open article where they are
//! not tagged yet, for the person to accept, reject ([`Rejections`]) or ignore. The same
//! rules find every other place of one annotation's text ([`occurrences`], "Tag all").
//!
//! Where a text is found: starting and ending on word boundaries (word snapping's
//! segmentation, and either side of an apostrophe: see `bounds`); never across a line
//! break — each of the text's lines is a paragraph, as the article draws them and the
//! caret moves by them, so a single `\n` is already a break; leftmost-longest where
//! texts overlap ("Defense Ministry" over "Defense"); not where an annotation with the
//! same tag already covers any of it. Positions are code points, as everywhere.
//!
//! Off the edit path: build the suggester when the dictionary, rejections or options
//! change, and run [`Suggester::suggest`] after an edit has been drawn.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::model::{AnnotationId, Document, Workspace};
use crate::tagset::Tag;

mod bounds;
mod dictionary;
mod haystack;
mod matcher;
mod stop_words;

pub use dictionary::{Dictionary, Learned, Rejections, normalise};

use dictionary::Taught;
use haystack::key;
use matcher::Matcher;

/// How texts are matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Whether "apple" is another text than "Apple" (the default). Off, case is ignored
    /// char by char for every script, not only ASCII (`Élysée` finds `ÉLYSÉE`), by a
    /// one-for-one lowercase (not full case folding: `ß` does not find `SS`).
    pub case_sensitive: bool,
    /// Shorter texts (in code points, once normalised) are never suggested. `occurrences`
    /// does not apply it: the person picked that text.
    pub min_chars: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self { case_sensitive: true, min_chars: 3 }
    }
}

/// One place the article could be tagged as the person tagged that text before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// First code point.
    pub start: usize,
    /// One past the last code point (half-open).
    pub end: usize,
    /// The tag the text got most often.
    pub tag: Tag,
    /// The article's text at `start..end` (which may differ from the learned text in
    /// white space, and in case when case is ignored).
    pub exact: String,
    /// Its most frequent entity type with that tag; empty for none.
    pub entity_type: String,
    /// How many annotations taught it.
    pub count: u32,
}

/// Where a suggester's texts occur in one document's text (see [`Suggester::matches`]).
pub struct Matches(Vec<matcher::Hit>);

/// The dictionary as an automaton, with the rejections and options applied: built once
/// (it costs more than a pass), used for every pass over any article.
#[derive(Clone, Debug)]
pub struct Suggester {
    matcher: Matcher,
    /// What each key of the automaton is suggested as, by key index.
    learned: Vec<Learned>,
}

impl Suggester {
    /// The suggester of `dict`'s texts, but those rejected, the stop-words and those
    /// shorter than `options.min_chars`; ignoring case, texts that differ only in case
    /// are one text, their counts added up.
    pub fn new(dict: &Dictionary, rejected: &Rejections, options: Options) -> Self {
        let fold = !options.case_sensitive;
        let rejected: HashSet<String> = rejected.iter().map(|r| key(r, fold)).collect();
        let kept = |k: &str| {
            k.chars().count() >= options.min_chars && !rejected.contains(k) && !stop_words::is_stop(k)
        };
        if !fold {
            let (keys, learned): (Vec<&str>, Vec<Learned>) = dict
                .tallies()
                .filter(|(k, _)| kept(k))
                .map(|(k, taught)| (k.as_str(), taught.learned()))
                .unzip();
            return Self { matcher: Matcher::new(&keys, false), learned };
        }
        let mut joined: BTreeMap<String, Taught> = BTreeMap::new();
        for (text, taught) in dict.tallies() {
            joined.entry(key(text, true)).or_default().join(taught);
        }
        let (keys, learned): (Vec<String>, Vec<Learned>) =
            joined.into_iter().filter(|(k, _)| kept(k)).map(|(k, taught)| (k, taught.learned())).unzip();
        Self { matcher: Matcher::new(&keys, true), learned }
    }

    /// How many texts it looks for.
    pub fn len(&self) -> usize {
        self.learned.len()
    }

    /// Whether it looks for none.
    pub fn is_empty(&self) -> bool {
        self.learned.is_empty()
    }

    /// Every place in `ws`'s text to suggest, in document order, none overlapping another
    /// (see the module's rules); not where an annotation with the suggested tag already
    /// covers any of it.
    pub fn suggest(&self, ws: &Workspace) -> Vec<Suggestion> {
        self.unannotated(&self.matches(&ws.document), ws)
    }

    /// Where its texts occur in `doc`, before what is tagged is left out: the costly part
    /// of [`Suggester::suggest`], which depends on the text alone, so that a caller can
    /// keep it while the text and the suggester stay the same and only filter it per edit.
    pub fn matches(&self, doc: &Document) -> Matches {
        Matches(self.matcher.find(doc))
    }

    /// `matches` (of `ws`'s text, by this suggester) less where an annotation with the
    /// suggested tag already covers any of it: what [`Suggester::suggest`] gives.
    pub fn unannotated(&self, matches: &Matches, ws: &Workspace) -> Vec<Suggestion> {
        let covered = Covered::new(ws);
        let text = ws.document.text();
        let hits = &matches.0;
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits {
            let learned = &self.learned[hit.key];
            if !covered.overlaps(learned.tag, &hit.chars) {
                out.push(Suggestion {
                    start: hit.chars.start,
                    end: hit.chars.end,
                    tag: learned.tag,
                    exact: text[hit.bytes.clone()].to_owned(),
                    entity_type: learned.entity_type.clone(),
                    count: learned.count,
                });
            }
        }
        out
    }
}

/// For "Tag all N occurrences" on annotation `id`'s card: every other place of its text
/// in `ws` that is not tagged with its tag yet, by the suggestions' rules (case as
/// `options` say; its minimum length aside). Empty when there is no such annotation.
pub fn occurrences(ws: &Workspace, id: AnnotationId, options: &Options) -> Vec<Range<usize>> {
    let Some(a) = ws.get(id) else { return Vec::new() };
    let text = key(&a.exact, !options.case_sensitive);
    if text.is_empty() {
        return Vec::new();
    }
    let covered = Covered::new(ws);
    Matcher::new(&[text], !options.case_sensitive)
        .find(&ws.document)
        .into_iter()
        .map(|hit| hit.chars)
        .filter(|range| !covered.overlaps(a.tag, range))
        .collect()
}

/// The spans each tag covers (orphans aside: they cover nothing), for asking whether a
/// range overlaps one of them.
struct Covered {
    /// Per tag (a handful): starts in order, and the furthest end among the spans up to each.
    by_tag: Vec<(Tag, Vec<usize>, Vec<usize>)>,
}

impl Covered {
    fn new(ws: &Workspace) -> Self {
        let mut by_tag: Vec<(Tag, Vec<usize>, Vec<usize>)> = Vec::new();
        // Annotations come in document order, by start.
        for a in ws.annotations().iter().filter(|a| !a.orphan && !a.is_empty()) {
            let at = match by_tag.iter().position(|(tag, ..)| *tag == a.tag) {
                Some(at) => at,
                None => {
                    by_tag.push((a.tag, Vec::new(), Vec::new()));
                    by_tag.len() - 1
                }
            };
            let (_, starts, ends) = &mut by_tag[at];
            starts.push(a.start);
            ends.push(ends.last().map_or(a.end, |&e: &usize| e.max(a.end)));
        }
        Self { by_tag }
    }

    /// Whether a span tagged `tag` shares a code point with `range`.
    fn overlaps(&self, tag: Tag, range: &Range<usize>) -> bool {
        let Some((_, starts, ends)) = self.by_tag.iter().find(|(t, ..)| *t == tag) else { return false };
        let before_end = starts.partition_point(|&s| s < range.end);
        before_end > 0 && ends[before_end - 1] > range.start
    }
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;

//! What the person's own tags teach: each tagged text, with how often it got which tag
//! and entity type; and the texts they rejected as suggestions.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{Annotation, Workspace};
use crate::tagset::Tag;

use super::haystack::key;

/// `text` whitespace-normalised, as dictionary keys and rejections have it: white space
/// runs (line breaks included) as one space, none at either end; case kept.
pub fn normalise(text: &str) -> String {
    key(text, false)
}

/// Tagged texts (whitespace-normalised, case kept) and what each was tagged as, learned
/// from the annotations of any number of workspaces: what suggestions are made of.
///
/// Entities, sources and custom tags teach it; claims do not: a claim is a sentence
/// checked once, not a name that comes back, and suggesting it again elsewhere would be
/// noise. Orphans teach too: their quote is still what the person tagged.
///
/// Counts add up: learn each workspace once (or [`Dictionary::unlearn`] its old version
/// first). Saved as JSON by text, then tag: `{"Defense Ministry": {"source": {"count": 2}}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Dictionary {
    entries: BTreeMap<String, Taught>,
}

/// How often one text got each tag.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub(super) struct Taught {
    by_tag: BTreeMap<Tag, Tally>,
}

/// How many annotations gave a text one tag, and the entity types they had.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Tally {
    count: u32,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    types: BTreeMap<String, u32>,
}

/// What a text is suggested as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Learned {
    /// The tag it got most often (on a tie, the first key in alphabetical order).
    pub tag: Tag,
    /// The entity type annotations with that tag had most often, empty ones aside (on a
    /// tie, the first alphabetically); empty when none had one.
    pub entity_type: String,
    /// How many annotations taught it, whatever their tag.
    pub count: u32,
}

/// Whether an annotation teaches the dictionary (see [`Dictionary`]).
fn teaches(a: &Annotation) -> bool {
    a.tag != Tag::Claim
}

impl Dictionary {
    /// Learns every entity, source and custom-tag annotation of `ws` (claims aside).
    pub fn learn(&mut self, ws: &Workspace) {
        self.learn_from(ws.annotations().iter().map(|a| &**a));
    }

    /// [`Dictionary::learn`] from annotations alone (a stored document's records: the
    /// text is not needed to learn from them).
    pub fn learn_from<'a>(&mut self, annotations: impl IntoIterator<Item = &'a Annotation>) {
        for a in annotations.into_iter().filter(|a| teaches(a)) {
            let text = normalise(&a.exact);
            if !text.is_empty() {
                self.entries.entry(text).or_default().add(a, 1);
            }
        }
    }

    /// Takes back what [`Dictionary::learn`] of `ws` added (an older version of a document
    /// before its new one is learned); a text nothing teaches any more is forgotten.
    pub fn unlearn(&mut self, ws: &Workspace) {
        for a in ws.annotations().iter().filter(|a| teaches(a)) {
            let text = normalise(&a.exact);
            if let Some(taught) = self.entries.get_mut(&text) {
                taught.add(a, -1);
                if taught.by_tag.is_empty() {
                    self.entries.remove(&text);
                }
            }
        }
    }

    /// The dictionary of every workspace of `all` (a library's documents).
    pub fn from_workspaces<'a>(all: impl IntoIterator<Item = &'a Workspace>) -> Self {
        let mut dict = Self::default();
        all.into_iter().for_each(|ws| dict.learn(ws));
        dict
    }

    /// How many different texts it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What `text` (normalised here) was learned as, if it was.
    pub fn get(&self, text: &str) -> Option<Learned> {
        self.entries.get(&normalise(text)).map(Taught::learned)
    }

    /// Every text with what it was learned as, in alphabetical order of the texts.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Learned)> {
        self.entries.iter().map(|(text, taught)| (text.as_str(), taught.learned()))
    }

    /// The raw tallies, for the suggester to join texts that differ only in case.
    pub(super) fn tallies(&self) -> impl Iterator<Item = (&String, &Taught)> {
        self.entries.iter()
    }
}

impl Taught {
    /// Counts `a` once more (`by` 1) or once less (-1).
    fn add(&mut self, a: &Annotation, by: i64) {
        let tally = self.by_tag.entry(a.tag).or_default();
        let step = |n: &mut u32| *n = (i64::from(*n) + by).clamp(0, i64::from(u32::MAX)) as u32;
        step(&mut tally.count);
        if !a.entity_type.is_empty() {
            let n = tally.types.entry(a.entity_type.clone()).or_default();
            step(n);
            if *n == 0 {
                tally.types.remove(&a.entity_type);
            }
        }
        if tally.count == 0 {
            self.by_tag.remove(&a.tag);
        }
    }

    /// Both tallies as one (two texts that read the same once case is ignored).
    pub(super) fn join(&mut self, other: &Taught) {
        for (tag, theirs) in &other.by_tag {
            let ours = self.by_tag.entry(*tag).or_default();
            ours.count = ours.count.saturating_add(theirs.count);
            for (kind, n) in &theirs.types {
                let mine = ours.types.entry(kind.clone()).or_default();
                *mine = mine.saturating_add(*n);
            }
        }
    }

    /// The winning tag and its entity type; `Taught`s are never empty once built.
    pub(super) fn learned(&self) -> Learned {
        let (tag, tally) = most(self.by_tag.iter().map(|(t, n)| (t.key(), (t, n), n.count))).expect("taught");
        let entity_type =
            most(tally.types.iter().map(|(k, n)| (k.as_str(), k, *n))).cloned().unwrap_or_default();
        let count = self.by_tag.values().fold(0u32, |sum, n| sum.saturating_add(n.count));
        Learned { tag: *tag, entity_type, count }
    }
}

/// The item with the highest count; on a tie, the one whose name comes first.
fn most<'a, T>(items: impl Iterator<Item = (&'a str, T, u32)>) -> Option<T> {
    items.max_by(|(a, _, m), (b, _, n)| m.cmp(n).then_with(|| b.cmp(a))).map(|(_, item, _)| item)
}

/// The texts the person rejected as suggestions (`x`), whitespace-normalised with their
/// case: never suggested again, whatever tag they would get. Ignoring case, a rejected
/// text also rejects the texts that differ from it only in case. Saved as a JSON list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rejections {
    texts: BTreeSet<String>,
}

impl Rejections {
    /// Never suggests `exact` (normalised here) again.
    pub fn reject(&mut self, exact: &str) {
        self.texts.insert(normalise(exact));
    }

    /// Suggests `exact` again (a rejection taken back).
    pub fn unreject(&mut self, exact: &str) {
        self.texts.remove(&normalise(exact));
    }

    /// Whether `exact` (normalised here, case as it is) was rejected.
    pub fn is_rejected(&self, exact: &str) -> bool {
        self.texts.contains(&normalise(exact))
    }

    /// How many texts were rejected.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Every rejected text, normalised, in alphabetical order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.texts.iter().map(String::as_str)
    }
}

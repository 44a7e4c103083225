//! What spans can be tagged as, and the attributes they carry: the tag set (Claim, Source,
//! Entity by default; people add, rename, recolour and remove tags) and entity types.
//! A claim's status has its own module, `status`.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A tag's key: a short lowercase slug (`claim`, `quote-2`). It names the tag in data and
/// CSS classes and never changes; renaming a tag changes its label only. Kept inline so
/// a tag is `Copy` like the integer it nearly is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag {
    len: u8,
    bytes: [u8; Tag::MAX_LEN],
}

// The default tags are named like the enum variants they once were, so that code and
// patterns read `Tag::Claim` as before.
#[allow(non_upper_case_globals)]
impl Tag {
    /// Longest key, in ASCII characters.
    pub const MAX_LEN: usize = 24;
    /// A statement to check; the only tag with a status and sources.
    pub const Claim: Tag = Tag::from_static("claim");
    /// Who or what a claim is attributed to; claims link to it.
    pub const Source: Tag = Tag::from_static("source");
    /// A person, organisation, place…, typed from the tag set's entity types.
    pub const Entity: Tag = Tag::from_static("entity");
    /// The tags every new document starts with, in this order.
    pub const DEFAULTS: [Tag; 3] = [Tag::Claim, Tag::Source, Tag::Entity];

    const fn valid_byte(b: u8, first: bool) -> bool {
        b.is_ascii_lowercase() || b.is_ascii_digit() || (!first && (b == b'-' || b == b'_'))
    }

    const fn from_static(s: &str) -> Tag {
        match Tag::try_new(s) {
            Some(tag) => tag,
            None => panic!("not a tag key"),
        }
    }

    const fn try_new(s: &str) -> Option<Tag> {
        let src = s.as_bytes();
        if src.is_empty() || src.len() > Tag::MAX_LEN {
            return None;
        }
        let mut bytes = [0; Tag::MAX_LEN];
        let mut i = 0;
        while i < src.len() {
            if !Tag::valid_byte(src[i], i == 0) {
                return None;
            }
            bytes[i] = src[i];
            i += 1;
        }
        Some(Tag { len: src.len() as u8, bytes })
    }

    /// Reads a key: 1–24 of `a-z`, `0-9`, `-`, `_`, starting with a letter or digit.
    pub fn parse(s: &str) -> Result<Tag, TagError> {
        Tag::try_new(s).ok_or_else(|| TagError::BadKey(s.chars().take(40).collect()))
    }

    /// A key made from a label (`"Direct quote"` → `direct-quote`), unique among `taken`.
    pub fn from_label(label: &str, taken: impl Fn(Tag) -> bool) -> Tag {
        let mut slug = String::new();
        for c in label.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        let base: String = if slug.is_empty() { "tag".into() } else { slug.chars().take(20).collect() };
        let base = base.trim_end_matches('-');
        (1..)
            .map(|n| if n == 1 { base.to_owned() } else { format!("{base}-{n}") })
            .filter_map(|k| Tag::try_new(&k))
            .find(|t| !taken(*t))
            .expect("some numbered key is free")
    }

    /// The key as text (`"claim"`), as files and CSS classes write it.
    pub fn key(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).expect("keys are ASCII")
    }

    /// `claim` → `Claim`: the label a tag gets when a file names it without defining it.
    pub fn default_label(&self) -> String {
        let mut chars = self.key().chars();
        chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tag({})", self.key())
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Tag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Tag::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Colours tags can have: the Okabe–Ito palette, told apart with the common colour-vision
/// deficiencies (yellow left out: it has no contrast on a light page).
pub const PALETTE: [(&str, &str); 7] = [
    ("#e69f00", "Orange"),
    ("#0072b2", "Blue"),
    ("#009e73", "Green"),
    ("#cc79a7", "Pink"),
    ("#56b4e9", "Sky blue"),
    ("#d55e00", "Vermilion"),
    ("#7f7f7f", "Grey"),
];

/// Underline styles: with the label at the start of each span, the cue that tells tags
/// apart without colour (by the tag's position in the set).
pub const CUES: [&str; 5] = ["solid", "dashed", "dotted", "double", "wavy"];

/// One tag as people see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagDef {
    /// What annotations and files name it by; never changes.
    pub key: Tag,
    /// Its name as shown: not blank, and unique in its set ignoring case and outer spaces.
    pub label: String,
    /// `#rrggbb`, one of `PALETTE` when chosen in the app.
    pub colour: String,
    /// The key that applies it (`1`–`9` by default), or empty for none.
    #[serde(default)]
    pub hotkey: String,
}

/// Why a change to the tag set was refused.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum TagError {
    /// A key in a file is not a short lowercase slug.
    #[error("“{0}” is not a tag key (1–24 of a–z, 0–9, - and _).")]
    BadKey(String),
    /// A tag needs a name to be shown.
    #[error("Give the tag a name.")]
    EmptyLabel,
    /// Two tags would look alike in every list.
    #[error("There is already a tag called “{0}”.")]
    DuplicateLabel(String),
    /// Two tags on one key.
    #[error("The key {0} already applies “{1}”; choose another.")]
    DuplicateHotkey(String, String),
    /// Keys the app uses for other things, or more than one character.
    #[error("“{0}” cannot be a tag's key: use one letter or digit other than j, k and ?.")]
    BadHotkey(String),
    /// Colours are `#rrggbb`.
    #[error("“{0}” is not a colour (#rrggbb).")]
    BadColour(String),
    /// Removing a tag must not lose annotations.
    #[error("{} tagged “{label}”: retag or delete {} first.", in_use(*count), if *count == 1 { "it" } else { "them" })]
    InUse {
        /// The tag's name.
        label: String,
        /// How many annotations carry it.
        count: usize,
    },
    /// Something must be left to tag with.
    #[error("Keep at least one tag.")]
    Empty,
}

/// Keys the app's own shortcuts take without a modifier (the app's keymap is held to this
/// list by a test): no tag may have one of them, in either case.
pub const RESERVED_HOTKEYS: [&str; 3] = ["?", "j", "k"];

/// "1 annotation is", "3 annotations are".
fn in_use(count: usize) -> String {
    if count == 1 { "1 annotation is".to_owned() } else { format!("{count} annotations are") }
}

/// The document's tags, in the order of their buttons, and its list of entity types.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagSet {
    /// In button order. A set in use passes [`TagSet::check`]: at least one tag, and no
    /// key, label or hotkey twice.
    pub tags: Vec<TagDef>,
    /// The types an entity can be given, in menu order (`person`, `organisation`…).
    pub entity_types: Vec<String>,
}

impl Default for TagSet {
    fn default() -> Self {
        let tags = Tag::DEFAULTS
            .iter()
            .enumerate()
            .map(|(i, t)| TagDef {
                key: *t,
                label: t.default_label(),
                colour: PALETTE[i].0.to_owned(),
                hotkey: (i + 1).to_string(),
            })
            .collect();
        let entity_types = ["person", "organisation", "place", "other"].map(String::from).to_vec();
        Self { tags, entity_types }
    }
}

fn valid_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|c| c.is_ascii_hexdigit())
}

impl TagSet {
    /// The definition of `tag`, if the set has it.
    pub fn get(&self, tag: Tag) -> Option<&TagDef> {
        self.tags.iter().find(|d| d.key == tag)
    }

    /// Position of `tag` in the set: picks its non-colour cue (underline style).
    pub fn position(&self, tag: Tag) -> Option<usize> {
        self.tags.iter().position(|d| d.key == tag)
    }

    /// The tag's underline style (see `CUES`).
    pub fn cue(&self, tag: Tag) -> &'static str {
        CUES[self.position(tag).unwrap_or(0) % CUES.len()]
    }

    /// The tag's name, or one made from its key if the set lacks it.
    pub fn label(&self, tag: Tag) -> String {
        self.get(tag).map_or_else(|| tag.default_label(), |d| d.label.clone())
    }

    /// The tag a key press applies (case-insensitive).
    pub fn by_hotkey(&self, key: &str) -> Option<Tag> {
        self.tags.iter().find(|d| !d.hotkey.is_empty() && d.hotkey.eq_ignore_ascii_case(key)).map(|d| d.key)
    }

    /// The tag a label or key names (imports from other tools), case-insensitive.
    pub fn by_label(&self, label: &str) -> Option<Tag> {
        let label = label.trim();
        self.tags
            .iter()
            .find(|d| d.key.key().eq_ignore_ascii_case(label) || d.label.trim().eq_ignore_ascii_case(label))
            .map(|d| d.key)
    }

    /// Makes sure `tag` is defined (a file used it without defining it): nothing is lost.
    pub fn ensure(&mut self, tag: Tag) {
        if self.get(tag).is_none() {
            let colour = PALETTE[self.tags.len() % PALETTE.len()].0.to_owned();
            let hotkey = self.free_hotkey();
            self.tags.push(TagDef { key: tag, label: tag.default_label(), colour, hotkey });
        }
    }

    /// A new tag called `label`, with the next colour and free digit. Only the new tag is
    /// checked (a name, not one already used): a problem elsewhere in a set being edited is
    /// for that tag's row, and must not stop this one being added.
    pub fn add(&mut self, label: &str) -> Result<Tag, TagError> {
        let label = label.trim();
        if label.is_empty() {
            return Err(TagError::EmptyLabel);
        }
        if self.tags.iter().any(|d| d.label.trim().eq_ignore_ascii_case(label)) {
            return Err(TagError::DuplicateLabel(label.to_owned()));
        }
        let key = Tag::from_label(label, |t| self.get(t).is_some());
        let colour = PALETTE[self.tags.len() % PALETTE.len()].0.to_owned();
        let hotkey = self.free_hotkey();
        self.tags.push(TagDef { key, label: label.to_owned(), colour, hotkey });
        Ok(key)
    }

    /// The first digit no tag uses, or none when all ten are taken.
    pub(crate) fn free_hotkey(&self) -> String {
        "1234567890"
            .chars()
            .map(String::from)
            .find(|k| !self.tags.iter().any(|d| d.hotkey.eq_ignore_ascii_case(k)))
            .unwrap_or_default()
    }

    /// Whether the set can be used: named tags, distinct labels and keys, valid colours.
    pub fn check(&self) -> Result<(), TagError> {
        if self.tags.is_empty() {
            return Err(TagError::Empty);
        }
        for (i, d) in self.tags.iter().enumerate() {
            if d.label.trim().is_empty() {
                return Err(TagError::EmptyLabel);
            }
            if !valid_colour(&d.colour) {
                return Err(TagError::BadColour(d.colour.clone()));
            }
            let mut chars = d.hotkey.chars();
            let reserved = RESERVED_HOTKEYS.iter().any(|k| d.hotkey.eq_ignore_ascii_case(k));
            if !d.hotkey.is_empty()
                && (chars.next().is_some_and(|c| !c.is_alphanumeric()) || chars.next().is_some() || reserved)
            {
                return Err(TagError::BadHotkey(d.hotkey.clone()));
            }
            for other in &self.tags[..i] {
                if other.key == d.key || other.label.trim().eq_ignore_ascii_case(d.label.trim()) {
                    return Err(TagError::DuplicateLabel(d.label.trim().to_owned()));
                }
                if !d.hotkey.is_empty() && other.hotkey.eq_ignore_ascii_case(&d.hotkey) {
                    return Err(TagError::DuplicateHotkey(d.hotkey.clone(), other.label.clone()));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "tagset_tests.rs"]
mod tests;

//! What a person types into the library's search box, read as Hypothesis reads its own:
//! free words, "quoted phrases", and `key:value` filters (`tag:claim`, `status:disputed`,
//! `type:person`, `note:wapo`, `in:quote`), a value quoted when it has spaces.

use super::results::Field;
use super::tokens::{fold_words, tokens};

/// Words to be found one after the other, folded as the index folds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The folded words, in order; never empty.
    pub words: Vec<Box<str>>,
}

impl Phrase {
    /// The phrase of `s`'s words; `None` when it has none (punctuation, emoji).
    pub fn of(s: &str) -> Option<Phrase> {
        let words: Vec<Box<str>> = tokens(s).into_iter().map(|t| t.folded).collect();
        (!words.is_empty()).then_some(Phrase { words })
    }
}

/// A parsed query. Filters combine with AND, and so do the free phrases (see
/// [`crate::search`] for where each must be found).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Free words and phrases, each to be found. An unquoted word is a phrase of the
    /// words it splits into ("e-mail", or 防衛省, which is three).
    pub text: Vec<Phrase>,
    /// `tag:` values, folded: the tag's key or name.
    pub tags: Vec<String>,
    /// `status:` values, folded: a claim status's key (`disputed`).
    pub statuses: Vec<String>,
    /// `type:` values, folded: an entity type (`person`).
    pub types: Vec<String>,
    /// `note:` values: phrases the annotation's note must have.
    pub notes: Vec<Phrase>,
    /// `in:` values: the only fields free text is looked for in; empty for all.
    pub fields: Vec<Field>,
}

/// Opening quotes (straight, and the curly ones phone keyboards type).
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

impl Query {
    /// Reads `input`. Never fails: an unknown `key:value` (or an `in:` of no field) is
    /// free text, an unclosed quote runs to the end, and a filter with no value is its
    /// key as a word.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut rest = input;
        loop {
            rest = rest.trim_start();
            let Some(first) = rest.chars().next() else { break };
            if is_quote(first) {
                let (inside, after) = quoted(&rest[first.len_utf8()..]);
                q.add_text(inside);
                rest = after;
                continue;
            }
            if let Some((key, after_colon)) = filter_key(rest) {
                let (value, after) = match after_colon.chars().next() {
                    Some(c) if is_quote(c) => quoted(&after_colon[c.len_utf8()..]),
                    _ => chunk(after_colon),
                };
                if !value.trim().is_empty() && q.add_filter(key, value) {
                    rest = after;
                    continue;
                }
            }
            let (word, after) = chunk(rest);
            q.add_text(word);
            rest = after;
        }
        q
    }

    /// Whether it asks for nothing: no free text and no filter (`in:` alone finds nothing).
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && !self.has_filters()
    }

    /// Whether it restricts annotations (`tag:`, `status:`, `type:`, `note:`): free text
    /// is then looked for in those annotations only.
    pub fn has_filters(&self) -> bool {
        !(self.tags.is_empty() && self.statuses.is_empty() && self.types.is_empty() && self.notes.is_empty())
    }

    /// Whether free text is looked for in `field` (`in:` leaves some out).
    pub fn searches(&self, field: Field) -> bool {
        self.fields.is_empty() || self.fields.contains(&field)
    }

    fn add_text(&mut self, s: &str) {
        if let Some(p) = Phrase::of(s) {
            if !self.text.contains(&p) {
                self.text.push(p);
            }
        }
    }

    /// Takes `key:value` as a filter; false when it is not one (`in:` of no field).
    fn add_filter(&mut self, key: &str, value: &str) -> bool {
        let push = |list: &mut Vec<String>, v: String| {
            if !list.contains(&v) {
                list.push(v);
            }
        };
        match key {
            "tag" => push(&mut self.tags, fold_words(value)),
            "status" => push(&mut self.statuses, fold_words(value)),
            "type" => push(&mut self.types, fold_words(value)),
            "note" => match Phrase::of(value) {
                Some(p) if !self.notes.contains(&p) => self.notes.push(p),
                Some(_) => {}
                None => return false,
            },
            "in" => match Field::from_key(value.trim()) {
                Some(f) if !self.fields.contains(&f) => self.fields.push(f),
                Some(_) => {}
                None => return false,
            },
            _ => return false,
        }
        true
    }
}

/// The filter key `s` starts with (lowercased, if it is one) and what follows its colon.
fn filter_key(s: &str) -> Option<(&'static str, &str)> {
    let (key, after) = s.split_once(':')?;
    let known = ["tag", "status", "type", "note", "in"].into_iter().find(|k| k.eq_ignore_ascii_case(key))?;
    Some((known, after))
}

/// The text up to the closing quote (or the end), and what follows it.
fn quoted(s: &str) -> (&str, &str) {
    match s.char_indices().find(|(_, c)| is_quote(*c)) {
        Some((at, c)) => (&s[..at], &s[at + c.len_utf8()..]),
        None => (s, ""),
    }
}

/// The text up to white space or a quote, and what follows.
fn chunk(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| c.is_whitespace() || is_quote(c)).unwrap_or(s.len());
    // A quote right at the start would never be consumed: take it as part of the chunk.
    let end = if end == 0 { s.chars().next().map_or(0, char::len_utf8) } else { end };
    s.split_at(end)
}

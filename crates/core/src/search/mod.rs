//! Searching the whole library: a full-text index of every document's title, text,
//! quotes and notes, kept up to date one document at a time, and queries typed as
//! Hypothesis's are (see [`Query`]).
//!
//! Words are word snapping's (`crate::boundaries`), folded: lowercased and stripped of
//! accents, so "Défense" finds "defense" and "DEFENSE"; each Han ideograph and kana is a
//! word, so 防衛省 is found as a phrase of three inside 日本の防衛省が発表した (see
//! [`tokens`]). A phrase is its words one after the other, never across a line break.
//!
//! What a query finds, in each document (documents with no hit are left out; the rest
//! come newest first):
//! - free words and phrases only: every place each one is in the title, the text, the
//!   quotes and the notes (`in:` names the only fields to look in), as a highlighter
//!   marks them, provided that each of them is somewhere in the document;
//! - filters only (`tag:`, `status:`, `type:`, `note:`, all of which must hold): each
//!   annotation that passes, as a hit on its whole quote. `tag:` names a tag by key or
//!   name, in that document's tag set; `status:` is a claim's (no other annotation has
//!   one); `type:` is the entity type, whole; `note:` a word or phrase of the note. All
//!   ignore case and accents;
//! - filters and free text: the places the free text is in the quotes and notes of the
//!   annotations that pass, in those that have every word and phrase of it (`in:quote`
//!   or `in:note` narrows that; `in:text` reads as the quote, the text under it;
//!   `in:title` alone leaves nothing to look in).
//!
//! Positions are code points into the field's own string (the title, the text, the
//! quote, the note), half-open, as everywhere.
//!
//! Cost: an edit that leaves the text alone costs pointer comparisons from both ends of
//! the document's annotations to the place the edit changed (no hashing of the others)
//! and tokenising what changed; a new text is tokenised in full, or read from the record a previous index
//! made of it ([`SearchIndex::text_record`], kept by `Library::keep_search_record`).
//! A document's words are numbered once each; those only an edit of a note or quote
//! brought stay numbered (a few bytes each) until its text changes.

use rustc_hash::FxHashMap;

use crate::model::{AnnotationId, Workspace};

mod doc;
mod kwic;
mod matching;
mod postings;
mod query;
mod record;
mod results;
mod tokens;

pub use kwic::{Kwic, WINDOW};
pub use query::{Phrase, Query};
pub use results::{DocResults, Field, Hit};
pub use tokens::{Token, tokens};

use doc::DocIndex;

/// How an update came by the text's postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextIndexed {
    /// The text was the one already indexed: only the title and annotations were looked at.
    Kept,
    /// Read from the record given.
    FromRecord,
    /// Tokenised: a record of it ([`SearchIndex::text_record`]) is worth keeping.
    Tokenised,
}

/// The index of every document of the library given to it, by document id.
#[derive(Debug, Default)]
pub struct SearchIndex {
    docs: FxHashMap<AnnotationId, DocIndex>,
}

impl SearchIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes document `id` as `ws`, listed as `title` and last changed at `updated`
    /// (RFC 3339, which orders results): when its text is the one already indexed, only
    /// the title and the annotations that changed are indexed again.
    pub fn update(&mut self, id: AnnotationId, title: &str, updated: &str, ws: &Workspace) -> TextIndexed {
        self.update_with_record(id, title, updated, ws, None)
    }

    /// [`SearchIndex::update`], reading the text's postings from `record` (made by
    /// [`SearchIndex::text_record`]) rather than tokenising the text, when the text is
    /// not already indexed and the record is a whole one of this very text: one of
    /// another text, of another version of the index, or damaged is not used.
    pub fn update_with_record(
        &mut self,
        id: AnnotationId,
        title: &str,
        updated: &str,
        ws: &Workspace,
        record: Option<&str>,
    ) -> TextIndexed {
        if let Some(d) = self.docs.get_mut(&id).filter(|d| d.same_text(&ws.document)) {
            d.refresh(title, updated, ws);
            return TextIndexed::Kept;
        }
        let doc = &ws.document;
        let read = record.and_then(|r| {
            let sha = doc.sha256();
            record::read(r, &sha, doc.char_len()).map(|postings| (postings, sha))
        });
        let (how, postings, sha) = match read {
            Some((postings, sha)) => (TextIndexed::FromRecord, postings, Some(sha)),
            None => (TextIndexed::Tokenised, DocIndex::tokenise(doc), None),
        };
        self.docs.insert(id, DocIndex::new(title, updated, ws, postings, sha));
        how
    }

    /// The record of document `id`'s text postings, to keep beside it and give back to
    /// [`SearchIndex::update_with_record`]; `None` when it is not indexed.
    pub fn text_record(&self, id: AnnotationId) -> Option<String> {
        let d = self.docs.get(&id)?;
        Some(record::write(d.sha(), &d.terms, &d.text))
    }

    /// Takes document `id` out of the index (deleted); whether it was in.
    pub fn remove(&mut self, id: AnnotationId) -> bool {
        self.docs.remove(&id).is_some()
    }

    /// Whether document `id` is indexed.
    pub fn contains(&self, id: AnnotationId) -> bool {
        self.docs.contains_key(&id)
    }

    /// How many documents are indexed.
    pub fn docs(&self) -> usize {
        self.docs.len()
    }

    /// What `q` finds (see the module's rules): each document with a hit, newest first
    /// (then by title), with at most `limit_per_doc` of its hits, in text order, and how
    /// many it has in all. Nothing for an empty query.
    pub fn search(&self, q: &Query, limit_per_doc: usize) -> Vec<DocResults> {
        if q.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<DocResults> =
            self.docs.iter().filter_map(|(id, d)| matching::search_doc(*id, d, q, limit_per_doc)).collect();
        out.sort_by(|a, b| {
            (b.updated.cmp(&a.updated)).then_with(|| a.title.cmp(&b.title)).then_with(|| a.doc.cmp(&b.doc))
        });
        out
    }
}

#[cfg(test)]
mod oracle_tests;
#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod record_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tokens_tests;

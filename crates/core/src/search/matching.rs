//! A query run over one document: which places are hits (see [`crate::search`] for the
//! rules), counted in full, and the first few of them in text order with their context.

use crate::model::{AnnotationId, CONTEXT_CHARS};
use crate::offsets::{char_len, char_to_byte};
use crate::status::ClaimStatus;
use crate::tagset::Tag;

use super::doc::{AnnEntry, DocIndex};
use super::kwic::{Kwic, WINDOW};
use super::query::{Phrase, Query};
use super::results::{DocResults, Field, Hit};
use super::tokens::fold_words;

/// A hit before its context is cut: only the kept ones get one.
struct Raw<'a> {
    /// Worked out once: sorting thousands of hits must not chase each one's annotation.
    order: Order,
    field: Field,
    start: usize,
    end: usize,
    ann: Option<&'a AnnEntry>,
}

/// Text order: the title first, then by place in the text, where a quote's hit is at its
/// annotation's start plus its offset, and a note's at its annotation's start.
type Order = (bool, usize, u8, Option<AnnotationId>, usize);

impl<'a> Raw<'a> {
    fn new(field: Field, start: usize, end: usize, ann: Option<&'a AnnEntry>) -> Self {
        let at = ann.map_or(0, |e| e.ann.start);
        let (pos, rank) = match field {
            Field::Title => (0, 0),
            Field::Text => (start, 1),
            Field::Quote => (at + start, 2),
            Field::Note => (at, 3),
        };
        let order = (field != Field::Title, pos, rank, ann.map(|e| e.ann.id), start);
        Self { order, field, start, end, ann }
    }
}

/// `id`'s results for `q` (`d` its index), at most `limit` hits kept; `None` for no hit.
pub(super) fn search_doc(id: AnnotationId, d: &DocIndex, q: &Query, limit: usize) -> Option<DocResults> {
    let mut raw = if q.has_filters() { annotation_hits(d, q)? } else { free_hits(d, q)? };
    if raw.is_empty() {
        return None;
    }
    let total = raw.len();
    if raw.len() > limit {
        // Only the first `limit` are sorted and given context: "the" has thousands.
        raw.select_nth_unstable_by_key(limit, |r| r.order);
        raw.truncate(limit);
    }
    raw.sort_unstable_by_key(|r| r.order);
    let hits = raw.iter().map(|r| hit(d, r)).collect();
    Some(DocResults { doc: id, title: d.title.clone(), updated: d.updated.clone(), total, hits })
}

/// The numbers of `p`'s words in `d`; `None` if one of them is nowhere in it.
fn ids(d: &DocIndex, p: &Phrase) -> Option<Vec<u32>> {
    p.words.iter().map(|w| d.terms.get(w)).collect()
}

/// Without filters: every place each free phrase is, in the fields `in:` allows; none
/// unless each phrase is somewhere in the document.
fn free_hits<'a>(d: &'a DocIndex, q: &Query) -> Option<Vec<Raw<'a>>> {
    if q.text.is_empty() {
        return None;
    }
    let phrases: Vec<Vec<u32>> = q.text.iter().map(|p| ids(d, p)).collect::<Option<_>>()?;
    let mut found = vec![false; phrases.len()];
    let (mut raw, mut spans) = (Vec::new(), Vec::new());
    let mut take = |raw: &mut Vec<Raw<'a>>, spans: &mut Vec<(usize, usize)>, i: usize, field, ann| {
        found[i] |= !spans.is_empty();
        raw.extend(spans.drain(..).map(|(start, end)| Raw::new(field, start, end, ann)));
    };
    for (i, p) in phrases.iter().enumerate() {
        if q.searches(Field::Title) {
            d.title_words.find(p, &mut spans);
            take(&mut raw, &mut spans, i, Field::Title, None);
        }
        if q.searches(Field::Text) {
            d.text.find(p, &mut spans);
            take(&mut raw, &mut spans, i, Field::Text, None);
        }
    }
    let (quotes, notes) = (q.searches(Field::Quote), q.searches(Field::Note));
    if quotes || notes {
        // One pass over the annotations, all phrases at each: they are the most memory.
        for e in d.anns.values() {
            for (i, p) in phrases.iter().enumerate() {
                if quotes {
                    e.quote.find(p, &mut spans);
                    take(&mut raw, &mut spans, i, Field::Quote, Some(e));
                }
                if notes {
                    e.note.find(p, &mut spans);
                    take(&mut raw, &mut spans, i, Field::Note, Some(e));
                }
            }
        }
    }
    found.iter().all(|f| *f).then_some(raw)
}

/// With filters: the annotations that pass them; with free text too, each phrase's
/// places in the quote or note (`in:text` reads as the quote, the text under it) of
/// those annotations that have every phrase, and without, the quote of each (the places
/// in its note of a `note:` filter's phrases, when there is one).
fn annotation_hits<'a>(d: &'a DocIndex, q: &Query) -> Option<Vec<Raw<'a>>> {
    let keep = Keep::new(d, q)?;
    let phrases: Vec<Vec<u32>> = q.text.iter().map(|p| ids(d, p)).collect::<Option<_>>()?;
    let quotes = q.searches(Field::Quote) || q.searches(Field::Text);
    let notes = q.searches(Field::Note);
    let (mut raw, mut spans) = (Vec::new(), Vec::new());
    for e in d.anns.values().filter(|e| keep.keeps(e)) {
        if phrases.is_empty() && keep.notes.is_empty() {
            raw.push(Raw::new(Field::Quote, 0, char_len(&e.ann.exact), Some(e)));
            continue;
        }
        if phrases.is_empty() {
            // `note:` alone: where the note says it is what the person looks for.
            for p in &keep.notes {
                e.note.find(p, &mut spans);
                raw.extend(spans.drain(..).map(|(start, end)| Raw::new(Field::Note, start, end, Some(e))));
            }
            continue;
        }
        let before = raw.len();
        for p in &phrases {
            let at = raw.len();
            for (on, field, words) in [(quotes, Field::Quote, &e.quote), (notes, Field::Note, &e.note)] {
                if on {
                    words.find(p, &mut spans);
                    raw.extend(spans.drain(..).map(|(start, end)| Raw::new(field, start, end, Some(e))));
                }
            }
            if raw.len() == at {
                raw.truncate(before);
                break;
            }
        }
    }
    Some(raw)
}

/// The filters as they apply in one document (tags by its tag set's names).
struct Keep {
    /// Per `tag:` value, the tags it names.
    tags: Vec<Vec<Tag>>,
    statuses: Vec<ClaimStatus>,
    types: Vec<String>,
    notes: Vec<Vec<u32>>,
}

impl Keep {
    /// `None` when some filter can keep nothing here (a tag it lacks, no such status, a
    /// note word it never has).
    fn new(d: &DocIndex, q: &Query) -> Option<Keep> {
        let mut tags = Vec::new();
        for v in &q.tags {
            let named: Vec<Tag> = (d.tagset.tags.iter())
                .filter(|t| fold_words(t.key.key()) == *v || fold_words(&t.label) == *v)
                .map(|t| t.key)
                .collect();
            if named.is_empty() {
                return None;
            }
            tags.push(named);
        }
        let statuses = q
            .statuses
            .iter()
            .map(|v| ClaimStatus::ALL.into_iter().find(|s| s.key() == v))
            .collect::<Option<_>>()?;
        let notes = q.notes.iter().map(|p| ids(d, p)).collect::<Option<_>>()?;
        Some(Keep { tags, statuses, types: q.types.clone(), notes })
    }

    /// Whether `e` passes every filter. A status is a claim's: `status:unchecked` keeps
    /// unchecked claims, not every source and entity (as the sidebar's filter does).
    fn keeps(&self, e: &AnnEntry) -> bool {
        let a = &e.ann;
        self.tags.iter().all(|named| named.contains(&a.tag))
            && self.statuses.iter().all(|s| a.tag == Tag::Claim && a.status == *s)
            && self.types.iter().all(|t| e.kind == *t)
            && self.notes.iter().all(|p| e.note.contains(p))
    }
}

/// Code points `[start, end)` of a short string, and what is before and after.
fn split3(s: &str, start: usize, end: usize) -> (&str, &str, &str) {
    let from = char_to_byte(s, start);
    let to = from + char_to_byte(&s[from..], end - start);
    (&s[..from], &s[from..to], &s[to..])
}

fn hit(d: &DocIndex, r: &Raw) -> Hit {
    let (start, end) = (r.start, r.end);
    let kwic = match (r.field, r.ann) {
        (Field::Text, _) => {
            // Twice the window each side, so that the cut can fall between words.
            let before = d.doc.slice(start.saturating_sub(2 * WINDOW), start);
            Kwic::new(before, d.doc.slice(start, end), d.doc.slice(end, end + 2 * WINDOW))
        }
        (Field::Quote, Some(e)) if !e.ann.orphan && e.ann.end <= d.doc.char_len() => {
            // Where the quote is in the text, its context is the text's.
            let (from, to) = (e.ann.start + start, e.ann.start + end);
            let before = d.doc.slice(from.saturating_sub(2 * WINDOW), from);
            Kwic::new(before, d.doc.slice(from, to), d.doc.slice(to, to + 2 * WINDOW))
        }
        (Field::Quote, Some(e)) => {
            // An orphan's context is what it kept of its text: perhaps cut mid-word.
            let (before, matched, after) = split3(&e.ann.exact, start, end);
            let cut = [&e.ann.prefix, &e.ann.suffix].map(|s| char_len(s) >= CONTEXT_CHARS);
            let (before, after) = (format!("{}{before}", e.ann.prefix), format!("{after}{}", e.ann.suffix));
            Kwic::within(&before, matched, &after, cut)
        }
        (Field::Note, Some(e)) => {
            let (before, matched, after) = split3(&e.ann.note, start, end);
            Kwic::new(before, matched, after)
        }
        _ => {
            let (before, matched, after) = split3(&d.title, start, end);
            Kwic::new(before, matched, after)
        }
    };
    Hit { field: r.field, start, end, annotation: r.ann.map(|e| e.ann.id), kwic }
}

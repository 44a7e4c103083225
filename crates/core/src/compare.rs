//! Two annotation sets of one article compared ("two fact-checkers, one article"): how far
//! they agree, per tag and overall, and what each has that the other lacks. A is the open
//! article, B the other file; B's annotations are first re-anchored onto A's text by
//! quote when the two texts differ, as an import's are (`anchor::update_text`).
//!
//! Figures, all as data:
//! - exact agreement: an annotation of A matches one of B with the same tag, start and
//!   end, one to one. Precision is matches / |B|, recall matches / |A| (B is scored
//!   against A), F1 their harmonic mean;
//! - overlap agreement: an annotation is matched if one on the other side with the same
//!   tag shares at least one code point with it. Recall is the share of A matched,
//!   precision the share of B matched;
//! - claim status: Cohen's κ over the statuses of the claims matched exactly.
//!
//! Empty sides: two empty sides agree perfectly (precision, recall and F1 are 1); one
//! empty side against a non-empty one agrees on nothing (all 0). "Overall" pools the
//! counts of every tag (micro-averaged), so a tag with many annotations weighs more.
//!
//! Left out: Krippendorff's α-unitizing, the measure built for comparing unitized spans,
//! because there is no worked example at hand to test an implementation against, and an
//! untested agreement figure is worse than none.
//!
//! Orphans (annotations whose quote is not in the text) have no place to be compared at:
//! they are left out of every figure and of the diff, and listed in `not_anchored`.

mod diff;
mod take;

use std::collections::BTreeMap;

use thiserror::Error;

use crate::anchor::{UpdateSummary, update_text};
use crate::model::{Annotation, AnnotationId, Workspace};
use crate::status::ClaimStatus;
use crate::tagset::Tag;

pub use diff::{DiffEntry, Difference, Field};
pub use take::take_b;

/// Why two files could not be compared.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum CompareError {
    /// The texts differ and so do the titles: by the import's rule, another article.
    #[error("These are two different articles (“{a}” and “{b}”): their titles and texts differ.")]
    NotSameArticle {
        /// A's title.
        a: String,
        /// B's title.
        b: String,
    },
    /// The texts differ, and not one of B's `count` annotations was found in A's text.
    #[error("None of the other file's {count} annotations could be found in this article's text.")]
    NothingAnchored {
        /// How many annotations B has.
        count: usize,
    },
}

/// Precision, recall and F1 of B scored against A, each in `[0, 1]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// Share of B's annotations matched.
    pub precision: f64,
    /// Share of A's annotations matched.
    pub recall: f64,
    /// The harmonic mean of the two (0 when both are 0).
    pub f1: f64,
}

/// How far the two sides agree on one tag, or on all of them pooled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Agreement {
    /// A's annotations (orphans left out).
    pub a: usize,
    /// B's annotations, once on A's text (orphans left out).
    pub b: usize,
    /// Pairs of one A and one B annotation with the same tag, start and end.
    pub exact_matches: usize,
    /// Exact agreement.
    pub exact: Scores,
    /// A's annotations sharing a code point with one of B's of the same tag.
    pub overlap_a: usize,
    /// B's annotations sharing a code point with one of A's of the same tag.
    pub overlap_b: usize,
    /// Overlap agreement.
    pub overlap: Scores,
}

/// The agreement on one tag.
#[derive(Clone, Debug, PartialEq)]
pub struct TagAgreement {
    /// The tag, matched between the sides by key.
    pub tag: Tag,
    /// Its label in A's tag set, else in B's.
    pub label: String,
    /// The figures.
    pub agreement: Agreement,
}

/// How far the statuses of the claims both sides marked alike agree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatusAgreement {
    /// Cohen's κ, in `[-1, 1]` (1: full agreement; 0: what chance gives). `None` with
    /// fewer than two pairs, or when chance alone would agree on every pair (both sides
    /// gave every claim one and the same status), where κ is 0/0.
    pub kappa: Option<f64>,
    /// Pairs of exactly matched claims whose statuses were compared.
    pub pairs: usize,
    /// How many of them have the same status on both sides.
    pub agreeing: usize,
}

/// Which side an annotation is from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The open article.
    A,
    /// The other file.
    B,
}

/// An annotation left out of the comparison: its quote is not in A's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAnchored {
    /// Whose it is.
    pub side: Side,
    /// Its id in its own file.
    pub id: AnnotationId,
    /// Its tag.
    pub tag: Tag,
    /// Its quote, as it was when it was made.
    pub quote: String,
}

/// Everything [`compare`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Per tag used on either side: A's tag-set order, then B's for tags only B has.
    pub per_tag: Vec<TagAgreement>,
    /// Every tag pooled.
    pub overall: Agreement,
    /// Agreement on the status of claims.
    pub status: StatusAgreement,
    /// Every annotation placed in A's text, classified, in document order (start, then
    /// end, then tag key).
    pub diff: Vec<DiffEntry>,
    /// Annotations of either side left out, A's first, each side in its document order.
    pub not_anchored: Vec<NotAnchored>,
    /// When B's text differed from A's: how its annotations were re-anchored.
    pub reanchored: Option<UpdateSummary>,
}

/// Compares `b`'s annotations with `a`'s on `a`'s text.
///
/// When the texts differ, `b` must be the same article by the import's rule (the same
/// title, ignoring case, as `merge::merge_import` decides) and at least one of its
/// annotations must be found in `a`'s text, or there is nothing sound to compare.
pub fn compare(a: &Workspace, b: &Workspace) -> Result<Comparison, CompareError> {
    compare_with(a, b, false)
}

/// [`compare`], with B read from a file that carries only spans, tags and links
/// (`Imported::spans_only`, doccano): its silence on notes, statuses and types is no
/// difference, and the claim-status κ is not available.
pub fn compare_with(a: &Workspace, b: &Workspace, spans_only: bool) -> Result<Comparison, CompareError> {
    let (b, reanchored) = if a.document.text() == b.document.text() {
        (b.clone(), None)
    } else {
        let (a_title, b_title) = (a.document.title(), b.document.title());
        if a_title.to_lowercase() != b_title.to_lowercase() {
            return Err(CompareError::NotSameArticle { a: a_title.to_owned(), b: b_title.to_owned() });
        }
        let (moved, summary) = update_text(b, (*a.document).clone());
        let count = moved.annotations().len();
        if count > 0 && moved.annotations().iter().all(|x| x.orphan) {
            return Err(CompareError::NothingAnchored { count });
        }
        (moved, Some(summary))
    };
    let pairs = diff::pair(a, &b, spans_only);
    let per_tag: Vec<TagAgreement> = tags_used(a, &b)
        .into_iter()
        .map(|tag| {
            let label = a.tagset().get(tag).or_else(|| b.tagset().get(tag)).map(|d| d.label.clone());
            let agreement = agreement(
                &placed(a).filter(|x| x.tag == tag).collect::<Vec<_>>(),
                &placed(&b).filter(|x| x.tag == tag).collect::<Vec<_>>(),
                pairs.iter().filter(|p| p.tag() == tag && p.is_match()).count(),
            );
            TagAgreement { tag, label: label.unwrap_or_else(|| tag.default_label()), agreement }
        })
        .collect();
    let overall = pooled(&per_tag);
    let statuses: Vec<(ClaimStatus, ClaimStatus)> =
        pairs.iter().filter(|p| p.tag() == Tag::Claim).filter_map(|p| p.statuses()).collect();
    let not_anchored = [(Side::A, a), (Side::B, &b)]
        .into_iter()
        .flat_map(|(side, ws)| {
            ws.orphans().map(move |x| NotAnchored { side, id: x.id, tag: x.tag, quote: x.exact.clone() })
        })
        .collect();
    Ok(Comparison {
        per_tag,
        overall,
        status: if spans_only { status_agreement(&[]) } else { status_agreement(&statuses) },
        diff: pairs.iter().map(|p| p.entry()).collect(),
        not_anchored,
        reanchored,
    })
}

/// The annotations of `ws` that have a place in its text.
fn placed(ws: &Workspace) -> impl Iterator<Item = &Annotation> {
    ws.annotations().iter().map(|x| &**x).filter(|x| !x.orphan)
}

/// Every tag a placed annotation of either side uses, in A's tag-set order, then B's
/// (every tag in use is in its workspace's set, so nothing falls through).
fn tags_used(a: &Workspace, b: &Workspace) -> Vec<Tag> {
    let mut tags: Vec<Tag> = placed(a).chain(placed(b)).map(|x| x.tag).collect();
    let rank = |t: &Tag| {
        let (in_a, in_b) = (a.tagset().position(*t), b.tagset().position(*t));
        (in_a.is_none(), in_a.or(in_b), t.key().to_owned())
    };
    tags.sort_by_key(rank);
    tags.dedup();
    tags
}

/// The figures for one tag's annotations on each side, `matches` of them paired exactly.
fn agreement(a: &[&Annotation], b: &[&Annotation], matches: usize) -> Agreement {
    let (overlap_a, overlap_b) = (overlapping(a, b), overlapping(b, a));
    Agreement {
        a: a.len(),
        b: b.len(),
        exact_matches: matches,
        exact: scores(matches, matches, a.len(), b.len()),
        overlap_a,
        overlap_b,
        overlap: scores(overlap_a, overlap_b, a.len(), b.len()),
    }
}

/// Every tag's counts added up, the scores worked out again from the sums.
fn pooled(per_tag: &[TagAgreement]) -> Agreement {
    let sum = |f: fn(&Agreement) -> usize| per_tag.iter().map(|t| f(&t.agreement)).sum::<usize>();
    let (a, b, matches) = (sum(|g| g.a), sum(|g| g.b), sum(|g| g.exact_matches));
    let (overlap_a, overlap_b) = (sum(|g| g.overlap_a), sum(|g| g.overlap_b));
    Agreement {
        a,
        b,
        exact_matches: matches,
        exact: scores(matches, matches, a, b),
        overlap_a,
        overlap_b,
        overlap: scores(overlap_a, overlap_b, a, b),
    }
}

/// Scores from `matched_a` of `a` and `matched_b` of `b` annotations (see the module
/// doc for empty sides).
fn scores(matched_a: usize, matched_b: usize, a: usize, b: usize) -> Scores {
    if a == 0 && b == 0 {
        return Scores { precision: 1.0, recall: 1.0, f1: 1.0 };
    }
    if a == 0 || b == 0 {
        return Scores { precision: 0.0, recall: 0.0, f1: 0.0 };
    }
    let (precision, recall) = (matched_b as f64 / b as f64, matched_a as f64 / a as f64);
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Scores { precision, recall, f1 }
}

/// How many of `xs` share at least one code point with one of `ys` (all of one tag).
/// Sorted by start, with the furthest end reached so far, `ys` answer each `x` with a
/// binary search: a book's thousands of annotations are not compared pair by pair.
fn overlapping(xs: &[&Annotation], ys: &[&Annotation]) -> usize {
    let mut ys: Vec<(usize, usize)> = ys.iter().map(|y| (y.start, y.end)).collect();
    ys.sort_unstable();
    let reach: Vec<usize> = ys
        .iter()
        .scan(0, |furthest, &(_, end)| {
            *furthest = end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    // Half-open ranges share a code point when each starts before the other ends.
    xs.iter()
        .filter(|x| {
            let starting_before_end = ys.partition_point(|&(start, _)| start < x.end);
            starting_before_end > 0 && reach[starting_before_end - 1] > x.start
        })
        .count()
}

/// Cohen's κ of `pairs` (A's status, B's), worked out in whole numbers as far as it
/// goes: with n pairs, `agree` of them alike and `chance` = Σ over statuses of A's count
/// × B's count, κ = (po − pe) / (1 − pe) = (n·agree − chance) / (n² − chance). It is
/// undefined where pe = 1, `chance` = n², which also covers fewer than two pairs: none
/// gives 0 = 0, and a single pair always has its one status on each side.
fn status_agreement(pairs: &[(ClaimStatus, ClaimStatus)]) -> StatusAgreement {
    let n = pairs.len();
    let agreeing = pairs.iter().filter(|(x, y)| x == y).count();
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (x, y) in pairs {
        counts.entry(x.key()).or_default().0 += 1;
        counts.entry(y.key()).or_default().1 += 1;
    }
    let chance: usize = counts.values().map(|(in_a, in_b)| in_a * in_b).sum();
    // One pair says nothing about agreement beyond chance (its κ would be 0 or undefined
    // by accident of its statuses): not available, as with no pair.
    let kappa = (n >= 2 && chance < n * n)
        .then(|| (n * agreeing) as f64 - chance as f64)
        .map(|above_chance| above_chance / ((n * n) as f64 - chance as f64));
    StatusAgreement { kappa, pairs: n, agreeing }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;

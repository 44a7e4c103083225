//! schema.org `ClaimReview` (JSON-LD), the markup fact-checkers publish and search engines
//! read: one review per claim whose status is a verdict (supported, disputed or false).
//! Unchecked claims have no verdict yet and opinions have nothing to check, so they are
//! left out and counted.
//!
//! The file is a JSON array of `ClaimReview` objects, each with its own `@context` (what
//! Google's structured-data tools take, one object or many), `[]` when no claim has a
//! verdict. Each one:
//!
//! | field | from |
//! |---|---|
//! | `claimReviewed` | the claim's quote |
//! | `reviewRating` | a `Rating` on a 1–5 scale (see below), `alternateName` the verdict |
//! | `itemReviewed` | a `Claim`: `appearance` the article (`CreativeWork`, its `url` when known as a web address, `headline` the title, `publisher` its site), `author` the speaker (below), `datePublished` the article's date |
//! | `author` | the fact-checker: their organisation (`Organization`), else their name (`Person`) |
//! | `datePublished` | the review's day (`YYYY-MM-DD`) |
//! | `url` | the review's page, as given once |
//! | `citation` | each source the claim is linked to: its quote as `text`, and as `url` the first of the article's links within it, if any |
//!
//! Fields with nothing to say are left out, never written as `""`.
//!
//! **Rating scale** (`worstRating` 1, `bestRating` 5): 1 = False, 3 = Disputed (the
//! evidence is mixed or contested), 5 = Supported. 2 and 4 are not used: the app has three
//! verdicts, and the gaps keep "disputed" halfway.
//!
//! **Speaker**: a claim is linked to sources ("who or what a claim is attributed to"),
//! and its first linked source is taken as who made it. When an entity tagged inside that
//! source's words is a person or an organisation (its entity type `person`,
//! `organisation` or `organization`; an entity with no type counts as a person, the
//! usual speaker), its text is the `author`, as a `Person` or an `Organization`. Otherwise
//! (no source, or a source without such an entity: "the paper said", a place) the
//! `author` is left out rather than guessed from the source's wording.

use serde_json::{Value, json};

use super::is_web_url;
use crate::creator::Creator;
use crate::meta::day_of;
use crate::model::{Annotation, Workspace};
use crate::status::ClaimStatus;
use crate::tagset::Tag;

const CONTEXT: &str = "https://schema.org";

/// Who reviews, where and when: set once in the app (the person's organisation, a review
/// URL), given on the command line, or none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// The fact-checker: their organisation's name is the review's author when they gave
    /// one, else their own name. `None`: no author is written.
    pub author: Option<Creator>,
    /// The page where the fact check is published (`None` or empty: no `url`).
    pub url: Option<String>,
    /// When it was reviewed: an RFC 3339 time (or a date); its day is written.
    pub date: String,
}

impl Review {
    /// A review by no one named, with no page, made at `now`: what a plain export writes.
    pub fn at(now: &str) -> Self {
        Self { author: None, url: None, date: now.to_owned() }
    }
}

/// The reviews of a workspace, and what was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimReviews {
    /// The JSON-LD file: an array of `ClaimReview`s, pretty-printed, ending in a newline.
    pub json: String,
    /// How many claims have a review in it.
    pub written: usize,
    /// How many claims were left out: unchecked, or opinions.
    pub left_out: usize,
    /// How many of those left out are opinions (the rest are unchecked).
    pub opinions: usize,
}

/// A verdict's place on the scale and its name (`None`: not a verdict).
pub fn rating(status: ClaimStatus) -> Option<(u8, &'static str)> {
    match status {
        ClaimStatus::False => Some((1, "False")),
        ClaimStatus::Disputed => Some((3, "Disputed")),
        ClaimStatus::Supported => Some((5, "Supported")),
        ClaimStatus::Unchecked | ClaimStatus::Opinion => None,
    }
}

/// Sets `key` to `value` unless it is an empty string.
fn put(object: &mut Value, key: &str, value: &str) {
    if !value.is_empty() {
        object[key] = json!(value);
    }
}

/// The article the claim appears in.
fn appearance(ws: &Workspace) -> Value {
    let meta = ws.document.meta();
    let mut out = json!({ "@type": "CreativeWork", "headline": ws.document.title() });
    if is_web_url(&meta.url) {
        out["url"] = json!(meta.url);
    }
    if !meta.site.is_empty() {
        out["publisher"] = json!({ "@type": "Organization", "name": meta.site });
    }
    out
}

/// The schema.org type of an entity that can make a claim, by its entity type.
fn speaker_type(entity_type: &str) -> Option<&'static str> {
    match entity_type.trim().to_lowercase().as_str() {
        "" | "person" => Some("Person"),
        "organisation" | "organization" => Some("Organization"),
        _ => None,
    }
}

/// Who made `claim` (see the module's doc): a person or organisation tagged inside its
/// first linked source.
fn speaker(ws: &Workspace, claim: &Annotation) -> Option<Value> {
    let source = claim.sources.iter().find_map(|id| ws.get(*id))?;
    if source.orphan {
        return None;
    }
    ws.annotations()
        .iter()
        .filter(|e| e.tag == Tag::Entity && !e.orphan && source.start <= e.start && e.end <= source.end)
        .find_map(|e| speaker_type(&e.entity_type).map(|kind| json!({ "@type": kind, "name": e.exact })))
}

/// Each linked source as a cited work: its words, and the first of the article's web links
/// that lies within them.
fn citations(ws: &Workspace, claim: &Annotation) -> Vec<Value> {
    let links = ws.document.links();
    claim
        .sources
        .iter()
        .filter_map(|id| ws.get(*id))
        .map(|s| {
            let mut cited = json!({ "@type": "CreativeWork", "text": s.exact });
            let link = links.iter().filter(|l| !s.orphan && l.start < s.end && s.start < l.end);
            if let Some(l) = link.into_iter().find(|l| is_web_url(&l.url)) {
                cited["url"] = json!(l.url);
            }
            cited
        })
        .collect()
}

/// The review's author: an organisation when one is named, else the person.
fn reviewer(author: &Creator) -> Value {
    if author.organisation.is_empty() {
        json!({ "@type": "Person", "name": author.name })
    } else {
        json!({ "@type": "Organization", "name": author.organisation })
    }
}

/// One claim's review, when it has a verdict.
fn claim_review(ws: &Workspace, review: &Review, claim: &Annotation) -> Option<Value> {
    let (value, verdict) = rating(claim.status)?;
    let meta = ws.document.meta();
    let mut item = json!({ "@type": "Claim", "appearance": appearance(ws) });
    if let Some(author) = speaker(ws, claim) {
        item["author"] = author;
    }
    put(&mut item, "datePublished", &meta.published);
    let mut out = json!({
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": claim.exact,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": verdict,
        },
        "itemReviewed": item,
    });
    if let Some(author) = &review.author {
        out["author"] = reviewer(author);
    }
    put(&mut out, "datePublished", day_of(&review.date).unwrap_or(review.date.trim()));
    put(&mut out, "url", review.url.as_deref().unwrap_or_default().trim());
    let cited = citations(ws, claim);
    if !cited.is_empty() {
        out["citation"] = json!(cited);
    }
    Some(out)
}

/// A `ClaimReview` per claim of `ws` with a verdict, in document order, as `review` says
/// (see the module's doc for every field).
pub fn claim_reviews(ws: &Workspace, review: &Review) -> ClaimReviews {
    let claims: Vec<&Annotation> =
        ws.annotations().iter().filter(|a| a.tag == Tag::Claim).map(|a| &**a).collect();
    let reviews: Vec<Value> = claims.iter().filter_map(|c| claim_review(ws, review, c)).collect();
    let mut json = serde_json::to_string_pretty(&reviews).expect("plain data always serialises");
    json.push('\n');
    ClaimReviews {
        json,
        written: reviews.len(),
        left_out: claims.len() - reviews.len(),
        opinions: claims.iter().filter(|c| c.status == ClaimStatus::Opinion).count(),
    }
}

/// `json` made safe inside an HTML `<script>` element: `<`, `>` and `&` as JSON escapes
/// (`\u003c`…), so that a quote's `</script>` or `<!--` cannot end or change the block.
/// They only ever occur inside JSON strings, where the escape means the same character.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
#[path = "claimreview_tests.rs"]
mod tests;

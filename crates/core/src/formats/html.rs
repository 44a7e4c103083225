//! A self-contained, printable HTML report: under the title, where and when the article
//! was published (its metadata), then the article with its highlights and a legend, the
//! annotations grouped by tag with their notes, and the article's links as plain text.
//! Every piece of text is escaped, and the file carries a Content-Security-Policy that
//! allows no script at all.

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::claimreview::{Review, claim_reviews, script_safe};
use crate::layout::layout;
use crate::model::{Annotation, Workspace};
use crate::tagset::Tag;
use crate::text::{Line, lines, plural, shorten};

const STYLE: &str = "body{font:16px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}\
h1,h2,h3,.legend{font-family:system-ui,sans-serif}p.line{margin:0;min-height:1.6em;white-space:pre-wrap}\
mark{color:inherit}.legend span{margin-right:1rem}blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid #ccc}\
.note{white-space:pre-wrap;color:#444}.links .url,.byline .url{overflow-wrap:anywhere}.byline{font-family:system-ui,sans-serif;color:#444}@media print{mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// Each line's paragraph number: lines that are not blank count from 1, a blank line
/// has the number of the paragraph before it (0 before the first).
fn paragraph_numbers(texts: &[&str]) -> Vec<usize> {
    let mut n = 0;
    texts
        .iter()
        .map(|t| {
            n += usize::from(!t.trim().is_empty());
            n
        })
        .collect()
}

/// Where an annotation is, for a reader: the paragraph it starts in, linked to it.
fn place(ls: &[Line], numbers: &[usize], a: &Annotation) -> String {
    if a.orphan {
        return "not found in the text".to_owned();
    }
    paragraph_at(ls, numbers, a.start)
}

/// The paragraph code point `start` is in, linked to it within the report.
fn paragraph_at(ls: &[Line], numbers: &[usize], start: usize) -> String {
    let line = ls.partition_point(|l| l.start <= start).saturating_sub(1);
    match numbers.get(line).copied().unwrap_or(0) {
        0 => "before the first paragraph".to_owned(),
        n => format!("<a href=\"#p-{n}\">paragraph {n}</a>"),
    }
}

fn article(ws: &Workspace, ls: &[Line], numbers: &[usize]) -> String {
    let t = ws.document.text();
    let texts: Vec<&str> = t.split('\n').collect();
    let mut out = String::new();
    let mut last = 0;
    for ((line, txt), &n) in layout(ls, &texts, ws.annotations()).iter().zip(&texts).zip(numbers) {
        if n > last {
            out.push_str(&format!("<p class=\"line\" id=\"p-{n}\">"));
            last = n;
        } else {
            out.push_str("<p class=\"line\">");
        }
        for seg in &line.segments {
            let piece = text(&txt[seg.bytes.clone()]);
            match seg.covers.last() {
                None => out.push_str(&piece),
                Some(inner) => {
                    let tags: Vec<String> = seg.covers.iter().map(|c| ws.tagset().label(c.tag)).collect();
                    out.push_str(&format!(
                        "<mark class=\"{}\" title=\"{}\">{piece}</mark>",
                        inner.tag.key(),
                        attr(&tags.join(", "))
                    ));
                }
            }
        }
        out.push_str("</p>\n");
    }
    out
}

/// A claim's status and sources, the claims citing a source, an entity's type: links go
/// to the linked annotation's item further down or up the report.
fn facts(ws: &Workspace, a: &Annotation) -> String {
    let link = |b: &Annotation| format!("<a href=\"#a-{}\">{}</a>", b.id, text(&shorten(&b.exact, 60)));
    let mut out = String::new();
    if a.tag == Tag::Claim {
        out.push_str(&format!(" · {}", a.status.label()));
        let sources: Vec<String> = a.sources.iter().filter_map(|id| ws.get(*id)).map(&link).collect();
        out.push_str(&match sources.len() {
            0 => " · no source".to_owned(),
            _ => format!(" · sources: {}", sources.join(", ")),
        });
    }
    let citing: Vec<String> = ws.citing(a.id).map(|b| link(b)).collect();
    if !citing.is_empty() {
        out.push_str(&format!(" · cited by: {}", citing.join(", ")));
    }
    if !a.entity_type.is_empty() {
        out.push_str(&format!(" · {}", text(&a.entity_type)));
    }
    if let Some(c) = &a.creator {
        out.push_str(&format!(" · by {}", text(&c.display())));
    }
    out
}

/// The article's links, each as its words, its destination and where it is, all plain
/// text: a destination is never checked, so the report must not make it live (and an
/// article without links has no such list).
fn links(ws: &Workspace, ls: &[Line], numbers: &[usize]) -> String {
    let doc = &ws.document;
    if doc.links().is_empty() {
        return String::new();
    }
    let mut out = format!("<h2>Links in the article ({})</h2>\n<ol class=\"links\">\n", doc.links().len());
    for link in doc.links() {
        let title = link.title.as_ref().map(|t| format!(" · “{}”", text(t))).unwrap_or_default();
        out.push_str(&format!(
            "<li>{} — <span class=\"url\">{}</span><small> · {}{title}</small></li>\n",
            text(doc.slice(link.start, link.end)),
            text(&link.url),
            paragraph_at(ls, numbers, link.start)
        ));
    }
    out.push_str("</ol>\n");
    out
}

/// The article's site, authors, date and URL, as one line under the title (nothing when
/// none is known). The URL is a link only when it is a web page's (`http(s)`): it came
/// from the page itself or was typed, and any other scheme (`javascript:`) stays text.
fn byline(ws: &Workspace) -> String {
    let meta = ws.document.meta();
    let mut parts: Vec<String> = Vec::new();
    if !meta.site.is_empty() {
        parts.push(format!("<span class=\"site\">{}</span>", text(&meta.site)));
    }
    if !meta.authors.is_empty() {
        parts.push(format!("by {}", text(&meta.authors.join(", "))));
    }
    if !meta.published.is_empty() {
        // The day is what a reader wants; a date that could not be read, as it was found.
        parts.push(format!("published {}", text(meta.published_day().unwrap_or(&meta.published))));
    }
    let url = &meta.url;
    if !url.is_empty() {
        let web = ["http://", "https://"]
            .iter()
            .any(|s| url.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)));
        parts.push(if web {
            format!("<a class=\"url\" href=\"{}\" rel=\"noreferrer\">{}</a>", attr(url), text(url))
        } else {
            format!("<span class=\"url\">{}</span>", text(url))
        });
    }
    if parts.is_empty() {
        return String::new();
    }
    format!("<p class=\"byline\">{}</p>\n", parts.join(" · "))
}

/// `now` (RFC 3339) as a reader expects a date: `2026-12-02 09:30 UTC`.
fn made_at(now: &str) -> String {
    match (now.get(..10), now.get(11..16)) {
        (Some(day), Some(time)) if now.ends_with('Z') => format!("{day} {time} UTC"),
        _ => now.to_owned(),
    }
}

/// The report as one HTML file, made at `now` (RFC 3339); its claim reviews name no
/// reviewer (see [`export_with`]).
pub fn export(ws: &Workspace, now: &str) -> String {
    export_with(ws, &Review::at(now))
}

/// The claim reviews of the report's claims as a JSON-LD data block (the same as the
/// ClaimReview export), for search engines and fact-check tools reading the page; none
/// when no claim has a verdict. A data block is never run, so the CSP that forbids every
/// script still holds; its JSON is escaped so no quote can close it.
fn claim_review_block(ws: &Workspace, review: &Review) -> String {
    let reviews = claim_reviews(ws, review);
    if reviews.written == 0 {
        return String::new();
    }
    format!("<script type=\"application/ld+json\">\n{}</script>\n", script_safe(&reviews.json))
}

/// The report as one HTML file, made at `review.date` (RFC 3339), with the claim reviews
/// by `review`'s author embedded in its head.
pub fn export_with(ws: &Workspace, review: &Review) -> String {
    let now = review.date.as_str();
    let title = text(ws.document.title());
    let t = ws.document.text();
    let ls = lines(t);
    let numbers = paragraph_numbers(&t.split('\n').collect::<Vec<_>>());
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title} — annotations</title><style>{STYLE}{}</style>{}</head><body>\n<h1>{title}</h1>\n{}",
        crate::tag_style::tag_css(ws.tagset(), crate::tag_style::Sheet::Report),
        claim_review_block(ws, review),
        byline(ws),
    );
    // Which version of the text this is: the start of its SHA-256, as in the native export.
    let sha = ws.document.sha256();
    out.push_str(&format!(
        "<p class=\"made\"><small>Made {} · text version {} ({}) · {}</small></p>\n",
        text(&made_at(now)),
        &sha[..12.min(sha.len())],
        plural(numbers.last().copied().unwrap_or(0), "paragraph"),
        plural(ws.annotations().len(), "annotation"),
    ));
    out.push_str("<p class=\"legend\">");
    for def in &ws.tagset().tags {
        out.push_str(&format!("<span><mark class=\"{}\">{}</mark></span>", def.key, text(&def.label)));
    }
    // The article's own language, when known, for its hyphenation and a reader's voice.
    match ws.document.meta().language.as_str() {
        "" => out.push_str("</p>\n<article>\n"),
        lang => out.push_str(&format!("</p>\n<article lang=\"{}\">\n", attr(lang))),
    }
    out.push_str(&article(ws, &ls, &numbers));
    out.push_str("</article>\n");
    for def in &ws.tagset().tags {
        let items: Vec<_> = ws.annotations().iter().filter(|a| a.tag == def.key).collect();
        out.push_str(&format!("<h2>{} ({})</h2>\n<ol>\n", text(&def.label), items.len()));
        for a in items {
            let place = place(&ls, &numbers, a);
            out.push_str(&format!(
                "<li id=\"a-{}\"><blockquote>{}</blockquote><small>{place}{}</small>",
                a.id,
                text(&a.exact),
                facts(ws, a)
            ));
            if !a.note.is_empty() {
                out.push_str(&format!("<p class=\"note\">{}</p>", text(&a.note)));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str(&links(ws, &ls, &numbers));
    out.push_str(&format!(
        "<p><small>{} · Article Annotator</small></p>\n</body></html>\n",
        plural(ws.annotations().len(), "annotation")
    ));
    out
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;

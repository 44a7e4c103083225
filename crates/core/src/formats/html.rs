//! A self-contained, printable HTML report: the article with its highlights and a legend,
//! then the annotations grouped by tag with their notes, then the article's links as plain
//! text. Every piece of text is escaped, and the file carries a Content-Security-Policy
//! that allows no script at all.

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::layout::layout;
use crate::model::{Annotation, Workspace};
use crate::tagset::Tag;
use crate::text::{Line, lines, plural, shorten};

const STYLE: &str = "body{font:16px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}\
h1,h2,h3,.legend{font-family:system-ui,sans-serif}p.line{margin:0;min-height:1.6em;white-space:pre-wrap}\
mark{color:inherit}.legend span{margin-right:1rem}blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid #ccc}\
.note{white-space:pre-wrap;color:#444}.links .url{overflow-wrap:anywhere}@media print{mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

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

/// `now` (RFC 3339) as a reader expects a date: `2026-12-02 09:30 UTC`.
fn made_at(now: &str) -> String {
    match (now.get(..10), now.get(11..16)) {
        (Some(day), Some(time)) if now.ends_with('Z') => format!("{day} {time} UTC"),
        _ => now.to_owned(),
    }
}

/// The report as one HTML file, made at `now` (RFC 3339).
pub fn export(ws: &Workspace, now: &str) -> String {
    let title = text(ws.document.title());
    let t = ws.document.text();
    let ls = lines(t);
    let numbers = paragraph_numbers(&t.split('\n').collect::<Vec<_>>());
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title} — annotations</title><style>{STYLE}{}</style></head><body>\n<h1>{title}</h1>\n",
        crate::tag_style::tag_css(ws.tagset(), crate::tag_style::Sheet::Report)
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
    out.push_str("</p>\n<article>\n");
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
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::Document;
    use crate::tagset::Tag;
    use crate::test_support::{NOW, id};

    #[test]
    fn escapes_everything_and_carries_no_script() {
        let evil = "<script>alert(1)</script> & <img src=x onerror=alert(2)>";
        let mut ed =
            Editor::new(Workspace::new(Document::new("\"><svg onload=x>", &format!("{evil}\nplain"))));
        ed.add(0..8, Tag::Claim, id(1), NOW).unwrap();
        ed.set_note(id(1), "</p><script>bad()</script>", NOW).unwrap();
        let out = export(ed.workspace(), NOW);
        for tag in ["<script", "<img", "<svg"] {
            assert!(!out.contains(tag), "{tag} must only appear escaped");
        }
        let article = out.lines().find(|l| l.starts_with("<p class=\"line\"")).unwrap();
        assert_eq!(
            article,
            "<p class=\"line\" id=\"p-1\"><mark class=\"claim\" title=\"Claim\">&lt;script&gt;</mark>alert(1)&lt;/script&gt; \
             &amp; &lt;img src=x onerror=alert(2)&gt;</p>"
        );
        assert!(out.contains("<p class=\"note\">&lt;/p&gt;&lt;script&gt;bad()&lt;/script&gt;</p>"));
        assert!(out.contains("<title>\"&gt;&lt;svg onload=x&gt; — annotations</title>"));
        assert!(out.contains("<h2>Claim (1)</h2>"));
        assert!(out.contains("mark.claim{background:#f8e1b0;border-bottom:2px solid #e69f00}"));
        assert!(out.contains("default-src 'none'"));
    }

    #[test]
    fn claims_link_to_their_sources_and_back() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "Rain is wet, the <Met> said.")));
        ed.add(0..11, Tag::Claim, id(1), NOW).unwrap();
        ed.add(13..22, Tag::Source, id(2), NOW).unwrap();
        ed.link(id(1), id(2), NOW).unwrap();
        ed.set_status(id(1), crate::ClaimStatus::Disputed, NOW).unwrap();
        ed.set_entity_type(id(2), "organisation", NOW).unwrap();
        let out = export(ed.workspace(), NOW);
        let (claim, source) = (id(1), id(2));
        assert!(
            out.contains(&format!(
                "<small><a href=\"#p-1\">paragraph 1</a> · Disputed · sources: <a href=\"#a-{source}\">the &lt;Met&gt;</a></small>"
            )),
            "{out}"
        );
        assert!(out.contains(&format!(
            "<li id=\"a-{source}\"><blockquote>the &lt;Met&gt;</blockquote><small><a href=\"#p-1\">paragraph 1</a> · cited by: <a href=\"#a-{claim}\">Rain is wet</a> · organisation</small>"
        )));
    }

    #[test]
    fn says_when_it_was_made_for_which_text_and_where_each_span_is_without_offsets() {
        let text = "Title line\n\nFirst paragraph says rain.\n\nSecond paragraph quotes the Met.";
        let mut ed = Editor::new(Workspace::new(Document::new("t", text)));
        let met = text.find("the Met").unwrap();
        ed.add(met..met + 7, Tag::Source, id(1), NOW).unwrap();
        let out = export(ed.workspace(), "2026-12-02T09:30:15.000Z");
        let sha = ed.workspace().document.sha256();
        assert!(
            out.contains(&format!(
                "<p class=\"made\"><small>Made 2026-12-02 09:30 UTC · text version {} (3 paragraphs) · 1 annotation</small></p>",
                &sha[..12]
            )),
            "{out}"
        );
        assert!(out.contains("<p class=\"line\" id=\"p-3\">Second paragraph quotes <mark"));
        assert!(out.contains("<small><a href=\"#p-3\">paragraph 3</a></small>"), "{out}");
        assert!(!out.contains(&format!("{met}–")), "no raw offsets");
        assert!(!out.contains("Links in the article"), "no links, no list");
    }

    #[test]
    fn links_are_listed_as_plain_text_never_live() {
        let md = "# T\n\nSee [the &lt;Met&gt;](javascript:alert(1) \"a \\\"title\\\"\") and\n\n[this](https://x.test/?a=1&b=<2>).";
        let doc = crate::article_from_markdown("t", md).unwrap().document;
        let out = export(&Workspace::new(doc), NOW);
        let list = &out[out.find("<h2>Links in the article (2)</h2>").expect("listed")..];
        assert!(
            list.contains(
                "<li>the &lt;Met&gt; — <span class=\"url\">javascript:alert(1)</span>\
                 <small> · <a href=\"#p-2\">paragraph 2</a> · “a \"title\"”</small></li>"
            ),
            "{list}"
        );
        assert!(
            list.contains("<li>this — <span class=\"url\">https://x.test/?a=1&amp;b=&lt;2&gt;</span>"),
            "{list}"
        );
        assert!(!out.contains("href=\"javascript") && !out.contains("href=\"https"), "never a live link");
    }
}

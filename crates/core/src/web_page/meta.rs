//! A saved page's metadata, read from its markup: `<link rel=canonical>`, `<html lang>`,
//! `<title>`, the `<meta>` tags of Open Graph (`og:`, `article:`), Highwire Press
//! (`citation_`, what Google Scholar and Hypothesis read) and Dublin Core (`dc.`,
//! `dcterms.`), and the JSON-LD article (see `json_ld`). The fields the Hypothesis client
//! reads, in that spirit.
//!
//! Where several say the same thing, the first of these that says it wins (each list is
//! also the order tried):
//!
//! | field | from |
//! |---|---|
//! | `url` | `<link rel=canonical>`, `og:url`, JSON-LD `url` / `mainEntityOfPage`, `citation_public_url`, `dc.identifier` — each only when a URL (`http(s)://`; a `/path` or `//host/path` is made absolute by the first absolute one) |
//! | `authors` | every `citation_author`, else the JSON-LD `author`s, else every `article:author`, `author`, `dc.creator`, `dcterms.creator` — without a leading "By", never a URL (a profile page is not a name), each once |
//! | `published` | `citation_publication_date`, `citation_date`, `article:published_time`, JSON-LD `datePublished`, `dc.date`, `dcterms.created`, `dcterms.issued`, `dcterms.date` (then `meta::normalise_date`) |
//! | `site` | `og:site_name`, JSON-LD `publisher.name`, `citation_journal_title` |
//! | `language` | `<html lang>`, `og:locale`, `dc.language`, `dcterms.language`, JSON-LD `inLanguage`, `http-equiv=content-language` (then `meta::normalise_language`) |
//! | `page_title` | `og:title`, JSON-LD `headline`, `citation_title`, `twitter:title`, `dc.title`, `<title>` |
//!
//! Attribute values and the title have their character references decoded; nothing in
//! a `<script>` other than JSON-LD, or in a comment, is read.

use crate::meta::{ArticleMeta, normalise_date, normalise_language};
use crate::references::decode_references;

use super::json_ld::{Described, described};
use super::tags::walk;

/// What a saved page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// Its article's metadata (`added` empty: the caller knows when it came in).
    pub meta: ArticleMeta,
    /// The article's title as its metadata gives it (`og:title`, the JSON-LD headline…,
    /// else `<title>`, which often ends in the site's name): for the caller to prefer over
    /// the page's first heading, or to fall back on when the article has none. `None`
    /// when the page names none.
    pub page_title: Option<String>,
}

/// What the markup holds, before choosing.
#[derive(Default)]
struct Head<'a> {
    /// `(name, content)` of every `<meta>` with both, the name lower-cased (`DC:Creator`
    /// → `dc.creator`), the content decoded and trimmed, in the page's order.
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    json_ld: Vec<&'a str>,
}

fn decoded(raw: &str) -> String {
    decode_references(raw).trim().to_owned()
}

fn squeezed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the facts out of the markup (see [`Head`]).
fn head(html: &str) -> Head<'_> {
    let mut head = Head::default();
    walk(html, |element| {
        let tag = &element.tag;
        let is = |name: &str| tag.name.eq_ignore_ascii_case(name);
        if is("html") && head.lang.is_none() {
            head.lang = tag.get("lang").or_else(|| tag.get("xml:lang")).map(decoded);
        } else if is("meta") {
            let key = ["property", "name", "itemprop", "http-equiv"].iter().find_map(|k| tag.get(k));
            if let (Some(key), Some(content)) = (key, tag.get("content")) {
                let key = decoded(key).to_lowercase();
                let key = match key.split_once(':') {
                    Some(("dc" | "dcterms", _)) => key.replacen(':', ".", 1),
                    _ => key,
                };
                head.metas.push((key, decoded(content)));
            }
        } else if is("link") && head.canonical.is_none() {
            let rel = tag.get("rel").map(decoded).unwrap_or_default();
            if rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")) {
                head.canonical = tag.get("href").map(decoded);
            }
        } else if let Some(text) = element.text.clone() {
            if is("title") && head.title.is_none() {
                head.title = Some(squeezed(&decoded(&html[text])));
            } else if is("script") {
                let kind = tag.get("type").map(decoded).unwrap_or_default();
                let kind = kind.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
                if kind == "application/ld+json" {
                    head.json_ld.push(&html[text]);
                }
            }
        }
    });
    head
}

impl Head<'_> {
    /// The content of the first `<meta>` named by the first of `keys` that has one.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.metas.iter().find(|(name, v)| name == k && !v.is_empty()))
            .map(|(_, v)| v.clone())
    }

    /// Every `<meta>` content of any of `keys`, in the page's order.
    fn all(&self, keys: &[&str]) -> Vec<String> {
        self.metas.iter().filter(|(name, _)| keys.contains(&name.as_str())).map(|(_, v)| v.clone()).collect()
    }
}

/// Whether `s` starts with `prefix`, ASCII case ignored.
fn starts_with_ignoring_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// `scheme://host` of an absolute `http(s)` URL.
fn origin(url: &str) -> Option<&str> {
    let after = ["https://", "http://"].iter().find(|s| starts_with_ignoring_case(url, s))?.len();
    let end = url[after..].find(['/', '?', '#']).map_or(url.len(), |n| after + n);
    (end > after).then(|| &url[..end])
}

/// The first of `candidates` that is, or can be made, an absolute `http(s)` URL.
fn first_url(candidates: &[Option<String>]) -> String {
    let given: Vec<&str> = candidates.iter().flatten().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    let base = given.iter().find_map(|c| origin(c));
    given
        .iter()
        .find_map(|c| match (origin(c), base) {
            (Some(_), _) => Some((*c).to_owned()),
            (None, Some(base)) if c.starts_with("//") => {
                Some(format!("{}{c}", &base[..base.find("//").unwrap_or(0)]))
            }
            (None, Some(base)) if c.starts_with('/') => Some(format!("{base}{c}")),
            _ => None,
        })
        .unwrap_or_default()
}

/// A byline as a name: without a leading "By"; `None` for a URL (Open Graph's
/// `article:author` is often the author's profile page) or nothing.
fn author_name(raw: &str) -> Option<String> {
    let name = squeezed(raw);
    let name = if starts_with_ignoring_case(&name, "by ") { name[3..].trim_start().to_owned() } else { name };
    let url = name.contains("://") || starts_with_ignoring_case(&name, "www.");
    (!name.is_empty() && !url).then_some(name)
}

/// The metadata `html` gives of its article (see the module's table for which source
/// wins); empty when it gives none.
pub fn page_meta(html: &str) -> PageMeta {
    let head = head(html);
    let ld: Described = described(&head.json_ld);
    let nonempty = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    let or = |a: Option<String>, b: &str| a.or_else(|| nonempty(b));
    let url = first_url(&[
        head.canonical.clone(),
        head.first(&["og:url"]),
        nonempty(&ld.url),
        head.first(&["citation_public_url"]),
        head.first(&["dc.identifier", "dcterms.identifier"]),
    ]);
    let names = |list: Vec<String>| list.iter().filter_map(|a| author_name(a)).collect::<Vec<_>>();
    let authors = [
        names(head.all(&["citation_author"])),
        names(ld.authors.clone()),
        names(head.all(&["article:author", "author", "dc.creator", "dcterms.creator"])),
    ]
    .into_iter()
    .find(|a| !a.is_empty())
    .unwrap_or_default();
    let published = head
        .first(&["citation_publication_date", "citation_date", "article:published_time"])
        .or_else(|| nonempty(&ld.published))
        .or_else(|| head.first(&["dc.date", "dcterms.created", "dcterms.issued", "dcterms.date"]));
    let site =
        or(head.first(&["og:site_name"]), &ld.site).or_else(|| head.first(&["citation_journal_title"]));
    let language = head
        .lang
        .clone()
        .filter(|l| !l.is_empty())
        .or_else(|| head.first(&["og:locale", "dc.language", "dcterms.language"]))
        .or_else(|| nonempty(&ld.language))
        .or_else(|| head.first(&["content-language"]));
    let page_title = or(head.first(&["og:title"]), &ld.headline)
        .or_else(|| head.first(&["citation_title", "twitter:title", "dc.title"]))
        .or_else(|| head.title.clone())
        .map(|t| squeezed(&t))
        .filter(|t| !t.is_empty());
    let meta = ArticleMeta {
        url,
        authors,
        published: normalise_date(&published.unwrap_or_default()),
        site: site.unwrap_or_default(),
        language: normalise_language(&language.unwrap_or_default()),
        added: String::new(),
    };
    PageMeta { meta: meta.tidied(), page_title }
}

#[cfg(test)]
#[path = "meta_tests.rs"]
mod tests;

//! The readable article inside a saved web page. The page is parsed with `DOMParser`,
//! which builds an inert document: its scripts never run and nothing it links to loads.
//! Only text comes out; none of the page's HTML is ever inserted into ours.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, SupportedType};

/// Page furniture that is not the article. The article's own header stays: its byline
/// says who wrote it, which fact-checkers need.
const DROP: &str = "script, style, noscript, template, iframe, object, svg, canvas, form, button, nav, \
    header:not(article header), footer, aside, [hidden], [aria-hidden='true'], [role='navigation'], [role='banner'], [role='contentinfo'], \
    [class*='share'], [class*='social'], [class*='related'], [class*='newsletter'], [class*='advert'], \
    [class*='promo'], [class*='comment'], [id*='comment']";
/// Elements whose text makes one paragraph each.
const BLOCKS: &str = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dt, dd";

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's title and article text (paragraphs separated by blank lines), or why not.
pub fn article_from_html(html: &str) -> Result<(String, String), String> {
    let parser = DomParser::new().map_err(|_| "This browser cannot read web pages.".to_owned())?;
    let page = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| "This web page could not be read.".to_owned())?;
    let root: Element = ["article", "main", "[role='main']", "body"]
        .iter()
        .find_map(|sel| page.query_selector(sel).ok().flatten())
        .ok_or("This web page has no body.")?;
    // The headline is taken before the page furniture is dropped: it often sits in <header>.
    let headline = root
        .query_selector("h1")
        .ok()
        .flatten()
        .or_else(|| page.query_selector("h1").ok().flatten())
        .map(|h| clean(&h.text_content().unwrap_or_default()))
        .filter(|h| !h.is_empty());
    let title = headline.clone().unwrap_or_else(|| clean(&page.title()));
    if let Ok(junk) = root.query_selector_all(DROP) {
        for i in 0..junk.length() {
            if let Some(el) = junk.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
    let mut paragraphs: Vec<String> = Vec::new();
    if let Ok(blocks) = root.query_selector_all(BLOCKS) {
        for i in 0..blocks.length() {
            let Some(el) = blocks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            // A block inside another block (a <p> in a <blockquote>) is read with its parent.
            if el.parent_element().and_then(|p| p.closest(BLOCKS).ok().flatten()).is_some() {
                continue;
            }
            let text = if el.tag_name() == "PRE" {
                el.text_content().unwrap_or_default()
            } else {
                clean(&el.text_content().unwrap_or_default())
            };
            if !text.is_empty() {
                paragraphs.push(text);
            }
        }
    }
    if paragraphs.is_empty() {
        paragraphs.push(clean(&root.text_content().unwrap_or_default()));
    }
    // The headline is the title; it is not repeated as the first paragraph.
    if headline.is_some() && paragraphs.first() == headline.as_ref() {
        paragraphs.remove(0);
    }
    Ok((title, paragraphs.join("\n\n")))
}

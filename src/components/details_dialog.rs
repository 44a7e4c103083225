//! "Article details": where the article comes from (canonical URL, authors, date, site,
//! language; read from a saved web page, empty for pasted text), when it was added, and
//! where the person publishes their fact check of it (ClaimReview's `url`). Saving the
//! details is one undoable change; the review's URL stays in this browser.

use annotator_core::ArticleMeta;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::dialog::Dialog;
use super::escape::use_focus_on_mount;
use super::hooks::use_initial_value;

#[derive(Properties, PartialEq)]
pub struct DetailsDialogProps {
    pub meta: ArticleMeta,
    /// Where the fact check is published ("" when not given).
    pub review_url: String,
    /// Opened by a ClaimReview export: only the review's URL is asked, then it exports.
    #[prop_or_default]
    pub for_review: bool,
    /// Called with the details and the review's URL.
    pub onsave: Callback<(ArticleMeta, String)>,
    pub onclose: Callback<()>,
}

fn value(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// Authors as typed: one per `;` (names may hold commas: "Smith, Jane").
fn authors(typed: &str) -> Vec<String> {
    typed.split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect()
}

#[function_component]
pub fn DetailsDialog(props: &DetailsDialogProps) -> Html {
    let fields: [NodeRef; 6] = Default::default();
    let [url, by, published, site, language, review] = fields.clone();
    use_focus_on_mount(if props.for_review { review.clone() } else { url.clone() });
    let m = &props.meta;
    use_initial_value(url.clone(), m.url.clone(), false);
    use_initial_value(by.clone(), m.authors.join("; "), false);
    use_initial_value(published.clone(), m.published.clone(), false);
    use_initial_value(site.clone(), m.site.clone(), false);
    use_initial_value(language.clone(), m.language.clone(), false);
    use_initial_value(review.clone(), props.review_url.clone(), false);
    let onsave = {
        let (meta, onsave, onclose) = (props.meta.clone(), props.onsave.clone(), props.onclose.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let details = ArticleMeta {
                url: value(&url),
                authors: authors(&value(&by)),
                published: value(&published),
                site: value(&site),
                language: value(&language),
                ..meta.clone()
            };
            onsave.emit((details, value(&review)));
            onclose.emit(());
        }
    };
    let added = m.added.get(..16).unwrap_or(&m.added).replace('T', " ");
    let [url, by, published, site, language, review] = fields;
    let (title, save) = if props.for_review {
        ("Publishing the fact check", "Save and export")
    } else {
        ("Article details", "Save")
    };
    html! {
        <Dialog {title} title_id="details-title" onclose={props.onclose.clone()}>
            <form onsubmit={onsave} class={classes!(props.for_review.then_some("for-review"))}>
                <div class="details-fields" hidden={props.for_review}>
                    <label>{ "Canonical URL" }<input id="meta-url" type="url" ref={url} /></label>
                    <label>{ "Authors (separated by ;)" }<input id="meta-authors" ref={by} /></label>
                    <label>{ "Published" }<input id="meta-published" ref={published} placeholder="YYYY-MM-DD" /></label>
                    <label>{ "Site" }<input id="meta-site" ref={site} /></label>
                    <label>{ "Language" }<input id="meta-language" ref={language} placeholder="en" /></label>
                    <p class="hint" id="meta-added">{ if added.is_empty() { "Added: not recorded".to_owned() } else { format!("Added: {added}") } }</p>
                </div>
                <label>{ "Your fact check’s URL (for ClaimReview)" }<input id="meta-review-url" type="url" ref={review} /></label>
                <p class="hint">{ "ClaimReview files and the report name it as the review’s page; the organisation comes from View ▸ Your name…. Leave it empty for none." }</p>
                <div class="dialog-actions">
                    <button type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                    <button type="submit" class="primary" id="meta-save">{ save }</button>
                </div>
            </form>
        </Dialog>
    }
}

//! One line of the article, split into segments. Every element carries `data-s`/`data-e`
//! (code points) so `dom::selection` can map a DOM position back to the text.

use std::rc::Rc;

use annotator_core::{Annotation, AnnotationId, LineLayout, Segment, TagSet};
use yew::prelude::*;

use super::hooks::{use_near_screen, use_rows_hint};

/// Lines per block. A block is what the browser skips while it is off screen
/// (`content-visibility: auto`): one check per block rather than per line keeps scrolling
/// and every edit cheap on book-length texts.
pub const BLOCK_LINES: usize = 64;

#[derive(Properties)]
pub struct LineProps {
    pub text: Rc<str>,
    pub layout: Rc<LineLayout>,
    /// The selected annotation, only when it covers part of this line (so that selecting
    /// elsewhere does not re-render this line).
    pub selected: Option<AnnotationId>,
    /// Compared by identity: a new tag set (rare) re-renders every line.
    pub tags: Rc<TagSet>,
}

/// Layouts are compared by identity: `relayout` hands back the very same `Rc` for a line
/// it did not touch, and a new one for a line it did.
impl PartialEq for LineProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.layout, &other.layout)
            && Rc::ptr_eq(&self.text, &other.text)
            && self.selected == other.selected
            && Rc::ptr_eq(&self.tags, &other.tags)
    }
}

impl PartialEq for BlockProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.pending == other.pending
            && Rc::ptr_eq(&self.tags, &other.tags)
            && self.lines.len() == other.lines.len()
            && self
                .lines
                .iter()
                .zip(&other.lines)
                .all(|((t1, l1), (t2, l2))| Rc::ptr_eq(t1, t2) && Rc::ptr_eq(l1, l2))
    }
}

/// A grip at one end of the selected annotation, dragged to move that end. It has no
/// text, and its `data-s`/`data-e` keep DOM positions next to it exact.
fn handle(edge: &'static str, at: usize) -> Html {
    let at = at.to_string();
    html! { <span class={classes!("handle", edge)} data-edge={edge} data-s={at.clone()} data-e={at} aria-hidden="true"></span> }
}

/// One segment's element, keyed by where it starts: a span added in a long line splits one
/// or two segments, and the line's other elements are kept as they are. Unkeyed, Yew
/// matches a list from its end, and every element before the change was rewritten one
/// place along (and restyled): an add touched more of the page the more marks its line had.
fn segment(text: &str, seg: &Segment, selected: Option<&Annotation>, tags: &TagSet) -> Html {
    let piece = text[seg.bytes.clone()].to_owned();
    let (s, e) = (seg.start.to_string(), seg.end.to_string());
    let Some(innermost) = seg.covers.last() else {
        return html! { <span key={seg.start} data-s={s} data-e={e}>{ piece }</span> };
    };
    let mut class = classes!("hl", format!("in-{}", innermost.tag.key()));
    let mut seen = Vec::new();
    for c in &seg.covers {
        if !seen.contains(&c.tag) {
            seen.push(c.tag);
            class.push(format!("has-{}", c.tag.key()));
        }
    }
    if seg.covers.len() > 1 {
        class.push(if seg.covers.len() > 2 { "deep" } else { "nested" });
    }
    let sel = selected.filter(|a| seg.is_covered_by(a.id));
    if sel.is_some() {
        class.push("sel");
    }
    let starting: Vec<String> =
        seg.covers.iter().filter(|c| c.starts_here).map(|c| tags.label(c.tag)).collect();
    let label = (!starting.is_empty()).then(|| starting.join(" + "));
    let title = seg.covers.iter().map(|c| tags.label(c.tag)).collect::<Vec<_>>().join(", ");
    let start = sel.filter(|a| a.start == seg.start).map(|a| handle("start", a.start));
    let end = sel.filter(|a| a.end == seg.end).map(|a| handle("end", a.end));
    html! {
        <mark key={seg.start} {class} data-s={s} data-e={e} data-id={innermost.id.to_string()} data-label={label} {title}>
            { for start }{ piece }{ for end }
        </mark>
    }
}

#[function_component]
pub fn Line(props: &LineProps) -> Html {
    let LineLayout { line, segments, spans } = &*props.layout;
    let selected = props.selected.and_then(|id| spans.iter().find(|a| a.id == id)).map(|a| &**a);
    html! {
        // `dir="auto"`: an Arabic or Hebrew paragraph runs right to left, and its labels
        // sit at its start, on the right.
        <p class="line" dir="auto" data-s={line.start.to_string()} data-e={line.end.to_string()}>
            { for segments.iter().map(|seg| segment(&props.text, seg, selected, &props.tags)) }
        </p>
    }
}

#[derive(Properties)]
pub struct BlockProps {
    /// Each line's text and layout.
    pub lines: Vec<(Rc<str>, Rc<LineLayout>)>,
    /// The selected annotation, only when it is drawn in this block.
    pub selected: Option<AnnotationId>,
    pub tags: Rc<TagSet>,
    /// Not drawn yet (see `fill`): an empty block of about the right height stands in
    /// until it comes near the screen.
    pub pending: bool,
}

#[function_component]
pub fn Block(props: &BlockProps) -> Html {
    let node = use_node_ref();
    // About 70 characters fit on a line of the article column.
    let rows = props.lines.iter().map(|(text, _)| text.chars().count().div_ceil(70).max(1)).sum();
    use_rows_hint(node.clone(), rows);
    let near = use_near_screen(node.clone(), props.pending && props.selected.is_none());
    if props.pending && props.selected.is_none() && !near {
        return html! { <div class="block pending" ref={node}></div> };
    }
    let selected = props.selected;
    html! {
        <div class="block" ref={node}>
            { for props.lines.iter().map(|(text, layout)| {
                let selected = selected.filter(|id| layout.draws(*id));
                html! { <Line key={layout.line.start} text={text.clone()} layout={layout.clone()} {selected} tags={props.tags.clone()} /> }
            }) }
        </div>
    }
}

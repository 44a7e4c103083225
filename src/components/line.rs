//! One line of the article, split into segments. Every element carries `data-s`/`data-e`
//! (code points) so `dom::selection` can map a DOM position back to the text.

use std::rc::Rc;

use annotator_core::{AnnotationId, LineLayout, Segment, Tag};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LineProps {
    pub text: Rc<str>,
    pub layout: Rc<LineLayout>,
    /// The selected annotation, only when it covers part of this line (so that selecting
    /// elsewhere does not re-render this line).
    pub selected: Option<AnnotationId>,
}

fn segment(text: &str, seg: &Segment, selected: Option<AnnotationId>) -> Html {
    let piece = text[seg.bytes.clone()].to_owned();
    let (s, e) = (seg.start.to_string(), seg.end.to_string());
    let Some(innermost) = seg.covers.last() else {
        return html! { <span data-s={s} data-e={e}>{ piece }</span> };
    };
    let mut class = classes!("hl", format!("in-{}", innermost.tag.key()));
    for tag in Tag::ALL {
        if seg.covers.iter().any(|c| c.tag == tag) {
            class.push(format!("has-{}", tag.key()));
        }
    }
    if seg.covers.len() > 1 {
        class.push(if seg.covers.len() > 2 { "deep" } else { "nested" });
    }
    if selected.is_some_and(|id| seg.is_covered_by(id)) {
        class.push("sel");
    }
    let starting: Vec<&str> = seg.covers.iter().filter(|c| c.starts_here).map(|c| c.tag.label()).collect();
    let label = (!starting.is_empty()).then(|| starting.join(" + "));
    let title = seg.covers.iter().map(|c| c.tag.label()).collect::<Vec<_>>().join(", ");
    html! {
        <mark {class} data-s={s} data-e={e} data-id={innermost.id.to_string()} data-label={label} {title}>{ piece }</mark>
    }
}

#[function_component]
pub fn Line(props: &LineProps) -> Html {
    let LineLayout { line, segments } = &*props.layout;
    html! {
        <p class="line" data-s={line.start.to_string()} data-e={line.end.to_string()}>
            { for segments.iter().map(|seg| segment(&props.text, seg, props.selected)) }
        </p>
    }
}

//! A comparison with a colleague's file of this article (A: the open document, B: the
//! file): agreement per tag and overall, the claim-status κ, and every line where they
//! differ, in document order, each with "Take B’s" (one undoable step) and "Keep A’s".
//! The article highlights the differences (CSS Custom Highlight API: no text element
//! changes).

use std::rc::Rc;

use annotator_core::Document;
use annotator_core::compare::{Comparison, DiffEntry, Difference, Field, Side};
use annotator_core::text::{plural, shorten};
use yew::prelude::*;

use crate::dom;

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// B's file name.
    pub name: String,
    pub comparison: Rc<Comparison>,
    /// A's article, for the quotes and the highlights.
    pub doc: Rc<Document>,
    /// Lines whose A side was kept: no longer listed.
    pub kept: Vec<Difference>,
    pub ontake: Callback<DiffEntry>,
    pub onkeep: Callback<Difference>,
    pub onclose: Callback<()>,
}

/// `x` in [-1, 1] to two decimals, by integers: float formatting would add ~11 KB of wasm.
fn f(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", hundredths.abs() / 100, hundredths.abs() % 100)
}

fn kind(d: &Difference) -> (&'static str, String) {
    let field = |f: &Field| match f {
        Field::Note => "note",
        Field::Status => "status",
        Field::EntityType => "entity type",
        Field::Sources => "sources",
    };
    match d {
        Difference::Both { .. } => ("both", "In both".to_owned()),
        Difference::Changed { fields, .. } => {
            ("changed", format!("Changed: {}", fields.iter().map(field).collect::<Vec<_>>().join(", ")))
        }
        Difference::OnlyA(_) => ("only-a", "Only in A".to_owned()),
        Difference::OnlyB(_) => ("only-b", "Only in B".to_owned()),
    }
}

#[function_component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let c = &props.comparison;
    let open: Vec<&DiffEntry> = c
        .diff
        .iter()
        .filter(|e| !matches!(e.difference, Difference::Both { .. }))
        .filter(|e| !props.kept.contains(&e.difference))
        .collect();
    {
        // The article marks each open line with its kind; closing the panel clears them.
        let lines = annotator_core::lines(props.doc.text());
        let marks: Vec<(&'static str, std::ops::Range<usize>)> =
            open.iter().map(|e| (kind(&e.difference).0, e.start..e.end)).collect();
        use_effect_with(marks, move |marks| {
            dom::find::mark_compared(&lines, marks);
            || dom::find::mark_compared(&[], &[])
        });
    }
    let alike = c.diff.iter().filter(|e| matches!(e.difference, Difference::Both { .. })).count();
    let row = |label: &str, a: &annotator_core::compare::Agreement, class: &'static str| {
        html! { <tr {class}><th scope="row">{ label }</th><td>{ a.a }</td><td>{ a.b }</td><td>{ a.exact_matches }</td>
        <td>{ f(a.exact.f1) }</td><td>{ f(a.overlap.f1) }</td></tr> }
    };
    let pairs = match c.status.pairs {
        1 => "1 pair of exactly matched claims".to_owned(),
        n => format!("{n} pairs of exactly matched claims"),
    };
    let kappa = match c.status.kappa {
        Some(k) => format!("Claim status agreement (Cohen’s κ): {} ({pairs})", f(k)),
        None => format!("Claim status agreement (Cohen’s κ): not available ({pairs})"),
    };
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h3 id="compare-title">{ format!("Compared with {}", props.name) }</h3>
            <p class="hint">{ "A is this document, B the file. Differences are marked in the article." }</p>
            <table class="agreement">
                <thead><tr><th scope="col">{ "Tag" }</th><th scope="col">{ "A" }</th><th scope="col">{ "B" }</th>
                    <th scope="col">{ "Exact" }</th><th scope="col">{ "Exact F1" }</th><th scope="col">{ "Overlap F1" }</th></tr></thead>
                <tbody>
                    { for c.per_tag.iter().map(|t| row(&t.label, &t.agreement, "tag")) }
                    { row("All tags", &c.overall, "overall") }
                </tbody>
            </table>
            <p class="kappa">{ kappa }</p>
            <p class="alike">{ format!("{} alike in both.", plural(alike, "annotation")) }</p>
            if !c.not_anchored.is_empty() {
                <details class="not-anchored">
                    <summary>{ format!("{} not found in this text, left out", plural(c.not_anchored.len(), "annotation")) }</summary>
                    <ul>{ for c.not_anchored.iter().map(|n| html! {
                        <li>{ format!("{}: ", if n.side == Side::A { "A" } else { "B" }) }<q>{ shorten(&n.quote, 80) }</q></li>
                    }) }</ul>
                </details>
            }
            <ul class="diff-list">
                { for open.iter().map(|e| {
                    let (class, what) = kind(&e.difference);
                    let (take, key) = ((*e).clone(), e.difference.clone());
                    html! {
                        <li class={classes!("diff-entry", class)}>
                            <span class="diff-kind">{ what }</span>
                            <q class="quote">{ shorten(props.doc.slice(e.start, e.end), 80) }</q>
                            <button class="take-b" onclick={props.ontake.reform(move |_: MouseEvent| take.clone())}>{ "Take B’s" }</button>
                            <button class="keep-a" onclick={props.onkeep.reform(move |_: MouseEvent| key.clone())}>{ "Keep A’s" }</button>
                        </li>
                    }
                }) }
            </ul>
            <button class="compare-close" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Close the comparison" }</button>
        </section>
    }
}

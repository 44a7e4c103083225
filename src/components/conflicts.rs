//! "To resolve": the annotations a merge found with other values in a colleague's file.
//! Ours are kept until the person chooses, for each, their version or ours (one undoable
//! step each); both values and both creators are shown side by side.

use annotator_core::conflict::{Field, Resolution};
use annotator_core::text::shorten;
use annotator_core::{Annotation, AnnotationId, Tag, Workspace};
use yew::prelude::*;

/// One conflict as the list shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictRow {
    pub ours: AnnotationId,
    pub quote: String,
    /// Each value that differs: its name, ours, theirs.
    pub fields: Vec<(&'static str, String, String)>,
    pub mine_by: String,
    pub theirs_by: String,
}

fn value(ws: &Workspace, a: &Annotation, field: Field) -> String {
    let blank = |s: &str| if s.is_empty() { "none".to_owned() } else { format!("“{}”", shorten(s, 80)) };
    match field {
        Field::Span => format!("“{}”", shorten(&a.exact, 80)),
        Field::Tag => ws.tagset().label(a.tag),
        Field::Note => blank(&a.note),
        Field::Status => {
            if a.tag == Tag::Claim {
                a.status.label().to_owned()
            } else {
                "—".to_owned()
            }
        }
        Field::EntityType => blank(&a.entity_type),
        Field::Links => {
            let quotes: Vec<String> = a
                .sources
                .iter()
                .filter_map(|id| ws.get(*id))
                .map(|s| format!("“{}”", shorten(&s.exact, 40)))
                .collect();
            if quotes.is_empty() { "none".to_owned() } else { quotes.join(", ") }
        }
    }
}

fn name(field: Field) -> &'static str {
    match field {
        Field::Span => "Span",
        Field::Tag => "Tag",
        Field::Note => "Note",
        Field::Status => "Status",
        Field::EntityType => "Entity type",
        Field::Links => "Sources",
    }
}

/// The workspace's conflicts, in document order of our annotations.
pub fn conflict_rows(ws: &Workspace) -> Vec<ConflictRow> {
    let by = |a: &Annotation| a.creator.as_ref().map_or_else(|| "no one named".to_owned(), |c| c.display());
    ws.conflicts()
        .iter()
        .filter_map(|c| {
            let mine = ws.get(c.ours)?;
            let fields = c
                .fields(mine)
                .into_iter()
                .map(|f| (name(f), value(ws, mine, f), value(ws, &c.theirs, f)))
                .collect();
            Some((
                (mine.start, mine.end, c.ours),
                ConflictRow {
                    ours: c.ours,
                    quote: shorten(&mine.exact, 80),
                    fields,
                    mine_by: by(mine),
                    theirs_by: by(&c.theirs),
                },
            ))
        })
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_values()
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    pub rows: Vec<ConflictRow>,
    /// Called with our annotation and the choice.
    pub onresolve: Callback<(AnnotationId, Resolution)>,
}

#[function_component]
pub fn Conflicts(props: &ConflictsProps) -> Html {
    if props.rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="conflicts" aria-labelledby="conflicts-title">
            <h3 id="conflicts-title">{ format!("To resolve ({})", props.rows.len()) }</h3>
            <p class="hint">{ "A colleague’s file has other values for these. Yours are kept until you choose." }</p>
            <ul class="conflict-list">
                { for props.rows.iter().map(|row| {
                    let ours = row.ours;
                    let take = props.onresolve.reform(move |_: MouseEvent| (ours, Resolution::TakeTheirs));
                    let keep = props.onresolve.reform(move |_: MouseEvent| (ours, Resolution::KeepMine));
                    html! {
                        <li class="conflict" id={format!("conflict-{ours}")}>
                            <q class="quote">{ &row.quote }</q>
                            <dl>
                                { for row.fields.iter().map(|(field, mine, theirs)| html! { <>
                                    <dt>{ *field }</dt>
                                    <dd class="mine">{ format!("Yours: {mine} (by {})", row.mine_by) }</dd>
                                    <dd class="theirs">{ format!("Theirs: {theirs} (by {})", row.theirs_by) }</dd>
                                </> }) }
                            </dl>
                            <button class="take-theirs" onclick={take}>{ "Take theirs" }</button>
                            <button class="keep-mine" onclick={keep}>{ "Keep mine" }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[cfg(test)]
#[path = "conflicts_tests.rs"]
mod tests;

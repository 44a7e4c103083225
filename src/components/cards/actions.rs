//! What a card can do, as callbacks made once for every card.

use annotator_core::editor::Edge;
use annotator_core::{AnnotationId, ClaimStatus, Tag};
use yew::prelude::*;

use crate::dom;
use crate::state::{Action, StateHandle, callback};

/// What a card can do. Made once, so that its callbacks compare equal on every render.
#[derive(PartialEq)]
pub struct CardActions {
    pub onselect: Callback<(AnnotationId, usize)>,
    /// Close the selected card (the phone's sheet).
    pub ondeselect: Callback<()>,
    /// Select another annotation by id and bring it into view (links between cards).
    pub onjump: Callback<AnnotationId>,
    pub onretag: Callback<(AnnotationId, Tag)>,
    pub onstatus: Callback<(AnnotationId, ClaimStatus)>,
    pub onentity: Callback<(AnnotationId, String)>,
    pub onnote: Callback<(AnnotationId, String)>,
    pub onstartlink: Callback<Option<AnnotationId>>,
    pub onlink: Callback<(AnnotationId, AnnotationId)>,
    pub onunlink: Callback<(AnnotationId, AnnotationId)>,
    pub onnudge: Callback<(Edge, bool)>,
    pub ondelete: Callback<AnnotationId>,
}

impl CardActions {
    pub fn new(state: &StateHandle) -> Self {
        let dispatcher = state.dispatcher();
        Self {
            onselect: Callback::from(move |(id, _start): (AnnotationId, usize)| {
                dispatcher.dispatch(Action::Select(Some(id)));
                dom::scroll_to_selected();
            }),
            ondeselect: {
                let dispatcher = state.dispatcher();
                Callback::from(move |()| {
                    dispatcher.dispatch(Action::Select(None));
                    dom::focus_article();
                })
            },
            onjump: {
                let dispatcher = state.dispatcher();
                Callback::from(move |id| {
                    dispatcher.dispatch(Action::Select(Some(id)));
                    dom::scroll_to_selected();
                })
            },
            onretag: callback(state, |(id, tag)| Action::Retag { id, tag, now: dom::now_iso() }),
            onstatus: callback(state, |(id, status)| Action::SetStatus { id, status, now: dom::now_iso() }),
            onentity: callback(state, |(id, kind)| Action::SetEntityType { id, kind, now: dom::now_iso() }),
            onnote: callback(state, |(id, note)| Action::EditNote { id, note, now: dom::now_iso() }),
            onstartlink: callback(state, Action::StartLinking),
            onlink: callback(state, |(claim, source)| Action::Link { claim, source, now: dom::now_iso() }),
            onunlink: callback(state, |(claim, source)| Action::Unlink {
                claim,
                source,
                now: dom::now_iso(),
            }),
            onnudge: callback(state, |(edge, forward)| Action::Nudge { edge, forward, now: dom::now_iso() }),
            ondelete: {
                let dispatcher = state.dispatcher();
                Callback::from(move |id| {
                    dispatcher.dispatch(Action::Delete { id, now: dom::now_iso() });
                    dom::focus_article();
                })
            },
        }
    }
}

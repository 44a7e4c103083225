//! What a card can do, as callbacks made once for every card.

use annotator_core::editor::Edge;
use annotator_core::{AnnotationId, ClaimStatus, Tag};
use yew::prelude::*;

use crate::dom;
use crate::state::{EditAction, Stamp, StateHandle, UiAction, callback, stamped};

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
                dispatcher.dispatch((UiAction::Select(Some(id))).into());
                dom::scroll_to_selected();
            }),
            ondeselect: {
                let dispatcher = state.dispatcher();
                Callback::from(move |()| {
                    dispatcher.dispatch((UiAction::Select(None)).into());
                    dom::focus_article();
                })
            },
            onjump: {
                let dispatcher = state.dispatcher();
                Callback::from(move |id| {
                    dispatcher.dispatch((UiAction::Select(Some(id))).into());
                    dom::scroll_to_selected();
                })
            },
            onretag: stamped(state, |(id, tag), at| EditAction::Retag { id, tag, now: at.now }),
            onstatus: stamped(state, |(id, status), at| EditAction::SetStatus { id, status, now: at.now }),
            onentity: stamped(state, |(id, kind), at| EditAction::SetEntityType { id, kind, now: at.now }),
            onnote: stamped(state, |(id, note), at| EditAction::EditNote { id, note, now: at.now }),
            onstartlink: callback(state, UiAction::StartLinking),
            onlink: stamped(state, |(claim, source), at| EditAction::Link { claim, source, now: at.now }),
            onunlink: stamped(state, |(claim, source), at| EditAction::Unlink { claim, source, now: at.now }),
            onnudge: stamped(state, |(edge, forward), at| EditAction::Nudge { edge, forward, now: at.now }),
            ondelete: {
                let dispatcher = state.dispatcher();
                Callback::from(move |id| {
                    dispatcher.dispatch((EditAction::Delete { id, now: Stamp::take().now }).into());
                    dom::focus_article();
                })
            },
        }
    }
}

//! What the selected card shows about other annotations: its sources, the claims citing
//! it, and the sources it could still be linked to.

use annotator_core::text::shorten;
use annotator_core::{Annotation, AnnotationId, Workspace};

/// Another annotation a card refers to: its id and a short quote.
pub type Ref = (AnnotationId, String);

/// What the selected card shows about other annotations (worked out by the sidebar).
#[derive(Clone, Debug, PartialEq)]
pub struct CardDetail {
    /// Sources a claim is linked to.
    pub sources: Vec<Ref>,
    /// Claims citing a source.
    pub citing: Vec<Ref>,
    /// Sources a claim could still be linked to.
    pub candidates: Vec<Ref>,
    /// This claim is waiting for a source to be chosen.
    pub linking: bool,
}

impl CardDetail {
    pub fn of(ws: &Workspace, a: &Annotation, linking: bool) -> Self {
        let quote = |a: &Annotation| (a.id, shorten(&a.exact, 60));
        let sources = a.sources.iter().filter_map(|id| ws.get(*id)).map(quote).collect();
        let citing = ws.citing(a.id).map(|c| quote(c)).collect();
        // Every source of a long book, so only while choosing one.
        let candidates = if linking { ws.link_candidates(a).map(|s| quote(s)).collect() } else { Vec::new() };
        Self { sources, citing, candidates, linking }
    }
}

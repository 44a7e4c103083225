//! Suggestions for the open document, worked out after the paint that shows each change
//! (never on the edit path): learned from every entity and source tagged anywhere in the
//! library, matched in the open text. The search index takes the change at the same time.
//! Rejections and the two switches are remembered in this browser.

use std::rc::Rc;

use annotator_core::Document;
use annotator_core::suggest::{Dictionary, Matches, Options, Rejections, Suggester};
use yew::prelude::*;

use super::library_index;
use crate::dom;
use crate::state::{StateHandle, SuggestAction};
use crate::storage;

const REJECTED_PREF: &str = "suggest_rejected";
const SHOWN_PREF: &str = "suggest_shown";
const CASE_PREF: &str = "suggest_match_case";

/// What this browser remembers: rejected texts, whether suggestions show, whether case matters.
pub fn remembered() -> (Rejections, bool, bool) {
    let rejected = storage::load_pref(REJECTED_PREF).and_then(|v| serde_json::from_value(v).ok());
    let flag = |name, default| storage::load_pref(name).and_then(|v| v.as_bool()).unwrap_or(default);
    (rejected.unwrap_or_default(), flag(SHOWN_PREF, true), flag(CASE_PREF, true))
}

/// A matcher and what it was built from.
type Built = (Dictionary, Rejections, Options, Rc<Suggester>);

thread_local! {
    /// The last matcher built, and what it was built from: building one for a large
    /// dictionary takes long, and most edits (notes, statuses, claims) teach nothing new.
    static BUILT: std::cell::RefCell<Option<Built>> = const { std::cell::RefCell::new(None) };
    /// The latest relearning scheduled: an earlier one whose time comes is dropped.
    static RELEARN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Set when the person has paused: the next pass builds the matcher.
    static RELEARN_DUE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How long after the last change that taught something new the matcher is built again.
const RELEARN_AFTER_MS: u32 = 1500;

/// A matcher for `dictionary`, the one built last when nothing it depends on changed.
/// When only what was learned changed (a source tagged, retagged or deleted), the last
/// one serves until the person pauses: building one for a book's dictionary takes a few
/// hundred milliseconds, which would stall each of a run of edits. Then `relearn(n)`
/// asks for a pass that builds it. Rejections and the case switch are the person's
/// choices about suggestions themselves, and take effect at once.
fn suggester(
    dictionary: Dictionary,
    rejected: &Rejections,
    options: Options,
    relearn: impl Fn(u32) + 'static,
) -> Rc<Suggester> {
    BUILT.with(|built| {
        let mut built = built.borrow_mut();
        if let Some((d, _, _, s)) = built.as_ref().filter(|(_, r, o, _)| r == rejected && *o == options) {
            if *d == dictionary {
                // Back to what it was built from (an undo): a relearning still to come
                // would only run a pass that changes nothing, at a time the person may
                // be typing.
                RELEARN.set(RELEARN.get() + 1);
                RELEARN_DUE.set(false);
                return s.clone();
            }
            if !RELEARN_DUE.replace(false) {
                let token = RELEARN.get() + 1;
                RELEARN.set(token);
                gloo::timers::callback::Timeout::new(RELEARN_AFTER_MS, move || {
                    dom::when_idle(move || {
                        // Asked once the page is idle: a later change or an undo may have
                        // come in the meantime.
                        if RELEARN.get() == token {
                            dom::perf::mark("suggest:relearn");
                            RELEARN_DUE.set(true);
                            relearn(token);
                        }
                    });
                })
                .forget();
                return s.clone();
            }
        }
        let s = Rc::new(Suggester::new(&dictionary, rejected, options));
        *built = Some((dictionary, rejected.clone(), options, s.clone()));
        s
    })
}

/// A matcher's matches in a text.
type Matched = (Rc<Suggester>, Rc<Document>, Rc<Matches>);

thread_local! {
    /// Where the last matcher's texts occur in the last text: most edits change neither,
    /// and finding them is the costly part of a pass over a book.
    static MATCHED: std::cell::RefCell<Option<Matched>> = const { std::cell::RefCell::new(None) };
}

/// `suggester`'s matches in `doc`, the last ones when both are the same (by identity).
fn matches(suggester: &Rc<Suggester>, doc: &Rc<Document>) -> Rc<Matches> {
    MATCHED.with(|m| {
        let mut m = m.borrow_mut();
        if let Some((s, d, found)) = m.as_ref() {
            if Rc::ptr_eq(s, suggester) && Rc::ptr_eq(d, doc) {
                return found.clone();
            }
        }
        let found = Rc::new(suggester.matches(doc));
        *m = Some((suggester.clone(), doc.clone(), found.clone()));
        found
    })
}

/// Tags the `n` other occurrences of annotation `of`'s text (as the card counted them),
/// as one step, with ids drawn here.
pub fn tag_all(state: &StateHandle, of: annotator_core::AnnotationId, n: usize) {
    let ids = (0..n).map(|_| dom::random_id()).collect();
    state.dispatch(SuggestAction::TagAll { of, ids, now: dom::now_iso() });
}

/// How many other untagged places annotation `of`'s text has (a card's "Tag all N"),
/// counted once per revision and selection: a book's text is scanned once, not at each
/// render of the sidebar.
pub fn other_occurrences(state: &StateHandle, of: annotator_core::AnnotationId) -> usize {
    type Counted = ((annotator_core::AnnotationId, u64, annotator_core::AnnotationId, bool), usize);
    thread_local! {
        static COUNTED: std::cell::RefCell<Option<Counted>> = const { std::cell::RefCell::new(None) };
    }
    let options = state.ui.suggest.options();
    let key = (state.session.doc_id, state.revision(), of, options.case_sensitive);
    COUNTED.with(|c| {
        let mut c = c.borrow_mut();
        match c.as_ref() {
            Some((k, n)) if *k == key => *n,
            _ => {
                let n = annotator_core::suggest::occurrences(state.workspace(), of, &options).len();
                *c = Some((key, n));
                n
            }
        }
    })
}

/// Works out the open document's suggestions after each change that shows, and keeps the
/// person's choices.
#[hook]
pub fn use_suggestions(state: StateHandle) {
    // Counts up when the library has been read (again): what others taught may have changed.
    let library_read = use_state(|| 0u64);
    {
        let (state, library_read) = (state.clone(), library_read.clone());
        use_effect_with(state.session.doc_id, move |_| {
            let open = (state.session.doc_id, state.revision(), state.workspace());
            library_index::refresh(open, move || library_read.set(*library_read + 1));
        });
    }
    // Set to the relearning's number when the person paused after teaching something new.
    let relearned = use_state(|| 0u32);
    let sg = &state.ui.suggest;
    let key = (
        (state.revision(), state.session.doc_id, sg.shown, sg.match_case),
        (sg.rejected.clone(), *library_read, *relearned),
    );
    let (rejected, shown_and_case) = (sg.rejected.clone(), (sg.shown, sg.match_case));
    use_effect_with(key, move |((revision, id, shown, _), _)| {
        let (revision, id, shown) = (*revision, *id, *shown);
        dom::after_paint(move || {
            let ws = state.workspace();
            library_index::note_open(id, revision, ws);
            super::search::note_open(id, revision, ws);
            if !shown {
                return;
            }
            let sg = &state.ui.suggest;
            let list = dom::perf::measure("suggest", || {
                let mut dictionary = Dictionary::default();
                library_index::with(|k| {
                    dictionary.learn_from(k.values().flat_map(|d| d.iter().map(|a| &**a)))
                });
                let relearn = move |n| relearned.set(n);
                let suggester = suggester(dictionary, &sg.rejected, sg.options(), relearn);
                suggester.unannotated(&matches(&suggester, &ws.document), ws)
            });
            dom::perf::measure("suggestions:found", || {
                state.dispatch(SuggestAction::Found { revision, list: Rc::from(list) })
            });
        });
    });
    use_effect_with(rejected, |rejected| {
        storage::save_pref(REJECTED_PREF, serde_json::to_value(rejected.as_ref()).unwrap_or_default())
    });
    use_effect_with(shown_and_case, |(shown, case)| {
        storage::save_pref(SHOWN_PREF, (*shown).into());
        storage::save_pref(CASE_PREF, (*case).into());
    });
}

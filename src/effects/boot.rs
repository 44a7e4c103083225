//! Start-up: the library is opened (IndexedDB is asynchronous) and the first state is made
//! from what it holds: the document open last time, or the sample, and any problem found.

use std::rc::Rc;

use yew::prelude::*;

use super::prefs;
use crate::state::State;
use crate::storage::{self, Boot};

/// What start-up found, shared (compared by identity).
#[derive(Clone)]
pub struct Booted(Rc<Boot>);

impl PartialEq for Booted {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// `None` until the library has been opened and read.
#[hook]
pub fn use_boot() -> Option<Booted> {
    let boot = use_state(|| None::<Booted>);
    {
        let boot = boot.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                // The sample has a fixed id, so that tabs opened before anything was saved share it.
                boot.set(Some(Booted(Rc::new(storage::boot(State::sample_id()).await))));
            });
        });
    }
    (*boot).clone()
}

/// The first state: the document start-up opened (else the sample) and what was wrong.
pub fn initial_state(boot: &Booted) -> State {
    let boot = &boot.0;
    let opened = &boot.opened;
    let problems: Vec<_> = boot.problems.iter().chain(&opened.problems).cloned().collect();
    let found = storage::problem_of(&problems);
    let loaded = opened.loaded.as_ref();
    let workspace = loaded.map_or_else(State::sample, |l| l.workspace.clone());
    let mut state = State::new(opened.id, workspace, prefs::snap_words());
    Rc::make_mut(&mut state.session.editor).set_author(prefs::author());
    state.ui.name_asked = prefs::name_asked();
    let (rejected, shown, match_case) = crate::effects::remembered_suggestions();
    state.ui.suggest.rejected = Rc::new(rejected);
    (state.ui.suggest.shown, state.ui.suggest.match_case) = (shown, match_case);
    state.session.doc_from_storage = loaded.is_some();
    state.session.loaded_revision = loaded.map_or(0, |l| l.revision);
    state.health.storage_problem = found.saving;
    state.health.data_problem = found.data;
    state.health.storage_downloads = found.downloads;
    state
}

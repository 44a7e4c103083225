//! Catching a tab's copy of the library up with storage: the copies are the search index
//! (`search`) and the annotations that teach suggestions (`library_index`). What to read
//! is the core's rule (`library::Mirror`); here it is read one document per task, so a
//! large library never stalls the page, and one catch-up of a copy runs at a time.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

use annotator_core::AnnotationId;
use annotator_core::library::{DocSummary, Mirror};

use crate::storage;

/// One copy's record of what it holds, and whether it is catching up.
pub struct Reader {
    pub mirror: RefCell<Mirror>,
    busy: Cell<bool>,
}

impl Reader {
    pub const fn new() -> Self {
        Self { mirror: RefCell::new(Mirror::new()), busy: Cell::new(false) }
    }

    /// Runs `take` to bring the open document `id`, at `revision`, into the copy, unless
    /// the copy holds it at that revision already (once per revision).
    pub fn take_open(&self, id: AnnotationId, revision: u64, take: impl FnOnce()) {
        if !self.mirror.borrow().holds_open(id, revision) {
            take();
            self.mirror.borrow_mut().took_open(id, revision);
        }
    }
}

/// Brings the copy `reader` records up to date with storage, `open` (taken from memory
/// by the caller) excepted: `gone(id)` for each document no longer stored, `read(d)` for
/// each stored one it lacks or holds at another revision (true when it was read), and
/// `progress(done, of)` after each. Returns false, having done nothing, when a catch-up
/// of this copy is under way already.
pub async fn catch_up(
    reader: &'static LocalKey<Reader>,
    open: AnnotationId,
    read: impl Fn(&DocSummary) -> bool,
    gone: impl Fn(AnnotationId),
    progress: impl Fn(usize, usize),
) -> bool {
    if reader.with(|r| r.busy.replace(true)) {
        return false;
    }
    let stored = storage::with(|lib| lib.summaries().unwrap_or_default()).unwrap_or_default();
    let plan = reader.with(|r| r.mirror.borrow().catch_up(open, &stored));
    for id in plan.gone {
        gone(id);
        reader.with(|r| r.mirror.borrow_mut().forget(id));
    }
    let of = plan.read.len();
    for (n, d) in plan.read.into_iter().enumerate() {
        if read(d) {
            reader.with(|r| r.mirror.borrow_mut().took_stored(d.id, d.revision));
        }
        progress(n + 1, of);
        // One document per task: a large library is read without a long stall.
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    reader.with(|r| r.busy.set(false));
    true
}

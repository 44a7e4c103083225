//! The IndexedDB adapter: the library's records in one object store, behind the core's
//! synchronous [`Store`] through an in-memory mirror.
//!
//! Everything is read once at start-up; reads are then served from the mirror. Each
//! commit updates the mirror and starts one readwrite transaction with all its writes at
//! once — nothing else is awaited inside it (IndexedDB commits a transaction as soon as the
//! page idles with no request pending). When it completes, what was written is read back
//! and compared, so a silent failure is seen; a commit that failed is retried with the
//! next one, and the app is told either way. Other tabs hear of each save on a
//! `BroadcastChannel` and read the changed documents again.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use annotator_core::AnnotationId;
use annotator_core::library::{Store, StoreError, Write, keys_with_prefix};
use gloo::events::EventListener;
use idb::{Database, Factory, ObjectStoreParams, Query, TransactionMode, TransactionResult};
use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, IdbDatabase};
use yew::platform::spawn_local;

pub const DB_NAME: &str = "article-annotator";
/// Version 2 holds the `records` store of the core's record layout (`aa2.*` keys). A tab
/// that opens a higher version closes this one (`versionchange`).
pub const DB_VERSION: u32 = 2;
pub(super) const STORE: &str = "records";
const CHANNEL: &str = "article-annotator";
/// Where a page that unloads leaves the writes it could not see through (`localStorage`).
pub(super) const JOURNAL_KEY: &str = "aa2.journal";

/// What the adapter reports after the fact (commits complete asynchronously).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A commit is on disk and read back as written.
    Saved,
    /// A commit failed or did not read back as written; its writes go again with the next.
    Failed(StoreError),
    /// Another tab saved (or deleted) these documents; their records were read again.
    Changed(Vec<AnnotationId>),
    /// Another tab is upgrading the database: this connection is closed, nothing more is saved.
    Closed,
}

type Listener = Rc<dyn Fn(Event)>;

pub(super) struct Inner {
    pub(super) db: IdbDatabase,
    pub(super) closed: bool,
    /// Every record as IndexedDB will hold it once the commits in flight complete. Values
    /// stay JS strings, so a copy is byte for byte.
    pub(super) mirror: BTreeMap<String, JsString>,
    /// Writes of commits that failed: sent again with the next commit (`None`: a delete).
    pub(super) retry: BTreeMap<String, Option<JsString>>,
    pub(super) listener: Option<Listener>,
    pub(super) channel: Option<BroadcastChannel>,
    pub(super) _events: Vec<EventListener>,
    /// The writes of the commits started and not yet checked, by commit.
    pub(super) unconfirmed: BTreeMap<u64, BTreeMap<String, Option<JsString>>>,
    pub(super) next_commit: u64,
    /// Whether a journal was left in `localStorage` for the writes in flight.
    pub(super) journaled: bool,
    /// Commits started and not yet checked, the first error among them, and who waits.
    pub(super) in_flight: usize,
    pub(super) first_error: Option<StoreError>,
    pub(super) waiters: Vec<tokio::sync::oneshot::Sender<Result<(), StoreError>>>,
}

/// The library's IndexedDB database, as a [`Store`] (a cheap handle: clones share it).
#[derive(Clone)]
pub struct IdbStore(pub(super) Rc<RefCell<Inner>>);

pub(super) fn failed(e: impl std::fmt::Display) -> StoreError {
    let text = e.to_string();
    if text.contains("QuotaExceeded") { StoreError::Full } else { StoreError::Failed(text) }
}

type Records = (IdbDatabase, Vec<JsValue>, Vec<JsValue>);

/// What `boot.js` did while the wasm loaded.
enum Prefetched {
    /// It read the open connection, every key and every value.
    Read(Records),
    /// Another tab holds an older version open.
    Blocked,
    /// It gave up, or this page was not started by it.
    No,
}

async fn prefetched() -> Prefetched {
    let Some(window) = web_sys::window() else { return Prefetched::No };
    let Ok(pending) = js_sys::Reflect::get(&window, &"__library".into()) else { return Prefetched::No };
    // Taken once: a later open (another test, a reopen) reads for itself.
    let _ = js_sys::Reflect::delete_property(&window, &"__library".into());
    let Ok(pending) = pending.dyn_into::<js_sys::Promise>() else { return Prefetched::No };
    let Ok(read) = wasm_bindgen_futures::JsFuture::from(pending).await else { return Prefetched::No };
    if read.as_string().as_deref() == Some("blocked") {
        return Prefetched::Blocked;
    }
    let Ok(read) = read.dyn_into::<js_sys::Array>() else { return Prefetched::No };
    let keys = js_sys::Array::from(&read.get(1)).to_vec();
    let values = js_sys::Array::from(&read.get(2)).to_vec();
    match read.get(0).dyn_into() {
        Ok(db) => Prefetched::Read((db, keys, values)),
        Err(_) => Prefetched::No,
    }
}

/// Opens the database (creating its store on first use) and reads every key and value.
async fn read_all(
    on_blocked: impl FnOnce() + 'static,
) -> Result<(IdbDatabase, Vec<JsValue>, Vec<JsValue>), StoreError> {
    let factory = Factory::new().map_err(|_| StoreError::Unavailable)?;
    let mut request = factory.open(DB_NAME, Some(DB_VERSION)).map_err(|_| StoreError::Unavailable)?;
    request.on_upgrade_needed(|event| {
        use idb::DatabaseEvent;
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|s| s == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    request.on_blocked(move |_| on_blocked());
    let raw: IdbDatabase = request.await.map_err(failed)?.into();
    let tx = db(&raw).transaction(&[STORE], TransactionMode::ReadOnly).map_err(failed)?;
    let store = tx.object_store(STORE).map_err(failed)?;
    let (keys, values) = (store.get_all_keys(None, None), store.get_all(None, None));
    let keys = keys.map_err(failed)?.await.map_err(failed)?;
    let values = values.map_err(failed)?.await.map_err(failed)?;
    Ok((raw, keys, values))
}

/// `data-saving` on the root element while writes are on their way to the disk (for a
/// save indicator, and for tests to wait on).
fn show_saving(on: bool) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = if on { root.set_attribute("data-saving", "") } else { root.remove_attribute("data-saving") };
    }
}

pub(super) fn db(raw: &IdbDatabase) -> Database {
    Database::from(raw.clone())
}

impl IdbStore {
    /// Opens the database and reads every record. `on_blocked` runs if another tab holds
    /// an older version open and does not let go (the open then waits for it).
    pub async fn open(on_blocked: impl FnOnce() + 'static) -> Result<IdbStore, StoreError> {
        let (raw, keys, values) = match prefetched().await {
            Prefetched::Read(read) => read,
            Prefetched::Blocked => {
                // Its request is ahead of ours in the queue: ours hears no `blocked` of its own.
                super::phrase::show_blocked();
                read_all(on_blocked).await?
            }
            Prefetched::No => read_all(on_blocked).await?,
        };
        let mirror = keys
            .into_iter()
            .zip(values)
            .filter_map(|(k, v)| Some((k.as_string()?, v.dyn_into::<JsString>().ok()?)))
            .collect();
        let inner = Inner {
            db: raw.clone(),
            closed: false,
            mirror,
            retry: BTreeMap::new(),
            listener: None,
            channel: BroadcastChannel::new(CHANNEL).ok(),
            _events: Vec::new(),
            unconfirmed: BTreeMap::new(),
            next_commit: 0,
            journaled: false,
            in_flight: 0,
            first_error: None,
            waiters: Vec::new(),
        };
        let mut store = IdbStore(Rc::new(RefCell::new(inner)));
        store.listen(&raw);
        store.replay_journal().await;
        Ok(store)
    }

    /// Where the adapter's reports go.
    pub fn set_listener(&self, listener: impl Fn(Event) + 'static) {
        self.0.borrow_mut().listener = Some(Rc::new(listener));
    }

    pub(super) fn report(&self, event: Event) {
        let listener = self.0.borrow().listener.clone();
        if let Some(listener) = listener {
            listener(event);
        }
    }

    fn listen(&self, raw: &IdbDatabase) {
        let mut events = Vec::new();
        let this = self.clone();
        // Another tab opens a newer version: let it, instead of blocking it. Transactions
        // already started still complete after `close`.
        events.push(EventListener::new(raw, "versionchange", move |_| {
            {
                let mut inner = this.0.borrow_mut();
                inner.closed = true;
                inner.db.close();
            }
            this.report(Event::Closed);
        }));
        if let Some(channel) = self.0.borrow().channel.clone() {
            let this = self.clone();
            events.push(EventListener::new(&channel, "message", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
                let ids: Vec<AnnotationId> = js_sys::Array::from(&e.data())
                    .iter()
                    .filter_map(|v| v.as_string()?.parse().ok())
                    .collect();
                let this = this.clone();
                spawn_local(async move { this.reread(ids).await });
            }));
        }
        self.0.borrow_mut()._events = events;
    }

    /// Starts one readwrite transaction with every write of `batch`, then checks it. A
    /// batch that cannot even be started waits for the next commit.
    fn flush(&self, batch: BTreeMap<String, Option<JsString>>) -> Result<(), StoreError> {
        self.start(&batch).inspect_err(|e| {
            let mut inner = self.0.borrow_mut();
            for (key, value) in batch.clone() {
                inner.retry.entry(key).or_insert(value);
            }
            inner.first_error.get_or_insert(e.clone());
        })
    }

    fn start(&self, batch: &BTreeMap<String, Option<JsString>>) -> Result<(), StoreError> {
        let batch = batch.clone();
        let raw = self.0.borrow().db.clone();
        let tx = db(&raw).transaction(&[STORE], TransactionMode::ReadWrite).map_err(failed)?;
        let store = tx.object_store(STORE).map_err(failed)?;
        for (key, value) in &batch {
            let key = JsValue::from_str(key);
            match value {
                Some(v) => store.put(v, Some(&key)).map(drop),
                None => store.delete(Query::Key(key)).map(drop),
            }
            .map_err(failed)?;
        }
        let this = self.clone();
        let commit = {
            let mut inner = this.0.borrow_mut();
            inner.in_flight += 1;
            show_saving(true);
            inner.next_commit += 1;
            let n = inner.next_commit;
            inner.unconfirmed.insert(n, batch.clone());
            n
        };
        spawn_local(async move {
            let written = match tx.await {
                Ok(TransactionResult::Committed) => this.read_back(&batch).await,
                Ok(TransactionResult::Aborted) => {
                    Err(StoreError::Failed("the transaction was aborted".into()))
                }
                Err(e) => Err(failed(e)),
            };
            let waiters = {
                let mut inner = this.0.borrow_mut();
                inner.in_flight -= 1;
                inner.unconfirmed.remove(&commit);
                if let Err(e) = &written {
                    for (key, value) in batch.clone() {
                        inner.retry.entry(key).or_insert(value);
                    }
                    inner.first_error.get_or_insert(e.clone());
                }
                if inner.in_flight == 0 {
                    show_saving(false);
                    // The page stayed: what the journal holds is on disk (or in `retry`).
                    if std::mem::take(&mut inner.journaled) {
                        if let Ok(mut local) = super::LocalStore::open() {
                            let _ = local.commit(vec![Write::Delete { key: JOURNAL_KEY.to_owned() }]);
                        }
                    }
                    std::mem::take(&mut inner.waiters)
                } else {
                    Vec::new()
                }
            };
            match written {
                Ok(()) => {
                    this.announce(&batch);
                    this.report(Event::Saved);
                }
                Err(e) => this.report(Event::Failed(e)),
            }
            let first_error = if waiters.is_empty() { None } else { this.0.borrow_mut().first_error.take() };
            for waiter in waiters {
                let _ = waiter.send(first_error.clone().map_or(Ok(()), Err));
            }
        });
        Ok(())
    }

    /// Resolves once no commit is in flight: `Ok` if every commit since the last call
    /// reached the disk and read back as written, else the first error.
    pub async fn settled(&self) -> Result<(), StoreError> {
        let receiver = {
            let mut inner = self.0.borrow_mut();
            if inner.in_flight == 0 {
                return inner.first_error.take().map_or(Ok(()), Err);
            }
            let (sender, receiver) = tokio::sync::oneshot::channel();
            inner.waiters.push(sender);
            receiver
        };
        receiver.await.unwrap_or_else(|_| Err(StoreError::Failed("the database went away".into())))
    }

    /// Reads back every record `batch` put and checks that it is there: a write the browser
    /// dropped (or evicted) shows as missing. Its value is not compared: another tab may
    /// rightly have written the same record since (both tabs save the document's meta
    /// record), and tab sync joins that.
    async fn read_back(&self, batch: &BTreeMap<String, Option<JsString>>) -> Result<(), StoreError> {
        // Records a later commit of this tab removed again are not expected to be there.
        let (raw, put) = {
            let inner = self.0.borrow();
            let put: Vec<&String> = batch
                .iter()
                .filter(|(k, v)| v.is_some() && inner.mirror.contains_key(*k))
                .map(|(k, _)| k)
                .collect();
            (inner.db.clone(), put)
        };
        let tx = db(&raw).transaction(&[STORE], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(STORE).map_err(failed)?;
        let requests: Vec<_> = put
            .iter()
            .map(|k| store.count(Some(Query::Key(k.as_str().into()))))
            .collect::<Result<_, _>>()
            .map_err(failed)?;
        for (key, request) in put.into_iter().zip(requests) {
            if request.await.map_err(failed)? == 0 {
                return Err(StoreError::Failed(format!("{key} was not there when read back")));
            }
        }
        Ok(())
    }
}

impl Store for IdbStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.borrow().mirror.get(key).map(String::from))
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(keys_with_prefix(&self.0.borrow().mirror, prefix))
    }

    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        let mut inner = self.0.borrow_mut();
        if inner.closed {
            return Err(StoreError::Failed("the database was closed for an upgrade in another tab".into()));
        }
        let mut batch = std::mem::take(&mut inner.retry);
        for write in writes {
            match write {
                Write::Put { key, value } => {
                    let value = JsString::from(value);
                    inner.mirror.insert(key.clone(), value.clone());
                    batch.insert(key, Some(value));
                }
                Write::Delete { key } => {
                    inner.mirror.remove(&key);
                    batch.insert(key, None);
                }
            }
        }
        drop(inner);
        self.flush(batch)
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        let value = self.0.borrow().mirror.get(from).cloned();
        let value = value.ok_or_else(|| StoreError::Failed(format!("nothing is stored under {from}")))?;
        self.0.borrow_mut().mirror.insert(to.to_owned(), value.clone());
        self.flush(BTreeMap::from([(to.to_owned(), Some(value))]))
    }
}

//! What the IndexedDB store does beyond one tab's commits: reading again what another tab
//! saved, telling the other tabs what this one saved, and the journal a page that unloads
//! leaves for the next start.

use std::collections::BTreeMap;

use annotator_core::AnnotationId;
use annotator_core::library::records::{META_PREFIX, ann_prefix, doc_key, id_after, meta_key, sync_key};
use annotator_core::library::{Store, StoreError, Write};
use idb::{KeyRange, Query, TransactionMode};
use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};

use super::idb::{Event, IdbStore, JOURNAL_KEY, STORE, db, failed};

impl IdbStore {
    /// Reads documents `ids` again (another tab saved them) and reports them changed.
    pub(super) async fn reread(&self, ids: Vec<AnnotationId>) {
        let raw = self.0.borrow().db.clone();
        let read = async {
            let tx = db(&raw).transaction(&[STORE], TransactionMode::ReadOnly).map_err(failed)?;
            let store = tx.object_store(STORE).map_err(failed)?;
            let mut requests = Vec::new();
            for id in &ids {
                let prefix = ann_prefix(*id);
                let range =
                    KeyRange::bound(&prefix.as_str().into(), &format!("{prefix}\u{ffff}").into(), None, None)
                        .map_err(failed)?;
                let keys = store.get_all_keys(Some(Query::KeyRange(range.clone())), None).map_err(failed)?;
                let values = store.get_all(Some(Query::KeyRange(range)), None).map_err(failed)?;
                let singles: Vec<_> = [doc_key(*id), meta_key(*id), sync_key(*id)]
                    .into_iter()
                    .map(|k| store.get(Query::Key(k.as_str().into())).map(|r| (k, r)))
                    .collect::<Result<_, _>>()
                    .map_err(failed)?;
                requests.push((prefix, keys, values, singles));
            }
            let mut found = Vec::new();
            for (prefix, keys, values, singles) in requests {
                let (keys, values) = (keys.await.map_err(failed)?, values.await.map_err(failed)?);
                let mut records: Vec<(String, Option<JsString>)> = keys
                    .into_iter()
                    .zip(values)
                    .filter_map(|(k, v)| Some((k.as_string()?, v.dyn_into::<JsString>().ok())))
                    .collect();
                for (key, request) in singles {
                    let value = request.await.map_err(failed)?;
                    records.push((key, value.and_then(|v| v.dyn_into::<JsString>().ok())));
                }
                found.push((prefix, records));
            }
            Ok::<_, StoreError>(found)
        };
        match read.await {
            Ok(found) => {
                let mut inner = self.0.borrow_mut();
                for (prefix, records) in found {
                    inner.mirror.retain(|k, _| !k.starts_with(&prefix));
                    for (key, value) in records {
                        match value {
                            Some(v) => inner.mirror.insert(key, v),
                            None => inner.mirror.remove(&key),
                        };
                    }
                }
                drop(inner);
                self.report(Event::Changed(ids));
            }
            Err(e) => self.report(Event::Failed(e)),
        }
    }

    /// Writes every write not yet known to be on disk to `localStorage` (synchronous), for
    /// the next start to finish: a page that unloads (a reload, a closed tab) may take its
    /// last IndexedDB transaction with it.
    /// Returns false when some of them could not be kept that way (no room).
    pub fn journal(&self) -> bool {
        let mut inner = self.0.borrow_mut();
        let mut all: BTreeMap<&String, Option<String>> = BTreeMap::new();
        for (key, value) in inner.unconfirmed.values().flatten().chain(&inner.retry) {
            all.insert(key, value.as_ref().map(String::from));
        }
        if all.is_empty() {
            return true;
        }
        let (Ok(json), Ok(mut local)) = (serde_json::to_string(&all), super::LocalStore::open()) else {
            return false;
        };
        drop(all);
        inner.journaled = true;
        local.commit(vec![Write::Put { key: JOURNAL_KEY.to_owned(), value: json }]).is_ok()
    }

    /// Finishes what the last page left in the journal (see [`IdbStore::journal`]).
    pub(super) async fn replay_journal(&mut self) {
        let Ok(mut local) = super::LocalStore::open() else { return };
        let Ok(Some(raw)) = local.get(JOURNAL_KEY) else { return };
        let writes: Vec<Write> = serde_json::from_str::<BTreeMap<String, Option<String>>>(&raw)
            .unwrap_or_default()
            .into_iter()
            .map(|(key, value)| match value {
                Some(value) => Write::Put { key, value },
                None => Write::Delete { key },
            })
            .collect();
        if self.commit(writes).is_ok() && self.settled().await.is_ok() {
            let _ = local.commit(vec![Write::Delete { key: JOURNAL_KEY.to_owned() }]);
        }
    }

    /// Tells the other tabs which documents this batch saved.
    pub(super) fn announce(&self, batch: &BTreeMap<String, Option<JsString>>) {
        let ids: js_sys::Array = batch
            .keys()
            .filter_map(|k| id_after(k, META_PREFIX))
            .map(|id| JsValue::from(id.to_string()))
            .collect();
        if ids.length() > 0 {
            if let Some(channel) = &self.0.borrow().channel {
                let _ = channel.post_message(&ids);
            }
        }
    }
}

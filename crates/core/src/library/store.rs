//! The storage trait the library is written against, and an in-memory store for tests
//! that can be told to fail the way browsers do.

use std::collections::BTreeMap;

use thiserror::Error;

/// One write of a commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Write {
    /// Sets `key` to `value`, replacing what was there.
    Put {
        /// The key to set.
        key: String,
        /// Its new value (JSON, for every record this crate writes).
        value: String,
    },
    /// Removes `key` (nothing happens if it is absent).
    Delete {
        /// The key to remove.
        key: String,
    },
}

impl Write {
    /// The key this write changes.
    pub fn key(&self) -> &str {
        match self {
            Write::Put { key, .. } | Write::Delete { key } => key,
        }
    }
}

/// Why the store refused a read or a write.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refuses storage altogether (private mode, blocked site data, a `file:` page).
    #[error("storage is unavailable")]
    Unavailable,
    /// The quota is used up (`QuotaExceededError`); what was stored before is still there.
    #[error("storage is full")]
    Full,
    /// Any other failure, with the browser's message (an IndexedDB transaction aborted, …).
    #[error("storage failed: {0}")]
    Failed(String),
}

/// A key-value store of text records: localStorage, an IndexedDB object store (through an
/// in-memory mirror the adapter keeps), or memory.
pub trait Store {
    /// The value under `key`, `None` if there is none.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Every key that starts with `prefix`, sorted.
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError>;
    /// Applies the writes together (one IndexedDB readwrite transaction; localStorage in
    /// order, reporting the first failure). After a failure, any prefix of the writes may
    /// have been applied: callers must not assume either all or none.
    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError>;
    /// Copies a value byte for byte, never through a Rust `String` (which would turn a lone
    /// UTF-16 surrogate — a save cut mid-emoji — into U+FFFD). Copying a missing key is an
    /// error (`Failed`), so a backup is never silently empty.
    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError>;
}

/// The keys of `map` that start with `prefix`, sorted: `Store::keys` for a store kept in a
/// sorted map (in memory, or an adapter's mirror).
pub fn keys_with_prefix<V>(map: &BTreeMap<String, V>, prefix: &str) -> Vec<String> {
    map.range(prefix.to_owned()..).map(|(k, _)| k).take_while(|k| k.starts_with(prefix)).cloned().collect()
}

/// How a `MemoryStore` fails, to simulate browsers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Failure {
    /// Every write succeeds (within the quota, if any).
    #[default]
    Never,
    /// Every write (put, delete, copy) fails with this error; reads still work.
    EveryWrite(StoreError),
    /// This many more single writes succeed, then each fails with `Failed`: storage that
    /// gives out half-way through a commit.
    AfterWrites(usize),
}

/// A store in memory. Values are kept as UTF-16 units, as browsers keep them, so a test can
/// store a lone surrogate (`put_utf16`) and see that `copy` keeps it.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    records: BTreeMap<String, Vec<u16>>,
    /// Room for keys plus values, in UTF-16 units (localStorage counts both); `None`: no limit.
    quota: Option<usize>,
    failure: Failure,
    /// Keys of the single writes that succeeded, in order (puts, deletes and copy targets).
    written: Vec<String>,
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

impl MemoryStore {
    /// An empty store with no quota that never fails.
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits keys plus values to `units` UTF-16 units; writes past it fail with `Full`.
    pub fn with_quota(mut self, units: usize) -> Self {
        self.quota = Some(units);
        self
    }

    /// Changes the quota (`None`: no limit), e.g. to make room after a test filled it.
    pub fn set_quota(&mut self, units: Option<usize>) {
        self.quota = units;
    }

    /// From now on, writes fail as `failure` says.
    pub fn fail(&mut self, failure: Failure) {
        self.failure = failure;
    }

    /// Stores raw UTF-16 units under `key`, bypassing quota and failures (test set-up).
    pub fn put_utf16(&mut self, key: &str, value: Vec<u16>) {
        self.records.insert(key.to_owned(), value);
    }

    /// Stores `value` under `key`, bypassing quota and failures (test set-up).
    pub fn put(&mut self, key: &str, value: &str) {
        self.put_utf16(key, units(value));
    }

    /// The raw UTF-16 units under `key`.
    pub fn get_utf16(&self, key: &str) -> Option<&[u16]> {
        self.records.get(key).map(Vec::as_slice)
    }

    /// Keys of the single writes that succeeded so far, in order.
    pub fn written(&self) -> &[String] {
        &self.written
    }

    /// Forgets the written keys, to count the writes of the next step alone.
    pub fn clear_written(&mut self) {
        self.written.clear();
    }

    /// Keys plus values in UTF-16 units.
    pub fn used(&self) -> usize {
        self.records.iter().map(|(k, v)| k.encode_utf16().count() + v.len()).sum()
    }

    /// Checks that one more write may go ahead, counting it against `AfterWrites`.
    fn allow(&mut self) -> Result<(), StoreError> {
        match &mut self.failure {
            Failure::Never => Ok(()),
            Failure::EveryWrite(e) => Err(e.clone()),
            Failure::AfterWrites(0) => Err(StoreError::Failed("simulated failure".to_owned())),
            Failure::AfterWrites(n) => {
                *n -= 1;
                Ok(())
            }
        }
    }

    /// Sets `key` to `value` if the quota has room for it.
    fn set(&mut self, key: &str, value: Vec<u16>) -> Result<(), StoreError> {
        let old = self.records.get(key).map_or(0, |v| key.encode_utf16().count() + v.len());
        let new = key.encode_utf16().count() + value.len();
        if self.quota.is_some_and(|q| self.used() - old + new > q) {
            return Err(StoreError::Full);
        }
        self.allow()?;
        self.records.insert(key.to_owned(), value);
        self.written.push(key.to_owned());
        Ok(())
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.records.get(key).map(|v| String::from_utf16_lossy(v)))
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        Ok(keys_with_prefix(&self.records, prefix))
    }

    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        // In order, stopping at the first failure, as localStorage does: the weaker
        // guarantee, so code tested against it also holds on IndexedDB.
        for write in writes {
            match write {
                Write::Put { key, value } => self.set(&key, units(&value))?,
                Write::Delete { key } => {
                    self.allow()?;
                    self.records.remove(&key);
                    self.written.push(key);
                }
            }
        }
        Ok(())
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        let value =
            self.records.get(from).cloned().ok_or_else(|| StoreError::Failed(format!("no key {from}")))?;
        self.set(to, value)
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;

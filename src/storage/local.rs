//! The `localStorage` adapter: the store where IndexedDB is unavailable, and where the
//! earlier versions of the app kept the library (moved out at start-up).

use annotator_core::library::{Store, StoreError, Write};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// `window.localStorage`, as a [`Store`].
pub struct LocalStore {
    storage: Storage,
}

/// The cause a browser gives for a failed call, as a store error.
pub fn error_of(e: &JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" || d.code() == 22 => StoreError::Full,
        Some(d) if d.name() == "SecurityError" => StoreError::Unavailable,
        Some(d) => StoreError::Failed(format!("{}: {}", d.name(), d.message())),
        None => StoreError::Failed(format!("{e:?}")),
    }
}

impl LocalStore {
    /// The page's `localStorage`; `Unavailable` when the browser refuses it (blocked site
    /// data, some private modes, a `file:` page).
    pub fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or(StoreError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Self { storage }),
            Ok(None) => Err(StoreError::Unavailable),
            Err(e) => Err(error_of(&e)),
        }
    }

    /// Calls one of `Storage`'s methods on JS values, so a value never passes through a
    /// Rust `String` (which would mend a lone surrogate into U+FFFD).
    fn call(&self, method: &str, args: &[&JsValue]) -> Result<JsValue, StoreError> {
        let f: js_sys::Function =
            js_sys::Reflect::get(&self.storage, &method.into()).map_err(|e| error_of(&e))?.unchecked_into();
        let args: js_sys::Array = args.iter().copied().collect();
        f.apply(&self.storage, &args).map_err(|e| error_of(&e))
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(|e| error_of(&e))
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(|e| error_of(&e))?;
        let mut keys: Vec<String> = (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect();
        keys.sort();
        Ok(keys)
    }

    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        for write in writes {
            match write {
                Write::Put { key, value } => self.storage.set_item(&key, &value),
                Write::Delete { key } => self.storage.remove_item(&key),
            }
            .map_err(|e| error_of(&e))?;
        }
        Ok(())
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        let value = self.call("getItem", &[&from.into()])?;
        if value.is_null() {
            return Err(StoreError::Failed(format!("nothing is stored under {from}")));
        }
        self.call("setItem", &[&to.into(), &value]).map(|_| ())
    }
}

//! How full storage is, and whether the browser protects it from eviction.

use annotator_core::library::usage;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{Backend, with};

/// Chromium gives an origin about 5,242,880 characters of `localStorage`.
const LOCAL_QUOTA: u64 = 5_242_880;

fn manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// Asks the browser to keep this origin's data under storage pressure; whether it will
/// (`None`: this browser cannot say).
pub async fn persist() -> Option<bool> {
    let manager = manager()?;
    let granted = JsFuture::from(manager.persist().ok()?).await.ok()?;
    granted.as_bool()
}

/// The share of its quota the library's store uses, from 0 to 1: `localStorage` counted
/// in characters, IndexedDB as the browser estimates it (`None`: it cannot say).
pub async fn used_share() -> Option<f64> {
    let local = with(|lib| match lib.store() {
        Backend::Idb(_) => None,
        store => usage(store, LOCAL_QUOTA).ok().map(|u| u.fraction()),
    })?;
    if local.is_some() {
        return local;
    }
    let estimate = JsFuture::from(manager()?.estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    let (used, quota) = (estimate.get_usage()?, estimate.get_quota()?);
    (quota > 0.0).then(|| used / quota)
}

// Starts the app. An external module rather than Trunk's injected inline script, so the
// Content-Security-Policy can forbid inline script entirely.
import init from './article-annotator.js';

// The library's records, read from IndexedDB while the wasm downloads and compiles; the
// app takes the connection over (src/storage/idb.rs, which also opens it itself when this
// gave up). The version must be the app's DB_VERSION.
window.__library = new Promise((resolve) => {
  let gaveUp = false;
  const giveUp = () => { gaveUp = true; resolve(null); };
  let open;
  try { open = indexedDB.open('article-annotator', 2); } catch { giveUp(); return; }
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains('records')) open.result.createObjectStore('records');
  };
  // Another tab holds an older version: the app says so, and waits for it itself.
  open.onblocked = () => { gaveUp = true; resolve('blocked'); };
  open.onerror = giveUp;
  open.onsuccess = () => {
    performance.mark('idb:opened');
    const db = open.result;
    if (gaveUp) { db.close(); return; }
    try {
      const store = db.transaction('records', 'readonly').objectStore('records');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        performance.mark('idb:read'); // for `make bench`: how long IndexedDB took
        resolve([db, keys.result, values.result]);
      };
      values.onerror = () => { db.close(); giveUp(); };
    } catch { db.close(); giveUp(); }
  };
});

await init({ module_or_path: new URL('./article-annotator_bg.wasm', import.meta.url) });

// Offline and installable: the service worker keeps the app shell (sw.js). Registered
// once the page is loaded and idle: installing it fetches the whole shell again, which
// would otherwise compete with the first paint (it cost 45 ms of boot when registered at once).
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('No offline copy:', e.message));
  const whenIdle = () => (window.requestIdleCallback ?? setTimeout)(register, { timeout: 5000 });
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}

// Starts the app. An external module rather than Trunk's injected inline script, so the
// Content-Security-Policy can forbid inline script entirely.
import init from './article-annotator.js';

await init({ module_or_path: new URL('./article-annotator_bg.wasm', import.meta.url) });

// Offline and installable: the service worker keeps the app shell (sw.js). Registered
// after start-up so it never delays the first paint.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('No offline copy:', e.message));
}

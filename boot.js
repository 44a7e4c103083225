// Starts the app. An external module rather than Trunk's injected inline script, so the
// Content-Security-Policy can forbid inline script entirely.
import init from './article-annotator.js';

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

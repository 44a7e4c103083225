// Service worker: keeps the app shell so the app opens with no network after the first
// visit. Network first (a new version is used as soon as it is reachable), the cache
// when offline. Only this origin's GET requests are touched; the app makes no others.
const CACHE = 'article-annotator-shell-v1';
const SHELL = ['./', 'index.html', 'boot.js', 'article-annotator.js', 'article-annotator_bg.wasm', 'main.css',
  'favicon.svg', 'manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const fresh = await fetch(request);
      if (fresh.ok) await cache.put(request, fresh.clone());
      return fresh;
    } catch (offline) {
      const cached = await cache.match(request, { ignoreSearch: true })
        ?? (request.mode === 'navigate' ? await cache.match('./') : undefined);
      if (cached) return cached;
      throw offline;
    }
  })());
});

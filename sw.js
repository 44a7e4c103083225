// Service worker: keeps the app shell so the app opens with no network after the first
// visit. Online, requests go to the network untouched (answering them from the worker
// cost tens of milliseconds per load); the shell is refreshed in the background after
// each page load, so the offline copy follows new versions. Offline, the copy answers.
// Only this origin's GET requests are touched; the app makes no others.
const CACHE = 'article-annotator-shell-v1';
const SHELL = ['./', 'index.html', 'boot.js', 'article-annotator.js', 'article-annotator_bg.wasm', 'main.css', 'panels.css',
  'favicon.svg', 'manifest.webmanifest'];

const refresh = () => caches.open(CACHE).then((cache) => cache.addAll(SHELL));

self.addEventListener('install', (event) => {
  event.waitUntil(refresh().then(() => self.skipWaiting()));
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
  const navigation = request.mode === 'navigate';
  if (self.navigator.onLine) {
    // Online: the browser fetches as if there were no worker; the copy is refreshed a
    // little after each page load.
    if (navigation) event.waitUntil(new Promise((done) => setTimeout(done, 10000)).then(refresh).catch(() => {}));
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request, { ignoreSearch: true }) ?? (navigation ? await cache.match('./') : undefined);
    return cached ?? fetch(request);
  })());
});

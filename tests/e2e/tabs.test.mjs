// Two tabs on one library: saves joined both ways, undo that leaves the other tab's work,
// a database upgrade in another tab, and a reload right after an edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, savedCount, serveDist, untilStored, newContext as contextOf, tag } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const newContext = () => contextOf(browser);

const stored = (page, text) => untilStored(page, (saved) => saved?.some((a) => a.exact === text), `${text} stored`);
const quotes = async (page) => (await page.locator('.card .quote').allTextContents()).sort();

test('two tabs: annotations made in either survive in both', async () => {
  const context = await newContext();
  const a = await openApp(browser, server.url, context);
  const b = await openApp(browser, server.url, context);
  await tag(a, 'JIJI Press', '1');
  await b.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  await tag(b, 'Anne Neuberger', '3');
  await a.locator('mark.hl', { hasText: 'Anne Neuberger' }).waitFor();
  // Both tabs change things within the same debounce window.
  await Promise.all([tag(a, 'Matthew Pottinger', '3'), tag(b, 'Lloyd Austin', '3')]);
  await Promise.all([savedCount(a, 4), a.locator('.card').nth(3).waitFor(), b.locator('.card').nth(3).waitFor()]);
  // Deleting in one tab deletes in the other.
  await a.locator('mark.hl', { hasText: 'JIJI Press' }).click();
  await a.keyboard.press('Delete');
  await b.waitForFunction(() => document.querySelectorAll('.card').length === 3);
  await a.reload();
  await a.locator('.card').nth(2).waitFor();
  assert.deepEqual(await quotes(a), ['Anne Neuberger', 'Lloyd Austin', 'Matthew Pottinger']);
  await context.close();
});

test('two tabs that save at once, before either hears of the other, keep both', async () => {
  const context = await newContext();
  // Hold back the other tab's news while asked to, as a busy tab hears of a save late.
  await context.addInitScript(() => {
    window.held = null;
    const listen = BroadcastChannel.prototype.addEventListener;
    BroadcastChannel.prototype.addEventListener = function (type, listener, options) {
      const channel = this;
      const wrapped = (e) => (window.held ? window.held.push(() => listener.call(channel, e)) : listener.call(channel, e));
      return listen.call(this, type, wrapped, options);
    };
  });
  const a = await openApp(browser, server.url, context);
  const b = await openApp(browser, server.url, context);
  await tag(a, 'JIJI Press', '1');
  await b.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  await Promise.all([a, b].map((p) => p.evaluate(() => { window.held = []; })));
  await tag(a, 'Matthew Pottinger', '3');
  await stored(a, 'Matthew Pottinger');
  await tag(b, 'Lloyd Austin', '3');
  await stored(b, 'Lloyd Austin');
  // Now each hears of the other's save.
  await Promise.all([a, b].map((p) => p.evaluate(() => {
    const held = window.held;
    window.held = null;
    held.forEach((deliver) => deliver());
  })));
  const want = ['JIJI Press', 'Lloyd Austin', 'Matthew Pottinger'];
  for (const page of [a, b]) {
    await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, want.length);
    assert.deepEqual(await quotes(page), want);
  }
  await Promise.all(want.map((t) => stored(a, t)));
  await context.close();
});

test("an undo after the other tab's save takes back only this tab's step", async () => {
  // Undoing a rename restored a snapshot of the whole workspace: the other tab's annotation
  // went, in both tabs.
  const context = await newContext();
  const a = await openApp(browser, server.url, context);
  const b = await openApp(browser, server.url, context);
  await a.bringToFront();
  await a.click('#library');
  await a.locator('.library .doc').first().getByRole('button', { name: 'Rename' }).click();
  await a.fill('.library .rename input', 'Renamed in A');
  await a.locator('.library .rename').getByRole('button', { name: 'Save' }).click();
  await a.keyboard.press('Escape');
  await b.locator('.doc-title', { hasText: 'Renamed in A' }).waitFor();
  await tag(b, 'JIJI Press', '2');
  await a.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  await a.bringToFront();
  await a.keyboard.press('Control+z');
  await a.locator('.doc-title', { hasText: 'China reached Japan' }).waitFor();
  await b.locator('.doc-title', { hasText: 'China reached Japan' }).waitFor();
  for (const page of [a, b]) assert.deepEqual(await quotes(page), ['JIJI Press']);
  await stored(a, 'JIJI Press');
  await context.close();
});

test('another tab upgrading the database: this one lets go and says so', async () => {
  const context = await newContext();
  const a = await openApp(browser, server.url, context);
  await tag(a, 'JIJI Press', '1');
  await savedCount(a, 1);
  const b = await context.newPage();
  await b.goto(`${server.url}manifest.webmanifest`);
  const version = await b.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('article-annotator', 3); // a newer version of the app
    open.onsuccess = () => { const v = open.result.version; open.result.close(); resolve(v); };
    open.onerror = () => reject(open.error);
  }));
  assert.equal(version, 3, 'not blocked by the open tab');
  const banner = a.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /updated in another tab, so this tab stopped saving/);
  await tag(a, 'Anne Neuberger', '3');
  assert.equal(await a.locator('.card').count(), 2, 'work goes on in memory');
  await context.close();
});

test('an older tab that will not let go: the page says to close it instead of hanging', async () => {
  const context = await newContext();
  const old = await context.newPage();
  await old.goto(`${server.url}manifest.webmanifest`);
  // An old tab holding version 1 open, ignoring the request to close.
  await old.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('article-annotator', 1);
    open.onsuccess = () => { window.held = open.result; resolve(); };
  }));
  const page = await context.newPage();
  await page.goto(server.url);
  const note = page.locator('#storage-blocked');
  assert.match(await note.textContent(), /Close the other tabs of this app/);
  await old.evaluate(() => window.held.close());
  await page.locator('#article-text .line').first().waitFor();
  await note.waitFor({ state: 'detached' });
  await context.close();
});

test('an edit just before a reload is kept, even when its write had not run', async () => {
  const context = await newContext();
  const page = await openApp(browser, server.url, context);
  await tag(page, 'JIJI Press', '1');
  await savedCount(page, 1);
  // Another tab keeps a write transaction busy, so this page's next write waits behind it.
  const other = await context.newPage();
  await other.goto(`${server.url}manifest.webmanifest`);
  await other.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('article-annotator');
    open.onsuccess = () => {
      const store = open.result.transaction('records', 'readwrite').objectStore('records');
      const spin = () => { if (!window.release) store.get('aa2.current').onsuccess = spin; };
      spin();
      resolve();
    };
  }));
  await tag(page, 'Anne Neuberger', '3');
  await page.reload({ waitUntil: 'commit' });
  await other.evaluate(() => { window.release = true; });
  await page.locator('mark.hl', { hasText: 'Anne Neuberger' }).waitFor();
  await savedCount(page, 2);
  await context.close();
});

// Nothing lost: blocked, full or failing storage, unreadable or newer saved data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writesCanFail, launch, openApp, savedCount, serveDist, newContext as contextOf, tag } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const newContext = () => contextOf(browser);

/** A context whose pages have no IndexedDB (as some private modes): the library is in localStorage. */
async function withoutIndexedDb() {
  const context = await newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  return context;
}

/** The open document's annotations as stored in localStorage (the fallback store). */
const localAnnotations = (page) => page.evaluate(() => {
  const id = localStorage.getItem('aa2.current');
  return Object.keys(localStorage).filter((k) => k.startsWith(`aa2.ann.${id}.`)).length;
});

/** Fills localStorage with a filler key until fewer than `room` characters are left. */
async function fillStorage(page, room) {
  return page.evaluate((room) => {
    let filler = '';
    for (let chunk = 1 << 22; chunk >= room; chunk >>= 1) {
      for (;;) {
        try { localStorage.setItem('filler', filler + 'x'.repeat(chunk)); filler += 'x'.repeat(chunk); } catch { break; }
      }
    }
    return filler.length;
  }, room);
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync(await file.path(), 'utf8');
}

test('blocked storage: the app works in memory under a standing banner', async () => {
  const context = await withoutIndexedDb();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const page = await openApp(browser, server.url, context);
  const banner = page.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /Not saved in this browser/);
  await tag(page, 'JIJI Press', '1');
  assert.equal(await page.locator('.card').count(), 1);
  const [file] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export JSON' }).click()]);
  assert.match(file.suggestedFilename(), /\.annotations\.json$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('without IndexedDB, localStorage keeps the library; when full, changes stay in memory and saving resumes', async () => {
  const page = await openApp(browser, server.url, await withoutIndexedDb());
  await tag(page, 'JIJI Press', '1');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('aa2.ann.')));
  await fillStorage(page, 64); // less room than one more annotation needs
  await tag(page, 'Anne Neuberger', '3');
  const banner = page.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /storage is full/);
  assert.equal(await page.locator('.card').count(), 2, 'nothing is lost in the page');
  assert.equal(await localAnnotations(page), 1, 'the last good save is intact');

  await page.evaluate(() => localStorage.removeItem('filler'));
  await tag(page, 'Matthew Pottinger', '3');
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('aa2.ann.')).length === 3);
  await banner.waitFor({ state: 'detached' });
  assert.match(await page.locator('.notice').textContent(), /Saved in this browser again/);
  await page.context().close();
});

test('storage already full at start-up: said so, the saved work shows, and saving resumes once there is room', async () => {
  // Was reported as "does not let this page store data", hid the saved document and never saved again.
  const page = await openApp(browser, server.url, await withoutIndexedDb());
  await tag(page, 'JIJI Press', '1');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('aa2.meta.')));
  await fillStorage(page, 1); // not even room to try a write
  await page.reload();
  await page.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  const banner = page.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /storage is full/);
  await page.click('#library');
  assert.match(await page.locator('.library .doc-meta').first().textContent(), /Claim 1/);
  await page.keyboard.press('Escape');
  await page.evaluate(() => localStorage.removeItem('filler'));
  await tag(page, 'Anne Neuberger', '3');
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('aa2.ann.')).length === 2);
  await banner.waitFor({ state: 'detached' });
  await page.context().close();
});

test('localStorage past 80% full gets a warning', async () => {
  const page = await openApp(browser, server.url, await withoutIndexedDb());
  await page.evaluate(() => localStorage.setItem('filler', 'x'.repeat(4_300_000)));
  await tag(page, 'JIJI Press', '2');
  await page.locator('.storage-banner.warn').waitFor();
  assert.match(await page.locator('.storage-banner.warn').textContent(), /Browser storage is 8\d% full/);
  await page.context().close();
});

test('an IndexedDB write that fails keeps everything in memory under the banner, and is written with the next change', async () => {
  const context = await newContext();
  await writesCanFail(context);
  const page = await openApp(browser, server.url, context);
  await tag(page, 'JIJI Press', '1');
  await savedCount(page, 1);
  await page.evaluate(() => { window.failWrites = true; });
  await tag(page, 'Anne Neuberger', '3');
  const banner = page.locator('.storage-banner.error');
  await banner.waitFor();
  assert.match(await banner.textContent(), /could not be saved \(.*The disk is gone/);
  assert.ok(await banner.getByRole('button', { name: 'Export JSON' }).isVisible());
  assert.equal(await page.locator('.card').count(), 2);
  await page.evaluate(() => { window.failWrites = false; });
  await tag(page, 'Matthew Pottinger', '3');
  await savedCount(page, 3);
  await banner.waitFor({ state: 'detached' });
  await context.close();
});

test('an unreadable annotation record is left out, kept aside, and can be downloaded', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'JIJI Press', '1');
  await tag(page, 'Anne Neuberger', '3');
  await savedCount(page, 2);
  const garbage = '{"id": "broken';
  await page.evaluate((garbage) => new Promise((resolve) => {
    const open = indexedDB.open('article-annotator');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      const keys = store.getAllKeys();
      keys.onsuccess = () => store.put(garbage, keys.result.find((k) => k.startsWith('aa2.ann.')));
      tx.oncomplete = () => { open.result.close(); resolve(); };
    };
  }), garbage);
  await page.reload();
  await page.locator('mark.hl').first().waitFor();
  const banner = page.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /1 saved annotation\(s\) could not be read/);
  assert.equal(await page.locator('.card').count(), 1, 'the other one is there');
  assert.equal(await download(page, banner.getByRole('button', { name: /Download/ })), garbage);
  await page.context().close();
});

test('saved data from a newer version is never overwritten', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'JIJI Press', '1');
  await savedCount(page, 1);
  const future = await page.evaluate(async () => {
    const records = await window.readStore();
    const key = `aa2.meta.${records['aa2.current']}`;
    const value = records[key].replace(/"schema_version":\s*\d+/, '"schema_version":9');
    await new Promise((resolve) => {
      const open = indexedDB.open('article-annotator');
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readwrite');
        tx.objectStore('records').put(value, key);
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    });
    return [key, value];
  });
  await page.reload();
  await page.locator('.storage-banner.error').waitFor();
  assert.match(await page.locator('.storage-banner.error').textContent(), /newer version of the app \(schema 9\)/);
  await tag(page, 'Anne Neuberger', '3');
  // A write started by this flush would come before the read below (IndexedDB orders them).
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  const records = await page.evaluate(() => window.readStore());
  assert.equal(records[future[0]], future[1]);
  await page.context().close();
});

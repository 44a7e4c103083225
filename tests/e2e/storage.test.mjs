// Nothing lost: blocked or full storage, unreadable or newer saved data, two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dragOver, launch, openApp, openDocKey, savedCount, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const newContext = () => browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });

async function tag(page, text, key) {
  await page.bringToFront(); // input to a tab in the background waits for its frames
  await dragOver(page, text);
  await page.keyboard.press(key);
  await page.locator('mark.hl', { hasText: text }).first().waitFor();
}

test('blocked storage: the app works in memory under a standing banner', async () => {
  const context = await newContext();
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
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export JSON' }).click()]);
  assert.match(download.suggestedFilename(), /\.annotations\.json$/);
  assert.deepEqual(page.errors, []);
  await context.close();
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

test('full storage: changes stay in memory, the banner says so, and saving resumes', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'JIJI Press', '1');
  await savedCount(page, 1);
  await fillStorage(page, 64); // less room than one more annotation needs
  await tag(page, 'Anne Neuberger', '3');
  const banner = page.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /storage is full/);
  assert.equal(await page.locator('.card').count(), 2, 'nothing is lost in the page');
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), await openDocKey(page)));
  assert.equal(saved.annotations.length, 1, 'the last good save is intact');

  await page.evaluate(() => localStorage.removeItem('filler'));
  await tag(page, 'Matthew Pottinger', '3');
  await savedCount(page, 3);
  await banner.waitFor({ state: 'detached' });
  assert.match(await page.locator('.notice').textContent(), /Saved in this browser again/);
  await page.context().close();
});

test('storage past 80% full gets a warning', async () => {
  const page = await openApp(browser, server.url);
  await page.evaluate(() => localStorage.setItem('filler', 'x'.repeat(4_300_000)));
  await tag(page, 'JIJI Press', '2');
  assert.match(await page.locator('.storage-banner.warn').textContent(), /Browser storage is 8\d% full/);
  await page.context().close();
});

test('unreadable saved data is kept aside and can be downloaded', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'JIJI Press', '1');
  await savedCount(page, 1);
  const garbage = '{"format": "article-annotator", "schema_version": 2, "annotations": "broken';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [await openDocKey(page), garbage]);
  await page.reload();
  const banner = page.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /Saved work could not be read \(This file is not valid JSON/);
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: /Download/ }).click()]);
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(await download.path(), 'utf8'), garbage);
  await page.context().close();
});

test('saved data from a newer version is never overwritten', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'JIJI Press', '1');
  await savedCount(page, 1);
  const key = await openDocKey(page);
  const future = (await page.evaluate((k) => localStorage.getItem(k), key)).replace(/"schema_version":\s*3/, '"schema_version":4');
  assert.match(future, /"schema_version":4/);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, future]);
  await page.reload();
  assert.match(await page.locator('.storage-banner.error').textContent(), /newer version of the app \(schema 4\)/);
  await tag(page, 'Anne Neuberger', '3');
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), future);
  await page.context().close();
});

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
  assert.deepEqual((await a.locator('.card .quote').allTextContents()).sort(),
    ['Anne Neuberger', 'Lloyd Austin', 'Matthew Pottinger']);
  await context.close();
});

test('two tabs that save at once, before either hears of the other, keep both', async () => {
  const context = await newContext();
  // Hold back the storage events while asked to, as a busy tab hears of another's save late.
  await context.addInitScript(() => {
    window.held = null;
    addEventListener('storage', (e) => {
      if (window.held) {
        e.stopImmediatePropagation();
        window.held.push({ key: e.key, oldValue: e.oldValue, newValue: e.newValue, url: e.url });
      }
    }, true);
  });
  const a = await openApp(browser, server.url, context);
  const b = await openApp(browser, server.url, context);
  await tag(a, 'JIJI Press', '1');
  await b.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  const stored = (page, text) => page.waitForFunction((text) => {
    const raw = localStorage.getItem(`article-annotator.doc.${localStorage.getItem('article-annotator.current')}`);
    return raw && JSON.parse(raw).annotations.some((x) => x.exact === text);
  }, text);
  await Promise.all([a, b].map((p) => p.evaluate(() => { window.held = []; })));
  await tag(a, 'Matthew Pottinger', '3');
  await stored(a, 'Matthew Pottinger');
  await tag(b, 'Lloyd Austin', '3');
  await stored(b, 'Lloyd Austin'); // written over A's save, which B has not heard of
  // Now each hears of the other's save.
  await Promise.all([a, b].map((p) => p.evaluate(() => {
    const events = window.held;
    window.held = null;
    for (const e of events) dispatchEvent(new StorageEvent('storage', e));
  })));
  const want = ['JIJI Press', 'Lloyd Austin', 'Matthew Pottinger'];
  for (const page of [a, b]) {
    await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, want.length);
    assert.deepEqual((await page.locator('.card .quote').allTextContents()).sort(), want);
  }
  await Promise.all(want.map((t) => stored(a, t)));
  await context.close();
});


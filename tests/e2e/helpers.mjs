// Shared set-up for the end-to-end tests: a static server for dist/ on 127.0.0.1 and
// the system Chromium (never a downloaded one).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE = readFileSync(`${root}assets/seed-article.txt`, 'utf8');

/** Serves dist/ on a free loopback port; resolves to { url, close }. */
export async function serveDist() {
  const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', `${root}dist`], {
    stdio: ['ignore', 'pipe', 'ignore'], // its request log would drown the test report
  });
  let out = '';
  while (!/port (\d+)/.test(out)) {
    const [chunk] = await once(server.stdout, 'data');
    out += chunk;
  }
  const port = out.match(/port (\d+)/)[1];
  return { url: `http://127.0.0.1:${port}/`, close: () => server.kill() };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Installed in every test page: `window.readStore()` resolves to every record the library
 * keeps in IndexedDB, as { key: value } (an empty object before the app made the database).
 */
function installReadStore() {
  window.readStore = () => new Promise((resolve, reject) => {
    const open = indexedDB.open('article-annotator');
    open.onupgradeneeded = () => open.transaction.abort(); // never create it for the app
    open.onerror = () => resolve({});
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('records')) { db.close(); resolve({}); return; }
      const tx = db.transaction('records', 'readonly');
      const keys = tx.objectStore('records').getAllKeys();
      const values = tx.objectStore('records').getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      };
      tx.onerror = () => reject(tx.error);
    };
  });
  /** The open document's stored annotations (their records), or null before its first save. */
  window.storedAnnotations = async () => {
    const records = await window.readStore();
    const id = records['aa2.current'];
    if (!id || !records[`aa2.meta.${id}`]) return null;
    return Object.entries(records).filter(([k]) => k.startsWith(`aa2.ann.${id}.`)).map(([, v]) => JSON.parse(v));
  };
}

/**
 * A fresh page (empty storage) with the app loaded; page errors fail the test. The first
 * export asks for the person's name; tests about other things start as if it was asked
 * already, unless `askName`.
 */
export async function openApp(browser, url, context, { askName = false } = {}) {
  const ctx = context ?? await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.addInitScript(installReadStore);
  if (!askName) {
    await page.addInitScript(() => {
      try {
        const key = 'article-annotator.prefs';
        const prefs = JSON.parse(localStorage.getItem(key) || '{}');
        if (!('name_asked' in prefs)) localStorage.setItem(key, JSON.stringify({ ...prefs, name_asked: true }));
      } catch { /* storage that refuses writes: the test is about that */ }
    });
  }
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.locator('#article-text .line').first().waitFor();
  return page;
}

/** Code point offset of the `nth` occurrence of `needle` in `text` (the JS oracle). */
export function codePoints(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in text`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

/**
 * Drags the real mouse from the first to the last character of the `nth` rendered
 * occurrence of `needle` in the article (coordinates come from DOM ranges).
 */
export async function dragOver(page, needle, nth = 0) {
  const box = await needleBox(page, needle, nth);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/**
 * Scrolls the `nth` rendered occurrence of `needle` into view; resolves to the viewport
 * points inside its first ({x1, y1}) and last ({x2, y2}) characters.
 */
export async function needleBox(page, needle, nth = 0) {
  const box = await page.evaluate(([needle, nth]) => {
    const root = document.getElementById('article-text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, all.length]);
      all += walker.currentNode.data;
    }
    let at = -1;
    for (let i = 0; i <= nth; i++) at = all.indexOf(needle, at + 1);
    if (at < 0) return null;
    const locate = (offset) => {
      const [node, base] = nodes.findLast(([, b]) => b <= offset);
      return [node, offset - base];
    };
    const rectOf = (offset, len) => {
      const range = document.createRange();
      const [n, o] = locate(offset);
      range.setStart(n, o);
      range.setEnd(n, o + len);
      return range.getClientRects()[0];
    };
    // Scroll it into view first, as a person would before dragging.
    locate(at)[0].parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
    const first = rectOf(at, needle.codePointAt(0) > 0xffff ? 2 : 1);
    const lastLen = needle.codePointAt(needle.length - 2) > 0xffff ? 2 : 1;
    const last = rectOf(at + needle.length - lastLen, lastLen);
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, [needle, nth]);
  if (!box) throw new Error(`${needle} is not rendered`);
  return box;
}

/**
 * Resolves once storage holds a workspace with `n` annotations (for 0, nothing saved at
 * all counts too: a reload then shows none).
 */
export function savedCount(page, n) {
  return untilStored(page, (saved) => (saved ? saved.length === n : n === 0), `${n} saved annotations`);
}

/**
 * Resolves once `test(annotations)` holds for the open document's stored annotations
 * (null before its first save), reading IndexedDB again after each frame: its reads are
 * asynchronous, which waitForFunction does not await.
 */
export async function untilStored(page, test, what) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (test(await page.evaluate(() => window.storedAnnotations()))) return;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Makes a toolbar command visible, as a person does: opens the menu it is in (Article,
 * View, or the phone's Menu) unless it shows already. `item`: a selector or a locator.
 */
export async function showItem(page, item) {
  const el = typeof item === 'string' ? page.locator(item) : item;
  if (!(await el.isVisible())) {
    await el.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " menu ")][1]/button').click();
    await el.waitFor();
  }
  return el;
}

/** Clicks a toolbar command, opening its menu first. */
export async function choose(page, item) {
  await (await showItem(page, item)).click();
}

/** Clicks Export and returns the downloaded file's name and text. */
export async function exportFile(page) {
  await showItem(page, '#export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Opens a new article through the dialog, as a person pastes one. */
export async function openPasted(page, title, text) {
  await choose(page, '#new-article');
  await page.fill('#load-title-input', title);
  await page.fill('#load-text', text);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('.doc-title', { hasText: title }).waitFor();
}

/** A context as the tests use it: downloads on, a desktop window. */
export const newContext = (browser) => browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });

/** Drags over `text` and presses tag `key`, as a person does; resolves once it is highlighted. */
export async function tag(page, text, key) {
  await page.bringToFront(); // input to a tab in the background waits for its frames
  await dragOver(page, text);
  await page.keyboard.press(key);
  await page.locator('mark.hl', { hasText: text }).first().waitFor();
}

/**
 * Makes IndexedDB writes in `context`'s pages fail (as a full or vanished disk does)
 * while the page's `window.failWrites` is true.
 */
export function writesCanFail(context) {
  return context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.failWrites) throw new DOMException('The disk is gone.', 'UnknownError');
      return put.apply(this, args);
    };
  });
}

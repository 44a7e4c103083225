// Our side of the benchmark: the release build, driven through its real event handlers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { repeat, summary } from './stats.mjs';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/** Empties the library (IndexedDB, and localStorage where earlier versions kept it). */
export const clearStores = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  localStorage.clear();
  const open = indexedDB.open('article-annotator');
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('records')) { db.close(); resolve(); return; }
    const tx = db.transaction('records', 'readwrite');
    tx.objectStore('records').clear();
    tx.oncomplete = () => { db.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
  open.onerror = () => reject(open.error);
}));

/** Resolves once every write the app started is on disk and read back. */
export const settled = (page) => page.locator('html:not([data-saving])').waitFor({ state: 'attached', timeout: 120_000 });

export async function newPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ path: PROBE });
  // The first export asks for the person's name (colleagues tell their work apart by it):
  // a benchmarked person has been asked already, also after the stores are cleared.
  await context.addInitScript(() => {
    const key = 'article-annotator.prefs';
    const prefs = JSON.parse(localStorage.getItem(key) || '{}');
    if (!('name_asked' in prefs)) localStorage.setItem(key, JSON.stringify({ ...prefs, name_asked: true }));
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.goto(url);
  await page.evaluate(() => window.__bench.firstPaint);
  return page;
}

export const key = (page, key, mods = {}) => page.evaluate(([key, mods]) => window.__bench.time(
  () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods })),
  'article:rendered'), [key, mods]);

/** Selects the `k`-th visible word of four letters or more, as a mouse drag would leave it. */
export async function selectWord(page, k) {
  const ok = await page.evaluate((k) => {
    const lines = [...document.querySelectorAll('#article-text .line')].filter((l) => {
      const r = l.getBoundingClientRect();
      return r.top > 80 && r.bottom < innerHeight - 40 && l.textContent.length > 20;
    });
    const words = [];
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        for (const m of walker.currentNode.data.matchAll(/\p{L}{4,}/gu)) words.push([walker.currentNode, m.index, m[0].length]);
      }
    }
    if (words.length === 0) return false;
    const [node, at, len] = words[(k * 7) % words.length];
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + len);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const box = range.getBoundingClientRect();
    // A press in the text, then its release: what the app hears of a drag.
    const text = document.getElementById('article-text');
    text.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse', clientX: box.left, clientY: box.top }));
    text.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.right, clientY: box.bottom }));
    return true;
  }, k);
  if (!ok) throw new Error('no visible word to select');
  await page.locator('.picker').waitFor();
}

/**
 * Clicks the `k`-th visible highlight, which selects its annotation and opens its card. A
 * highlight that starts on a suggested word selects the suggestion (as a person's click on
 * the dashed word does): the next one is taken then. The suggestions are worked out again
 * just after each change's paint, so the dashed words drawn when the click is chosen may
 * be a step behind: a click that selected a suggestion is let go (Escape), as a person
 * would, and the next highlight is clicked.
 */
export async function selectHighlight(page, k) {
  for (let tries = 0; tries < 20; tries++) {
    const ok = await page.evaluate(async (k) => {
      // Static ranges (the app draws them so): a live copy of each to ask.
      const suggested = [...(CSS.highlights?.get('suggestion') ?? [])].map((s) => {
        const r = new Range();
        r.setStart(s.startContainer, s.startOffset);
        r.setEnd(s.endContainer, s.endOffset);
        return r;
      });
      const inSuggestion = (m) => suggested.some((r) => r.intersectsNode(m.firstChild ?? m));
      const marks = [...document.querySelectorAll('#article-text mark[data-id]')].filter((m) => {
        const r = m.getBoundingClientRect();
        return r.top > 80 && r.bottom < innerHeight - 40 && !inSuggestion(m);
      });
      if (marks.length === 0) return false;
      // A real press collapses any selection left in the text before its click arrives (a
      // click with text still selected is the end of a drag to the app); a dispatched one does not.
      getSelection().removeAllRanges();
      marks[k % marks.length].dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return true;
    }, k + tries);
    if (!ok) throw new Error('no visible highlight outside the suggestions');
    const card = page.locator('.card.sel select >> nth=0');
    const suggestion = page.locator('.suggestion-current');
    await card.or(suggestion).first().waitFor({ timeout: 10_000 });
    if (await card.isVisible()) return;
    await page.keyboard.press('Escape');
    await suggestion.waitFor({ state: 'detached' });
  }
  throw new Error('twenty highlights in a row selected a suggestion');
}

/** How long the app's save after `since` took and whether it failed; null if none within 3 s. */
const saveAfter = (page, since) => page.evaluate((since) => Promise.race([
  window.__bench.entry('save', since).then((e) => ({
    ms: e.duration,
    failed: performance.getEntriesByName('save:failed').some((f) => f.startTime >= e.startTime),
  })),
  new Promise((resolve) => setTimeout(() => resolve(null), 3000)),
]), since);

const now = (page) => page.evaluate(() => performance.now());

async function edits(page, warmup, runs) {
  const out = { add: [], retag: [], delete: [], undo: [], save: [] };
  const record = async (name, sample, since) => {
    out[name].push(sample);
    const saved = await saveAfter(page, since);
    if (saved !== null) out.save.push(saved);
  };
  await repeat(warmup, runs, async (i) => {
    const keep = i >= warmup;
    const step = async (name, act) => {
      const since = await now(page);
      const sample = await act();
      if (keep) await record(name, sample, since);
      else await saveAfter(page, since);
    };
    await selectWord(page, i);
    await step('add', () => key(page, '1'));
    await step('undo', () => key(page, 'z', { ctrlKey: true }));
    await selectHighlight(page, i);
    await step('retag', () => page.evaluate(() => window.__bench.time(() => {
      const select = document.querySelector('.card.sel select');
      select.value = select.value === 'claim' ? 'source' : 'claim';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, 'article:rendered')));
    await step('undo', () => key(page, 'z', { ctrlKey: true }));
    await selectHighlight(page, i);
    await step('delete', () => key(page, 'Delete'));
    await step('undo', () => key(page, 'z', { ctrlKey: true }));
  });
  return out;
}

/** Scrolls from top to bottom, 90 % of a screen per frame, at most `maxFrames` frames. */
const scroll = (page, maxFrames) => page.evaluate(async (maxFrames) => {
  const b = window.__bench;
  scrollTo(0, 0);
  await b.afterPaint();
  const before = b.longTasks.length;
  const frames = [];
  let last = performance.now();
  while (innerHeight + scrollY < document.documentElement.scrollHeight - 2 && frames.length < maxFrames) {
    scrollBy(0, innerHeight * 0.9);
    await new Promise((r) => requestAnimationFrame(r));
    const t = performance.now();
    frames.push(t - last);
    last = t;
  }
  const reachedEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
  scrollTo(0, 0);
  await b.afterPaint();
  return { frames, longTasks: b.longTasks.slice(before), reachedEnd };
}, maxFrames);

/** Opens `fixture` through the Import button in a page that starts from the sample. */
async function importOnce(page, fixture, title) {
  await clearStores(page);
  await page.reload();
  await page.evaluate(() => window.__bench.firstPaint);
  if (await page.textContent('.doc-title') === title) throw new Error('the imported document is still open after clearing storage');
  await page.evaluate(() => {
    document.getElementById('import-file').addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true });
  });
  await page.setInputFiles('#import-file', fixture);
  const result = await page.evaluate(async (title) => {
    const b = window.__bench;
    const t0 = window.__t0;
    if (t0 === undefined) throw new Error('the file input never changed');
    const opened = (async () => {
      let t = t0;
      while (document.querySelector('.doc-title')?.textContent !== title) t = await b.mark('article:rendered', t + 0.001);
    })();
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`${title} did not open within 60 s`)), 60_000));
    await Promise.race([opened, late]);
    return { ms: (await b.afterPaint()) - t0 };
  }, title);
  // Its save (or failed save) must be over before storage is cleared for the next run:
  // a save flushed as the page unloads would bring the document back.
  await saveAfter(page, 0);
  await settled(page);
  return result;
}

/** Boot to interactive with the sample article and empty storage. */
export async function bootTimes(browser, url, { warmup, runs }) {
  const page = await newPage(browser, url);
  const times = await repeat(warmup, runs, async () => {
    await clearStores(page);
    await page.reload();
    return page.evaluate(() => window.__bench.firstPaint);
  });
  await page.context().close();
  return summary(times);
}

/** Every step on one seeded document. */
export async function benchCase(browser, url, c, { warmup, runs, maxFrames }) {
  const json = readFileSync(c.fixture, 'utf8');
  const parsed = JSON.parse(json);
  const title = parsed.document.title;
  const result = {};
  const page = await newPage(browser, url);

  result.import = summary((await repeat(warmup, runs, () => importOnce(page, c.fixture, title))).map((s) => s.ms));
  // The last import is saved in IndexedDB: reopening it is what a person does next day.
  const opens = await repeat(warmup, runs, async () => {
    await page.reload();
    const paint = await page.evaluate(() => window.__bench.firstPaint);
    if (await page.textContent('.doc-title') !== title) throw new Error(`${title} did not reopen`);
    // A long text is drawn a few blocks at a time after its first screen: until all of it is.
    const drawn = await page.evaluate(async () => window.__bench.mark('article:drawn', 0).then(window.__bench.afterPaint));
    const idb = await page.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
      return at('idb:read') - at('idb:opened');
    });
    return { paint, drawn, idb };
  });
  result.open = summary(opens.map((o) => o.paint));
  result.open_drawn = summary(opens.map((o) => o.drawn));
  result.open_idb = summary(opens.map((o) => o.idb).filter(Number.isFinite));
  const rendered = await page.evaluate(() => document.querySelectorAll('#article-text mark').length);
  if (c.spans > 0 && rendered === 0) throw new Error(`${c.name}: no highlight rendered`);

  if (c.spans > 0) {
    const e = await edits(page, warmup, runs);
    for (const name of ['add', 'retag', 'delete', 'undo']) {
      result[name] = summary(e[name].map((s) => s.ms));
      result[`${name}_commit`] = summary(e[name].map((s) => s.commit));
      result[`${name}_dom_changes`] = summary(e[name].map((s) => s.touched));
    }
    result.save = { ...summary(e.save.map((s) => s.ms)), failed: e.save.filter((s) => s.failed).length };
  }
  result.export = summary(await repeat(warmup, runs, () => page.evaluate(async () => {
    const since = performance.now();
    document.getElementById('export').click();
    return (await window.__bench.entry('export', since)).duration;
  })));
  const s = await scroll(page, maxFrames);
  result.scroll = { ...summary(s.frames), samples: undefined, frames: s.frames.length, reached_end: s.reachedEnd,
    long_tasks: s.longTasks.length, longest_task: Math.max(0, ...s.longTasks) };
  result.dom_nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.context().close();
  return result;
}

// What earlier versions left in localStorage moves into IndexedDB, and nothing is lost on
// the way: not on a move cut short, not to first-version data, not to damaged data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dragOver, launch, openApp, savedCount, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const fixture = (name) => readFileSync(fileURLToPath(new URL(`../../crates/core/tests/fixtures/${name}`, import.meta.url)), 'utf8');
const SAMPLE_ID = '5a3b1e00-0000-4000-8000-5a3b1e5a3b1e';
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

/** Three documents as the localStorage versions kept them: schema 1, 2, and 3 with a revision. */
function oldLibrary() {
  const third = JSON.parse(fixture('schema-v2.json'));
  third.schema_version = 3;
  third.revision = 5;
  third.document.title = 'Third, saved by the last localStorage version';
  const files = [fixture('schema-v1.json'), fixture('schema-v2.json'), JSON.stringify(third)];
  const keys = Object.fromEntries(ids.map((id, i) => [`article-annotator.doc.${id}`, files[i]]));
  keys['article-annotator.current'] = ids[1];
  return keys;
}

/** A page of the app's origin that is not the app, to set localStorage before it starts. */
async function seed(context, keys) {
  const page = await context.newPage();
  await page.goto(`${server.url}manifest.webmanifest`);
  await page.evaluate((keys) => { for (const [k, v] of Object.entries(keys)) localStorage.setItem(k, v); }, keys);
  await page.close();
}

const oldKeys = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('article-annotator.') && k !== 'article-annotator.prefs')
  .map((k) => [k, localStorage.getItem(k)])));

const newContext = () => browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });

async function libraryRows(page) {
  await page.click('#library');
  const rows = await page.locator('.library .doc:not(.deleted)').evaluateAll((els) => els.map((el) => [
    el.querySelector('.doc-open').textContent, el.querySelector('.doc-meta').textContent.replace(/^.*?· /, '')]));
  await page.keyboard.press('Escape');
  return rows.sort();
}

async function quotesOf(page, title) {
  await page.click('#library');
  await page.locator('.library .doc-open', { hasText: title }).click();
  await page.locator('.doc-title', { hasText: title }).waitFor();
  return (await page.locator('.card .quote').allTextContents()).sort();
}

test('a localStorage library of three documents opens the same after moving into IndexedDB', async () => {
  const context = await newContext();
  const old = oldLibrary();
  await seed(context, old);
  const page = await openApp(browser, server.url, context);
  await page.locator('.doc-title', { hasText: 'schema v2' }).waitFor(); // the one open last
  assert.deepEqual(await oldKeys(page), {}, 'the old keys go once IndexedDB holds the records');
  const records = await page.evaluate(() => window.readStore());
  assert.deepEqual(ids.map((id) => `aa2.meta.${id}` in records), [true, true, true]);
  const rows = await libraryRows(page);
  assert.equal(rows.length, 3);
  for (const [, meta] of rows) assert.match(meta, /Claim 1 · Source 1 · Entity 2/);
  for (const [i, file] of Object.values(old).slice(0, 3).entries()) {
    const { document, annotations } = JSON.parse(file);
    const title = i === 2 ? 'Third' : document.title;
    assert.deepEqual(await quotesOf(page, title), annotations.map((a) => a.exact).sort());
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a move that fails half-way loses nothing, and the next start finishes it', async () => {
  const context = await newContext();
  // IndexedDB gives out after a few writes while the flag is set, as a disk filling up does.
  await context.addInitScript(() => {
    if (!localStorage.getItem('test.fail-after')) return;
    let left = Number(localStorage.getItem('test.fail-after'));
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      if (left-- <= 0) this.transaction.abort();
      return request;
    };
  });
  const old = oldLibrary();
  await seed(context, { ...old, 'test.fail-after': '4' });
  const page = await openApp(browser, server.url, context);
  assert.deepEqual(await oldKeys(page), old, 'every old key is there, byte for byte');
  await page.evaluate(() => localStorage.removeItem('test.fail-after'));
  await page.reload();
  await page.locator('.doc-title', { hasText: 'schema v2' }).waitFor();
  assert.deepEqual(await oldKeys(page), {});
  assert.equal((await libraryRows(page)).length, 3);
  await context.close();
});

test('first-version data never overwrites current work', async () => {
  // It was copied over the sample document's key without looking: the claim was gone.
  const context = await newContext();
  const page = await openApp(browser, server.url, context);
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('1');
  await savedCount(page, 1);
  await page.evaluate((v1) => localStorage.setItem('article-annotator.workspace', v1), fixture('schema-v1.json'));
  await page.reload();
  await page.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  const titles = (await libraryRows(page)).map(([title]) => title);
  assert.ok(titles.some((t) => /schema v1/.test(t)), 'the old workspace is a document of its own');
  assert.ok(titles.some((t) => /China reached Japan/.test(t)));
  assert.equal(await page.evaluate(() => localStorage.getItem('article-annotator.workspace')), null);

  // Garbage there goes to a backup of its own; the document is untouched.
  await page.evaluate(() => localStorage.setItem('article-annotator.workspace', '{"format": "article-annotator", "annot'));
  await page.reload();
  await page.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  assert.match(await page.locator('.storage-banner.error').textContent(), /could not be read/);
  await context.close();
});

test('damaged data too large to copy aside stays where it is, is never written over, and the banner says so', async () => {
  // The banner said "It was kept aside" while the next save wrote the sample over it.
  const context = await newContext();
  const damaged = `{"format": "article-annotator", "schema_version": 3, "document": {"title": "Book", "text": "${'x'.repeat(3_000_000)}`;
  await seed(context, { [`article-annotator.doc.${SAMPLE_ID}`]: damaged, 'article-annotator.current': SAMPLE_ID });
  const page = await openApp(browser, server.url, context);
  const banner = page.locator('.storage-banner.error');
  assert.match(await banner.textContent(), /no room to copy it aside, so it was left where it is/);
  assert.doesNotMatch(await banner.textContent(), /It was kept aside/);
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('1');
  await savedCount(page, 1);
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  const kept = await page.evaluate((k) => localStorage.getItem(k), `article-annotator.doc.${SAMPLE_ID}`);
  assert.ok(kept === damaged, 'byte for byte');
  const [file] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: /Download/ }).click()]);
  assert.equal(readFileSync(await file.path(), 'utf8').length, damaged.length);
  await context.close();
});

test('a second unreadable value gets a backup of its own', async () => {
  // One fixed backup key: the second overwrote the first.
  const context = await newContext();
  const [first, second] = ['{"broken": 1', '{"broken": 2'];
  await seed(context, { [`article-annotator.doc.${ids[0]}`]: first });
  const page = await openApp(browser, server.url, context);
  await page.locator('.storage-banner.error').waitFor();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`article-annotator.doc.${ids[1]}`, second]);
  await page.reload();
  await page.locator('.storage-banner.error').waitFor();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('aa2.unreadable.')).sort()
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, [first, second]);
  await context.close();
});

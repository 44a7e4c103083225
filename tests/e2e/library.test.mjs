// Several documents: each saved on its own, listed with counts, opened, renamed, deleted
// (and restored), exported together.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dragOver, launch, openApp, savedCount, openPasted, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });


const library = (page) => page.locator('.library .doc:not(.deleted)');

test('documents are kept apart, listed, switched, renamed, deleted and restored', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('2');
  await savedCount(page, 1);
  await openPasted(page, 'Budget speech', 'The minister said taxes will fall.');
  await dragOver(page, 'taxes will fall');
  await page.keyboard.press('1');
  await dragOver(page, 'minister');
  await page.keyboard.press('3');
  await savedCount(page, 2);

  // Two documents, each in records of its own.
  const keys = Object.keys(await page.evaluate(() => window.readStore())).filter((k) => k.startsWith('aa2.meta.'));
  assert.equal(keys.length, 2);

  await page.click('#library');
  assert.deepEqual(await library(page).locator('.doc-open').allTextContents(),
    ['Budget speech', 'China reached Japan’s sensitive defense networks: US paper']);
  assert.match(await library(page).nth(0).locator('.doc-meta').textContent(), /Claim 1 · Source 0 · Entity 1 · open/);
  assert.match(await library(page).nth(1).locator('.doc-meta').textContent(), /Claim 0 · Source 1 · Entity 0/);

  // Open the other one: its annotations come back; then rename it.
  await library(page).nth(1).locator('.doc-open').click();
  await page.locator('mark.in-source', { hasText: 'JIJI Press' }).waitFor();
  await page.click('#library');
  await library(page).nth(0).getByRole('button', { name: 'Rename' }).click();
  await page.fill('.library .rename input', 'Japan hack (AFP)');
  await page.locator('.library .rename').getByRole('button', { name: 'Save' }).click();
  await page.locator('.doc-title', { hasText: 'Japan hack (AFP)' }).waitFor();
  await page.keyboard.press('Escape');

  // Delete the budget speech, then undo.
  await page.click('#library');
  const budget = library(page).filter({ hasText: 'Budget speech' });
  await budget.getByRole('button', { name: 'Delete' }).click();
  await budget.waitFor({ state: 'detached' });
  assert.equal(await library(page).count(), 1);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.locator('.notice .undo-delete').click();
  await page.click('#library');
  await budget.waitFor();

  // Export all: both documents in one file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-all')]);
  const all = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(all.documents.map((d) => d.document.title).sort(), ['Budget speech', 'Japan hack (AFP)']);
  assert.deepEqual(all.documents.map((d) => d.annotations.length).sort(), [1, 2]);
  // The Library says where the library is kept and whether the browser protects it.
  assert.match(await page.locator('.library .hint').textContent(),
    /IndexedDB.*(keeps it even when space runs low|may clear it when space runs low)/);

  // Import reads what Export all wrote: in a fresh browser, both documents join the library.
  const fresh = await openApp(browser, server.url);
  const exported = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await download.path()) };
  await fresh.setInputFiles('#import-file', exported);
  await fresh.locator('.notice', { hasText: '2 document(s) added to the Library' }).waitFor();
  await fresh.click('#library');
  const rows = await library(fresh).locator('.doc-open').allTextContents();
  for (const title of ['Budget speech', 'Japan hack (AFP)']) assert.ok(rows.includes(title), `${title} imported`);
  await fresh.context().close();

  // A reload opens the document that was open.
  await page.keyboard.press('Escape');
  await page.reload();
  await page.locator('.doc-title', { hasText: 'Japan hack (AFP)' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('deleting the open document opens another, and its pending save does not bring it back', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('2');
  await savedCount(page, 1);
  await openPasted(page, 'Short-lived', 'Delete me soon.');
  await dragOver(page, 'Delete me');
  await page.keyboard.press('1'); // not saved yet when deleted
  await page.click('#library');
  await library(page).filter({ hasText: 'Short-lived' }).getByRole('button', { name: 'Delete' }).click();
  await page.locator('.doc-title', { hasText: 'China reached Japan' }).waitFor();
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  const records = await page.evaluate(() => window.readStore());
  const titles = Object.entries(records).filter(([k]) => k.startsWith('aa2.meta.')).map(([, v]) => JSON.parse(v).title);
  assert.deepEqual(titles, ['China reached Japan’s sensitive defense networks: US paper']);
  await page.context().close();
});

test('a deletion is undone where it was done, for as long as the person stays, and by Ctrl+Z', async () => {
  // Its Undo sat in a banner under the dialog's backdrop, went after 8 s, and Ctrl+Z did nothing.
  const page = await openApp(browser, server.url);
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('2');
  await savedCount(page, 1);
  await openPasted(page, 'Budget speech', 'The minister said taxes will fall.');
  await dragOver(page, 'taxes will fall');
  await page.keyboard.press('1');
  await savedCount(page, 1);

  // In the dialog: the deleted one stays listed with its Undo.
  await page.click('#library');
  await library(page).filter({ hasText: 'Budget speech' }).getByRole('button', { name: 'Delete' }).click();
  await page.locator('.doc-title', { hasText: 'China reached Japan' }).waitFor();
  const deleted = page.locator('.library .doc.deleted', { hasText: 'Budget speech' });
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.doc-title', { hasText: 'Budget speech' }).waitFor(); // it was open: open again
  await page.locator('mark.hl', { hasText: 'taxes will fall' }).waitFor();
  assert.equal(await library(page).filter({ hasText: 'Budget speech' }).count(), 1);
  await page.keyboard.press('Escape');

  // Ctrl+Z right after a deletion puts the document back, however long the person took.
  await page.clock.install();
  await page.clock.resume();
  await page.click('#library');
  await library(page).filter({ hasText: 'China reached Japan' }).getByRole('button', { name: 'Delete' }).click();
  await deleted.waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  const banner = page.locator('.notice', { hasText: 'Deleted “China reached Japan' });
  await banner.waitFor();
  await page.clock.fastForward('10:00'); // other messages fade after 8 s
  assert.ok(await banner.getByRole('button', { name: 'Undo' }).isVisible());
  await page.keyboard.press('Control+z');
  await page.locator('.notice', { hasText: 'Restored “China reached Japan' }).waitFor();
  await page.click('#library');
  assert.equal(await library(page).count(), 2);
  assert.equal(await page.locator('.library .doc.deleted').count(), 0);
  await page.context().close();
});

test('a library file with a damaged document adds the others and says which one failed, and why', async () => {
  const page = await openApp(browser, server.url);
  const text = 'A short article that is fine.';
  const good = { format: 'article-annotator', schema_version: 3, annotations: [],
    document: { title: 'The good one', text, sha256: createHash('sha256').update(text).digest('hex') } };
  const damaged = { ...good, document: { ...good.document, text: 42 } };
  const file = JSON.stringify({ format: 'article-annotator-library', documents: [good, damaged] });
  await page.setInputFiles('#import-file', { name: 'two.annotations.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const notice = page.locator('.notice.error', { hasText: '1 document(s) added to the Library' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /1 could not be read or saved \(document 2: This export is damaged: [^()]*string\)\./);
  await page.click('#library');
  assert.ok((await page.locator('.library .doc-open').allTextContents()).includes(good.document.title), 'the good one is kept');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

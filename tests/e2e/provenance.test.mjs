// Who made each annotation: asked once, before the first export (when work first leaves
// the browser), stamped on what the person makes and changes, shown on cards, filtered
// by, and carried by the exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { choose, dragOver, launch, openApp, serveDist, showItem, tag } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/** Clicks Export JSON and resolves with the parsed download. */
async function exported(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

const clickExport = (page) => async () => {
  await showItem(page, '#export');
  await page.click('#export');
};

test('the first export asks for a name, marks the earlier work, and the name stays', async () => {
  const page = await openApp(browser, server.url, undefined, { askName: true });
  await tag(page, 'Chinese military hackers', '1');
  assert.equal(await page.locator('.notice').count(), 0, 'tagging asks nothing');
  await clickExport(page)();
  const dialog = page.getByRole('dialog', { name: 'Your name' });
  await dialog.waitFor();
  assert.ok(await page.locator('#claim-unnamed').isChecked(), 'the earlier annotation is offered');
  await page.fill('#author-name', '  Ana   Díaz ');
  await page.fill('#author-org', 'AFP');
  const file = await exported(page, () => page.click('#author-save'));
  assert.equal(file.schema_version, 5);
  assert.deepEqual(file.annotations.map((a) => a.creator), [{ name: 'Ana Díaz', organisation: 'AFP' }]);
  assert.equal(await dialog.count(), 0);

  await tag(page, 'The Washington Post', '2');
  const card = page.locator('.card', { hasText: 'The Washington Post' });
  assert.equal(await card.locator('.chip.by').textContent(), 'by Ana Díaz');
  // Asked once: the next export downloads at once, with the new one marked too.
  const again = await exported(page, clickExport(page));
  assert.deepEqual(again.annotations.map((a) => a.creator?.name), ['Ana Díaz', 'Ana Díaz']);

  // The name is kept in this browser: a reload (same context) still marks new work.
  await page.reload();
  await page.locator('#article-text .line').first().waitFor();
  await tag(page, 'Paul Nakasone', '3');
  await page.locator('.card', { hasText: 'Paul Nakasone' }).locator('.chip.by').waitFor();
  await page.close();
});

test('going on without a name exports, asks no more, and the View menu changes it later', async () => {
  const page = await openApp(browser, server.url, undefined, { askName: true });
  await tag(page, 'Chinese military hackers', '1');
  await clickExport(page)();
  await page.getByRole('dialog', { name: 'Your name' }).waitFor();
  const file = await exported(page, () => page.click('#author-skip'));
  assert.equal(file.schema_version, 3, 'no name: the file is as before names');
  assert.equal(file.annotations[0].creator, undefined);
  await exported(page, clickExport(page)); // no dialog in the way

  await choose(page, '#your-name');
  await page.fill('#author-name', 'Kenji');
  await page.locator('#claim-unnamed').uncheck();
  await page.click('#author-save');
  await page.locator('.notice', { hasText: 'Your annotations are now marked as Kenji’s.' }).waitFor();
  assert.equal(await page.locator('.chip.by').count(), 0, 'the earlier one stays unnamed when not claimed');
  await tag(page, 'The Washington Post', '2');
  await page.locator('.card', { hasText: 'The Washington Post' }).locator('.chip.by').waitFor();

  // The sidebar keeps one person's work, or the unnamed.
  await page.selectOption('#filter-creator', 'Kenji');
  assert.deepEqual(await page.locator('.card .quote').allTextContents(), ['The Washington Post']);
  await page.selectOption('#filter-creator', '');
  assert.deepEqual(await page.locator('.card .quote').allTextContents(), ['Chinese military hackers']);
  await page.selectOption('#filter-creator', '*');
  assert.equal(await page.locator('.card').count(), 2);
  await page.close();
});

test('claiming earlier work is one step that Undo takes back', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'Chinese military hackers', '1');
  await dragOver(page, 'The Washington Post');
  await page.keyboard.press('2');
  await page.locator('.card').nth(1).waitFor();
  await choose(page, '#your-name');
  await page.fill('#author-name', 'Lena');
  assert.match(await page.locator('label', { has: page.locator('#claim-unnamed') }).textContent(), /the 2 annotations here/);
  await page.click('#author-save');
  await page.locator('.notice', { hasText: '2 annotations made before are marked too' }).waitFor();
  assert.equal(await page.locator('.chip.by').count(), 2);
  await page.keyboard.press('Control+z');
  await page.locator('.chip.by').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('.chip.by').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('what is typed in the name dialog stays while another tab’s save re-renders the page', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const a = await openApp(browser, server.url, context);
  const b = await openApp(browser, server.url, context);
  await choose(a, '#your-name');
  await a.fill('#author-name', 'Ana');
  await a.fill('#author-org', 'AFP');
  // The other tab saves: this one takes its annotation, and draws again, dialog and all.
  await tag(b, 'The Washington Post', '2');
  await a.locator('.card', { hasText: 'The Washington Post' }).waitFor();
  assert.equal(await a.inputValue('#author-name'), 'Ana', 'a re-render put the old value back');
  assert.equal(await a.inputValue('#author-org'), 'AFP');
  await a.locator('#claim-unnamed').uncheck();
  await tag(b, 'Paul Nakasone', '3');
  await a.locator('.card', { hasText: 'Paul Nakasone' }).waitFor();
  assert.equal(await a.locator('#claim-unnamed').isChecked(), false, 'and the box stays as left');
  await a.click('#author-save');
  await a.locator('.notice', { hasText: 'Your annotations are now marked as Ana (AFP)’s.' }).waitFor();
  await context.close();
});

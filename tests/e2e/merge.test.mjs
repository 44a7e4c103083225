// Merging a colleague's export of the same article: what is new is added with its creator,
// what is the same is skipped, and what differs waits under "To resolve" with both values
// and both creators until the person takes theirs or keeps theirs own — one Undo each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { choose, exportFile, launch, openApp, serveDist, tag } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/** The colleague's file: our export, with their note on the claim and their name on it. */
function colleagues(file) {
  const json = JSON.parse(file.text);
  const claim = json.annotations.find((a) => a.exact === 'Chinese military hackers');
  Object.assign(claim, { note: 'Their reading', creator: { name: 'Bo', organisation: 'Reuters' } });
  return { name: 'bo.annotations.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) };
}

async function noteOf(page, quote) {
  await page.locator('.card-head', { hasText: quote }).click();
  return page.locator('.card.sel textarea').inputValue();
}

test('a colleague’s file adds what is new and lists what differs, resolved either way', async () => {
  const page = await openApp(browser, server.url);
  await choose(page, '#your-name');
  await page.fill('#author-name', 'Ana');
  await page.click('#author-save');
  await tag(page, 'Chinese military hackers', '1');
  await page.locator('.card.sel textarea').fill('My reading');
  await page.locator('.card.sel textarea').blur();
  await tag(page, 'The Washington Post', '2');
  await tag(page, 'Paul Nakasone', '3');
  const file = colleagues(await exportFile(page));
  // Paul Nakasone goes here, so the merge has something to add back.
  await page.locator('.card-head', { hasText: 'Paul Nakasone' }).click();
  await page.keyboard.press('Delete');
  await page.locator('.card', { hasText: 'Paul Nakasone' }).waitFor({ state: 'detached' });

  await page.setInputFiles('#merge-file', file);
  await page.locator('.notice', { hasText: '1 annotation added to this article, 1 already here. 1 differs from yours' }).waitFor();
  const section = page.locator('.conflicts');
  assert.equal(await section.locator('h3').textContent(), 'To resolve (1)');
  assert.equal(await section.locator('.mine').textContent(), 'Yours: “My reading” (by Ana)');
  assert.equal(await section.locator('.theirs').textContent(), 'Theirs: “Their reading” (by Bo (Reuters))');
  assert.equal(await noteOf(page, 'Chinese military hackers'), 'My reading', 'ours is kept until we choose');
  assert.equal(await page.locator('.card', { hasText: 'Paul Nakasone' }).count(), 1, 'the new one is added');

  await section.locator('.take-theirs').click();
  await section.waitFor({ state: 'detached' });
  assert.equal(await noteOf(page, 'Chinese military hackers'), 'Their reading');
  assert.equal(await page.locator('.card.sel .chip.by').textContent(), 'by Bo', 'their work, their name');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await section.waitFor();
  assert.equal(await noteOf(page, 'Chinese military hackers'), 'My reading', 'Undo brings ours and the choice back');

  await section.locator('.keep-mine').click();
  await section.waitFor({ state: 'detached' });
  assert.equal(await noteOf(page, 'Chinese military hackers'), 'My reading');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await section.waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the conflicts wait in the saved document, and come back after a reload', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await openApp(browser, server.url, context);
  await tag(page, 'Chinese military hackers', '1');
  const file = colleagues(await exportFile(page));
  await page.setInputFiles('#import-file', file);
  await page.locator('.conflicts').waitFor();
  await page.locator('#save-state', { hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.locator('.conflicts .theirs', { hasText: 'Their reading' }).waitFor();
  await context.close();
});

test('Merge… refuses a file of another article, and opens nothing', async () => {
  const page = await openApp(browser, server.url);
  const other = { format: 'article-annotator', schema_version: 3, document: { title: 'Another', text: 'Something else.', sha256: '' }, annotations: [] };
  await page.setInputFiles('#merge-file', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await page.locator('.notice.error', { hasText: 'other.json is another article' }).waitFor();
  assert.notEqual(await page.locator('.doc-title').textContent(), 'Another', 'still the open article');
  await page.close();
});

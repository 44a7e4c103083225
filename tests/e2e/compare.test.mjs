// Comparing the open document (A) with a colleague's export (B): the figures, the
// differences in document order and marked in the article, Take B's as one undoable step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { codePoints, exportFile, launch, openApp, serveDist, tag } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/** The figures table as text rows. */
const rows = (page) => page.locator('.agreement tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [...tr.children].map((c) => c.textContent).join(' ')));

/** How many ranges each of the comparison's highlights holds. */
const marked = (page) => page.evaluate(() =>
  Object.fromEntries(['only-a', 'only-b', 'changed'].map((k) => [k, CSS.highlights.get(`compare-${k}`)?.size ?? 0])));

test('figures, differences marked in the article, Take B’s and its undo, Keep A’s', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'Chinese military hackers', '1');
  await tag(page, 'The Washington Post', '2');
  await tag(page, 'Paul Nakasone', '3');
  // B: the same three, but the claim is False, and the source is not there.
  const json = JSON.parse((await exportFile(page)).text);
  json.annotations.find((a) => a.exact === 'Chinese military hackers').status = 'false';
  json.annotations = json.annotations.filter((a) => a.exact !== 'The Washington Post');
  json.annotations.forEach((a) => { a.sources = []; });
  // A: Paul Nakasone goes, so that only B has it.
  await page.locator('.card-head', { hasText: 'Paul Nakasone' }).click();
  await page.keyboard.press('Delete');
  await page.locator('.card', { hasText: 'Paul Nakasone' }).waitFor({ state: 'detached' });

  await page.setInputFiles('#compare-file', { name: 'bo.annotations.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await page.locator('#compare-title', { hasText: 'Compared with bo.annotations.json' }).waitFor();
  // Claim: 1 and 1, matched (F1 1); Source: A 1, B 0; Entity: A 0, B 1. All: 2 and 2, 1 match.
  assert.deepEqual(await rows(page), [
    'Claim 1 1 1 1.00 1.00',
    'Source 1 0 0 0.00 0.00',
    'Entity 0 1 0 0.00 0.00',
    'All tags 2 2 1 0.50 0.50',
  ]);
  assert.match(await page.locator('.kappa').textContent(), /not available \(1 pair of exactly matched claims\)/);
  const kinds = () => page.locator('.diff-entry .diff-kind').allTextContents();
  assert.deepEqual(await kinds(), ['Changed: status', 'Only in A', 'Only in B'], 'in document order');
  assert.deepEqual(await marked(page), { 'only-a': 1, 'only-b': 1, changed: 1 });
  assert.equal(await page.locator('.compare .alike').textContent(), '0 annotations alike in both.');

  await page.locator('.diff-entry.only-b .take-b').click();
  await page.locator('.card', { hasText: 'Paul Nakasone' }).waitFor();
  assert.deepEqual(await kinds(), ['Changed: status', 'Only in A'], 'taken: alike now');
  assert.equal((await rows(page)).at(-1), 'All tags 3 2 2 0.80 0.80');
  assert.equal(await page.locator('.compare .alike').textContent(), '1 annotation alike in both.');
  await page.keyboard.press('Control+z');
  await page.locator('.card', { hasText: 'Paul Nakasone' }).waitFor({ state: 'detached' });
  assert.deepEqual(await kinds(), ['Changed: status', 'Only in A', 'Only in B'], 'one undo');

  await page.locator('.diff-entry.changed .take-b').click();
  await page.locator('.card', { hasText: 'Chinese military hackers' }).locator('.status-false').waitFor();
  await page.locator('.diff-entry.only-a .keep-a').click();
  assert.deepEqual(await kinds(), ['Only in B']);
  assert.deepEqual(await marked(page), { 'only-a': 0, 'only-b': 1, changed: 0 });
  await page.click('.compare-close');
  assert.deepEqual(await marked(page), { 'only-a': 0, 'only-b': 0, changed: 0 }, 'closing clears the marks');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a file of another article cannot be compared, and says so', async () => {
  const page = await openApp(browser, server.url);
  const other = { format: 'article-annotator', schema_version: 3, document: { title: 'Another', text: 'Something else.', sha256: '' }, annotations: [] };
  await page.setInputFiles('#compare-file', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await page.locator('.notice.error', { hasText: 'Could not compare with other.json' }).waitFor();
  assert.equal(await page.locator('.compare').count(), 0);
  await page.close();
});

test('another copy of the text is compared where its quotes are, and what is not there is listed', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'Chinese military hackers', '1');
  const json = JSON.parse((await exportFile(page)).text);
  // B's copy starts with a line A lacks and ends with another, and B tagged the last.
  const closing = 'Only this copy ends with this line about the ministry’s budget.';
  const text = `Updated edition.\n${json.document.text}\n${closing}`;
  const claim = json.annotations[0];
  const { start, end } = codePoints(text, closing);
  json.document = { ...json.document, text, sha256: '' };
  Object.assign(claim, { ...codePoints(text, 'Chinese military hackers') });
  json.annotations.push({ ...claim, id: '11111111-1111-4111-8111-111111111111', tag: 'entity', start, end,
    exact: closing, prefix: '', suffix: '', status: 'unchecked', sources: [] });
  await page.setInputFiles('#compare-file', { name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await page.locator('.compare').waitFor();
  assert.equal(await page.locator('.compare .alike').textContent(), '1 annotation alike in both.', 'the claim, found by its quote');
  await page.locator('.not-anchored summary').click();
  assert.equal(await page.locator('.not-anchored summary').textContent(), '1 annotation not found in this text, left out');
  assert.equal(await page.locator('.not-anchored li').textContent(), `B: ${closing}`);
  await page.close();
});

// Book-length documents: an edit touches only the paragraph it changes, and cards far down
// the sidebar are built when someone gets to them (timings are in `make bench`, not here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { dragOver, launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PARAGRAPHS = 400;
const PER_PARAGRAPH = 8;

/** A native export: 400 paragraphs, each with a unique word `mark<i>x` and 8 spans. */
function longExport() {
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) =>
    `Paragraph ${i} says mark${i}x once. The council met on Tuesday and the minister said the budget would grow by four percent next year, according to officials.`);
  const text = paragraphs.join('\n\n');
  const annotations = [];
  let at = 0;
  for (const [i, p] of paragraphs.entries()) {
    for (let k = 0; k < PER_PARAGRAPH; k++) {
      const start = at + 30 + k * 12;
      const end = start + 8 + (k % 3) * 4;
      annotations.push({
        id: randomUUID(), tag: ['claim', 'source', 'entity'][k % 3], start, end,
        exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32), note: '', created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z', orphan: false,
      });
    }
    at += p.length + 2;
  }
  const title = 'A long report';
  const file = { format: 'article-annotator', schema_version: 3,
    document: { title, text, sha256: createHash('sha256').update(text).digest('hex') }, annotations };
  return { title, json: JSON.stringify(file), total: annotations.length, last: annotations.at(-1) };
}

async function openLong(page) {
  const doc = longExport();
  await page.setInputFiles('#import-file', { name: 'long.annotations.json', mimeType: 'application/json', buffer: Buffer.from(doc.json) });
  await page.locator('.doc-title', { hasText: doc.title }).waitFor();
  // Drawn a few blocks at a time after the first paint: these tests start from all of it.
  await page.locator('#article-text:not([data-filling])').waitFor();
  return doc;
}

test('an edit in a long document changes only the paragraph it touches', async () => {
  const page = await openApp(browser, server.url);
  await openLong(page);
  await page.evaluate(() => {
    window.touched = [];
    new MutationObserver((records) => window.touched.push(...records.map((r) => r.target)))
      .observe(document.getElementById('article-text'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await dragOver(page, 'mark3x');
  await page.keyboard.press('1');
  await page.locator('mark.in-claim', { hasText: 'mark3x' }).waitFor();
  const lines = await page.evaluate(() => {
    const lines = new Set(window.touched.map((n) => (n.nodeType === 1 ? n : n.parentElement).closest('.line')?.dataset.s ?? 'outside'));
    return [...lines];
  });
  const paragraph3 = await page.locator('.line', { hasText: 'mark3x' }).getAttribute('data-s');
  assert.deepEqual(lines, [paragraph3], 'nothing outside the edited paragraph changed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cards far down a long document are built on the way, and a highlight there opens its card', async () => {
  const page = await openApp(browser, server.url);
  const doc = await openLong(page);
  const built = await page.locator('.sidebar .card').count();
  assert.ok(built > 0 && built < doc.total, `${built} of ${doc.total} cards built at first`);
  assert.ok(await page.locator('.sidebar .cards.pending').count() > 0);

  // A highlight in the last paragraph: its card is there, selected, with its quote.
  await page.locator('.line', { hasText: `mark${PARAGRAPHS - 1}x` }).scrollIntoViewIfNeeded();
  await page.locator('.line', { hasText: `mark${PARAGRAPHS - 1}x` }).locator('mark').last().click();
  const card = page.locator(`#card-${doc.last.id}`);
  await card.waitFor();
  assert.match(await card.getAttribute('class'), /\bsel\b/);
  assert.equal(await card.locator('.quote').textContent(), doc.last.exact.trim());

  // Scrolling the sidebar to the end builds the cards on the way.
  await page.evaluate(() => { const s = document.querySelector('.sidebar'); s.scrollTop = s.scrollHeight; });
  await page.waitForFunction((n) => document.querySelectorAll('.sidebar .card').length > n, built);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

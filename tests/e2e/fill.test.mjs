// A long text is drawn a few blocks at a time after its first screen (src/components/fill.rs):
// the rest follows on its own, and whatever needs a part not drawn yet draws it at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PARAGRAPHS = 3000;

/** A native export of 3,000 paragraphs, each with a word of its own (`word<i>x`) tagged. */
function bookExport() {
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) =>
    `Paragraph ${i} holds word${i}x once; the committee heard evidence from three witnesses on the harbour works.`);
  const text = paragraphs.join('\n\n');
  const annotations = [];
  let at = 0;
  for (const [i, p] of paragraphs.entries()) {
    const start = at + p.indexOf(`word${i}x`);
    const end = start + `word${i}x`.length;
    annotations.push({
      id: randomUUID(), tag: ['claim', 'source', 'entity'][i % 3], start, end, exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), note: '',
      created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', orphan: false,
    });
    at += p.length + 2;
  }
  const title = 'A book of witnesses';
  const file = { format: 'article-annotator', schema_version: 3,
    document: { title, text, sha256: createHash('sha256').update(text).digest('hex') }, annotations };
  return { title, text, json: JSON.stringify(file) };
}

async function openBook(page) {
  const doc = bookExport();
  await page.setInputFiles('#import-file', { name: 'book.annotations.json', mimeType: 'application/json', buffer: Buffer.from(doc.json) });
  await page.locator('.doc-title', { hasText: doc.title }).waitFor();
  return doc;
}

/** Whether the viewport shows (part of) `rect`. */
const onScreen = (r) => r && r.bottom > 0 && r.top < r.viewport && r.height > 0;

test('a long text shows its first screen at once, and the rest follows by itself', async () => {
  const page = await openApp(browser, server.url);
  const doc = await openBook(page);
  const lines = doc.text.split('\n');
  const first = await page.evaluate(() => ({
    filling: document.getElementById('article-text').hasAttribute('data-filling'),
    drawn: document.querySelectorAll('#article-text .line').length,
  }));
  assert.ok(first.filling && first.drawn > 0 && first.drawn < lines.length, `${first.drawn} of ${lines.length} lines drawn at first`);
  assert.equal(await page.locator('#article-text .line').first().textContent(), lines[0]);

  await page.locator('#article-text:not([data-filling])').waitFor();
  const drawn = await page.$$eval('#article-text .line', (ls) => ls.map((l) => l.textContent));
  assert.deepEqual(drawn, lines, 'every line, in order, once');
  assert.equal(await page.locator('#article-text mark').count(), PARAGRAPHS);
  assert.equal(await page.locator('#article-text .block.pending').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Find reaches the end of a long text before it is drawn', async () => {
  const page = await openApp(browser, server.url);
  await openBook(page);
  assert.ok(await page.locator('#article-text[data-filling]').count() === 1, 'still drawing');
  await page.fill('#find', `word${PARAGRAPHS - 1}x`);
  await page.locator('#find-status', { hasText: '1 of 1' }).waitFor();
  // At once, not once the rest of the text happens to be drawn.
  const rect = await page.evaluate(() => {
    if (CSS.highlights.get('find-current')?.size !== 1) return null;
    const r = [...CSS.highlights.get('find-current')][0].getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, viewport: innerHeight };
  });
  assert.ok(onScreen(rect), `the match is on screen: ${JSON.stringify(rect)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the minimap jumps to an annotation at the end before it is drawn', async () => {
  const page = await openApp(browser, server.url);
  await openBook(page);
  assert.ok(await page.locator('#article-text[data-filling]').count() === 1, 'still drawing');
  const box = await page.locator('.minimap canvas').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 1);
  const mark = page.locator('#article-text mark.sel');
  await mark.first().waitFor();
  const n = Number((await mark.first().textContent()).match(/^word(\d+)x$/)?.[1]);
  assert.ok(n >= PARAGRAPHS - 10, `the annotation near the end is selected (word${n}x)`);
  await page.waitForFunction(() => {
    const r = document.querySelector('#article-text mark.sel').getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('scrolling to the end of a long text draws what comes on screen first', async () => {
  const page = await openApp(browser, server.url);
  await openBook(page);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  // Lines on screen at the end, while the blocks before them are still being drawn.
  const seen = await page.waitForFunction(() => {
    const text = document.getElementById('article-text');
    const shown = [...text.querySelectorAll('.line')].filter((l) => {
      const r = l.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    return shown.length > 0 && { filling: text.hasAttribute('data-filling'), last: shown.at(-1).textContent };
  });
  const { filling, last } = await seen.jsonValue();
  assert.ok(filling, 'the end was drawn before the fill reached it');
  assert.match(last, new RegExp(`word${PARAGRAPHS - 1}x`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the height hints of blocks and card groups stay on them: nothing inside restyles when they change', async () => {
  const page = await openApp(browser, server.url);
  await openBook(page);
  await page.locator('.card-groups > .cards .card').first().waitFor();
  // --rows is what each block and group is sized by while skipped. Were it inherited, every
  // line, mark and card inside would restyle each time it changes (a card added: its group).
  const hints = await page.evaluate(() => {
    const rows = (el) => getComputedStyle(el).getPropertyValue('--rows').trim();
    const group = document.querySelector('.card-groups > .cards');
    const block = document.querySelector('#article-text .block');
    const set = { group: rows(group), block: rows(block) };
    // A value neither could have, set the way the app sets it (CSSOM).
    group.style.setProperty('--rows', '4321');
    block.style.setProperty('--rows', '4321');
    return { set, group: rows(group), card: rows(group.querySelector('.card')), block: rows(block), mark: rows(block.querySelector('mark')) };
  });
  assert.match(hints.set.group, /^[1-9]\d*$/, 'the app gives the group its hint');
  assert.match(hints.set.block, /^[1-9]\d*$/, 'and the block');
  assert.equal(hints.group, '4321');
  assert.equal(hints.block, '4321');
  assert.notEqual(hints.card, '4321', 'a card does not inherit its group\'s hint');
  assert.notEqual(hints.mark, '4321', 'a mark does not inherit its block\'s hint');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

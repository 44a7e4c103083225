// Searching the whole library (Ctrl+Shift+F, the Library dialog): three documents
// imported as a library file, found by words and phrases (case- and accent-folded, CJK
// split into words), by filters, listed as keyword-in-context lines grouped by document,
// newest first, and opened at the hit: a card for an annotation, the place for the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { launch, openApp, serveDist, tag } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

let n = 0;
/** A native export titled `title` of `text`, its annotations `[exact, tag, extra]` (first occurrence). */
function doc(title, text, annotations, second) {
  const stamp = `2026-11-30T10:00:${String(second).padStart(2, '0')}.000Z`;
  return {
    format: 'article-annotator', schema_version: 3,
    document: { title, text, sha256: createHash('sha256').update(text).digest('hex') },
    annotations: annotations.map(([exact, tagName, extra = {}]) => {
      const start = [...text.slice(0, text.indexOf(exact))].length;
      const h = createHash('md5').update(`${title}-${n++}`).digest('hex');
      return {
        id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
        tag: tagName, start, end: start + [...exact].length, exact, prefix: '', suffix: '',
        note: '', created: stamp, modified: stamp, ...extra,
      };
    }),
  };
}

const TOKYO = doc('Tokyo breach',
  'The defense ministry in Tokyo said the networks were safe.\nOfficials disputed the report by The Washington Post.',
  [['the networks were safe', 'claim', { status: 'disputed', note: 'wapo says otherwise' }],
    ['Tokyo', 'entity', { entity_type: 'place' }],
    ['The Washington Post', 'source', { note: 'WaPo, 12 May' }]], 3);
const BUDGET = doc('Défense budget',
  'The Défense Ministry announced a budget.\n日本の防衛省が発表した予算。',
  [['announced a budget', 'claim', { status: 'supported' }], ['Défense Ministry', 'entity', { entity_type: 'organisation' }]], 2);
const NOTES = doc('Unrelated notes', 'Nothing here about ministries.\nA person named Ana Lee spoke at noon.',
  [['Ana Lee', 'entity', { entity_type: 'person' }]], 1);

async function library(page) {
  const file = JSON.stringify({ format: 'article-annotator-library', documents: [TOKYO, BUDGET, NOTES] });
  await page.setInputFiles('#import-file', { name: 'three.annotations.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.locator('.notice', { hasText: '3 document(s) added to the Library' }).waitFor();
}

/** Types `query` in the Library's search box; resolves with the results once the index has read the whole library. */
async function search(page, query) {
  await page.fill('#library-search', query);
  await page.locator('.search-summary:not(:has-text("reading"))').waitFor();
  return page.locator('.result-doc').evaluateAll((docs) => docs.map((d) => ({
    title: d.querySelector('h3').firstChild.textContent,
    hits: [...d.querySelectorAll('.hit')].map((h) => ({
      where: h.dataset.field, matched: h.querySelector('mark').textContent, line: h.querySelector('.kwic').textContent,
    })),
  })));
}

/** The titles among the three imported (the sample article, open at the start, has some of their words). */
const titles = (results) => results.map((r) => r.title).filter((t) => [TOKYO, BUDGET, NOTES].some((d) => d.document.title === t));

test('words, phrases and filters find what they should across three documents, newest first, in context', async () => {
  const page = await openApp(browser, server.url);
  await library(page);
  await page.keyboard.press('Control+Shift+F');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'library-search', 'Ctrl+Shift+F opens the search');

  const phrase = await search(page, '"DEFENSE ministry"');
  assert.deepEqual(titles(phrase), ['Tokyo breach', 'Défense budget'], 'accents and case folded, newest first');
  const tokyo = phrase.find((r) => r.title === 'Tokyo breach');
  assert.deepEqual(tokyo.hits.map((h) => [h.where, h.matched]), [['text', 'defense ministry']]);
  assert.match(tokyo.hits[0].line, /^The defense ministry in Tokyo said the networks/, 'the hit in its context');
  assert.deepEqual(phrase.find((r) => r.title === 'Défense budget').hits.map((h) => [h.where, h.matched]),
    [['text', 'Défense Ministry'], ['annotation', 'Défense Ministry']]);

  const cjk = await search(page, '防衛省');
  assert.deepEqual(titles(cjk), ['Défense budget'], 'a CJK word inside a run of ideographs');
  assert.equal(cjk[0].hits[0].matched, '防衛省');

  const disputed = await search(page, 'tag:claim status:disputed');
  assert.deepEqual(disputed.map((r) => [r.title, r.hits.map((h) => h.matched)]), [['Tokyo breach', ['the networks were safe']]]);
  assert.deepEqual(await search(page, 'tag:claim status:disputed "defense ministry"'), [],
    'with filters, the words are looked for in the annotations that pass them');
  const person = await search(page, 'type:person');
  assert.deepEqual(person.map((r) => [r.title, r.hits.map((h) => h.matched)]), [['Unrelated notes', ['Ana Lee']]]);
  const noted = await search(page, 'note:wapo');
  assert.deepEqual(noted.map((r) => [r.title, r.hits.map((h) => h.where)]), [['Tokyo breach', ['note', 'note']]]);
  const inTitle = await search(page, 'in:title budget');
  assert.deepEqual(inTitle.map((r) => [r.title, r.hits.map((h) => h.where)]), [['Défense budget', ['title']]]);
  assert.deepEqual(await search(page, 'zebra'), []);
  assert.match(await page.locator('.search-summary').textContent(), /Nothing found/);
  await page.fill('#library-search', '');
  assert.ok(await page.locator('.library .doc-open', { hasText: 'Tokyo breach' }).isVisible(), 'no query: the list again');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a hit opens its document at it: an annotation’s card, the text’s place; edits are found at once', async () => {
  const page = await openApp(browser, server.url);
  await library(page);
  await page.click('#library');
  await search(page, 'type:person Ana');
  await page.locator('.result-doc', { hasText: 'Unrelated notes' }).locator('.hit').first().click();
  await page.locator('.doc-title', { hasText: 'Unrelated notes' }).waitFor();
  await page.locator('.card.sel', { hasText: 'Ana Lee' }).waitFor();

  await page.keyboard.press('Control+Shift+F');
  await search(page, 'officials');
  await page.keyboard.press('Enter');
  await page.locator('.doc-title', { hasText: 'Tokyo breach' }).waitFor();
  await page.waitForFunction(() => CSS.highlights.get('search-hit')?.size === 1);
  assert.equal(await page.evaluate(() => [...CSS.highlights.get('search-hit')][0].toString()), 'Officials');
  const top = await page.evaluate(() => [...CSS.highlights.get('search-hit')][0].getBoundingClientRect().top);
  assert.ok(top > 0 && top < 900, 'the hit is in the window');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !CSS.highlights.get('search-hit')?.size);

  // What was just tagged is found, before it is saved.
  await tag(page, 'Officials disputed', '1');
  await page.keyboard.press('Control+Shift+F');
  const found = await search(page, 'tag:claim officials');
  assert.deepEqual(found.map((r) => [r.title, r.hits.map((h) => h.matched)]), [['Tokyo breach', ['Officials']]]);
  await page.keyboard.press('Escape');

  // Each text's part of the index is kept in IndexedDB beside its document; after a
  // reload the index is read from there, and a deleted document is found no more.
  const kept = async () => Object.keys(await page.evaluate(() => window.readStore())).filter((k) => k.startsWith('aa2.search.')).length;
  const deadline = Date.now() + 30_000;
  while (await kept() < 4) {
    assert.ok(Date.now() < deadline, 'the four texts\' index records are kept');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await page.reload();
  await page.locator('.doc-title', { hasText: 'Tokyo breach' }).waitFor();
  await page.click('#library');
  await page.locator('.library .doc', { hasText: 'Unrelated notes' }).locator('button.delete').click();
  await page.locator('.library .doc.deleted', { hasText: 'Unrelated notes' }).waitFor();
  assert.deepEqual(await search(page, 'type:person'), []);
  const again = await search(page, 'tag:claim officials');
  assert.deepEqual(again.map((r) => [r.title, r.hits.map((h) => h.matched)]), [['Tokyo breach', ['Officials']]]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

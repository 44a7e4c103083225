// The research desk in the browser: a library of 50 documents / 1M words / 20k
// annotations (crates/bench's `library`, the same as criterion's) imported as a person
// would, then searched through the Library's box, and one edit of its 600k-word book
// indexed. Timings are the app's User Timing measures ('search': the query; 'search:index':
// one document indexed again after a change; 'suggest': the open document's suggestions
// worked out again) and input → paint for a query with its results.
import { clearStores, key, newPage, selectWord, settled } from './app.mjs';
import { repeat, summary } from './stats.mjs';

/** The criterion benchmark's queries (crates/bench/benches/search.rs). */
export const QUERIES = [
  ['phrase and filters', 'tag:claim status:disputed "the government"'],
  ['free words', 'budget police'],
  ['free word, common', 'the'],
  ['filters only', 'type:person note:reuters'],
];

/** Types `query` into the search box as one input event; resolves with its timings. */
const typed = (page, query) => page.evaluate(async (query) => {
  const b = window.__bench;
  const box = document.getElementById('library-search');
  await b.afterPaint();
  const t0 = performance.now();
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  const painted = await b.afterPaint();
  const measure = await b.entry('search', t0);
  return { paint: painted - t0, query: measure.duration };
}, query);

/** Every desk step on the library in `fixture`. */
export async function benchDesk(browser, url, fixture, { warmup, runs }) {
  const page = await newPage(browser, url);
  await clearStores(page);
  await page.reload();
  await page.evaluate(() => window.__bench.firstPaint);
  await page.setInputFiles('#import-file', fixture);
  await page.locator('.notice', { hasText: '50 document(s) added to the Library' }).waitFor({ timeout: 300_000 });
  await settled(page);
  const result = {};

  // The first search reads and tokenises the whole library, one document per task.
  await page.keyboard.press('Control+Shift+F');
  await page.locator('#library-search:focus').waitFor();
  const t0 = await page.evaluate(() => performance.now());
  await page.fill('#library-search', 'ministry');
  await page.locator('.search-summary:not(:has-text("reading"))').waitFor({ timeout: 300_000 });
  result.index_library = await page.evaluate((t0) => performance.now() - t0, t0);
  const words = await page.evaluate(() => document.querySelector('.search-summary').textContent);
  // The 50, and the sample article open beside them.
  if (!/ in 5[01] documents/.test(words)) throw new Error(`the library search saw: ${words}`);

  for (const [name, query] of QUERIES) {
    const samples = await repeat(warmup, runs, async (i) => typed(page, i % 2 ? query : `${query} `));
    result[`query: ${name}`] = { query: summary(samples.map((s) => s.query)), paint: summary(samples.map((s) => s.paint)) };
  }

  // Open the book at a hit (the search's own way), then edit it: each change that shows is
  // indexed again after its paint.
  await typed(page, 'in:title "600000 words"');
  await page.locator('.hit').first().click();
  await page.locator('.doc-title', { hasText: '600000 words' }).waitFor();
  // Suggestions are worked out again after the same paint, from what the whole library taught.
  const after = await repeat(warmup, runs, async (i) => {
    await selectWord(page, i);
    const since = await page.evaluate(() => performance.now());
    await key(page, '1');
    const [index, suggest] = await page.evaluate((since) => Promise.all(
      ['search:index', 'suggest'].map((name) => window.__bench.entry(name, since).then((e) => e.duration))), since);
    await key(page, 'z', { ctrlKey: true });
    await settled(page);
    return { index, suggest };
  });
  result.index_edit = summary(after.map((a) => a.index));
  result.suggest_book = summary(after.map((a) => a.suggest));
  await page.context().close();
  return result;
}

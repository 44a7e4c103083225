// Every export format, downloaded from the real page; W3C checked against the W3C test
// suite's MUST assertions; the importable ones imported back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SAMPLE, codePoints, dragOver, launch, openApp, serveDist } from './helpers.mjs';
import { failedMusts } from './w3c-schemas.mjs';

let server, browser, page;
before(async () => {
  server = await serveDist();
  browser = await launch();
  page = await openApp(browser, server.url);
  for (const [text, key] of [['Chinese military hackers', '1'], ['The Washington Post', '2'], ['Paul Nakasone', '3']]) {
    await dragOver(page, text);
    await page.keyboard.press(key);
  }
  await page.locator('.card-head', { hasText: 'Chinese military hackers' }).click();
  await page.locator('.card.sel textarea').fill('=HYPERLINK("x") needs a second source');
  await page.locator('.card.sel textarea').blur();
  // A status and a link, so that every kind of body is in the exports.
  await page.locator('.card.sel .status-select').selectOption('disputed');
  await page.getByRole('button', { name: 'Link source…' }).click();
  await page.getByLabel('Source to link').selectOption({ label: '“The Washington Post”' });
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await page.locator('.card.sel .link-jump').waitFor();
});
after(async () => { await browser?.close(); server?.close(); });

/** Opens the menu, picks `format`, and returns every file that arrives (name → text). */
async function download(format, files = 1) {
  await page.click('#article-menu');
  // Visible to a person, not merely present: the item is what sits at its own centre.
  const onTop = await page.locator(`#export-${format}`).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
  assert.ok(onTop, `#export-${format} is hidden or clipped`);
  const arriving = [];
  page.on('download', (d) => arriving.push(d));
  await page.click(`#export-${format}`);
  while (arriving.length < files) await page.waitForEvent('download');
  page.removeAllListeners('download');
  assert.equal(await page.locator('#article-menu').getAttribute('aria-expanded'), 'false', 'the menu closes after a choice');
  assert.equal(await page.locator(`#export-${format}`).isVisible(), false);
  const out = {};
  for (const d of arriving) out[d.suggestedFilename()] = readFileSync(await d.path(), 'utf8');
  return out;
}

const STEM = 'China reached Japan’s sensitive defense networks_ US paper';

test('W3C export passes the W3C test suite MUST assertions', async () => {
  const files = await download('w3c');
  const collection = JSON.parse(files[`${STEM}.w3c.jsonld`]);
  assert.deepEqual(failedMusts('collections/collectionMusts.test', collection), []);
  assert.deepEqual(failedMusts('collections/pages/pageMusts.test', collection.first), []);
  assert.equal(collection.first.items.length, 3);
  for (const annotation of collection.first.items) {
    assert.deepEqual(failedMusts('annotations/annotationMusts.test', annotation), []);
  }
  const claim = collection.first.items.find((a) => a.body[0].value === 'claim');
  const source = collection.first.items.find((a) => a.body[0].value === 'source');
  assert.deepEqual(claim.motivation, ['classifying', 'commenting', 'assessing', 'linking']);
  assert.ok(claim.body.some((b) => b.purpose === 'assessing' && b.value === 'disputed'));
  assert.ok(claim.body.some((b) => b.type === 'SpecificResource' && b.purpose === 'linking' && b.source === source.id));
  const position = claim.target.selector.find((s) => s.type === 'TextPositionSelector');
  assert.deepEqual([position.start, position.end], Object.values(codePoints(SAMPLE, 'Chinese military hackers')));
});

test('a broken annotation fails the W3C assertions (the check can fail)', async () => {
  const collection = JSON.parse((await download('w3c'))[`${STEM}.w3c.jsonld`]);
  const broken = { ...collection.first.items[0], id: 'not a uri', '@context': 'x' };
  assert.notDeepEqual(failedMusts('annotations/annotationMusts.test', broken), []);
});

test('doccano JSONL carries the text and code point offsets, and imports back', async () => {
  const files = await download('doccano');
  const name = `${STEM}.doccano.jsonl`;
  const line = JSON.parse(files[name]);
  assert.equal(line.text, SAMPLE);
  const source = line.entities.find((e) => e.label === 'Source');
  assert.deepEqual([source.start_offset, source.end_offset], Object.values(codePoints(SAMPLE, 'The Washington Post')));
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(files[name]) });
  await page.locator('.notice', { hasText: '0 annotations added to this article, 3 already here' }).waitFor();
  assert.equal(await page.locator('.card').count(), 3);
});

test('brat standoff downloads the .ann and the .txt it counts in', async () => {
  const files = await download('brat', 2);
  assert.equal(files[`${STEM}.txt`], SAMPLE);
  const ann = files[`${STEM}.ann`].trim().split('\n');
  const { start, end } = codePoints(SAMPLE, 'Paul Nakasone');
  assert.ok(ann.includes(`T3\tEntity ${start} ${end}\tPaul Nakasone`), ann.join('\n'));
  assert.ok(ann.some((l) => /^#1\tAnnotatorNotes T1\t=HYPERLINK/.test(l)));
});

test('CSV defuses formulas', async () => {
  const csv = (await download('csv'))[`${STEM}.annotations.csv`];
  assert.match(csv, /^id,tag,start,end,quote,prefix,suffix,note,created,modified,orphan,status,entity_type,sources,creator,article_url,article_site,article_authors,article_published\n/);
  assert.match(csv, /"'=HYPERLINK\(""x""\) needs a second source"/);
});

test('the HTML report is self-contained, highlighted, linked and runs nothing', async () => {
  const html = (await download('html'))[`${STEM}.report.html`];
  const report = await browser.newPage();
  const errors = [];
  report.on('pageerror', (e) => errors.push(e.message));
  report.on('request', (r) => { if (!r.url().startsWith('data:')) errors.push(`request ${r.url()}`); });
  await report.setContent(html);
  assert.equal(await report.locator('article mark.claim').first().textContent(), 'Chinese military hackers');
  assert.equal(await report.locator('h2').allTextContents().then((h) => h.join('|')), 'Claim (1)|Source (1)|Entity (1)');
  // The claim's status and its source, which links to the source's entry (and back).
  const claim = report.locator('li').filter({ has: report.locator('blockquote', { hasText: /^Chinese military hackers$/ }) });
  assert.match(await claim.locator('small').textContent(), /Disputed · sources: The Washington Post/);
  await claim.getByRole('link', { name: 'The Washington Post' }).click();
  await report.waitForFunction(() => document.querySelector('li:target blockquote')?.textContent === 'The Washington Post');
  await report.locator('li:target').getByRole('link', { name: 'Chinese military hackers' }).click();
  await report.waitForFunction(() => document.querySelector('li:target blockquote')?.textContent === 'Chinese military hackers');
  // When it was made and for which text; places are paragraphs, linked, never raw offsets.
  assert.match(await report.locator('.made').textContent(), /^Made \d{4}-\d\d-\d\d \d\d:\d\d UTC · text version [0-9a-f]{12} \(\d+ paragraphs\) · 3 annotations$/);
  for (const small of await report.locator('li small').allTextContents()) assert.doesNotMatch(small, /\d+–\d+/);
  await claim.getByRole('link', { name: /^paragraph \d+$/ }).click();
  await report.waitForFunction(() => document.querySelector('p.line:target mark.claim')?.textContent === 'Chinese military hackers');
  assert.deepEqual(errors, []);
  await report.close();
});

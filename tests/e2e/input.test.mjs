// Bad and hostile input: a clear message, nothing lost, nothing executed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { choose, codePoints, dragOver, exportFile, launch, openApp, SAMPLE, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function withOneClaim(page) {
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('1');
  await page.locator('.card').waitFor();
}

async function importFile(page, name, content) {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
  return page.locator('.notice .notice-text').textContent();
}

test('imports that are not exports are refused and change nothing', async () => {
  const page = await openApp(browser, server.url);
  await withOneClaim(page);
  const cases = [
    ['notes.json', 'this is not json', /not valid JSON/],
    ['other.json', '{"rows": [1, 2]}', /not an Article Annotator export/],
    ['future.json', '{"format": "article-annotator", "schema_version": 9}', /schema version 9/],
    ['shape.json', '{"format": "article-annotator", "schema_version": 1, "document": {"title": "t"}}', /damaged: missing field `text`/],
  ];
  for (const [name, content, message] of cases) {
    assert.match(await importFile(page, name, content), message);
    await page.locator('.notice .dismiss').click();
  }
  const { text } = await exportFile(page);
  const good = JSON.parse(text);
  good.annotations[0].end = 99999;
  assert.match(await importFile(page, 'edited.json', JSON.stringify(good)),
    new RegExp(`0 imported, 1 skipped: #1 end 99999 is past the text length ${Array.from(SAMPLE).length}`));
  assert.equal(await page.locator('.card').count(), 1, 'the open work is untouched');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('binary files and empty pastes get a message', async () => {
  const page = await openApp(browser, server.url);
  await choose(page, '#new-article');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  assert.match(await page.locator('.form-error').textContent(), /no text to annotate/);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]);
  await page.setInputFiles('.dialog input[type=file]', { name: 'photo.txt', mimeType: 'text/plain', buffer: png });
  assert.match(await page.locator('.notice.error').textContent(), /not plain text/);
  assert.match(await page.locator('.doc-title').textContent(), /China reached Japan/, 'the article stays open');
  await page.context().close();
});

/** A DataTransfer holding one file, as a drag from the desktop carries it. */
const carrying = (page, text, name, type) => page.evaluateHandle(([text, name, type]) => {
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type }));
  return dt;
}, [text, name, type]);

test('a file dragged over the page shows where to drop it; a dropped .md opens titled by its first heading', async () => {
  const page = await openApp(browser, server.url);
  const drop = await carrying(page, '# Budget\n\nThe minister said taxes fall.', 'Budget_speech.md', 'text/markdown');
  await page.dispatchEvent('.app', 'dragenter', { dataTransfer: drop });
  await page.locator('.drop-target', { hasText: 'Drop a .txt, .md or .html file' }).waitFor();
  await page.dispatchEvent('.app', 'drop', { dataTransfer: drop });
  await page.locator('.doc-title', { hasText: 'Budget' }).waitFor();
  assert.equal(await page.locator('.drop-target').count(), 0, 'the drop target goes with the drop');
  assert.equal(await page.locator('.doc-title').textContent(), 'Budget', 'not the file name');
  assert.equal(await page.title(), 'Budget — Article Annotator', 'the browser tab names the article');
  assert.equal(await page.locator('#article-text .line').first().textContent(), 'Budget', 'read as Markdown');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a Markdown file is read as Markdown: no syntax in the text, its links kept as data, never live', async () => {
  const page = await openApp(browser, server.url);
  const md = [
    '# The *budget* speech', '',
    'The minister said **taxes** fall, says [the ministry](https://gov.test/budget "Press release").', '',
    '- Income tax', '- `VAT` stays', '',
    '> A quote with a <span onclick="alert(1)">tag</span>.', '',
    '<script>window.__pwned = 1</script>',
  ].join('\n');
  await choose(page, '#new-article');
  await page.setInputFiles('.dialog input[type=file]', { name: 'speech.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
  await page.locator('.doc-title', { hasText: 'The budget speech' }).waitFor();
  const lines = (await page.locator('#article-text .line').allTextContents()).filter((l) => l !== '');
  assert.deepEqual(lines, ['The budget speech', 'The minister said taxes fall, says the ministry.', '• Income tax', '• VAT stays',
    'A quote with a tag.']);
  assert.match(await page.locator('.notice-text').textContent(), /as Markdown\. Its link is kept with the article, not as a live link\./);
  assert.equal(await page.locator('.app a[href]:not(.skip)').count(), 0, 'no live link');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const text = await page.locator('#article-text').textContent();
  const { links, text: saved } = JSON.parse((await exportFile(page)).text).document;
  assert.deepEqual(links, [{ ...codePoints(saved, 'the ministry'), url: 'https://gov.test/budget', title: 'Press release' }]);
  assert.ok(text.includes('the ministry'));
  // Kept in the browser too.
  await page.reload();
  await page.locator('.doc-title', { hasText: 'The budget speech' }).waitFor();
  assert.deepEqual(JSON.parse((await exportFile(page)).text).document.links, links);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a dropped .txt opens titled by its first line; dragging text from the page shows no drop target', async () => {
  const page = await openApp(browser, server.url);
  const text = await page.evaluateHandle(() => { const dt = new DataTransfer(); dt.setData('text/plain', 'words'); return dt; });
  await page.dispatchEvent('.app', 'dragenter', { dataTransfer: text });
  assert.equal(await page.locator('.drop-target').count(), 0);
  const drop = await carrying(page, '\n  Taxes will fall, the minister says  \nMore text.', 'notes_3.txt', 'text/plain');
  await page.dispatchEvent('.app', 'drop', { dataTransfer: drop });
  await page.locator('.doc-title', { hasText: 'Taxes will fall, the minister says' }).waitFor();
  assert.equal(await page.title(), 'Taxes will fall, the minister says — Article Annotator');
  await page.context().close();
});

test('a file chosen in the dialog takes the typed title', async () => {
  const page = await openApp(browser, server.url);
  await choose(page, '#new-article');
  await page.fill('#load-title-input', 'Minister’s speech, 3 May');
  await page.setInputFiles('.dialog input[type=file]', { name: 'speech.txt', mimeType: 'text/plain', buffer: Buffer.from('Taxes will fall.\r\n') });
  await page.locator('.doc-title', { hasText: 'Minister’s speech, 3 May' }).waitFor();
  assert.equal(await page.locator('#article-text').textContent(), 'Taxes will fall.');
  await page.context().close();
});

test('a file over the size limit is refused before it is read', async () => {
  const page = await openApp(browser, server.url);
  const big = Buffer.alloc(21 * 1024 * 1024, 'a');
  await page.setInputFiles('#import-file', { name: 'huge.txt', mimeType: 'text/plain', buffer: big });
  assert.match(await page.locator('.notice.error').textContent(), new RegExp(`${big.length} bytes; the limit is 20971520 bytes`));
  assert.match(await page.locator('.doc-title').textContent(), /China reached Japan/);
  await page.context().close();
});

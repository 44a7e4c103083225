// A person annotating the sample article: drag, tag, reload, export, import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { choose, codePoints, dragOver, exportFile, launch, needleBox, openApp, openPasted, SAMPLE, savedCount, serveDist, tag } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('shows the sample article when nothing is saved', async () => {
  const page = await openApp(browser, server.url);
  assert.equal(await page.locator('.doc-title').textContent(), 'China reached Japan’s sensitive defense networks: US paper');
  const rendered = await page.locator('#article-text .line').evaluateAll((ls) => ls.map((l) => l.textContent).join('\n'));
  assert.equal(rendered, SAMPLE, 'the article is shown character for character');
  assert.match(await page.locator('.sidebar .empty').textContent(), /No annotations yet/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('drag, tag as Claim, reload, export: exact code point offsets', async () => {
  const page = await openApp(browser, server.url);
  // Drag over part of the words: snapping widens to whole words.
  await dragOver(page, 'inese military hack');
  await page.locator('.picker').waitFor();
  await page.locator('.picker').getByRole('button', { name: /Claim/ }).click();

  const mark = page.locator('mark.in-claim');
  assert.equal((await mark.allTextContents()).join(''), 'Chinese military hackers');
  assert.equal(await mark.first().getAttribute('data-label'), 'Claim');
  assert.equal(await page.locator('.picker').count(), 0, 'the picker closes after tagging');
  assert.match(await page.locator('.filter.tag-claim').textContent(), /Claim\s*1/);

  await savedCount(page, 1);
  await page.reload();
  await page.locator('mark.in-claim').first().waitFor();
  assert.equal((await page.locator('mark.in-claim').allTextContents()).join(''), 'Chinese military hackers');
  assert.equal(await page.locator('.card').count(), 1);

  const { name, text } = await exportFile(page);
  assert.equal(name, 'China reached Japan’s sensitive defense networks_ US paper.annotations.json');
  const data = JSON.parse(text);
  assert.equal(data.schema_version, 3);
  assert.equal(data.document.text, SAMPLE);
  assert.equal(data.document.sha256, createHash('sha256').update(SAMPLE).digest('hex'));
  const [a] = data.annotations;
  const want = codePoints(SAMPLE, 'Chinese military hackers');
  assert.deepEqual([a.tag, a.start, a.end, a.exact], ['claim', want.start, want.end, 'Chinese military hackers']);
  assert.equal(a.prefix, Array.from(SAMPLE).slice(want.start - 32, want.start).join(''));
  assert.equal(a.suffix, Array.from(SAMPLE).slice(want.end, want.end + 32).join(''));
  assert.match(a.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('import of an export restores it and exports the same bytes', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'The Washington Post');
  await page.keyboard.press('2');
  await dragOver(page, 'Paul Nakasone');
  await page.keyboard.press('3');
  await page.locator('.card').nth(1).waitFor();
  const first = await exportFile(page);

  // Replace the article, then import the export back.
  await choose(page, '#new-article');
  await page.fill('#load-text', 'Something else entirely.');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  assert.equal(await page.locator('.card').count(), 0);
  await page.setInputFiles('#import-file', { name: first.name, mimeType: 'application/json', buffer: Buffer.from(first.text) });
  await page.locator('.card').nth(1).waitFor();
  assert.equal(await page.locator('.doc-title').textContent(), 'China reached Japan’s sensitive defense networks: US paper');
  const second = await exportFile(page);
  assert.equal(second.text, first.text);
  await page.context().close();
});

test('a drag released past the end of the line still offers the tag picker', async () => {
  const page = await openApp(browser, server.url);
  // The last words of a paragraph, then on past the text column, as people drag.
  const box = await needleBox(page, 'according to the newspaper.');
  const column = await page.locator('#article-text').boundingBox();
  const away = [column.x + column.width + 40, box.y2];
  assert.equal(await page.evaluate(([x, y]) => document.elementFromPoint(x, y).closest('#article-text'), away), null,
    'the pointer is let go outside the text');
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(...away, { steps: 8 });
  await page.mouse.up();
  await page.locator('.picker').waitFor();
  await page.keyboard.press('1');
  assert.equal((await page.locator('mark.in-claim').allTextContents()).join(''), 'according to the newspaper.');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('tagging leaves the article where it is and shows the new card below the toolbar', async () => {
  // A short window: the sidebar's cards overflow it at once.
  const context = await browser.newContext({ viewport: { width: 1280, height: 480 } });
  const page = await openApp(browser, server.url, context);
  const shown = (selector) => page.waitForFunction((selector) => {
    const card = document.querySelector(selector)?.getBoundingClientRect();
    const side = document.querySelector('.sidebar').getBoundingClientRect();
    const top = Math.max(side.top, document.querySelector('.top').getBoundingClientRect().bottom);
    return card && card.top >= top - 1 && card.bottom <= Math.min(side.bottom, innerHeight) + 1;
  }, selector);
  for (const [needle, key] of [['The Washington Post', '2'], ['Paul Nakasone', '3'], ['Lloyd Austin', '3']]) {
    await dragOver(page, needle);
    await page.locator('.picker').waitFor();
    const before = await page.evaluate(() => scrollY);
    await page.keyboard.press(key);
    await shown('.card.sel');
    assert.equal(await page.evaluate(() => scrollY), before, `tagging ${needle} did not scroll the page`);
    assert.equal(await page.locator('.card.sel .quote').first().textContent(), needle);
  }
  const [side, top] = await Promise.all(['.sidebar', '.top'].map((s) => page.locator(s).boundingBox()));
  assert.ok(side.y >= top.y + top.height - 1, 'no part of the sidebar is under the toolbar');
  await page.context().close();
});

test('tagging in a paragraph leaves its other highlights as they were, before and after', async () => {
  const page = await openApp(browser, server.url);
  await openPasted(page, 'one paragraph', 'alpha beta gamma delta epsilon zeta eta theta iota kappa');
  for (const word of ['beta', 'epsilon', 'kappa']) await tag(page, word, '1');
  // Nothing selected: a new span is selected, and what was loses its ring and grips.
  await page.keyboard.press('Escape');
  await page.locator('#article-text mark.sel').waitFor({ state: 'detached' });
  // The elements of the later highlights, and every change made to them from here on.
  await page.evaluate(() => {
    window.later = [...document.querySelectorAll('#article-text mark')];
    window.changes = [];
    const observer = new MutationObserver((records) => window.changes.push(...records
      .filter((r) => window.later.some((m) => m === r.target || m.contains(r.target)))
      .map((r) => `${r.type} ${r.attributeName ?? ''} on ${r.target.textContent}`)));
    observer.observe(document.getElementById('article-text'), { subtree: true, attributes: true, childList: true, characterData: true });
  });
  // Between two of them (the list used to be matched from its end: what came before the
  // new span was rewritten one place along).
  await tag(page, 'theta', '2');
  const after = await page.evaluate(() => ({
    connected: window.later.map((m) => m.isConnected),
    texts: window.later.map((m) => m.textContent),
    changes: window.changes,
  }));
  assert.deepEqual(after.texts, ['beta', 'epsilon', 'kappa']);
  assert.deepEqual(after.connected, [true, true, true], 'the same elements');
  assert.deepEqual(after.changes, [], 'and nothing in them rewritten');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

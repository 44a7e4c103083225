// Overlapping spans, sidebar and highlight links, editing, undo and redo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dragOver, launch, openApp, savedCount, serveDist, showItem } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const SENTENCE = 'Tokyo took steps to strengthen its networks, the paper said';

test('nested and crossing spans stay visible and clickable', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, SENTENCE);
  await page.keyboard.press('1'); // claim over the sentence
  await dragOver(page, 'Tokyo');
  await page.keyboard.press('3'); // entity inside it
  await dragOver(page, 'the paper said. Still');
  await page.keyboard.press('2'); // source crossing the claim's end
  await page.locator('.card').nth(2).waitFor();

  // Every span has highlighted text; the nested one is marked as nested.
  const tokyo = page.locator('mark.in-entity', { hasText: 'Tokyo' });
  assert.equal(await tokyo.count(), 1);
  assert.match(await tokyo.getAttribute('class'), /has-claim.*has-entity|has-entity.*has-claim/);
  assert.match(await tokyo.getAttribute('class'), /\bnested\b/);
  const crossing = page.locator('mark.has-claim.has-source');
  assert.equal((await crossing.allTextContents()).join(''), 'the paper said');

  // A click picks the innermost span and selects its card.
  await tokyo.click();
  await page.locator('.card.sel.tag-entity').waitFor();
  await page.locator('mark.in-claim', { hasText: 'took steps' }).click();
  await page.locator('.card.sel.tag-claim').waitFor();
  await page.locator('mark.in-source', { hasText: 'Still' }).click();
  await page.locator('.card.sel.tag-source').waitFor();

  // Filters and counts.
  await page.locator('.filter.tag-entity').click();
  assert.deepEqual(await page.locator('.card .badge').allTextContents(), ['Entity']);
  await page.locator('.filter', { hasText: 'All' }).click();
  assert.equal(await page.locator('.card').count(), 3);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('clicking a card scrolls to and marks its highlight', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'return to top');
  await page.keyboard.press('1');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.card-head').click();
  await page.locator('mark.sel', { hasText: 'return to top' }).waitFor();
  await page.waitForFunction(() => {
    const r = document.querySelector('mark.sel').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  await page.context().close();
});

test('retag, note, delete, then undo and redo each step', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'Anne Neuberger');
  await page.keyboard.press('3');
  const card = page.locator('.card.sel');
  await card.locator('select').first().selectOption('source');
  await page.locator('mark.in-source', { hasText: 'Anne Neuberger' }).waitFor();
  await card.locator('textarea').fill('Deputy NSA for cyber <b>check</b>');
  await card.getByRole('button', { name: 'Delete' }).click();
  assert.equal(await page.locator('.card').count(), 0);
  await savedCount(page, 0);

  await page.keyboard.press('Control+z'); // undo delete
  await page.locator('.card').waitFor();
  assert.equal(await page.locator('mark.in-source').first().textContent(), 'Anne Neuberger');
  await page.locator('mark.in-source').first().click();
  assert.equal(await page.locator('.card.sel textarea').inputValue(), 'Deputy NSA for cyber <b>check</b>');
  await page.getByRole('button', { name: 'Undo' }).click(); // undo the note (one step)
  assert.equal(await page.locator('.card.sel textarea').inputValue(), '');
  await page.keyboard.press('Control+z'); // undo retag
  await page.locator('mark.in-entity', { hasText: 'Anne Neuberger' }).waitFor();
  await page.keyboard.press('Control+z'); // undo add
  await page.locator('.sidebar .empty').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);

  await page.keyboard.press('Control+Shift+z'); // redo add
  await page.locator('mark.in-entity').waitFor();
  await page.keyboard.press('Control+y'); // redo retag
  await page.locator('mark.in-source').waitFor();
  await page.getByRole('button', { name: 'Redo' }).click(); // redo note
  await page.keyboard.press('Control+y'); // redo delete
  await page.locator('.sidebar .empty').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Redo' }).isDisabled(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the last edit is saved when the tab is closed, before the debounce', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('2');
  // Closed at once: the debounced save never fires; pagehide's must reach the disk.
  await page.close();
  const again = await openApp(browser, server.url, page.context());
  await again.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  assert.equal((await again.evaluate(() => window.storedAnnotations()))[0].exact, 'JIJI Press');
  await again.context().close();
});

test('an edit hidden with its tab before the page has drawn it is saved', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'JIJI Press');
  await page.locator('.picker').waitFor();
  // A slow frame: the tab is hidden after the key is handled, before the render that
  // follows it. Counting IndexedDB writes made while the page hides.
  const writes = await page.evaluate(() => {
    let n = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) { n += 1; return put.apply(this, args); };
    try {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true, cancelable: true }));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    return n;
  });
  assert.ok(writes > 0, 'the edit went to storage as the tab was hidden');
  await page.close();
  const again = await openApp(browser, server.url, page.context());
  await again.locator('mark.hl', { hasText: 'JIJI Press' }).waitFor();
  assert.equal((await again.evaluate(() => window.storedAnnotations()))[0].exact, 'JIJI Press');
  await again.context().close();
});

test('word snapping can be turned off, and the choice is remembered', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'inese military hack');
  await page.keyboard.press('1');
  assert.equal((await page.locator('mark.hl').allTextContents()).join(''), 'Chinese military hackers');

  await showItem(page, '#snap-words');
  await page.locator('#snap-words').uncheck();
  await dragOver(page, 'telligen'); // part of "intelligence"
  await page.keyboard.press('2');
  assert.equal((await page.locator('mark.in-source').allTextContents()).join(''), 'telligen');
  await page.reload();
  await page.locator('#article-text .line').first().waitFor();
  assert.equal(await page.locator('#snap-words').isChecked(), false);
  await page.context().close();
});

// Touch: a finger selects text (long press and handles, no mouseup), the tag picker
// appears and is tapped, tapping a highlight selects it, and its handles can be dragged.
// Chromium's touch emulation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Centre of the first rendered occurrence of `needle` (viewport coordinates), scrolled into view. */
const centreOf = (page, needle) => page.evaluate((needle) => {
  const walker = document.createTreeWalker(document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode() && !walker.currentNode.data.includes(needle));
  const text = walker.currentNode;
  text.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
  const range = document.createRange();
  range.setStart(text, text.data.indexOf(needle));
  range.setEnd(text, text.data.indexOf(needle) + needle.length);
  const r = range.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}, needle);

test('select with a finger, tap a tag, tap a highlight, drag its end', async () => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await openApp(browser, server.url, context);
  const at = await centreOf(page, 'The Washington Post');
  await page.touchscreen.tap(at.x, at.y);
  // A long press selects a word and its handles widen the selection; the browser then
  // only reports selection changes, which is what this does.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !walker.currentNode.data.includes('The Washington Post'));
    const text = walker.currentNode;
    const start = text.data.indexOf('The Washington Post');
    getSelection().setBaseAndExtent(text, start, text, start + 'The Washington'.length);
    getSelection().setBaseAndExtent(text, start, text, start + 'The Washington Post'.length);
  });
  const picker = page.getByRole('toolbar', { name: 'Tag the selection' });
  await picker.waitFor();
  const button = await picker.getByRole('button', { name: /Source/ }).boundingBox();
  await page.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);
  const mark = page.locator('mark.in-source');
  await mark.first().waitFor();
  assert.equal((await mark.allTextContents()).join(''), 'The Washington Post');
  assert.equal(await picker.count(), 0);

  // Tapping plain text deselects; tapping the highlight selects it again.
  const plain = await centreOf(page, 'reported in its online');
  await page.touchscreen.tap(plain.x, plain.y);
  await page.locator('.card.sel').waitFor({ state: 'detached' });
  const again = await centreOf(page, 'Washington');
  await page.touchscreen.tap(again.x, again.y);
  await page.locator('.card.sel', { hasText: 'The Washington Post' }).waitFor();

  // Drag the end's handle with the finger to the middle of the next word: the extent it
  // would give shows while the finger moves, and is kept when it lifts.
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await page.locator('.handle.end').waitFor({ state: 'attached' });
  const to = await centreOf(page, 'reported'); // scrolls it into view, so first
  const grip = await page.locator('.handle.end').boundingBox(); // drawn above the end's top
  await touch('touchStart', grip.x, grip.y + 2);
  for (let i = 1; i <= 5; i++) await touch('touchMove', grip.x + (to.x - grip.x) * i / 5, grip.y + 2 + (to.y - grip.y - 2) * i / 5);
  await page.waitForFunction(() => [...(CSS.highlights.get('resize') ?? [])].map(String).join('|') === 'The Washington Post reported');
  await touch('touchEnd');
  await page.locator('.card.sel .quote', { hasText: 'The Washington Post reported' }).waitFor();
  assert.equal(await page.evaluate(() => CSS.highlights.get('resize')?.size ?? 0), 0, 'the preview is gone');
  assert.deepEqual(page.errors, []);
  await context.close();
});

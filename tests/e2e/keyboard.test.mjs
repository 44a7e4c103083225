// Everything without a mouse: caret mode in the article, tag keys, j/k, Enter, Escape,
// Delete, `?`, moving an annotation's ends by keyboard, and by dragging its handles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dragOver, launch, openApp, SAMPLE, serveDist, showItem } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The focused element's id/class and whether it shows a focus ring. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  // A ring, or (the article, which holds the caret) a bar of the focus colour at its side.
  const bar = getComputedStyle(el, '::before');
  const side = bar.content !== 'none' && parseFloat(bar.width) >= 3 && parseFloat(bar.height) > 0
    && bar.backgroundColor !== 'rgba(0, 0, 0, 0)';
  return { id: el.id, tag: el.tagName, inCard: !!el.closest('.card.sel'), ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || side };
});
const announced = (page, text) => page.waitForFunction((t) => document.getElementById('announcer').textContent.includes(t), text);
const quotes = (page) => page.locator('.card .quote').allTextContents();
/** Which occurrence of `word` is the one inside `phrase` (the first occurrence of it). */
const nthIn = (word, phrase) => SAMPLE.slice(0, SAMPLE.indexOf(phrase)).split(word).length - 1;
const SENSITIVE = nthIn('sensitive', 'most sensitive computer');
/** Resolves once the selected card quotes `q`. */
const quoteIs = (page, q) => page.waitForFunction((q) => document.querySelector('.card.sel .quote').textContent === q, q);

/** Moves the caret from the start of the article to code point `at` with arrow keys. */
async function caretTo(page, at) {
  const before = Array.from(SAMPLE).slice(0, at).join('');
  const lines = before.split('\n');
  for (let i = 0; i < lines.length - 1; i++) await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < Array.from(lines.at(-1)).length; i++) await page.keyboard.press('ArrowRight');
}

test('keyboard only: reach the text, move a caret, select, tag, move between, open, delete', async () => {
  const page = await openApp(browser, server.url);
  // The first Tab reaches the skip link; following it puts focus on the article.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).tag, 'A');
  await page.keyboard.press('Enter');
  let f = await focused(page);
  assert.equal(f.id, 'article-text');
  assert.ok(f.ring, 'focus is visible on the article');
  assert.equal(await page.locator('#caret').evaluate((c) => getComputedStyle(c).display), 'block', 'the caret is drawn');

  const at = Array.from(SAMPLE.slice(0, SAMPLE.indexOf('Chinese military hackers'))).length;
  await caretTo(page, at);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'Chinese military hackers');
  await page.locator('.picker').waitFor();
  await page.keyboard.press('1');
  await announced(page, 'Claim added');
  assert.deepEqual(await quotes(page), ['Chinese military hackers']);

  // Shift+End selects to the end of the line; 2 tags it as a source.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('2');
  await announced(page, 'Source added');
  assert.equal((await quotes(page)).length, 2);

  // j and k move between annotations; each is announced and selected.
  await page.keyboard.press('j');
  await page.locator('.card.sel').waitFor();
  const first = await page.locator('.card.sel .quote').textContent();
  await page.keyboard.press('j');
  await page.waitForFunction((q) => document.querySelector('.card.sel .quote').textContent !== q, first);
  await page.keyboard.press('k');
  await page.waitForFunction((q) => document.querySelector('.card.sel .quote').textContent === q, first);

  // Enter opens the selected card: focus is on its first control, with a ring.
  await page.keyboard.press('Enter');
  f = await focused(page);
  assert.ok(f.inCard && f.tag === 'SELECT' && f.ring, JSON.stringify(f));
  await page.keyboard.press('ArrowDown'); // a select changes with the arrow keys
  // Escape goes back to the article; Delete removes the selected annotation.
  await page.keyboard.press('Escape');
  assert.equal((await focused(page)).id, 'article-text');
  await page.keyboard.press('Delete');
  await announced(page, 'deleted');
  assert.equal((await quotes(page)).length, 1);
  await page.keyboard.press('Control+z');
  await page.locator('.card').nth(1).waitFor();

  // `?` lists every shortcut, including the tag keys; Escape closes it.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Tag the selection .* as Claim/);
  assert.match(await dialog.textContent(), /Shift\+Alt\+← \/ →/);
  assert.equal((await focused(page)).tag, 'BUTTON');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('↑/↓ and Home/End follow the lines as the window wraps them; Ctrl goes by paragraph', async () => {
  const page = await openApp(browser, server.url);
  const PARA = SAMPLE.split('\n').find((l) => l.startsWith('TOKYO:'));
  // The oracle: where the browser wrapped the paragraph, from the boxes of its characters.
  const secondLine = await page.evaluate((para) => {
    const p = [...document.querySelectorAll('#article-text .line')].find((l) => l.textContent === para);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const tops = [];
    while (walker.nextNode()) {
      for (let i = 0; i < walker.currentNode.length; i++) {
        const r = document.createRange();
        r.setStart(walker.currentNode, i);
        r.setEnd(walker.currentNode, i + 1);
        tops.push(r.getClientRects()[0]?.top ?? tops.at(-1));
      }
    }
    return tops.findIndex((t) => t > tops[0] + 4);
  }, PARA);
  assert.ok(secondLine > 0 && secondLine < PARA.length - 1, 'the paragraph wraps in this window');

  await page.locator('#article-text').focus();
  await caretTo(page, Array.from(SAMPLE.slice(0, SAMPLE.indexOf(PARA))).length);
  await page.keyboard.press('Shift+ArrowDown');
  assert.equal(await page.evaluate(() => getSelection().toString()), PARA.slice(0, secondLine), 'one line down, not one paragraph');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+End');
  assert.equal((await page.evaluate(() => getSelection().toString())).trimEnd(), PARA.slice(0, secondLine).trimEnd());
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  assert.equal((await page.evaluate(() => getSelection().toString())).trimEnd(), PARA.slice(0, secondLine).trimEnd());
  // Ctrl+↓ from inside a paragraph goes to the start of the next one (past the empty line).
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+ArrowDown');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'The');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Shift+Alt+arrows move the selected annotation\'s end, with Ctrl its start, by word', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'sensitive', SENSITIVE);
  await page.keyboard.press('1');
  await quoteIs(page, 'sensitive');
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await quoteIs(page, 'sensitive computer');
  await page.keyboard.press('Control+Shift+Alt+ArrowLeft');
  await quoteIs(page, 'most sensitive computer');
  await page.keyboard.press('Shift+Alt+ArrowLeft');
  await quoteIs(page, 'most sensitive');
  await announced(page, 'Now “most sensitive”');
  // Snapping off: by character (grapheme).
  await showItem(page, '#snap-words');
  await page.locator('#snap-words').uncheck();
  await page.keyboard.press('Shift+Alt+ArrowLeft');
  await quoteIs(page, 'most sensitiv');
  await page.keyboard.press('Control+z');
  await quoteIs(page, 'most sensitive');
  // The card's buttons do the same.
  await page.getByRole('button', { name: 'Shrink the end' }).click();
  await quoteIs(page, 'most sensitiv');
  await page.getByRole('button', { name: 'Extend the start' }).click();
  await quoteIs(page, '“most sensitiv');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('dragging a handle moves that end, snapped to words', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'sensitive', SENSITIVE);
  await page.keyboard.press('1');
  /** Viewport point of the `i`th character of the first unmarked segment starting with `prefix`. */
  const pointIn = (prefix, i) => page.evaluate(([prefix, i]) => {
    const seg = [...document.querySelectorAll('#article-text span[data-s]')].find((s) => s.textContent.startsWith(prefix));
    const range = document.createRange();
    range.setStart(seg.firstChild, i);
    range.setEnd(seg.firstChild, i + 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, [prefix, i]);
  /** What the drag would give, as shown before the handle is let go. */
  const previewed = (text) => page.waitForFunction((t) => [...(CSS.highlights.get('resize') ?? [])].map(String).join('|') === t, text);
  const drag = async (handle, to, during = async () => {}) => {
    // The grip is drawn above the end's top and below the start's bottom.
    const box = await page.locator(handle).boundingBox();
    await page.mouse.move(box.x, handle.endsWith('end') ? box.y + 2 : box.y + box.height + 1);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await during();
    await page.mouse.up();
  };
  await page.locator('.handle.end').waitFor({ state: 'attached' });
  // Let go in the middle of "computer": snapping takes the whole word, as the preview shows.
  await drag('.handle.end', await pointIn(' computer', 4), () => previewed('sensitive computer'));
  await quoteIs(page, 'sensitive computer');
  assert.equal(await page.evaluate(() => CSS.highlights.get('resize')?.size ?? 0), 0, 'the preview goes on drop');
  const before = await page.evaluate(() => {
    const seg = [...document.querySelectorAll('#article-text span[data-s]')].find((s) => s.textContent.includes('“most '));
    return seg.textContent.indexOf('most') + 1;
  });
  const seg = await page.evaluate(() => [...document.querySelectorAll('#article-text span[data-s]')].find((s) => s.textContent.includes('“most ')).textContent);
  await drag('.handle.start', await pointIn(seg, before));
  await quoteIs(page, 'most sensitive computer');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The first minutes (issue 16's numbered defects): the caret is drawn where it is, the tag
// picker stays in the window and out of the next drag's way, a key that is no tag's keeps
// the selection, labels leave right-to-left text in its order, and focus comes back after
// a dialog. Oracles are boxes from the page (getBoundingClientRect) and its selection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dragOver, launch, needleBox, openApp, openPasted, serveDist, showItem } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const announced = (page, text) => page.waitForFunction((t) => document.getElementById('announcer').textContent.includes(t), text);

/** The caret's box and that of the character just after the collapsed selection. */
const caretAndChar = (page) => page.evaluate(() => {
  const s = getSelection();
  const range = document.createRange();
  range.setStart(s.focusNode, s.focusOffset);
  range.setEnd(s.focusNode, s.focusOffset + 1);
  const c = range.getBoundingClientRect();
  const k = document.getElementById('caret').getBoundingClientRect();
  return { char: { left: c.left, top: c.top, bottom: c.bottom }, caret: { left: k.left, top: k.top, bottom: k.bottom, height: k.height } };
});

function assertCaretAtChar({ char, caret }, what) {
  assert.ok(caret.height > 0, `${what}: the caret is drawn`);
  assert.ok(Math.abs(caret.left - char.left) <= 3, `${what}: caret x ${caret.left} at the character's ${char.left}`);
  assert.ok(caret.top < char.bottom && caret.bottom > char.top, `${what}: caret ${caret.top}–${caret.bottom} beside the character ${char.top}–${char.bottom}`);
}

test('the keyboard caret is drawn on the character it is at, also after scrolling', async () => {
  const page = await openApp(browser, server.url);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  assertCaretAtChar(await caretAndChar(page), 'at the start');
  // Far enough down that the page scrolls (a short window, so it must).
  await page.setViewportSize({ width: 1280, height: 500 });
  for (let i = 0; i < 40 && await page.evaluate(() => scrollY) < 150; i++) await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.evaluate(() => scrollY) > 100, 'the page scrolled');
  assertCaretAtChar(await caretAndChar(page), 'after scrolling');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The picker's box, and whether its Claim button is what a click at its centre hits. */
const picker = (page) => page.evaluate(() => {
  const p = document.querySelector('.picker').getBoundingClientRect();
  const b = document.querySelector('.picker .pick').getBoundingClientRect();
  const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('.pick');
  return { left: p.left, right: p.right, top: p.top, bottom: p.bottom, width: innerWidth, height: innerHeight, clickable: hit === document.querySelector('.picker .pick') };
});

test('the tag picker stays inside the window on every side', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'Since');
  await page.locator('.picker').waitFor();
  let p = await picker(page);
  assert.ok(p.left >= 0 && p.right <= p.width, `inside left and right: ${JSON.stringify(p)}`);
  assert.ok(p.clickable, 'Claim can be clicked');

  // A selection on the window's last line: the picker goes above it.
  await page.keyboard.press('Escape');
  const wordBox = () => page.evaluate(() => {
    const line = [...document.querySelectorAll('#article-text .line')].find((l) => l.textContent.includes('sufficiently'));
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const at = walker.currentNode.data.indexOf('sufficiently');
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(walker.currentNode, at);
      r.setEnd(walker.currentNode, at + 12);
      const b = r.getClientRects()[0];
      return { x1: b.left + 1, x2: b.right - 1, y: b.top + b.height / 2, bottom: b.bottom };
    }
  });
  // The word on the window's last line: scrolled there, or the window made that short.
  const far = await wordBox();
  if (far.bottom > p.height - 20) await page.evaluate((by) => scrollBy({ top: by, behavior: 'instant' }), far.bottom - (p.height - 20));
  else await page.setViewportSize({ width: p.width, height: Math.round(far.bottom + 20) });
  const end = await wordBox();
  const height = await page.evaluate(() => innerHeight);
  assert.ok(end.bottom < height && end.bottom > height - 40, `the word is on the last line (${end.bottom} of ${height})`);
  await page.mouse.move(end.x1, end.y);
  await page.mouse.down();
  await page.mouse.move(end.x2, end.y, { steps: 4 });
  await page.mouse.up();
  await page.locator('.picker').waitFor();
  p = await picker(page);
  assert.ok(p.bottom <= p.height && p.top >= 0, `inside top and bottom: ${JSON.stringify(p)}`);
  assert.ok(p.bottom <= end.y, 'above the selection');
  assert.ok(p.clickable);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a new drag across the picker selects only the article text, and gets its own picker', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'steps to strengthen');
  await page.locator('.picker').waitFor();
  const from = await needleBox(page, 'sufficiently');
  const to = await needleBox(page, 'added');
  await page.mouse.move(from.x1, from.y1);
  await page.mouse.down();
  // Through where the picker was, to the end of "added".
  const p = await page.evaluate(() => document.querySelector('.picker')?.getBoundingClientRect().toJSON() ?? null);
  if (p) await page.mouse.move(p.left + p.width / 2, p.top + p.height / 2, { steps: 4 });
  await page.mouse.move(to.x2, to.y2, { steps: 6 });
  await page.mouse.up();
  assert.equal(await page.evaluate(() => getSelection().toString()), 'sufficiently secure, it added');
  await page.locator('.picker').waitFor();
  await page.keyboard.press('1');
  await page.locator('.card .quote', { hasText: 'sufficiently secure, it added' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a key that tags nothing keeps the selection and says which keys tag', async () => {
  const page = await openApp(browser, server.url);
  assert.match(await page.locator('.sidebar .empty').textContent(), /1 Claim, 2 Source, 3 Entity/);
  await dragOver(page, 'steps to strengthen');
  await page.locator('.picker').waitFor();
  await page.keyboard.press('s');
  await announced(page, 'Press 1 Claim, 2 Source, 3 Entity');
  assert.match(await page.locator('.notice').textContent(), /“s” is not a tag’s key\. Press 1 Claim, 2 Source, 3 Entity/);
  assert.equal(await page.evaluate(() => getSelection().toString()), 'steps to strengthen');
  assert.equal(await page.locator('.picker').count(), 1, 'the picker is still there');
  await page.keyboard.press('3');
  await announced(page, 'Entity added');
  // Retagged by key: grammatical.
  await page.keyboard.press('1');
  await announced(page, 'Now a Claim');
  await page.keyboard.press('3');
  await announced(page, 'Now an Entity');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a tag key let go after the tagged selection is still on the page does not select it again', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'steps to strengthen');
  await page.locator('.picker').waitFor();
  await page.keyboard.down('1');
  await page.locator('mark.hl', { hasText: 'steps to strengthen' }).waitFor();
  await page.locator('.picker').waitFor({ state: 'detached' });
  // A slow frame (a phone, a book) lets the key's release come before the page drops the
  // browser's selection: put it back as it was, then let go of the key.
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const at = walker.currentNode.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(walker.currentNode, at);
      range.setEnd(walker.currentNode, at + needle.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return;
    }
    throw new Error('the tagged text is not in one text node');
  }, 'steps to strengthen');
  await page.keyboard.up('1');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator('.picker').count(), 0, 'no picker for what was just tagged');
  await page.keyboard.press('Escape'); // with nothing pending, Escape deselects the new annotation
  await page.locator('.card.sel').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.card').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Each word's left and right edge on screen (by DOM ranges over the line's text). */
const wordBoxes = (page) => page.evaluate(() => {
  const line = document.querySelector('#article-text .line');
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  const out = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const m of node.data.matchAll(/\S+/gu)) {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      const b = r.getBoundingClientRect();
      out.push([m[0], Math.round(b.left), Math.round(b.right)]);
    }
  }
  return out;
});

for (const [script, text, word] of [
  ['Arabic', 'قال المتحدث إن الوضع مستقر في المدينة', 'المتحدث'],
  ['Hebrew', 'אמר הדובר כי המצב יציב בעיר', 'הדובר'],
]) {
  test(`tagging ${script} text moves no word, and the label sits at the span's right-to-left start`, async () => {
    const page = await openApp(browser, server.url);
    await openPasted(page, `${script} sample`, text);
    const before = await wordBoxes(page);
    await dragOver(page, word);
    await page.keyboard.press('1');
    await page.locator('#article-text mark.in-claim').waitFor();
    // To the pixel (shaping may round a word's edge differently once split into elements).
    const after = await wordBoxes(page);
    assert.deepEqual(after.map(([w]) => w), before.map(([w]) => w));
    for (const [i, [w, left, right]] of after.entries()) {
      assert.ok(Math.abs(left - before[i][1]) <= 1 && Math.abs(right - before[i][2]) <= 1, `${w} moved: ${JSON.stringify([before[i], after[i]])}`);
    }
    const label = await page.evaluate(() => {
      const mark = document.querySelector('#article-text mark.in-claim');
      const style = getComputedStyle(mark, '::before');
      return { content: style.content, direction: style.direction, width: style.width };
    });
    assert.equal(label.content, '"Claim"');
    assert.equal(label.direction, 'rtl', 'the label runs from the start of right-to-left text, on the right');
    assert.equal(label.width, '0px', 'the label takes no room in the line');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('focus returns where it was when a dialog closes', async () => {
  const page = await openApp(browser, server.url);
  // Opened with a button: back on the button.
  await page.getByRole('button', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#library-title').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Library');
  // Opened from a menu, which closed as it was chosen: back on the menu's button.
  await page.focus('#view-menu');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Shortcuts' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.help, [aria-labelledby="help-title"]').first().waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view-menu');
  // Opened with ? from the article: back in the article.
  await page.focus('#article-text');
  await page.keyboard.press('?');
  await page.locator('.help, [aria-labelledby="help-title"]').first().waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article-text');
  // The pasted-text dialog too.
  await (await showItem(page, '#new-article')).focus();
  await page.keyboard.press('Enter');
  await page.locator('#load-text').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article-menu');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the Library takes the focus when it opens and gives it back to its button when it closes', async () => {
  const page = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#library-title').waitFor();
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('.library')), true, 'focus is in the dialog');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Library');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

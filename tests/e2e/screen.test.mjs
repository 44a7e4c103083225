// A calmer, clearer screen at 1280×800: the toolbar in groups on one row with the title and
// a save state, a sidebar that fills its column, filters that do not look like errors,
// Find that stays in view and starts where the reader is, a jump that flashes what it
// reached, a minimap that shows where the window is, and a Tags dialog that answers at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writesCanFail, choose, launch, openApp, openPasted, savedCount, serveDist, tag } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const desktop = () => browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });

test('the toolbar is one row of groups, with the title and whether the work is saved', async () => {
  const context = await desktop();
  await writesCanFail(context);
  const page = await openApp(browser, server.url, context);
  const rows = await page.locator('.toolbar > *').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, right: r.right, text: el.textContent.trim() };
  }));
  const middle = (r) => (r.top + r.bottom) / 2;
  for (const r of rows) assert.ok(Math.abs(middle(r) - middle(rows[0])) < 4, `${r.text} is on another row`);
  assert.ok(rows.every((r) => r.right <= 1280), 'nothing runs off the window');
  assert.deepEqual(await page.locator('.toolbar button:visible').allTextContents(), ['Article', 'Library', 'Undo', 'Redo', 'View']);
  assert.equal(await page.locator('.toolbar').getByRole('group', { name: 'Edit' }).getByRole('button').count(), 2);
  assert.equal(await page.locator('.bar-title').textContent(), await page.locator('.doc-title').textContent());
  const state = page.locator('#save-state');
  assert.equal(await state.textContent(), 'Saved');

  // A change is "Saving…" until IndexedDB has it, then "Saved".
  await tag(page, 'JIJI Press', '1');
  await page.locator('#save-state', { hasText: 'Saving…' }).waitFor();
  await savedCount(page, 1);
  await page.locator('#save-state', { hasText: /^Saved$/ }).waitFor();
  // When the browser cannot keep it, it says so and offers the export.
  await page.evaluate(() => { window.failWrites = true; });
  await tag(page, 'Anne Neuberger', '3');
  const failed = page.getByRole('button', { name: 'Not saved — export' });
  await failed.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), failed.click()]);
  assert.match(file.suggestedFilename(), /\.annotations\.json$/);
  await page.evaluate(() => { window.failWrites = false; });
  await tag(page, 'Matthew Pottinger', '3');
  await savedCount(page, 3);
  await page.locator('#save-state', { hasText: /^Saved$/ }).waitFor();

  // The menus hold the rest, and close on Escape with focus back on their button.
  await page.click('#view-menu');
  for (const name of ['Snap to words', 'Tags…', 'Shortcuts']) {
    assert.ok(await page.locator('#view-menu-items').getByText(name).isVisible(), name);
  }
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#view-menu-items').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view-menu');
  await page.click('#article-menu');
  await page.mouse.click(640, 500); // a press anywhere else closes it too
  assert.equal(await page.locator('#article-menu-items').isVisible(), false);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the sidebar fills its column and unpressed filters look alike, none like an error', async () => {
  const page = await openApp(browser, server.url, await desktop());
  const sidebar = await page.locator('.sidebar').boundingBox();
  assert.ok(Math.abs(sidebar.y + sidebar.height - 800) < 1, `the sidebar ends at ${sidebar.y + sidebar.height}, not at the window's bottom`);
  const borders = await page.locator('.filter[aria-pressed="false"]').evaluateAll((els) =>
    els.map((el) => { const s = getComputedStyle(el); return `${s.borderTopColor} ${s.borderTopWidth} ${s.borderTopStyle}`; }));
  assert.ok(borders.length >= 6);
  assert.equal(new Set(borders).size, 1, `unpressed filters differ: ${[...new Set(borders)].join(' | ')}`);
  const error = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.setProperty('color', 'var(--error)');
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  assert.ok(!borders[0].startsWith(error), 'an unpressed filter has the error colour');
  await page.context().close();
});

test('Find starts where the reader is and stays in view while it steps', async () => {
  const page = await openApp(browser, server.url, await desktop());
  // Scroll the article about half-way down; count the matches above what the window shows.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  const { above, straddling, all } = await page.evaluate(() => {
    const top = Math.max(...['.top', '.find'].map((s) => document.querySelector(s).getBoundingClientRect().bottom));
    const walker = document.createTreeWalker(document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
    const rects = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const lower = node.data.toLowerCase();
      for (let at = lower.indexOf('japan'); at >= 0; at = lower.indexOf('japan', at + 1)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 5);
        rects.push(range.getBoundingClientRect());
      }
    }
    return {
      above: rects.filter((r) => r.bottom <= top).length,
      straddling: rects.filter((r) => r.top < top && r.bottom > top).length,
      all: rects.length,
    };
  });
  assert.ok(above > 0, 'the sample has matches above the middle');
  await page.fill('#find', 'japan');
  await page.locator('#find-status', { hasText: /of/ }).waitFor();
  const [k, n] = (await page.locator('#find-status').textContent()).split(' of ').map(Number);
  assert.equal(n, all);
  assert.ok(k === above + 1 || (straddling && k === above + 2),
    `starts at match ${k}, not at the first one the window shows (${above + 1})`);
  for (let i = 0; i < 5; i++) {
    await page.locator('#find').press('Enter');
    const find = await page.locator('.find').boundingBox();
    const top = await page.locator('.top').boundingBox();
    assert.ok(find.y >= top.y + top.height - 1 && find.y < 200, `Find is out of view at y=${find.y}`);
    const current = await page.evaluate(() => [...CSS.highlights.get('find-current')][0].getBoundingClientRect().top);
    assert.ok(current > find.y + find.height && current < 800, 'the current match is shown below Find');
  }
  await page.context().close();
});

test('a jump from a card flashes its highlight once it is on screen; the minimap frames the window', async () => {
  const page = await openApp(browser, server.url, await desktop());
  await tag(page, 'JIJI Press', '1');
  await page.keyboard.press('Escape'); // with nothing else to drop, Escape deselects
  await page.locator('.card.sel').waitFor({ state: 'detached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  // The minimap's frame is at the top of the strip, then at its bottom.
  const frame = () => page.evaluate(() => {
    const strip = document.querySelector('.minimap').getBoundingClientRect();
    const f = document.querySelector('.minimap-window').getBoundingClientRect();
    return { top: (f.top - strip.top) / strip.height, bottom: (f.bottom - strip.top) / strip.height };
  });
  await page.waitForFunction(() => parseFloat(document.querySelector('.minimap-window').style.top) === 0);
  const atTop = await frame();
  assert.ok(atTop.top < 0.01 && atTop.bottom > 0.05 && atTop.bottom < 0.9, JSON.stringify(atTop));
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => parseFloat(document.querySelector('.minimap-window').style.top) > 10);
  const atEnd = await frame();
  assert.ok(atEnd.bottom > 0.99 && atEnd.top > atTop.bottom - 0.05, JSON.stringify(atEnd));

  // JIJI Press is near the end: from the top, its card brings it into view, then flashes it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('.card .card-head', { hasText: 'JIJI Press' }).click();
  await page.locator('mark.sel.flash').first().waitFor();
  const box = await page.locator('mark.sel.flash').first().boundingBox();
  assert.ok(box.y > 0 && box.y + box.height < 800, `the flash is off screen at y=${box.y}`);
  await page.locator('mark.sel.flash').first().waitFor({ state: 'detached' }); // it ends
  assert.equal(await page.locator('mark.sel').count() > 0, true, 'still selected after the flash');
  await page.context().close();
});

test('Tags: a colour shows at once, removing a tag in use is refused at once, other edits are kept', async () => {
  const page = await openApp(browser, server.url, await desktop());
  await tag(page, 'JIJI Press', '2');
  await choose(page, '#tags');
  const claim = page.locator('.tag-row').nth(0); // the tags in their order: Claim, Source, Entity
  assert.equal(await claim.locator('.tag-label').inputValue(), 'Claim');
  const swatch = () => claim.locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
  const was = await swatch();
  await claim.locator('.tag-colour').selectOption({ label: 'Vermilion' });
  assert.notEqual(await swatch(), was);
  assert.equal(await swatch(), 'rgb(213, 94, 0)', 'the swatch shows the chosen colour before Save');
  await claim.locator('.tag-label').fill('Assertion');

  await page.getByRole('button', { name: 'Remove Source' }).click();
  assert.equal(await page.locator('.dialog .form-error').textContent(), '1 annotation is tagged “Source”: retag or delete it first.');
  assert.equal(await page.locator('.tag-row').count(), 3, 'the tag in use is still there');
  // Save keeps every other edit.
  await page.locator('#tags-save').click();
  await page.locator('.dialog').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.filter.tag-claim').textContent().then((t) => t.replace(/\d+$/, '').trim()), 'Assertion');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Find shows a match deep in a long paragraph; the caret and the picker stay clear of the sticky bars', async () => {
  const page = await openApp(browser, server.url, await desktop());
  const words = Array.from({ length: 700 }, (_, i) => `word${i}`);
  words[690] = 'needle';
  await openPasted(page, 'One long paragraph', `${Array.from({ length: 30 }, (_, i) => `Line ${i}.`).join('\n\n')}\n\n${words.join(' ')}\n\nThe end.`);
  await page.fill('#find', 'needle');
  await page.locator('#find-status', { hasText: '1 of 1' }).waitFor();
  const covered = () => page.evaluate(() => Math.max(...['.top', '.find'].map((s) => document.querySelector(s).getBoundingClientRect().bottom)));
  const match = await page.evaluate(() => [...CSS.highlights.get('find-current')][0].getBoundingClientRect().toJSON());
  assert.ok(match.top >= await covered() && match.bottom <= 800, `the match is at y=${match.top}, out of sight`);

  // The keyboard caret, moved up from the end, is never under Find or the toolbar.
  await page.focus('#article-text');
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  const caret = await page.locator('#caret').boundingBox();
  assert.ok(caret.y >= await covered() - 1, `the caret is at y=${caret.y}, under the bars at ${await covered()}`);

  // A selection as tall as the window: its picker is inside the window, below the bars.
  await page.keyboard.press('Escape');
  const top = await covered();
  await page.mouse.move(80, top + 12);
  await page.mouse.down();
  await page.mouse.move(400, 500, { steps: 4 });
  await page.mouse.move(500, 790, { steps: 4 });
  await page.mouse.up();
  const picker = await page.locator('.picker').boundingBox();
  assert.ok(picker.y >= top && picker.y + picker.height <= 800, `the picker is at y=${picker.y}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('after a new article opens the minimap frames it; after a card is deleted the focus is on the article', async () => {
  const page = await openApp(browser, server.url, await desktop());
  await tag(page, 'JIJI Press', '1');
  await page.locator('.card.sel').getByRole('button', { name: 'Delete' }).click();
  await page.locator('.card').first().waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article-text', 'not lost to the page');
  await openPasted(page, 'Short', 'Two short lines.\n\nThat is all.');
  await page.waitForFunction(() => {
    const strip = document.querySelector('.minimap').getBoundingClientRect();
    const f = document.querySelector('.minimap-window').getBoundingClientRect();
    return f.top - strip.top < 2 && f.bottom > strip.bottom - 2;
  });
  await page.context().close();
});

// A phone (390×844, touch): the toolbar is one row with one menu, the selected annotation's
// card is a sheet over the bottom of the text whose controls work with a finger, and the
// minimap stays as a thin strip that can be tapped. Chromium's touch emulation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const phone = () => browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

/** Taps the centre of `locator` with a finger (of its first line, when it wraps). */
async function tap(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.evaluate((el) => {
    const r = el.getClientRects()[0];
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Selects `needle` as a finger does: a touch on it, then the selection a long press and its
 * handles make (the browser reports only the selection changing, word by word).
 */
async function fingerSelect(page, needle, block = 'center') {
  const at = await page.evaluate(([needle, block]) => {
    const walker = document.createTreeWalker(document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !walker.currentNode.data.includes(needle));
    const text = walker.currentNode;
    text.parentElement.scrollIntoView({ block, behavior: 'instant' });
    const range = document.createRange();
    range.setStart(text, text.data.indexOf(needle));
    range.setEnd(text, text.data.indexOf(needle) + 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, [needle, block]);
  await page.touchscreen.tap(at.x, at.y);
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !walker.currentNode.data.includes(needle));
    const text = walker.currentNode;
    const start = text.data.indexOf(needle);
    const firstWord = needle.split(' ')[0].length;
    getSelection().setBaseAndExtent(text, start, text, start + firstWord);
    getSelection().setBaseAndExtent(text, start, text, start + needle.length);
  }, needle);
}

test('the toolbar is one row, and its menu holds every command', async () => {
  const page = await openApp(browser, server.url, await phone());
  const bar = await page.locator('.toolbar').boundingBox();
  const button = await page.locator('#main-menu').boundingBox();
  assert.ok(bar.height < button.height * 2, `the toolbar is ${bar.height} px high`);
  assert.ok(bar.height <= 64, `the toolbar takes ${bar.height} of 844 px`);
  for (const el of await page.locator('.toolbar > *').all()) {
    const box = await el.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, 'inside the window');
  }
  assert.equal(await page.locator('#save-state').textContent(), 'Saved');
  await tap(page, page.locator('#main-menu'));
  const items = page.locator('#main-menu-items');
  for (const name of ['New article…', 'Update text…', 'Library', 'Import…', 'Export JSON', 'Tags…', 'Shortcuts']) {
    assert.ok(await items.getByText(name, { exact: true }).isVisible(), name);
  }
  const menu = await items.boundingBox();
  assert.ok(menu.x >= 0 && menu.x + menu.width <= 390, 'the menu fits the window');
  await tap(page, items.getByRole('button', { name: 'Library' }));
  await page.locator('#library-title').waitFor();
  assert.equal(await items.isVisible(), false, 'the menu closed as Library opened');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the selected card is a sheet over the text, worked with a finger', async () => {
  const page = await openApp(browser, server.url, await phone());
  // Tagged low on the screen, where the sheet will open.
  await fingerSelect(page, 'Japanese Defense Ministry', 'end');
  const picker = page.getByRole('toolbar', { name: 'Tag the selection' });
  await picker.waitFor();
  const p = await picker.boundingBox();
  assert.ok(p.x >= 0 && p.x + p.width <= 390, 'the picker is inside the window');
  await tap(page, picker.getByRole('button', { name: /Entity/ }));
  const sheet = page.locator('.card.sel');
  await sheet.waitFor();
  const box = await sheet.boundingBox();
  assert.ok(Math.abs(box.y + box.height - 844) < 1 && box.x === 0 && box.width === 390, `the sheet is at ${JSON.stringify(box)}`);
  assert.ok(box.height <= 844 / 2 + 1, 'it leaves the upper half to the text');
  // The highlight it belongs to is brought above it.
  await page.waitForFunction(() => {
    const sheet = document.querySelector('.card.sel').getBoundingClientRect();
    return [...document.querySelectorAll('mark.sel')].every((m) => m.getBoundingClientRect().bottom <= sheet.top);
  });
  const mark = await page.locator('mark.sel').first().boundingBox();
  assert.ok(mark.y > 0 && mark.y + mark.height <= box.y, 'the highlight is hidden behind the sheet');

  // Its controls answer a finger: the type, the end moved by a word, Close, and Delete.
  await sheet.locator('.entity-select').selectOption('organisation');
  await page.locator('.card.sel .chip', { hasText: 'organisation' }).waitFor();
  await tap(page, sheet.getByRole('button', { name: 'Shrink the end' }));
  await page.locator('mark.sel', { hasText: 'Japanese Defense' }).last().waitFor();
  assert.equal((await page.locator('mark.sel').allTextContents()).join(''), 'Japanese Defense');
  await tap(page, sheet.getByRole('button', { name: 'Close the card' }));
  await sheet.waitFor({ state: 'detached' });
  await tap(page, page.locator('mark.hl').first());
  await sheet.waitFor();
  await tap(page, sheet.getByRole('button', { name: 'Delete' }));
  await page.locator('mark.hl').first().waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a claim's sheet: its status, a note and a source, all with a finger", async () => {
  const page = await openApp(browser, server.url, await phone());
  const picker = page.getByRole('toolbar', { name: 'Tag the selection' });
  await fingerSelect(page, 'The Washington Post');
  await tap(page, picker.getByRole('button', { name: /Source/ }));
  await tap(page, page.getByRole('button', { name: 'Close the card' }));
  await fingerSelect(page, 'most sensitive computer systems');
  await tap(page, picker.getByRole('button', { name: /Claim/ }));
  const sheet = page.locator('.card.sel');
  await sheet.waitFor();
  await sheet.locator('.status-select').selectOption('supported');
  await sheet.locator('.chip', { hasText: 'Supported' }).waitFor();
  await tap(page, sheet.locator('textarea'));
  await page.keyboard.type('Check the Post');
  await tap(page, sheet.getByRole('button', { name: 'Link source…' }));
  await sheet.getByLabel('Source to link').selectOption({ label: '“The Washington Post”' });
  await tap(page, sheet.getByRole('button', { name: 'Link', exact: true }));
  await sheet.locator('.link-jump', { hasText: 'The Washington Post' }).waitFor();
  // Every one of them was kept: closed and opened again, the sheet shows them.
  await tap(page, sheet.getByRole('button', { name: 'Close the card' }));
  await sheet.waitFor({ state: 'detached' });
  await tap(page, page.locator('mark.hl', { hasText: 'most sensitive' }).first());
  await sheet.waitFor();
  assert.equal(await sheet.locator('textarea').inputValue(), 'Check the Post');
  assert.equal(await sheet.locator('.status-select').inputValue(), 'supported');
  assert.equal(await sheet.locator('.link-jump').count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the minimap stays as a thin strip that a tap jumps from', async () => {
  const page = await openApp(browser, server.url, await phone());
  await fingerSelect(page, 'JIJI Press');
  const picker = page.getByRole('toolbar', { name: 'Tag the selection' });
  await picker.waitFor();
  await tap(page, picker.getByRole('button', { name: /Source/ }));
  await tap(page, page.getByRole('button', { name: 'Close the card' }));
  await page.evaluate(() => window.scrollTo(0, 0));
  const strip = await page.locator('#minimap').boundingBox();
  assert.ok(strip.width >= 6 && strip.width <= 16 && strip.height > 400, `the strip is ${JSON.stringify(strip)}`);
  // JIJI Press is near the end of the text: tap the strip's lower part.
  await page.touchscreen.tap(strip.x + strip.width / 2, strip.y + strip.height * 0.97);
  await page.locator('.card.sel', { hasText: 'JIJI Press' }).waitFor();
  await page.locator('mark.sel.flash').first().waitFor(); // the scroll has ended
  const mark = await page.locator('mark.sel').first().boundingBox();
  assert.ok(mark.y > 0 && mark.y < 844 / 2, 'the jump brought it into view above the sheet');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the Tags dialog fits a phone, and its Save is in reach', async () => {
  const page = await openApp(browser, server.url, await phone());
  await tap(page, page.locator('#main-menu'));
  await tap(page, page.locator('#tags'));
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await dialog.waitFor();
  const { scroll, client } = await dialog.evaluate((d) => ({ scroll: d.scrollWidth, client: d.clientWidth }));
  assert.ok(scroll <= client, `the dialog's content is ${scroll} px wide in ${client}`);
  for (const el of await dialog.locator('button, input, select').all()) {
    const box = await el.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `${await el.evaluate((e) => e.outerHTML.slice(0, 60))} leaves the screen`);
  }
  await tap(page, dialog.getByRole('button', { name: 'Save' }));
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Offsets stay exact, in code points, for text where UTF-16 and code points differ.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { codePoints, dragOver, exportFile, launch, openApp, openPasted, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PASTED = 'Facepalm 🤦🏼‍♂️ moment.\r\n日本の防衛ネットワークに中国が侵入した。\r\nCafe\u0301 owner said \u05e9\u05dc\u05d5\u05dd and \u0645\u0631\u062d\u0628\u0627 to 👩‍👩‍👧 families.';
const TEXT = PASTED.replaceAll('\r\n', '\n');


test('emoji, Japanese, combining marks and RTL text export code point offsets', async () => {
  const page = await openApp(browser, server.url);
  await openPasted(page, '日本 🤦🏼‍♂️ test', PASTED);
  const rendered = await page.locator('#article-text .line').evaluateAll((ls) => ls.map((l) => l.textContent).join('\n'));
  assert.equal(rendered, TEXT, 'CRLF is shown as plain line breaks');

  const picks = [
    ['🤦🏼‍♂️ moment', '1'],
    ['日本の防衛', '2'],
    ['Cafe\u0301 owner', '3'],
    ['\u05e9\u05dc\u05d5\u05dd', '3'],
    ['👩‍👩‍👧 families', '1'],
  ];
  for (const [needle, key] of picks) {
    await dragOver(page, needle);
    await page.locator('.picker').waitFor();
    await page.keyboard.press(key);
    await page.locator('.picker').waitFor({ state: 'detached' });
  }
  const { text } = await exportFile(page);
  const data = JSON.parse(text);
  assert.equal(data.document.text, TEXT);
  const got = data.annotations.map((a) => [a.exact, a.start, a.end]).sort((x, y) => x[1] - y[1]);
  const want = picks.map(([needle]) => [needle, codePoints(TEXT, needle).start, codePoints(TEXT, needle).end]);
  assert.deepEqual(got, want);
  assert.deepEqual(data.annotations.map((a) => a.tag).sort(), ['claim', 'claim', 'entity', 'entity', 'source']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a selection ending inside an emoji takes the whole emoji', async () => {
  const page = await openApp(browser, server.url);
  await openPasted(page, 'emoji', 'Facepalm 🤦🏼‍♂️ moment');
  // Select from "Facepalm" into the middle of the ZWJ sequence (after the skin tone),
  // as a browser can when text is selected by other means than the mouse; the keyboard
  // (here a lone Shift) then reports it.
  await page.locator('#article-text').focus();
  await page.evaluate(() => {
    const text = document.querySelector('#article-text span[data-s]').firstChild;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 'Facepalm 🤦🏼'.length); // UTF-16 offset inside the cluster
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press('Shift');
  await page.locator('.picker').waitFor();
  await page.keyboard.press('1');
  assert.equal((await page.locator('mark.hl').allTextContents()).join(''), 'Facepalm 🤦🏼‍♂️');
  await page.context().close();
});

test('Japanese is snapped and stepped through by dictionary words, as the browser finds them', async () => {
  const page = await openApp(browser, server.url);
  await openPasted(page, 'ja', '日本の防衛省が発表した。');
  // From inside 日本 into 防衛: word snapping widens to both whole words. With Unicode's
  // default rules (one ideograph a word) this was 本の防.
  await dragOver(page, '本の防');
  await page.locator('.picker').waitFor();
  await page.keyboard.press('1');
  await page.locator('.picker').waitFor({ state: 'detached' });
  assert.equal((await page.locator('mark.hl').allTextContents()).join(''), '日本の防衛');
  // Ctrl+Shift+→ selects a word at a time: 日本, then の.
  await page.locator('#article-text').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), '日本');
  await page.keyboard.press('Control+Shift+ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), '日本の');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

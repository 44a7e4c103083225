// Imports onto the open article, and annotations that follow their text when it changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { choose, dragOver, exportFile, launch, openApp, SAMPLE, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('importing the same file twice adds nothing', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('1');
  const file = await exportFile(page);
  for (let i = 0; i < 2; i++) {
    await page.setInputFiles('#import-file', { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await page.locator('.notice', { hasText: '0 annotations added to this article, 1 already here' }).waitFor();
    await page.locator('.notice .dismiss').click();
  }
  assert.equal(await page.locator('.card').count(), 1);
  await page.context().close();
});

test('updating the text moves annotations with it and keeps lost ones as orphans', async () => {
  const page = await openApp(browser, server.url);
  await dragOver(page, 'Anne Neuberger');
  await page.keyboard.press('3');
  await dragOver(page, 'JIJI Press');
  await page.keyboard.press('2');
  await page.locator('.card').nth(1).waitFor();

  const edited = 'Editor’s note: updated on 9 Aug.\n' + SAMPLE.replace('JIJI Press\n', '');
  await choose(page, '#update-text');
  await page.fill('#load-text', edited);
  await page.getByRole('button', { name: 'Update', exact: true }).click();
  await page.locator('.notice', { hasText: 'Text updated: 0 annotations kept, 1 moved, 0 with edited text inside, 1 no longer found' }).waitFor();

  assert.equal(await page.locator('mark.in-entity').textContent(), 'Anne Neuberger');
  assert.match(await page.locator('.orphans-title').textContent(), /Not found in the text \(1\)/);
  assert.equal(await page.locator('.orphans .quote').textContent(), 'JIJI Press');
  const data = JSON.parse((await exportFile(page)).text);
  assert.equal(data.document.text, edited);
  const entity = data.annotations.find((a) => a.tag === 'entity');
  assert.equal(Array.from(edited).slice(entity.start, entity.end).join(''), 'Anne Neuberger');
  assert.deepEqual(data.annotations.filter((a) => a.orphan).map((a) => a.exact), ['JIJI Press']);

  await page.keyboard.press('Control+z');
  await page.locator('mark.in-source', { hasText: 'JIJI Press' }).waitFor();
  await page.context().close();
});

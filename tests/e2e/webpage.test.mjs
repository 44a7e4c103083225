// A saved news page opens as its article: no menus, share buttons, scripts or comments,
// and nothing in it runs or loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { choose, launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PAGE = readFileSync(new URL('./fixtures/saved-news-page.html', import.meta.url));

test('a saved web page opens as its readable article text', async () => {
  // Its <style> and style attributes would be reported by the CSP while it is parsed.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.sample}`));
  });
  const page = await openApp(browser, server.url, context);
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) outside.push(r.url()); });
  await choose(page, '#new-article');
  await page.setInputFiles('.dialog input[type=file]', { name: 'news.html', mimeType: 'text/html', buffer: PAGE });
  await page.locator('.doc-title', { hasText: 'China reached Japan’s sensitive defense networks, US paper says' }).waitFor();
  const paragraphs = (await page.locator('#article-text .line').allTextContents()).filter((l) => l !== '');
  assert.deepEqual(paragraphs, [
    'By Staff Writer · 8 August 2023',
    'Tokyo’s defense ministry.',
    'TOKYO: Chinese military hackers have breached Japan’s “most sensitive computer systems,” the Washington Post reported.',
    'The U.S. National Security Agency discovered the penetration in autumn 2020.',
    'It was shockingly bad, a former official said.',
    'Tokyo took steps to strengthen its networks, the paper said.',
  ]);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing in the page ran');
  assert.deepEqual(outside, [], 'nothing in the page was fetched');
  assert.equal(await page.locator('#article-text img, #article-text a, #article-text script').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'opening it needs no exception to the policy');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

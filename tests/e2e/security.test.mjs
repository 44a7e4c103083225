// Nothing executed: hostile text is shown literally under an enforced CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { choose, dragOver, launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A page that records CSP violations from before the app starts. */
async function watchedPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return openApp(browser, server.url, context);
}

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"><circle r="5"/></svg>',
  '</style><style>body{display:none}</style><a href="javascript:window.__pwned = 4">link</a>',
  '&lt;b&gt;already escaped&lt;/b&gt; &amp;',
  'right-to-left \u202Eevil.exe\u202C zero\u200Bwidth\u200Djoiner nul\u0000char',
];

test('the CSP is enforced: an injected inline script is blocked and reported', async () => {
  const page = await watchedPage();
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const d = document.createElement('div');
    d.setAttribute('style', 'color: red');
    document.body.append(d);
    return window.__inline;
  });
  assert.equal(ran, undefined);
  await page.waitForFunction(() => window.__violations.length >= 1);
  assert.match((await page.evaluate(() => window.__violations)).join('\n'), /script-src-elem inline/);
  await page.context().close();
});

test('hostile article text, titles and notes are shown literally and run nothing', async () => {
  const page = await watchedPage();
  await choose(page, '#new-article');
  await page.fill('#load-title-input', PAYLOADS[1]);
  await page.fill('#load-text', PAYLOADS.join('\n'));
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.locator('.doc-title', { hasText: '<img' }).waitFor();
  assert.equal(await page.locator('.doc-title').textContent(), PAYLOADS[1]);
  assert.deepEqual(await page.locator('#article-text .line').allTextContents(), PAYLOADS);

  await dragOver(page, 'window.__pwned = 1');
  await page.keyboard.press('1');
  await page.locator('.card.sel textarea').fill(PAYLOADS.join(' '));
  await page.locator('#article-text .line').nth(4).click(); // deselect: the note shows as a preview
  assert.match(await page.locator('.note-preview').textContent(), /^<script>window.__pwned = 1<\/script> <img .*…$/);
  await page.reload(); // and again from storage
  await page.locator('.card-head').click();
  assert.equal(await page.locator('.card.sel textarea').inputValue(), PAYLOADS.join(' '));

  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.app img, .app svg, .app script, .app style, .app a[href]:not(.skip)').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'normal use needs no exception to the policy');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

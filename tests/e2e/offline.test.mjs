// Offline and installable: after one visit the service worker serves the app shell, so
// the app reloads and works with the network gone, under the same CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { dragOver, launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('load once, go offline, reload, annotate', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(browser, server.url, context);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.name, 'Article Annotator');
  assert.equal(manifest.display, 'standalone');
  // Installed and in control of the page (it claims open pages when it activates).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  assert.equal(await page.evaluate(() => fetch('https://example.com/').then(() => 'online', () => 'offline')), 'offline');
  await page.reload();
  await page.locator('#article-text .line').first().waitFor();
  await dragOver(page, 'Chinese military hackers');
  await page.keyboard.press('1');
  await page.locator('.card .quote', { hasText: 'Chinese military hackers' }).waitFor();

  // Served from the cache, the page keeps its Content-Security-Policy: inline script is refused.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
    return window.__ran === true;
  });
  assert.equal(ran, false);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Chromium finds nothing that stops it from installing the app', async () => {
  // A profile on disk: in the private profile a test context uses, nothing is installable.
  const profile = mkdtempSync(join(tmpdir(), 'annotator-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('#article-text .line').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'the manifest parses cleanly');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});


test('the wasm is asked for at once by the page\'s preload, and fetched once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.locator('#article-text .line').first().waitFor();
  // One request each: a preload the glue's fetch() could not take would be a second one.
  assert.deepEqual(requested.filter((p) => p.includes('article-annotator')).sort(), ['/article-annotator.js', '/article-annotator_bg.wasm']);
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm')).initiatorType);
  assert.equal(wasm, 'link', 'started by the preload, not once boot.js and the glue had arrived');
  await context.close();
});

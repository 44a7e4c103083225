// Accessibility: landmarks, labels and announcements, an axe-core audit of every main
// view in light and dark, and dark mode following the system or the toggle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { choose, dragOver, launch, openApp, serveDist, showItem } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Serious and critical axe violations on the page as it is now, as readable lines. */
async function audit(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
  })).violations);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function annotated(context) {
  const page = await openApp(browser, server.url, context);
  for (const [text, key] of [['Chinese military hackers', '1'], ['The Washington Post', '2'], ['Paul Nakasone', '3']]) {
    await dragOver(page, text);
    await page.keyboard.press(key);
  }
  await page.locator('.card').nth(2).waitFor();
  return page;
}

test('landmarks, labels and a live region that says what happened', async () => {
  const page = await openApp(browser, server.url);
  for (const role of ['banner', 'main', 'complementary', 'search']) {
    assert.ok(await page.getByRole(role).count() >= 1, `a ${role} landmark`);
  }
  assert.equal(await page.getByRole('main').getAttribute('aria-label'), 'Article');
  await dragOver(page, 'The Washington Post');
  await page.getByRole('toolbar', { name: 'Tag the selection' }).getByRole('button', { name: /Source/ }).click();
  const live = page.locator('#announcer');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => document.getElementById('announcer').textContent.startsWith('Source added'));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.getElementById('announcer').textContent.startsWith('Undone'));
  await page.context().close();
});

test('axe finds no serious or critical problem on the main views, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    const page = await annotated(context);
    const found = {};
    found.main = await audit(page);
    await page.locator('.card-head', { hasText: 'Chinese military hackers' }).click();
    await page.getByRole('button', { name: 'Link source…' }).click();
    found['selected claim, linking'] = await audit(page);
    await page.fill('#find', 'japan');
    await page.locator('#card-filter').fill('post');
    found['find and filter'] = await audit(page);
    await page.locator('#card-filter').fill('');
    await dragOver(page, 'JIJI Press');
    await page.locator('.picker').waitFor();
    found['tag picker'] = await audit(page);
    await page.keyboard.press('Escape');
    for (const menu of ['#article-menu', '#view-menu']) {
      await page.click(menu);
      found[`${menu} open`] = await audit(page);
      await page.keyboard.press('Escape');
    }
    for (const [button, name] of [['#tags', 'Tags'], ['#help', 'Keyboard shortcuts'], ['#library', 'Library']]) {
      await choose(page, button);
      await page.getByRole('dialog').first().waitFor();
      found[`${name} dialog`] = await audit(page);
      if (name === 'Library') {
        await page.fill('#library-search', 'military');
        await page.locator('.search-results .hit').first().waitFor();
        found['library search results'] = await audit(page);
      }
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').first().waitFor({ state: 'detached' });
    }
    // And the phone's layout: one menu, the selected card as a sheet.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#main-menu').waitFor();
    await page.click('#main-menu');
    found['phone menu'] = await audit(page);
    await page.keyboard.press('Escape');
    await page.locator('mark.hl').first().click();
    await page.locator('.card.sel .sheet-close').waitFor();
    found['phone sheet'] = await audit(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [view, problems] of Object.entries(found)) {
      assert.deepEqual(problems, [], `${colorScheme}: ${view}`);
    }
    await context.close();
  }
});

test('dark mode follows the system, the toggle overrides it, and is remembered', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  const page = await annotated(context);
  const colours = () => page.evaluate(() => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    mark: getComputedStyle(document.querySelector('mark.in-claim')).backgroundColor,
    text: getComputedStyle(document.querySelector('mark.in-claim')).color,
  }));
  const dark = await colours();
  assert.equal(dark.page, 'rgb(26, 27, 30)');
  await showItem(page, '#theme');
  await page.selectOption('#theme', 'light');
  const light = await colours();
  assert.equal(light.page, 'rgb(255, 254, 251)');
  assert.notEqual(light.mark, dark.mark, 'highlight tints follow the page');
  assert.notEqual(light.text, dark.text);
  await page.reload();
  await page.locator('mark.in-claim').first().waitFor();
  assert.equal((await colours()).page, 'rgb(255, 254, 251)', 'the choice is remembered');
  await showItem(page, '#theme');
  await page.selectOption('#theme', 'auto');
  assert.equal((await colours()).page, 'rgb(26, 27, 30)');
  await context.close();
});

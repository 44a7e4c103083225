// The README's screenshots, made from the release build (`make screenshots`): the main view
// in light and dark at 1280×800, and a phone (390×844) with the selected card as a sheet.
import { serveDist, launch, openApp, tag } from '../tests/e2e/helpers.mjs';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const server = await serveDist();
const browser = await launch();
try {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
    const page = await openApp(browser, server.url, context);
    await tag(page, 'most sensitive computer systems', '1');
    await tag(page, 'The Washington Post', '2');
    await tag(page, 'National Security Agency', '3');
    await page.locator('.card-head', { hasText: 'most sensitive' }).click();
    await page.locator('.card.sel .status-select').selectOption('disputed');
    await page.locator('#save-state', { hasText: /^Saved$/ }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}${colorScheme}.png` });
    await context.close();
  }
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await openApp(browser, server.url, phone);
  await tag(page, 'most sensitive computer systems', '1');
  await page.locator('.card.sel').waitFor();
  await page.locator('#save-state', { hasText: /^Saved$/ }).waitFor();
  await page.screenshot({ path: `${out}phone.png` });
  await phone.close();
} finally {
  await browser.close();
  server.close();
}

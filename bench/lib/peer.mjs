// The peer, @recogito/text-annotator, timed on the same documents in the same Chromium.
import { basename } from 'node:path';
import { repeat, summary } from './stats.mjs';

export async function benchPeer(browser, url, c, { warmup, runs }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fixture = `${url}fixtures/${basename(c.fixture)}`;
  const open = await repeat(warmup, runs, async () => {
    await page.goto(`${url}peer/`);
    return (await page.evaluate((f) => window.peer.open(f), fixture)).ms;
  });
  const add = await repeat(warmup, runs, (i) => page.evaluate((k) => window.peer.add(k), i));
  await context.close();
  if (errors.length) throw new Error(`peer page: ${errors.join('; ')}`);
  return { open: summary(open), add: summary(add) };
}

// The fact-checker's workflow: links from claims to sources, claim status and entity
// type, custom tags, find and sidebar filters, the overview and the minimap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { choose, dragOver, exportFile, launch, openApp, serveDist } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function tag(page, text, key) {
  await dragOver(page, text);
  await page.locator('.picker').waitFor();
  await page.keyboard.press(key);
  await page.locator('.card .quote', { hasText: text }).waitFor();
}

const card = (page, text) => page.locator('.card', { has: page.locator('.quote', { hasText: text }) });

test('a claim is linked to its sources, shown on both cards; deleting a source unlinks it, undoably', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'Chinese military hackers', '1');
  await tag(page, 'The Washington Post', '2');
  await tag(page, 'JIJI Press', '2');
  const unsourced = page.locator('#filter-unsourced .count');
  assert.equal(await unsourced.textContent(), '1');

  // Link by clicking the source's highlight…
  await card(page, 'Chinese military hackers').locator('.card-head').click();
  await page.getByRole('button', { name: 'Link source…' }).click();
  await page.locator('.linking-hint').waitFor();
  await page.locator('#article-text mark', { hasText: 'The Washington Post' }).click();
  const claim = card(page, 'Chinese military hackers');
  await claim.locator('.links .link-jump', { hasText: 'The Washington Post' }).waitFor();
  assert.equal(await page.locator('.linking-hint').count(), 0, 'linking ends once a source is picked');
  // …and by picking one from the list.
  await page.getByRole('button', { name: 'Link source…' }).click();
  await page.getByLabel('Source to link').selectOption({ label: '“JIJI Press”' });
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await claim.locator('.link-jump', { hasText: 'JIJI Press' }).waitFor();
  assert.equal(await claim.locator('.chip', { hasText: 'sources' }).textContent(), '2 sources');
  assert.equal(await unsourced.textContent(), '0');

  // The source's card names the claim citing it; the link jumps there.
  await claim.locator('.link-jump', { hasText: 'The Washington Post' }).click();
  const source = card(page, 'The Washington Post');
  await source.locator('.links', { hasText: 'Cited by' }).waitFor();
  assert.match(await source.locator('.links').textContent(), /Chinese military hackers/);

  // Deleting the source takes its link away; one undo brings back both.
  await source.getByRole('button', { name: 'Delete' }).click();
  await page.locator('.card').nth(1).waitFor();
  assert.equal(await page.locator('.card').count(), 2);
  assert.equal(await claim.locator('.chip', { hasText: 'source' }).textContent(), '1 source');
  const exported = JSON.parse((await exportFile(page)).text);
  const sources = exported.annotations.find((a) => a.tag === 'claim').sources;
  assert.equal(sources.length, 1);
  assert.ok(exported.annotations.some((a) => a.id === sources[0] && a.exact === 'JIJI Press'));
  await page.keyboard.press('Control+z');
  await page.locator('.card').nth(2).waitFor();
  await claim.locator('.card-head').click();
  assert.equal(await claim.locator('.chip', { hasText: 'sources' }).textContent(), '2 sources');
  await claim.getByRole('button', { name: 'Unlink “JIJI Press”' }).click();
  await claim.getByRole('button', { name: 'Unlink “The Washington Post”' }).click();

  // "Claims without a source" shows exactly the unsourced claims.
  await page.locator('#filter-unsourced').click();
  assert.deepEqual(await page.locator('.card .quote').allTextContents(), ['Chinese military hackers']);
  assert.match(await page.locator('.filter-status').textContent(), /Showing 1 of 3/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('claim status and entity type are set on cards, counted, filtered and exported', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'Chinese military hackers', '1');
  await tag(page, 'Paul Nakasone', '3');
  await tag(page, 'shockingly bad', '1');
  await card(page, 'Chinese military hackers').locator('.card-head').click();
  await page.locator('.card.sel .status-select').selectOption('disputed');
  await card(page, 'Paul Nakasone').locator('.card-head').click();
  await page.locator('.card.sel .entity-select').selectOption('person');
  await card(page, 'shockingly bad').locator('.card-head').click();
  await page.locator('.card.sel .status-select').selectOption('opinion');
  await page.locator('.card.sel textarea').fill('A quote, not a fact to check');

  assert.equal(await card(page, 'Chinese military hackers').locator('.chip.status').textContent(), 'Disputed');
  assert.equal(await card(page, 'Paul Nakasone').locator('.chip').textContent(), 'person');
  const counts = await page.locator('.statuses .filter').allTextContents();
  assert.deepEqual(counts.slice(0, 5).map((c) => c.replace(/\s*(\d+)$/, ' $1')), ['Unchecked 0', 'Supported 0', 'Disputed 1', 'False 0', 'Opinion 1']);

  await page.locator('.statuses .filter.status-disputed').click();
  assert.deepEqual(await page.locator('.card .quote').allTextContents(), ['Chinese military hackers']);
  await page.locator('.statuses .filter.status-disputed').click();
  await page.fill('#card-filter', 'not a FACT');
  await page.locator('.card').first().waitFor();
  assert.deepEqual(await page.locator('.card .quote').allTextContents(), ['shockingly bad']);
  await page.fill('#card-filter', 'person');
  assert.deepEqual(await page.locator('.card .quote').allTextContents(), ['Paul Nakasone']);
  await page.getByRole('button', { name: 'Show all' }).click();
  assert.equal(await page.locator('.card').count(), 3);

  const data = JSON.parse((await exportFile(page)).text);
  const by = (exact) => data.annotations.find((a) => a.exact === exact);
  assert.equal(by('Chinese military hackers').status, 'disputed');
  assert.equal(by('Paul Nakasone').entity_type, 'person');
  assert.equal(by('shockingly bad').note, 'A quote, not a fact to check');
  assert.deepEqual(data.tagset.entity_types, ['person', 'organisation', 'place', 'other']);
  await page.context().close();
});

test('tags can be added, renamed, recoloured, keyed and removed; colour is never the only cue', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'Chinese military hackers', '1');
  await choose(page, '#tags');
  await page.getByRole('dialog', { name: 'Tags' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-tag', 'focus moves into the dialog');
  await page.fill('#new-tag', 'Direct quote');
  await page.getByRole('button', { name: 'Add tag' }).click();
  const rows = page.locator('.tag-row');
  await rows.nth(3).waitFor();
  assert.equal(await rows.nth(3).locator('.tag-key').inputValue(), '4');
  await rows.nth(0).locator('.tag-label').fill('Assertion');
  await rows.nth(0).locator('.tag-colour').selectOption({ label: 'Vermilion' });
  await rows.nth(3).locator('.tag-key').fill('q');
  await page.locator('#tags-save').click();
  await page.locator('.dialog').waitFor({ state: 'detached' });

  // The renamed tag is shown everywhere, in its new colour; the new one is on the picker
  // with its key, and that key tags.
  assert.equal(await page.locator('mark.in-claim').first().getAttribute('data-label'), 'Assertion');
  assert.equal(await page.locator('.card .badge').first().textContent(), 'Assertion');
  const colour = await page.locator('mark.in-claim').first().evaluate((m) => getComputedStyle(m).borderBottomColor);
  assert.equal(colour, 'rgb(213, 94, 0)');
  await dragOver(page, 'The Washington Post');
  const pick = page.locator('.picker .pick', { hasText: 'Direct quote' });
  assert.equal(await pick.locator('kbd').textContent(), 'q');
  await page.keyboard.press('q');
  const quote = page.locator('mark.in-direct-quote');
  await quote.first().waitFor();
  assert.equal(await quote.first().getAttribute('data-label'), 'Direct quote');

  // Each tag has its own underline style as well as its colour.
  const styles = await page.locator('.filters .filter .swatch').evaluateAll((s) => s.map((e) => getComputedStyle(e).borderBottomStyle));
  assert.equal(new Set(styles).size, 4, styles.join());

  // A tag in use cannot be removed; an unused one can.
  await choose(page, '#tags');
  await page.getByRole('button', { name: 'Remove Direct quote' }).click();
  assert.match(await page.locator('.dialog .form-error').textContent(), /1 annotation is tagged “Direct quote”/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await choose(page, '#tags');
  await page.getByRole('button', { name: 'Remove Entity' }).click();
  await page.locator('#tags-save').click();
  await page.locator('.dialog').waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('.overview .filters').first().locator('.filter').allTextContents()
    .then((t) => t.map((s) => s.replace(/\s*\d+$/, '').trim())), ['All', 'Assertion', 'Source', 'Direct quote']);

  const data = JSON.parse((await exportFile(page)).text);
  assert.deepEqual(data.tagset.tags.map((t) => [t.key, t.label, t.colour, t.hotkey]), [
    ['claim', 'Assertion', '#d55e00', '1'], ['source', 'Source', '#0072b2', '2'], ['direct-quote', 'Direct quote', '#cc79a7', 'q']]);
  // Undo takes the tag set change back.
  await page.keyboard.press('Control+z');
  await page.locator('.filter.tag-entity').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('find highlights every match and steps through them', async () => {
  const page = await openApp(browser, server.url);
  await page.fill('#find', 'japan');
  await page.locator('#find-status', { hasText: /of/ }).waitFor();
  const expected = (await page.locator('#article-text').textContent()).toLowerCase().split('japan').length - 1;
  assert.equal(await page.locator('#find-status').textContent(), `1 of ${expected}`);
  const sizes = () => page.evaluate(() => [CSS.highlights.get('find').size, CSS.highlights.get('find-current').size]);
  assert.deepEqual(await sizes(), [expected - 1, 1]);
  const current = () => page.evaluate(() => [...CSS.highlights.get('find-current')][0].toString());
  assert.equal((await current()).toLowerCase(), 'japan');
  await page.locator('#find').press('Enter');
  assert.equal(await page.locator('#find-status').textContent(), `2 of ${expected}`);
  await page.locator('#find').press('Shift+Enter');
  await page.locator('#find').press('Shift+Enter');
  assert.equal(await page.locator('#find-status').textContent(), `${expected} of ${expected}`);
  await page.fill('#find', 'no such words here');
  assert.equal(await page.locator('#find-status').textContent(), 'No matches');
  assert.deepEqual(await sizes(), [0, 0]);
  assert.equal(await page.locator('#article-text mark').count(), 0, 'the text itself is untouched');
  await page.context().close();
});

test('the minimap shows where annotations are and jumps to the one clicked', async () => {
  const page = await openApp(browser, server.url);
  await tag(page, 'Chinese military hackers', '1');
  await tag(page, 'Anne Neuberger', '3');
  await page.locator('.card-head', { hasText: 'Chinese military hackers' }).click();
  const map = page.locator('#minimap');
  // The ticks are drawn (when the browser is idle) in their tags' colours, at their places
  // in the text: two runs of painted rows.
  const painted = () => map.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const rows = [];
    for (let y = 0; y < c.height; y++) if (data[(y * c.width + 1) * 4 + 3] > 0) rows.push(y / c.height);
    return rows;
  });
  await page.waitForFunction(() => {
    const c = document.getElementById('minimap');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let runs = 0;
    for (let y = 0, was = false; y < c.height; y++) {
      const on = data[(y * c.width + 1) * 4 + 3] > 0;
      if (on && !was) runs++;
      was = on;
    }
    return runs === 2;
  });
  const ticks = await painted();
  const colourAt = (f) => map.evaluate((c, f) => [...c.getContext('2d').getImageData(1, Math.floor(f * c.height), 1, 1).data.slice(0, 3)], f);
  assert.deepEqual(await colourAt(ticks[0]), [230, 159, 0], 'the claim in the Claim colour');
  assert.deepEqual(await colourAt(ticks[ticks.length - 1]), [0, 158, 115], 'the entity in the Entity colour');
  assert.ok(ticks[0] > 0.1 && ticks[ticks.length - 1] > 0.7, ticks.join());
  const box = await map.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * ticks[ticks.length - 1]);
  await page.locator('.card.sel', { hasText: 'Anne Neuberger' }).waitFor();
  await page.waitForFunction(() => {
    const r = document.querySelector('#article-text mark.sel').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  // A shorter window: the strip is drawn again at its new size, without waiting for an edit.
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.waitForFunction(() => {
    const c = document.getElementById('minimap');
    return c.height === Math.round(c.clientHeight * devicePixelRatio) && c.clientHeight < 600;
  });
  assert.equal((await painted()).length > 0, true, 'and the ticks with it');
  await page.context().close();
});

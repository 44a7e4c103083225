// Not a browser test: the rules of the house that ARCHITECTURE.md states about the code's
// shape, checked on the sources so that they stay true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

/** Every `.rs` file under `dir`, as [path relative to the repository, text]. */
function sources(dir) {
  return readdirSync(join(root, dir), { recursive: true })
    .filter((f) => f.endsWith('.rs'))
    .map((f) => [join(dir, f), readFileSync(join(root, dir, f), 'utf8')]);
}

test('no component reaches storage: components call effects, effects call storage', () => {
  const offenders = sources('src/components').filter(([, text]) => /\bcrate::storage\b|\bstorage::/.test(text)).map(([f]) => f);
  assert.deepEqual(offenders, []);
  const state = sources('src/state').filter(([, text]) => /\bstorage::(with|idb|load_pref|save_pref|raw|boot)\b/.test(text)).map(([f]) => f);
  assert.deepEqual(state, [], 'the reducer does no I/O');
});

test('no source file is over 400 lines, no component over 150', () => {
  const lines = (text) => text.split('\n').length - 1;
  const long = [...sources('src'), ...sources('crates')].filter(([, t]) => lines(t) > 400).map(([f, t]) => `${f}: ${lines(t)}`);
  assert.deepEqual(long, []);
  const components = sources('src/components').filter(([f]) => !f.endsWith('mod.rs'));
  const big = components.filter(([, t]) => lines(t) > 150).map(([f, t]) => `${f}: ${lines(t)}`);
  assert.deepEqual(big, []);
});

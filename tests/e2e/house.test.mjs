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

test('no component reaches storage or mints ids and times: components call effects, effects call storage', () => {
  const offenders = sources('src/components').filter(([, text]) => /\bcrate::storage\b|\bstorage::/.test(text)).map(([f]) => f);
  assert.deepEqual(offenders, []);
  const state = sources('src/state').filter(([, text]) => /\bstorage::(with|idb|load_pref|save_pref|raw|boot)\b/.test(text)).map(([f]) => f);
  assert.deepEqual(state, [], 'the reducer does no I/O');
  // Ids and times come from one helper (state::Stamp), taken as an action is dispatched.
  const minting = sources('src/components').filter(([, text]) => /\b(now_iso|random_id)\(/.test(text)).map(([f]) => f);
  assert.deepEqual(minting, []);
});

test('below the containers, components take data and on<verb> callbacks, never the state', () => {
  // The containers read the state and turn events into actions; their hooks and callback
  // builders live beside them. Everything below them is drawn from its props alone.
  const containers = ['app', 'article', 'sidebar', 'minimap', 'overview', 'toolbar', 'notice', 'storage_banner', 'library', 'dialogs'];
  const helpers = ['handles', 'caret_keys', 'layout', 'marks', 'cards/actions'];
  const name = (f) => f.replace(/^src\/components\//, '').replace(/\.rs$/, '');
  const reach = sources('src/components').filter(([, t]) => /\buse_app_state\b|\bStateHandle\b/.test(t)).map(([f]) => name(f));
  assert.deepEqual(reach.filter((f) => !containers.includes(f) && !helpers.includes(f)), []);
  assert.ok(reach.includes('article') && reach.includes('sidebar'), 'the check sees the containers');
  const callbacks = sources('src/components').flatMap(([f, t]) =>
    [...t.matchAll(/pub (\w+): (?:Option<)?Callback</g)].map((m) => `${name(f)}.${m[1]}`));
  assert.ok(callbacks.length > 20, 'the check sees the props');
  assert.deepEqual(callbacks.filter((c) => !/\.on[a-z]+$/.test(c)), [], 'callbacks are named on<verb>');
});

test('no source file is over 400 lines, no component over 150', () => {
  const lines = (text) => text.split('\n').length - 1;
  const long = [...sources('src'), ...sources('crates')].filter(([, t]) => lines(t) > 400).map(([f, t]) => `${f}: ${lines(t)}`);
  assert.deepEqual(long, []);
  const components = sources('src/components').filter(([f]) => !f.endsWith('mod.rs'));
  const big = components.filter(([, t]) => lines(t) > 150).map(([f, t]) => `${f}: ${lines(t)}`);
  assert.deepEqual(big, []);
});

/**
 * The app's module graph from its sources: for each file (as `components/cards/card`),
 * the modules it names through `crate::…` and `super::…` paths (comments and strings
 * left out), resolved to files.
 */
function appGraph() {
  const files = sources('src').map(([f, text]) => [f.replace(/^src\//, '').replace(/(\/mod)?\.rs$/, ''), text]);
  const known = new Set(files.map(([m]) => m));
  const resolve = (parts) => {
    for (let n = parts.length; n > 0; n--) {
      const m = parts.slice(0, n).join('/');
      if (known.has(m)) return m;
    }
    return null;
  };
  const graph = new Map();
  for (const [module, text] of files) {
    const code = text.replace(/\/\/.*$/gm, '').replace(/"(?:[^"\\]|\\.)*"/g, '""').split('#[cfg(test)]')[0];
    const parent = module.endsWith('/lib') || !module.includes('/') ? [] : module.split('/').slice(0, -1);
    const here = known.has(module) && files.some(([m]) => m.startsWith(`${module}/`)) ? module.split('/') : parent;
    const deps = new Set();
    // `use a::{b, c::d}` names a::b and a::c::d; a path `crate::x::y` anywhere names x::y.
    for (const m of code.matchAll(/\b(crate|super)((?:::\w+)+)(?:::\{([^;]*?)\})?/g)) {
      const base = m[1] === 'crate' ? [] : here;
      const path = [...base, ...m[2].split('::').filter(Boolean)];
      const inner = m[3] ? m[3].split(',').map((s) => s.trim().split('::')[0]).filter((s) => /^\w+$/.test(s)) : [''];
      for (const first of inner) {
        const target = resolve(first ? [...path, first] : path);
        if (target && target !== module && !module.startsWith(`${target}/`)) deps.add(target);
      }
    }
    graph.set(module, deps);
  }
  return graph;
}

/** The first cycle in `graph` (a list of modules), or null. */
function cycle(graph) {
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) { const found = visit(next); if (found) return found; }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) if (!state.has(node)) { const found = visit(node); if (found) return found; }
  return null;
}

test("the app's files depend on one another one way, and its layers in order", () => {
  const graph = appGraph();
  const edges = [...graph.values()].reduce((n, d) => n + d.size, 0);
  assert.ok(edges > 100, `the graph has only ${edges} edges: the reader missed the paths`);
  assert.ok(graph.get('components/cards/group').has('components/cards/card'));
  assert.ok(graph.get('effects/autosave').has('state'));
  assert.equal(cycle(graph), null, `a cycle: ${cycle(graph)?.join(' → ')}`);
  // The layers: components → effects → state → storage / dom; nothing points back up.
  const layer = (m) => ['components', 'effects', 'state', 'storage', 'dom', 'keymap'].indexOf(m.split('/')[0]);
  const upward = [...graph].flatMap(([m, deps]) => [...deps].filter((d) => layer(d) >= 0 && layer(m) >= 0 && layer(d) < layer(m)).map((d) => `${m} → ${d}`));
  assert.deepEqual(upward, []);
  // The checker sees a cycle when there is one.
  assert.deepEqual(cycle(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]])), ['a', 'b', 'a']);
});

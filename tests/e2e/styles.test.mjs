// The style sheet keeps its colours, type sizes, spacing and corners as tokens (CSS custom
// properties declared on :root), so that the screen stays one design: anywhere else, a
// literal colour, a rem size or a rem space is a mistake this test names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// The sheets in the order index.html loads them (main.css declares the tokens).
const sheets = [...readFileSync(new URL('../../index.html', import.meta.url), 'utf8').matchAll(/rel="css" href="([^"]+)"/g)].map((m) => m[1]);
const css = sheets.map((f) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8')).join('\n').replace(/\/\*[\s\S]*?\*\//g, '');

/** Every `property: value` declaration, with the selector it is under. */
function declarations(sheet) {
  const out = [];
  const stack = [];
  let buffer = '';
  for (const ch of sheet) {
    if (ch === '{') { stack.push(buffer.trim()); buffer = ''; }
    else if (ch === '}' || ch === ';') {
      const at = buffer.indexOf(':');
      if (at > 0 && stack.length && !buffer.trim().startsWith('@')) {
        out.push({ selector: stack.at(-1), property: buffer.slice(0, at).trim(), value: buffer.slice(at + 1).trim() });
      }
      buffer = '';
      if (ch === '}') stack.pop();
    } else buffer += ch;
  }
  return out;
}

const all = declarations(css);
const used = all.filter((d) => !d.property.startsWith('--'));

test('the tokens are declared on :root, and the dark theme overrides only tokens', () => {
  const tokens = all.filter((d) => d.property.startsWith('--') && d.selector === ':root').map((d) => d.property);
  for (const t of ['--ink', '--paper', '--focus', '--text-sm', '--space-3', '--radius-md', '--font-text']) {
    assert.ok(tokens.includes(t), `${t} is not a token`);
  }
  const dark = all.filter((d) => /data-theme="dark"|not\(\[data-theme="light"\]\)/.test(d.selector));
  assert.ok(dark.length > 5);
  for (const d of dark) assert.ok(d.property.startsWith('--') || d.property === 'color-scheme', `${d.selector} sets ${d.property}`);
  // Every token used is declared (a typo would fall back silently).
  const declared = new Set(all.filter((d) => d.property.startsWith('--')).map((d) => d.property));
  const set = ['--tag', '--tag-tint', '--cue', '--top-h', '--rows', '--status', ...Array.from({ length: 6 }, (_, i) => `--band-${i}`)];
  for (const name of new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]))) {
    assert.ok(declared.has(name) || set.includes(name), `${name} is used but never declared`);
  }
});

test('colours, type sizes, spaces and corners come from the tokens', () => {
  const problems = [];
  for (const { selector, property, value } of used) {
    if (/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i.test(value)) problems.push(`${selector} { ${property}: ${value} } has a literal colour`);
    if (/^font(-size)?$/.test(property) && /\d(rem|px)\b/.test(value)) problems.push(`${selector} { ${property}: ${value} } has a literal size`);
    if (/^(gap|row-gap|column-gap|padding|margin|inset)(-|$)/.test(property) && /(?<![\w-])[\d.]+rem\b/.test(value)) {
      problems.push(`${selector} { ${property}: ${value} } has a literal space`);
    }
    if (property === 'border-radius' && /(?<![\w-])[\d.]+(rem|px)\b/.test(value)) problems.push(`${selector} { ${property}: ${value} } has a literal corner`);
  }
  assert.deepEqual(problems, []);
});

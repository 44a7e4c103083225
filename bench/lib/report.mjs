// BENCHMARKS.md from a results object (and criterion's estimates, when present).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ms = (v) => (v === null || v === undefined ? '—' : v >= 100 ? `${Math.round(v)}` : v.toFixed(1));
const pair = (s) => (!s ? '—' : s.skipped ? 'n/a¹' : s.failed ? `${ms(s.median)} / ${ms(s.p95)} (${s.failed} of ${s.n} failed: storage full²)` : `${ms(s.median)} / ${ms(s.p95)}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const BUDGET_CASE = 'book-10000';

const STEPS = [
  ['open', 'open the saved document (navigation → first paint)'],
  ['open_drawn', 'open the saved document: until the whole text is in the page (drawn in idle time after the first paint)'],
  ['open_idb', 'open the saved document: IndexedDB read of the whole library (in boot.js, beside the wasm start)'],
  ['import', 'import the export file (choose file → paint)'],
  ['add', 'add one span (key → paint)'],
  ['retag', 'retag one span (change → paint)'],
  ['delete', 'delete one span (key → paint)'],
  ['undo', 'undo (key → paint)'],
  ['save', 'save after one edit: main-thread time (debounced; the IndexedDB commit follows off the main thread)'],
  ['export', 'export native JSON (serialise)'],
  ['scroll', 'scroll top to bottom: frame interval'],
];

function budgets(r) {
  const book = r.cases.find((c) => c.name === BUDGET_CASE)?.app;
  const epic = r.cases.find((c) => c.name === 'epic-10000')?.app;
  const rows = [
    ['Boot to interactive, sample article', '≤ 300 ms', r.boot?.median, 300],
    ['Release wasm, gzip', '≤ 200 KB', r.wasm.gzip / 1024, 200, kb(r.wasm.gzip)],
  ];
  if (book) {
    rows.push(
      ['Add one span, 100k words / 10k spans', '≤ 16 ms', book.add?.median, 16],
      ['Retag one span, same', '≤ 16 ms', book.retag?.median, 16],
      ['Delete one span, same', '≤ 16 ms', book.delete?.median, 16],
      ['First render, same (open, incl. boot)', '≤ 500 ms', book.open?.median, 500],
      ['Save after one edit, same (main thread)', '≤ 5 ms', book.save?.median, 5],
    );
  }
  if (epic) rows.push(['Reopen a saved 600k-word / 10k-span book (navigation → first paint)', '≤ 1 s', epic.open?.median, 1000]);
  return rows.map(([what, budget, value, limit, shown]) =>
    `| ${what} | ${budget} | ${shown ?? (value === undefined || value === null ? '—' : `${ms(value)} ms`)} | ${value !== undefined && value !== null && value <= limit ? 'met' : '**missed**'} |`);
}

/** Criterion's medians (ns) by benchmark id. */
function criterion(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const estimates = join(d, e.name, 'new', 'estimates.json');
      if (existsSync(estimates)) {
        const median = JSON.parse(readFileSync(estimates, 'utf8')).median.point_estimate;
        const bench = JSON.parse(readFileSync(join(d, e.name, 'new', 'benchmark.json'), 'utf8'));
        found.push({ id: bench.full_id, median });
      } else if (e.name !== 'report') walk(join(d, e.name));
    }
  };
  walk(dir);
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

const duration = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(2)} µs`);

/** The research desk's budgets in Chromium (bench/lib/desk.mjs): the slowest query's median. */
function deskBrowser(desk) {
  if (!desk) return [];
  const queries = Object.entries(desk).filter(([k]) => k.startsWith('query: '));
  const slowest = Math.max(...queries.map(([, q]) => q.query.median));
  const rows = [
    ['A library search, 50 documents / 1M words / 20k annotations (slowest query; Chromium)', '≤ 30 ms', slowest, 30],
    ['Indexing one edit, 600k words / 10k annotations (Chromium)', '≤ 2 ms', desk.index_edit.median, 2],
  ];
  return rows.map(([what, budget, v, limit]) => `| ${what} | ${budget} | ${ms(v)} ms | ${v <= limit ? 'met' : '**missed**'} |`);
}

/** The desk's steps in Chromium, median / p95. */
function deskSteps(desk) {
  if (!desk) return '';
  const queries = Object.entries(desk).filter(([k]) => k.startsWith('query: '));
  return `
In Chromium, the same library imported as an "Export all" file (50 documents, 1M words, 20k annotations):

| step (median / p95, ms) | query (the app's 'search' measure) | typed → results painted |
|---|---|---|
${queries.map(([k, q]) => `| ${k.slice(7)} | ${pair(q.query)} | ${pair(q.paint)} |`).join('\n')}
| one edit of the 600k-word book indexed again (after its paint) | ${pair(desk.index_edit)} | — |
| the 600k-word book's suggestions worked out again after that edit (the library's 20k annotations teach them) | ${pair(desk.suggest_book)} | — |

Reading and indexing the whole library for the first search (in the background, one document per task): ${ms(desk.index_library)} ms.
`;
}

/** The research desk's budgets, from criterion (host): the slowest benchmark of each kind. */
function deskBudgets(crit) {
  const worst = (prefix) => Math.max(...crit.filter((c) => c.id.startsWith(prefix)).map((c) => c.median));
  return [
    ['A library search, 50 documents / 1M words / 20k annotations (slowest query; host)', '≤ 30 ms', 'search/query,', 30],
    ['Indexing one edit, 600k words / 10k annotations (host)', '≤ 2 ms', 'search/update,', 2],
    ['Suggestions for a 100k-word article, 20,000-entry dictionary (host)', '≤ 50 ms', 'suggest/suggest,', 50],
  ].filter(([, , prefix]) => crit.some((c) => c.id.startsWith(prefix))).map(([what, budget, prefix, limit]) => {
    const ns = worst(prefix);
    return `| ${what} | ${budget} | ${duration(ns)} | ${ns / 1e6 <= limit ? 'met' : '**missed**'} |`;
  });
}

/** The cases not measured in this run (single cases rerun and merged into earlier results). */
function measuredApart(r) {
  const apart = r.cases.filter((c) => !c.date || Math.abs(Date.parse(c.date) - Date.parse(r.date)) > 3600e3);
  const when = (c) => c.date?.slice(0, 16).replace('T', ' ') ?? 'earlier';
  return apart.length ? `; measured apart: ${apart.map((c) => `${c.name} (${when(c)})`).join(', ')}` : '';
}

export function report(r, criterionDir) {
  const cases = r.cases;
  const head = `| step (median / p95, ms) | ${cases.map((c) => `${c.words / 1000}k words, ${c.spans} spans`).join(' | ')} |`;
  const rule = `|---|${cases.map(() => '---').join('|')}|`;
  const stepRows = STEPS.map(([key, label]) => `| ${label} | ${cases.map((c) => pair(c.app[key])).join(' | ')} |`);
  const extra = [
    `| DOM nodes and attributes changed by one add | ${cases.map((c) => ms(c.app.add_dom_changes?.median)).join(' | ')} |`,
    `| app commit of one add (key → DOM updated) | ${cases.map((c) => ms(c.app.add_commit?.median)).join(' | ')} |`,
    `| long tasks (> 50 ms) while scrolling; longest | ${cases.map((c) => `${c.app.scroll.long_tasks}; ${ms(c.app.scroll.longest_task)}`).join(' | ')} |`,
    `| elements in the page | ${cases.map((c) => c.app.dom_nodes).join(' | ')} |`,
  ];
  const peerRows = cases.filter((c) => c.peer).flatMap((c) => [
    ['first render', c.app.open, c.peer.open],
    ['add one span → paint', c.app.add, c.peer.add],
  ].map(([step, us, peer]) => `| ${c.words / 1000}k words, ${c.spans} spans | ${step} | ${ms(us?.median)} | ${ms(peer?.median)} | ${us?.median && peer?.median ? (us.median / peer.median).toFixed(2) : '—'} |`));
  const crit = criterion(criterionDir);

  return `# Benchmarks

Written by \`make bench\` (bench/run.mjs); raw numbers in [bench/results.json](bench/results.json).
Do not edit by hand: run \`make bench\` again.

- Date: ${r.date}${measuredApart(r)}
- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory_gb} GB, ${r.machine.os}
- Browser: ${r.browser}; viewport 1280×900
- Runs: ${r.options.warmup} warm-up, ${r.options.runs} measured per step; medians and 95th percentiles
- Documents: seeded (crates/bench, seed 1): paragraphs of 30–180 words, names, numbers, accents and
  emoji; spans 1–12 words, 5 % nested five deep, 5 % crossing pairs, a tenth (at most 1,000) on one sentence.
- "→ paint": from just before the event to the next animation frame plus a message task, i.e. after the
  frame that shows the change.

## Budgets (${BUDGET_CASE})

| budget | limit | median | |
|---|---|---|---|
${budgets(r).join('\n')}

## Size

| release wasm | raw | gzip (zlib, level 9) | brotli 11 |
|---|---|---|---|
| article-annotator_bg.wasm | ${kb(r.wasm.raw)} | ${kb(r.wasm.gzip)} | ${kb(r.wasm.brotli)} |

JS glue: ${kb(r.wasm.js_glue)} uncompressed.
${(r.wasm.top ?? []).length ? `
Largest items before wasm-bindgen and wasm-opt (\`twiggy top\` on the release build that keeps names; raw bytes):

| item | bytes |
|---|---|
${r.wasm.top.map((t) => `| \`${t.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|').slice(0, 110)}\` | ${t.size} |`).join('\n')}
` : ''}
## Steps

Boot to interactive (sample article, empty storage, navigation → first paint): ${pair(r.boot)} ms.

${head}
${rule}
${stepRows.join('\n')}
${extra.join('\n')}

¹ Not measured in this run.
² The app then keeps working in memory and says so in a banner with an Export button (see README).

## Side by side: ${r.peer}

Same documents, same Chromium run, the peer with its default SPANS renderer. Its first render is
from navigation to the paint that shows its highlights; ours is "open the saved document".

| document | step | us (ms) | peer (ms) | us / peer |
|---|---|---|---|---|
${peerRows.join('\n')}
${crit.length ? `
## Research desk budgets (medians: in Chromium, then criterion on the host)

| budget | limit | median | |
|---|---|---|---|
${[...deskBrowser(r.desk), ...deskBudgets(crit)].join('\n')}
${deskSteps(r.desk)}
## Core micro-benchmarks (criterion, host, median)

| benchmark | median |
|---|---|
${crit.map((c) => `| ${c.id} | ${duration(c.median)} |`).join('\n')}
` : ''}`;
}

// `make bench`: seeded documents, the release build and the peer in one headless Chromium;
// writes bench/results.json and BENCHMARKS.md. Knobs (environment): BENCH_RUNS (15),
// BENCH_WARMUP (5), BENCH_CASES (comma list of case names, or "all"), BENCH_PEER (1),
// BENCH_DESK (1: the library search over 50 documents).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { launch } from '../tests/e2e/helpers.mjs';
import { bootTimes, benchCase } from './lib/app.mjs';
import { benchDesk } from './lib/desk.mjs';
import { benchPeer } from './lib/peer.mjs';
import { report } from './lib/report.mjs';
import { serve } from './lib/serve.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const options = { warmup: env('BENCH_WARMUP', 5), runs: env('BENCH_RUNS', 15), maxFrames: 600 };

const WORDS = { news: 2_000, long: 20_000, book: 100_000, epic: 600_000 };
const SPANS = [0, 100, 1_000, 10_000];
// The default set: each length with the span count it is typical of, plus the budget case.
const DEFAULT = ['news-100', 'long-1000', 'book-0', 'book-10000', 'epic-10000'];
// The peer takes minutes past 100k words; it is timed where the comparison means something.
const PEER = ['news-100', 'long-1000', 'book-10000'];

const all = Object.keys(WORDS).flatMap((w) => SPANS.map((s) => `${w}-${s}`));
const wanted = process.env.BENCH_CASES === 'all' ? all : (process.env.BENCH_CASES?.split(',') ?? DEFAULT);
const fixtures = `${root}target/bench-fixtures/`;
mkdirSync(fixtures, { recursive: true });

const cases = wanted.map((name) => {
  const [size, spans] = name.split('-');
  if (!(size in WORDS) || !SPANS.includes(Number(spans))) throw new Error(`unknown case ${name}; one of ${all.join(', ')}`);
  const words = WORDS[size];
  const fixture = `${fixtures}${words}w-${spans}.json`;
  // Written afresh every run (a second or two): a file left from an older build would be
  // an older schema, which takes the slower upgrading path on import.
  const json = execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'annotator-bench', '--bin', 'bench-fixture',
    '--', String(words), spans, '1'], { cwd: root, maxBuffer: 1 << 30 });
  writeFileSync(fixture, json);
  return { name, words, spans: Number(spans), fixture };
});

const library = `${fixtures}library-50.json`;
if (process.env.BENCH_DESK !== '0') {
  writeFileSync(library, execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'annotator-bench', '--bin', 'bench-fixture',
    '--', 'library'], { cwd: root, maxBuffer: 1 << 30 }));
}

const wasm = readFileSync(`${root}dist/article-annotator_bg.wasm`);
const sizes = {
  raw: wasm.length,
  gzip: zlib.gzipSync(wasm, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  js_glue: readFileSync(`${root}dist/article-annotator.js`).length,
  top: contributors(),
};

/** The largest items of the release build that keeps names (twiggy), if twiggy is there. */
function contributors() {
  try {
    const named = `${root}target/wasm32-unknown-unknown/release/article-annotator.wasm`;
    const out = execFileSync('twiggy', ['top', '-n', '22', '-f', 'csv', named], { encoding: 'utf8' });
    return out.trim().split('\n').slice(1).map((line) => {
      const [, name, size] = line.match(/^"?(.*?)"?,(\d+),/) ?? [];
      return { name: name?.replace(/""/g, '"'), size: Number(size) };
    }).filter((r) => r.name && !/function names|__wasm_bindgen_unstable|and \d+ more/.test(r.name)).slice(0, 15);
  } catch {
    return [];
  }
}

const server = await serve({
  '/': `${root}dist`,
  '/peer/': `${root}bench/peer`,
  '/vendor/': `${root}bench/node_modules/@recogito/text-annotator/dist`,
  '/fixtures/': fixtures,
});
const browser = await launch();
const results = {
  date: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}` },
  browser: `Chromium ${browser.version()} (headless)`,
  peer: `@recogito/text-annotator ${JSON.parse(readFileSync(`${root}bench/node_modules/@recogito/text-annotator/package.json`)).version}`,
  options,
  wasm: sizes,
  boot: null,
  cases: [],
  desk: null,
};
try {
  console.log('boot (sample article)…');
  results.boot = await bootTimes(browser, server.url, options);
  for (const c of cases) {
    console.log(`${c.name}: ${c.words} words, ${c.spans} spans…`);
    // Its own date: a case rerun alone (BENCH_CASES) may be merged into an earlier run's results.
    const date = new Date().toISOString();
    const entry = { name: c.name, words: c.words, spans: c.spans, date, app: await benchCase(browser, server.url, c, options) };
    if (process.env.BENCH_PEER !== '0' && PEER.includes(c.name)) {
      console.log(`${c.name}: peer…`);
      entry.peer = await benchPeer(browser, server.url, c, options);
    }
    results.cases.push(entry);
  }
  if (process.env.BENCH_DESK !== '0') {
    console.log('research desk: a library of 50 documents…');
    results.desk = await benchDesk(browser, server.url, library, options);
  }
} finally {
  await browser.close();
  server.close();
}
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 1)}\n`);
writeFileSync(`${root}BENCHMARKS.md`, report(results, `${root}target/criterion`));
console.log('wrote bench/results.json and BENCHMARKS.md');

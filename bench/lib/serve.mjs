// A static server on 127.0.0.1 for the release build (dist/) and the peer page. Node's
// own http, so the timings never include a slow dev server.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** Serves each `prefix → directory` of `mounts` (longest prefix first); resolves to { url, close }. */
export async function serve(mounts) {
  const entries = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = entries.find(([p]) => path.startsWith(p)) ?? [];
    const rel = normalize(path.slice(prefix?.length ?? 0)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir ?? '/nonexistent', rel.endsWith('/') || rel === '' || rel === '.' ? 'index.html' : rel);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

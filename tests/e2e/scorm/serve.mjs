// Test-only static server for the SCORM runtime e2e (tests/e2e/scorm.spec.ts): the unpacked
// packages (dist-scorm/scorm12/, dist-scorm/scorm2004/), this folder's LMS host page at /__host/
// and scorm-again's browser builds at /__lib/. Twenty lines of node:http rather than a dependency;
// it serves files only, under those three roots.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] ?? 6329);
const roots = [
  ['/__host/', resolve('tests/e2e/scorm')],
  ['/__lib/', resolve('node_modules/scorm-again/dist')],
  ['/', resolve('dist-scorm')],
];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.png': 'image/png', '.woff2': 'font/woff2' };
createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const [prefix, dir] = roots.find(([p]) => path.startsWith(p));
  const file = normalize(join(dir, path.slice(prefix.length)));
  if (!file.startsWith(dir)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`scorm test server on http://127.0.0.1:${port}/`));

/**
 * A minimal static file server for the offline tests: it serves a built site under its base and can
 * be switched to another build (a new version of the course) or stopped (the network gone) while the
 * browser keeps its service worker. Hand-written (about 40 lines) because `astro preview` can do
 * neither and the project has no static server dependency. Listens on a free loopback port.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** http://127.0.0.1:<port><base> */
  url: string;
  /** Serve another build from now on. */
  serve(dir: string): void;
  /** Number of requests answered so far. */
  requests(): number;
  close(): Promise<void>;
}

export async function startStaticServer(dir: string, base = '/'): Promise<StaticSite> {
  let root = dir;
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    let file = join(root, normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, ''));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(root, '404.html');
    // no-cache: every request is revalidated, as a deployed static host with short caching would do.
    res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    serve: (d) => void (root = d),
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

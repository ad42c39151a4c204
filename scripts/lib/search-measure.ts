/**
 * Measures the sharded search of a BUILT site (dist/) as the browser uses it: the engine of
 * src/lib/search/engine.ts over the files the site ships under /search/data/, read from disk.
 * Reusable: `npm run bench:search` and `npm run bench:scale` call measureSearch().
 *
 * - bytes per query: what a fresh page fetches for one query (manifest + the shards of its
 *   tokens + the fragment files of its top results), each file counted brotli-compressed
 *   (quality 11, as a static host serves it), for the header box (top 6), the search page's
 *   first answer (top 10) and the page after one 显示更多结果 (top 30). Typical queries: glossary terms and 2–4 character words from lesson titles
 *   (seeded sample), plus the broadest query (协调).
 * - first result: CPU (and wall) time from nothing loaded to the first answer of the header box:
 *   parse the manifest, the shards, the fragments, score (network time is not included here).
 * - query p95 after caching: every typical query, then random substrings, 3 runs each, top 50
 *   with snippets, CPU time of this process (process.cpuUsage; other programs on a shared
 *   machine do not inflate it), after the files they need are loaded.
 * - memory: JS heap held by an engine that has answered every measured query (manifest, cached
 *   shards and fragments), after garbage collection when node runs with --expose-gc.
 * Usage from Node 22 with --experimental-strip-types: `await measureSearch('dist')`.
 */
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import { queryTokens } from '../../src/lib/search/analyzer.ts';
import { MANIFEST_FILE, SEARCH_DATA_DIR, type ManifestJSON } from '../../src/lib/search/shards.ts';

/** Header box and search page result counts (SearchBox.tsx TOP, SearchPage.tsx FIRST). */
export const HEADER_LIMIT = 6;
export const PAGE_LIMIT = 10;
/** The search page after one 显示更多结果 (SearchPage.tsx FIRST + MORE). */
export const PAGE_MORE_LIMIT = 30;
/** Warm latency is measured for the top 50 with snippets (the figure before paging, kept comparable). */
export const LATENCY_LIMIT = 50;
export const BROADEST_QUERY = '协调';

export const dataDir = (dist: string) => join(dist, SEARCH_DATA_DIR);

const brCache = new Map<string, number>();
/** Brotli size (quality 11) of a search data file, memoised. */
export function brotliBytes(dist: string, file: string): number {
  const path = join(dataDir(dist), file);
  let n = brCache.get(path);
  if (n === undefined) {
    n = brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brCache.set(path, n);
  }
  return n;
}

/** An engine over dist's search files; `fetched` lists the files it read (in order). */
export async function openEngine(dist: string): Promise<SearchEngine> {
  return SearchEngine.open(async (file) => JSON.parse(readFileSync(join(dataDir(dist), file), 'utf8')));
}

export const bytesOf = (dist: string, files: string[]) => [...new Set(files)].reduce((s, f) => s + brotliBytes(dist, f), 0);

function cpuTimed<T>(fn: () => Promise<T>): Promise<{ cpu: number; wall: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  return fn().then((value) => {
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { cpu: (c.user + c.system) / 1000, wall, value };
  });
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}

/** Typical queries of a built site: glossary terms and words from lesson titles (seeded), and 协调. */
export function typicalQueries(manifest: ManifestJSON, n = 40): string[] {
  let seed = 17;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const terms = manifest.docs.filter((d) => d[0] === 2).map((d) => d[1]);
  const titles = manifest.docs.filter((d) => d[0] === 0 || d[0] === 1).map((d) => d[1]);
  const out = new Set<string>([BROADEST_QUERY]);
  for (let tries = 0; out.size < n && tries < n * 50; tries++) {
    if (rand() < 0.5 && terms.length) out.add(terms[Math.floor(rand() * terms.length)]!);
    else if (titles.length) {
      const runs = titles[Math.floor(rand() * titles.length)]!.match(/\p{Script=Han}{2,}/gu) ?? [];
      const run = runs[Math.floor(rand() * runs.length)];
      if (!run) continue;
      const len = Math.min(run.length, 2 + Math.floor(rand() * 3));
      const at = Math.floor(rand() * (run.length - len + 1));
      out.add(run.slice(at, at + len));
    }
  }
  return [...out];
}

export interface SearchMeasure {
  machine: string;
  docs: number;
  files: { shards: number; fragments: number; totalRawKB: number; manifestKB: number; largestShardKB: number };
  queries: string[];
  /** Brotli KB a fresh page fetches for one typical query: header box and search page, median / p95 / max. */
  headerKB: { median: number; p95: number; max: number; worst: string };
  pageKB: { median: number; p95: number; max: number; worst: string };
  /** The search page after one 显示更多结果 (top PAGE_MORE_LIMIT), brotli KB, median / p95. */
  pageMoreKB: { median: number; p95: number };
  broadestKB: { header: number; page: number };
  /** Cold first answer of the header box (ms CPU / wall), median over the typical queries. */
  firstResultMs: { cpu: number; wall: number; p95cpu: number };
  /** Warm query latency, top 50 with snippets, ms CPU. */
  queryMs: { p50: number; p95: number; wallP95: number; runs: number; broadest: number };
  memoryMB: number;
  gc: boolean;
}

/** Measures dist's search (see the file comment). `extra`: more queries for the latency figures. */
export async function measureSearch(dist: string, opts: { queries?: string[]; extra?: string[]; runs?: number } = {}): Promise<SearchMeasure> {
  const dir = dataDir(dist);
  if (!existsSync(join(dir, MANIFEST_FILE))) throw new Error(`No ${join(dir, MANIFEST_FILE)}: build the site first.`);
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as ManifestJSON;
  const names = readdirSync(dir);
  const queries = opts.queries ?? typicalQueries(manifest);

  // Bytes and cold first result, one fresh engine per query (nothing cached, as on a new page).
  const header: number[] = [];
  const page: number[] = [];
  const pageMore: number[] = [];
  const firstCpu: number[] = [];
  const firstWall: number[] = [];
  let worstH = '';
  let worstP = '';
  let broadest = { header: 0, page: 0 };
  for (const q of queries) {
    const t = await cpuTimed(async () => {
      const e = await openEngine(dist);
      await e.search(q, { limit: HEADER_LIMIT });
      return e;
    });
    firstCpu.push(t.cpu);
    firstWall.push(t.wall);
    const h = bytesOf(dist, [MANIFEST_FILE, ...t.value.fetched]) / 1024;
    const e2 = await openEngine(dist);
    await e2.search(q, { limit: PAGE_LIMIT });
    const p = bytesOf(dist, [MANIFEST_FILE, ...e2.fetched]) / 1024;
    await e2.search(q, { limit: PAGE_MORE_LIMIT });
    pageMore.push(bytesOf(dist, [MANIFEST_FILE, ...e2.fetched]) / 1024);
    if (h > Math.max(0, ...header)) worstH = q;
    if (p > Math.max(0, ...page)) worstP = q;
    header.push(h);
    page.push(p);
    if (q === BROADEST_QUERY) broadest = { header: h, page: p };
  }

  // Warm latency and memory: one engine answers everything.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const engine = await openEngine(dist);
  const all = [...queries, ...(opts.extra ?? [])].filter((q) => queryTokens(q).length);
  for (const q of all) await engine.search(q, { limit: LATENCY_LIMIT }); // loads what each needs
  const cpu: number[] = [];
  const wall: number[] = [];
  const runs = opts.runs ?? 3;
  let broadestMs = 0;
  for (const q of all) {
    for (let k = 0; k < runs; k++) {
      const t = await cpuTimed(() => engine.search(q, { limit: LATENCY_LIMIT }));
      cpu.push(t.cpu);
      wall.push(t.wall);
      if (q === BROADEST_QUERY) broadestMs = Math.max(broadestMs, t.cpu);
    }
  }
  gc?.();
  const memoryMB = Math.max(0, process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const stat = (xs: number[]) => ({ median: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });
  const os = await import('node:os');
  return {
    machine: `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, node ${process.version}`,
    docs: manifest.docs.length,
    files: {
      shards: manifest.shards.length,
      fragments: manifest.frags.length,
      totalRawKB: names.reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1024,
      manifestKB: brotliBytes(dist, MANIFEST_FILE) / 1024,
      largestShardKB: Math.max(...manifest.shards.map(([, f]) => statSync(join(dir, f)).size)) / 1024,
    },
    queries,
    headerKB: { ...stat(header), worst: worstH },
    pageKB: { ...stat(page), worst: worstP },
    pageMoreKB: { median: quantile(pageMore, 0.5), p95: quantile(pageMore, 0.95) },
    broadestKB: broadest,
    firstResultMs: { cpu: quantile(firstCpu, 0.5), wall: quantile(firstWall, 0.5), p95cpu: quantile(firstCpu, 0.95) },
    queryMs: { p50: quantile(cpu, 0.5), p95: quantile(cpu, 0.95), wallP95: quantile(wall, 0.95), runs: cpu.length, broadest: broadestMs },
    memoryMB,
    gc: Boolean(gc),
  };
}

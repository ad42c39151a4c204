#!/usr/bin/env node
/**
 * `npm run bench:scale` (issue 17): a synthetic catalogue grown from the real course
 * (scripts/lib/scale-catalogue.mjs) at 28, 280 and 1,000 lessons, each in a temporary copy of the
 * project, built, measured, and printed as one table against the budgets of issue 17.
 * Not part of `npm test` (minutes per size). Exits 1 when a budget is missed.
 *
 * Usage: `npm run bench:scale` (28, 280, 1000) or `npm run bench:scale -- 1000` (sizes as arguments).
 * Options: --sizes=28,280,1000 (same as the arguments)  --builds=N (build each size N times; medians
 * of wall, CPU and peak)  --src=<checkout to copy> (default: this one; e.g. --src=/work/main measures
 * another branch with this script; its package-lock should match)  --modules=<node_modules to link>
 * --no-lighthouse  --keep (leave the temporary copies)  --build-only (build and dist figures only: no search
 * measurement, no Lighthouse; the search step alone takes about 5 min at 1,000 lessons).
 * The build runs as `npm run build` does: the Node flags of package.json's "build" script (e.g. heap
 * sizing) are passed on; BENCH_NODE_ARGS adds more (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"); BENCH_BUILD_LOG=<file>
 * keeps the whole build output.
 * Env: BENCH_PORT (static server for Lighthouse and the search hook; default E2E_PORT+7 or 4336),
 * LH_RUNS (Lighthouse runs per size, median counts; default 3), CHROMIUM_PATH.
 *
 * Progress goes to stderr (one line per step, and every 15 s of a build: elapsed, pages written, memory
 * of the build's process tree, load average); the table of each size is printed as soon as it is measured,
 * then the whole table. The temporary copies are removed at the end, on failure and on Ctrl-C.
 *
 * Figures: build wall time, CPU time (user + sys of the build and its children, GNU time) and the
 * load average during the build (the machine is shared: wall time includes waiting for others);
 * peak memory (the larger of the sum of the resident memory of the build's process tree, sampled every
 * 500 ms, and the largest single process's high-water mark); dist size; a lesson page
 * (methods/timing and the largest ordinary lesson): HTML gzip -9 and element count (start tags); the
 * progress page's HTML; search (see the hook below); Lighthouse performance (mobile defaults) of the
 * lesson page, median of LH_RUNS.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, writeFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { growCatalogue } from './lib/scale-catalogue.mjs';

const arg = (/** @type {string} */ name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const positional = process.argv.slice(2).filter((a) => /^\d+(,\d+)*$/.test(a)).join(',');
const SIZES = (arg('sizes') ?? (positional || '28,280,1000')).split(',').map(Number);
const BUILDS = Math.max(1, Number(arg('builds') ?? 1));
const SRC = resolve(arg('src') ?? '.');
const KEEP = process.argv.includes('--keep');
const BUILD_ONLY = process.argv.includes('--build-only');
const LIGHTHOUSE = !BUILD_ONLY && !process.argv.includes('--no-lighthouse');
const PORT = Number(process.env.BENCH_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 7 : 4336));
const LH_RUNS = Math.max(1, Number(process.env.LH_RUNS ?? 3));
const KB = 1024;
const MB = 1024 * KB;
const SAMPLE = 'methods/timing';
const T0 = performance.now();
const say = (/** @type {string} */ msg) => process.stderr.write(`[bench:scale ${((performance.now() - T0) / 1000).toFixed(0).padStart(5)} s] ${msg}\n`);

/** Budgets (issue 17). Page figures: independent of the course's size (≤ 10% above 28 lessons). */
const BUDGET = {
  buildS: 60,
  peakMB: 2048,
  lessonGzipKB: 60, // the audit's lesson budget (scripts/audit.mjs)
  growth: 1.1,
  searchKB: 200,
  // The search page (top 50 with snippets): no worse than what every visitor downloaded before the
  // shards (the whole index at 28 lessons, bench:search).
  searchPageKB: 326.6,
  firstResultMs: 1000,
  searchMemMB: 50,
  p95Ms: 20,
  lighthouse: 0.95,
};

/* ---------- cleanup: temporary copies and a running build go, whatever happens ---------- */
/** @type {Set<string>} */
const tempDirs = new Set();
/** @type {import('node:child_process').ChildProcess | null} */
let running = null;
function cleanup() {
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGKILL'); // the build's process group (it runs detached)
    } catch {
      /* gone */
    }
  }
  if (!KEEP) for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', cleanup);
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(sig, () => {
    say(`${sig}: stopping the build and removing the temporary copies`);
    cleanup();
    process.exit(130);
  });
}

/* ---------- temporary copy ---------- */
const SKIP = new Set(['node_modules', 'dist', '.git', '.astro', 'test-results', 'playwright-report', 'dist-course', 'dist-content-check']);
function makeCopy(size) {
  const dir = mkdtempSync(join(tmpdir(), `bench-scale-${size}-`));
  tempDirs.add(dir);
  for (const f of readdirSync(SRC)) {
    if (SKIP.has(f) || f.startsWith('dist')) continue;
    cpSync(join(SRC, f), join(dir, f), { recursive: true });
  }
  // This checkout's node_modules (another checkout's may be stale); --modules=<dir> to choose.
  const modules = resolve(arg('modules') ?? 'node_modules');
  symlinkSync(modules, join(dir, 'node_modules'));
  const lessons = growCatalogue(join(dir, 'content'), size);
  return { dir, lessons };
}

/* ---------- build with peak memory of the process tree ---------- */
function treeRss(root) {
  /** @type {Map<number, number[]>} */
  const kids = new Map();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(p)]);
    } catch {
      /* gone */
    }
  }
  let sum = 0;
  const todo = [root];
  while (todo.length) {
    const pid = /** @type {number} */ (todo.pop());
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      sum += Number(m?.[1] ?? 0) * KB;
    } catch {
      /* gone */
    }
    todo.push(...(kids.get(pid) ?? []));
  }
  return sum;
}

/**
 * How the copy's "build" script runs Astro, so the benchmark builds as `npm run build` does: its Node
 * flags and `scripts/astro-build.mjs` (or, in a checkout from before that launcher, `astro build`).
 */
function buildCommand(dir) {
  const script = String(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.build ?? '');
  const m = /^node((?:\s+--[\w-]+(?:=\S+)?)*)\s+(\S+)/.exec(script.trim());
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const nodeArgs = [...(m?.[1] ?? '').split(/\s+/).filter(Boolean), ...extra];
  if (m?.[2] === 'scripts/astro-build.mjs') return { nodeArgs, entry: [join(dir, m[2])] };
  if (/^astro\s+build\b/.test(script.trim()) || m?.[2]?.endsWith('astro.mjs')) return { nodeArgs, entry: [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'] };
  throw new Error(`bench:scale: cannot tell how the copy's build script runs Astro: "${script}"`);
}

function build(dir) {
  return new Promise((res, rej) => {
    const { nodeArgs, entry } = buildCommand(dir);
    if (nodeArgs.length) say(`  node ${nodeArgs.join(' ')}`);
    // Every build starts cold, as on a fresh checkout: no output, no content-layer cache (.astro: a
    // second build skips re-reading unchanged entries) and no Vite dependency cache (node_modules/.vite,
    // which the content sync fills). Before this, builds 2 and 3 of --builds=3 ran warm.
    for (const d of ['dist', '.astro', 'node_modules/.vite']) rmSync(join(dir, d), { recursive: true, force: true });
    const t0 = performance.now();
    // GNU time reports the CPU time of the build and all its descendants: on a shared machine the
    // wall time includes waiting for other programs, the CPU time does not.
    const child = spawn('/usr/bin/time', ['-f', 'BENCH_TIME %U %S %M', process.execPath, ...nodeArgs, ...entry], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_OUT_DIR: './dist', SITE_BASE: '/' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so cleanup() can stop the whole tree
    });
    running = child;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    let log = '';
    let pages = 0;
    const logFile = process.env.BENCH_BUILD_LOG; // the whole build output, e.g. to time its phases
    if (logFile) writeFileSync(logFile, '');
    const onData = (/** @type {string} */ d) => {
      const text = String(d);
      if (logFile) appendFileSync(logFile, text);
      pages += (text.match(/[├└]─ /g) ?? []).length;
      log = (log + text).slice(-20000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let peak = 0;
    /** @type {number[]} */
    const loads = [];
    let ticks = 0;
    const timer = setInterval(() => {
      const rss = treeRss(/** @type {number} */ (child.pid));
      peak = Math.max(peak, rss);
      if (++ticks % 2 === 0) loads.push(loadavg()[0]);
      if (ticks % 30 === 0) say(`  building: ${((performance.now() - t0) / 1000).toFixed(0)} s, ${pages} pages written, ${(rss / MB).toFixed(0)} MB, load ${loadavg()[0].toFixed(1)}`);
    }, 500); // reading /proc for every process is not free on a loaded machine: twice a second
    child.on('exit', (code) => {
      clearInterval(timer);
      running = null;
      const wall = (performance.now() - t0) / 1000;
      const t = /BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(log);
      const cpu = t ? Number(t[1]) + Number(t[2]) : NaN;
      // Peak: the larger of the sampled tree total and the largest single process's high-water mark.
      peak = Math.max(peak, t ? Number(t[3]) * KB : 0);
      const load = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadavg()[0];
      if (code !== 0) rej(new Error(`build failed (${code}) in ${dir}:\n${log}`));
      else res({ wall, cpu, peak, load, pages });
    });
  });
}

/* ---------- dist measurements ---------- */
function walk(dir, out = []) {
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    if (f.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
const elements = (/** @type {string} */ html) => (html.match(/<[a-zA-Z][a-zA-Z0-9-]*[\s>/]/g) ?? []).length;
const gz = (/** @type {string} */ s) => gzipSync(s, { level: 9 }).length;

function measureDist(dist) {
  const files = walk(dist);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const lessonFiles = files.filter((f) => /\/learn\/[^/]+\/[^/]+\/index\.html$/.test(f) && !/\/(present|presenter)\//.test(f));
  let largest = { path: '', gzip: 0, elements: 0 };
  for (const f of lessonFiles) {
    const html = readFileSync(f, 'utf8');
    if (/QuizPoolIsland/.test(html)) continue; // the final's question pool has its own budget in the audit
    const g = gz(html);
    if (g > largest.gzip) largest = { path: f.slice(dist.length), gzip: g, elements: elements(html) };
  }
  const sampleHtml = readFileSync(join(dist, 'learn', SAMPLE, 'index.html'), 'utf8');
  const page = (p) => (existsSync(join(dist, p)) ? gz(readFileSync(join(dist, p), 'utf8')) : NaN);
  return {
    bytes,
    lessons: lessonFiles.length,
    sample: { gzip: gz(sampleHtml), elements: elements(sampleHtml) },
    largest,
    progress: page('progress/index.html'),
    certificate: page('certificate/index.html'),
    home: page('index.html'),
  };
}

/* ---------- static server (Lighthouse, search hook) ---------- */
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain', '.webmanifest': 'application/manifest+json' };
function serve(dist) {
  const server = createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const f = join(dist, p);
    if (!f.startsWith(dist) || !existsSync(f) || statSync(f).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(f))] ?? 'application/octet-stream' });
    res.end(readFileSync(f));
  });
  return new Promise((ok) => server.listen(PORT, '127.0.0.1', () => ok(server)));
}

/**
 * SEARCH HOOK (connected at merge with feat/search-shard): scripts/lib/search-scale.mjs is expected to export
 *   measureSearch({ dist: string, origin: string }) → Promise<{
 *     bytesPerQuery: number,   // median bytes (brotli, as transferred) fetched by a typical query, manifest included
 *     firstResultMs: number,   // median navigation → first result on /search/?q=…, this machine
 *     p95Ms: number,           // query p95 once the shards are cached
 *     memoryMB: number,        // memory held by the loaded search (median)
 *     note?: string }>
 * Until it exists, only the bytes every visitor downloads today (the whole index and store, brotli) are
 * reported, marked "whole index"; the other figures print as "hook".
 */
async function measureSearch(dist, origin) {
  const hook = join(SRC, 'scripts/lib/search-scale.mjs');
  const local = resolve('scripts/lib/search-scale.mjs');
  // This checkout's measurer first: --src=<another checkout> is measured with the same tool.
  const path = existsSync(local) ? local : existsSync(hook) ? hook : null;
  if (path) return { ...(await (await import(path)).measureSearch({ dist, origin })), hooked: true };
  // feat/search-shard's measurer (scripts/lib/search-measure.ts, merged): bytes a fresh search page fetches
  // for a typical query (median), cold first answer (CPU ms, median), warm p95, memory of the loaded search.
  const shard = resolve('scripts/lib/search-measure.ts');
  if (existsSync(shard) && existsSync(join(dist, 'search'))) {
    try {
      const m = await (await import(shard)).measureSearch(dist);
      return { bytesPerQuery: m.headerKB.median * KB, pageBytesPerQuery: m.pageKB.median * KB, firstResultMs: m.firstResultMs.cpu, p95Ms: m.queryMs.p95, memoryMB: m.memoryMB, note: 'shards', hooked: true };
    } catch {
      /* a build without shards (the old whole index): fall through */
    }
  }
  const { brotliCompressSync } = await import('node:zlib');
  const br = ['search/index.json', 'search/store.json'].filter((f) => existsSync(join(dist, f))).reduce((n, f) => n + brotliCompressSync(readFileSync(join(dist, f))).length, 0);
  return { bytesPerQuery: br, firstResultMs: NaN, p95Ms: NaN, memoryMB: NaN, note: 'whole index', hooked: false };
}

async function lighthouse(origin, path) {
  const { default: lh } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chromePath = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions'],
  });
  try {
    const scores = [];
    for (let i = 0; i < LH_RUNS; i++) {
      const r = await lh(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      scores.push(r?.lhr.categories.performance?.score ?? 0);
    }
    return median(scores);
  } finally {
    chrome.kill();
  }
}
const median = (/** @type {number[]} */ xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

/* ---------- run ---------- */
const results = [];
for (const size of SIZES) {
  say(`${size} lessons: copying ${SRC} and growing the catalogue…`);
  const { dir, lessons } = makeCopy(size);
  say(`${lessons} lessons in ${dir}`);
  try {
    /** @type {{wall: number, cpu: number, peak: number, load: number, pages: number}[]} */
    const builds = [];
    for (let i = 0; i < BUILDS; i++) {
      say(`${lessons} lessons: build ${i + 1}/${BUILDS}…`);
      const b = /** @type {{wall: number, cpu: number, peak: number, load: number, pages: number}} */ (await build(dir));
      builds.push(b);
      say(`  built ${b.pages} pages in ${b.wall.toFixed(1)} s (CPU ${b.cpu.toFixed(1)} s), peak ${(b.peak / MB).toFixed(0)} MB, load average ${b.load.toFixed(1)}`);
    }
    const b = {
      wall: median(builds.map((x) => x.wall)),
      cpu: median(builds.map((x) => x.cpu)),
      peak: median(builds.map((x) => x.peak)),
      load: median(builds.map((x) => x.load)),
      pages: builds[0]?.pages ?? 0,
      walls: builds.map((x) => x.wall),
    };
    const dist = join(dir, 'dist');
    say(`${lessons} lessons: measuring dist…`);
    const d = measureDist(dist);
    const server = /** @type {import('node:http').Server} */ (await serve(dist));
    const origin = `http://127.0.0.1:${PORT}`;
    try {
      if (!BUILD_ONLY) say(`${lessons} lessons: measuring search…`);
      const search = BUILD_ONLY ? { skipped: true } : await measureSearch(dist, origin);
      if (LIGHTHOUSE) say(`${lessons} lessons: Lighthouse ×${LH_RUNS}…`);
      const lh = LIGHTHOUSE ? await lighthouse(origin, `/learn/${SAMPLE}/`) : NaN;
      results.push({ size: lessons, ...b, ...d, search, lh });
    } finally {
      server.close();
    }
    printTable(`${lessons} lessons`, results.filter((r) => r.size === lessons));
  } finally {
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

/* ---------- table ---------- */
/** @type {string[]} */
let failures = [];
/** Prints the table of `rs` (one column per size) and returns the budgets they miss. */
function printTable(/** @type {string} */ title, /** @type {any[]} */ rs, quiet = false) {
  const all = [...rs].sort((a, b) => a.size - b.size);
  const misses = [];
  const smallest = Math.min(...results.map((x) => x.size));
  // The growth checks compare with the smallest size measured in this run (none when it is the only one).
  const base = results.find((r) => r.size === smallest);
  const f1 = (/** @type {number} */ n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'hook');
  const row = (/** @type {string} */ label, /** @type {string} */ budget, /** @type {(r: any) => string} */ cell) => [label, budget, ...all.map((r) => cell(r))];
  const check = (/** @type {any} */ r, /** @type {boolean} */ ok, /** @type {string} */ what) => {
    if (r.search.skipped && /^search/.test(what)) return ''; // --build-only
    if (!ok) misses.push(`${r.size} lessons: ${what}`);
    return ok ? '' : ' ✖';
  };
  const grows = (/** @type {any} */ r) => r.size > smallest;
  const isMax = (/** @type {any} */ r) => r.size >= 1000; // the build budget is set at 1,000 lessons
  const rows = [
    row('build, wall (s)', `≤ ${BUDGET.buildS} s at 1,000`, (r) => `${f1(r.wall)}${r.walls?.length > 1 ? ` (median of ${r.walls.map((w) => w.toFixed(0)).join(', ')})` : ''}${isMax(r) ? check(r, r.wall <= BUDGET.buildS, `build ${f1(r.wall)} s > ${BUDGET.buildS} s`) : ''}`),
    row('build, CPU time (s, user + sys)', '—', (r) => f1(r.cpu)),
    row('load average during the build', '—', (r) => f1(r.load)),
    row('build, peak memory (MB, process tree)', `≤ ${BUDGET.peakMB} MB`, (r) => `${f1(r.peak / MB, 0)}${check(r, r.peak <= BUDGET.peakMB * MB, `peak memory ${f1(r.peak / MB, 0)} MB`)}`),
    row('files rendered (pages, search data); dist (MB)', '—', (r) => `${r.pages}; ${f1(r.bytes / MB)}`),
    row(`lesson ${SAMPLE}: HTML gzip (KB); elements`, `≤ ${BUDGET.lessonGzipKB} KB, ≤ ${BUDGET.growth}× the smallest`, (r) =>
      `${f1(r.sample.gzip / KB)}; ${r.sample.elements}${check(r, r.sample.gzip <= BUDGET.lessonGzipKB * KB && (!grows(r) || (r.sample.gzip <= base.sample.gzip * BUDGET.growth && r.sample.elements <= base.sample.elements * BUDGET.growth)), 'lesson page grows with the course')}`),
    row('largest lesson: HTML gzip (KB); elements', `≤ ${BUDGET.lessonGzipKB} KB`, (r) => `${f1(r.largest.gzip / KB)}; ${r.largest.elements}${check(r, r.largest.gzip <= BUDGET.lessonGzipKB * KB, `largest lesson ${r.largest.path}`)}`),
    row('progress / certificate / home HTML gzip (KB)', `≤ ${BUDGET.growth}× the smallest`, (r) =>
      `${f1(r.progress / KB)} / ${f1(r.certificate / KB)} / ${f1(r.home / KB)}${grows(r) ? check(r, r.progress <= base.progress * BUDGET.growth && r.certificate <= base.certificate * BUDGET.growth, 'progress/certificate page grows with the course') : ''}`),
    row('search bytes per query, header box (KB, brotli, median)', `≤ ${BUDGET.searchKB} KB`, (r) => `${f1(r.search.bytesPerQuery / KB)}${r.search.hooked ? '' : ` (${r.search.note})`}${check(r, r.search.bytesPerQuery <= BUDGET.searchKB * KB, 'search bytes per query')}`),
    row('search bytes per query, search page top 50 (KB, median)', `≤ ${BUDGET.searchPageKB} KB`, (r) => `${f1((r.search.pageBytesPerQuery ?? NaN) / KB)}${Number.isFinite(r.search.pageBytesPerQuery) ? check(r, r.search.pageBytesPerQuery <= BUDGET.searchPageKB * KB, 'search page bytes per query') : ''}`),
    row('search: first result, cold (ms CPU, no network)', `≤ ${BUDGET.firstResultMs} ms`, (r) => `${f1(r.search.firstResultMs, 1)}${r.search.hooked ? check(r, r.search.firstResultMs <= BUDGET.firstResultMs, 'first result') : ''}`),
    row('search: query p95, shards cached (ms CPU)', `≤ ${BUDGET.p95Ms} ms`, (r) => `${f1(r.search.p95Ms)}${r.search.hooked ? check(r, r.search.p95Ms <= BUDGET.p95Ms, 'query p95') : ''}`),
    row('search: memory of the loaded search (MB)', `≤ ${BUDGET.searchMemMB} MB`, (r) => `${f1(r.search.memoryMB)}${r.search.hooked ? check(r, r.search.memoryMB <= BUDGET.searchMemMB, 'search memory') : ''}`),
    row(`Lighthouse performance, ${SAMPLE} (median of ${LH_RUNS})`, `≥ ${BUDGET.lighthouse}`, (r) => (Number.isFinite(r.lh) ? `${r.lh.toFixed(2)}${check(r, r.lh >= BUDGET.lighthouse, 'Lighthouse')}` : 'skipped')),
  ];
  // --build-only: the search and Lighthouse rows say "skipped" and check nothing.
  for (const r of rows) if (all.every((x) => x.search.skipped) && /^(search|Lighthouse)/.test(r[0])) r.splice(2, r.length - 2, ...all.map(() => 'skipped'));
  if (quiet) return misses;
  const head = ['lessons', 'budget', ...all.map((r) => String(r.size))];
  console.log(`\nbench:scale (${title}) — ${SRC} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}, ${new Date().toISOString()}`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  if (!all.some((r) => r.search.hooked || r.search.skipped)) console.log('search: no shard measurer in this checkout; "whole index" = every visitor downloads it.');
  return misses;
}

// One size: its table is already printed above.
failures = results.length ? printTable('all sizes', results, results.length === 1) : ['no size measured'];
if (failures.length) {
  console.error(`\n✖ ${failures.length} budget(s) missed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\n✔ every budget met.');

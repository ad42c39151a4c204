/**
 * `npm run bench:search`: measures search quality, size and speed on the BUILT site (dist/)
 * and exits non-zero when a budget is missed. No row passes by construction.
 *  - documents: every built lesson page, glossary term and quiz question is in the store;
 *  - recall: 300 random 2–8 character substrings of the indexed text (fails if the text does not
 *    yield them); every document that contains the substring must be returned; precision: every
 *    result flagged exact contains it (containment is checked here independently: NFKC + lower
 *    case + String.includes);
 *  - known items: each lesson title and glossary term as a query ranks its own page first
 *    (≥98 %) and within the top 3 (100 %);
 *  - size: index + store brotli (≤500 KB); search JavaScript as the site ships it, gzip (≤15 KB:
 *    the page's search island — header box, or the search page's own — with every chunk it
 *    imports and the search worker it starts (engine + lunr), read from dist/ by the same
 *    measurer as `npm run size`; Preact's own chunks, shared by every island, excluded);
 *  - speed: first result (nothing loaded → first answer of the header box: manifest, shards,
 *    fragments, scoring; median over the typical queries, ≤500 ms CPU, the budget of the old
 *    whole-index load) and query latency once the files are cached, in CPU time of this process
 *    (process.cpuUsage), which other programs on a shared machine do not inflate; wall-clock
 *    figures are printed beside. Queries: 3 runs each, p95 over all runs (< 20 ms).
 *  - memory held by the loaded search after every measured query (≤50 MB).
 * Measurements of bytes, first result, p95 and memory: scripts/lib/search-measure.ts (shared with bench:scale).
 * Usage: node --experimental-strip-types scripts/bench-search.ts [distDir]
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { queryTokens } from '../src/lib/search/analyzer.ts';
import { MANIFEST_FILE, type FragmentFileJSON, type ManifestJSON } from '../src/lib/search/shards.ts';
import { gzipBytes, jsWeight } from './lib/js-weight.mjs';
import { readSite } from './lib/js-budget.mjs';
import { dataDir, measureSearch, openEngine, quantile, PAGE_LIMIT } from './lib/search-measure.ts';

const dist = process.argv[2] ?? 'dist';
/** beforeKB: what every visitor downloaded before sharding (index + store, brotli, 28 lessons, 2026-12). */
const BUDGET = { queryKB: 200, beforeKB: 326.6, jsKB: 15, firstMs: 500, p95ms: 20, memoryMB: 50, knownFirst: 0.98, knownTop3: 1, recall: 1, precision: 1, samples: 300 };

if (!existsSync(join(dataDir(dist), MANIFEST_FILE))) {
  console.error(`No ${join(dataDir(dist), MANIFEST_FILE)}: run \`npm run build\` first.`);
  process.exit(2);
}
const median = (xs: number[]) => quantile(xs, 0.5);
console.log('machine:', `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}`, `${Math.round(os.totalmem() / 2 ** 30)} GiB`, `node ${process.version}`, os.platform());

const manifest = JSON.parse(readFileSync(join(dataDir(dist), MANIFEST_FILE), 'utf8')) as ManifestJSON;
// Every document's text, read from the fragment files (independently of the engine).
const frags = manifest.frags.flatMap(([, f]) => (JSON.parse(readFileSync(join(dataDir(dist), f), 'utf8')) as FragmentFileJSON).docs);
/** store.docs as before sharding: [type, title, module, url, aliases, sections]. */
const store = {
  docs: manifest.docs.map(([t, title, aliases, m, u], i) => [t, t === 3 ? frags[i]![0] : title, m, manifest.urls[u]!, aliases, frags[i]![1]] as [number, string, number, string, string[], [string, string][]]),
};
const engine = await openEngine(dist);

// ---- independent view of each document's text ----
const norm = (s: string) => s.normalize('NFKC').toLowerCase();
const docText = store.docs.map(([, title, , , aliases, sections]) => ({
  title,
  aliases,
  full: [title, ...aliases, ...sections.map(([, t]) => t)].join('\n'),
  norm: [title, ...aliases, ...sections.map(([, t]) => t)].map(norm).join('\n'),
}));

// ---- random substrings (seeded) ----
let seed = 20240607;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const totalLen = docText.reduce((s, d) => s + d.full.length, 0);
const samples: string[] = [];
let skipped = 0;
// Draw until the budget's number of usable samples, giving up after 20× as many candidates: a text
// (or an analyser) that yields too few fails the row instead of looping or passing.
for (let tries = 0; samples.length < BUDGET.samples && tries < BUDGET.samples * 20; tries++) {
  let r = Math.floor(rand() * totalLen);
  let d = 0;
  while (r >= docText[d]!.full.length) r -= docText[d++]!.full.length;
  const len = 2 + Math.floor(rand() * 7);
  const sub = docText[d]!.full.slice(r, r + len);
  if (sub.length < 2 || /\n/.test(sub) || !queryTokens(sub).length || /[\uD800-\uDFFF]/.test(sub.slice(-1) + sub[0])) {
    skipped++;
    continue;
  }
  samples.push(sub);
}

// Warm-up (JIT) with queries outside the measured set, as a page would after its first keystrokes.
for (let i = 0; i < 30; i++) await engine.search(docText[i % docText.length]!.title.slice(0, 2 + (i % 5)), { limit: Infinity });

let recallMiss = 0;
let exactFlags = 0;
let exactWrong = 0;
const misses: string[] = [];
for (const q of samples) {
  const { results } = await engine.search(q, { limit: Infinity });
  const got = new Set(results.map((r) => r.ref));
  const nq = norm(q).trim().replace(/\s+/g, ' ');
  docText.forEach((d, ref) => {
    if (d.norm.includes(nq) && !got.has(ref)) {
      recallMiss++;
      if (misses.length < 10) misses.push(`"${q}" missed doc ${ref} (${d.title})`);
    }
  });
  for (const r of results) {
    if (!r.exact) continue;
    exactFlags++;
    if (!docText[r.ref]!.norm.includes(nq)) exactWrong++;
  }
}
const expectedPairs = samples.reduce((s, q) => s + docText.filter((d) => d.norm.includes(norm(q).trim().replace(/\s+/g, ' '))).length, 0);
const recall = 1 - recallMiss / Math.max(1, expectedPairs);
const precision = exactFlags ? 1 - exactWrong / exactFlags : 1;

// ---- known items ----
let kFirst = 0;
let kTop3 = 0;
const known = store.docs.map((d, ref) => ({ d, ref })).filter(({ d }) => d[0] !== 3); // lessons, cases, terms
const knownMisses: string[] = [];
for (const { d, ref } of known) {
  const { results } = await engine.search(d[1], { limit: 10 });
  const rank = results.findIndex((r) => r.ref === ref);
  if (rank === 0) kFirst++;
  if (rank >= 0 && rank < 3) kTop3++;
  if (rank !== 0) knownMisses.push(`"${d[1]}" ranked ${rank < 0 ? '>10' : rank + 1} (first: ${results[0]?.title})`);
}

// ---- section links: every URL fragment in the store is an id on the built page ----
let anchors = 0;
const badAnchors: string[] = [];
const pageIds = new Map<string, Set<string>>();
for (const [, , , url, , sections] of store.docs) {
  for (const u of [url, ...sections.map(([a]) => (a ? `${url}#${a}` : ''))].filter((x) => x.includes('#'))) {
    const [path, frag] = u.split('#') as [string, string];
    const rel = path.replace(/^\/+/, '').slice(Math.max(0, (process.env.SITE_BASE ?? '/').length - 1));
    if (!pageIds.has(path)) {
      const file = join(dist, rel, 'index.html');
      const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
      pageIds.set(path, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))));
    }
    anchors++;
    if (!pageIds.get(path)!.has(frag)) badAnchors.push(u);
  }
}

// ---- bytes, first result, latency, memory (shared with bench:scale) ----
const m = await measureSearch(dist, { extra: samples });

/**
 * Search JavaScript as shipped: the search island of a page (header box on the home page, the
 * search page's own on /search/) with every chunk it imports and the worker it starts, measured
 * on dist/ by scripts/lib/js-weight.mjs. Preact's own chunks (named after Preact's dist files) are
 * the shared framework every island uses and are excluded, as is the renderer.
 */
const site = readSite(dist);
const PREACT_CHUNK = /\/(preact|hooks|jsxRuntime|signals|signals-core|compat)\.module\.[\w-]+\.js$/;
function searchJs(pagePath: string, island: RegExp): { kb: number; files: string[] } {
  const page = site.pages.find((p: { path: string }) => p.path === pagePath);
  if (!page) return { kb: Infinity, files: [] };
  const tag = [...page.html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => m[0]).find((t) => island.test(t));
  const url = (attr: string) => (tag ? new RegExp(`${attr}="([^"]+)"`).exec(tag)?.[1] : undefined);
  const component = url('component-url');
  const renderer = url('renderer-url');
  if (!component || !renderer) return { kb: Infinity, files: [] };
  const reach = (u: string) => jsWeight(`<script type="module" src="${u}"></script>`, site.readAsset).files as string[];
  const shared = new Set(reach(renderer));
  const files = reach(component).filter((f) => !shared.has(f) && !PREACT_CHUNK.test(f));
  return { kb: files.reduce((s, f) => s + gzipBytes(site.readAsset(f) ?? ''), 0) / 1024, files };
}
const boxJs = searchJs('/', /SearchBox\./);
const pageJs = searchJs('/search/', /SearchPage\./);
const workerFiles = pageJs.files.filter((f) => /worker/i.test(f));
const jsKB = Math.max(boxJs.kb, pageJs.kb);

// ---- documents: what the built site has, independently of the index ----
const builtLessons = site.pages.filter((p: { path: string }) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.path)).length;
const glossary = site.pages.find((p: { path: string }) => p.path === '/glossary/')?.html ?? '';
const builtTerms = new Set([...glossary.matchAll(/\sid="(term-[^"]+)"/g)].map((m) => m[1])).size;
// A question pool's page shows one fixed paper; the island fetches the whole pool (/quiz-pools/<id>.json).
const poolSize = (id: string) => (JSON.parse(readFileSync(join(dist, 'quiz-pools', `${id}.json`), 'utf8')) as { quiz: { questions: unknown[] } }).quiz.questions.length;
const builtQuestions = site.pages
  .filter((p: { path: string }) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.path))
  .reduce((n: number, p: { html: string }) => {
    let k = [...p.html.matchAll(/\sdata-question-id="/g)].length;
    for (const [, id, count] of p.html.matchAll(/\sdata-quiz-id="([^"]+)"[^>]*\sdata-quiz-pool="(\d+)"/g)) {
      const size = poolSize(id!);
      k += size - Math.min(Number(count), size);
    }
    return n + k;
  }, 0);
const ofType = (t: number) => store.docs.filter((d) => d[0] === t).length;
const docsOk = ofType(0) + ofType(1) === builtLessons && ofType(2) === builtTerms && ofType(3) === builtQuestions && builtLessons > 0;

// ---- report ----
const rows: [string, string, boolean][] = [
  [`documents`, `${store.docs.length}: lessons+cases ${ofType(0) + ofType(1)}/${builtLessons} pages, terms ${ofType(2)}/${builtTerms}, questions ${ofType(3)}/${builtQuestions} on the built pages`, docsOk],
  [`first result (cold)`, `${m.firstResultMs.cpu.toFixed(1)} ms CPU median, p95 ${m.firstResultMs.p95cpu.toFixed(1)} ms (wall ${m.firstResultMs.wall.toFixed(1)} ms; no network), over ${m.queries.length} typical queries, budget ${BUDGET.firstMs} ms`, m.firstResultMs.cpu <= BUDGET.firstMs],
  [`substring queries`, `${samples.length} of ${BUDGET.samples} wanted (2–8 chars; ${skipped} candidates without text skipped)`, samples.length >= BUDGET.samples],
  [`recall`, `${(recall * 100).toFixed(2)} % (${recallMiss} misses / ${expectedPairs} doc-matches)`, recall >= BUDGET.recall && expectedPairs > 0],
  [`precision of exact flags`, `${(precision * 100).toFixed(2)} % (${exactWrong} wrong / ${exactFlags})`, precision >= BUDGET.precision && exactFlags > 0],
  [`known items first`, `${((kFirst / known.length) * 100).toFixed(1)} % (${kFirst}/${known.length})`, kFirst / known.length >= BUDGET.knownFirst],
  [`known items top 3`, `${((kTop3 / known.length) * 100).toFixed(1)} % (${kTop3}/${known.length})`, kTop3 / known.length >= BUDGET.knownTop3],
  [`section links`, `${anchors - badAnchors.length}/${anchors} fragments exist on their pages`, badAnchors.length === 0 && anchors > 0],
  [`bytes per query (brotli)`, `header box median ${m.headerKB.median.toFixed(1)} KB, p95 ${m.headerKB.p95.toFixed(1)}, max ${m.headerKB.max.toFixed(1)} ("${m.headerKB.worst}"), budget ${BUDGET.queryKB} KB`, m.headerKB.p95 <= BUDGET.queryKB],
  [`  search page (top ${PAGE_LIMIT})`, `median ${m.pageKB.median.toFixed(1)} KB, p95 ${m.pageKB.p95.toFixed(1)}, max ${m.pageKB.max.toFixed(1)} ("${m.pageKB.worst}"); broadest (协调) ${m.broadestKB.header.toFixed(1)} / ${m.broadestKB.page.toFixed(1)} KB; after one 显示更多结果 (top 30) median ${m.pageMoreKB.median.toFixed(1)} KB; budget: max ≤ ${BUDGET.beforeKB} KB (the whole index before sharding)`, m.pageKB.max <= BUDGET.beforeKB],
  [`search data on disk`, `${m.files.totalRawKB.toFixed(0)} KB raw in ${m.files.shards} shards (largest ${m.files.largestShardKB.toFixed(1)} KB) + ${m.files.fragments} fragment files + manifest (${m.files.manifestKB.toFixed(1)} KB brotli)`, m.files.shards > 1],
  [
    `search JS as shipped (gzip)`,
    `${jsKB.toFixed(1)} KB per page without Preact: header box ${boxJs.kb.toFixed(1)} KB (${boxJs.files.length} files), search page ${pageJs.kb.toFixed(1)} KB (${pageJs.files.length} files), of which the worker ${workerFiles.map((f) => `${f} ${(gzipBytes(site.readAsset(f) ?? '') / 1024).toFixed(1)} KB`).join(', ') || 'NOT FOUND'}`,
    jsKB <= BUDGET.jsKB && workerFiles.length > 0,
  ],
  [`query latency p50 / p95`, `${m.queryMs.p50.toFixed(2)} / ${m.queryMs.p95.toFixed(2)} ms CPU over all ${m.queryMs.runs} runs, shards cached (wall p95 ${m.queryMs.wallP95.toFixed(2)} ms, broadest ${m.queryMs.broadest.toFixed(1)} ms, load avg ${os.loadavg()[0]!.toFixed(1)})`, m.queryMs.p95 < BUDGET.p95ms],
  [`memory of loaded search`, `${m.memoryMB.toFixed(1)} MB JS heap after all queries${m.gc ? '' : ' (no --expose-gc: includes garbage)'}, budget ${BUDGET.memoryMB} MB`, m.memoryMB <= BUDGET.memoryMB],
];
for (const [k, v, ok] of rows) console.log(`${ok ? '✔' : '✖'} ${k.padEnd(26)} ${v}`);
if (badAnchors.length) console.log('missing anchors:\n  ' + [...new Set(badAnchors)].slice(0, 10).join('\n  '));
if (misses.length) console.log('recall misses:\n  ' + misses.join('\n  '));
if (knownMisses.length) console.log('known items not first:\n  ' + knownMisses.slice(0, 15).join('\n  '));
const failed = rows.filter((r) => !r[2]);
if (failed.length) {
  console.error(`\n✖ search budget missed: ${failed.map((r) => r[0]).join(', ')}`);
  process.exit(1);
}
console.log('\n✔ search within budget');

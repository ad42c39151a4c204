/**
 * Search at catalogue size without building the site: reads the BUILT course's search documents
 * (dist/search/data), clones its lessons and cases with their quiz questions up to N lessons
 * (glossary terms are not cloned), with varied text (each clone swaps a seeded tenth of the CJK
 * characters for others, so clones have their own bigrams rather than identical postings),
 * writes the sharded index with the site's own builder (build.ts) into a temporary dist, and
 * measures it with scripts/lib/search-measure.ts. A stand-in until `npm run bench:scale` builds
 * real catalogues; both use the same measurer.
 * Usage: npm run bench:search-scale -- [lessons=1000] [dist=dist]
 * SEARCH_SCALE_KEEP=<dir>: write the synthetic search data under <dir> and keep it (for profiling).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildSearchFiles } from '../src/lib/search/build.ts';
import { SEARCH_DATA_DIR } from '../src/lib/search/shards.ts';
import { measureSearch, PAGE_LIMIT, PAGE_MORE_LIMIT } from './lib/search-measure.ts';
import { cloneSearchDocs } from './lib/search-clone.ts';

const lessons = Number(process.argv[2] ?? 1000);
const dist = process.argv[3] ?? 'dist';
const { docs, count, clones, builtPages } = cloneSearchDocs(dist, lessons);

const keep = process.env.SEARCH_SCALE_KEEP;
const out = keep || mkdtempSync(join(tmpdir(), 'search-scale-'));
try {
  console.log(`${docs.length} documents; building the index…`);
  const t0 = performance.now();
  const files = buildSearchFiles(docs);
  console.log(`index built in ${((performance.now() - t0) / 1000).toFixed(1)} s; measuring…`);
  const buildMs = performance.now() - t0;
  mkdirSync(join(out, SEARCH_DATA_DIR), { recursive: true });
  for (const [name, text] of files) writeFileSync(join(out, SEARCH_DATA_DIR, name), text);
  const m = await measureSearch(out);
  const BUDGET = { kb: 200, firstMs: 1000, p95: 20, mb: 50 };
  const ok = (b: boolean) => (b ? '✔' : '✖');
  console.log(`machine: ${m.machine}`);
  console.log(`${count} lessons+cases (${clones} varied clones of ${builtPages}), ${docs.length} documents; index build ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`data: ${(m.files.totalRawKB / 1024).toFixed(1)} MB raw, ${m.files.shards} shards (largest ${m.files.largestShardKB.toFixed(0)} KB), ${m.files.fragments} fragment files, manifest ${m.files.manifestKB.toFixed(1)} KB brotli`);
  console.log(`${ok(m.headerKB.p95 <= BUDGET.kb)} bytes per typical query, header box: median ${m.headerKB.median.toFixed(1)} KB, p95 ${m.headerKB.p95.toFixed(1)}, max ${m.headerKB.max.toFixed(1)} ("${m.headerKB.worst}"), budget ${BUDGET.kb} KB`);
  console.log(`${ok(m.pageKB.p95 <= BUDGET.kb)} search page, first answer (top ${PAGE_LIMIT}): median ${m.pageKB.median.toFixed(1)} KB, p95 ${m.pageKB.p95.toFixed(1)}, max ${m.pageKB.max.toFixed(1)} ("${m.pageKB.worst}"); broadest 协调: ${m.broadestKB.header.toFixed(1)} / ${m.broadestKB.page.toFixed(1)} KB; after one 显示更多结果 (top ${PAGE_MORE_LIMIT}): median ${m.pageMoreKB.median.toFixed(1)} KB, p95 ${m.pageMoreKB.p95.toFixed(1)}`);
  console.log(`${ok(m.firstResultMs.cpu <= BUDGET.firstMs)} first result (cold, no network): ${m.firstResultMs.cpu.toFixed(1)} ms CPU median, p95 ${m.firstResultMs.p95cpu.toFixed(1)} (wall ${m.firstResultMs.wall.toFixed(1)} ms)`);
  console.log(`${ok(m.queryMs.p95 <= BUDGET.p95)} query p95 cached: ${m.queryMs.p95.toFixed(2)} ms CPU (p50 ${m.queryMs.p50.toFixed(2)}, ${m.queryMs.runs} runs; broadest 协调 ${m.queryMs.broadest.toFixed(1)} ms; wall p95 ${m.queryMs.wallP95.toFixed(1)})`);
  console.log(`${ok(m.memoryMB <= BUDGET.mb)} memory of the loaded search: ${m.memoryMB.toFixed(1)} MB${m.gc ? '' : ' (no --expose-gc)'}`);
} finally {
  if (!keep) rmSync(out, { recursive: true, force: true });
}

/**
 * The search hook of `npm run bench:scale` (see scripts/bench-scale.mjs): the figures of
 * scripts/lib/search-measure.ts (the measurer `npm run bench:search` uses) in the shape bench:scale
 * prints. Bytes: median brotli bytes of a typical header-box query, manifest included. First result:
 * cold CPU time from nothing loaded to the first answer (parse manifest, shards, fragments; score),
 * without network time. Node ≥ 22.18 runs the TypeScript import by type stripping.
 */
import { measureSearch as measure } from './search-measure.ts';

/** @param {{ dist: string, origin?: string }} opts */
export async function measureSearch({ dist }) {
  const m = await measure(dist);
  return {
    bytesPerQuery: Math.round(m.headerKB.median * 1024),
    pageBytesPerQuery: Math.round(m.pageKB.median * 1024),
    firstResultMs: m.firstResultMs.cpu,
    p95Ms: m.queryMs.p95,
    memoryMB: m.memoryMB,
    note: `header box p95 ${m.headerKB.p95.toFixed(0)} KB, search page (first answer, top 10) median ${m.pageKB.median.toFixed(0)} KB; first result CPU without network${m.gc ? '' : '; memory without --expose-gc'}`,
  };
}

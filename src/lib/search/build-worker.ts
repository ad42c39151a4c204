/**
 * The search index build in a worker thread (node:worker_threads; started by integration.ts): receives
 * the documents once, answers with the search data files as [name, JSON text] pairs (build.ts).
 * Plain Node runs it from the source (type stripping; the search modules import each other with .ts).
 */
import { parentPort } from 'node:worker_threads';
import { buildSearchFiles } from './build.ts';
import type { SearchDoc } from './types.ts';

parentPort!.once('message', (docs: SearchDoc[]) => {
  const t0 = performance.now();
  const files = [...buildSearchFiles(docs)];
  parentPort!.postMessage({ files, ms: performance.now() - t0, docs: docs.length });
});

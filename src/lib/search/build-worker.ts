/**
 * The search index build in a worker thread (node:worker_threads; started by integration.ts): receives
 * the documents once, builds the search data files (build.ts) and writes them into the built site's
 * search data folder itself, while the pages are still rendering on the other threads; answers with
 * what it wrote. Plain Node runs it from the source (type stripping; the search modules import each
 * other with .ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { buildSearchFiles } from './build.ts';
import type { SearchDoc } from './types.ts';

export interface SearchWorkerJob {
  docs: SearchDoc[];
  /** The folder to write the files into (<outDir>/search/data/). */
  dir: string;
}

export interface SearchWorkerAnswer {
  files: number;
  bytes: number;
  /** Building and writing, ms. */
  ms: number;
  docs: number;
}

parentPort!.once('message', ({ docs, dir }: SearchWorkerJob) => {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const [name, text] of buildSearchFiles(docs)) {
    writeFileSync(join(dir, name), text);
    files++;
    bytes += Buffer.byteLength(text);
  }
  const answer: SearchWorkerAnswer = { files, bytes, ms: performance.now() - t0, docs: docs.length };
  parentPort!.postMessage(answer);
});
